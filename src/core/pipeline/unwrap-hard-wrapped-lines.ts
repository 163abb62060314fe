// unwrap — Text browsers and some converters wrap what they print at a fixed width (`lynx -dump` and
// `w3m -dump` at 78–80 columns, pandoc at 72, html2text at 78–79, `fmt` at 75): every paragraph of the
// article becomes a run of lines of one width, each of which looks, alone, like a short line of a menu.
// The rules and the classifier judge lines, so on such a dump they dropped most of the article (aeb dev
// pages dumped by lynx: F1 0.62, worse than keeping everything). A page is taken as wrapped when its lines
// stop at one width: next to none are longer (an unbreakable address may be), and a good share of its
// text is in lines that end within a word or two of that width. Then a line is joined to the next when
// the next line's first word would not have fitted on it, which is what makes a wrapper break a line, and
// the next line goes on at the indentation of the line's text, or of the line itself (w3m and html2text
// go on at the margin under an item the page numbered in its text, "3) …"), and starts no list item. A
// line the page itself ended (a menu item, a headline, a paragraph's last line) leaves room for the next
// word, and stays a line. A wrapper's breaks fall wherever the width does, so many of them cut a sentence; a list
// of headlines of one length starts every line with a capital, and is not taken for wrapped text. Pages
// whose lines run past a width (one HTML block a line, as most dumps are) are left as they are. The joined
// lines are what the rules and the classifier read; the output keeps the input's lines (render.ts).
import type { LineMap, Page } from '../types.js';
import { LINE_BREAK } from './split-blocks.js';

/** The step's id, as --disable-rule takes it (catalogue.ts). */
export const UNWRAP_ID = 'unwrap';

/** Widths (in columns, indentation included) a page may be wrapped at. */
const MIN_WIDTH = 40;
const MAX_WIDTH = 200;
/** A wrapped page has enough lines to show a width: a short note of a few lines is left alone. */
const MIN_LINES = 10;
/**
 * Lines longer than the width a wrapper may leave (an address or a long word it cannot break): the
 * width is the length of the line at this share of the page's lines, counted from the longest, and the
 * text in longer lines must stay under MAX_OVER_SHARE.
 */
const OVER_LINE_SHARE = 0.01;
const MIN_OVER_LINES = 2;
const MAX_OVER_SHARE = 0.1;
/** A line "ends near the width" within this many columns of it; such lines hold MIN_NEAR_SHARE of the text. */
const NEAR_WIDTH = 20;
const MIN_NEAR_SHARE = 0.2;
/**
 * Wrappers do not all fill a line to the last column (lynx breaks some a few columns early): the next word
 * counts as not fitting when it would have taken the line to within this many columns of the width.
 */
const FIT_SLACK = 6;
/**
 * A wrapper breaks lines wherever the width falls, so many of its breaks cut a sentence: the next line
 * goes on with a lower-case letter, or, in a script without capitals, after a line that ends no
 * sentence. Lines of one length that a page printed one per block (a list of headlines, each with its
 * summary) each start a new sentence with a capital: where fewer of the joins before a letter than this
 * share cut a sentence, or none is before a letter (a cut-off summary over its "4h ago"), the page is not
 * wrapped.
 */
const MIN_MID_SENTENCE_SHARE = 0.25;
const SENTENCE_END = /[.!?。！？؟।]["'”’)」』]*$/u;
const LETTER = /^\p{L}/u;
/** A line a wrapper broke is text: a line without letters (a rule of dashes, a time code, a row of figures) is not joined. */
const HAS_LETTER = /\p{L}/u;
/**
 * In a script without capitals a missing sentence end is no evidence alone (a headline has none): a break
 * counts as cutting a sentence there when the line above has the marks of running text in it.
 */
const PROSE_MARK = /[,.;:!?،؛。，、！？]/u;
/**
 * A first "word" wider than this is no word a wrapper moved down: a row of data, a line of code without
 * spaces, a line in a script without spaces that does not start and end with one of its characters. Such
 * a line is not joined to the one above.
 */
const MAX_WORD_COLUMNS = 24;
/** How a line of code ends, a line of prose that a wrapper broke does not (a semicolon may: it is not here). */
const CODE_END = /[{}]$/u;
/** A list item's start: a bullet, or a number and a full stop or bracket, then a space. */
const ITEM_START = /^(?:[•*+·‣◦▪–-]|\d{1,3}[.)]|\[\d{1,3}\])\s/u;
/** The indentation of a Markdown paragraph's first line that its next lines need not repeat. */
const MAX_MARKDOWN_INDENT = 3;
/** A line's lead: its indentation and the marks of a quoted e-mail ("> > "), which its wrapped lines repeat. */
const LEAD = /^[ \t\u00a0]*(?:>[ \t]?)*/u;

