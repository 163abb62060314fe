// cut-unspaced-label-runs — a step of the cut of run-on lines (run-on-lines.ts). Evidence: Chinese and
// Japanese write a sentence without spaces, so on a page in these scripts joined on one line, twelve
// phrases in a row separated by spaces only, with no sentence end, comma or semicolon among them
// (MIN_UNSPACED_MENU_RUN, the run that makes such a line count as run-on) are labels: a menu, a breadcrumb,
// related titles and their dates. The cut at label runs looks for capitals, which these scripts have not,
// so the labels stayed glued to the sentence after them ("… 採用情報 サイトマップ 先日、不正に改造した…
// 耳にしました。"). The run ends at the first phrase with a comma or a full stop inside, which is a clause
// of the sentence, or at a word in lower case; the piece is cut before and after the run, so that the
// run is judged apart from the sentence (the long-label-runs part of run-on-fragments drops it).
import type { Words } from './run-on-lines.js';
import { endsClause, endsSentence, hasMarkInside, isCaselessWord, isUnspacedWord, MIN_UNSPACED_MENU_RUN } from './run-on-lines.js';

/** A Chinese character, hiragana or katakana (isUnspacedWord's ranges): a piece without one has no such run. */
const UNSPACED_SCRIPT = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/u;

/** Whether `piece` has a Chinese character, hiragana or katakana: without one it holds no such run (a quick look before reading its words). */
export function hasUnspacedScript(piece: string): boolean {
  return UNSPACED_SCRIPT.test(piece);
}

/** Adds to `cuts` the start of each run of MIN_UNSPACED_MENU_RUN Chinese or Japanese phrases and of the word after it. */
export function unspacedLabelRunCuts(piece: string, words: Words, cuts: number[]): void {
  for (const [from, to] of unspacedLabelRunSpans(piece, words)) {
    if (from > 0) cuts.push(words.starts[from]!);
    if (to < words.count) cuts.push(words.starts[to]!);
  }
}

/**
 * The runs of MIN_UNSPACED_MENU_RUN phrases or more in `piece`, half of them at least Chinese or Japanese, as
 * spans of word indices [from, to): see the comment at the top.
 */
export function unspacedLabelRunSpans(piece: string, words: Words): [number, number][] {
  const { starts, ends, cases, count: n } = words;
  const spans: [number, number][] = [];
  if (n < MIN_UNSPACED_MENU_RUN || !UNSPACED_SCRIPT.test(piece)) return spans;
  let first = -1;
  let phrases = 0;
  let unspaced = 0;
  const close = (after: number) => {
    if (phrases >= MIN_UNSPACED_MENU_RUN && unspaced * 2 >= phrases) spans.push([first, after]);
    first = -1;
    phrases = 0;
    unspaced = 0;
  };
  for (let k = 0; k < n; k++) {
    const caseless = cases[k] === -1 && isCaselessWord(piece, starts[k]!);
    // A word in lower case, a phrase with a clause inside it or one of another script without case ends the run before it.
    if ((cases[k] === -1 && !caseless) || (caseless && (hasMarkInside(piece, starts[k]!, ends[k]!) || !isUnspacedWord(piece, starts[k]!)))) {
      close(k);
      continue;
    }
    // Numbers and symbols neither count nor break the run; capitalised words (HOME, a name) count, but half
    // the run at least must be Chinese or Japanese: twelve capitalised words are the other cut's business.
    if (cases[k] !== 0) {
      if (first < 0) first = k;
      phrases++;
      if (caseless) unspaced++;
    }
    // A phrase that ends a sentence or clause ends the run with it.
    if (endsSentence(piece, ends[k]!) || endsClause(piece, ends[k]!)) close(k + 1);
  }
  close(n);
  return spans;
}
