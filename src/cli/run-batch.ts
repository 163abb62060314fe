// Cleans many files into --out-dir, beside themselves (--suffix) or over themselves (--in-place), or into
// one stream on standard output (-f jsonl, in input order). Each file is independent: a failure is
// reported and counted, and the batch goes on. Outputs are written atomically and never over an input
// (except, on purpose, with --in-place).
//
// Files go in small batches ("tasks", see clean-task.ts) to a piscina pool of worker threads, or through
// the same function in this thread when one job is asked for or the batch is too small to pay for
// starting threads. One job on many files is cleaned in one worker thread and written in this one
// (MIN_FILES_FOR_WRITING_HERE). piscina is imported only then, so a single page never loads it. Results are taken
// back in input order (pool.ts), so failures are reported in the same order whatever --jobs is, and only
// a bounded number of tasks is in flight, so memory stays flat for any number of files.
//
// Interrupting (the AbortSignal, fired by Ctrl-C) stops handing out tasks, and the tasks in flight stop
// after the file each is on (stop.ts), so no output is ever half-written, and the result says it was
// interrupted.
import path from 'node:path';
import { readdirSync, realpathSync } from 'node:fs';
import { cleanOptionsOf } from './clean-file.js';
import { cleanTask, writeCleaned, type CleanItem, type CleanOutcome, type CleanTask } from './clean-task.js';
import { describeError } from './errors.js';
import { readStream, readWhole } from './read-stream.js';
import { formatSize, type CliOptions } from './args.js';
import { outputExtension } from './format.js';
import { climbsOut, type InputFile } from './inputs.js';
import { runInOrder, runTask, startPool } from './pool.js';
import { MIN_SITE_PAGES } from '../core/site/fingerprints.js';
import { countRepeats, readRepeatsFile } from './counts.js';
import { createProgress, type Progress } from './progress.js';
import { siteOfFile } from './site.js';
import { makeFolder } from './write-output.js';
import { stopBeforeNext, stopFlag } from './stop.js';

/** Why a file that ran a worker thread out of memory on its own was not cleaned. */
const OUT_OF_MEMORY = 'ran out of memory while being cleaned (the JavaScript heap limit, --max-old-space-size); skipped';
/** Below this many files a thread pool costs more to start (~30 ms a thread) than it saves. */
const MIN_FILES_FOR_POOL = 8;
/**
 * With one job and at least this many files, the pages are cleaned in a worker thread and the outputs
 * written in this one, so that the disk's part overlaps the cleaning. Creating a file took 0.3–0.9 ms on
 * the ext4 disk this was built on (as long as cleaning a page), mostly processor time in the kernel, and
 * one job left the second processor nearly idle: 50 MB of dev pages took 6.1–8.2 s instead of 9.7–10.3 s.
 * On tmpfs it made no difference. Below this, starting the thread (about 50 ms) costs more than a fast
 * disk's writes can give back.
 */
const MIN_FILES_FOR_WRITING_HERE = 500;
/** At most this many files per task: enough to hide the hand-over cost, few enough to balance threads. */
const MAX_FILES_PER_TASK = 64;
/** At most this many files per task when cleaning into a stream in this thread (see perTask). */
const MAX_FILES_PER_STREAMED_TASK = 4;
/** Aim for this many tasks per thread, so a thread that drew large files does not hold up the end. */
const TASKS_PER_THREAD = 8;
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