/** Joins a wrapped page's lines (see above): `page.source` becomes the joined text, `page.lineMap` says where each line came from. */
export function unwrapHardWrappedLines(page: Page): void {
  const earlier = page.lineMap;
  // A source rewritten line for line (a Markdown page's links read as their text) was wrapped as the input
  // printed it: widths are measured on the input's lines, and the rewritten ones are joined.
  const unwrapped = earlier?.lineForLine ? unwrapText(page.source, earlier.inputLines, earlier.inAddress) : unwrapText(page.source);
  if (unwrapped === undefined) return;
  page.source = unwrapped.text;
  page.lineMap =
    earlier === undefined
      ? unwrapped.lineMap
      : { ...earlier, firstLines: unwrapped.lineMap.firstLines.map((line) => earlier.firstLines[line]!), lineForLine: false };
}

/**
 * The page with its wrapped lines joined, or undefined when it is not wrapped at a width. `printed`, when
 * given, holds the source's lines as the wrapper printed them (one for each line of `source`): the widths
 * and the breaks are read on those. `inAddress` marks the printed lines that start within a link's address
 * (a Markdown page, read-markdown-links.ts): their width is the address's, and each goes on the line above.
 */
export function unwrapText(source: string, printed?: readonly string[], inAddress?: Uint8Array): { text: string; lineMap: LineMap } | undefined {
  const measured = printed === undefined ? source : printed.join('\n');
  const wrapping = wrappingWidth(measured.includes('\r') ? measured.replace(/\r\n?/gu, '\n') : measured, inAddress);
  if (wrapping === undefined) return undefined;
  const { width, wide } = wrapping;
  const measure = (text: string, to: number) => (wide ? columns(text, 0, to) : to);
  const lines = source.split(LINE_BREAK);
  const asPrinted = printed ?? lines;
  /** The columns of the first word of `text` (a line without its lead), and whether it joins `previous` without a space. */
  const firstWord = (previous: string, text: string) => {
    // Text in a wide script (Chinese, Japanese, Korean) is wrapped between any two characters, with no
    // space: there the next "word" is its first character, and the lines join without a space.
    if (isWide(previous.charCodeAt(previous.length - 1)) && isWide(text.charCodeAt(0))) return { columns: measure(text, 1), length: 1, unspaced: true };
    const space = text.search(/\s/u);
    const length = space < 0 ? text.length : space;
    return { columns: measure(text, length), length, unspaced: false };
  };
  /** Whether line k, as printed, is full: the first word of the line under it would not have fitted. */
  const isFull = (k: number) => {
    const line = asPrinted[k]!.trimEnd();
    const below = asPrinted[k + 1]?.trimEnd() ?? '';
    const text = below.slice(LEAD.exec(below)![0].length);
    if (text === '') return false;
    const word = firstWord(line, text);
    return measure(line, line.length) + (word.unspaced ? 0 : 1) + word.columns > width - FIT_SLACK;
  };
  const out: string[] = [];
  const firstLines: number[] = [];
  /** Joins before a letter, and those of them that cut a sentence. */
  let letterJoins = 0;
  let midSentenceJoins = 0;
  for (let i = 0; i < lines.length; ) {
    let joined = lines[i]!.trimEnd();
    firstLines.push(i);
    let previous = asPrinted[i]!.trimEnd();
    let j = i + 1;
    if (HAS_LETTER.test(previous) && joined.trim() !== '') {
      const textStart = textIndent(previous);
      const ownLead = LEAD.exec(previous)![0].length;
      // Markdown takes a paragraph's first line indented by up to three spaces, and html2text writes one
      // before a paragraph that opens with emphasis (" **Visit** the…"): its next lines go on at none.
      const unindented = inAddress !== undefined && textStart <= MAX_MARKDOWN_INDENT && /^ +\S/u.test(previous) && !ITEM_START.test(previous.trimStart()) ? 0 : textStart;
      for (; j < lines.length; j++) {
        const next = asPrinted[j]!.trimEnd();
        // A wrapper broke the address that the line above left open: the line goes on it, with what follows the address.
        if (inAddress?.[j] === 1) {
          const rest = lines[j]!.trim();
          if (rest !== '') joined += joined.trim() === '' ? rest : ` ${rest}`;
          previous = next;
          continue;
        }
        const lead = LEAD.exec(next)![0].length;
        const text = next.slice(lead);
        // The rewritten line without its lead, which a quoted line's continuation repeats ("> ").
        const rewritten = lines[j]!.slice(LEAD.exec(lines[j]!)![0].length).trim();
        // A blank line, a line without words (a rule of dashes), a new indentation or list item, and the
        // line under one that ends as code does end the paragraph. A Markdown line that holds only the end
        // of a link ("](…)", its text read onto the lines above) whose address ends on the next line, where
        // the text goes on, is no blank line as printed: it is the middle of a sentence.
        const linkEnd = rewritten === '' && inAddress?.[j + 1] === 1 && text.includes('](') && lines[j + 1]!.trim() !== '';
        if ((rewritten === '' && !linkEnd) || !HAS_LETTER.test(text) || (lead !== textStart && lead !== ownLead && lead !== unindented) || ITEM_START.test(text) || CODE_END.test(previous)) break;
        const word = firstWord(previous, text);
        // An address is a long word a wrapper does move down whole.
        if (!word.unspaced && word.columns > MAX_WORD_COLUMNS && !holdsAddress(text.slice(0, word.length))) break;
        if (measure(previous, previous.length) + (word.unspaced ? 0 : 1) + word.columns <= width - FIT_SLACK) break;
        const first = String.fromCodePoint(text.codePointAt(0)!);
        const hasCase = first.toLowerCase() !== first.toUpperCase();
        // Some converters print no blank line between paragraphs (html2text): a paragraph whose last line
        // happens to be full runs on into the next line. After a sentence's end, a capitalised line that
        // is not full itself is a paragraph of one line, a heading or a label ("Advertisement").
        if (SENTENCE_END.test(previous) && hasCase && first !== first.toLowerCase() && !isFull(j)) break;
        if (LETTER.test(first)) {
          letterJoins++;
          if (hasCase ? first === first.toLowerCase() : !SENTENCE_END.test(previous) && PROSE_MARK.test(previous)) midSentenceJoins++;
        }
        if (!linkEnd) joined += word.unspaced ? rewritten : ` ${rewritten}`;
        previous = next;
      }
    }
    out.push(joined);
    i = j;
  }
  if (letterJoins === 0 || midSentenceJoins < MIN_MID_SENTENCE_SHARE * letterJoins) return undefined;
  return { text: out.join('\n'), lineMap: { inputLines: [...asPrinted], firstLines: Int32Array.from(firstLines), lineForLine: false } };
}

