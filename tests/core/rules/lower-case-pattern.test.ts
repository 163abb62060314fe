// LowerCasePattern must give exactly what the same source with the `iu` flags gives, on any text: the
// rules' findings (and so the outputs) depend on it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LowerCasePattern } from '../../../src/core/rules/lower-case-pattern.js';
import { findDate, hasDate, MONTH_NAME } from '../../../src/core/rules/patterns.js';

/** Sources like the rules' own: alternations of words, \b, captures, month names, classes, `.` counts. */
const SOURCES = [
  String.raw`^(?:by|written by|autor(?:in)?:?|автор:?|作者[:：]?)\s+(.{2,10})$`,
  String.raw`\b(?:sep(?:t(?:ember)?)?|oct(?:ober)?|kwietnia|août|września|марта)\.?\s+(\d{1,2}),?\s+(\d{4})`,
  String.raw`^(?:©|\(c\)|copyright\b)\s*(.+?)\s*(?:[.,]\s*all rights reserved)?\.?$`,
  String.raw`\((?:[\w .]{0,5}\s)?(?:photo|bild)s?\s*(?:\/|by)[^)]{0,8}\)$`,
  String.raw`(?:getty images|istock(?:photo)?|afp|epa)\)?\.?$`,
  String.raw`^(.{2,8}?),? (?:at|um|в) \d{1,2}[:.h]\d{2}(?: ?[ap]\.? ?m\.?)?$`,
];

/** Letters that case-fold or lower-case unusually (ſ, İ, ı, K, Å, ẞ, Σ/ς), and the patterns' own. */
const PIECES = [
  'by ', 'By ', 'BY ', 'ſ', 'İ', 'ı', 'i', 'I', 'K', 'k', 'Å', 'å', 'ẞ', 'ß', 'Σ', 'ς', 'σ', 'Autorin: ', 'Автор ', 'АВТОР ', '作者：',
  'Sep', 'SEPT', 'ſept', 'October', 'OKT', 'Août', 'AOÛT', 'Września', 'WRZEŚNIA', 'марта', 'МАРТА', ' ', '.', ',', '(', ')', '/', ':',
  '©', '(C)', 'Copyright', 'COPYRIGHT', 'All Rights Reserved', 'Photo', 'PHOTOS', 'Bild', 'Getty Images', 'iStockPhoto', 'AFP', 'EPA',
  ' at ', ' AT ', ' um ', ' В ', 'AM', 'p.m.', 'h', 'H', '6', '19', '2024', '7:02', 'x', 'Jane', 'é', 'É', '😀',
];

function iu(source: string, text: string): unknown {
  const match = new RegExp(source, 'iu').exec(text);
  return match && { groups: [...match], index: match.index };
}

function lowerCase(pattern: LowerCasePattern, text: string): unknown {
  const match = pattern.exec(text);
  return match && { groups: [...match], index: match.index };
}

describe('LowerCasePattern', () => {
  it('matches, captures and tests exactly as the iu pattern does', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));
    for (const source of SOURCES) {
      const pattern = new LowerCasePattern(source);
      fc.assert(
        fc.property(text, (t) => {
          expect(lowerCase(pattern, t)).toEqual(iu(source, t));
          expect(pattern.test(t)).toBe(new RegExp(source, 'iu').test(t));
          expect(pattern.test(t, t.toLowerCase())).toBe(new RegExp(source, 'iu').test(t));
        }),
        { numRuns: 400 },
      );
    }
  });

  it('reads the groups from the original text, in its own case', () => {
    const match = new LowerCasePattern(String.raw`^by\s+(.+)$`).exec('BY Jane DOE');
    expect(match?.[1]).toBe('Jane DOE');
    expect(match?.index).toBe(0);
    expect(match?.input).toBe('BY Jane DOE');
  });

  it('defers to the iu pattern on text with a long s or a dotted capital I', () => {
    // ſ case-folds to s but lower-cases to itself; İ lower-cases to two characters.
    expect(new LowerCasePattern('^september$').test('ſeptember')).toBe(true);
    expect(new LowerCasePattern(String.raw`^x (\w+) (y)$`).exec('X İ Y')).toBeNull();
    expect(new LowerCasePattern(String.raw`^x (.+) (y)$`).exec('X İİ Y')?.slice(1)).toEqual(['İİ', 'Y']);
  });

  it('refuses a source with upper-case letters, which could never match', () => {
    expect(() => new LowerCasePattern('^By ')).toThrow(/lower-case source/);
    expect(() => new LowerCasePattern(String.raw`^\S+\p{Lu}\D`)).not.toThrow();
  });
});

describe('findDate', () => {
  // The single iu alternation that findDate's separate lower-case forms replace.
  const ALTERNATION = new RegExp(
    [
      `\\b${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
      `\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?${MONTH_NAME}\\s+(?:de\\s+)?\\d{4}`,
      '\\b\\d{4}-\\d{2}-\\d{2}\\b',
      '\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b',
      '\\d{4}年\\d{1,2}月\\d{1,2}日',
    ].join('|'),
    'iu',
  );
  const DATE_PIECES = [
    ' ', ', ', '.', '/', '-', 'de ', 'DE ', 'October', 'Oct.', 'SEPT', 'ſept', 'May', 'Mai', 'März', 'marca', 'Декабря', 'İ', 'x',
    '19', '1', '19th', '2024', '10', '2024-10-19', '19.10.2024', '10/19/24', '2024年10月19日', '年', '月', '日', '😀',
  ];

  it('finds what the single iu alternation found, at the same place', () => {
    const text = fc.array(fc.constantFrom(...DATE_PIECES), { maxLength: 10 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const expected = ALTERNATION.exec(t);
        const found = findDate(t);
        expect(found && { text: found[0], index: found.index }).toEqual(expected && { text: expected[0], index: expected.index });
        expect(hasDate(t)).toBe(expected !== null);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the leftmost date, whatever its form', () => {
    expect(findDate('On 19 Oct 2024 and 2024-10-19')?.[0]).toBe('19 Oct 2024');
    expect(findDate('2024-10-19, October 19, 2024')?.[0]).toBe('2024-10-19');
  });
});
