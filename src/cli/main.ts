// main(): the whole CLI as a function of its arguments and streams, returning the exit code. It never
// calls process.exit, so tests run it in-process and the bin shim only sets process.exitCode.
import { formatSize, parseArgs, type CliOptions, type OptionSources } from './args.js';
import path from 'node:path';
import { cleanBytes, readInput } from './clean-file.js';
import { describeError, UsageError } from './errors.js';
import { loadConfig, mergeOptions, toStripOptions } from './config.js';
import { expandInputs, type InputFile } from './inputs.js';
import { readStream, readWhole } from './read-stream.js';
import type { StripOptions } from '../core/types.js';
import { VERSION } from './version.js';
import { escapeControls } from './visible.js';

/** For the bin shim's second-signal handler: lets the files being written finish (write-output.ts). */
export { stopWrites } from './write-output.js';
/** For the bin shim's report of a standard output that cannot be written (a full disk). */
export { describeError } from './errors.js';

/**
 * Whether this process has reported a failure (an input, a record): a reader that closes the pipe early
 * ends the process in the bin shim before main() returns its exit code, and that code must still be 1.
 */
let failureReported = false;
export function anyFailureReported(): boolean {
  return failureReported;
}

export const EXIT_OK = 0;
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;
/** Interrupted by Ctrl-C: the shell's 128 + SIGINT (2). */
export const EXIT_INTERRUPTED = 130;
/** Stopped by SIGTERM: 128 + 15. */
export const EXIT_TERMINATED = 143;

export interface MainParams {
  argv: readonly string[];
  stdin: AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  /** `once('drain')` (as on a Node stream) lets JSON Lines output wait for a slow reader. */
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean; once?(event: 'drain', listener: () => void): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd?: string;
  /** Fired on Ctrl-C / SIGTERM (the bin passes the signal's name as the reason): the run stops early. */
  signal?: AbortSignal;
  /** The environment, for NO_COLOR (default: process.env). */
  env?: Record<string, string | undefined>;
}

export async function main(params: MainParams): Promise<number> {
  // params.stderr is read only when something is written to it: the bin makes process.stderr on first use,
  // and setting it up loads modules a run without messages never needs.
  const { stdout } = params;
  const cwd = params.cwd ?? process.cwd();
  // One red word on a terminal: written out rather than importing chalk, which start-up would pay for.
  // NO_COLOR (https://no-color.org): set to anything but "", it is --no-color for every run of a user's shell.
  const env = params.env ?? process.env;
  const noColour = env.NO_COLOR;
  // FORCE_COLOR, as chalk and most Node tools read it: "0" (or "false") turns colour off, another value
  // gives it to a pipe too (`FORCE_COLOR=1 boilerstrip --explain page.txt | less -R`).
  const forced = env.FORCE_COLOR === undefined || env.FORCE_COLOR === '' ? undefined : env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  // --no-color is looked for before the options are parsed too: a usage error is reported before they are.
  // (In `--drop --no-color` it is a pattern; turning the colour off for that run harms nothing.)
  const dashes = params.argv.indexOf('--');
  const flags = dashes === -1 ? params.argv : params.argv.slice(0, dashes);
  let colour = (noColour === undefined || noColour === '') && !flags.includes('--no-color') && forced !== false;
  const write = (message: string) =>
    params.stderr.write(`${colour && (params.stderr.isTTY === true || forced === true) ? '\u001b[31mboilerstrip:\u001b[39m' : 'boilerstrip:'} ${message}\n`);
  // Control characters in a message (a file named with a line break, or with a terminal's escape codes)
  // are written as \u000a escapes, as JSON Lines messages write them: a failure stays one line.
  const report = (message: string) => {
    failureReported = true;
    write(escapeControls(message));
  };
  try {
    if (params.argv[0] === 'counts') {
      const { countsCommand } = await import('./counts.js');
      const { availableParallelism } = await import('node:os');
      const threads = availableParallelism();
      const startPool = async () => (threads > 1 ? (await import('./pool.js')).startPool(threads) : undefined);
      const progressTo = params.stderr.isTTY === true ? params.stderr : undefined;
      return await countsCommand(params.argv.slice(1), cwd, (s) => stdout.write(s), report, startPool, params.stdin, params.signal, progressTo);
    }
    const parsed = parseArgs(params.argv, VERSION, (s) => stdout.write(s), (s) => params.stderr.write(s));
    if (parsed.kind === 'done') return parsed.exitCode;
    if (parsed.kind === 'rules') {
      stdout.write((await import('./rules.js')).formatRules());
      return EXIT_OK;
    }
    if (!colour) parsed.options.color = false;
    if (!parsed.options.color) colour = false;
    const options = await resolveOptions(parsed.options, parsed.sources, cwd);
    if (options.printConfig) {
      stdout.write(options.printed);
      return EXIT_OK;
    }
    // Colour only what goes to the terminal: files (-o, --suffix) are read by diff viewers, patch and editors.
    const toStdout = options.outDir === undefined && options.suffix === undefined && !options.inPlace;
    options.terminalOutput = stdout.isTTY === true && toStdout;
    options.colourOutput = options.color && (options.terminalOutput || (forced === true && toStdout));
    if (options.inputFormat === 'jsonl' || options.inputFormat === 'wet') return await cleanJsonl(params, options, cwd, report);
    if (options.inputs.length === 0 || (options.inputs.length === 1 && options.inputs[0] === '-')) {
      return await cleanStdin(params, options, cwd, report);
    }
    return await cleanFiles(params, options, cwd, report);
  } catch (error) {
    if (error instanceof UsageError) {
      // Written as it is: a usage error may have a hint on a line of its own (commander's "Did you mean").
      // A file's fault is one line, its control characters escaped as a failure's are.
      write(error.helpHelps ? `${error.message}\nTry 'boilerstrip --help' for usage.` : escapeControls(error.message));
      return EXIT_USAGE;
    }
    report(`unexpected error: ${describeError(error)}`);
    return EXIT_INPUT_FAILED;
  }
}

