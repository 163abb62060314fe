// cut-slide-counters — a step of the cut of run-on lines (run-on-lines.ts). Evidence: a photo gallery
// prints each caption behind its slide counter ("3 of 4 A shopper looks at …") and after the credit of the
// photo before ("… (Elias Funez/The Union via AP) 3 of 4 A shopper …"). Joined on one line, the counter and
// its caption stay glued to that credit: the cut at sentence ends does not cut before a number, nor after a
// bracket. So the piece is cut before a counter, a number, "of" and a number no smaller, with a
// capitalised word after it, where the word before ends with a bracket or a sentence mark or is a number
// (the gallery's count of photos, "4 1 of 4 …"). The caption then starts its piece with the counter, as
// it starts its line in other dumps, and metadata-lines finds the gallery by two or more such counters of
// one total a few pieces apart. A sentence that opens with a count ("3 of 4 voters …") is cut where it
// starts anyway; one with a count inside has a word in lower case before it.
import type { Words } from './run-on-lines.js';

/** A slide's number or the gallery's total: one to three digits. */
const NUMBER = /^\d{1,3}$/u;
/** How the word before the counter may end: a credit's bracket, a sentence mark, maybe a closing quote. */
const BEFORE = /[)\].!?…]["'”’»]?$/u;

/** Adds to `cuts` the start of each slide counter in `piece` (see the comment at the top). */
export function slideCounterCuts(piece: string, words: Words, cuts: number[]): void {
  const { starts, ends, cases, count: n } = words;
  const word = (k: number) => piece.slice(starts[k]!, ends[k]!);
  for (let k = 1; k + 3 < n; k++) {
    if (cases[k + 3] !== 1 || word(k + 1) !== 'of') continue;
    const slide = word(k);
    const total = word(k + 2);
    if (!NUMBER.test(slide) || !NUMBER.test(total) || Number(slide) < 1 || Number(slide) > Number(total)) continue;
    const before = word(k - 1);
    if (!NUMBER.test(before) && !BEFORE.test(before)) continue;
    cuts.push(starts[k]!);
  }
}
