// Splits the input into blocks: one per non-empty line, each remembering its line number and the
// blank-line-separated paragraph it sits in. Text dumps put one HTML block per line, so a line is the
// natural unit to keep or drop; the paragraph is kept for rendering and for rules that look at runs. A page
// joined on one line is the exception: that line is cut into pieces, one block each (run-on-lines.ts).
// The same pass reads each line's words and shape (see measure-blocks.ts, scanLine): the characters of
// a line are scanned once, and no string is cut out per word.
import { CodeUnits, scanCodes, StopWordSink } from './measure-blocks.js';
import { readTitleHeads, type TitleHeads } from './cut-title-repeats.js';
import { holdsMostOfPage, RUN_ON_MIN_CHARS, runOnPieces, textChars } from './run-on-lines.js';
import { charClass, hasUnusualSpace, isWhiteSpace, LETTER, OTHER, words } from '../text/tokens.js';
import type { Block, LineMap, Measures, Page } from '../types.js';

/** The line ends a page may use: \n, \r\n, or a lone \r (every step that splits a page into lines splits it so). */
export const LINE_BREAK = /\r\n|\r|\n/;

/**
 * A block whose lower-case and bare forms and word list are made only when a step asks for them: the
 * scan needs none of them for a line of ASCII characters, and the rules read `lower` and `bare` only for
 * short lines.
 */
class LineBlock implements Block {
  wordCount = 0;
  wordsHash = 0;
  stopWordsFrom = 0;
  stopWordsTo = 0;
  /** Set by the scan (measure-blocks.ts), which finds out whether the line is mostly in a script without spaces. */
  unspaced = false;
  runOnPiece = false;
  private cachedLower: string | undefined = undefined;
  private cachedBare: string | undefined = undefined;
  private cachedWords: string[] | undefined = undefined;

  constructor(
    readonly index: number,
    readonly line: number,
    readonly lastLine: number,
    readonly paragraph: number,
    readonly lineInParagraph: number,
    readonly text: string,
  ) {}

  get lower(): string {
    this.cachedLower ??= this.text.toLowerCase();
    return this.cachedLower;
  }

  get bare(): string {
    this.cachedBare ??= bareForm(this.lower);
    return this.cachedBare;
  }

  get words(): string[] {
    this.cachedWords ??= words(this.lower, this.unspaced);
    return this.cachedWords;
  }
}

