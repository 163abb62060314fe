// cut-section-headings — a step of the cut of run-on lines (run-on-lines.ts). Evidence: inside a page
// joined on one line, the heading of a box of other content ("Related articles", "Top Stories", "READ
// MORE:", "DON'T MISS", "Most popular in the section") is printed between the text before the box and the
// first teaser title in it, with nothing to mark either edge: "… crush protests Top stories Armenian
// Genocide …", "… the plague. Related articles Plague outbreak: …". Glued to a teaser's title, the heading
// is no longer a line of its own, and the section-openers rule, which drops such a heading and the run of
// teasers it opens, does not see it. So the piece is cut before and after a phrase of the section-openers
// list (rules/section-headings.ts) written as a heading: two to five words, the first capitalised, and a
// capitalised word right after it, where the next title starts. Prose writes these phrases in lower case
// ("related articles were"), or goes on in lower case after them ("Read more about the plan"). One-word
// headings ("Latest", "Trending", "Headlines") are left alone: a title or a sentence opens with them too.
// Chinese and Japanese have no capitals, but write a sentence without spaces: a heading of the list that
// stands between two spaces as a whole word ("… 商標です。 関連記事 こちらの記事も …") is a label, and is
// cut out alone; prose runs on into the phrase ("関連記事はこちら"). Not inside a run of such labels long
// enough to be cut out whole (cut-unspaced-label-runs.ts), where it is one label more of a menu.
import type { Words } from './run-on-lines.js';
import { mayStartOpener, OPENERS } from '../rules/section-headings.js';
import { unspacedLabelRunSpans } from './cut-unspaced-label-runs.js';
import { isUnspacedWord } from './run-on-lines.js';

/** Words of the shortest heading cut out: two. One word is as often a title's or a sentence's first. */
const MIN_HEADING_WORDS = 2;
/** Words of the longest heading tried ("most popular in the section" has five). */
const MAX_HEADING_WORDS = 5;

/**
 * Adds to `cuts` the start of each section heading in `piece` (see the comment at the top) and the start of
 * the word after it. The shortest heading found at a word is taken: a few phrases end in a name of any
 * length ("More from …"), which would run on into the first title.
 */
export function sectionHeadingCuts(piece: string, words: Words, cuts: number[]): void {
  const { starts, ends, cases, count: n } = words;
  // The piece in lower case, made once at its first possible heading rather than once for each: over the
  // beautifulsoup dumps 17,400 words a pass reach the test, and lowering each one's span took most of the
  // function's time. Lower case of the same length in all but rare scripts ("İ"); else each heading is
  // lowered alone.
  let lower: string | undefined;
  let labelRuns: [number, number][] | undefined;
  for (let k = 0; k + MIN_HEADING_WORDS < n; k++) {
    if (cases[k] !== 1 && isUnspacedHeading(piece, starts[k]!, ends[k]!)) {
      // Inside a run of labels long enough to be cut out whole, the heading is one label more of a menu.
      labelRuns ??= unspacedLabelRunSpans(piece, words);
      if (labelRuns.some(([from, to]) => from <= k && k < to)) continue;
      if (k > 0) cuts.push(starts[k]!);
      cuts.push(starts[k + 1]!);
      continue;
    }
    if (cases[k] !== 1 || !mayStartOpener(piece, starts[k]!)) continue;
    if (k > 0 && !opensBox(piece, starts[k - 1]!, ends[k - 1]!)) continue;
    lower ??= piece.toLowerCase();
    const last = Math.min(MAX_HEADING_WORDS, n - k - 1);
    for (let m = MIN_HEADING_WORDS; m <= last; m++) {
      if (cases[k + m] !== 1) continue;
      const from = starts[k]!;
      const to = ends[k + m - 1]!;
      const heading = lower.length === piece.length ? lower.slice(from, to) : piece.slice(from, to).toLowerCase();
      if (!OPENERS.test(withoutClosingMarks(heading))) continue;
      if (k > 0) cuts.push(starts[k]!);
      cuts.push(starts[k + m]!);
      k += m - 1;
      break;
    }
  }
}

/** Marks a heading may close with: a colon, a bar, a dash. */
const CLOSING_MARKS = ':|–—-';

/** The heading as the section-openers list is written: without a closing colon or dash. */
function withoutClosingMarks(heading: string): string {
  let end = heading.length;
  while (end > 0 && CLOSING_MARKS.includes(heading[end - 1]!)) end--;
  return end === heading.length ? heading : heading.slice(0, end);
}

/** Characters of a word that is only a separator of a breadcrumb or a title ("Blog - Latest News", "Home › Latest News"). */
const SEPARATOR_CHARS = '-–—|/\\>»›:';

/**
 * Whether the word of `piece` from `start` to `end` leaves the heading after it the start of a box: anything
 * but a separator. After one ("Blog - Latest News", "Home › Top Stories") the heading is the last step of a
 * breadcrumb or of the page's title, the name of the section the page itself is in, and the article follows.
 * Read in place, character by character: each of the 17,400 words a pass that reach it was a slice and a
 * regular expression before.
 */
export function opensBox(piece: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!SEPARATOR_CHARS.includes(piece[i]!)) return true;
  return start === end;
}

/**
 * Whether the word of `piece` from `start` to `end` is a whole heading of the section-openers list written
 * in Chinese or Japanese ("関連記事", "人気記事"): these scripts write a phrase without spaces, so a
 * space on each side sets the heading apart as a label, with no capital to tell it by; prose would run on
 * into it ("関連記事はこちら").
 */
function isUnspacedHeading(piece: string, start: number, end: number): boolean {
  return isUnspacedWord(piece, start) && mayStartOpener(piece, start) && OPENERS.test(piece.slice(start, end));
}
