// long-label-runs — part of the run-on-fragments rule. Evidence: a piece of a page joined on one line that
// holds a long run of labels (holdsLabelRun in pipeline/run-on-lines.ts): twelve Chinese or Japanese
// phrases in a row, or 24 capitalised words, with no sentence end, comma or semicolon among them. Chinese
// and Japanese write a sentence without spaces, so a space there stands between labels: a menu, a
// breadcrumb, a list of related titles and their dates. In Latin script, 24 capitalised words in a row are
// a menu's or a footer's links, or title-case headlines. The cut of the line parts most such runs from the
// text around them, but not from a mark that no space follows ("お守りします。商標登録出願で…"), a title's
// "？" or a headline's full stop at their end ("… Home Depot Stock Is Falling After Its Earnings Release."),
// which spare the piece from the test for twenty words without a mark; and next to the article, the stop
// words of the titles make such a piece pass for prose. A sentence with such a run in it is rare (a long
// list of names has commas); where the run is glued to one, the run is most of the piece. Not 24 words of
// Korean, Hindi or Arabic, which write their sentences with spaces: one that long turns up now and then.
import { holdsLabelRun } from '../pipeline/run-on-lines.js';
import type { Finding, Page } from '../types.js';

/** Findings for the pieces of run-on lines that hold a long run of labels (see the comment at the top). */
export function longLabelRuns(page: Page): Finding[] {
  const findings: Finding[] = [];
  page.blocks.forEach((block, i) => {
    if (!block.runOnPiece || !holdsLabelRun(block.text)) return;
    findings.push({ block: i, verdict: 'boilerplate', reason: 'a long run of labels with no mark between them on a page joined on one line' });
  });
  return findings;
}
