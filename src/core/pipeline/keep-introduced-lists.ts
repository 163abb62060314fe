// introduced-list — Keeps a list that the article introduces. Article text often ends a sentence with a
// colon and goes on with a list: tour dates, ingredients, steps, product names. Each item is short and
// poor in stop words, so the content classifier drops it, although the colon line right after article
// text shows that the list belongs to the article (items may carry bare links, as a shopping list does).
// Menus and link lists are not introduced that way, and any line a rule has claimed (a share prompt, a
// menu, a "Related" run) stays dropped. A numbered list goes on past its paragraph while its numbers do.
// On a page joined on one line, whose paragraph is the whole page, the items are the pieces that
// cut-enumerations cut out, kept after article text or after their heading or introducer that follows it.
import { itemNumber } from '../rules/patterns.js';
import type { Page } from '../types.js';
import { endsWithSentenceMark } from './run-on-lines.js';
import { MIN_ITEMS, startsWithDateDash } from './cut-enumerations.js';

/** List items are short lines; a longer line is a paragraph that the classifier judges on its own. */
const ITEM_MAX_WORDS = 30;

export function keepIntroducedLists(page: Page): void {
  const { blocks, decisions, findings, measures } = page;
  const paragraphEnds = paragraphEndsOf(page);
  for (let k = 0; k < blocks.length - 1; k++) {
    const introducer = blocks[k]!;
    // A piece of a page joined on one line: its paragraph is the rest of the page (keepRunOnEnumerations).
    if (introducer.runOnPiece || !introducer.text.endsWith(':') || findings[k]!.length > 0 || !followsArticle(page, k)) continue;
    // The items: the rest of the introducer's paragraph, or the next paragraph when it ends there. Either way
    // they are the paragraph of the next block, from that block on.
    let end = paragraphEnds[k + 1]!;
    // Items may carry their bare links (a shopping list), but a list of nothing but links is a link list.
    let notItem = -1;
    let links = 0;
    for (let i = k + 1; i < end && notItem < 0; i++) {
      if (measures[i]!.words > ITEM_MAX_WORDS || findings[i]!.length > 0) notItem = i;
      else if (measures[i]!.isLink) links++;
    }
    // A colon line among the items before the one that is no item would find that one among its own items
    // too: they are skipped, so that a page of thousands of colon lines is not read again for each of them.
    if (notItem >= 0) {
      k = notItem - 1;
      continue;
    }
    if (links === end - (k + 1)) continue;
    const reason = `item of the list introduced at line ${introducer.line}`;
    if (!decisions[k]!.kept) decisions[k] = { kept: true, rule: 'introduced-list', reason: 'introduces a list after article text' };
    end = continuedNumbering(page, k + 1, end);
    for (let i = k + 1; i < end; i++) if (!decisions[i]!.kept) decisions[i] = { kept: true, rule: 'introduced-list', reason };
    k = end - 1;
  }
  keepRunOnEnumerations(page);
}

/** Words a list's heading has at most ("The Band Tour Dates"). */
const HEADING_MAX_WORDS = 12;

/**
 * On a page joined on one line the whole page is one paragraph, so the items of a list are not told by
 * where its paragraph ends: they are the pieces cut-enumerations cut out, which open with numbers counting
 * up from 1 or each with a date and a dash. Such a list is kept where it follows kept article text, right
 * after it or after its own heading or introducer (a short piece without a sentence end, or one ending with
 * a colon) that follows it. A list or heading that a rule has claimed (a "Most read" box) stays dropped.
 */
function keepRunOnEnumerations(page: Page): void {
  const { blocks, decisions, findings, measures } = page;
  for (let k = 1; k < blocks.length; k++) {
    const first = blocks[k]!;
    if (!first.runOnPiece) continue;
    const numbered = itemNumber(first.text) === 1;
    if (!numbered && !startsWithDateDash(first.text)) continue;
    let end = k;
    while (
      end < blocks.length &&
      blocks[end]!.runOnPiece &&
      blocks[end]!.paragraph === first.paragraph &&
      findings[end]!.length === 0 &&
      (numbered ? itemNumber(blocks[end]!.text) === end - k + 1 : startsWithDateDash(blocks[end]!.text))
    ) end++;
    if (end - k < MIN_ITEMS) continue;
    const before = k - 1;
    const heading = blocks[before]!;
    let follows = decisions[before]!.kept && findings[before]!.length === 0;
    if (!follows && heading.runOnPiece && heading.paragraph === first.paragraph && findings[before]!.length === 0) {
      const introduces = heading.text.endsWith(':') || (measures[before]!.words <= HEADING_MAX_WORDS && !endsWithSentenceMark(heading.text));
      if (introduces && followsArticle(page, before)) {
        follows = true;
        decisions[before] = { kept: true, rule: 'introduced-list', reason: 'heads a list after article text' };
      }
    }
    if (follows) {
      for (let i = k; i < end; i++) if (!decisions[i]!.kept) decisions[i] = { kept: true, rule: 'introduced-list', reason: 'item of a list after article text' };
    }
    k = end - 1;
  }
}

/** Lines an item may carry below its own (its link, a price) before the next number. */
const ITEM_COMPANIONS = 2;

/**
 * The end of a numbered list that goes on past its paragraph. A dump breaks a long list where the page put
 * an image or a spacer between two items; the list goes on as long as its numbers do ("7)" then "8)"),
 * with at most ITEM_COMPANIONS short lines after each item (its link). Its items [from, end) must be
 * numbered from 1 without a gap for the numbering to count; `end` is returned when they are not.
 */
function continuedNumbering(page: Page, from: number, end: number): number {
  const { blocks, findings, measures } = page;
  const numberOf = (i: number): number => itemNumber(blocks[i]!.text);
  let last = 0;
  let lastItem = -1;
  for (let i = from; i < end; i++) {
    const n = numberOf(i);
    if (n < 0) continue;
    if (n !== last + 1) return end;
    last = n;
    lastItem = i;
  }
  if (lastItem < 0) return end;
  let listEnd = end;
  for (let j = end; j < blocks.length && j - lastItem <= ITEM_COMPANIONS + 1; j++) {
    if (findings[j]!.length > 0 || measures[j]!.words > ITEM_MAX_WORDS) break;
    const n = numberOf(j);
    if (n >= 0 && n !== last + 1) break;
    if (n === last + 1) {
      last = n;
      lastItem = j;
      listEnd = j + 1;
    } else if (blocks[j]!.paragraph === blocks[lastItem]!.paragraph) {
      // A line in the last item's paragraph is that item's own (its link), even after the last number.
      listEnd = j + 1;
    }
  }
  return listEnd;
}

/** For each block, the index after the last block of its paragraph. */
function paragraphEndsOf(page: Page): Int32Array {
  const { blocks } = page;
  const ends = new Int32Array(blocks.length);
  for (let i = blocks.length - 1; i >= 0; i--) {
    ends[i] = i + 1 < blocks.length && blocks[i + 1]!.paragraph === blocks[i]!.paragraph ? ends[i + 1]! : i + 1;
  }
  return ends;
}

/** The nearest block before `k` that no rule has claimed is kept article text. */
function followsArticle(page: Page, k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    if (page.findings[j]!.length > 0) continue;
    return page.decisions[j]!.kept;
  }
  return false;
}
