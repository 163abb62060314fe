// browser-marks — Text browsers and converters print a mark where the page had something they cannot show
// as text: an image as its file name in brackets (`[photo.jpg]`, `[IMG]`),
// a frame as `IFRAME: address`, a button as `(BUTTON) Label`, a text field as `[_____]` or `[     ]`, a
// check box as `[ ]` (lynx, w3m, html2text). A line of such marks alone is none of the page's text, and
// the article is full of them (one over each photo). Dropped as boilerplate, each was still a neighbour:
// a short subheading or a recipe line between a photo's mark and the article was judged against it and
// dropped with it, and a mark beside a teaser made the teaser look like a paragraph of its own. So such a
// line is read as if the page did not hold it: it leaves the text before any rule reads it, the lines
// around it meet (a wrapped paragraph with an image inside is joined again), and the output does not
// print it. Only whole lines of marks are read so: a mark with words after it (`[ ] Remember me`) is the
// page's label, and an alt text of words (`[Map of the flooded area]`, `[Avatar]`) is text that a reader
// saw: under a teaser's photo it is the teaser's title again, which tells a list of teasers from the article
// (a one-word alt text hidden let a list of teasers join the article on an html2text dump, 0.954 -> 0.876).
// A file name or an address has a dot, a slash or a digit in it, or is cut short (w3m: `[e151e5]`).
import { LINE_BREAK } from './split-blocks.js';
import type { Page } from '../types.js';

/** The step's id, as --disable-rule takes it (catalogue.ts). */
export const BROWSER_MARKS_ID = 'browser-marks';
/** The reason each such line gives (strip() reports it among the page's blocks). */
export const HIDDEN_MARK_REASON = "a text browser's mark, read as absent";

/**
 * One mark: an image's file name in brackets (no space in it, not only letters, words of a script with
 * combining marks or with apostrophes, and a letter or digit in it: not `[…]`), `[IMG]`, lynx's `[INS: :INS]`,
 * html2text's `[Unknown INPUT type]`, an empty field or check box (`[ ]`, `[____]`, `[X]`), a radio button
 * (`( )`, `(*)`), a button or a frame with what follows it on the line.
 */
const MARK = String.raw`(?:\[(?:(?![\p{L}\p{M}'’_-]+\])(?=[^\]\s]{0,79}[\p{L}\p{N}])[^\]\s]{1,80}|IMG|X|INS: ?:INS|Unknown INPUT type|[ _]*)\]|\((?: |\*)?\)|\(BUTTON\).*|IFRAME:.*)`;
/**
 * A text field lynx prints as a run of underscores, only beside another mark: alone it is a rule (`<hr>`).
 * The whole run: a part of it would let a line that fails be tried in every split of its runs.
 */
const FIELD = '_{4,}(?!_)';
/** White space within a line. */
const SPACE = String.raw`[^\S\r\n]*`;
const MARK_LINE_SOURCE = `^${SPACE}(?:${FIELD}${SPACE})?${MARK}(?:${SPACE}(?:${MARK}|${FIELD}))*${SPACE}$`;
const MARK_LINE = new RegExp(MARK_LINE_SOURCE, 'u');
/** Any line of the page that is one: most pages have none, and are not split into lines. */
const ANY_MARK_LINE = new RegExp(MARK_LINE_SOURCE, 'mu');

/** Whether the line is only browser marks (see above). */
export function isBrowserMarkLine(line: string): boolean {
  return MARK_LINE.test(line);
}

/**
 * Takes the lines of browser marks out of `page.source` (see above); `page.lineMap` says where each line
 * came from, and which input lines the output leaves out. Not the lines the user keeps (`keeps`, --keep),
 * which the rules read as any other.
 */
export function hideBrowserMarks(page: Page, keeps?: (line: string) => boolean): void {
  if (page.lineMap !== undefined || !ANY_MARK_LINE.test(page.source)) return;
  const lines = page.source.split(LINE_BREAK);
  const hidden = new Set<number>();
  lines.forEach((line, i) => {
    if (isBrowserMarkLine(line) && !keeps?.(line)) hidden.add(i);
  });
  if (hidden.size === 0) return;
  const firstLines: number[] = [];
  const kept: string[] = [];
  lines.forEach((line, i) => {
    if (hidden.has(i)) return;
    firstLines.push(i);
    kept.push(line);
  });
  page.source = kept.join('\n');
  page.lineMap = { inputLines: lines, firstLines: Int32Array.from(firstLines), lineForLine: false, hidden };
}
