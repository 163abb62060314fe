// cut-enumerations — a step of the cut of run-on lines (run-on-lines.ts). Evidence: a list printed one item
// a line elsewhere ("1) Lego Star Wars … http://…", "June 9 – Tampa, FL @ …") runs on as one sentence when the
// page is joined on one line, since its items end without a sentence mark; the label-run cut then cuts its
// title-case items in two, and the halves, short and poor in stop words, are dropped. An enumeration shows
// itself by the marks its items start with: numbers counting up from 1 with the same mark after them ("1)",
// "2)", "3)" or "1.", "2.", "3."), or a date and a dash ("June 9 –", "9 June –"), three times or more, each
// within MAX_ITEM_WORDS words of the last. A list item is a line, and a line does not end with a comma, an
// article, a preposition or a conjunction: where the word before any item but the first ends with "," or ";"
// or is one of CONTINUING_WORDS ("and", "in", "der", "am"), the numbers or dates are inside a sentence
// ("1) cost, 2) time and 3) risk", "in der 2. Bundesliga", "am 2. März", "June 9 – 12 in Austin, July 1 – 4")
// and there is no list. A number right after the dash makes a range of days, not an item ("June 9 – 12").
// A menu has no numbers counting up. Each item is then a piece of its own, not cut further, as it is a line
// of its own in other dumps, and the text before the first item (the list's heading or its introduction) is
// cut as any piece is. The last item may run into the next block of the page: where every item before it
// ends with a link (a shopping list) it ends after its first link within half again as many words as the
// longest item before it has; else it has at most as many words as that item and ends before the site's
// controls ("About Us", "Privacy Policy": a footer's start), and it and the rest are cut as any piece is.
// It ends before the next list's first item in any case. keep-introduced-lists then keeps the items where
// the article introduces them or they follow it.
import { isControl } from '../rules/interface-strings.js';
import { CONTINUING_WORDS, MONTH_NAME } from '../rules/patterns.js';
import { isAsciiDigit } from '../text/tokens.js';
import type { Words } from './run-on-lines.js';
import { bareForm } from './split-blocks.js';

/** Items an enumeration has at least: two numbered points turn up inside sentences. */
export const MIN_ITEMS = 3;
/** Words an item has at most: longer, and the next number is more likely a figure in the text. */
const MAX_ITEM_WORDS = 60;

/** The marks after an item's number ("1)", "1."). */
const ITEM_MARKS = ').';
/** A list item's number and its mark, as a word of its own: "12)", "12.". */
const NUMBER_MARK = new RegExp(`^(\\d{1,3})([${ITEM_MARKS}])$`, 'u');
/** A day of the month. */
const DAY = /^\d{1,2}(?:st|nd|rd|th|\.)?$/u;
/** A month's name, the whole word. */
const MONTH = new RegExp(`^${MONTH_NAME}$`, 'iu');
/** The dashes between an item's date and its text (the hyphen last, where a character class reads it as itself). */
const DASHES = '–—-';
const DASH = new RegExp(`^[${DASHES}]$`, 'u');
/** Characters the longest month name has, with its full stop ("septiembre."): a longer first word is no date. */
const MAX_DATE_WORD = 11;
/** A bare link, which each item of a shopping list ends with. */
const LINK = /^(?:https?:\/\/|www\.)\S/u;

/** Where an enumeration's items start in a piece (character offsets), and where its last item ends. */
export interface Enumeration {
  starts: number[];
  /** The end of the last item when it is told by the links the items end with; -1 when it is not. */
  lastEnd: number;
  /**
   * Where the last item ends at the latest when `lastEnd` is -1: after as many words as the longest item
   * before it has, before the site's controls or before the next list (or the end of the piece, `piece.length`).
   */
  lastMaxEnd: number;
}

/** No enumeration: one array for all the pieces without one (most of them). */
const NONE: readonly Enumeration[] = [];

