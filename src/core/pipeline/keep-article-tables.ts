// article-table — Keeps the rows of a table or a structured list that the article holds: tour dates, a box
// score, an ingredient list. Each row is short and poor in stop words, so the content classifier drops it,
// and its neighbours are rows too, so the neighbour pass cannot save it. What marks such rows is a shared
// shape: the same punctuation and numbers in the same order at the start of every row ("June 9 – Tampa,
// FL @ …", "DL Larry Ogunjobi 63 85% …", "* 1 tsp cinnamon"). Menus are bare labels and headline lists
// punctuate freely, so neither has one. Where the rows stand matters as much: between the article's
// paragraphs (a subheading or a header row may stand between), or, when their shape starts with a number,
// right after its last paragraph, or, when they are rows of figures (two numbers before any punctuation),
// right above its first paragraph with nothing between: an article that opens with a table of statistics
// under a lead-in the classifier did not take for article text (a headline or a score box above the
// article has its headline or byline between). A share bar or a list of links after the article
// ("Listen: http://…") has a shape too, but no number in it. Rows a rule has claimed (a teaser's time stamp, a menu) are never
// kept here, so the shape only decides between the classifier's two guesses.
import { charClass, LETTER, NUMBER } from '../text/tokens.js';
import type { Page } from '../types.js';

/** Fewer rows than this are not a table: two lines may share a shape by chance. */
const MIN_ROWS = 3;
/** A longer line is a paragraph, which the classifier judges on its own. */
const ROW_MAX_WORDS = 40;
/** How many leading shape characters rows must share ("0–" for "June 9 – …"). */
const SHAPE_PREFIX = 2;
/** Lines allowed between a table and the article's paragraphs around it: a subheading and a header row printed twice. */
const GAP_INSIDE = 3;
/** Lines allowed between the article's last paragraph and a table after it: a subheading. */
const GAP_AFTER = 1;

export function keepArticleTables(page: Page): void {
  const { blocks, decisions, findings, measures } = page;
  const { before, after } = articleLines(page);
  // A row the neighbour pass kept (a short one between two longer ones) is still a row of the table. A piece
  // cut from a page joined on one line is no row: the page's lines, which rows are, are lost there.
  const shapeOf = (i: number): string | undefined =>
    findings[i]!.length === 0 && measures[i]!.words <= ROW_MAX_WORDS && !blocks[i]!.runOnPiece ? rowShape(blocks[i]!.text, SHAPE_PREFIX) : undefined;
  // The line that ends a run (most runs are one line long) is where the next run starts: its shape, read
  // to end the run, is kept for that, rather than each line near article text read twice.
  let shapeRead = -1;
  let lastShape: string | undefined;
  const shapeAt = (i: number): string | undefined => {
    if (i !== shapeRead) {
      shapeRead = i;
      lastShape = shapeOf(i);
    }
    return lastShape;
  };
  for (let from = 0; from < blocks.length; from++) {
    // Every table starts near article text or above the first of it: the shapes of lines further from it
    // are never read.
    const nearBefore = from - before[from]! <= GAP_INSIDE + 1;
    // No article text above: a table of figures may still open the article, right on top of its first paragraph.
    const opensArticle = before[from] === FAR_BEFORE;
    if (!nearBefore && !opensArticle) continue;
    const shape = shapeAt(from);
    if (shape === undefined || shape.length < SHAPE_PREFIX) continue;
    let to = from + 1;
    while (to < blocks.length && shapeAt(to) === shape) to++;
    const last = to - 1;
    const inArticle =
      to - from >= MIN_ROWS &&
      ((nearBefore && after[last]! - last <= GAP_INSIDE + 1) ||
        (hasNumber(shape) && from - before[from]! <= GAP_AFTER + 1) ||
        (opensArticle && isDataShape(shape) && after[last] === to));
    if (inArticle) {
      for (let i = from; i < to; i++) if (!decisions[i]!.kept) decisions[i] = { kept: true, rule: 'article-table', reason: `row of a table in the article (rows start "${shape}")` };
    }
    from = last;
  }
}

/** Positions no gap reaches, for a side with no article text: a page has fewer than 2^29 lines. */
const FAR_BEFORE = -(2 ** 30);
const FAR_AFTER = 2 ** 30;

/**
 * For each block, the nearest line of article text before it and after it (FAR_BEFORE and FAR_AFTER where
 * there is none): a kept line with a sentence mark in it. Kept lines without one (list items, a subheading)
 * may be a list the rows only continue: the image names a slide show prints below its captions
 * ("img_1_en", "img_2_en") have a shape too.
 */
function articleLines(page: Page): { before: Int32Array; after: Int32Array } {
  const n = page.blocks.length;
  const before = new Int32Array(n);
  const after = new Int32Array(n);
  const isArticle = (k: number) => page.decisions[k]!.kept && page.measures[k]!.sentenceMarks > 0;
  let seen = FAR_BEFORE;
  for (let k = 0; k < n; k++) {
    before[k] = seen;
    if (isArticle(k)) seen = k;
  }
  seen = FAR_AFTER;
  for (let k = n - 1; k >= 0; k--) {
    after[k] = seen;
    if (isArticle(k)) seen = k;
  }
  return { before, after };
}

function hasNumber(shape: string): boolean {
  return shape.includes('0');
}

/**
 * Rows that start with two numbers before any punctuation ("DL Larry Ogunjobi 63 85% …", "Arsenal 12 8 …"):
 * a row of figures. A numbered list ("1. Home >", "1. How to …") starts "0.": above the article, that is a
 * breadcrumb or a list of other stories far more often than the article's own.
 */
function isDataShape(shape: string): boolean {
  return shape.startsWith('00');
}

/**
 * The first `length` characters of a line's shape: its punctuation in order, each number as one "0",
 * letters and spaces left out. A full stop or apostrophe right after a letter belongs to its word ("T.J.",
 * "Ward's"), not to the shape.
 */
export function rowShape(text: string, length: number): string {
  let shape = '';
  let inNumber = false;
  for (let i = 0; i < text.length && shape.length < length; i++) {
    const code = text.charCodeAt(i);
    const kind = charClass(code);
    if (kind === NUMBER) {
      if (!inNumber) shape += '0';
      inNumber = true;
      continue;
    }
    inNumber = false;
    if (kind === LETTER || code === 0x20) continue;
    if ((code === 0x2e || code === 0x27 || code === 0x2019) && i > 0 && charClass(text.charCodeAt(i - 1)) === LETTER) continue;
    shape += text[i];
  }
  return shape;
}