/**
 * The width, in columns, the page's lines are wrapped at, or undefined when they are not (see the module's
 * comment). It runs on every page, and most are not wrapped: a first scan, by line ends alone, gives up
 * as soon as long lines hold too much of the page, or at its end when too many lines are long; only then
 * are the other lines' columns counted (a wide character takes two, as a wrapper counts it), into counts
 * by width, without sorting.
 */
function wrappingWidth(source: string, inAddress?: Uint8Array): Wrapping | undefined {
  let lines = 0;
  let longLines = 0;
  let longChars = 0;
  // Most pages hold most of their text in long lines: once those hold too much of the page, no width can
  // pass, and the scan stops there. Widths are counted in columns, up to two a code unit (a wide script):
  // the bound is twice the share of the page's code units.
  const tooLong = 2 * MAX_OVER_SHARE * source.length;
  forEachLine(source, (start, end) => {
    lines++;
    // A line longer than MAX_WIDTH code units is wider than MAX_WIDTH columns.
    if (end - start <= MAX_WIDTH) return true;
    longLines++;
    longChars += end - start;
    return longChars <= tooLong;
  }, inAddress);
  const allowedWider = Math.max(MIN_OVER_LINES, Math.floor(lines * OVER_LINE_SHARE));
  if (longChars > tooLong || lines < MIN_LINES || longLines > allowedWider) return undefined;
  // Wrappers differ on the scripts of East Asia: w3m gives each character two columns, as a terminal
  // does, lynx one. The page is measured both ways, as a terminal does first.
  for (const wide of [true, false]) {
    const width = widthAt(source, wide, allowedWider, inAddress);
    if (width !== undefined) return { width, wide };
  }
  return undefined;
}

/** How a page is wrapped: at `width` columns, with East Asian characters two columns wide or not. */
interface Wrapping {
  width: number;
  wide: boolean;
}

