// `npm run bench:quality`: how well the built CLI strips boilerplate, on the shared benchmark sets.
// Runs the CLI over a folder of page dumps, scores its outputs against the gold article bodies with the
// benchmark's metric (bench/score.ts, identical to score.py), and ranks it among the published peers and
// the raw dump itself (nothing removed: the floor).
//
//   npm run bench:quality -- [--set aeb|portal] [--input-dir html-text|inscriptis|beautifulsoup]
//                            [--dump-with lynx|w3m|html2text|markdown] [--worst N] [--json]
//   (or, on an existing build: vite-node bench/quality.ts [options])
//
// Exit codes: 0 scored; 1 the CLI failed on some input (the table is still printed); 2 bad options, the
// shared data is missing, or the CLI is not built.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BenchDataError, inputKinds, locateSet, readGold, readPeers, readTexts, type BenchSet, type SetName } from './data.js';
import { DUMPERS, dumpsDir, isDumper, makeDumps, type Dumper } from './make-dumps.js';
import { runCli, withTempDir, type CliRun } from './run-cli.js';
import { scorePages, summarize, worstPages, type SetScore, type Summary } from './score.js';

const USAGE = `usage: npm run bench:quality -- [options]   (without rebuilding: vite-node bench/quality.ts [options])
  --set aeb|portal     benchmark set (default aeb: 99 article pages from many sites;
                       portal: 71 pages from 4 sites, grouped in site folders)
  --input-dir NAME     which converter's dumps to clean (aeb: html-text, inscriptis, beautifulsoup;
                       default html-text)
  --dump-with TOOL     clean dumps made here from the aeb pages' HTML by lynx, w3m or html2text, which
                       wrap lines at about 80 columns, or as Markdown by Python's html2text (markdown)
                       (needs the tool: apt-get install lynx w3m html2text python3-html2text)
  --worst N            also list the N pages with the lowest F1
  --json               print the results as JSON
  --cli-arg ARG        pass ARG to the CLI (repeatable), e.g. --cli-arg=--no-cross-page
  -h, --help           show this help
Data: ../shared/bench/ beside the repo, or $BOILERSTRIP_SHARED/bench/.`;

interface Options {
  set: SetName;
  inputDir: string;
  /** Clean dumps made by this text browser from the pages' HTML instead of a shared converter's. */
  dumpWith: Dumper | undefined;
  worst: number;
  json: boolean;
  /** Extra CLI arguments (--cli-arg), e.g. --no-cross-page to score single-page mode. */
  cliArgs: string[];
}

interface Row extends Summary {
  name: string;
  kind: 'boilerstrip' | 'peer' | 'dump';
}

interface Report {
  set: SetName;
  inputDir: string;
  pages: number;
  /** Gold pages for which the CLI wrote no output. */
  missing: number;
  cli: CliRun & { outputs: number };
  rows: Row[];
  score: SetScore;
  /** Per-site figures of boilerstrip's output (portal only: its dumps are grouped by site). */
  sites: (Summary & { site: string; pages: number })[];
}

class UsageError extends Error {}