/** Standard output, for a batch whose outputs form one stream (-f jsonl): written in input order. */
export interface StreamOutput {
  write(chunk: Uint8Array): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

export async function runBatch(
  files: readonly InputFile[],
  options: BatchOptions,
  cwd: string,
  report: (message: string) => void,
  signal?: AbortSignal,
  stderr?: { write(s: string): unknown },
  stream?: StreamOutput,
): Promise<BatchResult> {
  const result: BatchResult = { files: 0, failed: 0, bytesIn: 0, bytesOut: 0, interrupted: false };
  const fail = (file: InputFile, message: string) => {
    result.files++;
    result.failed++;
    report(`${file.path}: ${message}`);
  };
  if (signal?.aborted) return { ...result, interrupted: true };
  // One line for an output folder that cannot exist, rather than the same error once per input.
  if (!stream && options.outDir !== undefined && files.length > 0) {
    try {
      makeFolder(path.resolve(cwd, options.outDir));
    } catch (error) {
      report(`${options.outDir}: cannot create the output folder: ${describeError(error)}; no input was cleaned`);
      return { ...result, files: files.length, failed: files.length };
    }
  }
  // --in-place writes over the file itself, wherever the path it was given by leads (see destinationOf).
  const realPaths = options.inPlace && !stream ? new RealPaths() : undefined;
  const accepted = stream ? new Uint8Array(files.length).fill(1) : acceptedOutputs(files, options, cwd, fail, realPaths);
  const pipes = await readPipes(files, accepted, options.maxSize, fail, signal);
  if (pipes === 'aborted') return { ...result, interrupted: true };
  const piped: Map<number, Uint8Array> = pipes;
  const count = accepted.reduce((n, ok) => n + ok, 0);
  const threads = count >= MIN_FILES_FOR_POOL ? Math.min(options.jobs, count) : 1;
  // Not with more jobs: their workers write their own outputs, each overlapping the others' cleaning,
  // and one thread writing for all of them was slower (-j 2: 7.6–8.2 s against 6.7–7.0 s).
  const writeHere = !stream && threads === 1 && count >= MIN_FILES_FOR_WRITING_HERE;
  // In this thread a task is not handed over, so it need not be large; a stream's outputs are held until
  // their task ends, and holding 64 of them had the garbage collector promote them (4x its time).
  const maxPerTask = stream && threads === 1 ? MAX_FILES_PER_STREAMED_TASK : MAX_FILES_PER_TASK;
  const perTask = Math.max(1, Math.min(maxPerTask, Math.ceil(count / (threads * TASKS_PER_THREAD))));
  const base = { options: cleanOptionsOf(options), keepMode: options.inPlace, returnOutputs: stream !== undefined || writeHere, stop: stopFlag(signal) };

  // Cross-page evidence: counts from --counts, or from a first pass over these files when some folder
  // holds enough pages to give any. Only the lines that reach the threshold travel with the tasks.
  // Pages may name their site in a URL line at the top, which only reading them tells: the counting pass
  // notes those sites for the tasks; with --counts, each worker is given every site's repeats once.
  const given = options.crossPage && options.counts !== undefined ? await readRepeatsFile(options.counts, cwd) : undefined;
  const pool = threads > 1 || writeHere ? await startPool(threads, given ? { repeats: given.data } : undefined) : undefined;
  try {
    const counted = options.crossPage && !given && count >= MIN_SITE_PAGES ? await countRepeats(files, cwd, { encoding: options.encoding, maxSize: options.maxSize, maxLines: options.maxLines, disabledRules: options.disabledRules }, pool, signal, options.progress ? stderr : undefined) : undefined;
    const repeats = counted?.repeats;
    const headerSites = counted?.headerSites;

    // Tasks are made as the window takes them, not all up front: only the files (as given) are held for
    // the whole run, and a task's items and site counts exist only while it is in flight.
    function* tasks(): Generator<CleanTask> {
      let items: CleanItem[] = [];
      const make = (): CleanTask => {
        const task: CleanTask = { ...base, items };
        if (repeats) task.sites = repeats.subset(new Set(items.map((item) => item.site!)));
        // Outputs written in a worker that then dies are not written again (see aloneInWorkers).
        if (pool && !stream && !writeHere) task.written = new Float64Array(new SharedArrayBuffer(2 * items.length * Float64Array.BYTES_PER_ELEMENT)).fill(-1);
        items = [];
        return task;
      };
      for (const [i, file] of files.entries()) {
        if (!accepted[i]) continue;
        const destination = stream ? '' : destinationOf(file, options, cwd, realPaths);
        const item: CleanItem = { input: path.resolve(cwd, file.path), destination, shownDestination: shown(destination, cwd), source: file.path, site: headerSites?.get(i) ?? siteOfFile(file, cwd) };
        const bytes = piped.get(i);
        if (bytes) {
          item.bytes = bytes;
          piped.delete(i);
        }
        items.push(item);
        if (items.length === perTask) yield make();
      }
      if (items.length > 0) yield make();
    }

    // A task never rejects on a bad file (clean-task reports those); a worker that dies has the task redone
    // in this thread (pool.ts), and anything else fails that task's files and lets the batch go on.
    const cleanHere = (task: CleanTask) => cleanTask(task, given);
    /**
     * A task whose worker ran out of memory: its files again, each in a worker of its own, one after the
     * other, so that the one too large for a thread's heap fails alone and the others are cleaned. Those
     * the dead worker had written are not cleaned again (task.written).
     */
    const aloneInWorkers = async (task: CleanTask): Promise<CleanOutcome[]> => {
      if (task.items.length === 1) {
        // Written before the worker died: nothing was lost.
        if (task.written !== undefined && task.written[0]! >= 0) return [{ bytesIn: task.written[0]!, bytesOut: task.written[1]! }];
        return [{ bytesIn: 0, bytesOut: 0, error: OUT_OF_MEMORY }];
      }
      const outcomes: CleanOutcome[] = [];
      for (const [k, item] of task.items.entries()) {
        const alone: CleanTask = { ...task, items: [item], written: task.written?.subarray(2 * k, 2 * k + 2) };
        outcomes.push(...(await runTask(pool!, alone, undefined, cleanHere, aloneInWorkers)));
      }
      return outcomes;
    };
    const run = (task: CleanTask) =>
      (pool ? runTask(pool, task, undefined, cleanHere, aloneInWorkers) : cleanHere(task)).catch((error: unknown) => task.items.map(() => ({ bytesIn: 0, bytesOut: 0, error: describeError(error) })));
    const progress: Progress | undefined = options.progress && stderr ? await createProgress(stderr, count) : undefined;
    const madeFolders = new Set<string>();
    const take = async (outcomes: CleanOutcome[], task: CleanTask) => {
      for (const [i, outcome] of outcomes.entries()) {
        if (writeHere && outcome.output) {
          // Stops as a task in this thread does, before the next file: the outputs still to write are
          // let go, as files not yet begun.
          if (await stopBeforeNext(base.stop)) break;
          try {
            writeCleaned(task.items[i]!, outcome.output, task.keepMode, madeFolders);
          } catch (error) {
            outcome.bytesOut = 0;
            outcome.error = describeError(error);
          }
        }
        result.files++;
        result.bytesIn += outcome.bytesIn;
        result.bytesOut += outcome.bytesOut;
        if (stream && outcome.output) {
          // A Buffer again (a thread hands back a bare Uint8Array), so that a writer of strings decodes it.
          // A slow reader of the stream slows the batch (the window waits for this), not fills memory.
          const output = Buffer.from(outcome.output.buffer, outcome.output.byteOffset, outcome.output.byteLength);
          if (stream.write(output) === false && stream.once) await new Promise<void>((resolve) => stream.once!('drain', resolve));
        }
        if (outcome.error === undefined) continue;
        result.failed++;
        const message = `${task.items[i]!.source}: ${outcome.error}`;
        if (progress) progress.interrupt(() => report(message));
        else report(message);
      }
      progress?.update(result.files, result.bytesIn);
    };
    try {
      // Without a pool the work is sequential anyway: one task at a time holds the least.
      result.interrupted = await runInOrder(tasks(), run, pool ? threads * IN_FLIGHT_PER_THREAD : 1, take, signal);
    } finally {
      progress?.stop();
    }
  } finally {
    // The pool's threads would keep the process alive: it goes however the batch ends, the counting pass included.
    await pool?.destroy();
  }
  return result;
}

/**
 * The bytes of the pipes and devices among the accepted files (InputFile.readOnce), by file index, read
 * before anything else, in this thread through the event loop (read-stream.ts): read in a task, a pipe
 * whose writer is slow would block its thread, and Ctrl-C, until the writer ended. Each is read once, so
 * the counting pass leaves them out; one that cannot be read is reported through `fail` and not accepted.
 */
async function readPipes(files: readonly InputFile[], accepted: Uint8Array, maxSize: number, fail: (file: InputFile, message: string) => void, signal?: AbortSignal): Promise<Map<number, Uint8Array> | 'aborted'> {
  const piped = new Map<number, Uint8Array>();
  for (const [i, file] of files.entries()) {
    if (!file.readOnce || !accepted[i]) continue;
    const read = await readWhole(readStream(file.path), maxSize, signal);
    if (read === 'aborted') return 'aborted';
    if ('bytes' in read) {
      piped.set(i, read.bytes);
      continue;
    }
    accepted[i] = 0;
    fail(file, 'error' in read ? describeError(read.error) : `larger than --max-size ${formatSize(maxSize)}; skipped`);
  }
  return piped;
}

/**
 * Which files may be cleaned (1) and which not (0, reported through `fail`): an output must not overwrite
 * an input (with --out-dir or --suffix; --in-place does so on purpose), nor an output of an earlier input
 * of this run. With --in-place, an output already written is the same file named again (through a link,
 * a linked folder): it is cleaned once, as a file named twice is, not cleaned again from its clean text.
 */
function acceptedOutputs(files: readonly InputFile[], options: BatchOptions, cwd: string, fail: (file: InputFile, message: string) => void, realPaths?: RealPaths): Uint8Array {
  const overwrites = options.inPlace ? undefined : outputsOverInputs(files, options, cwd);
  const instead = options.suffix === undefined ? 'choose another --out-dir' : 'choose another --suffix';
  const accepted = new Uint8Array(files.length);
  /** Outputs of this run, and for which input: a second input with the same output must not replace it. */
  const written = new Map<string, number>();
  for (const [i, file] of files.entries()) {
    if (file.readOnce && (options.inPlace || options.suffix !== undefined)) {
      fail(file, `a pipe or device, not a file: ${options.inPlace ? '--in-place cannot replace it' : '--suffix cannot write beside it'}; use --out-dir (-o)`);
      continue;
    }
    if (!options.inPlace && options.suffix === undefined && climbsOut(file.relative)) {
      fail(file, 'its output would go outside the output folder; not written');
      continue;
    }
    const destination = destinationOf(file, options, cwd, realPaths);
    if (overwrites?.has(i)) {
      fail(file, `output ${shown(destination, cwd)} would overwrite an input; ${instead}`);
      continue;
    }
    const earlier = written.get(destination);
    if (earlier !== undefined && options.inPlace) continue;
    if (earlier !== undefined) {
      fail(file, `output ${shown(destination, cwd)} was already written for ${files[earlier]!.path}; not replaced`);
      continue;
    }
    written.set(destination, i);
    accepted[i] = 1;
  }
  return accepted;
}

/**
 * The files whose output (under --out-dir, or beside it with --suffix) is, by its real path, one of the inputs. An output that does
 * not exist yet cannot be an input, so inputs are resolved only when some outputs exist already (a run
 * into a used folder); on a fresh folder this costs one look-up per folder, not per file.
 */
function outputsOverInputs(files: readonly InputFile[], options: BatchOptions, cwd: string): Set<number> {
  const real = new RealPaths();
  /** Real paths of the outputs that exist, and the files they are the outputs of. */
  const existing = new Map<string, number[]>();
  for (const [i, file] of files.entries()) {
    const destination = real.ofExisting(destinationOf(file, options, cwd));
    if (destination === undefined) continue;
    const those = existing.get(destination);
    if (those) those.push(i);
    else existing.set(destination, [i]);
  }
  const found = new Set<number>();
  if (existing.size === 0) return found;
  for (const file of files) {
    for (const i of existing.get(real.ofExisting(path.resolve(cwd, file.path)) ?? '') ?? []) found.add(i);
  }
  return found;
}

/**
 * Real paths, reading each folder once (its real path, which entries it has and which are links) instead
 * of resolving every file, which costs a system call per path component. Files come grouped by folder, so
 * a few recent folders are kept.
 */
class RealPaths {
  private static readonly FOLDERS_KEPT = 16;
  private readonly folders = new Map<string, { real: string; names: Set<string>; links: Set<string> } | undefined>();

