// Calibrates stop-word density to the page. The content thresholds assume a list that covers 40–60 % of
// running text, as it does for English or German. For some languages the list covers far less: Korean
// writes its particles onto the noun ("사진을"), so the list's separate particles rarely match and real
// prose scores 0.05–0.2. The page's own sentences show this: blocks with several sentence marks that end
// like a sentence are nearly always running text, whatever the language, so their median density is what
// prose scores on this page. When that median is below what prose scores with a good list, every block's
// density is divided by the shortfall (relativeStopWordDensity), and the thresholds see the page as they
// would see a well-covered one. Pages whose sentences score normally are left exactly as they are. On a
// page joined on one line the pieces are single sentences (pipeline/run-on-lines.ts), so there a piece of
// one sentence is a sample.
import { effectiveWords } from '../rules/prose.js';
import type { Page } from '../types.js';

/** Median stop-word density of sentence blocks with a list that covers the language well. */
export const EXPECTED_PROSE_DENSITY = 0.45;
/** Sentence blocks needed before the page's median is trusted over the default (two: a short article still shows its language's norm). */
const MIN_SAMPLES = 2;
/** A sample block: at least this many sentence marks and words, so it is running text, not a label. */
const SAMPLE_MIN_MARKS = 2;
const SAMPLE_MIN_WORDS = 15;
/**
 * A piece of a page joined on one line is cut at sentence ends, so it holds one sentence: a piece that ends
 * like one with this many words is a sample too (Korean sentences run 8 to 15 words).
 */
const PIECE_SAMPLE_MIN_WORDS = 8;
/** Never scale by more than this: a page with nearly no stop words at all is a list, not poorly covered prose. */
const MIN_COVERAGE = 0.15;

export function calibrateStopWords(page: Page): void {
  const samples: number[] = [];
  page.measures.forEach((m, i) => {
    const block = page.blocks[i]!;
    const minMarks = block.runOnPiece ? 1 : SAMPLE_MIN_MARKS;
    const minWords = block.runOnPiece ? PIECE_SAMPLE_MIN_WORDS : SAMPLE_MIN_WORDS;
    if (m.sentenceMarks >= minMarks && m.endsLikeSentence && effectiveWords(block.text, m) >= minWords) {
      samples.push(m.stopWordDensity);
    }
  });
  if (samples.length < MIN_SAMPLES) return;
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  if (median >= EXPECTED_PROSE_DENSITY) return;
  const coverage = Math.max(MIN_COVERAGE, median / EXPECTED_PROSE_DENSITY);
  page.stopWordCoverage = coverage;
  for (const m of page.measures) m.relativeStopWordDensity = Math.min(1, m.stopWordDensity / coverage);
}
