// Builds a measured page the way strip() does before the rules run, so a rule can be tested alone.
import { calibrateStopWords } from '../../src/core/pipeline/calibrate-stop-words.js';
import { newPage } from '../../src/core/page.js';
import { detectLanguage } from '../../src/core/pipeline/detect-language.js';
import { measureBlocks } from '../../src/core/pipeline/measure-blocks.js';
import { readDump } from '../../src/core/pipeline/read-dump.js';
import { splitBlocks } from '../../src/core/pipeline/split-blocks.js';
import type { Rule } from '../../src/core/rules/rule.js';
import type { Page } from '../../src/core/types.js';

export function measuredPage(text: string, language?: string): Page {
  const page = newPage(text);
  readDump(page);
  splitBlocks(page);
  detectLanguage(page, language ? { language } : {});
  measureBlocks(page);
  calibrateStopWords(page);
  return page;
}

/** The texts of the blocks a rule reports, in page order. */
export function flagged(rule: Rule, text: string, language?: string): string[] {
  const page = measuredPage(text, language);
  const blocks = [...new Set(rule.find(page).map((f) => f.block))].sort((a, b) => a - b);
  return blocks.map((i) => page.blocks[i]!.text);
}

/** Long enough prose to count as article text around a case. */
export const PROSE_A =
  'The council voted on Tuesday evening to approve a budget that raises spending on public transport by twelve per cent, after a debate that lasted more than five hours.';
export const PROSE_B =
  'Supporters of the plan said the extra money would pay for more frequent buses on the routes that serve the eastern suburbs, where many residents have no car at all.';
