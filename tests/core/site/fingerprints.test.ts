import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPage, fingerprint, LineCounts, lineKey, mergeCounts, pageFingerprints, parseCounts, repeatThreshold, serializeCounts, type CountsBySite } from '../../../src/core/site/fingerprints.js';

describe('line fingerprints', () => {
  it('fingerprint the normalised line: case, spacing and decoration do not matter, words do', () => {
    expect(lineKey('  » Top   Stories (12) ')).toBe('top stories 12');
    expect(fingerprint(lineKey('Top Stories'))).toBe(fingerprint(lineKey('» top  stories')));
    expect(fingerprint(lineKey('Top Stories'))).not.toBe(fingerprint(lineKey('Top Story')));
    expect(fingerprint('x')).toMatch(/^[0-9a-f]{16}$/u);
    // The counts file format: these are the digits the first release wrote, so its files stay valid.
    expect(fingerprint('top stories')).toBe('00d7cadd2efd4681');
    expect(fingerprint('')).toBe('811c9dc5106e08d9');
  });

  /** The fingerprints the one-scan counter finds in a text, as hex digits. */
  const scanned = (text: string) => {
    const out: string[] = [];
    pageFingerprints(text).forEach((a, b) => out.push(a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')));
    return out.sort();
  };

  it('fingerprint the lines of a page in one scan as they fingerprint their keys, each once (any mix of scripts, marks and line breaks)', () => {
    const pieces = ['a', 'B', 'é', 'Ä', '1', ' ', '  ', '\t', "'", '’', '-', '»', '(', '.', 'ß', 'İ', 'Σ', 'я', 'ก', '中文', 'の', '\u00a0', '\u200b', '😀', 'ﬁ', '\n', '\r\n', '\r'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const keys = new Set(t.split(/\r\n|\r|\n/u).map(lineKey).filter((key) => key !== ''));
        expect(scanned(t)).toEqual([...keys].map(fingerprint).sort());
      }),
      { numRuns: 2000 },
    );
    expect(scanned("  Don't  miss: » TOP stories \n\n » (12) \r\n » – ")).toEqual([fingerprint("don't miss top stories"), fingerprint('12')].sort());
    // The one context-sensitive lower case: a sigma after a zero-width space is not final once collapsed.
    expect(scanned('a\u200bΣ')).toEqual([fingerprint('a σ')]);
  });

  it('keep counts per fingerprint like a map, through growth and a copy as arrays', () => {
    const counts = new LineCounts(4);
    const reference = new Map<string, number>();
    let wrongReturns = 0;
    for (let i = 0; i < 5000; i++) {
      const a = (i * 7919) % 3001;
      const b = (i * 104729) % 2003;
      const n = (i % 3) + 1;
      const expected = (reference.get(`${a},${b}`) ?? 0) + n;
      if (counts.add(a, b, n) !== expected) wrongReturns++;
      reference.set(`${a},${b}`, expected);
    }
    expect(wrongReturns).toBe(0);
    const copy = LineCounts.fromArrays(counts.toArrays());
    for (const table of [counts, copy]) {
      expect(table.size).toBe(reference.size);
      const seen = new Map<string, number>();
      table.forEach((a, b, n) => seen.set(`${a},${b}`, n));
      expect(seen).toEqual(reference);
    }
    expect(counts.get(4000, 4000)).toBe(0);
  });

  it('count a line once per page and skip blank lines', () => {
    expect(pageFingerprints('Home\n\nHome\n  \nNews\r\n').size).toBe(2);
  });

  it('need a site of 5 pages, then 4 pages or 30% of them', () => {
    expect([2, 4, 5, 12, 20, 100].map(repeatThreshold)).toEqual([Infinity, Infinity, 4, 4, 6, 30]);
  });
});

describe('counts files', () => {
  const page = fc.array(fc.constantFrom('Home', 'News', 'Sport', 'A line of text.', 'Another line', '© 2024', ''), { maxLength: 8 }).map((lines) => lines.join('\n'));
  const pages = fc.array(fc.tuple(fc.constantFrom('a.example', 'b.example', 'c'), page), { maxLength: 30 });

  it('merging the counts of shards gives exactly the counts of one pass over all pages', () => {
    fc.assert(
      fc.property(pages, fc.nat(30), (all, cut) => {
        const count = (list: typeof all) => {
          const counts: CountsBySite = new Map();
          for (const [site, text] of list) addPage(counts, site, text);
          return counts;
        };
        const merged = mergeCounts(parseCounts(serializeCounts(count(all.slice(cut)))), parseCounts(serializeCounts(count(all.slice(0, cut)))));
        expect(serializeCounts(merged)).toBe(serializeCounts(count(all)));
      }),
    );
  });

  it('round-trip through the file format', () => {
    const counts: CountsBySite = new Map();
    addPage(counts, 'news.example', 'Home\nNews');
    addPage(counts, 'news.example', 'Home');
    const text = serializeCounts(counts);
    expect(text.split('\n')[0]).toBe('boilerstrip-counts 1');
    expect(parseCounts(text)).toEqual(counts);
  });

  it.each([
    ['', /not a boilerstrip counts file/u],
    ['boilerstrip-counts 1\n\tabc\t1\n', /line 2 is not a site or a line count/u],
    ['boilerstrip-counts 1\nsite\tmany\n', /line 2/u],
  ])('refuse a malformed file %j', (text, message) => {
    expect(() => parseCounts(text)).toThrow(message);
  });
});
