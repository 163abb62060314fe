import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPage, evidenceOf, onlyRepeats, serializeCounts, type CountsBySite, type SiteEvidence } from '../../../src/core/site/fingerprints.js';
import { parseRepeats, SiteRepeats, SiteRepeatsBuilder } from '../../../src/core/site/site-repeats.js';

/** Lines pages are made of; a few are never on a page, so that lookups also miss. */
const VOCABULARY = Array.from({ length: 40 }, (_, i) => `line ${i} of the menu`);
const ABSENT = ['not on any page', 'line 99 of the menu', ''];

/** Sites of random pages drawn from VOCABULARY, counted as the counting pass counts them. */
const crawl = fc
  .array(fc.tuple(fc.constantFrom('a.example', 'b.example', 'ü.example', 'c.example'), fc.array(fc.array(fc.nat(VOCABULARY.length - 1), { maxLength: 12 }), { maxLength: 30 })), { maxLength: 4 })
  .map((sites) => {
    const counts: CountsBySite = new Map();
    for (const [site, pages] of sites) for (const page of pages) addPage(counts, site, page.map((k) => VOCABULARY[k]).join('\n'));
    return counts;
  });

/** What each site's evidence says of every line, as seen through `evidence`. */
function answers(sites: Iterable<string>, evidence: (site: string) => SiteEvidence | undefined): Map<string, number[]> {
  return new Map([...sites].map((site) => {
    const e = evidence(site);
    return [site, e ? [e.pages, ...[...VOCABULARY, ...ABSENT].map((line) => e.count(line))] : []];
  }));
}

describe('site repeats', () => {
  it('give every site the evidence its counts give, line by line', () => {
    fc.assert(
      fc.property(crawl, (counts) => {
        const shared = SiteRepeats.fromCounts(counts);
        expect(answers(counts.keys(), (site) => shared.evidence(site))).toEqual(answers(counts.keys(), (site) => evidenceOf(counts.get(site)!)));
        expect(shared.size).toBe(counts.size);
      }),
      { numRuns: 200 },
    );
  });

  it('cut to some sites, give those sites the same evidence and the others none', () => {
    fc.assert(
      fc.property(crawl, fc.subarray(['a.example', 'b.example', 'ü.example', 'c.example', 'not.counted']), (counts, wanted) => {
        const all = SiteRepeats.fromCounts(counts);
        const some = new SiteRepeats(all.subset(wanted));
        const sites = [...counts.keys(), 'not.counted'];
        const expected = answers(sites, (site) => (wanted.includes(site) ? all.evidence(site) : undefined));
        expect(answers(sites, (site) => some.evidence(site))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('read from a counts file, give the evidence of the repeats only', () => {
    fc.assert(
      fc.property(crawl, (counts) => {
        const read = parseRepeats(serializeCounts(counts));
        expect(answers(counts.keys(), (site) => read.evidence(site))).toEqual(answers(counts.keys(), (site) => evidenceOf(onlyRepeats(counts.get(site)!))));
      }),
      { numRuns: 200 },
    );
  });

  it('give no evidence for a site they do not name, or for none', () => {
    const counts: CountsBySite = new Map();
    for (let i = 0; i < 6; i++) addPage(counts, 'a.example', 'Home\nNews');
    const shared = SiteRepeats.fromCounts(counts);
    expect(shared.evidence('a.example')?.count('home')).toBe(6);
    expect(shared.evidence('b.example')).toBeUndefined();
    expect(shared.evidence(undefined)).toBeUndefined();
  });

  it('keep every line they are given, across the blocks they are gathered in', () => {
    // Sites whose lines end at, just before and just after a block's end (65,536 lines), over three blocks.
    const sizes = [65_535, 1, 0, 2, 65_536, 1];
    const builder = new SiteRepeatsBuilder();
    sizes.forEach((size, k) => {
      builder.site(`site${k}.example`, 100 + k);
      for (let i = 0; i < size; i++) builder.line(k, i * 3, 1 + ((i + k) % 97));
    });
    const counts = builder.finish().toCounts();
    expect(counts.size).toBe(sizes.length);
    sizes.forEach((size, k) => {
      const site = counts.get(`site${k}.example`)!;
      expect([site.pages, site.lines.size]).toEqual([100 + k, size]);
      let wrong = 0;
      for (let i = 0; i < size; i++) if (site.lines.get(k, i * 3) !== 1 + ((i + k) % 97)) wrong++;
      expect(wrong).toBe(0);
    });
  });

  it('keep their lines on shared memory of exactly their size, so that worker threads get them without a copy', () => {
    const builder = new SiteRepeatsBuilder();
    builder.site('a.example', 10);
    for (let i = 0; i < 3000; i++) builder.line(1, i, 5);
    builder.site('b.example', 3);
    const { data } = builder.finish();
    for (const array of [data.a, data.b, data.n]) {
      expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(array.length).toBe(3000);
    }
    expect([...data.starts]).toEqual([0, 3000, 3000]);
    // A structured clone (what a worker thread receives) sees the same memory.
    const copy = structuredClone(data);
    data.n[0] = 7;
    expect(copy.n[0]).toBe(7);
  });
});
