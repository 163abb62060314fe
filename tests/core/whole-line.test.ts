// wholeLine splits a phrase list into a set of plain phrases and buckets of patterns sorted by their plain
// start; it must match exactly what one anchored alternation of all the phrases matches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainStart, wholeLine } from '../../src/core/rules/rule.js';

const PHRASES = [
  'share', 'shares?', 'top (?:stories|news)', 'more from [\\p{L} -]{1,40}', 'a.b', 'x', "today['’]s paper", 'e-?mail', '分享', 'c++'.replace(/\+/g, '\\+'),
  // Starts that must not sort a pattern by more than what every match starts with.
  'news|top picks', 'to(?:p|day)|yesterday', 'ab?cd', 'xy*z', 'mn{0,2}op', 'mo+re', '[ab]cd', '(?:ti )?potrebbe', '\\+1 more', 'tod(?:ay)?', '(?:x|y)|zz',
  'grüße(?: aus \\S+)?', '😀😀 fun', 'to', 'a😀?bc', '😀x*yz',
];
const SAMPLES = [
  'share', 'shares', 'sharess', 'top stories', 'top news', 'top', 'more from the bbc', 'a.b', 'axb', 'x', 'xx', "today's paper", 'today’s paper', 'email', 'e-mail', '分享',
  'c++', 'c', '', 'news', 'top picks', 'today', 'yesterday', 'acd', 'abcd', 'xz', 'xyyz', 'mop', 'mnnop', 'mooore', 'acd', 'bcd', 'potrebbe', 'ti potrebbe', '+1 more',
  'tod', 'x', 'y', 'zz', 'grüße', 'grüße aus wien', '😀😀 fun', 'to', 'tp', 'abc', 'a😀bc', 'a😀😀bc', '😀yz', '😀xxyz',
];
const alternation = new RegExp(`^(?:${PHRASES.join('|')})$`, 'u');

describe('wholeLine', () => {
  const lines = wholeLine(PHRASES);

  it.each(SAMPLES)('agrees with the single alternation on %j', (sample) => {
    expect(lines.test(sample)).toBe(alternation.test(sample));
  });

  it('agrees with the single alternation on lines made of the samples’ pieces', () => {
    const piece = fc.oneof(fc.constantFrom(...SAMPLES), fc.constantFrom(...SAMPLES).map((s) => s.slice(0, 3)), fc.string({ maxLength: 3 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 4 }), fc.constantFrom('', ' '), (pieces, glue) => {
      const line = pieces.join(glue);
      expect(lines.test(line)).toBe(alternation.test(line));
    }), { numRuns: 3000 });
  });
});

describe('wholeLine phrases that cannot be bucketed', () => {
  it('rejects a phrase that is not a valid pattern when the list is made', () => {
    expect(() => wholeLine(['fine', 'xy('])).toThrow(SyntaxError);
  });

  it.each(['(a)\\1', '(?<n>a)\\k<n>'])('rejects a back reference: %j', (phrase) => {
    expect(() => wholeLine([phrase])).toThrow(/refer back/u);
  });
});

describe('plainStart', () => {
  it.each([
    ['top (?:stories|news)', 'top '],
    ['shares?', 'share'],
    ['e-?mail', 'e'],
    ['mn{0,2}op', 'm'],
    ['mo+re', 'mo'],
    ['[ab]cd', ''],
    ['news|top picks', ''],
    ['to(?:p|day)|yesterday', ''],
    ['(?:x|y)|zz', ''],
    ['more (?:in \\S+|on (?:a|b))', 'more '],
    ['a[|]b', 'a'],
    ['a\\|b', 'a'],
    ['a😀?bc', 'a'],
    ['x😀*', 'x'],
    ['😀a?', '😀'],
  ])('%j starts with %j', (source, start) => {
    expect(plainStart(source)).toBe(start);
  });
});
