// `npm run bench:speed`: how fast the built CLI is, run as a user runs it (a child process per run).
//
//   npm run bench:speed -- [--runs N] [--mb N] [--small-files N] [--jsonl-mb N] [--wet-mb N] [--only NAME,...] [--json]
//
// - throughput: the aeb dev dumps (../shared/bench/aeb/dev/inputs/html-text/) copied into a temporary
//   corpus of at least --mb MB (default 50), cleaned into a folder with -j 1 and -j 2: MB/s and pages/s;
// - cross-page: the same corpus with and without cross-page evidence (when the CLI has --no-cross-page);
// - parallel ceiling: how much faster this machine cleans the same amount of pages in memory in two
//   processes than in one (no files, no threads to hand work to): what -j 2 can gain here at best;
// - start-up: one small page, whole process, against `node -e ''`, alternating, in the same run;
// - memory: peak resident memory (all threads) for --small-files (default 100,000) small files into a
//   folder, and for a JSON Lines file of --jsonl-mb MB (default 200) through stdin to /dev/null;
// - wet: a Common Crawl WET file of --wet-mb MB (default 200, uncompressed) of the dev pages, one gzip
//   member per record as Common Crawl writes them, cleaned with --input-format wet to /dev/null: MB/s of
//   uncompressed WET and peak memory (the median of --runs runs);
// - counts: a synthetic crawl whose lines are all different (--counts-lines, default 2,000,000, on 20-line
//   pages of 50 sites), the worst case for counts files: time and peak memory of `counts build` on each
//   of two halves, of `counts merge` of the two, and of cleaning a half with the merged counts; then the
//   case where a counts file is mostly repeats, of many sites (--counts-sites, default 10,000, with 300
//   repeated lines each, written directly): peak memory of cleaning 200 pages with it at -j 1 and -j 2
//   (every worker needs every site's repeats) and of `counts merge` of it with itself.
// Every figure is the median of --runs runs (default 5; memory: 1 run), and ratios are taken between runs
// made side by side in this process, so a busy machine slows both sides alike.
// The corpus and the outputs live under the temporary folder ($TMPDIR, else /tmp), whose file system is
// printed: on a disk, creating thousands of files costs more than cleaning them (TMPDIR=/dev/shm runs
// the same measurement on tmpfs, to see the tool without the disk).
//
// Exit codes: 0 measured; 1 a CLI run failed; 2 bad options, no build, or the shared data is missing.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statfsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchRoot, REPO_ROOT } from './data.js';
import { CLI_BIN, withTempDir } from './run-cli.js';

const USAGE = `usage: npm run bench:speed -- [options]   (without rebuilding: vite-node bench/speed.ts [options])
  --runs N          runs per figure, the median is reported (default 5)
  --mb N            size of the throughput corpus in MB (default 50)
  --small-files N   files in the memory run of many small files (default 100000)
  --jsonl-mb N      size of the JSON Lines memory run in MB (default 200)
  --wet-mb N        size of the WET run in MB, uncompressed (default 200)
  --counts-lines N  distinct lines of the counts run (default 2000000)
  --counts-sites N  sites of the counts file of repeats (default 10000)
  --only LIST       some of: throughput,cross-page,ceiling,startup,memory,counts,wet (default: all)
  --json            print the results as JSON
Data: ../shared/bench/aeb/dev/inputs/html-text/ beside the repo, or $BOILERSTRIP_SHARED/bench/.`;

const PARTS = ['throughput', 'cross-page', 'ceiling', 'startup', 'memory', 'counts', 'wet'] as const;
type Part = (typeof PARTS)[number];
const MB = 1e6;

interface Options {
  runs: number;
  mb: number;
  smallFiles: number;
  jsonlMb: number;
  wetMb: number;
  countsLines: number;
  countsSites: number;
  only: Set<Part>;
  json: boolean;
}

