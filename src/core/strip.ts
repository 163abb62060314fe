// strip(): the whole pipeline, one step per module, in order. Reading this list is reading the algorithm.
import { ARTICLE_TABLE_ID, DISABLEABLE_RULES, EMBEDDED_TWEET_ID, MAIN_TEXT_ID, refusedRuleId } from './catalogue.js';
import { newPage } from './page.js';
import { kindOf } from './kind-of.js';
import { resolveThresholds } from './thresholds.js';
import { applyRules } from './pipeline/apply-rules.js';
import { calibrateStopWords } from './pipeline/calibrate-stop-words.js';
import { classifyByContent } from './pipeline/classify-by-content.js';
import { decide } from './pipeline/decide.js';
import { detectLanguage } from './pipeline/detect-language.js';
import { keepArticleTables } from './pipeline/keep-article-tables.js';
import { keepEmbeddedTweets } from './pipeline/keep-embedded-tweets.js';
import { keepIntroducedLists } from './pipeline/keep-introduced-lists.js';
import { keepPinned } from './pipeline/keep-pinned.js';
import { keepRecipeCards } from './pipeline/keep-recipe-cards.js';
import { keepRepeatedRecords } from './pipeline/keep-repeated-records.js';
import { keepLinesBetweenKept } from './pipeline/keep-lines-between-kept.js';
import { measureBlocks } from './pipeline/measure-blocks.js';
import { BROWSER_MARKS_ID, HIDDEN_MARK_REASON } from './pipeline/hide-browser-marks.js';
import { readDump } from './pipeline/read-dump.js';
import { readTitleHeading } from './pipeline/read-title-heading.js';
import { render } from './pipeline/render.js';
import { reviseByNeighbours } from './pipeline/revise-by-neighbours.js';
import { selectMainText } from './pipeline/select-main-text.js';
import { splitBlocks } from './pipeline/split-blocks.js';
import { keepsLine } from './rules/user-patterns.js';
import { hasStopWordList } from './text/stopwords.js';
import type { BlockReport, Page, StripOptions, StripResult } from './types.js';

export function strip(text: string, given?: StripOptions): StripResult {
  const options = checkOptions(text, given);
  const page = newPage(text, resolveThresholds(options.thresholds));
  readDump(page, options.disabledRules, keepsLine(options.keep));
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
  keepRecipeCards(page);
  keepRepeatedRecords(page);
  if (!options.disabledRules?.includes(MAIN_TEXT_ID)) selectMainText(page);
  keepLinesBetweenKept(page, initialClasses);
  if (!options.disabledRules?.includes(EMBEDDED_TWEET_ID)) keepEmbeddedTweets(page);
  keepPinned(page);
  readTitleHeading(page);
  return {
    text: render(page),
    metadata: page.metadata,
    language: page.language,
    blocks: withHiddenLines(
      page,
      page.blocks.map((block, i) => {
        const { kept, rule, reason } = page.decisions[i]!;
        return { lines: [block.line, block.lastLine], piece: block.runOnPiece, text: block.text, kept, rule, reason };
      }),
    ),
  };
}

/**
 * The reports with one for each input line the core read as absent (a text browser's marks,
 * hide-browser-marks.ts) in line order, so that `blocks` still accounts for every line of the input: a
 * user asking why a line went is told, and `-f json` lists it among the removed.
 */
function withHiddenLines(page: Page, reports: BlockReport[]): BlockReport[] {
  const hidden = page.lineMap?.hidden;
  if (hidden === undefined || hidden.size === 0) return reports;
  const { inputLines } = page.lineMap!;
  const marks = [...hidden]
    .sort((a, b) => a - b)
    .map((i): BlockReport => ({ lines: [i + 1, i + 1], piece: false, text: inputLines[i]!.replace(/\s+/gu, ' ').trim(), kept: false, rule: BROWSER_MARKS_ID, reason: HIDDEN_MARK_REASON }));
  const merged: BlockReport[] = [];
  let m = 0;
  for (const report of reports) {
    while (m < marks.length && marks[m]!.lines[0] < report.lines[0]) merged.push(marks[m++]!);
    merged.push(report);
  }
  return merged.concat(marks.slice(m));
}

