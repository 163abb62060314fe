// `npm run bench:stages`: where a pass of the built core over the aeb dev dumps spends its time, step by
// step and rule by rule, in one process (no CLI, no files). It is what to read before making the core faster,
// and after adding a rule: a rule's share of a pass is its cost on every page a user cleans.
//
//   npm run bench:stages -- [--passes N] [--warmup N] [--json]
//
// Runs strip()'s steps one by one (the list in src/core/strip.ts) over every dev page, --warmup passes
// (default 3) and then --passes (default 30) timed ones, and prints each step's milliseconds per pass and
// its share. Shares are what to compare between two builds: this machine's speed drifts from minute to
// minute, and a drift slows every step alike.
//
// Exit codes: 0 measured; 2 bad options, no build, or the shared data is missing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BenchDataError, locateSet, readTexts, REPO_ROOT } from './data.js';
import type { Page, StripOptions } from '../src/core/types.js';
import type { Rule } from '../src/core/rules/index.js';

const USAGE = `usage: npm run bench:stages -- [--passes N] [--warmup N] [--json]   (without rebuilding: vite-node bench/stages.ts)
Data: ../shared/bench/aeb/dev/inputs/html-text/ beside the repo, or $BOILERSTRIP_SHARED/bench/.`;

type Step = (page: Page, options: StripOptions) => void;

/** The built core's modules: the bench measures what the CLI runs, not the sources through a transformer. */
async function loadCore(): Promise<{ newPage: (text: string) => Page; steps: [string, Step][]; rules: readonly Rule[] }> {
  const dist = path.join(REPO_ROOT, 'dist', 'core');
  if (!existsSync(path.join(dist, 'strip.js'))) throw new BenchDataError('no build in dist/: run npm run build');
  const load = async (module: string) => import(pathToFileURL(path.join(dist, module)).href);
  const { newPage } = await load('page.js');
  const { RULES } = await load('rules/index.js');
  const step = async (module: string, name: string): Promise<Step> => (await load(`pipeline/${module}.js`))[name];
  const steps: [string, Step][] = [
    ['split-blocks', await step('split-blocks', 'splitBlocks')],
    ['detect-language', await step('detect-language', 'detectLanguage')],
    ['measure-blocks', await step('measure-blocks', 'measureBlocks')],
    ['calibrate-stop-words', await step('calibrate-stop-words', 'calibrateStopWords')],
  ];
  const after: [string, Step][] = [
    ['classify-by-content', await step('classify-by-content', 'classifyByContent')],
    ['revise-by-neighbours', await step('revise-by-neighbours', 'reviseByNeighbours')],
  ];
  const decide = (await load('pipeline/decide.js')).decide;
  const rest: [string, Step][] = [
    ['keep-introduced-lists', await step('keep-introduced-lists', 'keepIntroducedLists')],
    ['keep-article-tables', await step('keep-article-tables', 'keepArticleTables')],
    ['keep-recipe-cards', await step('keep-recipe-cards', 'keepRecipeCards')],
    ['select-main-text', await step('select-main-text', 'selectMainText')],
  ];
  const keepLinesBetweenKept = (await load('pipeline/keep-lines-between-kept.js')).keepLinesBetweenKept;
  const late: [string, Step][] = [
    ['keep-embedded-tweets', await step('keep-embedded-tweets', 'keepEmbeddedTweets')],
    ['keep-pinned', await step('keep-pinned', 'keepPinned')],
    ['read-title-heading', await step('read-title-heading', 'readTitleHeading')],
    ['render', await step('render', 'render')],
  ];
  // The rules run one at a time here, each filing its findings as applyRules does, so that each has a time.
  const ruleSteps: [string, Step][] = (RULES as readonly Rule[]).map((rule) => [
    `rule ${rule.id}`,
    (page, options) => {
      for (const finding of rule.find(page, options)) page.findings[finding.block]!.push(Object.assign(finding, { rule: rule.id }));
    },
  ]);
  const prepareFindings: [string, Step] = ['(findings lists)', (page) => void (page.findings = page.blocks.map(() => []))];
  // decide() takes the classes from before the neighbours' revision, which this step keeps.
  let initial: Page['classes'] = [];
  const keepInitial: [string, Step] = ['(keep initial classes)', (page) => void (initial = page.classes)];
  const decideStep: [string, Step] = ['decide', (page) => decide(page, initial)];
  const keepLinesStep: [string, Step] = ['keep-lines-between-kept', (page) => keepLinesBetweenKept(page, initial)];
  return {
    newPage,
    steps: [...steps, prepareFindings, ...ruleSteps, after[0]!, keepInitial, after[1]!, decideStep, ...rest, keepLinesStep, ...late],
    rules: RULES,
  };
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { passes: { type: 'string', default: '30' }, warmup: { type: 'string', default: '3' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`bench:stages: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const passes = Number(parsed.values.passes);
  const warmup = Number(parsed.values.warmup);
  if (!Number.isInteger(passes) || passes < 1 || !Number.isInteger(warmup) || warmup < 0) {
    process.stderr.write(`bench:stages: --passes must be a whole number of at least 1 and --warmup at least 0\n${USAGE}\n`);
    return 2;
  }
  const set = locateSet('aeb');
  const pages = [...(await readTexts(path.join(set.inputsDir, 'html-text'))).values()];
  const { newPage, steps } = await loadCore();
  const totals = new Map<string, number>(steps.map(([name]) => [name, 0]));
  for (let pass = 0; pass < warmup + passes; pass++) {
    const timed = pass >= warmup;
    for (const text of pages) {
      const page = newPage(text);
      for (const [name, run] of steps) {
        const start = performance.now();
        run(page, {});
        if (timed) totals.set(name, totals.get(name)! + performance.now() - start);
      }
    }
  }
  const bytes = pages.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const perPass = [...totals].map(([name, ms]) => ({ step: name, msPerPass: ms / passes }));
  const total = perPass.reduce((sum, row) => sum + row.msPerPass, 0);
  if (parsed.values.json) {
    process.stdout.write(`${JSON.stringify({ pages: pages.length, bytes, passes, msPerPass: total, steps: perPass }, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(`bench:stages — ${pages.length} aeb dev pages, ${(bytes / 1e6).toFixed(2)} MB; ${passes} passes after ${warmup} of warm-up\n`);
  process.stdout.write(`one pass: ${total.toFixed(1)} ms = ${(bytes / 1e6 / (total / 1000)).toFixed(1)} MB/s of strip() steps\n`);
  for (const row of perPass.sort((a, b) => b.msPerPass - a.msPerPass)) {
    process.stdout.write(`  ${row.step.padEnd(28)} ${row.msPerPass.toFixed(2).padStart(8)} ms  ${((100 * row.msPerPass) / total).toFixed(1).padStart(5)} %\n`);
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench:stages: ${error instanceof BenchDataError ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
