// A run-on line is a whole page, or a large part of one, printed without line breaks: what a converter
// writes when it joins all of a page's text with spaces (BeautifulSoup's get_text(' ') and scrapers built
// on it). Such a line holds the menus, the article and the footer at once, so keeping or dropping it whole
// is wrong either way. It is cut into pieces that stand in for the page's blocks, and the rules judge the
// pieces as they judge lines. The cuts:
//   - at sentence ends: a full stop, question or exclamation mark or ellipsis (or a run of them, as in a
//     teaser cut off with ".."), then a space and a character that is not a lower-case letter; or a
//     Chinese or Japanese full stop and a space (pieces are joined again with a space, so a cut must be
//     at one). A full stop after an initial ("J.") or a common abbreviation ("Mr.",
//     "Nov.", "tsp.") ends no sentence;
//   - around runs of labels inside a sentence piece: five or more words in a row that are capitalised or
//     have no letter ("Home News Sport Weather Travel", a title-case headline). Menus and headlines are
//     written as labels and prose mostly in lower case, so a change of case is where one block of the page
//     gives way to the next. Text in scripts without case has no such cuts;
//   - after a posting stamp (a clock time with a date just before it, "November 19, 2019 at 7:19 am") and
//     after a commenter's "says:": where a comment, a byline or a post in a feed begins.
// A long line is taken for run-on only when it also holds a run of eight labels with no sentence end among
// them, which a menu makes and a paragraph, however long, does not: a summary printed on one long line is a
// paragraph, and cutting it would only let its sentences be compared one by one with their copies in the
// article. Pieces are contiguous and separated by one space, so a line whose pieces are all kept renders
// unchanged (pipeline/render.ts).

import { WRITER_VERBS } from '../rules/comment-headers.js';
import { findDate } from '../rules/patterns.js';

/**
 * Lines shorter than this are never cut: a page joined on one line is longer, and shorter lines are left
 * whole as the dumps print them. Longer ones are rare otherwise (12 of the aeb dev set's 17,000 html-text
 * lines: two long paragraphs, and menus printed on one line).
 */
export const RUN_ON_MIN_CHARS = 1000;
/**
 * Capitalised words in a row that make a line a run-on line. The dev set's long paragraphs have at most 6
 * (names and titles), its pages joined on one line 9 or more.
 */
const MIN_LABEL_RUN = 8;
/**
 * Capitalised words in a row that are cut out of a sentence piece as labels. Fewer are a name or a title
 * inside a sentence ("the San Francisco Chronicle"); a menu or a title-case headline has more.
 */
const MIN_CUT_RUN = 5;

/** Abbreviations whose full stop is not a sentence's end (lower case). Initials are caught by their length. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'no', 'nr', 'gen', 'sen', 'rep',
  'gov', 'lt', 'col', 'sgt', 'capt', 'mt', 'ft', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'approx', 'dept', 'est', 'fig', 'vol', 'pp', 'ca', 'bzw', 'usw', 'vgl', 'sra', 'mme', 'mlle', 'tsp', 'tbsp', 'oz', 'lb',
  'lbs', 'min', 'max', 'hr', 'hrs', 'sec', 'pt', 'pts', 'ed', 'eds', 'rev', 'ave', 'blvd', 'rd', 'univ', 'assn',
]);

/**
 * The pieces of a run-on line (already trimmed, white space folded to single spaces), in order; the line
 * itself, alone, when it is shorter than RUN_ON_MIN_CHARS or has nowhere to be cut.
 */
export function runOnPieces(line: string): string[] {
  if (line.length < RUN_ON_MIN_CHARS || !hasLabelRun(line)) return [line];
  const pieces: string[] = [];
  for (const sentence of sentencePieces(line)) {
    let from = 0;
    const cuts = [...new Set([...labelRunCuts(sentence), ...stampCuts(sentence)])].sort((a, b) => a - b);
    for (const cut of cuts) {
      pieces.push(sentence.slice(from, cut - 1));
      from = cut;
    }
    pieces.push(sentence.slice(from));
  }
  return pieces;
}

const SENTENCE_MARKS = '.!?…';
const UNSPACED_SENTENCE_MARKS = '。！？';
const CLOSERS = '"\'”’»)]';

/** The line cut after each sentence end (see the comment at the top); one scan, each character read a bounded number of times. */
function sentencePieces(line: string): string[] {
  const pieces: string[] = [];
  const n = line.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = line[i]!;
    const unspaced = UNSPACED_SENTENCE_MARKS.includes(c);
    if (!unspaced && !SENTENCE_MARKS.includes(c)) {
      i++;
      continue;
    }
    const markAt = i;
    let j = i + 1;
    while (j < n && (SENTENCE_MARKS.includes(line[j]!) || UNSPACED_SENTENCE_MARKS.includes(line[j]!))) j++;
    while (j < n && CLOSERS.includes(line[j]!)) j++;
    i = j;
    if (line[j] !== ' ' || j + 1 >= n || (!unspaced && isLowerCaseLetter(line[j + 1]!))) continue;
    if (line[markAt] === '.' && j === markAt + 1 && isAbbreviation(line, markAt)) continue;
    pieces.push(line.slice(start, j));
    start = j + 1;
  }
  pieces.push(line.slice(start));
  return pieces.filter((piece) => piece !== '');
}

