// cut-title-repeats — a step of the cut of run-on lines (run-on-lines.ts). Evidence: a page's first words
// are its HTML title, "Headline – Site Name", and the article's headline repeats the headline part further
// down, between the menu or breadcrumb above it and the byline or date under it ("… More Entertainment |
// Officials Report Sixth Fatality | November 19, 2019 at 9:45 am …"). Other dumps print that headline as a
// line of its own, which the repeated-lines rule marks as the title's copy and main-text selection takes for
// the top of the article. Joined on one line, the headline is glued to the labels before it and the stamp
// after it, or cut inside by the other steps where its words are capitalised or hold a sentence mark, and
// no piece repeats the title. So the line is cut before and after each copy of the title's headline part,
// the cuts inside a copy are undone, and the title itself is cut off from the site's name after it. The
// headline part is the title's start up to a separator (" | ", " – ", " - ", " · "), as the title's first
// line of the page prints it: three words and 15 characters at least, so that a site's name or a section
// label ("Home", "Opinion") never counts. A title run on into the menu with no separator ("Headline Skip
// to content Home News …") has for its part the longest start of the page, five words or more, some in
// lower case (not a menu printed again in the footer), that the page prints again. Nothing is cut where the title is not printed again: a copy of a dozen words, word
// for word, at word boundaries, is the headline, a teaser for it, or a share link naming it, each a block
// of its own on the page.
import { TITLE_SEPARATOR } from '../rules/page-title.js';

/** Words of the shortest title part looked for: a site's name or a section label has fewer. */
const MIN_TITLE_WORDS = 3;
/** Characters of the shortest title part looked for (page-title's MIN_TITLE_CHARS). */
const MIN_TITLE_CHARS = 15;
/** Words of the page's start read for the title: a headline is shorter. */
const MAX_TITLE_WORDS = 30;
/** Characters of a short first line taken whole as the title: a dump that prints its title on a line of its own. */
const MAX_TITLE_LINE_CHARS = 300;

/** The parts of a page's title that its headline may repeat (titleHeads), and whether the page prints one again. */
export interface TitleHeads {
  /** Longest first. */
  heads: readonly string[];
  /** Whether the page prints `head` again after its first line (where a line that opens with it is cut after it). */
  printedAgain(head: string): boolean;
  /** A start of the title printed again with no separator after it (recurringStart): the title may go on after it in lower case. */
  start?: string;
}

/**
 * The parts of a page's title that its headline may repeat, read off `first`, the page's first line
 * (white space folded): its start up to each separator within MAX_TITLE_WORDS words, each part between two
 * separators ("Section | Headline | Site"), and the whole line when it is short (a title printed alone).
 * Not the last part: a site's name, which the page prints in its menus and footer. Longest first.
 */
export function titleHeads(first: string): string[] {
  const heads: string[] = [];
  if (first.length <= MAX_TITLE_LINE_CHARS) heads.push(first);
  const start = first.length > 2000 ? first.slice(0, 2000) : first;
  let words = 0;
  /** Where the part after the last separator begins. */
  let partFrom = 0;
  for (let at = start.indexOf(' '); at > 0 && words < MAX_TITLE_WORDS; at = start.indexOf(' ', at + 1)) {
    words++;
    const next = start.indexOf(' ', at + 1);
    const separator = next < 0 ? '' : start.slice(at, next + 1);
    if (next > 0 && isSeparator(separator)) {
      for (const head of [start.slice(0, at), start.slice(partFrom, at)]) if (isLongEnough(head) && !heads.includes(head)) heads.push(head);
      partFrom = next + 1;
    }
  }
  return heads.sort((a, b) => b.length - a.length);
}

/** Whether ` x ` (a word with its spaces) is one of the title's separators. */
function isSeparator(spaced: string): boolean {
  const match = TITLE_SEPARATOR.exec(spaced);
  return match !== null && match.index === 0 && match[0].length === spaced.length;
}

/** Whether `head` has MIN_TITLE_CHARS and MIN_TITLE_WORDS words, not counting separators ("Local | Weather" has two). */
function isLongEnough(head: string): boolean {
  return head.length >= MIN_TITLE_CHARS && head.split(' ').filter((word) => !isSeparator(` ${word} `)).length >= MIN_TITLE_WORDS;
}

/**
 * The spans [from, to) of `line` that copy a part of the title (`title.heads`, longest first, at word
 * boundaries, none inside another), each with a capitalised article just before it ("The | Headline"
 * where the title dropped it); and, when `line` opens with a part that the page prints again (the title
 * itself, on a page joined on one line), the part there, cut off from the site's name after it. Empty
 * when the line repeats none.
 */
export function titleRepeatSpans(line: string, title: TitleHeads): [number, number][] {
  /** In line order, none overlapping: a page joined on one line may repeat its title thousands of times. */
  let spans: [number, number][] = [];
  let opening = false;
  for (const head of title.heads) {
    const found: [number, number][] = [];
    for (let at = line.indexOf(head, 1); at > 0; at = line.indexOf(head, at + head.length)) {
      const end = at + head.length;
      if (line.charCodeAt(at - 1) !== 0x20 || (end < line.length && line.charCodeAt(end) !== 0x20) || (head !== title.start && goesOn(line, end))) continue;
      let from = at;
      const before = line.lastIndexOf(' ', at - 2) + 1;
      if (ARTICLES.has(line.slice(before, at - 1))) from = before;
      if (!overlapsAny(spans, from, end) && !(found.length > 0 && from < found[found.length - 1]![1])) found.push([from, end]);
    }
    if (found.length > 0) spans = mergeSpans(spans, found);
    if (!opening && line.startsWith(head) && line.charCodeAt(head.length) === 0x20 && (head === title.start || !goesOn(line, head.length)) && (spans.length > 0 || title.printedAgain(head))) {
      opening = true;
      if (!(spans.length > 0 && spans[0]![0] < head.length)) spans.unshift([0, head.length]);
    }
  }
  return spans;
}

