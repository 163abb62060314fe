import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPage, fingerprint, fingerprintFromHex, fingerprintHex, lineFingerprint, lineKey, mergeCounts, pageFingerprints, parseCounts, repeatThreshold, serializeCounts, type CountsBySite } from '../../../src/core/site/fingerprints.js';

describe('line fingerprints', () => {
  it('fingerprint the normalised line: case, spacing and decoration do not matter, words do', () => {
    expect(lineKey('  » Top   Stories (12) ')).toBe('top stories 12');
    expect(fingerprint(lineKey('Top Stories'))).toBe(fingerprint(lineKey('» top  stories')));
    expect(fingerprint(lineKey('Top Stories'))).not.toBe(fingerprint(lineKey('Top Story')));
    expect(fingerprint('x')).toHaveLength(4);
    expect(fingerprintHex(fingerprint('x'))).toMatch(/^[0-9a-f]{16}$/u);
    expect(fingerprintFromHex(fingerprintHex(fingerprint('x')))).toBe(fingerprint('x'));
    // The counts file format: these are the digits the first release wrote, so its files stay valid.
    expect(fingerprintHex(fingerprint('top stories'))).toBe('00d7cadd2efd4681');
    expect(fingerprintHex(fingerprint(''))).toBe('811c9dc5106e08d9');
  });

  it('fingerprint a lower-cased line as they fingerprint its key, in one scan (any mix of scripts and marks)', () => {
    const pieces = ['a', 'B', 'é', 'Ä', '1', ' ', '  ', '\t', "'", '’', '-', '»', '(', '.', 'ß', 'İ', 'я', 'ก', '中文', 'の', '\u00a0', '\u200b', '😀', 'ﬁ'];
    const line = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(line, (text) => {
        const key = lineKey(text);
        expect(lineFingerprint(text.toLowerCase())).toBe(key === '' ? undefined : fingerprint(key));
      }),
      { numRuns: 2000 },
    );
    expect(lineFingerprint("  don't  miss: » top stories ")).toBe(fingerprint("don't miss top stories"));
    expect(lineFingerprint(' » (12) ')).toBe(fingerprint('12'));
    expect(lineFingerprint(' » – ')).toBeUndefined();
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