/** The width the page is wrapped at when each line is measured `wide` or not, if it is wrapped. */
function widthAt(source: string, wide: boolean, allowedWider: number, inAddress?: Uint8Array): number | undefined {
  const linesOfWidth = (widthCounts ??= new Uint32Array(MAX_WIDTH + 1));
  linesOfWidth.fill(0);
  let wideLines = 0;
  let total = 0;
  let over = 0;
  forEachLine(source, (start, end) => {
    const width = wide && end - start <= MAX_WIDTH ? columns(source, start, end) : end - start;
    total += width;
    if (width <= MAX_WIDTH) linesOfWidth[width]!++;
    else {
      wideLines++;
      over += width;
    }
  }, inAddress);
  if (wideLines > allowedWider) return undefined;
  // The wrapping width: that of the line with `allowedWider` wider lines than itself, or of the widest line
  // a few columns beyond it (a wrapper that breaks some lines early leaves a band of widths at the top).
  let width = MAX_WIDTH;
  for (let wider = wideLines; width > 0 && wider + linesOfWidth[width]! <= allowedWider; width--) wider += linesOfWidth[width]!;
  for (let w = Math.min(width + FIT_SLACK, MAX_WIDTH); w > width; w--) {
    if (linesOfWidth[w]! > 0) {
      width = w;
      break;
    }
  }
  if (width < MIN_WIDTH) return undefined;
  let near = 0;
  for (let w = width - NEAR_WIDTH; w <= MAX_WIDTH; w++) {
    if (w > width) over += w * linesOfWidth[w]!;
    else near += w * linesOfWidth[w]!;
  }
  return over <= MAX_OVER_SHARE * total && near >= MIN_NEAR_SHARE * total ? width : undefined;
}

/** Reused by every page: the counts of lines by width. */
let widthCounts: Uint32Array | undefined;

/**
 * Calls `visit` with where each line of `source` that has text starts, and where it ends before its
 * trailing spaces, until `visit` returns false. Lines that hold a web address (a bare "https://…" or a
 * Markdown link's "](…)", or a piece of an address the line above began: `inAddress`) are passed over: a
 * wrapper cannot break an address, so such a line may run past the width on any wrapped page, and says
 * nothing of where the page's lines stop. On a Markdown page (`inAddress` given), so are list items: a
 * converter may leave them unwrapped while it wraps paragraphs (html2text does).
 */
function forEachLine(source: string, visit: (start: number, end: number) => boolean | void, inAddress?: Uint8Array): void {
  // The next "://" and "](" at or after the line's start, each searched again only once passed: one search
  // for both made every line with one of them search the rest of the page for the other.
  let scheme = -1;
  let link = -1;
  for (let start = 0, line = 0; start < source.length; line++) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    if (scheme < start) scheme = indexOrEnd(source, '://', start);
    if (link < start) link = indexOrEnd(source, '](', start);
    let last = end;
    while (last > start && isSpaceCode(source.charCodeAt(last - 1))) last--;
    let first = start;
    while (first < last && isSpaceCode(source.charCodeAt(first))) first++;
    if (first < last && scheme >= end && link >= end && !(inAddress !== undefined && (inAddress[line] === 1 || isItem(source, first, last))) && visit(start, last) === false) return;
    start = end + 1;
  }
}

/** Whether source[first .. last) starts with a list item's bullet or number. */
function isItem(source: string, first: number, last: number): boolean {
  const code = source.charCodeAt(first);
  return (code === 0x2a || code === 0x2d || code === 0x2b || (code >= 0x30 && code <= 0x39)) && ITEM_START.test(source.slice(first, Math.min(last, first + 6)));
}

/** Whether `word` holds a web address: "://", or a Markdown link's "](". */
function holdsAddress(word: string): boolean {
  return word.includes('://') || word.includes('](');
}

/** Where `what` is found at or after `from`, or the source's length. */
function indexOrEnd(source: string, what: string, from: number): number {
  const at = source.indexOf(what, from);
  return at < 0 ? source.length : at;
}

/** Spaces and tabs: what ends a line's length, or starts its indentation (the scan's line ends are LF). */
function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0;
}

/** The columns text[from .. to) takes in a terminal: two for a wide character, one for any other. */
function columns(text: string, from: number, to: number): number {
  let width = to - from;
  for (let i = from; i < to; i++) if (isWide(text.charCodeAt(i))) width++;
  return width;
}

/**
 * Characters a terminal, and so a text browser, gives two columns: the scripts of East Asia (Hangul,
 * kana, CJK ideographs and their punctuation) and the full-width forms. (A character beyond the Basic
 * Multilingual Plane is two code units, and so two columns, already.)
 */
function isWide(code: number): boolean {
  return (
    code >= 0x1100 &&
    ((code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6))
  );
}

/** Where a line's text starts: after its lead (indentation, quote marks) and a list item's bullet or number. */
function textIndent(line: string): number {
  const lead = LEAD.exec(line)![0].length;
  const item = ITEM_START.exec(line.slice(lead));
  return lead + (item ? item[0].length : 0);
}
