// Cleans many files into --out-dir, beside themselves (--suffix) or over themselves (--in-place). Each file
// is independent: a failure is reported and counted, and the batch goes on. Outputs are written atomically
// and never over an input (except, on purpose, with --in-place).
//
// Files go in small batches ("tasks", see clean-task.ts) to a piscina pool of worker threads, or through
// the same function in this thread when one job is asked for or the batch is too small to pay for
// starting threads. piscina is imported only then, so a single page never loads it. Results are taken
// back in input order (pool.ts), so failures are reported in the same order whatever --jobs is, and only
// a bounded number of tasks is in flight, so memory stays flat for any number of files.
//
// Interrupting (the AbortSignal, fired by Ctrl-C) stops handing out tasks; the tasks in flight finish
// their current files, so no output is ever half-written, and the result says it was interrupted.
import path from 'node:path';
import type { CliOptions } from './args.js';
import { mkdir } from 'node:fs/promises';
import { cleanOptionsOf } from './clean-file.js';
import { cleanTask, type CleanItem, type CleanOutcome, type CleanTask } from './clean-task.js';
import { describeError } from './errors.js';
import { outputExtension } from './format.js';
import type { InputFile } from './inputs.js';
import { resolveReal } from './inputs.js';
import { runInOrder, runTask, startPool } from './pool.js';
import { MIN_SITE_PAGES } from '../core/site/fingerprints.js';
import { countFiles, readCountsFile, repeatsOnly } from './counts.js';
import { createProgress, type Progress } from './progress.js';
import { siteOfFile, toPlain } from './site.js';

/** Below this many files a thread pool costs more to start (~30 ms a thread) than it saves. */
const MIN_FILES_FOR_POOL = 8;
/** At most this many files per task: enough to hide the hand-over cost, few enough to balance threads. */
const MAX_FILES_PER_TASK = 64;
/** Aim for this many tasks per thread, so a thread that drew large files does not hold up the end. */
const TASKS_PER_THREAD = 8;
/** Real paths looked up at once when checking that no output overwrites an input. */
const REALPATH_BATCH = 256;
/** Tasks in flight per thread: keeps every thread busy while bounding what waits in memory. */
const IN_FLIGHT_PER_THREAD = 4;

export type BatchOptions = CliOptions & { progress: boolean };

export interface BatchResult {
  files: number;
  failed: number;
  bytesIn: number;
  bytesOut: number;
  interrupted: boolean;
}

