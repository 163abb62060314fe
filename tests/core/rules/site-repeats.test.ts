import { describe, expect, it } from 'vitest';
import { siteRepeats } from '../../../src/core/rules/site-repeats.js';
import { addPage, evidenceOf, type CountsBySite } from '../../../src/core/site/fingerprints.js';
import { strip } from '../../../src/core/strip.js';
import { measuredPage, PROSE_A, PROSE_B } from '../../helpers/page.js';

const DISCLAIMER = 'This article is for general information only and does not replace the advice of a qualified professional.';
const MENU = 'Home\nNews\nSport\nWeather';
const FOOTER = 'Contact us | Privacy | Terms';

/** A site of `pages` pages that all carry `shared`, plus `extra` on the first `extraPages` of them. */
function siteOf(pages: number, shared: string, extra = '', extraPages = 0) {
  const counts: CountsBySite = new Map();
  for (let i = 0; i < pages; i++) addPage(counts, 'site', `${shared}\n\n${i < extraPages ? extra : ''}\n\nUnique story number ${i} is told in this sentence of its own.`);
  return evidenceOf(counts.get('site')!);
}

function flaggedWith(text: string, evidence: ReturnType<typeof siteOf>): string[] {
  const page = measuredPage(text);
  return siteRepeats.find(page, { siteEvidence: evidence }).map((f) => page.blocks[f.block]!.text);
}

describe('site-repeats', () => {
  const page = `${MENU}\n\n${PROSE_A}\n\n${DISCLAIMER}\n\n${PROSE_B}\n\n${FOOTER}`;

  it('fires on menu and footer lines that are on most pages of the site', () => {
    expect(flaggedWith(page, siteOf(12, `${MENU}\n\n${FOOTER}`))).toEqual(['Home', 'News', 'Sport', 'Weather', FOOTER]);
  });

  it('fires on the pieces of pages joined on one line that recur on the site, counted as the pages are cut', () => {
    const joinedMenu = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
    const joinedFooter = 'Contact Us About Us Privacy Policy Terms Of Use';
    // Each page's article is its own: prose that recurs on most pages would make the rule stay silent.
    const article = (story: string) => [PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A, PROSE_B].map((p, k) => p.replace(' ', ` ${story} ${k} `)).join(' ');
    const joined = (story: string) => `${joinedMenu} ${article(story)} ${joinedFooter}`;
    const counts: CountsBySite = new Map();
    for (let i = 0; i < 8; i++) addPage(counts, 'site', joined(`story${i}`));
    const flagged = flaggedWith(joined('another'), evidenceOf(counts.get('site')!));
    expect(flagged).toEqual([joinedMenu, joinedFooter]);
  });

  it('keeps a recurring sentence next to article prose, and drops it where it stands apart from text', () => {
    const evidence = siteOf(12, `${MENU}\n\n${DISCLAIMER}\n\n${FOOTER}`);
    expect(flaggedWith(page, evidence)).toEqual(['Home', 'News', 'Sport', 'Weather', FOOTER]);
    expect(flaggedWith(`${PROSE_A}\n\n${PROSE_B}\n\n${DISCLAIMER}\n\n${FOOTER}`, evidence)).toEqual([FOOTER]);
    expect(flaggedWith(`${PROSE_A}\n\n${PROSE_B}\n\n${FOOTER}\n\n${DISCLAIMER}\n\n${MENU}`, evidence)).toEqual([FOOTER, DISCLAIMER, 'Home', 'News', 'Sport', 'Weather']);
  });

  it('says nothing on a duplicate capture, whose long prose itself recurs on the site', () => {
    const article = `${PROSE_A}\n\n${PROSE_B}`;
    expect(flaggedWith(`${MENU}\n\n${article}`, siteOf(12, `${MENU}\n\n${article}`))).toEqual([]);
  });

  it.each([
    ['a line on 3 of 12 pages (the floor is 4 pages)', siteOf(12, '', 'Weather', 3)],
    ['a line on 4 of 20 pages (below 30% of the site)', siteOf(20, '', 'Weather', 4)],
    ['a site of 4 pages, too few to tell', siteOf(4, MENU)],
  ])('does not fire on %s', (_, evidence) => {
    expect(flaggedWith(`${MENU}\n\n${PROSE_A}`, evidence)).toEqual([]);
  });

  it('is silent without site evidence, and strip() uses it when given', () => {
    const promo = 'Read the latest from our newsroom';
    const text = `${PROSE_A}\n\n${PROSE_B}\n\n${promo}`;
    const byRule = (result: ReturnType<typeof strip>) => result.blocks.filter((b) => b.rule === 'site-repeats');
    expect(byRule(strip(text))).toEqual([]);
    const removed = byRule(strip(text, { siteEvidence: siteOf(12, promo) }));
    expect(removed).toEqual([{ lines: [5, 5], piece: false, text: promo, kept: false, rule: 'site-repeats', reason: "on 12 of the site's 12 pages" }]);
  });
});