class UsageError extends Error {}
class RunError extends Error {}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        runs: { type: 'string', default: '5' },
        mb: { type: 'string', default: '50' },
        'small-files': { type: 'string', default: '100000' },
        'jsonl-mb': { type: 'string', default: '200' },
        'wet-mb': { type: 'string', default: '200' },
        'counts-lines': { type: 'string', default: '2000000' },
        'counts-sites': { type: 'string', default: '10000' },
        only: { type: 'string', default: PARTS.join(',') },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const whole = (name: string, value: string) => {
    if (!/^\d+$/u.test(value) || Number(value) < 1) throw new UsageError(`--${name} needs a whole number of at least 1, not ${value}`);
    return Number(value);
  };
  const only = new Set(values.only.split(',').map((s) => s.trim()));
  for (const part of only) if (!(PARTS as readonly string[]).includes(part)) throw new UsageError(`--only: unknown part ${part} (${PARTS.join(', ')})`);
  return {
    runs: whole('runs', values.runs),
    mb: whole('mb', values.mb),
    smallFiles: whole('small-files', values['small-files']),
    jsonlMb: whole('jsonl-mb', values['jsonl-mb']),
    wetMb: whole('wet-mb', values['wet-mb']),
    countsLines: whole('counts-lines', values['counts-lines']),
    countsSites: whole('counts-sites', values['counts-sites']),
    only: only as Set<Part>,
    json: values.json,
  };
}

interface Timed {
  seconds: number;
  peakRssMb: number;
  /** Processor time of the whole process (all threads, user and system), in seconds; 0 without the preload. */
  cpuSeconds: number;
}

/**
 * Runs the CLI (or `node -e ''` when `args` is null) and returns wall-clock seconds, peak RSS and processor
 * time. With `rss: false` the CLI runs without the preloaded module that records the last two (they are
 * then 0): the start-up comparison, where that module's own loading would be counted against the CLI.
 */
