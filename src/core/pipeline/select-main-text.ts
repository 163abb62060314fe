// main-text — Keeps the article's region. Kept blocks are grouped into regions across small gaps; the
// region with the most text is the article. Another region survives only when it is close to the article,
// not cut off from it by a section heading ("Top Stories", "Related") that opens more than a small box
// set into the article, and not tiny beside it: that is what keeps a long teaser or a comment far below
// the body out of the output. A region above the article that only such a box separates from it is the
// article's opening however short (its first paragraphs above a "Related" box), and so is a region that
// lies between the headline and the article: the headline is where the article starts, so kept text under it
// and above the body is the body's first paragraph (a lede that a quoted document's dateline and title, a
// share bar or an ad cut off from the rest), not a teaser, which sits beside or after the article. The
// region must still be near (maxRegionGap) and no section heading or comment header may stand between.
import { commentHeaders } from '../rules/comment-headers.js';
import { sectionOpeners } from '../rules/section-openers.js';
import type { Page } from '../types.js';

/**
 * Dropped blocks that may separate two parts of one region (an ad, a caption, a pull quote). Counted as
 * blocks even on a page joined on one line (unlike the distance between regions, see linesOf): such an
 * insert is a piece or two whatever its length, and weighting them cut joined articles apart (measured).
 */
const JOIN_GAP = 3;
/** Dropped blocks between the headline and a region that halve the region's weight. */
const HEADLINE_DISTANCE = 40;
/** Text above the headline is a teaser list or a menu more often than the article: it counts at this weight. */
const ABOVE_HEADLINE_WEIGHT = 0.5;
/** Comment headers above a region that make it a comment rather than a candidate for the article. */
const COMMENT_HEADERS_ABOVE = 2;
/**
 * A section heading whose run (heading and items) is at most this many blocks, between two regions, is a box set
 * into the article ("Related" with a few links) rather than the end of the article: a list that follows
 * the article is longer, and the section-openers rule already found that prose resumed right after it.
 */
const INLINE_BOX_BLOCKS = 8;

interface Region {
  first: number;
  last: number;
  chars: number;
}

export function selectMainText(page: Page): void {
  const { decisions, findings } = page;
  const regions: Region[] = [];
  let current: Region | undefined;
  let gap = 0;
  let gapHasOpener = false;
  for (let i = 0; i < decisions.length; i++) {
    if (!decisions[i]!.kept) {
      gap++;
      // Most blocks have no finding: testing the length first saves a callback per block (here and below).
      gapHasOpener ||= findings[i]!.length > 0 && findings[i]!.some((f) => f.opensSection);
      continue;
    }
    if (current && gap <= JOIN_GAP && !gapHasOpener) {
      current.last = i;
    } else {
      current = { first: i, last: i, chars: 0 };
      regions.push(current);
    }
    current.chars += page.measures[i]!.chars;
    gap = 0;
    gapHasOpener = false;
  }
  if (regions.length <= 1) return;

  // Comments follow the article: a region with two or more comment headers above it is a comment, however
  // long, and only competes for the article when nothing else does. (One header above it can be the
  // article's own posting time.)
  let headersSeen = 0;
  let next = 0;
  const candidates = regions.filter((region) => {
    for (; next < region.first; next++) if (findings[next]!.length > 0 && findings[next]!.some((f) => f.rule === commentHeaders.id)) headersSeen++;
    return headersSeen < COMMENT_HEADERS_ABOVE;
  });
  const headline = headlineIndex(page);
  const score = headlineWeighting(page, headline);
  const main = (candidates.length > 0 ? candidates : regions).reduce((a, b) => (score(b) > score(a) ? b : a));
  const mainIndex = regions.indexOf(main);
  const keep = new Set<Region>([main]);
  // Walk outwards from the article; stop at the first region that does not qualify on each side.
  for (const step of [-1, 1]) {
    let previous = main;
    for (let r = mainIndex + step; r >= 0 && r < regions.length; r += step) {
      const region = regions[r]!;
      const [from, to] = step < 0 ? [region.last + 1, previous.first] : [previous.last + 1, region.first];
      const between = range(from, to);
      const dropped = between.filter((i) => !decisions[i]!.kept);
      // How far the region is: dropped blocks, a dropped piece of a run-on line counted by its length.
      const distance = dropped.reduce((sum, i) => sum + linesOf(page, i), 0);
      // Only a section heading's run can be a box set into the article; other openers (a comment's header) end it.
      // The article does not reach above its headline either.
      const opener = between.some((i) => findings[i]!.some((f) => (f.opensSection && f.rule !== sectionOpeners.id) || (step < 0 && f.repeatsTitle)));
      const sectionBlocks = between.filter((i) => findings[i]!.some((f) => f.rule === sectionOpeners.id)).length;
      // A region above the article that nothing but a box set into it cuts off is the article's opening,
      // however short. Below the article, a short region after a box is as likely the box's last teaser.
      const onlyBox = step < 0 && sectionBlocks > 0 && dropped.length === sectionBlocks;
      // So is a region between the headline and the article (see the comment at the top).
      const underHeadline = step < 0 && headline >= 0 && region.first > headline;
      if (opener || sectionBlocks > INLINE_BOX_BLOCKS || distance > page.thresholds.maxRegionGap || (!onlyBox && !underHeadline && region.chars < main.chars * page.thresholds.minRegionShare)) break;
      keep.add(region);
      previous = region;
    }
  }
  for (const region of regions) {
    if (keep.has(region)) continue;
    for (let i = region.first; i <= region.last; i++) {
      if (!decisions[i]!.kept) continue;
      decisions[i] = { kept: false, rule: 'main-text', reason: 'outside the main text region' };
    }
  }
}