function parseOptions(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        set: { type: 'string', default: 'aeb' },
        'input-dir': { type: 'string', default: 'html-text' },
        'dump-with': { type: 'string' },
        worst: { type: 'string', default: '0' },
        json: { type: 'boolean', default: false },
        'cli-arg': { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return 'help';
  if (values.set !== 'aeb' && values.set !== 'portal') throw new UsageError(`--set must be aeb or portal, not ${values.set}`);
  if (!/^\d+$/.test(values.worst)) throw new UsageError(`--worst needs a whole number, not ${values.worst}`);
  const dumpWith = values['dump-with'];
  if (dumpWith !== undefined && !isDumper(dumpWith)) throw new UsageError(`--dump-with must be one of ${Object.keys(DUMPERS).join(', ')}, not ${dumpWith}`);
  if (dumpWith !== undefined && values.set !== 'aeb') throw new UsageError('--dump-with needs the pages\' HTML, which only the aeb set has');
  const inputDir = dumpWith === undefined ? values['input-dir'] : DUMPERS[dumpWith].label;
  return { set: values.set, inputDir, dumpWith, worst: Number(values.worst), json: values.json, cliArgs: values['cli-arg'] };
}

async function measure(set: BenchSet, options: Options): Promise<Report> {
  const { dumpWith } = options;
  if (dumpWith !== undefined) {
    return withTempDir('boilerstrip-dumps-', async (dir) => {
      await makeDumps(set, dumpWith, dir);
      return measureDumps(set, dumpsDir(dir), options);
    });
  }
  const kinds = await inputKinds(set);
  if (!kinds.includes(options.inputDir)) {
    throw new UsageError(`--input-dir ${options.inputDir}: the ${set.name} set has dumps from ${kinds.join(', ') || 'no converter'}`);
  }
  return measureDumps(set, path.join(set.inputsDir, options.inputDir), options);
}

/** Cleans the dumps in `inputDir` with the CLI and scores the outputs. */
async function measureDumps(set: BenchSet, inputDir: string, options: Options): Promise<Report> {
  const gold = await readGold(set);

  // Outputs mirror the inputs' layout (portal: <site>/<id>.txt), so both are read by file name.
  const { run, outputs } = await withTempDir('boilerstrip-bench-', async (outDir) => {
    const run: CliRun = await runCli(inputDir, outDir, options.cliArgs);
    return { run, outputs: await readTexts(outDir, { recursive: true }) };
  });
  const dumps = await readTexts(inputDir, { recursive: true });

  const score = scorePages(gold, outputs);
  const rows: Row[] = [{ name: 'boilerstrip', kind: 'boilerstrip', ...pick(score) }];
  for (const [name, peer] of await readPeers(set)) rows.push({ name: `${name} (html)`, kind: 'peer', ...pick(scorePages(gold, peer)) });
  rows.push({ name: `${options.inputDir} dump, nothing removed`, kind: 'dump', ...pick(scorePages(gold, dumps)) });
  rows.sort((a, b) => b.f1 - a.f1);

  return {
    set: set.name,
    inputDir: options.inputDir,
    pages: score.pages,
    missing: score.missing,
    cli: { ...run, outputs: outputs.size },
    rows,
    score,
    sites: await siteScores(inputDir, score),
  };
}

function pick({ f1, precision, recall }: Summary): Summary {
  return { f1, precision, recall };
}

/** Groups pages by the sub-folder their dump is in; none when the dumps are flat (aeb). */
async function siteScores(inputDir: string, score: SetScore): Promise<Report['sites']> {
  const sites = (await readdir(inputDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const result: Report['sites'] = [];
  for (const site of sites) {
    const ids = [...(await readTexts(path.join(inputDir, site))).keys()];
    const pages = ids.map((id) => score.perPage.get(id)).filter((p) => p !== undefined);
    result.push({ site, pages: pages.length, ...summarize(pages) });
  }
  return result;
}

const fixed = (x: number) => x.toFixed(3);

function printText(report: Report, worst: number): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const title = report.set === 'aeb' ? 'aeb dev set' : 'portal set';
  out(`${title}: ${report.pages} pages, ${report.inputDir} dumps`);
  const width = Math.max(...report.rows.map((r) => r.name.length), 6) + 2;
  out(`  ${'output'.padEnd(width)}F1     precision  recall`);
  for (const row of report.rows) {
    const mark = row.kind === 'boilerstrip' ? '> ' : '  ';
    out(`${mark}${row.name.padEnd(width)}${fixed(row.f1)}  ${fixed(row.precision)}      ${fixed(row.recall)}`);
  }
  if (report.sites.length > 0) {
    out('boilerstrip by site:');
    const siteWidth = Math.max(...report.sites.map((s) => s.site.length)) + 2;
    for (const s of report.sites) {
      out(`  ${s.site.padEnd(siteWidth)}${String(s.pages).padStart(3)} pages  F1 ${fixed(s.f1)}  precision ${fixed(s.precision)}  recall ${fixed(s.recall)}`);
    }
  }
  out(`CLI run: ${report.cli.outputs} files in ${report.cli.seconds.toFixed(2)} s, exit code ${report.cli.exitCode}; outputs missing ${report.missing}`);
  if (worst > 0) {
    out(`worst ${worst} pages by F1 (id  F1  precision  recall):`);
    for (const [id, p] of worstPages(report.score, worst)) out(`  ${id}  ${fixed(p.f1)}  ${fixed(p.precision)}  ${fixed(p.recall)}`);
  }
}

function printJson(report: Report, worst: number): void {
  const page = (id: string, p: { f1: number; precision: number; recall: number }) => ({ id, f1: p.f1, precision: p.precision, recall: p.recall });
  const json = {
    set: report.set,
    inputDir: report.inputDir,
    pages: report.pages,
    missing: report.missing,
    cli: report.cli,
    rows: report.rows,
    ...(report.sites.length > 0 ? { sites: report.sites } : {}),
    ...(worst > 0 ? { worst: worstPages(report.score, worst).map(([id, p]) => page(id, p)) } : {}),
    perPage: [...report.score.perPage].map(([id, p]) => page(id, p)),
  };
  process.stdout.write(`${JSON.stringify(json, null, 1)}\n`);
}

async function main(argv: string[]): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const report = await measure(locateSet(options.set), options);
    if (options.json) printJson(report, options.worst);
    else printText(report, options.worst);
    if (report.cli.exitCode !== 0) {
      const detail = report.cli.stderr.trim().split('\n').slice(0, 5).join('\n  ');
      process.stderr.write(`bench: the CLI exited with code ${report.cli.exitCode}${detail ? `:\n  ${detail}` : ''}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof BenchDataError) {
      process.stderr.write(`bench: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