  /** The real path of `file` (absolute), or undefined when it does not exist. */
  ofExisting(file: string): string | undefined {
    const name = path.basename(file);
    const folder = this.folder(path.dirname(file));
    if (!folder?.names.has(name)) return undefined;
    if (!folder.links.has(name)) return path.join(folder.real, name);
    try {
      return realpathSync.native(file);
    } catch {
      return undefined; // a link to nothing
    }
  }

  private folder(dir: string) {
    if (this.folders.has(dir)) return this.folders.get(dir);
    let entry: { real: string; names: Set<string>; links: Set<string> } | undefined;
    try {
      const names = new Set<string>();
      const links = new Set<string>();
      for (const dirent of readdirSync(dir, { withFileTypes: true })) {
        names.add(dirent.name);
        if (dirent.isSymbolicLink()) links.add(dirent.name);
      }
      entry = { real: realpathSync.native(dir), names, links };
    } catch {
      entry = undefined; // no such folder (yet), or not one: nothing in it exists
    }
    if (this.folders.size >= RealPaths.FOLDERS_KEPT) this.folders.delete(this.folders.keys().next().value!);
    this.folders.set(dir, entry);
    return entry;
  }
}

/**
 * Where the output of `file` goes. With --in-place, the file's real path when `realPaths` is given: the
 * output renamed over a symbolic link named as input replaced the link with a file of its own, and left
 * the page it points to as it was.
 */
export function destinationOf(file: InputFile, options: Pick<CliOptions, 'outDir' | 'inPlace' | 'suffix' | 'format' | 'view'>, cwd: string, realPaths?: RealPaths): string {
  const input = path.resolve(cwd, file.path);
  if (options.inPlace) return realPaths?.ofExisting(input) ?? input;
  if (options.suffix !== undefined) return replaceExtension(input, options.suffix);
  return outputPath(path.resolve(cwd, options.outDir ?? '.'), file, options.format, options.view);
}

/**
 * An output's path in messages: relative to the working folder below it, else absolute. An output
 * folder elsewhere (-o /mnt/x/out) was shown as ../../mnt/x/out/page.txt, a path the user never wrote.
 */
function shown(destination: string, cwd: string): string {
  const relative = path.relative(cwd, destination);
  return relative === '' || climbsOut(relative) ? destination : relative;
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