/** The options strip() reads; any other key is a misspelling (a config file's `disableRules`, say). */
const OPTION_KEYS: readonly string[] = ['language', 'disabledRules', 'keep', 'drop', 'siteEvidence', 'thresholds'] satisfies (keyof StripOptions)[];

/**
 * Plain JavaScript callers get no type checks: a number for the text or a string for a list would crash
 * deep inside a step ("source.includes is not a function"), or be read letter by letter ("unknown rule
 * id 't'"). So the arguments are checked here, each wrong one a TypeError naming it. A misspelt option,
 * rule id or language would otherwise be ignored silently, and the user would never know. null counts as
 * not given, as undefined does. Returns the options without their null values.
 */
function checkOptions(text: unknown, given: unknown): StripOptions {
  if (typeof text !== 'string') {
    const bytes = text instanceof Uint8Array ? ': decode it first (for example with TextDecoder)' : '';
    throw new TypeError(`strip() takes the page's text as a string, not ${kindOf(text)}${bytes}`);
  }
  if (given === undefined || given === null) return {};
  if (typeof given !== 'object' || Array.isArray(given)) throw new TypeError(`strip() takes its options as an object, not ${kindOf(given)}`);
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (!OPTION_KEYS.includes(key)) {
      const hint = key === 'disableRules' ? " (did you mean 'disabledRules'?)" : '';
      throw new TypeError(`unknown option '${key}'${hint}; options: ${OPTION_KEYS.join(', ')}`);
    }
    if (value !== undefined && value !== null) options[key] = value;
  }
  const { disabledRules, keep, drop, language, thresholds } = options as StripOptions;
  checkList('keep', keep, isPattern, 'a list of strings and regular expressions', 'a string or a regular expression');
  checkList('drop', drop, isPattern, 'a list of strings and regular expressions', 'a string or a regular expression');
  // As the command line refuses one: an empty pattern is almost always an unset variable, and matches no line.
  for (const [name, list] of [['keep', keep], ['drop', drop]] as const) {
    list?.forEach((item, i) => {
      if (typeof item === 'string' && item.trim() === '') throw new RangeError(`option ${name}[${i}] is an empty pattern, which matches no line`);
    });
  }
  checkList('disabledRules', disabledRules, (id) => typeof id === 'string', 'a list of rule ids', 'a rule id (a string)');
  for (const id of disabledRules ?? []) {
    if (!DISABLEABLE_RULES.includes(id)) throw new RangeError(`${refusedRuleId(id)}; rules that can be disabled: ${DISABLEABLE_RULES.join(', ')}`);
  }
  if (language !== undefined) {
    if (typeof language !== 'string') throw new TypeError(`option language must be an ISO 639-1 code (a string), not ${kindOf(language)}`);
    if (!hasStopWordList(language)) throw new RangeError(`no stop-word list for language '${language}' (use an ISO 639-1 code such as en, de, fr)`);
  }
  if (thresholds !== undefined && (typeof thresholds !== 'object' || Array.isArray(thresholds))) {
    throw new TypeError(`option thresholds must be an object of numbers, not ${kindOf(thresholds)}`);
  }
  return options as StripOptions;
}

function checkList(name: string, list: unknown, valid: (item: unknown) => boolean, whole: string, each: string): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) throw new TypeError(`option ${name} must be ${whole}, not ${kindOf(list)}`);
  list.forEach((item, i) => {
    if (!valid(item)) throw new TypeError(`option ${name}[${i}] must be ${each}, not ${kindOf(item)}`);
  });
}

/** By its tag, not instanceof: a RegExp made in another realm (a vm context, an iframe) is one too. */
function isPattern(item: unknown): boolean {
  return typeof item === 'string' || Object.prototype.toString.call(item) === '[object RegExp]';
}

