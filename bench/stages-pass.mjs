// The timed part of bench:stages (bench/stages.ts), run by it in a plain `node` child. It must not run
// under vite-node: vite-node rewrites the modules it imports so that each call of an imported function
// reads a property of a module object, and split-blocks, whose loop over characters calls small imported
// helpers for each one, ran about 1.7× slower that way than in the CLI (25 against 15 ms a pass), which
// made it look like a third of a pass rather than a quarter.
//
// Reads one JSON object on stdin, { dist, texts, passes, warmup }: the built core's folder (dist/core), the
// pages, and how many passes to time after how many of warm-up. Writes { steps: [[name, ms], …] }, the
// milliseconds each step took over all timed passes, in the order strip() runs them.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** strip()'s steps as separate functions (the list in src/core/strip.ts), each rule a step of its own. */
async function loadSteps(dist) {
  const load = (module) => import(pathToFileURL(path.join(dist, module)).href);
  const step = async (module, name) => (await load(`pipeline/${module}.js`))[name];
  const { newPage } = await load('page.js');
  const { RULES } = await load('rules/index.js');
  const { decide } = await load('pipeline/decide.js');
  const { keepLinesBetweenKept } = await load('pipeline/keep-lines-between-kept.js');
  // The rules run one at a time here, each filing its findings as applyRules does, so that each has a time.
  const ruleSteps = RULES.map((rule) => [
    `rule ${rule.id}`,
    (page, options) => {
      for (const finding of rule.find(page, options)) page.findings[finding.block].push(Object.assign(finding, { rule: rule.id }));
    },
  ]);
  // decide() takes the classes from before the neighbours' revision, which this step keeps.
  let initial = [];
  const steps = [
    ['split-blocks', await step('split-blocks', 'splitBlocks')],
    ['detect-language', await step('detect-language', 'detectLanguage')],
    ['measure-blocks', await step('measure-blocks', 'measureBlocks')],
    ['calibrate-stop-words', await step('calibrate-stop-words', 'calibrateStopWords')],
    ['(findings lists)', (page) => void (page.findings = page.blocks.map(() => []))],
    ...ruleSteps,
    ['classify-by-content', await step('classify-by-content', 'classifyByContent')],
    ['(keep initial classes)', (page) => void (initial = page.classes)],
    ['revise-by-neighbours', await step('revise-by-neighbours', 'reviseByNeighbours')],
    ['decide', (page) => decide(page, initial)],
    ['keep-introduced-lists', await step('keep-introduced-lists', 'keepIntroducedLists')],
    ['keep-article-tables', await step('keep-article-tables', 'keepArticleTables')],
    ['keep-recipe-cards', await step('keep-recipe-cards', 'keepRecipeCards')],
    ['select-main-text', await step('select-main-text', 'selectMainText')],
    ['keep-lines-between-kept', (page) => keepLinesBetweenKept(page, initial)],
    ['keep-embedded-tweets', await step('keep-embedded-tweets', 'keepEmbeddedTweets')],
    ['keep-pinned', await step('keep-pinned', 'keepPinned')],
    ['read-title-heading', await step('read-title-heading', 'readTitleHeading')],
    ['render', await step('render', 'render')],
  ];
  for (const [name, run] of steps) if (typeof run !== 'function') throw new Error(`the build has no step ${name}`);
  return { newPage, steps };
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { dist, texts, passes, warmup } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const { newPage, steps } = await loadSteps(dist);
  const totals = steps.map(() => 0);
  for (let pass = 0; pass < warmup + passes; pass++) {
    const timed = pass >= warmup;
    for (const text of texts) {
      const page = newPage(text);
      for (let s = 0; s < steps.length; s++) {
        const start = performance.now();
        steps[s][1](page, {});
        if (timed) totals[s] += performance.now() - start;
      }
    }
  }
  process.stdout.write(JSON.stringify({ steps: steps.map(([name], s) => [name, totals[s]]) }));
}

await main();