async function cleanStdin(params: MainParams, options: CliOptions, cwd: string, report: (m: string) => void): Promise<number> {
  if (options.outDir !== undefined || options.inPlace || options.suffix !== undefined) {
    throw new UsageError('--out-dir, --in-place and --suffix need file or folder inputs, not standard input');
  }
  hintIfTypedIn(params, options);
  return cleanStream(params, options, cwd, report, { chunks: params.stdin, name: 'standard input', source: '-' });
}

/**
 * `boilerstrip` typed alone at a prompt waits for a page on the keyboard, which looks like a hang to someone
 * who meant to name a file. When both standard input and standard error are the terminal (so nobody pipes or
 * logs this run), one line says what it waits for; -q leaves it out.
 */
function hintIfTypedIn(params: MainParams, options: CliOptions): void {
  if (params.stdin.isTTY !== true || params.stderr.isTTY !== true || options.quiet) return;
  const what = options.inputFormat === 'jsonl' ? 'JSON Lines records' : options.inputFormat === 'wet' ? 'WET records' : 'a page';
  params.stderr.write(`boilerstrip: reading ${what} from the terminal; end with Ctrl-D (to clean files: boilerstrip FILE..., see --help)\n`);
}

/**
 * One page that comes as a stream, to standard output: standard input, or a pipe named as the only input
 * (`boilerstrip <(zcat page.gz)`). Read without blocking, so that Ctrl-C is heard while a slow writer
 * has not finished. `name` is what messages call it, `source` what json output does.
 */
async function cleanStream(
  params: MainParams,
  options: CliOptions,
  cwd: string,
  report: (m: string) => void,
  input: { chunks: AsyncIterable<Uint8Array | string>; name: string; source: string },
): Promise<number> {
  const read = await readWhole(input.chunks, options.maxSize, params.signal);
  if (read === 'aborted') return interruptedExitCode(params.signal!);
  if ('error' in read) {
    // A folder given as standard input (`boilerstrip < pages`), a read error: one line, as for a file.
    report(`${input.name}: ${describeError(read.error)}`);
    await writeSummary(params, options, { files: 1, failed: 1, bytesIn: read.size, bytesOut: 0 }, process.hrtime.bigint(), false);
    return EXIT_INPUT_FAILED;
  }
  if ('tooLarge' in read) {
    report(`${input.name}: larger than --max-size ${formatSize(options.maxSize)}; skipped`);
    return EXIT_INPUT_FAILED;
  }
  // With --counts, a stream has a site only if it names one at its top: it has no folder to name one.
  const site = options.crossPage && options.counts !== undefined ? await siteEvidenceFrom(options.counts, cwd) : undefined;
  const started = process.hrtime.bigint();
  const totals: Totals = { files: 1, failed: 0, bytesIn: read.bytes.length, bytesOut: 0 };
  try {
    const { output, textBytes } = await cleanBytes(read.bytes, input.source, options, site?.(undefined) ?? {});
    params.stdout.write(output);
    totals.bytesOut = textBytes;
  } catch (error) {
    report(`${input.name}: ${describeError(error)}`);
    totals.failed = 1;
  }
  await writeSummary(params, options, totals, started, false);
  return totals.failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}

