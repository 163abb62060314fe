// The package entry point, as the README's Library section documents it: cross-page evidence counted with
// addPage (or read from a counts file with parseCounts), turned into a site's evidence with evidenceOf and
// given to strip() as siteEvidence.
import { describe, expect, it } from 'vitest';
import { addPage, DEFAULT_THRESHOLDS, evidenceOf, fingerprint, lineKey, mergeCounts, parseCounts, serializeCounts, strip, type CountsBySite } from '../src/index.js';
import { PROSE_A, PROSE_B } from './helpers/page.js';

const PROMO = 'Read the latest from our newsroom';
/** A page of the site: its own article (prose that recurs on the site would make the rule stay silent), and the promo line every page carries. */
const pageOf = (i: number) => `${PROSE_A.replace(' ', ` ${i} `)}\n\n${PROSE_B.replace(' ', ` ${i} `)}\n\n${PROMO}`;
const pages = Array.from({ length: 6 }, (_, i) => pageOf(i));
const dropped = (text: string, options = {}) => strip(text, options).blocks.filter((b) => b.rule === 'site-repeats').map((b) => b.text);

describe('cross-page evidence through the library', () => {
  it('addPage counts the pages, evidenceOf makes the siteEvidence that strip() drops a recurring line with', () => {
    const counts: CountsBySite = new Map();
    for (const page of pages) addPage(counts, 'example.org', page);
    const site = counts.get('example.org')!;
    expect(site.pages).toBe(6);
    expect(dropped(pages[0]!)).toEqual([]);
    expect(dropped(pages[0]!, { siteEvidence: evidenceOf(site) })).toEqual([PROMO]);
    expect(strip(pages[0]!, { siteEvidence: evidenceOf(site) }).text).not.toContain(PROMO);
  });

  it('parseCounts reads what serializeCounts (and counts build) write, with the same evidence; mergeCounts adds shards up', () => {
    const first: CountsBySite = new Map();
    const second: CountsBySite = new Map();
    pages.forEach((page, i) => addPage(i < 3 ? first : second, 'example.org', page));
    const merged = mergeCounts(first, second);
    const file = serializeCounts(merged);
    expect(file).toMatch(/^boilerstrip-counts 2\nexample\.org\t6\n/u);
    // A line's fingerprint in the file is fingerprint(lineKey(line)), with the pages that carry it.
    expect(file).toContain(`\t${fingerprint(lineKey(PROMO))}\t6\n`);
    const read = parseCounts(file).get('example.org')!;
    expect(read.pages).toBe(6);
    expect(evidenceOf(read).count(PROMO.toLowerCase())).toBe(6);
    expect(dropped(pages[0]!, { siteEvidence: evidenceOf(read) })).toEqual([PROMO]);
    expect(() => parseCounts(file.slice(0, file.lastIndexOf('end')))).toThrow(/cut short/u);
  });

  it('exports the default thresholds', () => {
    expect(DEFAULT_THRESHOLDS).toMatchObject({ lengthLow: 70, lengthHigh: 200, stopwordsLow: 0.3, stopwordsHigh: 0.34, maxRegionGap: 30, minRegionShare: 0.15 });
  });
});