/** The enumerations of `piece`, in order (see the comment at the top). */
export function findEnumerations(piece: string, words: Words): readonly Enumeration[] {
  const { starts, ends, count: n } = words;
  let found: Enumeration[] | undefined;
  // The test runs on every word of a page joined on one line, so a word is sliced out only after a look at
  // its characters: the first item's "1)" or "1.", or a one-character dash after a number or before one.
  // That look is the gate: a gate of indexOf calls for "1)", "1." and the spaced dashes before it was
  // measured to cost three times as much as this loop on the aeb dev pages (2.1 against 0.7 ms a pass).
  for (let k = 0; k + 2 < n; k++) {
    const at = starts[k]!;
    const first = piece.charCodeAt(at);
    const firstNumber = first === 0x31 && ends[k]! - at === 2 && isItemMark(piece.charCodeAt(at + 1));
    if (!firstNumber && !(ends[k + 2]! - starts[k + 2]! === 1 && isDash(piece.charCodeAt(starts[k + 2]!)) && (isAsciiDigit(first) || isAsciiDigit(piece.charCodeAt(starts[k + 1]!))))) continue;
    const items = firstNumber ? numberedItems(piece, words, k) : datedItems(piece, words, k);
    if (items === undefined) continue;
    const longest = longestItem(items);
    const last = items.at(-1)!;
    const lastWord = lastItemEnd(piece, words, items, longest);
    const lastMaxWord = lastWord < 0 ? lastItemMaxEnd(piece, words, last, longest) : n - 1;
    found ??= [];
    // The last item of a list ends before the next list starts.
    const previous = found.at(-1);
    if (previous !== undefined && previous.lastMaxEnd >= starts[items[0]!]!) previous.lastMaxEnd = starts[items[0]!]! - 1;
    found.push({ starts: items.map((i) => starts[i]!), lastEnd: lastWord < 0 ? -1 : ends[lastWord]!, lastMaxEnd: lastMaxWord + 1 < n ? ends[lastMaxWord]! : piece.length });
    // The search goes on after the last item: after its last word when its end is told, as the next list
    // may start right after it.
    k = lastWord < 0 ? last : lastWord;
  }
  return found ?? NONE;
}

/** Word `k` of `piece`. */
function wordAt(piece: string, words: Words, k: number): string {
  return piece.slice(words.starts[k]!, words.ends[k]!);
}

/** Word indices of numbered items counting up from "1)" or "1." at word `k`, or undefined. */
function numberedItems(piece: string, words: Words, k: number): number[] | undefined {
  const n = words.count;
  const mark = piece.charCodeAt(words.starts[k]! + 1);
  const items = [k];
  for (let j = k + 1; j < n && j - items.at(-1)! <= MAX_ITEM_WORDS; j++) {
    if (!isAsciiDigit(piece.charCodeAt(words.starts[j]!))) continue;
    const match = NUMBER_MARK.exec(wordAt(piece, words, j));
    // An item has words after its number: "1. 2. 3. 4." is a row of page links.
    if (match === null || match[2]!.charCodeAt(0) !== mark || Number(match[1]) !== items.length + 1 || j === items.at(-1)! + 1) continue;
    if (continuesBefore(piece, words, j)) return undefined;
    items.push(j);
  }
  return items.length >= MIN_ITEMS && items.at(-1)! + 1 < n ? items : undefined;
}

/** Word indices of items opening with a date and a dash ("June 9 –", "9 June –") from word `k`, or undefined. */
function datedItems(piece: string, words: Words, k: number): number[] | undefined {
  const n = words.count;
  const word = (j: number) => wordAt(piece, words, j);
  if (!isDateDash(word, n, k)) return undefined;
  const items = [k];
  for (let j = k + 3; j < n && j - items.at(-1)! <= MAX_ITEM_WORDS; j++) {
    if (isDateDash(word, n, j)) {
      if (continuesBefore(piece, words, j)) return undefined;
      items.push(j);
      j += 2;
    }
  }
  return items.length >= MIN_ITEMS ? items : undefined;
}

/**
 * Whether the word before word `j` ends a line of a sentence rather than a list item: it ends with a comma or
 * a semicolon ("1) cost, 2) time") or it is a word a sentence goes on after ("in der 2. Bundesliga").
 */
function continuesBefore(piece: string, words: Words, j: number): boolean {
  const before = wordAt(piece, words, j - 1);
  return /[,;]$/u.test(before) || CONTINUING_WORDS.has(before.toLowerCase());
}

