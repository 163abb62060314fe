// Splits the input into blocks: one per non-empty line, each remembering its line number and the
// blank-line-separated paragraph it sits in. Text dumps put one HTML block per line, so a line is the
// natural unit to keep or drop; the paragraph is kept for rendering and for rules that look at runs.
import { charClass, isMostlyUnspaced, LETTER, OTHER, words } from '../text/tokens.js';
import type { Page } from '../types.js';

const LINE_BREAK = /\r\n|\r|\n/;

export function splitBlocks(page: Page): void {
  const lines = page.source.split(LINE_BREAK);
  page.lines = lines;
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
    const unspaced = isMostlyUnspaced(lower);
    page.blocks.push({ index: page.blocks.length, line: i + 1, paragraph, lineInParagraph, text, lower, bare: bareForm(lower), words: words(lower, unspaced), unspaced });
    lineInParagraph++;
    previousBlank = false;
  }
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

const UNUSUAL_SPACE = /[\t\n\v\f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;
const SPACE_RUN = /[\s\u00a0\u200b\ufeff]+/g;

/** Trims a line and folds runs of spaces and tabs (including no-break spaces) into one space. */
export function collapseWhitespace(line: string): string {
  return UNUSUAL_SPACE.test(line) ? line.replace(SPACE_RUN, ' ').trim() : line.trim();
}