async function runTimed(args: string[] | null, options: { cwd: string; stdinFile?: string; rss?: boolean; env?: NodeJS.ProcessEnv }): Promise<Timed> {
  const rssFile = path.join(os.tmpdir(), `boilerstrip-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const measureRss = args !== null && options.rss !== false;
  const nodeArgs = args === null ? ['-e', ''] : [...(measureRss ? ['--import', path.join(REPO_ROOT, 'bench', 'peak-rss.mjs')] : []), CLI_BIN, ...args];
  const started = performance.now();
  const child = spawn(process.execPath, nodeArgs, {
    cwd: options.cwd,
    stdio: [options.stdinFile ? 'pipe' : 'ignore', 'ignore', 'pipe'],
    env: { ...(options.env ?? process.env), BOILERSTRIP_PEAK_RSS_FILE: rssFile },
  });
  if (options.stdinFile && child.stdin) (await import('node:fs')).createReadStream(options.stdinFile).pipe(child.stdin);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new RunError(`boilerstrip ${args?.join(' ')} exited ${code}: ${stderr.split('\n')[0]}`);
  const [maxRssKb = 0, userMicros = 0, systemMicros = 0] = measureRss ? readFileSync(rssFile, 'utf8').split(' ').map(Number) : [];
  await rm(rssFile, { force: true });
  return { seconds, peakRssMb: maxRssKb / 1024, cpuSeconds: (userMicros + systemMicros) / 1e6 };
}

/** The file system a folder is on, by the magic number statfs reports (the common ones by name). */
function fileSystemOf(dir: string): string {
  const names: Record<number, string> = { 0xef53: 'ext2/3/4', 0x01021994: 'tmpfs', 0x58465342: 'xfs', 0x9123683e: 'btrfs', 0x794c7630: 'overlayfs', 0x6969: 'nfs' };
  const type = statfsSync(dir).type;
  return names[type] ?? `file system type 0x${type.toString(16)}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Writes every file under `corpus` to the same path under `out` as the CLI writes an output (a new
 * temporary file beside it, then a rename; folders made once) and returns the seconds it took: the part of
 * a -j 1 run that is the file system's, measured on the same disk.
 */
async function writeLikeTheCli(corpus: string, out: string): Promise<number> {
  const { mkdirSync, readdirSync, readFileSync: read, renameSync, writeFileSync } = await import('node:fs');
  const files = readdirSync(corpus, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(corpus, path.join(entry.parentPath, entry.name)));
  const contents = files.map((file) => read(path.join(corpus, file)));
  const started = performance.now();
  const made = new Set<string>();
  files.forEach((file, k) => {
    const destination = path.join(out, file);
    const folder = path.dirname(destination);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    const temporary = path.join(folder, `.${path.basename(file)}.${k}.tmp`);
    writeFileSync(temporary, contents[k]!, { flag: 'wx' });
    renameSync(temporary, destination);
  });
  const seconds = (performance.now() - started) / 1000;
  await rm(out, { recursive: true, force: true });
  return seconds;
}

/** The dev dumps, copied into `dir/copy-NNN/` until at least `mb` MB; returns bytes and files. */
async function makeCorpus(dir: string, mb: number): Promise<{ bytes: number; files: number }> {
  const source = path.join(benchRoot(), 'aeb', 'dev', 'inputs', 'html-text');
  const names = (await readdir(source)).filter((n) => n.endsWith('.txt')).sort();
  const pages = await Promise.all(names.map(async (n) => ({ name: n, bytes: await readFile(path.join(source, n)) })));
  let bytes = 0;
  let files = 0;
  for (let copy = 0; bytes < mb * MB; copy++) {
    const sub = path.join(dir, `copy-${String(copy).padStart(3, '0')}`);
    await mkdir(sub, { recursive: true });
    for (const page of pages) {
      await writeFile(path.join(sub, page.name), page.bytes);
      bytes += page.bytes.length;
      files++;
    }
  }
  return { bytes, files };
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  // Every part but 'counts' (synthetic pages) cleans the shared dev pages.
  const needsSharedData = [...options.only].some((part) => part !== 'counts');
  if (needsSharedData && !existsSync(path.join(benchRoot(), 'aeb', 'dev', 'inputs', 'html-text'))) {
    console.error(`bench:speed: the shared benchmark data is missing (no ${path.join(benchRoot(), 'aeb', 'dev', 'inputs', 'html-text')}; set BOILERSTRIP_SHARED)`);
    return 2;
  }
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js'))) {
    console.error('bench:speed: the CLI is not built (no dist/cli/main.js): run `npm run build` first');
    return 2;
  }
  const help = await new Promise<string>((resolve) => {
    let out = '';
    spawn(process.execPath, [CLI_BIN, '--help']).stdout.setEncoding('utf8').on('data', (s: string) => (out += s)).on('end', () => resolve(out));
  });
  const hasCrossPage = help.includes('--no-cross-page');
  const results: Record<string, unknown> = { machine: { cpus: os.availableParallelism(), node: process.version, loadAverage: os.loadavg().map((l) => l.toFixed(2)) }, runs: options.runs };
  // Lines are printed as they are measured (a long run that fails late still shows what it measured).
  const lines = { push: (line: string) => void (options.json ? undefined : console.log(line)) };
  lines.push(`bench:speed — ${os.availableParallelism()} CPUs, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}; medians of ${options.runs} runs; files under ${os.tmpdir()} (${fileSystemOf(os.tmpdir())})`);

  await withTempDir('boilerstrip-speed-', async (dir) => {
    if (options.only.has('throughput') || options.only.has('cross-page')) {
      const corpusDir = path.join(dir, 'corpus');
      const corpus = await makeCorpus(corpusDir, options.mb);
      lines.push(`corpus: ${corpus.files} pages, ${(corpus.bytes / MB).toFixed(1)} MB (aeb dev html-text dumps, repeated)`);
      const runOnce = async (extra: string[]) => {
        const out = path.join(dir, 'out');
        const timed = await runTimed(['corpus', '-o', out, ...extra], { cwd: dir });
        await rm(out, { recursive: true, force: true });
        return timed;
      };
      const timeOnce = async (extra: string[]) => (await runOnce(extra)).seconds;
      const noCross = hasCrossPage ? ['--no-cross-page'] : [];
      if (options.only.has('throughput')) {
        // Alternate -j 1 and -j 2 so both see the same machine load.
        const j1: Timed[] = [];
        const j2: Timed[] = [];
        // What the file system alone costs -j 1, measured between them: the same number of files written
        // the way the CLI writes outputs, in one thread, with no cleaning. On a virtual disk creating a file
        // can take a third of a millisecond, more than cleaning a small page, and no work on the core wins
        // that back.
        const floors: number[] = [];
        for (let i = 0; i < options.runs; i++) {
          j1.push(await runOnce(['-j', '1', ...noCross]));
          j2.push(await runOnce(['-j', '2', ...noCross]));
          floors.push(await writeLikeTheCli(corpusDir, path.join(dir, 'floor-out')));
        }
        const row = (jobs: number, runs: Timed[]) => {
          const s = median(runs.map((run) => run.seconds));
          // Processors kept busy: processor time over wall-clock time, all threads of the process.
          const processors = median(runs.map((run) => run.cpuSeconds / run.seconds));
          return { jobs, seconds: s, mbPerSecond: corpus.bytes / MB / s, pagesPerSecond: corpus.files / s, processorsBusy: processors };
        };
        const t1 = row(1, j1);
        const t2 = row(2, j2);
        const cpus = os.availableParallelism();
        // -j 1 already keeps more than one processor busy (the engine compiles the hot code on threads of
        // its own), so with few processors -j 2 cannot be more than cpus / that much faster, even with no
        // overhead; and never more than 2×.
        const bound = Math.min(2, cpus / t1.processorsBusy);
        const floor = median(floors);
        results['throughput'] = { corpusMb: corpus.bytes / MB, pages: corpus.files, jobs1: t1, jobs2: t2, speedup: t1.seconds / t2.seconds, jobs2Bound: bound, fileSystemSeconds: floor };
        for (const t of [t1, t2]) lines.push(`throughput -j ${t.jobs}: ${t.mbPerSecond.toFixed(1)} MB/s, ${t.pagesPerSecond.toFixed(0)} pages/s (${t.seconds.toFixed(2)} s, whole process; ${t.processorsBusy.toFixed(2)} processors busy)`);
        lines.push(`-j 2 / -j 1 speed-up: ${(t1.seconds / t2.seconds).toFixed(2)}× (target ≥ 1.7×; single job target ≥ 20 MB/s)`);
        lines.push(`  file system: writing ${corpus.files} files as the CLI writes outputs (each its input's bytes; temporary file + rename, one thread, no cleaning) takes ${floor.toFixed(2)} s on ${fileSystemOf(dir)}, ${((100 * floor) / t1.seconds).toFixed(0)} % of the -j 1 run, which writes in its main thread while a worker thread cleans (500 files or more), so that it takes at least as long as the slower of the two`);
        lines.push(`  bound: -j 1 keeps ${t1.processorsBusy.toFixed(2)} processors busy, so on ${cpus} CPUs -j 2 can be at most min(2, ${cpus} / ${t1.processorsBusy.toFixed(2)}) = ${bound.toFixed(2)}× faster, before each thread's own engine warm-up`);
      }
      if (options.only.has('cross-page')) {
        if (!hasCrossPage) {
          lines.push('cross-page: n/a (this build has no cross-page evidence)');
        } else {
          const single: number[] = [];
          const cross: number[] = [];
          for (let i = 0; i < options.runs; i++) {
            single.push(await timeOnce(['-j', '1', '--no-cross-page']));
            cross.push(await timeOnce(['-j', '1'])); // cross-page is the default for folders
          }
          const ratio = median(cross) / median(single);
          results['crossPage'] = { singlePageSeconds: median(single), crossPageSeconds: median(cross), ratio };
          lines.push(`cross-page cost (-j 1): ${median(cross).toFixed(2)} s vs ${median(single).toFixed(2)} s single-page = ${ratio.toFixed(2)}× (target ≤ 1.5×)`);
        }
      }
      await rm(corpusDir, { recursive: true, force: true });
    }

    if (options.only.has('ceiling')) {
      // The throughput corpus's work (--mb of dev pages), cleaned in memory by one process, and split
      // between two: what -j 2 does, without files, threads or a pool. Each process pays its own start and
      // its engine's warm-up (compiling the hot code) once, as each worker thread of -j 2 does, so the
      // work per process decides how much of it the second process can win back.
      const source = path.join(benchRoot(), 'aeb', 'dev', 'inputs', 'html-text');
      const devBytes = (await readdir(source)).filter((n) => n.endsWith('.txt')).reduce((sum, n) => sum + statSync(path.join(source, n)).size, 0);
      // An even number of passes, so the two processes get equal halves (an odd split read ~2 % low).
      const passes = 2 * Math.max(1, Math.ceil((options.mb * MB) / devBytes / 2));
      const script = (passCount: number) => `import { readdirSync, readFileSync } from 'node:fs';
        const { strip } = await import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist', 'index.js')).href)});
        const dir = ${JSON.stringify(source)};
        const pages = readdirSync(dir).filter((n) => n.endsWith('.txt')).map((f) => readFileSync(dir + '/' + f, 'utf8'));
        for (let r = 0; r < ${passCount}; r++) for (const p of pages) strip(p);`;
      const oneProcess = (passCount: number) =>
        new Promise<void>((resolve, reject) =>
          spawn(process.execPath, ['--input-type=module', '-e', script(passCount)], { stdio: 'ignore' })
            .on('error', reject)
            .on('close', (code) => (code === 0 ? resolve() : reject(new RunError(`the in-memory cleaning process exited ${code}`)))),
        );
      const timed = async (passCounts: number[]) => {
        const started = performance.now();
        await Promise.all(passCounts.map(oneProcess));
        return (performance.now() - started) / 1000;
      };
      const one: number[] = [];
      const two: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        one.push(await timed([passes]));
        two.push(await timed([passes / 2, passes / 2]));
      }
      const ceiling = median(one) / median(two);
      results['ceiling'] = { passes, oneProcessSeconds: median(one), twoProcessesSeconds: median(two), speedup: ceiling };
      lines.push(`parallel ceiling: ${passes} passes over the dev pages in memory take ${median(one).toFixed(2)} s in one process, ${median(two).toFixed(2)} s split between two = ${ceiling.toFixed(2)}× (what -j 2 can reach on this machine)`);
    }

    if (options.only.has('startup')) {
      const page = path.join(dir, 'page.txt');
      await writeFile(page, readFileSync(path.join(REPO_ROOT, 'fixtures', 'seed', 'input.txt')));
      const rounds = Math.max(options.runs, 10);
      const compare = async (env: NodeJS.ProcessEnv) => {
        const cli: number[] = [];
        const bare: number[] = [];
        for (let i = 0; i < rounds; i++) {
          bare.push((await runTimed(null, { cwd: dir, env })).seconds);
          cli.push((await runTimed(['page.txt'], { cwd: dir, rss: false, env })).seconds);
        }
        return { cliSeconds: median(cli), nodeSeconds: median(bare), ratio: median(cli) / median(bare), rounds };
      };
      const show = (r: { cliSeconds: number; nodeSeconds: number; ratio: number }) =>
        `${(r.cliSeconds * 1000).toFixed(0)} ms vs node -e '' ${(r.nodeSeconds * 1000).toFixed(0)} ms = ${r.ratio.toFixed(2)}×`;
      const startup = await compare(process.env);
      results['startup'] = startup;
      lines.push(`start-up, one small page: ${show(startup)} (target ≤ 1.5×; medians of ${rounds})`);
      // NODE_EXTRA_CA_CERTS makes every Node process read and parse the certificates it names at start, which
      // can be most of what `node -e ''` costs: the ratio is then measured again without it, for both sides.
      if (process.env.NODE_EXTRA_CA_CERTS) {
        const env = { ...process.env };
        delete env.NODE_EXTRA_CA_CERTS;
        const clean = await compare(env);
        results['startupWithoutExtraCaCerts'] = clean;
        lines.push(`start-up without NODE_EXTRA_CA_CERTS (set here; Node parses those certificates at every start): ${show(clean)}`);
      }
    }

    if (options.only.has('memory')) {
      const small = path.join(dir, 'small');
      const text = 'Home | News | Sport\n\nA short page of a few words, which is written here once.\n\nShare this\n';
      for (let i = 0; i < options.smallFiles; i += 1000) {
        const sub = path.join(small, String(i / 1000).padStart(3, '0'));
        await mkdir(sub, { recursive: true });
        await Promise.all(Array.from({ length: Math.min(1000, options.smallFiles - i) }, (_, k) => writeFile(path.join(sub, `${k}.txt`), text)));
      }
      const many = await runTimed(['small', '-o', 'small-out'], { cwd: dir });
      results['memorySmallFiles'] = { files: options.smallFiles, peakRssMb: many.peakRssMb, seconds: many.seconds };
      lines.push(`peak RSS, ${options.smallFiles.toLocaleString('en-US')} small files -> folder (default -j): ${many.peakRssMb.toFixed(0)} MB in ${many.seconds.toFixed(1)} s (target < 300 MB)`);
      await rm(small, { recursive: true, force: true });
      await rm(path.join(dir, 'small-out'), { recursive: true, force: true });

      const jsonl = path.join(dir, 'big.jsonl');
      const source = path.join(benchRoot(), 'aeb', 'dev', 'inputs', 'html-text');
      const records = (await readdir(source)).sort().map((n) => `${JSON.stringify({ url: `https://example.org/${n}`, text: readFileSync(path.join(source, n), 'utf8') })}\n`);
      const stream = createWriteStream(jsonl);
      let written = 0;
      for (let i = 0; written < options.jsonlMb * MB; i++) {
        const record = records[i % records.length]!;
        written += Buffer.byteLength(record);
        if (!stream.write(record)) await new Promise<void>((r) => stream.once('drain', () => r()));
      }
      await new Promise<void>((r) => stream.end(() => r()));
      const big = await runTimed(['--input-format', 'jsonl'], { cwd: dir, stdinFile: jsonl });
      results['memoryJsonl'] = { mb: written / MB, peakRssMb: big.peakRssMb, seconds: big.seconds, mbPerSecond: written / MB / big.seconds };
      lines.push(`peak RSS, ${(written / MB).toFixed(0)} MB JSON Lines on stdin (default -j): ${big.peakRssMb.toFixed(0)} MB in ${big.seconds.toFixed(1)} s, ${(written / MB / big.seconds).toFixed(1)} MB/s (target < 300 MB)`);
    }

    if (options.only.has('wet')) {
      // The dev pages as WET conversion records, each its own gzip member, as in a CC-MAIN-….warc.wet.gz.
      const source = path.join(benchRoot(), 'aeb', 'dev', 'inputs', 'html-text');
      const { gzipSync } = await import('node:zlib');
      const records = (await readdir(source)).sort().map((n) => {
        const text = readFileSync(path.join(source, n));
        const head = `WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://example.org/${n}\r\nWARC-Date: 2024-02-20T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:${n}>\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n`;
        const record = Buffer.concat([Buffer.from(head), text, Buffer.from('\r\n\r\n')]);
        return { bytes: record.length, gz: gzipSync(record) };
      });
      const wet = path.join(dir, 'CC-MAIN-bench.warc.wet.gz');
      const stream = createWriteStream(wet);
      let written = 0;
      for (let i = 0; written < options.wetMb * MB; i++) {
        const record = records[i % records.length]!;
        written += record.bytes;
        if (!stream.write(record.gz)) await new Promise<void>((r) => stream.once('drain', () => r()));
      }
      await new Promise<void>((r) => stream.end(() => r()));
      const runs: Timed[] = [];
      for (let i = 0; i < options.runs; i++) runs.push(await runTimed(['--input-format', 'wet', wet], { cwd: dir }));
      const seconds = median(runs.map((r) => r.seconds));
      const peakRssMb = median(runs.map((r) => r.peakRssMb));
      const gzMb = statSync(wet).size / MB;
      results['wet'] = { mb: written / MB, gzMb, seconds, mbPerSecond: written / MB / seconds, peakRssMb };
      lines.push(`WET, ${(written / MB).toFixed(0)} MB (${gzMb.toFixed(0)} MB gzipped, one member per record) --input-format wet (default -j): ${seconds.toFixed(1)} s, ${(written / MB / seconds).toFixed(1)} MB/s, peak RSS ${peakRssMb.toFixed(0)} MB`);
      await rm(wet, { force: true });
    }

    if (options.only.has('counts')) {
      // Every line different (a number in it), so every line is kept in the counts: the most a counts
      // file can hold for this many lines. Two halves, as two shards of a crawl.
      const LINES_PER_PAGE = 20;
      const SITES = 50;
      const pages = Math.ceil(options.countsLines / LINES_PER_PAGE);
      const halves = [path.join(dir, 'shard-1.jsonl'), path.join(dir, 'shard-2.jsonl')];
      for (const [h, file] of halves.entries()) {
        const stream = createWriteStream(file);
        for (let page = h * Math.ceil(pages / 2); page < Math.min(pages, (h + 1) * Math.ceil(pages / 2)); page++) {
          const lines = Array.from({ length: LINES_PER_PAGE }, (_, k) => `Line ${page * LINES_PER_PAGE + k} of page ${page}, in words that the pages share`);
          const record = `${JSON.stringify({ url: `https://site${page % SITES}.example/${page}`, text: lines.join('\n') })}\n`;
          if (!stream.write(record)) await new Promise<void>((r) => stream.once('drain', () => r()));
        }
        await new Promise<void>((r) => stream.end(() => r()));
      }
      const jsonl = ['--input-format', 'jsonl', '--id-field', 'url'];
      const builds = [];
      for (const [h, file] of halves.entries()) builds.push(await runTimed(['counts', 'build', ...jsonl, '-o', `shard-${h + 1}.counts`, file], { cwd: dir }));
      const merge = await runTimed(['counts', 'merge', 'shard-1.counts', 'shard-2.counts', '-o', 'all.counts'], { cwd: dir });
      const countsMb = statSync(path.join(dir, 'all.counts')).size / MB;
      const clean = await runTimed([...jsonl, '--counts', 'all.counts'], { cwd: dir, stdinFile: halves[0] });
      const build = builds.reduce((worst, run) => (run.peakRssMb > worst.peakRssMb ? run : worst));
      results['counts'] = { lines: pages * LINES_PER_PAGE, pages, sites: SITES, countsFileMb: countsMb, build, merge, cleanWithCounts: clean };
      const show = (t: Timed) => `${t.seconds.toFixed(1)} s, ${t.peakRssMb.toFixed(0)} MB peak`;
      lines.push(`counts, ${(pages * LINES_PER_PAGE).toLocaleString('en-US')} distinct lines (${pages.toLocaleString('en-US')} pages of ${SITES} sites; counts file ${countsMb.toFixed(0)} MB):`);
      lines.push(`  build of each half: ${builds.map(show).join(' / ')}; merge of the two: ${show(merge)}; cleaning a half with the merged counts: ${show(clean)}`);

      // A counts file that is nearly all repeats, of many sites: what a merged crawl's counts look like to
      // the cleaning pass, which keeps every site's repeats and needs them in every worker thread.
      const REPEATS_PER_SITE = 300;
      const sites = Array.from({ length: options.countsSites }, (_, k) => `site${String(k).padStart(7, '0')}.example`);
      const repeatsFile = createWriteStream(path.join(dir, 'repeats.counts'));
      repeatsFile.write('boilerstrip-counts 2\n');
      let seed = 12345;
      const random32 = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
      for (const site of sites) {
        const fingerprints = Array.from({ length: REPEATS_PER_SITE }, () => random32().toString(16).padStart(8, '0') + random32().toString(16).padStart(8, '0')).sort();
        // 100 pages: a line needs 30 of them to be evidence; these are on 50 to 99.
        const block = `${site}\t100\n${fingerprints.map((f) => `\t${f}\t${50 + (random32() % 50)}\n`).join('')}`;
        if (!repeatsFile.write(block)) await new Promise<void>((r) => repeatsFile.once('drain', () => r()));
      }
      // The end line counts the site lines and line counts above it, as the reader checks.
      await new Promise<void>((r) => repeatsFile.end(`end\t${sites.length}\t${sites.length * REPEATS_PER_SITE}\n`, () => r()));
      const repeatsMb = statSync(path.join(dir, 'repeats.counts')).size / MB;
      // 200 pages that name sites of the file in a URL line, so that their evidence is looked up.
      await mkdir(path.join(dir, 'named'), { recursive: true });
      for (let k = 0; k < 200; k++) {
        const page = [`url: https://${sites[(k * 7919) % sites.length]}/${k}`, ...Array.from({ length: LINES_PER_PAGE }, (_, i) => `Line ${i} of page ${k}, in words that the pages share`)];
        await writeFile(path.join(dir, 'named', `${k}.txt`), `${page.join('\n')}\n`);
      }
      const withRepeats = [];
      for (const jobs of ['1', '2']) withRepeats.push(await runTimed(['named', '-o', `named-out-${jobs}`, '-j', jobs, '--counts', 'repeats.counts'], { cwd: dir }));
      const mergeRepeats = await runTimed(['counts', 'merge', 'repeats.counts', 'repeats.counts', '-o', 'repeats2.counts'], { cwd: dir });
      results['countsOfRepeats'] = { sites: sites.length, repeatsPerSite: REPEATS_PER_SITE, countsFileMb: repeatsMb, cleanJobs1: withRepeats[0], cleanJobs2: withRepeats[1], mergeWithItself: mergeRepeats };
      lines.push(`counts of repeats, ${sites.length.toLocaleString('en-US')} sites × ${REPEATS_PER_SITE} repeated lines (counts file ${repeatsMb.toFixed(0)} MB):`);
      lines.push(`  cleaning 200 pages with it: -j 1 ${show(withRepeats[0]!)}, -j 2 ${show(withRepeats[1]!)}; merge of it with itself: ${show(mergeRepeats)}`);
    }
  });

  if (options.json) console.log(JSON.stringify(results, null, 2));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`bench:speed: ${error.message}\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof RunError) {
      console.error(`bench:speed: ${error.message}`);
      process.exitCode = 1;
    } else {
      console.error(`bench:speed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  },
);