async function cleanFiles(params: MainParams, options: CliOptions, cwd: string, report: (m: string) => void): Promise<number> {
  if (options.format === 'jsonl') return writeRecords(params, options, cwd, report);
  const toStdout = options.outDir === undefined && !options.inPlace && options.suffix === undefined;
  if (toStdout && options.inputs.length > 1) {
    throw new UsageError(`${options.inputs.length} inputs: several inputs need --out-dir (-o) to say where the outputs go`);
  }
  const started = process.hrtime.bigint();
  const { files, errors } = await expandInputs(options.inputs, cwd, { ignore: options.ignore, outDir: options.outDir, outputSuffix: options.suffix, countsFile: options.counts });
  let failed = errors.length;
  for (const e of errors) report(`${e.input}: ${e.message}`);

  if (toStdout) {
    if (files.length > 1) {
      throw new UsageError(`${files.length} input files: several inputs need --out-dir (-o) to say where the outputs go`);
    }
    const [pipe] = files;
    if (pipe?.readOnce) {
      const chunks = readStream(path.resolve(cwd, pipe.path));
      return await cleanStream(params, options, cwd, report, { chunks, name: pipe.path, source: pipe.path });
    }
    // Site counts (--counts) are the only cross-page evidence a single file can have; loaded only then.
    const site = options.crossPage && options.counts !== undefined ? await siteEvidenceFrom(options.counts, cwd) : undefined;
    const written = await writeEach(files, params, options, cwd, report, site);
    failed += written.failed;
    await writeSummary(params, options, { ...written, files: written.files + errors.length, failed }, started, false);
  } else {
    // Batch machinery (worker pool, atomic writes, path checks) is loaded only by the runs that use it.
    const { runBatch } = await import('./run-batch.js');
    const terminal = params.stderr.isTTY === true;
    const batch = await runBatch(files, { ...options, progress: terminal && !options.quiet }, cwd, report, params.signal, params.stderr);
    failed += batch.failed;
    await writeSummary(params, options, { ...batch, files: batch.files + errors.length, failed }, started, true);
  }
  if (params.signal?.aborted) return interruptedExitCode(params.signal);
  return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}

/**
 * The command line merged with the config file, checked and compiled once for the whole run. With
 * --print-config, also the effective configuration as text (the run stops there).
 */
async function resolveOptions(cli: CliOptions, sources: OptionSources, cwd: string): Promise<CliOptions & { printed: string }> {
  const config = await loadConfig(cli.config, cwd);
  const effective = mergeOptions(cli, sources, config);
  const options = { ...effective.options, stripOptions: toStripOptions(effective) };
  if (options.view && options.format !== 'text') {
    const from = effective.origins.format === '--format' ? `-f ${options.format}` : `format "${options.format}" from ${effective.origins.format}`;
    throw new UsageError(`--${options.view} shows the decisions as text; it cannot be combined with ${from}`);
  }
  if (options.format === 'jsonl' && options.outDir !== undefined) {
    throw new UsageError('-f jsonl writes one stream of records to standard output; leave out --out-dir, or use -f json for one file per input');
  }
  // A page replaced by its report (JSON, an explanation, a diff) under its own name would be lost.
  if (options.inPlace && (options.view || options.format !== 'text')) {
    const report = options.view ? `--${options.view}` : effective.origins.format === '--format' ? `-f ${options.format}` : `format "${options.format}" from ${effective.origins.format}`;
    throw new UsageError(`--in-place replaces each page with its clean text; ${report} writes a report: use -o DIR or --suffix for it`);
  }
  if (options.format === 'jsonl' && options.suffix !== undefined) {
    const from = effective.origins.format === '--format' ? '-f jsonl' : `format "jsonl" from ${effective.origins.format}`;
    throw new UsageError(`${from} writes one stream of records to standard output; it cannot be combined with --suffix`);
  }
  const printed = options.printConfig ? (await import('./config.js')).formatConfig(effective) : '';
  return { ...options, printed };
}

/**
 * -f jsonl: one compact JSON record per input, one per line, all on standard output. This is the one
 * output that takes several inputs without --out-dir: a stream of records is what jq and data pipelines
 * read. A failed input is reported on standard error and leaves no record. The records are the ones -f
 * json with -o would write, cross-page evidence included.
 */
async function writeRecords(params: MainParams, options: CliOptions, cwd: string, report: (m: string) => void): Promise<number> {
  const started = process.hrtime.bigint();
  const { files, errors } = await expandInputs(options.inputs, cwd, { ignore: options.ignore, countsFile: options.counts });
  for (const e of errors) report(`${e.input}: ${e.message}`);
  // The batch machinery, as for -o: worker threads, cross-page evidence, input order, back-pressure.
  const { runBatch } = await import('./run-batch.js');
  const batch = await runBatch(files, { ...options, progress: false }, cwd, report, params.signal, params.stderr, params.stdout);
  const failed = errors.length + batch.failed;
  await writeSummary(params, options, { ...batch, files: batch.files + errors.length, failed }, started, true);
  if (params.signal?.aborted) return interruptedExitCode(params.signal);
  return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}

