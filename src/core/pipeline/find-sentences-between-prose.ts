// sentences-between-prose — On a page joined on one line (pipeline/run-on-lines.ts) a paragraph arrives as
// one piece per sentence, and a sentence dense with names ("Imam Abu Hanifah founded the Hanafi school.")
// has too few stop words to pass for prose: the first pass calls it bad, and the neighbour pass then drops
// the short sentences around it as lines among boilerplate, although prose stands on both sides. When every
// piece between two good pieces of the line ends like a sentence and has a word in lower case, no rule
// claimed any of them, and none is a bare link, cut off with "…" or opened by a label and a colon ("Related
// links: …"), they are the article's sentences between two of its paragraphs: a menu, a byline or a list of
// headlines set between article paragraphs is not written in whole sentences, and what a rule recognised (a
// caption, a share prompt) still breaks the run. Such pieces are good. The piece above the run may also be
// near-good, when the run holds only bad and short pieces: the article then goes on below it. Not the piece
// below: under the article's last paragraph, a near-good piece is as often a writer's bio or a newsletter's
// pitch as more of the article (so isLeadInSentence in revise-by-neighbours looks only above a paragraph).
// Only a run that holds a bad piece is taken: short and near-good ones between good pieces the neighbour
// pass keeps anyway.
import { isCutOff } from '../rules/prose.js';
import type { BlockClass, Page } from '../types.js';

/** A label and a colon in the first three words ("Related links: …", "Read more: …"): a heading over links, not a sentence. */
const LABEL_OPENING = /^(?:\S+ ){0,2}\S*\p{L}:(?: |$)/u;

/**
 * A word after the first in lower case, or in a script without case: a sentence has them ("Imam Abu Hanifa
 * founded the Hanafi school."), a run of labels that happens to end with a full stop does not.
 */
const RUNNING_WORD = / ["'“‘(]?[\p{Ll}\p{Lo}]/u;
/** Words from which a piece needs such a word: a one- or two-word sentence ("Wrong.", "It was.") may be all capitals. */
const LABEL_RUN_WORDS = 3;

/** Pieces a run between two good ones has at most: a paragraph or two of short sentences. */
const MAX_RUN = 12;

/** The indices of such runs' pieces, given the first pass's classes. */
export function findSentencesBetweenProse(page: Page, classes: readonly BlockClass[]): number[] {
  const found = new Set<number>();
  // Between two good pieces, near-good sentences may stand in the run too.
  collectRuns(page, classes, (c) => c === 'good', (c) => c !== 'good', found);
  // Under a near-good piece and above a good one, only sentences that cannot be judged alone or were called bad.
  collectRuns(page, classes, (c) => c === 'good' || c === 'near-good', (c) => c === 'bad' || c === 'short', found);
  return [...found].sort((a, b) => a - b);
}

/**
 * Adds to `found` the pieces of each run that stands between a piece `opens` accepts and a good piece below it,
 * on one line, when the run's pieces are all loose sentences (isLooseSentence) of a class `inRun` allows, and
 * one of them is bad.
 */
function collectRuns(page: Page, classes: readonly BlockClass[], opens: (c: BlockClass) => boolean, inRun: (c: BlockClass) => boolean, found: Set<number>): void {
  const { blocks } = page;
  for (let i = 0; i < blocks.length; i++) {
    if (!opens(classes[i]!) || !blocks[i]!.runOnPiece) continue;
    const line = blocks[i]!.line;
    let j = i + 1;
    while (j < blocks.length && j - i <= MAX_RUN && classes[j] !== 'good' && inRun(classes[j]!) && isLooseSentence(page, j, line)) j++;
    if (j === i + 1 || j >= blocks.length || classes[j] !== 'good' || blocks[j]!.line !== line) continue;
    if (!classes.slice(i + 1, j).includes('bad')) continue;
    for (let k = i + 1; k < j; k++) found.add(k);
    // The good piece that ends this run may open the next one.
    i = j - 1;
  }
}

/** Whether piece `k` of `line` may stand in such a run (see the comment at the top). */
function isLooseSentence(page: Page, k: number, line: number): boolean {
  const b = page.blocks[k]!;
  const m = page.measures[k]!;
  return (
    b.runOnPiece &&
    b.line === line &&
    page.findings[k]!.length === 0 &&
    !m.isLink &&
    m.endsLikeSentence &&
    !isCutOff(b.text) &&
    !LABEL_OPENING.test(b.text) &&
    (m.words < LABEL_RUN_WORDS || RUNNING_WORD.test(b.text))
  );
}
