// cut-after-credits — a step of the cut of run-on lines (run-on-lines.ts). Evidence: a photo's credit in
// brackets ("(Image: Getty)", "(Photo by Jane Roe/AP)", "(Image credit: NASA)") ends the caption it belongs
// to; the next word starts another block of the page: the article's next sentence, another caption, a
// teaser. Joined on one line, the credit stays glued to that block, since the cut at sentence ends cuts
// before such a bracket (after the caption's full stop) but never after it. So the piece is cut after a
// credit's closing bracket when a capitalised word follows. metadata-lines then sees a caption that ends
// with its credit, or the credit alone, as it sees them on lines of their own in other dumps, and the
// sentence after it is judged without them. A sentence that mentions a photo in brackets ("the shot (photo
// by her brother) went viral") goes on in lower case and is not cut.
import { PHOTO_CREDIT_IN_BRACKETS } from '../rules/patterns.js';
import { patternOnFirstUse } from '../text/native-regexp.js';
import type { Words } from './run-on-lines.js';

const CREDIT = patternOnFirstUse(PHOTO_CREDIT_IN_BRACKETS, 'giu');

/** Adds to `cuts` the start of each capitalised word that follows a photo credit in `piece` (see the comment at the top). */
export function creditCuts(piece: string, words: Words, cuts: number[]): void {
  if (!piece.includes(')')) return;
  const { starts, cases, count: n } = words;
  let k = 0;
  for (const match of piece.matchAll(CREDIT(piece))) {
    const next = match.index + match[0].length + 1;
    while (k < n && starts[k]! < next) k++;
    if (k < n && starts[k] === next && cases[k] === 1) cuts.push(next);
  }
}
