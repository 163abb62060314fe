// One unit of batch work: read, clean and write a few files. The same function runs in the main thread
// (--jobs 1, few files) and in the worker threads (clean-worker.ts), so both give byte-identical output.
// Several files go in one task because handing a task to a thread costs far more than a small page
// takes to clean. Everything in and out is plain data (structured-clone safe); errors come back as their
// one-line description, never thrown, so one bad file cannot sink the others in its task.
import { statSync } from 'node:fs';
import { siteOfPage } from '../core/site/header-site.js';
import { SiteRepeats, type SiteRepeatsData } from '../core/site/site-repeats.js';
import { cleanBytes, readInput, type CleanOptions } from './clean-file.js';
import { describeError, OutputError } from './errors.js';
import { evidenceFor } from './site.js';
import { stopBeforeNext } from './stop.js';
import { writeFileAtomic } from './write-output.js';

export interface CleanItem {
  /** Absolute path to read. */
  input: string;
  /** Absolute path to write (the input itself for --in-place). */
  destination: string;
  /** The name used in json output and messages: the path as given or found. */
  source: string;
  /** The destination as shown in messages (relative to the working directory). */
  shownDestination: string;
  /** The page's site, when cross-page evidence is used. */
  site?: string;
  /** The bytes of a pipe, which the batch has read (a pipe can be read only once): not read from `input`. */
  bytes?: Uint8Array;
}

export interface CleanTask {
  items: CleanItem[];
  /** How to clean: the run's options (plain data, structured-clone safe). */
  options: CleanOptions;
  /** Give each output its input's file mode, owner and group (--in-place). */
  keepMode: boolean;
  /** The repeats of the sites of this task's items, for cross-page evidence. */
  sites?: SiteRepeatsData;
  /** Hand the outputs back (a stream to standard output) instead of writing them to their destinations. */
  returnOutputs?: boolean;
  /** The batch's stop flag (stop.ts): raised, the files not yet begun are left, and have no outcome. */
  stop?: Int32Array;
  /**
   * On memory the batch shares, the bytes in and out of each item written so far ([in, out] per item, -1
   * before): a task whose worker died part-way is redone without the files already written, which
   * --in-place would clean a second time, from their clean text.
   */
  written?: Float64Array;
}

export interface CleanOutcome {
  bytesIn: number;
  bytesOut: number;
  /** The output itself as UTF-8, with `returnOutputs`. */
  output?: Uint8Array;
  /** One-line reason when the file could not be cleaned or written. */
  error?: string;
}

/**
 * `sharedSites`: the repeats of every site, when the task does not carry those of its own items (a counts
 * file given with --counts, handed to each worker once). The outcomes are those of the items in order;
 * fewer when the batch was stopped (task.stop).
 */
export async function cleanTask(task: CleanTask, sharedSites?: SiteRepeats): Promise<CleanOutcome[]> {
  await turnOfTheEventLoop();
  const outcomes: CleanOutcome[] = [];
  const madeFolders = new Set<string>();
  const sites = task.sites ? new SiteRepeats(task.sites) : sharedSites;
  for (const [k, item] of task.items.entries()) {
    if (await stopBeforeNext(task.stop)) break;
    if (task.written !== undefined && task.written[2 * k]! >= 0) {
      outcomes.push({ bytesIn: task.written[2 * k]!, bytesOut: task.written[2 * k + 1]! });
      continue;
    }
    let bytesIn = 0;
    try {
      const bytes = item.bytes ?? readInput(item.input, task.options.maxSize);
      bytesIn = bytes.length;
      // A task's own counts are those of the sites its pages were counted under (item.site); with every
      // site's counts (--counts), the site a page names at its top, else its folder.
      const evidence = (text: string) => (sites ? evidenceFor(sites, task.sites ? item.site : siteOfPage(text, item.site)) : {});
      // Encoded once, here: a stream's outputs go to the one thread that writes it as bytes, and a file's
      // are written as bytes (writing a string encodes it, and its size was then counted in another pass).
      const cleaned = await cleanBytes(bytes, item.source, task.options, evidence);
      const encoded = Buffer.from(cleaned.output, 'utf8');
      const bytesOut = cleaned.textBytes;
      if (task.returnOutputs) {
        outcomes.push({ bytesIn, bytesOut, output: encoded });
        continue;
      }
      writeCleaned(item, encoded, task.keepMode, madeFolders);
      if (task.written !== undefined) task.written.set([bytesIn, bytesOut], 2 * k);
      outcomes.push({ bytesIn, bytesOut });
    } catch (error) {
      outcomes.push({ bytesIn, bytesOut: 0, error: describeError(error) });
    }
  }
  return outcomes;
}

/**
 * Writes the clean text of `item` to its destination, atomically; with `keepMode` (--in-place) it gets
 * the input's file mode, owner and group. `madeFolders` holds the output folders made so far.
 */
export function writeCleaned(item: CleanItem, encoded: Uint8Array, keepMode: boolean, madeFolders: Set<string>): void {
  const input = keepMode ? statSync(item.input) : undefined;
  try {
    writeFileAtomic(item.destination, encoded, { mode: input?.mode, owner: input && { uid: input.uid, gid: input.gid }, madeFolders });
  } catch (error) {
    throw new OutputError(item.shownDestination, error);
  }
}

/**
 * Reading and writing are synchronous, so a task runs from start to end without giving way. In the main
 * thread (--jobs 1) a batch of such tasks would never let Ctrl-C or the progress bar's timer in: each
 * task first waits for one turn of the event loop (a macrotask; awaiting a promise would not do).
 */
export function turnOfTheEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