export async function runBatch(files: readonly InputFile[], options: BatchOptions, cwd: string, report: (message: string) => void, signal?: AbortSignal, stderr?: { write(s: string): unknown }): Promise<BatchResult> {
  const result: BatchResult = { files: 0, failed: 0, bytesIn: 0, bytesOut: 0, interrupted: false };
  const fail = (file: InputFile, message: string) => {
    result.files++;
    result.failed++;
    report(`${file.path}: ${message}`);
  };
  if (signal?.aborted) return { ...result, interrupted: true };
  // One line for an output folder that cannot exist, rather than the same error once per input.
  if (options.outDir !== undefined && files.length > 0) {
    try {
      await mkdir(path.resolve(cwd, options.outDir), { recursive: true });
    } catch (error) {
      report(`${options.outDir}: cannot create the output folder: ${describeError(error)}; no input was cleaned`);
      return { ...result, files: files.length, failed: files.length };
    }
  }
  const items: CleanItem[] = [];
  const inputPaths = options.outDir === undefined ? undefined : await realPaths(files, cwd);
  /** Outputs of this run, and by which input: a second input with the same output must not replace it. */
  const written = new Map<string, string>();
  for (const file of files) {
    const destination = destinationOf(file, options, cwd);
    const shownDestination = path.relative(cwd, destination) || destination;
    if (inputPaths?.has(await resolveReal(destination))) {
      fail(file, `output ${destination} would overwrite an input; choose another --out-dir`);
      continue;
    }
    const earlier = written.get(destination);
    if (earlier !== undefined) {
      fail(file, `output ${shownDestination} was already written for ${earlier}; not replaced`);
      continue;
    }
    written.set(destination, file.path);
    items.push({ input: path.resolve(cwd, file.path), destination, shownDestination, source: file.path, site: siteOfFile(file, cwd) });
  }

  const threads = items.length >= MIN_FILES_FOR_POOL ? Math.min(options.jobs, items.length) : 1;
  const perTask = Math.max(1, Math.min(MAX_FILES_PER_TASK, Math.ceil(items.length / (threads * TASKS_PER_THREAD))));
  const base = { options: cleanOptionsOf(options), keepMode: options.inPlace };
  const tasks: CleanTask[] = [];
  for (let i = 0; i < items.length; i += perTask) tasks.push({ ...base, items: items.slice(i, i + perTask) });

  // Cross-page evidence: counts from --counts, or from a first pass over these files when some folder
  // holds enough pages to give any. Only the lines that reach the threshold travel with the tasks.
  const given = options.crossPage && options.counts !== undefined ? await readCountsFile(options.counts, cwd) : undefined;
  const pool = threads > 1 ? await startPool(threads) : undefined;
  const counted = options.crossPage && !given && items.length >= MIN_SITE_PAGES ? await countFiles(files, cwd, pool, signal) : undefined;
  const repeats = given ?? counted ? repeatsOnly((given ?? counted)!) : undefined;
  if (repeats) {
    for (const task of tasks) task.sites = toPlain(repeats, new Set(task.items.map((item) => item.site!)));
  }

  // A task never rejects on a bad file (clean-task reports those); a worker that dies has the task redone
  // in this thread (pool.ts), and anything else fails that task's files and lets the batch go on.
  const run = (task: CleanTask) =>
    (pool ? runTask(pool, task, undefined, cleanTask) : cleanTask(task)).catch((error: unknown) => task.items.map(() => ({ bytesIn: 0, bytesOut: 0, error: describeError(error) })));
  const progress: Progress | undefined = options.progress && stderr ? await createProgress(stderr, items.length) : undefined;
  const take = (outcomes: CleanOutcome[], task: CleanTask) => {
    outcomes.forEach((outcome, i) => {
      result.files++;
      result.bytesIn += outcome.bytesIn;
      result.bytesOut += outcome.bytesOut;
      if (outcome.error === undefined) return;
      result.failed++;
      const message = `${task.items[i]!.source}: ${outcome.error}`;
      if (progress) progress.interrupt(() => report(message));
      else report(message);
    });
    progress?.update(result.files, result.bytesIn);
  };
  try {
    result.interrupted = await runInOrder(tasks, run, threads * IN_FLIGHT_PER_THREAD, take, signal);
  } finally {
    progress?.stop();
    await pool?.destroy();
  }
  return result;
}

/** Real paths of the inputs, a few hundred at a time: 100,000 calls at once would hold 100,000 requests. */
async function realPaths(files: readonly InputFile[], cwd: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < files.length; i += REALPATH_BATCH) {
    for (const real of await Promise.all(files.slice(i, i + REALPATH_BATCH).map((f) => resolveReal(path.resolve(cwd, f.path))))) found.add(real);
  }
  return found;
}

/** Where the output of `file` goes. */
export function destinationOf(file: InputFile, options: Pick<CliOptions, 'outDir' | 'inPlace' | 'suffix' | 'format' | 'view'>, cwd: string): string {
  const input = path.resolve(cwd, file.path);
  if (options.inPlace) return input;
  if (options.suffix !== undefined) return replaceExtension(input, options.suffix);
  return outputPath(path.resolve(cwd, options.outDir ?? '.'), file, options.format, options.view);
}

/** Where the output of `file` goes under --out-dir: same relative path; json, --explain and --diff output take their own extension. */
export function outputPath(outDir: string, file: InputFile, format: CliOptions['format'], view?: CliOptions['view']): string {
  const extension = outputExtension(format, view);
  const relative = extension ? replaceExtension(file.relative, extension) : file.relative;
  return path.join(outDir, relative);
}

function replaceExtension(file: string, extension: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, parsed.name + extension);
}