export function splitBlocks(page: Page): void {
  const source = page.source;
  const crlf = source.includes('\r');
  // Most inputs end lines with \n alone: their lines are found with indexOf, and a line is cut out of the
  // source only when it holds a block (split() made a string for every line, blank ones included, and an
  // array of them all). Inputs with a \r are split with the regex, which knows its three line endings.
  const crlfLines = crlf ? source.split(LINE_BREAK) : undefined;
  const stopWords = new StopWordSink();
  const units = (pageUnits ??= new CodeUnits());
  /** units.codes[k] is source[unitsStart + k], for unitsLength code units. */
  let unitsStart = 0;
  let unitsLength = 0;
  let lineStart = 0;
  let paragraph = 0;
  let lineInParagraph = 0;
  let previousBlank = true;
  /**
   * textChars(source), counted when a long line asks whether it holds most of the page (holdsMostOfPage).
   * The one variable of the loop that a closure reads: the engine keeps such a variable on the heap.
   */
  let pageChars: number | undefined;
  /** The parts of the page's title that a run-on line's headline may repeat (cut-title-repeats.ts), read at the first such line. */
  let titles: TitleHeads | undefined;
  for (let i = 0; crlfLines ? i < crlfLines.length : lineStart <= source.length; i++) {
    let lineEnd: number;
    if (crlfLines) {
      lineEnd = lineStart + crlfLines[i]!.length;
    } else {
      lineEnd = source.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = source.length;
    }
    const lineLength = lineEnd - lineStart;
    if (lineEnd > unitsStart + unitsLength) {
      // The source is copied to the typed array a window at a time: a copy of a whole large input would
      // double its memory.
      unitsStart = lineStart;
      unitsLength = Math.min(source.length - lineStart, Math.max(lineLength, UNITS_WINDOW));
      units.reserve(unitsLength);
      units.write(source.slice(unitsStart, unitsStart + unitsLength));
    }
    const codes = units.codes;
    const lineAt = lineStart - unitsStart;
    let from = lineAt;
    let to = lineAt + lineLength;
    const nextLineStart = crlf && source.charCodeAt(lineEnd) === 0x0d && source.charCodeAt(lineEnd + 1) === 0x0a ? lineEnd + 2 : lineEnd + 1;
    // What collapseWhitespace(line) returns, without making strings for the lines it leaves alone: the
    // line trimmed, unless white space other than single spaces remains in it (the scan tells).
    while (from < to && isWhiteSpace(codes[from]!)) from++;
    while (to > from && isWhiteSpace(codes[to - 1]!)) to--;
    let block: LineBlock | undefined;
    let measures: Measures | undefined;
    // A paragraph joined from a wrapped page's lines is no page run together: it is not cut (its output
    // is its input lines, which pieces could not be written back as).
    if (to - from >= RUN_ON_MIN_CHARS && !isJoinedLine(page, i)) {
      const collapsed = writtenLine(page, i) ?? collapseCodes(codes, from, to);
      // The title is read off the page's first line: this one, when no block comes before it.
      const pieces = runOnPieces(
        collapsed,
        () => holdsMostOfPage(collapsed, (pageChars ??= textChars(source))),
        (line) => (titles ??= readTitleHeads(page.blocks[0]?.text ?? line, source)),
      );
      if (pieces.length > 1) {
        // A page on one line: its pieces are the lines of one paragraph (pipeline/run-on-lines.ts).
        for (const piece of pieces) {
          const pieceBlock = newBlock(page, i, paragraph, lineInParagraph, piece);
          pieceBlock.runOnPiece = true;
          page.measures.push(scanCodes(pieceBlock, lineCodes(piece), 0, stopWords, true)!);
          page.blocks.push(pieceBlock);
          lineInParagraph++;
        }
        previousBlank = false;
        lineStart = nextLineStart;
        continue;
      }
    }
    if (from < to) {
      block = newBlock(page, i, paragraph, lineInParagraph, crlfLines && to - from === lineLength ? crlfLines[i]! : source.slice(lineStart + from - lineAt, lineStart + to - lineAt));
      measures = scanCodes(block, codes, from, stopWords, false);
      if (measures === undefined) {
        const text = collapseWhitespace(crlfLines ? crlfLines[i]! : source.slice(lineStart, lineEnd));
        block = text === '' ? undefined : newBlock(page, i, paragraph, lineInParagraph, text);
        if (block) measures = scanCodes(block, lineCodes(text), 0, stopWords, true);
      }
    }
    lineStart = nextLineStart;
    if (block === undefined || measures === undefined) {
      if (!previousBlank) paragraph++;
      previousBlank = true;
      lineInParagraph = 0;
      continue;
    }
    page.measures.push(measures);
    page.blocks.push(block);
    lineInParagraph++;
    previousBlank = false;
  }
  page.stopWordGroups = stopWords.groups();
  // A window grown for a very long line is not kept for the next page.
  if (units.codes.length > UNITS_WINDOW * 4) pageUnits = undefined;
  if (collapsedUnits && collapsedUnits.codes.length > UNITS_WINDOW * 4) collapsedUnits = undefined;
}

/**
 * Whether line i of the source holds more than one input line (unwrap-hard-wrapped-lines.ts). The marks
 * of a text browser that the source leaves out after it (hide-browser-marks.ts) are no lines of it.
 */
function isJoinedLine(page: Page, i: number): boolean {
  const map = page.lineMap;
  if (map === undefined) return false;
  const first = map.firstLines[i]!;
  const last = lastInputLine(map, i);
  let lines = last - first;
  if (map.hidden !== undefined) for (let k = first + 1; k < last && lines > 1; k++) if (map.hidden.has(k)) lines--;
  return lines > 1;
}

