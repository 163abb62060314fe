// site-repeats — Evidence: the line recurs on many pages of the same site. A site prints its menus,
// section lists, share bars, "most read" boxes and footers on every page, while an article is written
// once; one page alone often cannot tell a short menu line from a short line of text, but the site's
// other pages can. The counts come from outside (StripOptions.siteEvidence, built by a first pass over
// the site's pages): a line is evidence when it is on at least REPEAT_SHARE of the site's pages and on
// MIN_REPEAT_PAGES of them (so two captures of the same article, or a digest quoting another page, do
// not decide), and only for sites of MIN_SITE_PAGES pages or more. A recurring line of prose next to
// another line of prose is left alone, recurring or not: it is part of an article-like run, such as a
// standard disclaimer or a quote in the body, or the body itself when the site holds several captures
// of the same article. On a page whose long prose mostly recurs (a duplicate capture) the rule says
// nothing at all: there the counts cannot tell article from template.
import { repeatThreshold } from '../site/fingerprints.js';
import type { Finding, Page, StripOptions } from '../types.js';
import { isLongProse, isProse } from './prose.js';
import type { Rule } from './rule.js';

/** A page whose long prose recurs this much (share of its long prose blocks) is a duplicate capture. */
const DUPLICATE_SHARE = 0.5;

export const siteRepeats: Rule = {
  id: 'site-repeats',
  description: 'Lines that recur on many pages of the same site (menus, footers, boxes), given the site\'s line counts.',
  find(page: Page, options?: StripOptions): Finding[] {
    const evidence = options?.siteEvidence;
    if (!evidence) return [];
    const threshold = repeatThreshold(evidence.pages);
    if (!Number.isFinite(threshold)) return [];
    // A line in a script without spaces has had its words cut by the segmenter already (about a
    // microsecond a character): countWords reuses them, where count() would cut them again.
    const counts = page.blocks.map((b) =>
      b.wordCount === 0 ? 0 : b.unspaced && evidence.countWords ? evidence.countWords(b.words) : evidence.count(b.lower),
    );
    const recurs = counts.map((n) => n >= threshold);
    const prose = page.blocks.map((b, i) => isProse(b.text, page.measures[i]!));
    if (isDuplicateCapture(page, recurs)) return [];
    const findings: Finding[] = [];
    for (let i = 0; i < page.blocks.length; i++) {
      if (!recurs[i]) continue;
      if (prose[i] && insideArticleRun(i, prose)) continue;
      findings.push({ block: i, verdict: 'boilerplate', reason: `on ${counts[i]} of the site's ${evidence.pages} pages` });
    }
    return findings;
  },
};

/**
 * Article text is written once, so on a page whose long prose itself mostly recurs the site holds other
 * captures of the same article (the same URL crawled twice, mirrors, syndicated copies): there the counts
 * cannot tell the article from the template, and the rule stays silent.
 */
function isDuplicateCapture(page: Page, recurs: boolean[]): boolean {
  let long = 0;
  let recurring = 0;
  page.blocks.forEach((b, i) => {
    if (!isLongProse(b.text, page.measures[i]!)) return;
    long++;
    if (recurs[i]) recurring++;
  });
  return long > 0 && recurring >= DUPLICATE_SHARE * long;
}

/** Block `i` and a neighbour are both prose: a run of article-like text, recurring or not. */
function insideArticleRun(i: number, prose: boolean[]): boolean {
  return (i > 0 && prose[i - 1]!) || (i + 1 < prose.length && prose[i + 1]!);
}
