// --input-format jsonl: JSON Lines from standard input or files to standard output, one cleaned record per
// input record, in input order. Lines are read as a stream and go in batches through clean-records.ts,
// in this thread for the first batch and in the worker pool after it (when -j > 1), so a small input
// never starts threads. The ordered window in pool.ts bounds what is in memory and waits for standard
// output to drain before reading on: memory stays flat for any input size, and a slow reader slows the
// reading instead of filling memory.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { CliOptions } from './args.js';
import { cleanRecords, type RecordOutcome, type RecordTask } from './clean-records.js';
import { describeError } from './errors.js';
import type { SiteRepeats } from '../core/site/site-repeats.js';
import { runInOrder, runTask, startPool, type Pool } from './pool.js';

/** A batch closes at this many lines ... */
const MAX_LINES_PER_TASK = 256;
/** ... or this many bytes (256 KiB), whichever comes first: enough to hide the hand-over to a thread. */
const MAX_BYTES_PER_TASK = 1 << 18;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
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
  /** Given bytes: standard output takes them as they are, an in-memory writer decodes them. */
  write(chunk: string | Uint8Array): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** `sites`: repeat counts per host (from --counts) for cross-page evidence, with options.idField. */
export async function runJsonl(sources: readonly JsonlSource[], options: CliOptions, stdout: JsonlWriter, report: (message: string) => void, signal?: AbortSignal, sites?: SiteRepeats): Promise<JsonlResult> {
  const result: JsonlResult = { records: 0, bad: 0, failedInputs: 0, bytesIn: 0, bytesOut: 0, interrupted: false };
  const textField = options.textField;
  let pool: Pool | undefined;
  let poolStarting: Promise<Pool> | undefined;
  const run = async (task: RecordTask, index: number): Promise<RecordOutcome> => {
    const inline = (t: RecordTask) => cleanRecords(t, sites);
    if (index === 0 || options.jobs <= 1) return inline(task);
    poolStarting ??= startPool(options.jobs, sites ? { repeats: sites.data } : undefined).then((p) => (pool = p));
    return runTask(await poolStarting, task, 'cleanRecords', inline);
  };
  const take = async (outcome: RecordOutcome) => {
    result.records += outcome.records;
    result.bad += outcome.problems.length;
    result.bytesIn += outcome.bytesIn;
    result.bytesOut += outcome.bytesOut;
    for (const problem of outcome.problems) report(problem);
    const { output } = outcome;
    // A Buffer (not the bare Uint8Array a thread hands back), so a writer that takes strings decodes it.
    if (output.byteLength > 0 && stdout.write(Buffer.from(output.buffer, output.byteOffset, output.byteLength)) === false && stdout.once) {
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
      // The bytes of the lines read but not yet in a batch, as slices of the chunks they came in.
      let pieces: Uint8Array[] = [];
      let pieceBytes = 0;
      let newlines = 0;
      let firstLine = 1;
      const close = (): RecordTask => {
        const bytes = concatBytes(pieces, pieceBytes);
        const task = { ...base, bytes, firstLine };
        firstLine += lineBreaks(bytes);
        pieces = [];
        pieceBytes = 0;
        newlines = 0;
        return task;
      };
      try {
        for await (const bytes of withoutBom(input)) {
          let from = 0;
          let at = 0;
          // A batch ends only after a "\n" byte, which is never part of a longer UTF-8 sequence nor splits a
          // "\r\n", so every batch holds whole lines and decodes on its own exactly as the stream would.
          while ((at = bytes.indexOf(NEWLINE, at) + 1) > 0) {
            newlines++;
            if (newlines >= MAX_LINES_PER_TASK || pieceBytes + (at - from) >= MAX_BYTES_PER_TASK) {
              pieces.push(bytes.subarray(from, at));
              pieceBytes += at - from;
              from = at;
              yield close();
            }
          }
          if (from < bytes.length) {
            pieces.push(bytes.subarray(from));
            pieceBytes += bytes.length - from;
          }
        }
      } catch (error) {
        result.failedInputs++;
        report(`${source.name}: ${describeError(error)} (after line ${firstLine - 1 + newlines})`);
      } finally {
        input.destroy();
      }
      if (pieceBytes > 0) yield close();
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

const BOM = [0xef, 0xbb, 0xbf];

/**
 * The input's bytes without a UTF-8 byte-order mark at its start, which text input skips too (decode.ts)
 * and which would make the first record invalid JSON. The first bytes are held until they can no longer
 * be the start of a mark, since a mark may come split over chunks.
 */
export async function* withoutBom(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  let head: Uint8Array | undefined = new Uint8Array(0);
  for await (const chunk of input) {
    let bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (head) {
      bytes = head.length === 0 ? bytes : Buffer.concat([head, bytes]);
      if (bytes.length < BOM.length && bytes.every((b, i) => b === BOM[i])) {
        head = bytes;
        continue;
      }
      head = undefined;
      if (BOM.every((b, i) => bytes[i] === b)) bytes = bytes.subarray(BOM.length);
    }
    if (bytes.length > 0) yield bytes;
  }
  if (head && head.length > 0) yield head;
}

/**
 * `pieces` joined into one buffer of its own (never a slice of Node's shared pool), so a batch holds only
 * its own bytes and nothing else is copied with it to a thread.
 */
function concatBytes(pieces: readonly Uint8Array[], total: number): Uint8Array {
  if (pieces.length === 1 && pieces[0]!.byteOffset === 0 && pieces[0]!.byteLength === pieces[0]!.buffer.byteLength) return pieces[0]!;
  const joined = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    joined.set(piece, at);
    at += piece.byteLength;
  }
  return joined;
}

/**
 * Lines in a batch as a line reader counts them: "\r\n", "\n" and a lone "\r" each end one, and a last
 * line without an ending (at the end of the input) counts too.
 */
function lineBreaks(bytes: Uint8Array): number {
  let count = 0;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buffer.indexOf(NEWLINE); at !== -1; at = buffer.indexOf(NEWLINE, at + 1)) count++;
  for (let at = buffer.indexOf(RETURN); at !== -1; at = buffer.indexOf(RETURN, at + 1)) if (buffer[at + 1] !== NEWLINE) count++;
  const last = buffer[buffer.length - 1];
  return last === NEWLINE || last === RETURN ? count : count + 1;
}
