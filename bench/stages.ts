// `npm run bench:stages`: where a pass of the built core over the aeb dev dumps spends its time, step by
// step and rule by rule, in one process (no CLI, no files). It is what to read before making the core faster,
// and after adding a rule: a rule's share of a pass is its cost on every page a user cleans.
//
//   npm run bench:stages -- [--passes N] [--warmup N] [--json]
//
// Runs strip()'s steps one by one (the list in src/core/strip.ts) over every dev page, --warmup passes
// (default 3) and then --passes (default 30) timed ones, and prints each step's milliseconds per pass and
// its share. Shares are what to compare between two builds: this machine's speed drifts from minute to
// minute, and a drift slows every step alike. The passes run in a plain `node` child (stages-pass.mjs),
// which imports the built modules as Node does; under vite-node, which runs this script, the core is slower.
//
// Exit codes: 0 measured; 2 bad options, no build, or the shared data is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BenchDataError, locateSet, readTexts, REPO_ROOT } from './data.js';

const USAGE = `usage: npm run bench:stages -- [--passes N] [--warmup N] [--json]   (without rebuilding: vite-node bench/stages.ts)
Data: ../shared/bench/aeb/dev/inputs/html-text/ beside the repo, or $BOILERSTRIP_SHARED/bench/.`;

/** Milliseconds each step of strip() took over `passes` timed passes over `texts`, measured in a `node` child. */
function timeSteps(texts: string[], passes: number, warmup: number): [step: string, ms: number][] {
  const dist = path.join(REPO_ROOT, 'dist', 'core');
  if (!existsSync(path.join(dist, 'strip.js'))) throw new BenchDataError('no build in dist/: run npm run build');
  const child = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bench', 'stages-pass.mjs')], {
    input: JSON.stringify({ dist, texts, passes, warmup }),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`the timing child failed (${child.error?.message ?? `exit ${child.status ?? child.signal}`}): ${child.stderr?.trim() ?? ''}`);
  return (JSON.parse(child.stdout) as { steps: [string, number][] }).steps;
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
  const totals = timeSteps(pages, passes, warmup);
  const bytes = pages.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const perPass = totals.map(([name, ms]) => ({ step: name, msPerPass: ms / passes }));
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