/**
 * Line i as the input wrote it, when an earlier step rewrote it (a Markdown line's links read as their
 * text): a page run together on one line is cut as written, since its pieces are printed as they are cut
 * (render.ts) and the output holds only what the input does. Its links then stay words of its pieces, as
 * on a page that is not read as Markdown. Undefined on a page that no step rewrote so.
 */
function writtenLine(page: Page, i: number): string | undefined {
  const map = page.lineMap;
  if (map === undefined || !page.markdown) return undefined;
  const written = collapseWhitespace(map.inputLines[map.firstLines[i]!]!);
  return written.length >= RUN_ON_MIN_CHARS ? written : undefined;
}

/** The block of line i of the source; on a rewritten page (page.lineMap), numbered by the input lines it holds. */
function newBlock(page: Page, i: number, paragraph: number, lineInParagraph: number, text: string): LineBlock {
  const map = page.lineMap;
  if (map === undefined) return new LineBlock(page.blocks.length, i + 1, i + 1, paragraph, lineInParagraph, text);
  return new LineBlock(page.blocks.length, map.firstLines[i]! + 1, lastInputLine(map, i), paragraph, lineInParagraph, text);
}

/**
 * The 1-based number of the last input line that line i of a rewritten source holds: not the marks of a
 * text browser after it (hide-browser-marks.ts), which are reported as lines of their own.
 */
function lastInputLine(map: LineMap, i: number): number {
  let last = i + 1 < map.firstLines.length ? map.firstLines[i + 1]! : map.inputLines.length;
  if (map.hidden !== undefined) while (last - 1 > map.firstLines[i]! && map.hidden.has(last - 1)) last--;
  return last;
}

/** Code units copied to the typed array at a time (64 K: 128 KB, which stays in the processor's cache). */
const UNITS_WINDOW = 1 << 16;

/**
 * The copy window, shared by the pages a process cleans one after another: a new 128 KB buffer per page
 * is memory outside the JavaScript heap, which makes the engine collect garbage more often.
 */
let pageUnits: CodeUnits | undefined;
let collapsedUnits: CodeUnits | undefined;

/** The code units of a line that collapseWhitespace rewrote, in a typed array. */
function lineCodes(text: string): Uint16Array {
  collapsedUnits ??= new CodeUnits();
  collapsedUnits.reserve(text.length);
  collapsedUnits.write(text);
  return collapsedUnits.codes;
}

/**
 * collapseWhitespace(line) for a line whose code units are codes[from .. to), made from them: the lines of
 * 1,000 characters or more hold half the text of the aeb dev pages, most have white space to fold, and the
 * SPACE_RUN replace on them cost 6 % of splitting.
 */
function collapseCodes(codes: Uint16Array, from: number, to: number): string {
  collapsedUnits ??= new CodeUnits();
  collapsedUnits.reserve(to - from);
  const out = collapsedUnits.codes;
  let length = 0;
  let spaceBefore = false;
  for (let i = from; i < to; i++) {
    const code = codes[i]!;
    // SPACE_RUN's characters: a run of them is one space, none at either end.
    if (isWhiteSpace(code) || code === 0x200b) {
      spaceBefore = length > 0;
      continue;
    }
    if (spaceBefore) {
      out[length++] = 0x20;
      spaceBefore = false;
    }
    out[length++] = code;
  }
  return collapsedUnits.read(length);
}

/** Lower-cased text without the bullets, arrows, colons and counts that menus put around a label. */
export function bareForm(lower: string): string {
  let start = 0;
  let end = lower.length;
  while (start < end && charClassAt(lower, start) === OTHER) start++;
  while (end > start && charClassAt(lower, end - 1) !== LETTER) end--;
  return start === 0 && end === lower.length ? lower : lower.slice(start, end);
}

function charClassAt(text: string, i: number): number {
  return charClass(text.charCodeAt(i));
}

const SPACE_RUN = /[\s\u00a0\u200b\ufeff]+/g;

/** Trims a line and folds runs of spaces and tabs (including no-break spaces) into one space. */
export function collapseWhitespace(line: string): string {
  return hasUnusualSpace(line) ? line.replace(SPACE_RUN, ' ').trim() : line.trim();
}
