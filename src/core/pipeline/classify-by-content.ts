// content-evidence, first pass — jusText's context-free classification. A long block with a normal
// stop-word density is written prose (good); a short one cannot be judged alone (short); a block with
// too few stop words is a list of names, links or labels (bad); in between is near-good. Blocks a rule
// has already claimed keep the rule's verdict.
import { effectiveWords, isCutOff, isProse, isTruncated } from '../rules/prose.js';
import type { BlockClass, Page } from '../types.js';
import { linkTextShare } from './read-markdown-links.js';
import { holdsCaselessRun } from './run-on-lines.js';

// The length bounds (jusText's, in Latin-equivalent characters: a line of a text dump is one HTML block)
// and the stop-word density bounds (compared with the page-calibrated density; stopwords-iso lists are
// longer than jusText's, so they were set from the dev pages' gold and non-gold lines) are user-tunable:
// they come from page.thresholds (core/thresholds.ts).

/**
 * Consecutive prose blocks that make a run this long are article text even when each alone is only
 * near-good: jusText needs one clearly good neighbour, but articles written in short paragraphs
 * (tabloids, wire copy) may have none.
 */
export const PROSE_RUN = 3;
/** Sentence marks that make a long block prose on a page whose stop-word list covers little. */
const SENTENCES_WITHOUT_STOP_WORDS = 3;
/**
 * On a Markdown page, where the text of links is known (read-markdown-links.ts), a block of a paragraph's
 * length with at least this share of it in links is bad: jusText's link density. The text of a paragraph
 * links a few words; a teaser's headline and summary, written inside its link, or a list of links that a
 * converter ran together into one paragraph, are links throughout.
 */
const MAX_LINK_SHARE = 0.8;
/** Blocks that may interrupt a run of prose between two of its paragraphs (a subheading and a caption). */
const RUN_GAP = 2;

export function classifyByContent(page: Page): void {
  page.classes = page.blocks.map((_, i) => classifyAlone(page, i));
  promoteProseRuns(page);
  promoteSentenceRuns(page);
  promoteWhenNothingIsGood(page);
}

/** Whole sentences in a row, among the pieces of a run-on line, that make running text (see below). */
const SENTENCE_RUN = 3;
/** Words a piece needs to count as a whole sentence in such a run (a short sentence of Korean has five). */
const SENTENCE_RUN_MIN_WORDS = 5;
/**
 * Stop-word coverage at or below which a piece's density says nothing of whether it is prose: the list then
 * covers at most half of what it covers in a well-listed language (Korean, whose particles are written onto
 * the noun, scores 0.15–0.25), and a sentence of ten words has a stop word or none by chance.
 */
const POOR_COVERAGE = 0.5;

/**
 * isSentenceRich for a page joined on one line: its pieces are cut at sentence ends, so a paragraph of
 * several sentences arrives as several pieces of one sentence each, and no piece alone shows the marks that
 * tell running text where the stop-word list covers the language poorly. Three or more pieces in a row
 * that are each a whole sentence, together longer than a long block, are running text: menus and link
 * texts are rarely written in sentences (a list of one-sentence teasers is, and is then kept with the
 * article when nothing but sentences stands between them). A piece cut off with "…" or "..", as teaser
 * lists shorten headlines, is no whole sentence, nor is a piece a rule claimed (a bare link, one word, is
 * too short). A
 * piece called bad for its few stop words breaks the run too, unless the coverage is poor (POOR_COVERAGE),
 * where that verdict is noise: there a Korean sentence with no listed stop word would otherwise cut a
 * paragraph apart. Even there, a piece that holds a caseless run of 24 words with no sentence end (the run
 * that made the line a run-on line) stays out: it is the menu, run into the sentence after it, more often
 * than a sentence that long.
 */
function promoteSentenceRuns(page: Page): void {
  if (page.stopWordCoverage >= 1) return;
  const { classes, blocks, measures, findings } = page;
  const densityIsNoise = page.stopWordCoverage <= POOR_COVERAGE;
  const isSentence = (i: number) => {
    const b = blocks[i]!;
    const m = measures[i]!;
    return (
      b.runOnPiece &&
      findings[i]!.length === 0 &&
      (classes[i] !== 'bad' || (densityIsNoise && !holdsCaselessRun(b.text))) &&
      m.endsLikeSentence &&
      !isCutOff(b.text) &&
      effectiveWords(b.text, m) >= SENTENCE_RUN_MIN_WORDS
    );
  };
  for (let start = 0; start < blocks.length; ) {
    let end = start;
    let length = 0;
    while (end < blocks.length && isSentence(end)) length += measures[end++]!.contentLength;
    if (end - start >= SENTENCE_RUN && length > page.thresholds.lengthHigh) {
      for (let k = start; k < end; k++) classes[k] = 'good';
    }
    start = Math.max(end, start + 1);
  }
}