/**
 * The article starts under its headline (the line that repeats the page title). A region's text counts for
 * less the more dropped blocks separate it from the headline, so that a long legal notice or a comment at
 * the foot of the page does not outweigh a short article right under its headline, and text above the
 * headline counts for less than text below it. Without a headline,
 * a region scores its text.
 */
function headlineWeighting(page: Page, headline: number): (region: Region) => number {
  const { decisions } = page;
  if (headline < 0) return (region) => region.chars;
  // dropped[i]: dropped blocks before block i.
  const dropped = new Int32Array(decisions.length + 1);
  for (let i = 0; i < decisions.length; i++) dropped[i + 1] = dropped[i]! + (decisions[i]!.kept ? 0 : 1);
  return (region) => {
    const between = region.first > headline ? dropped[region.first]! - dropped[headline + 1]! : dropped[headline]! - dropped[region.last + 1]!;
    const side = region.last < headline ? ABOVE_HEADLINE_WEIGHT : 1;
    return (side * region.chars) / (1 + Math.max(0, between) / HEADLINE_DISTANCE);
  };
}

/** The headline's block (the first line after the first that repeats the page title), or -1. */
function headlineIndex(page: Page): number {
  return page.findings.findIndex((list, i) => i > 0 && list.length > 0 && list.some((f) => f.repeatsTitle));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

/**
 * How far a region lies from the article is counted in dropped blocks. The pieces of a page joined on one
 * line are coarser than a dump's lines (a whole menu, a footer's sentences), so there a dropped piece counts
 * by its length: one line per WORDS_PER_DUMP_LINE words, up to MAX_LINES_PER_PIECE. What separates the
 * article from a cookie notice or a blog's excerpts below the footer is then how much dropped text lies
 * between them, as on the same page split into lines. The cap keeps one long list set into the article (a
 * "More from" box) from cutting it in two; a box of several dropped sentences can still do so (see README).
 */
const WORDS_PER_DUMP_LINE = 3;
const MAX_LINES_PER_PIECE = 5;

/** How many lines of a dump the dropped block `i` counts as. */
function linesOf(page: Page, i: number): number {
  if (!page.blocks[i]!.runOnPiece) return 1;
  return Math.min(MAX_LINES_PER_PIECE, Math.max(1, Math.floor(page.measures[i]!.words / WORDS_PER_DUMP_LINE)));
}
