// content-evidence, first pass — jusText's context-free classification. A long block with a normal
// stop-word density is written prose (good); a short one cannot be judged alone (short); a block with
// too few stop words is a list of names, links or labels (bad); in between is near-good. Blocks a rule
// has already claimed keep the rule's verdict.
import { isProse } from '../rules/prose.js';
import { isMostlyUnspaced } from '../text/tokens.js';
import type { BlockClass, Page } from '../types.js';

/** jusText's defaults, in characters; a line of a text dump is one HTML block. */
export const LENGTH_LOW = 70;
export const LENGTH_HIGH = 200;
/** A Chinese or Japanese character carries about as much text as three Latin letters. */
export const UNSPACED_CHAR_WEIGHT = 3;
/**
 * Stop-word density bounds. stopwords-iso lists are longer than jusText's, so running prose scores
 * higher than with jusText's lists; these bounds were set from the dev pages' gold and non-gold lines.
 */
export const STOPWORDS_LOW = 0.3;
export const STOPWORDS_HIGH = 0.34;

/**
 * Consecutive prose blocks that make a run this long are article text even when each alone is only
 * near-good: jusText needs one clearly good neighbour, but articles written in short paragraphs
 * (tabloids, wire copy) may have none.
 */
export const PROSE_RUN = 2;

/**
 * Stop-word lists cover running text unequally: English prose has a density near 0.5, Chinese near 0.3,
 * Korean (whose particles are suffixes, not words) near 0.1. The bounds are therefore lowered, never
 * raised, to these shares of the page's own typical prose density (the median over its sentence-like
 * blocks), so that a language with a thin list is not judged by English norms.
 */
export const RELATIVE_LOW = 0.6;
export const RELATIVE_HIGH = 0.7;
/** Blocks with at least this many words that end like a sentence set the page's typical density. */
const REFERENCE_MIN_WORDS = 12;

interface Bounds {
  low: number;
  high: number;
}

export function classifyByContent(page: Page): void {
  const bounds = densityBounds(page);
  page.classes = page.blocks.map((_, i) => classifyAlone(page, i, bounds));
  promoteProseRuns(page);
}

function densityBounds(page: Page): Bounds {
  const densities = page.measures
    .filter((m) => m.endsLikeSentence && m.words >= REFERENCE_MIN_WORDS)
    .map((m) => m.stopWordDensity)
    .sort((a, b) => a - b);
  if (densities.length === 0) return { low: STOPWORDS_LOW, high: STOPWORDS_HIGH };
  const median = densities[Math.floor(densities.length / 2)]!;
  return { low: Math.min(STOPWORDS_LOW, median * RELATIVE_LOW), high: Math.min(STOPWORDS_HIGH, median * RELATIVE_HIGH) };
}

/** One line this short ("Advertisement", "He declined to comment.") may sit inside a run of prose. */
const RUN_INTERRUPTION_WORDS = 5;

function promoteProseRuns(page: Page): void {
  const { classes, blocks, measures } = page;
  const inRun = (i: number) => (classes[i] === 'near-good' || classes[i] === 'good') && isProse(blocks[i]!.text, measures[i]!);
  const interrupts = (i: number) => i < classes.length && (classes[i] === 'short' || measures[i]!.words <= RUN_INTERRUPTION_WORDS);
  let start = 0;
  while (start < classes.length) {
    if (!inRun(start)) {
      start++;
      continue;
    }
    const members = [start];
    let next = start + 1;
    while (next < classes.length) {
      if (inRun(next)) members.push(next++);
      else if (interrupts(next) && next + 1 < classes.length && inRun(next + 1)) next++;
      else break;
    }
    if (members.length >= PROSE_RUN) for (const i of members) classes[i] = 'good';
    start = next;
  }
}

function classifyAlone(page: Page, i: number, bounds: Bounds): BlockClass {
  {
    const findings = page.findings[i]!;
    if (findings.some((f) => f.verdict !== 'content')) return 'bad';
    if (findings.some((f) => f.verdict === 'content')) return 'good';
    const m = page.measures[i]!;
    if (m.isLink) return 'bad';
    const length = m.chars * (isMostlyUnspaced(page.blocks[i]!.text) ? UNSPACED_CHAR_WEIGHT : 1);
    if (length < LENGTH_LOW) return 'short';
    if (m.stopWordDensity >= bounds.high) return length > LENGTH_HIGH ? 'good' : 'near-good';
    if (m.stopWordDensity >= bounds.low) return 'near-good';
    return 'bad';
  }
}
