// section-openers — Evidence: a short line that names a list of other content ("Top Stories", "Most
// Watched Today", "Related Articles", "You may also like", "Lesen Sie auch", "Les plus lus", 関連記事 …).
// Such a heading introduces teasers, not article text, so the heading and everything after it are
// boilerplate until article-like text resumes (two prose paragraphs in a row, at least one of them long, or
// three short ones) or the article's headline (a line that repeats the page title) begins the story.
// Teaser lists never look like that (headline, cut-off summary, time stamp), articles nearly always do.
// A heading with its one item on the same line ("Read more: Storm closes the coast road", "Related: …")
// points to another article in the same way; it opens no run, since its item is on the line.
import type { Finding, Page } from '../types.js';
import { effectiveWords, isLongProse, isProse } from './prose.js';
import { bareForm } from '../pipeline/split-blocks.js';
import { pageTitle } from './page-title.js';
import type { Rule } from './rule.js';
import { OPENERS } from './section-headings.js';


/** Section headings are short; a longer line that happens to start with "Related" is a sentence. */
const MAX_OPENER_WORDS = 7;
/** A heading and its item on one line: the heading's words and a title. */
const MAX_POINTER_WORDS = 25;
/** The heading's colon comes this early ("das könnte sie auch interessieren" is 33 characters). */
const MAX_HEADING_CHARS = 40;

export const sectionOpeners: Rule = {
  id: 'section-openers',
  description: 'Headings such as "Top Stories" or "Related Articles" and the teaser run they open, until prose resumes.',
  find(page: Page): Finding[] {
    const findings: Finding[] = [];
    const { blocks, measures } = page;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const m = measures[i]!;
      if (m.words <= MAX_POINTER_WORDS && !m.endsLikeSentence && isPointer(block.lower)) {
        findings.push({ block: i, verdict: 'boilerplate', reason: `link to another article after "${block.text.slice(0, block.lower.indexOf(':') + 1)}"` });
        continue;
      }
      if (m.words > MAX_OPENER_WORDS || !OPENERS.test(block.bare)) continue;
      findings.push({ block: i, verdict: 'boilerplate', reason: `section heading "${block.text}"`, opensSection: true });
      let j = i + 1;
      for (; j < blocks.length && !proseResumes(page, j); j++) {
        if (measures[j]!.words <= MAX_OPENER_WORDS && OPENERS.test(blocks[j]!.bare)) break;
        // The article's headline (a line that repeats the page title) starts the article, not another item.
        if (pageTitle(page).isHeadline(page, j)) break;
        findings.push({ block: j, verdict: 'boilerplate', reason: `inside the "${block.text}" section` });
      }
      i = j - 1;
    }
    return findings;
  },
};

/**
 * "Read more: <title>": a section heading, a colon, and the title of the one article it points to. A title
 * does not end like a sentence (checked by the caller), so "In other news: the council voted …" stays text.
 */
function isPointer(lower: string): boolean {
  const colon = lower.indexOf(':');
  if (colon < 1 || colon > MAX_HEADING_CHARS || colon + 1 === lower.length) return false;
  return OPENERS.test(bareForm(lower.slice(0, colon)));
}

/**
 * A prose paragraph this long ends the run alone: teaser summaries are cut off well before it. Not a piece
 * of a page joined on one line, which is cut at every sentence end: there the teasers' titles run
 * together into one long "sentence" that ends with the last one's "?" ("Philip Hammond was May's
 * NIGHTMARE: Inside story of … Will Princess Beatrice be allowed to wear a royal tiara?"). Such a piece
 * must pass the two-paragraph test below, as a short paragraph does: prose must go on after it.
 */
const SELF_STANDING_PROSE_WORDS = 45;
/** Lines this short between two paragraphs ("Advertisement", "3h ago") do not interrupt prose. */
const INTERRUPTION_WORDS = 3;

/**
 * Article text resumes at block j when j is prose and so is the next block that is more than a short
 * interruption, and one of the two is long; or when three short paragraphs of prose follow one another
 * with nothing between them: three sentences in a row are a passage of the article, however short each is
 * (an AP-style story), while a teaser list puts a headline or a label between its summaries.
 */
function proseResumes(page: Page, j: number): boolean {
  const a = page.blocks[j]!;
  const ma = page.measures[j]!;
  if (!isProse(a.text, ma)) return false;
  if (effectiveWords(a.text, ma) >= SELF_STANDING_PROSE_WORDS && !a.runOnPiece) return true;
  const k = nextParagraph(page, j);
  const b = page.blocks[k];
  const mb = page.measures[k];
  // One paragraph at the very end of the page is more likely the list's last item than the article.
  if (!b || !mb || !isProse(b.text, mb)) return false;
  if (isLongProse(a.text, ma) || isLongProse(b.text, mb)) return true;
  // Three short ones must follow one another with nothing between: a teaser list may put a short label
  // ("Tennis", "Golf") between its summaries.
  const c = j + 2;
  return k === j + 1 && c < page.blocks.length && isProse(page.blocks[c]!.text, page.measures[c]!);
}

/** The next block after j that is not a short interruption between paragraphs. */
function nextParagraph(page: Page, j: number): number {
  let k = j + 1;
  while (k < page.blocks.length && page.measures[k]!.words <= INTERRUPTION_WORDS && !isProse(page.blocks[k]!.text, page.measures[k]!)) k++;
  return k;
}