/** Words the longest item but the last has. */
function longestItem(items: number[]): number {
  let longest = 0;
  for (let i = 1; i < items.length; i++) longest = Math.max(longest, items[i]! - items[i - 1]!);
  return longest;
}

/**
 * Whether words `k`, `k + 1` and `k + 2` are a month and a day, either way round, and a dash, and the word
 * after the dash is no number ("June 9 – 12" is a range of days).
 */
function isDateDash(word: (k: number) => string, n: number, k: number): boolean {
  if (k + 2 >= n || !DASH.test(word(k + 2))) return false;
  if (k + 3 < n && isAsciiDigit(word(k + 3).charCodeAt(0))) return false;
  const a = word(k);
  const b = word(k + 1);
  return (MONTH.test(a) && DAY.test(b)) || (DAY.test(a) && MONTH.test(b));
}

/**
 * The last word of the last item, its first link, when every item before it ends with one and the link is
 * within half again `longest` words of the item's start (a link further on belongs to the next block); else -1.
 */
function lastItemEnd(piece: string, words: Words, items: number[], longest: number): number {
  const n = words.count;
  for (let i = 1; i < items.length; i++) if (!LINK.test(wordAt(piece, words, items[i]! - 1))) return -1;
  const last = items.at(-1)!;
  // An item may be somewhat longer than the others ("… on four discs https://…"): half again as many words.
  const limit = last + longest + Math.ceil(longest / 2);
  for (let j = last + 1; j < n && j < limit; j++) if (LINK.test(wordAt(piece, words, j))) return j + 1 < n ? j : -1;
  return -1;
}

/** Whether `text` opens with a date and a dash, as an item of a dated enumeration does ("June 9 – …"). */
export function startsWithDateDash(text: string): boolean {
  // The dash, a one-character third word, is looked for first: the test runs on every piece of such a page.
  const first = text.indexOf(' ');
  if (first < 0 || first > MAX_DATE_WORD) return false;
  const second = text.indexOf(' ', first + 1);
  if (second < 0 || second - first > MAX_DATE_WORD + 1 || text.charCodeAt(second + 2) !== 0x20 || !isDash(text.charCodeAt(second + 1))) return false;
  // The word after the dash too: a number there makes a range of days, as the cut reads it.
  const third = text.indexOf(' ', second + 3);
  const words = [text.slice(0, first), text.slice(first + 1, second), text[second + 1]!, text.slice(second + 3, third < 0 ? text.length : third)];
  return isDateDash((k) => words[k]!, words[3] === '' ? 3 : 4, 0);
}

/**
 * The last word the last item (from word `last`) may have when its end is not told by a link: the item has
 * at most `longest` words, and it ends before one of the site's controls of two words or more or two of
 * them in a row ("… North Park Arena About Us Contact …"), which open the page's footer (one word alone, as
 * "Press", may be a name's).
 */
function lastItemMaxEnd(piece: string, words: Words, last: number, longest: number): number {
  const end = Math.min(words.count, last + longest) - 1;
  // The first words (a number, or a date and a dash, and the item's first word) are the item's own.
  for (let j = last + 3; j <= end; j++) {
    const size = controlWords(piece, words, j);
    if (size > 1 || (size === 1 && controlWords(piece, words, j + 1) > 0)) return j - 1;
  }
  return end;
}

/** Words of one of the site's controls from word `j` ("About Us": 2, "Privacy": 1), or 0 when none starts there. */
function controlWords(piece: string, words: Words, j: number): number {
  // Controls are title-case labels here: an item's lower-case words are its own ("… with two cars").
  if (j >= words.count || !isUpper(piece.charCodeAt(words.starts[j]!))) return 0;
  for (let size = Math.min(3, words.count - j); size >= 1; size--) {
    const bare = bareForm(piece.slice(words.starts[j]!, words.ends[j + size - 1]!).toLowerCase());
    if (isControl(bare)) return size;
  }
  return 0;
}

function isUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

/** Whether `code` is one of ITEM_MARKS. */
function isItemMark(code: number): boolean {
  return ITEM_MARKS.includes(String.fromCharCode(code));
}

/** Whether `code` is one of DASHES. */
function isDash(code: number): boolean {
  return DASHES.includes(String.fromCharCode(code));
}
