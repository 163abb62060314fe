// cut-enumerations — a step of the cut of run-on lines (run-on-lines.ts). Evidence: a list printed one item
// a line elsewhere ("1) Lego Star Wars … http://…", "June 9 – Tampa, FL @ …") runs on as one sentence when the
// page is joined on one line, since its items end without a sentence mark; the label-run cut then cuts its
// title-case items in two, and the halves, short and poor in stop words, are dropped. An enumeration shows
// itself by the marks its items start with: numbers counting up from 1 with the same mark after them ("1)",
// "2)", "3)" or "1.", "2.", "3."), or a date and a dash ("June 9 –", "9 June –"), three times or more, each
// within MAX_ITEM_WORDS words of the last. A writer numbering points inside a sentence puts commas or "and"
// between them ("1) cost, 2) time and 3) risk") and seldom gets to three; a menu has no numbers counting up.
// Each item is then a piece of its own, not cut further, as it is a line of its own in other dumps, and the
// text before the first item (the list's heading or its introduction) is cut as any piece is. The last item
// may run into the next block of the page: it is cut as any piece is, or, where every item before it ends
// with a link (a shopping list), after its first link. keep-introduced-lists then keeps the items where the
// article introduces them or they follow it.
import { MONTH_NAME } from '../rules/patterns.js';
import type { Words } from './run-on-lines.js';

/** Items an enumeration has at least: two numbered points turn up inside sentences. */
export const MIN_ITEMS = 3;
/** Words an item has at most: longer, and the next number is more likely a figure in the text. */
const MAX_ITEM_WORDS = 60;

/** A list item's number and its mark, as a word of its own: "12)", "12.". */
const NUMBER_MARK = /^(\d{1,3})([.)])$/u;
/** A day of the month. */
const DAY = /^\d{1,2}(?:st|nd|rd|th|\.)?$/u;
/** A month's name, the whole word. */
const MONTH = new RegExp(`^${MONTH_NAME}$`, 'iu');
/** The dash between an item's date and its text. */
const DASH = /^[–—-]$/u;
/** Characters the longest month name has, with its full stop ("septiembre."): a longer first word is no date. */
const MAX_DATE_WORD = 11;
/** A bare link, which each item of a shopping list ends with. */
const LINK = /^(?:https?:\/\/|www\.)\S/u;

/** Where an enumeration's items start in a piece (character offsets), and where its last item ends. */
export interface Enumeration {
  starts: number[];
  /** The end of the last item when it is told by the links the items end with; -1 when it is not. */
  lastEnd: number;
}

/** No enumeration: one array for all the pieces without one (most of them). */
const NONE: readonly Enumeration[] = [];

/** The enumerations of `piece`, in order (see the comment at the top). */
export function findEnumerations(piece: string, words: Words): readonly Enumeration[] {
  const { starts, ends, count: n } = words;
  let found: Enumeration[] | undefined;
  // The test runs on every word of a page joined on one line, so a word is sliced out only after a look at
  // its characters: the first item's "1)" or "1.", or a one-character dash after a number or before one.
  for (let k = 0; k + 2 < n; k++) {
    const at = starts[k]!;
    const first = piece.charCodeAt(at);
    const firstNumber = first === 0x31 && ends[k]! - at === 2 && isItemMark(piece.charCodeAt(at + 1));
    if (!firstNumber && !(ends[k + 2]! - starts[k + 2]! === 1 && isDash(piece.charCodeAt(starts[k + 2]!)) && (isDigit(first) || isDigit(piece.charCodeAt(starts[k + 1]!))))) continue;
    const items = firstNumber ? numberedItems(piece, words, k) : datedItems(piece, words, k);
    if (items === undefined) continue;
    (found ??= []).push({ starts: items.map((i) => starts[i]!), lastEnd: lastItemEnd(piece, words, items) });
    k = items.at(-1)!;
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
    if (!isDigit(piece.charCodeAt(words.starts[j]!))) continue;
    const match = NUMBER_MARK.exec(wordAt(piece, words, j));
    // An item has words after its number: "1. 2. 3. 4." is a row of page links.
    if (match === null || match[2]!.charCodeAt(0) !== mark || Number(match[1]) !== items.length + 1 || j === items.at(-1)! + 1) continue;
    // Points inside a sentence are joined by commas: "1) cost, 2) time".
    if (/[,;]$/u.test(wordAt(piece, words, j - 1))) return undefined;
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
      items.push(j);
      j += 2;
    }
  }
  return items.length >= MIN_ITEMS ? items : undefined;
}

/** Whether words `k`, `k + 1` and `k + 2` are a month and a day, either way round, and a dash. */
function isDateDash(word: (k: number) => string, n: number, k: number): boolean {
  if (k + 2 >= n || !DASH.test(word(k + 2))) return false;
  const a = word(k);
  const b = word(k + 1);
  return (MONTH.test(a) && DAY.test(b)) || (DAY.test(a) && MONTH.test(b));
}

/** The end of the last item after its first link, when every item before it ends with one; else -1. */
function lastItemEnd(piece: string, words: Words, items: number[]): number {
  const n = words.count;
  for (let i = 1; i < items.length; i++) if (!LINK.test(wordAt(piece, words, items[i]! - 1))) return -1;
  for (let j = items.at(-1)! + 1; j < n; j++) if (LINK.test(wordAt(piece, words, j))) return j + 1 < n ? words.ends[j]! : -1;
  return -1;
}

/** Whether `text` opens with a date and a dash, as an item of a dated enumeration does ("June 9 – …"). */
export function startsWithDateDash(text: string): boolean {
  // The dash, a one-character third word, is looked for first: the test runs on every piece of such a page.
  const first = text.indexOf(' ');
  if (first < 0 || first > MAX_DATE_WORD) return false;
  const second = text.indexOf(' ', first + 1);
  if (second < 0 || second - first > MAX_DATE_WORD + 1 || text.charCodeAt(second + 2) !== 0x20 || !isDash(text.charCodeAt(second + 1))) return false;
  const words = [text.slice(0, first), text.slice(first + 1, second), text[second + 1]!];
  return isDateDash((k) => words[k]!, 3, 0);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Whether `code` is the mark after an item's number: ")" or ".". */
function isItemMark(code: number): boolean {
  return code === 0x29 || code === 0x2e;
}

/** Whether `code` is one of DASH's dashes. */
function isDash(code: number): boolean {
  return code === 0x2013 || code === 0x2014 || code === 0x2d;
}