/**
 * Cleans `files` (one page: several go through runBatch) to standard output; returns how many there were
 * and failed (each reported), and the bytes read and written.
 */
async function writeEach(
  files: readonly InputFile[],
  params: MainParams,
  options: CliOptions,
  cwd: string,
  report: (m: string) => void,
  site?: (file: InputFile) => (text: string) => StripOptions,
): Promise<Totals> {
  const totals: Totals = { files: files.length, failed: 0, bytesIn: 0, bytesOut: 0 };
  for (const file of files) {
    try {
      const bytes = readInput(path.resolve(cwd, file.path), options.maxSize);
      const { output, textBytes } = await cleanBytes(bytes, file.path, options, site?.(file) ?? {});
      params.stdout.write(output);
      totals.bytesIn += bytes.length;
      totals.bytesOut += textBytes;
    } catch (error) {
      totals.failed++;
      report(`${file.path}: ${describeError(error)}`);
    }
  }
  return totals;
}

/** What the summary line counts. */
interface Totals {
  files: number;
  failed: number;
  bytesIn: number;
  bytesOut: number;
  unit?: string;
  interrupted?: boolean;
}

/**
 * The summary line on standard error: when --summary asks for it, and after a batch (several files, a
 * stream of records) when standard error is a terminal, unless -q.
 */
async function writeSummary(params: MainParams, options: CliOptions, totals: Totals, started: bigint, batch: boolean): Promise<void> {
  if (!options.summary && !(batch && params.stderr.isTTY === true && !options.quiet)) return;
  const { summaryLine } = await import('./progress.js');
  params.stderr.write(`boilerstrip: ${summaryLine({ ...totals, seconds: secondsSince(started) })}${totals.interrupted === true ? ' (interrupted)' : ''}\n`);
}

/** JSON Lines from standard input or the inputs, in order, to standard output. */
async function cleanJsonl(params: MainParams, options: CliOptions, cwd: string, report: (m: string) => void): Promise<number> {
  const { fileSource, runJsonl, stdinSource } = await import('./run-jsonl.js');
  const started = process.hrtime.bigint();
  const fromStdin = options.inputs.length === 0 || (options.inputs.length === 1 && options.inputs[0] === '-');
  const expanded = fromStdin ? { files: [], errors: [] } : await expandInputs(options.inputs, cwd, { ignore: options.ignore, countsFile: options.counts });
  for (const e of expanded.errors) report(`${e.input}: ${e.message}`);
  if (fromStdin) hintIfTypedIn(params, options);
  const sources = fromStdin ? [stdinSource(params.stdin)] : expanded.files.map((f) => fileSource(f.path, cwd));
  const { readRepeatsFile } = await import('./counts.js');
  const sites = options.counts !== undefined && options.crossPage ? await readRepeatsFile(options.counts, cwd) : undefined;
  const result = await runJsonl(sources, options, params.stdout, report, params.signal, sites);
  const failed = expanded.errors.length + result.failedInputs + result.bad;
  const totals = { files: result.records, failed: result.bad, bytesIn: result.bytesIn, bytesOut: result.bytesOut, unit: 'record', interrupted: result.interrupted };
  await writeSummary(params, options, totals, started, true);
  if (params.signal?.aborted) return interruptedExitCode(params.signal);
  return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}

export function interruptedExitCode(signal: AbortSignal): number {
  return signal.reason === 'SIGTERM' ? EXIT_TERMINATED : EXIT_INTERRUPTED;
}

/**
 * The strip options that give one file (or standard input) its site's evidence from a counts file: the
 * site the page names in a URL line at its top, else the file's folder.
 */
async function siteEvidenceFrom(countsFile: string, cwd: string): Promise<(file: InputFile | undefined) => (text: string) => StripOptions> {
  const [{ readRepeatsFile }, { siteOfPage }, { evidenceFor, siteOfFile }] = await Promise.all([import('./counts.js'), import('../core/site/header-site.js'), import('./site.js')]);
  // The rule compares counts with the threshold only, so the lines below it are not needed.
  const counts = await readRepeatsFile(countsFile, cwd);
  return (file) => (text) => evidenceFor(counts, siteOfPage(text, file && siteOfFile(file, cwd)));
}

/**
 * Seconds since `started` (process.hrtime.bigint()). Not performance.now(): the global `performance`
 * loads node:perf_hooks on first use, a few modules that a one-file run has no other use for.
 */
function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}
