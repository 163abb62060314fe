// strip(): the whole pipeline, one step per module, in order. Reading this list is reading the algorithm.
import { applyRules } from './pipeline/apply-rules.js';
import { calibrateStopWords } from './pipeline/calibrate-stop-words.js';
import { classifyByContent } from './pipeline/classify-by-content.js';
import { decide } from './pipeline/decide.js';
import { detectLanguage } from './pipeline/detect-language.js';
import { keepIntroducedLists } from './pipeline/keep-introduced-lists.js';
import { measureBlocks } from './pipeline/measure-blocks.js';
import { render } from './pipeline/render.js';
import { reviseByNeighbours } from './pipeline/revise-by-neighbours.js';
import { selectMainText } from './pipeline/select-main-text.js';
import { splitBlocks } from './pipeline/split-blocks.js';
import type { Page, StripOptions, StripResult } from './types.js';

export function strip(text: string, options: StripOptions = {}): StripResult {
  const page: Page = {
    source: text,
    lines: [],
    blocks: [],
    language: 'en',
    stopWordCoverage: 1,
    measures: [],
    findings: [],
    classes: [],
    decisions: [],
    metadata: {},
  };
  splitBlocks(page);
  detectLanguage(page, options);
  measureBlocks(page);
  calibrateStopWords(page);
  applyRules(page, options);
  classifyByContent(page);
  const initialClasses = page.classes;
  reviseByNeighbours(page);
  decide(page, initialClasses);
  keepIntroducedLists(page);
  selectMainText(page);
  return {
    text: render(page),
    metadata: page.metadata,
    language: page.language,
    blocks: page.blocks.map((block, i) => {
      const { kept, rule, reason } = page.decisions[i]!;
      return { lines: [block.line, block.line], text: block.text, kept, rule, reason };
    }),
  };
}