/**
 * A page whose article is written in short paragraphs (a listicle, a photo story, a product page) may have
 * no block long enough to be good; the edges of the page then count as bad for every block and the whole
 * article is lost. When nothing on the page is good, its near-good blocks stand in: they are the best
 * evidence of prose the page has, and the neighbour pass and the main-text step still judge around them.
 */
function promoteWhenNothingIsGood(page: Page): void {
  const { classes } = page;
  if (classes.includes('good')) return;
  for (let i = 0; i < classes.length; i++) if (classes[i] === 'near-good') classes[i] = 'good';
}

function promoteProseRuns(page: Page): void {
  const { classes, blocks, measures } = page;
  const inRun = (i: number) => (classes[i] === 'near-good' || classes[i] === 'good') && isProse(blocks[i]!.text, measures[i]!);
  let start = 0;
  while (start < classes.length) {
    if (!inRun(start)) {
      start++;
      continue;
    }
    // Extend the run over prose blocks, stepping over short interruptions between them.
    const members = [start];
    let i = start + 1;
    let gap = 0;
    for (; i < classes.length; i++) {
      if (inRun(i)) {
        members.push(i);
        gap = 0;
      } else if (gap < RUN_GAP && interrupts(page, i)) {
        gap++;
      } else {
        break;
      }
    }
    if (members.length >= PROSE_RUN) for (const m of members) classes[m] = 'good';
    start = members[members.length - 1]! + 1;
  }
}

/**
 * A block that may stand between two prose paragraphs of one run: a short line (a subheading, an
 * exclamation) or a single-line paragraph a rule claimed (a repeated photo caption, "Advertisement"),
 * but not one that opens a section or is a bare link.
 */
function interrupts(page: Page, i: number): boolean {
  const m = page.measures[i]!;
  const findings = page.findings[i]!;
  if (m.isLink || findings.some((f) => f.opensSection)) return false;
  if (findings.length === 0) return m.contentLength < page.thresholds.lengthLow;
  const b = page.blocks[i]!;
  return b.lineInParagraph === 0 && page.blocks[i + 1]?.paragraph !== b.paragraph;
}

function classifyAlone(page: Page, i: number): BlockClass {
  {
    const findings = page.findings[i]!;
    if (findings.some((f) => f.verdict !== 'content')) return 'bad';
    if (findings.some((f) => f.verdict === 'content')) return 'good';
    const m = page.measures[i]!;
    if (m.isLink) return 'bad';
    if (m.contentLength < page.thresholds.lengthLow) return 'short';
    if (isMostlyLinkText(page, i)) return 'bad';
    if (m.relativeStopWordDensity >= page.thresholds.stopwordsHigh) return m.contentLength > page.thresholds.lengthHigh ? 'good' : 'near-good';
    if (m.relativeStopWordDensity >= page.thresholds.stopwordsLow) return 'near-good';
    if (page.stopWordCoverage < 1 && isSentenceRich(page, i)) return 'good';
    return 'bad';
  }
}

/**
 * Where the stop-word list covers the page's language poorly (see calibrate-stop-words), density varies
 * widely between paragraphs of the same article. A long block of several complete sentences is running
 * text whatever its density: menus, lists and link texts are not written in sentences.
 */
function isSentenceRich(page: Page, i: number): boolean {
  const m = page.measures[i]!;
  return m.sentenceMarks >= SENTENCES_WITHOUT_STOP_WORDS && m.endsLikeSentence && m.contentLength > page.thresholds.lengthHigh && !isTruncated(page.blocks[i]!.text);
}

/** Whether block i, of a paragraph's length, is mostly the text of links (see MAX_LINK_SHARE). */
export function isMostlyLinkText(page: Page, i: number): boolean {
  return page.lineMap?.linkChars !== undefined && page.measures[i]!.contentLength >= page.thresholds.lengthLow && linkTextShare(page, page.blocks[i]!) >= MAX_LINK_SHARE;
}
