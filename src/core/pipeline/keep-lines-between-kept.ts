// neighbours, second round — Lines that no rule claimed, between two kept lines, are kept. The neighbour
// pass (revise-by-neighbours.ts) gives a short line the class of the nearest decided lines around it, but
// runs before the lists and tables the article holds are kept (introduced-list, article-table): a heading
// over a kept table ("Tour Dates") or the tail of a kept list still had boilerplate on one side then, and
// was dropped. Run again on the final decisions, jusText's rule keeps such short lines: article on both
// sides, however many. A few lines in a row between two kept lines are the article's too, whatever the
// classifier called them: a subheading or a cover-image credit a little poor in stop words, a short step
// of a procedure, a reader quote full of names. What sits inside an article and is not its text (a share
// bar, a caption, "Related: …", an ad label, a bare link) is claimed by a rule, or is a link, and stays
// dropped; so does a line with next to no stop words (a list of products between two paragraphs). On the
// dev pages (aeb's three dumps and the portal set), runs of up to eight such lines between kept lines were
// all in the gold; MAX_GAP stays at the four that made the difference. Not on a page joined on one line:
// its pieces are cut at sentence ends, and a menu run into the article's first sentence becomes a piece
// between two kept ones (measured: it cost more than it gained there). Runs after main-text, so it never
// changes which region is the article (and a region main-text dropped never lies between two kept ones).
//
// One claim does not stand in the way: repeated-lines' on a short line printed more than once that is
// written as a sentence or around a colon. Inside an article such a line recurs by design: a refrain
// ("Here's the thing:"), a call to action under each product of a buying guide ("See it now: Amazon"),
// the lead-in to each of several lists. Between two kept lines, with nothing else claiming it, such a copy
// is the article's. A repeated caption under every photo is a bare label ("Festival performance photo by
// the theater team"), without such a mark, and stays dropped; so does a long repeated line (a gallery's
// caption, a related headline printed twice) and one that repeats the page title: measured on the dev
// pages, the long ones cost more than they gained.
import type { Block, Finding, Measures, Page } from '../types.js';

/** Lines in a row, not all short, that may stand between two kept lines and be kept with them. */
const MAX_GAP = 4;
/**
 * Stop words a line the classifier called bad needs here, as prose has (rules/prose.ts): a list of names or
 * products between two paragraphs has next to none and stays dropped.
 */
const MIN_STOP_DENSITY = 0.2;

/** A claim this step may overrule: a short written line printed more than once, not the page title (see above). */
function onlyRepeatsAWrittenLine(findings: readonly (Finding & { rule: string })[], block: Block, m: Measures, lengthLow: number): boolean {
  return (
    m.contentLength < lengthLow &&
    findings.every((f) => f.rule === 'repeated-lines' && !f.repeatsTitle) &&
    (m.endsLikeSentence || block.text.includes(':') || block.text.includes('：'))
  );
}

export function keepLinesBetweenKept(page: Page, initialClasses: Page['classes']): void {
  const { blocks, decisions, findings, measures } = page;
  const isUnclaimedDrop = (i: number) =>
    !decisions[i]!.kept &&
    (findings[i]!.length === 0 || onlyRepeatsAWrittenLine(findings[i]!, blocks[i]!, measures[i]!, page.thresholds.lengthLow)) &&
    !measures[i]!.isLink &&
    !blocks[i]!.runOnPiece &&
    (initialClasses[i] !== 'bad' || measures[i]!.relativeStopWordDensity >= MIN_STOP_DENSITY);
  for (let i = 1; i < decisions.length; i++) {
    if (!isUnclaimedDrop(i) || !decisions[i - 1]!.kept) continue;
    let end = i;
    let allShort = true;
    for (; end < decisions.length && isUnclaimedDrop(end); end++) allShort &&= initialClasses[end] === 'short';
    if (end < decisions.length && decisions[end]!.kept && (allShort || end - i <= MAX_GAP)) {
      for (let k = i; k < end; k++) {
        const reason = findings[k]!.length > 0 ? 'repeated short line between kept lines' : `${initialClasses[k]} block between kept lines`;
        decisions[k] = { kept: true, rule: 'neighbours', reason };
      }
    }
    i = end;
  }
}
