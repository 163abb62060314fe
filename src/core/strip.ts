// strip(): the whole pipeline, one step per module, in order. Reading this list is reading the algorithm.
import { ARTICLE_TABLE_ID, DISABLEABLE_RULES, MAIN_TEXT_ID } from './catalogue.js';
import { newPage } from './page.js';
import { resolveThresholds } from './thresholds.js';
import { applyRules } from './pipeline/apply-rules.js';
import { calibrateStopWords } from './pipeline/calibrate-stop-words.js';
import { classifyByContent } from './pipeline/classify-by-content.js';
import { decide } from './pipeline/decide.js';
import { detectLanguage } from './pipeline/detect-language.js';
import { keepArticleTables } from './pipeline/keep-article-tables.js';
import { keepIntroducedLists } from './pipeline/keep-introduced-lists.js';
import { keepPinned } from './pipeline/keep-pinned.js';
import { measureBlocks } from './pipeline/measure-blocks.js';
import { readTitleHeading } from './pipeline/read-title-heading.js';
import { render } from './pipeline/render.js';
import { reviseByNeighbours } from './pipeline/revise-by-neighbours.js';
import { selectMainText } from './pipeline/select-main-text.js';
import { splitBlocks } from './pipeline/split-blocks.js';
import { hasStopWordList } from './text/stopwords.js';
import type { StripOptions, StripResult } from './types.js';

export function strip(text: string, options: StripOptions = {}): StripResult {
  checkOptions(options);
  const page = newPage(text, resolveThresholds(options.thresholds));
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
  if (!options.disabledRules?.includes(ARTICLE_TABLE_ID)) keepArticleTables(page);
  if (!options.disabledRules?.includes(MAIN_TEXT_ID)) selectMainText(page);
  keepPinned(page);
  readTitleHeading(page);
  return {
    text: render(page),
    metadata: page.metadata,
    language: page.language,
    blocks: page.blocks.map((block, i) => {
      const { kept, rule, reason } = page.decisions[i]!;
      return { lines: [block.line, block.line], piece: block.runOnPiece, text: block.text, kept, rule, reason };
    }),
  };
}

/** A misspelt rule id or language would otherwise be ignored silently, and the user would never know. */
function checkOptions(options: StripOptions): void {
  for (const id of options.disabledRules ?? []) {
    if (!DISABLEABLE_RULES.includes(id)) throw new RangeError(`unknown rule id '${id}'; rules that can be disabled: ${DISABLEABLE_RULES.join(', ')}`);
  }
  if (options.language !== undefined && !hasStopWordList(options.language)) {
    throw new RangeError(`no stop-word list for language '${options.language}' (use an ISO 639-1 code such as en, de, fr)`);
  }
}