function isLowerCaseLetter(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Whether the word before a full stop at `dot` is an initial or an abbreviation. */
function isAbbreviation(line: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && isCasedOrLetter(line[from - 1]!)) from--;
  const word = line.slice(from, dot);
  if (word.length === 1) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function isCasedOrLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/**
 * Where runs of labels begin and end inside a piece: MIN_CUT_RUN or more words in a row that are
 * capitalised or have no letter. A run followed by a word in lower case gives its last capitalised word to
 * what follows: that word begins the sentence ("… Video Game Il black Friday incombe …").
 */
function labelRunCuts(piece: string): number[] {
  const starts: number[] = [];
  const cases: number[] = [];
  for (let i = 0; i < piece.length; ) {
    while (i < piece.length && piece[i] === ' ') i++;
    if (i >= piece.length) break;
    starts.push(i);
    cases.push(wordCase(piece, i));
    while (i < piece.length && piece[i] !== ' ') i++;
  }
  const n = starts.length;
  const cuts: number[] = [];
  for (let k = 0; k < n; ) {
    if (cases[k] === -1) {
      k++;
      continue;
    }
    let end = k;
    while (end < n && cases[end] !== -1) end++;
    // Words k .. end-1 are a run; a capitalised last word before lower case starts the sentence.
    let runEnd = end;
    if (end < n && cases[end - 1] === 1) runEnd = end - 1;
    if (runEnd - k >= MIN_CUT_RUN) {
      if (k > 0) cuts.push(starts[k]!);
      if (runEnd < n) cuts.push(starts[runEnd]!);
    }
    k = end;
  }
  return cuts;
}

/** A clock time, "7:19", "10:31 pm", "19:02:11", ending before a space. */
const CLOCK_TIME = /(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]\.? ?m\.?)?(?= )/giu;
/** A comment's header, "jane42 says:": the verb of saying and its colon, before a space. */
const SAYS = new RegExp(String.raw`(?<= )${WRITER_VERBS}:(?= )`, 'giu');
/** How far before a clock time a date makes it a posting stamp. */
const STAMP_DATE_WINDOW = 40;

/**
 * Where posting stamps end inside a piece: after a clock time with a date shortly before it ("November
 * 19, 2019 at 7:19 am"). A comment, a byline or a post in a feed starts after its stamp.
 */
function stampCuts(piece: string): number[] {
  const cuts: number[] = [];
  if (!piece.includes(':')) return cuts;
  for (const match of piece.matchAll(SAYS)) cuts.push(match.index + match[0].length + 1);
  for (const match of piece.matchAll(CLOCK_TIME)) {
    const end = match.index + match[0].length;
    if (findDate(piece.slice(Math.max(0, match.index - STAMP_DATE_WINDOW), match.index)) !== null) cuts.push(end + 1);
  }
  return cuts.filter((cut) => cut < piece.length);
}

/** Whether MIN_LABEL_RUN words in a row are capitalised or have no letter, none of them ending a sentence. */
function hasLabelRun(line: string): boolean {
  let run = 0;
  for (let i = 0; i < line.length; ) {
    while (i < line.length && line[i] === ' ') i++;
    if (i >= line.length) break;
    const wordStart = i;
    while (i < line.length && line[i] !== ' ') i++;
    if (wordCase(line, wordStart) === -1) {
      run = 0;
      continue;
    }
    if (++run >= MIN_LABEL_RUN) return true;
    if (endsSentence(line, i)) run = 0;
  }
  return false;
}

/** Whether the word ending before `end` ends in a sentence mark, maybe followed by closing quotes or brackets. */
function endsSentence(line: string, end: number): boolean {
  let i = end - 1;
  while (i > 0 && CLOSERS.includes(line[i]!)) i--;
  return SENTENCE_MARKS.includes(line[i]!) || UNSPACED_SENTENCE_MARKS.includes(line[i]!);
}

/** The case of a word's first letter, looking past opening quotes and brackets. */
function wordCase(piece: string, at: number): number {
  for (let i = at; i < piece.length && piece[i] !== ' '; i++) {
    const ch = piece[i]!;
    if (ch.toLowerCase() === ch.toUpperCase()) {
      if ('"\'“‘«(['.includes(ch)) continue;
      return 0;
    }
    return ch === ch.toUpperCase() ? 1 : -1;
  }
  return 0;
}
