// Splits the input into blocks: one per non-empty line, each remembering its line number and the
// blank-line-separated paragraph it sits in. Text dumps put one HTML block per line, so a line is the
// natural unit to keep or drop; the paragraph is kept for rendering and for rules that look at runs.
// The same pass reads each line's words and shape (see measure-blocks.ts, scanLine): the characters of
// a line are scanned once, and no string is cut out per word.
import { scanLine, StopWordSink } from './measure-blocks.js';
import { charClass, LETTER, OTHER, words } from '../text/tokens.js';
import type { Block, Page } from '../types.js';

const LINE_BREAK = /\r\n|\r|\n/;

/** A block whose word list is cut only when a step asks for it (most need only the count and the hash). */
class LineBlock implements Block {
  wordCount = 0;
  wordsHash = 0;
  stopWordsFrom = 0;
  stopWordsTo = 0;
  /** Set by scanLine, which finds out whether the line is mostly in a script without spaces. */
  unspaced = false;
  private cachedWords: string[] | undefined = undefined;

  constructor(
    readonly index: number,
    readonly line: number,
    readonly paragraph: number,
    readonly lineInParagraph: number,
    readonly text: string,
    readonly lower: string,
    readonly bare: string,
  ) {}

  get words(): string[] {
    this.cachedWords ??= words(this.lower, this.unspaced);
    return this.cachedWords;
  }
}

export function splitBlocks(page: Page): void {
  // Most inputs end lines with \n alone: a plain string split is much faster than the regex.
  const lines = page.source.includes('\r') ? page.source.split(LINE_BREAK) : page.source.split('\n');
  page.lines = lines;
  const stopWords = new StopWordSink();
  let paragraph = 0;
  let lineInParagraph = 0;
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const text = collapseWhitespace(lines[i]!);
    if (text === '') {
      if (!previousBlank) paragraph++;
      previousBlank = true;
      lineInParagraph = 0;
      continue;
    }
    const lower = text.toLowerCase();
    const block = new LineBlock(page.blocks.length, i + 1, paragraph, lineInParagraph, text, lower, bareForm(lower));
    page.measures.push(scanLine(block, stopWords));
    page.blocks.push(block);
    lineInParagraph++;
    previousBlank = false;
  }
  page.stopWordGroups = stopWords.groups();
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

/**
 * True when the line has white space other than single spaces: two spaces in a row, a tab or control
 * space, or a no-break, wide or zero-width space. A character scan: this runs on every line of the input.
 */
function hasUnusualSpace(line: string): boolean {
  // The previous character is remembered rather than the next one read: reading past the end of the
  // string (charCodeAt(length) is NaN) made V8 run this loop about three times slower.
  let previousIsSpace = false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x20) {
      if (previousIsSpace) return true;
      previousIsSpace = true;
      continue;
    }
    previousIsSpace = false;
    if (code < 0x20) {
      if (code >= 0x09 && code <= 0x0c) return true;
    } else if (code >= 0xa0 && isUnusualSpace(code)) {
      return true;
    }
  }
  return false;
}

function isUnusualSpace(code: number): boolean {
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
