// --input-format jsonl: JSON Lines from standard input or files to standard output, one cleaned record per
// input record, in input order. Lines are read as a stream and go in batches through clean-records.ts,
// in this thread for the first batch and in the worker pool after it (when -j > 1), so a small input
// never starts threads. The ordered window in pool.ts bounds what is in memory and waits for standard
// output to drain before reading on: memory stays flat for any input size, and a slow reader slows the
// reading instead of filling memory.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { CliOptions } from './args.js';
import { cleanRecords, type RecordOutcome, type RecordTask } from './clean-records.js';
import { describeError } from './errors.js';
import type { CountsBySite } from '../core/site/fingerprints.js';
import { runInOrder, runTask, startPool, type Pool } from './pool.js';
import { toPlain } from './site.js';

/** A batch closes at this many lines ... */
const MAX_LINES_PER_TASK = 256;
/** ... or this many characters (256 K), whichever comes first: enough to hide the hand-over to a thread. */
const MAX_CHARS_PER_TASK = 1 << 18;
/** Batches in flight per thread (see pool.ts): two keep a thread busy; more only hold memory. */
const IN_FLIGHT_PER_THREAD = 2;

export interface JsonlSource {
  /** "-" for standard input, else the path as given or found. */
  name: string;
  open(): Promise<Readable>;
}

export interface JsonlResult {
  records: number;
  bad: number;
  /** Inputs that could not be opened. */
  failedInputs: number;
  bytesIn: number;
  bytesOut: number;
  interrupted: boolean;
}

export interface JsonlWriter {
  write(chunk: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** `sites`: repeat counts per host (from --counts) for cross-page evidence, with options.idField. */
export async function runJsonl(sources: readonly JsonlSource[], options: CliOptions, stdout: JsonlWriter, report: (message: string) => void, signal?: AbortSignal, sites?: CountsBySite): Promise<JsonlResult> {
  const result: JsonlResult = { records: 0, bad: 0, failedInputs: 0, bytesIn: 0, bytesOut: 0, interrupted: false };
  const textField = options.textField;
  let pool: Pool | undefined;
  let poolStarting: Promise<Pool> | undefined;
  const run = async (task: RecordTask, index: number): Promise<RecordOutcome> => {
    const inline = (t: RecordTask) => cleanRecords(t, sites);
    if (index === 0 || options.jobs <= 1) return inline(task);
    poolStarting ??= startPool(options.jobs, sites ? { sites: toPlain(sites) } : undefined).then((p) => (pool = p));
    return runTask(await poolStarting, task, 'cleanRecords', inline);
  };
  const take = async (outcome: RecordOutcome) => {
    result.records += outcome.records;
    result.bad += outcome.problems.length;
    result.bytesIn += outcome.bytesIn;
    result.bytesOut += outcome.bytesOut;
    for (const problem of outcome.problems) report(problem);
    if (outcome.output !== '' && stdout.write(outcome.output) === false && stdout.once) {
      await new Promise<void>((resolve) => stdout.once!('drain', resolve));
    }
  };

  async function* batches(): AsyncGenerator<RecordTask> {
    for (const source of sources) {
      let input: Readable;
      try {
        input = await source.open();
      } catch (error) {
        result.failedInputs++;
        report(`${source.name}: ${describeError(error)}`);
        continue;
      }
      const base = { source: source.name, textField, idField: options.idField, onBadRecord: options.onBadRecord };
      let lines: string[] = [];
      let chars = 0;
      let lineNumber = 0;
      let firstLine = 1;
      try {
        for await (const line of createInterface({ input, crlfDelay: Infinity })) {
          lineNumber++;
          lines.push(line);
          chars += line.length;
          if (lines.length >= MAX_LINES_PER_TASK || chars >= MAX_CHARS_PER_TASK) {
            yield { ...base, lines, firstLine };
            lines = [];
            chars = 0;
            firstLine = lineNumber + 1;
          }
        }
      } catch (error) {
        result.failedInputs++;
        report(`${source.name}: ${describeError(error)} (after line ${lineNumber})`);
      } finally {
        input.destroy();
      }
      if (lines.length > 0) yield { ...base, lines, firstLine };
    }
  }

  try {
    result.interrupted = await runInOrder(batches(), run, Math.max(1, options.jobs) * IN_FLIGHT_PER_THREAD, take, signal);
  } finally {
    await (pool ?? (await poolStarting?.catch(() => undefined)))?.destroy();
  }
  return result;
}

/** A source for each input file, opened only when its turn comes (so 10,000 shards hold one handle). */
export function fileSource(file: string, cwd: string): JsonlSource {
  return {
    name: file,
    open: async () => {
      const handle = await open(path.resolve(cwd, file));
      return handle.createReadStream();
    },
  };
}

export function stdinSource(stdin: AsyncIterable<Uint8Array | string>): JsonlSource {
  return { name: '-', open: async () => (stdin instanceof Readable ? stdin : Readable.from(stdin)) };
}