/** Whether [from, to) overlaps one of `spans` (in order, none overlapping, so their ends are in order too). */
function overlapsAny(spans: readonly [number, number][], from: number, to: number): boolean {
  // The last span that starts before `to` is the one that ends last among those that may overlap.
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle]![0] < to) low = middle + 1;
    else high = middle;
  }
  return low > 0 && spans[low - 1]![1] > from;
}

/** Two lists of spans in order merged into one in order. */
function mergeSpans(a: readonly [number, number][], b: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]![0] < b[j]![0]) ? a[i++]! : b[j++]!);
  return out;
}

/**
 * Whether the word after a copy ending at `end` starts in lower case: a sentence that opens with the
 * title's words and goes on ("Council takes over the ferry and will run …"), where a title in sentence
 * case is a common phrase, not a headline, which a byline or the article's first sentence follows. Not
 * asked of a start of the title with no separator after it, which its own next word may follow ("10
 * things in tech you need to know | today, November 19", copied as "… know today Charlie Wood").
 */
function goesOn(line: string, end: number): boolean {
  return end + 1 < line.length && startsInLowerCase(line.slice(end + 1, end + 3));
}

/** Capitalised articles that a headline may open with and its title leave out. */
const ARTICLES = new Set(['The', 'A', 'An']);

/**
 * The pieces of `line` (contiguous, one space apart) cut again around `spans` (titleRepeatSpans, in line
 * order, none overlapping): a piece begins at each span's start and after its end, and no piece begins
 * inside a span.
 */
export function cutAroundSpans(line: string, pieces: string[], spans: readonly [number, number][]): string[] {
  const starts: number[] = [];
  let at = 0;
  for (const piece of pieces) {
    starts.push(at);
    at += piece.length + 1;
  }
  // The starts and the spans are in line order: one pass finds the span each start may be inside.
  let span = 0;
  const inside = (b: number): boolean => {
    while (span < spans.length && spans[span]![1] < b) span++;
    return span < spans.length && b > spans[span]![0];
  };
  const bounds = new Set(starts.filter((b) => !inside(b)));
  for (const [from, to] of spans) {
    bounds.add(from);
    if (to + 1 < line.length) bounds.add(to + 1);
  }
  const sorted = [...bounds].sort((a, b) => a - b);
  const out: string[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const from = sorted[k]!;
    const to = k + 1 < sorted.length ? sorted[k + 1]! - 1 : line.length;
    out.push(line.slice(from, to));
  }
  return out;
}

/**
 * The title's parts read off the page's first line `first` (titleHeads), and whether `source`, the page,
 * prints each again. A run-on first line none of whose parts the page prints again may hold a title with no
 * separator before the menu ("Headline Skip to content Home News …"): then its part is the longest start of
 * the line that the page prints again (recurringStart).
 */
export function readTitleHeads(first: string, source: string): TitleHeads {
  const printedAgain = (head: string): boolean => {
    const at = source.indexOf(head);
    return at >= 0 && source.indexOf(head, at + head.length) >= 0;
  };
  const heads = titleHeads(first);
  if (first.length > MAX_TITLE_LINE_CHARS && !heads.some(printedAgain)) {
    const start = recurringStart(first, source);
    if (start !== undefined) {
      heads.push(start);
      return { heads, printedAgain, start };
    }
  }
  return { heads, printedAgain };
}

/** Words of the shortest start of a line taken for its title when no separator ends it: a few words recur by chance. */
const MIN_RECURRING_WORDS = 5;

/**
 * The longest start of `first` of MIN_RECURRING_WORDS words to MAX_TITLE_WORDS that `source` prints again
 * at word boundaries, or undefined.
 */
function recurringStart(first: string, source: string): string | undefined {
  const words = first.split(' ', MAX_TITLE_WORDS);
  if (words.length < MIN_RECURRING_WORDS) return undefined;
  const opening = words.slice(0, MIN_RECURRING_WORDS).join(' ');
  const self = source.indexOf(opening);
  let best = 0;
  for (let at = source.indexOf(opening, self + opening.length); at > 0; at = source.indexOf(opening, at + opening.length)) {
    if (!/\s/u.test(source[at - 1]!)) continue;
    let length = MIN_RECURRING_WORDS;
    let end = at + opening.length;
    while (length < words.length && source.startsWith(` ${words[length]}`, end)) {
      end += words[length]!.length + 1;
      length++;
    }
    // The copy ends at a word's end: a word that goes on is another word.
    while (length >= MIN_RECURRING_WORDS && end < source.length && !/\s/u.test(source[end]!)) {
      length--;
      end = at + words.slice(0, length).join(' ').length;
    }
    best = Math.max(best, length);
  }
  if (best < MIN_RECURRING_WORDS) return undefined;
  const start = words.slice(0, best).join(' ');
  // A headline is written in words in lower case too; a menu printed at the top of the page and again in
  // its footer, in labels, has none (nor has a script without case, which is left to the separators).
  return isLongEnough(start) && words.slice(1, best).some(startsInLowerCase) ? start : undefined;
}

/** Whether `word` starts with a letter in lower case (of a script with case). */
function startsInLowerCase(word: string): boolean {
  const first = word[0]!;
  return first !== first.toUpperCase() && first === first.toLowerCase();
}
