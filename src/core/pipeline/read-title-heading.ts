// Reads the page title from the headline above the article when no crawler header gave one. A text dump
// keeps the headline as a line of its own just above the byline and the body; menus above it are runs of
// lines, and rules have already claimed bylines, stamps and section headings. So the title is the nearest
// line before the first kept block that stands alone in its paragraph (or beside a copy of itself), reads like a headline (a few
// words, no sentence end) and no rule claimed — except repeated-lines, since headlines are often printed
// twice. It runs after main-text selection, which settles where the article starts. Metadata only: the
// line's decision is unchanged.
import type { Page } from '../types.js';

/** How far above the body the headline may sit (blocks): byline, stamps, a caption and a credit fit. */
const MAX_LINES_ABOVE_BODY = 10;
const MIN_TITLE_WORDS = 3;
const MAX_TITLE_WORDS = 25;

export function readTitleHeading(page: Page): void {
  if (page.metadata.title !== undefined) return;
  const first = page.decisions.findIndex((d) => d.kept);
  if (first < 0) return;
  for (let j = first - 1; j >= Math.max(0, first - MAX_LINES_ABOVE_BODY); j--) {
    if (looksLikeTitle(page, j)) {
      page.metadata.title = page.blocks[j]!.text;
      return;
    }
  }
}

function looksLikeTitle(page: Page, j: number): boolean {
  const block = page.blocks[j]!;
  const m = page.measures[j]!;
  // Alone in its paragraph, or beside copies of itself (a headline printed twice).
  const alone = [page.blocks[j - 1], page.blocks[j + 1]].every((b) => !b || b.paragraph !== block.paragraph || b.text === block.text);
  const unclaimed = page.findings[j]!.every((f) => f.rule === 'repeated-lines');
  return alone && unclaimed && !m.isLink && !m.endsLikeSentence && !/[:|]$/u.test(block.text) && m.words >= MIN_TITLE_WORDS && m.words <= MAX_TITLE_WORDS;
}
