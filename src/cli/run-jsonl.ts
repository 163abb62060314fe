// --input-format jsonl: JSON Lines from standard input or files to standard output, one cleaned record per
// input record, in input order. --input-format wet goes the same way: read-wet.ts turns a WET file's
// records into JSON lines as they are read, and all that follows is this path's. Lines are read as a
// stream (a line over --max-size is dropped as it is read, and reported in its place) and go in batches
// through clean-records.ts, in this thread for the first batch and in the worker pool after it (when
// -j > 1), so a small input never starts threads. The ordered window in pool.ts bounds what is in memory
// and waits for standard output to drain before reading on: memory stays flat for any input size, and a
// slow reader slows the reading instead of filling memory.
import path from 'node:path';
import { Readable } from 'node:stream';
import { formatSizes, type CliOptions } from './args.js';
import { cleanRecords, type RecordOutcome, type RecordTask } from './clean-records.js';
import { BINARY_HEAD_BYTES, binaryKind, bomEncoding, NotTextError } from './decode.js';
import { describeError } from './errors.js';
import { openStream } from './read-stream.js';
import type { SiteRepeats } from '../core/site/site-repeats.js';
import type { WetBatch, WetBatcher } from './read-wet.js';
import { runInOrder, runTask, startPool, TAKE_ALL, type Pool } from './pool.js';

/**
 * The largest record read whatever --max-size says: a line is decoded to one string, and V8's strings end
 * at 2^29 - 24 UTF-16 units, which no more UTF-8 bytes than that can exceed; a longer line is dropped as
 * it is read.
 */
const MAX_RECORD_BYTES = 2 ** 29 - 24;

/** The most bytes a record may have under `maxSize` (--max-size). */
export function recordLimit(maxSize: number): number {
  return Math.min(maxSize, MAX_RECORD_BYTES);
}

/** Why a record of `size` bytes is refused under `maxSize`, for the message "FILE:LINE: …". */
export function recordTooLarge(size: number, maxSize: number): string {
  const limit = recordLimit(maxSize);
  const [shown, most] = formatSizes(size, limit);
  return `${shown}, larger than ${limit < maxSize ? `${most}, the most a record can be` : `--max-size ${most}`}`;
}
/** A batch closes at this many lines ... */
export const MAX_LINES_PER_TASK = 256;
/** ... or this many bytes (256 KiB), whichever comes first: enough to hide the hand-over to a thread. */
export const MAX_BYTES_PER_TASK = 1 << 18;
/**
 * How long whole lines wait for their batch to fill while the input sends nothing more: a producer that
 * writes a record now and then (`tail -f`, a queue's consumer) gets each cleaned record this soon, not when
 * 256 of them have come or the input ends.
 */
const STALL_MS = 100;
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

/** A line over --max-size, dropped unread: what is reported in its place. */
interface Refusal {
  refused: string;
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
  const run = async (task: RecordTask | Refusal, index: number): Promise<RecordOutcome> => {
    if ('refused' in task) return { output: new Uint8Array(0), problems: [task.refused], records: 1, bytesIn: 0, bytesOut: 0 };
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

  // Loaded for WET input only (it brings zlib in).
  const wet = options.inputFormat === 'wet' ? await import('./read-wet.js') : undefined;
  async function* batches(): AsyncGenerator<RecordTask | Refusal | typeof TAKE_ALL> {
    for (const source of sources) {
      let input: Readable;
      try {
        input = await source.open();
      } catch (error) {
        result.failedInputs++;
        report(`${source.name}: ${describeError(error)}`);
        continue;
      }
      // Stopped (Ctrl-C, SIGTERM), a pipe whose writer sends nothing more would hold the run until it
      // did: the input is closed, and the batches read so far are all there is.
      const close = () => input.destroy();
      signal?.addEventListener('abort', close, { once: true });
      const base = { source: source.name, textField, idField: options.idField, onBadRecord: options.onBadRecord, maxLines: options.maxLines, ...(wet && { unit: 'record' as const }) };
      const lines: RecordReader = wet ? new wet.WetBatcher(recordLimit(options.maxSize)) : new LineBatcher(recordLimit(options.maxSize));
      const pending: WetBatch[] = [];
      const where = (n: number) => (wet ? `${source.name}: record ${n}` : `${source.name}:${n}`);
      const task = (batch: WetBatch): RecordTask | Refusal =>
        'bytes' in batch
          ? { ...base, ...batch }
          : 'malformed' in batch
            ? { refused: `${source.name}: ${batch.malformed}` }
            : { refused: `${where(batch.line)}: ${recordTooLarge(batch.tooLarge, options.maxSize)}; skipped` };
      try {
        // A WET file is read plain or gzipped (its signature decides); JSON Lines refuse a compressed file.
        for await (const bytes of wet ? withStalls(withoutBom(wet.gunzipIfGzip(input))) : refusingBinary(withStalls(withoutBom(input)))) {
          // The input keeps us waiting: the whole lines read so far are cleaned and written now.
          if (bytes === STALLED) {
            lines.flush(pending);
            for (const batch of pending) yield task(batch);
            pending.length = 0;
            yield TAKE_ALL;
            continue;
          }
          lines.push(bytes, pending);
          for (const batch of pending) yield task(batch);
          pending.length = 0;
        }
      } catch (error) {
        if (signal?.aborted) return;
        if (error instanceof NotTextError) {
          // A compressed or binary file given by mistake: one line, not a "bad record" per line of bytes.
          result.failedInputs++;
          report(`${source.name}: ${error.message}`);
          continue;
        }
        result.failedInputs++;
        if (lines instanceof LineBatcher) {
          const read = lines.linesRead;
          report(`${source.name}: ${describeError(error)}${read > 0 ? ` (after line ${read})` : ''}`);
        } else {
          const where = (lines as WetBatcher).abandon();
          report(`${source.name}: ${describeError(error)}${where ? ` ${where}` : ''}`);
        }
      } finally {
        signal?.removeEventListener('abort', close);
        input.destroy();
      }
      if (signal?.aborted) return;
      lines.end(pending);
      for (const batch of pending) yield task(batch);
    }
  }

  try {
    result.interrupted = await runInOrder(batches(), run, Math.max(1, options.jobs) * IN_FLIGHT_PER_THREAD, take, signal);
  } finally {
    await (pool ?? (await poolStarting?.catch(() => undefined)))?.destroy();
  }
  return result;
}

/** Yielded by withStalls when the input keeps its reader waiting. */
export const STALLED = Symbol('stalled');

/** The items of `source`, and STALLED each time the next one keeps the reader waiting longer than STALL_MS. */
export async function* withStalls<T>(source: AsyncIterable<T>): AsyncGenerator<T | typeof STALLED> {
  const items = source[Symbol.asyncIterator]();
  for (;;) {
    const next = items.next();
    // Awaited below, unless the reader stops at a STALLED (Ctrl-C): a rejection after that is caught here,
    // not reported as unhandled.
    next.catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<typeof STALLED>((resolve) => (timer = setTimeout(resolve, STALL_MS, STALLED)));
    let step: IteratorResult<T> | typeof STALLED;
    try {
      step = await Promise.race([next, stalled]);
    } finally {
      clearTimeout(timer);
    }
    if (step === STALLED) {
      yield STALLED;
      step = await next;
    }
    if (step.done) return;
    yield step.value;
  }
}

/** A source for each input file, opened only when its turn comes (so 10,000 shards hold one handle). */
export function fileSource(file: string, cwd: string): JsonlSource {
  return {
    name: file,
    // A pipe named as an input (`<(zcat records.jsonl.gz)`) through the event loop: see openStream.
    open: () => openStream(path.resolve(cwd, file)),
  };
}

export function stdinSource(stdin: AsyncIterable<Uint8Array | string>): JsonlSource {
  return { name: '-', open: async () => (stdin instanceof Readable ? stdin : Readable.from(stdin)) };
}

/** What cuts an input into batches: LineBatcher (JSON Lines) or WetBatcher (read-wet.ts). */
export interface RecordReader {
  push(bytes: Uint8Array, out: WetBatch[]): void;
  flush(out: WetBatch[]): void;
  end(out: WetBatch[]): void;
}

/** Whole lines to clean, or a line over --max-size that was dropped: its size and line number. */
export type Batch = { bytes: Uint8Array; firstLine: number } | { tooLarge: number; line: number };

/**
 * Cuts an input's bytes into batches of whole lines as they arrive, and drops a line longer than
 * `maxSize` bytes as it is read, keeping none of it: one line without an end could otherwise fill memory,
 * and a line over 512 MB cannot even be a string. So what is held is at most a batch and one line of at
 * most `maxSize`. Lines end as a line reader ends them ("\n", "\r\n" or a lone "\r"), so a file with old
 * Mac line endings is not one long line.
 */
export class LineBatcher {
  /** The bytes read but not yet in a batch (whole lines, then the start of the unfinished one). */
  private pieces: Uint8Array[] = [];
  private pieceBytes = 0;
  /** Whole lines in `pieces`. */
  private lines = 0;
  /** 1-based number of the first line in `pieces` (or of the line being dropped). */
  private firstLine = 1;
  /** Bytes of the unfinished line read so far: the end of `pieces`, or dropped when `dropping`. */
  private lineBytes = 0;
  /** The unfinished line is over `maxSize`: its bytes are dropped as they come. */
  private dropping = false;
  /** The last chunk ended in "\r": a "\n" first in the next belongs to the same line end. */
  private endedInReturn = false;
  /**
   * ... and that line has already left `pieces` (dropped as over the limit, or sent out by a flush): a
   * "\n" first in the next chunk is the rest of its line end, and is passed over.
   */
  private lineEndIsOut = false;

  constructor(private readonly maxSize: number) {}

  /** Bytes read and held for a batch to come: never more than a batch and one line of `maxSize`. */
  get bytesHeld(): number {
    return this.pieceBytes;
  }

  /** Lines read to the end so far, for a message about a read that failed. */
  get linesRead(): number {
    return this.firstLine - 1 + this.lines;
  }

  /** Takes the next chunk of the input; adds to `out` the batches and refusals it completes, in order. */
  push(bytes: Uint8Array, out: Batch[]): void {
    const length = bytes.length;
    let from = 0; // start of this chunk's bytes not yet in `pieces` nor dropped
    let lineStart = 0; // start of the unfinished line in this chunk
    if (this.endedInReturn && bytes[0] === NEWLINE) {
      lineStart = 1;
      if (this.lineEndIsOut) from = 1;
    }
    this.endedInReturn = false;
    this.lineEndIsOut = false;
    let newline = indexOrEnd(bytes, NEWLINE, lineStart);
    let lineReturn = indexOrEnd(bytes, RETURN, lineStart);
    while (newline < length || lineReturn < length) {
      const lineEnd = Math.min(newline, lineReturn);
      let next = lineEnd + 1;
      if (lineEnd === lineReturn) {
        if (bytes[next] === NEWLINE) next++;
        else if (next === length) this.endedInReturn = true;
      }
      if (newline < next) newline = indexOrEnd(bytes, NEWLINE, next);
      if (lineReturn < next) lineReturn = indexOrEnd(bytes, RETURN, next);
      const size = this.lineBytes + lineEnd - lineStart;
      if (!this.dropping && size > this.maxSize) this.startDropping(bytes, from, lineStart, out);
      if (this.dropping) {
        out.push({ tooLarge: size, line: this.firstLine++ });
        this.dropping = false;
        this.lineEndIsOut = this.endedInReturn;
        from = next;
      } else {
        this.lines++;
        // Cut only where the line end is whole: a "\r" last in the chunk may be the start of a "\r\n". A
        // line end is never inside a UTF-8 sequence, so each batch decodes on its own as the stream would.
        if (!this.endedInReturn && (this.lines >= MAX_LINES_PER_TASK || this.pieceBytes + (next - from) >= MAX_BYTES_PER_TASK)) {
          this.pieces.push(bytes.subarray(from, next));
          this.pieceBytes += next - from;
          from = next;
          out.push(this.close());
        }
      }
      this.lineBytes = 0;
      lineStart = next;
    }
    const size = this.lineBytes + length - lineStart;
    if (!this.dropping && size > this.maxSize) this.startDropping(bytes, from, lineStart, out);
    this.lineBytes = size;
    if (!this.dropping && from < length) {
      this.pieces.push(bytes.subarray(from));
      this.pieceBytes += length - from;
    }
  }

  /** The input has ended: adds to `out` what is left. */
  end(out: Batch[]): void {
    if (this.dropping) {
      out.push({ tooLarge: this.lineBytes, line: this.firstLine++ });
      this.dropping = false;
    } else if (this.pieceBytes > 0) {
      out.push(this.close());
    }
    this.lineBytes = 0;
  }

  /**
   * The input is waiting: the whole lines held go out as a batch now, and the start of the unfinished line
   * stays for the next. A "\r" last in the chunk ended its line, which goes out too; a "\n" first in the
   * next chunk is then the rest of that line's end, and is passed over as after a dropped line.
   */
  flush(out: Batch[]): void {
    // (While a line is being dropped no whole line is held: the ones before it went out when it began.)
    if (this.lines === 0) return;
    const unfinished = this.takeTail(this.lineBytes);
    out.push(this.close());
    for (const piece of unfinished) this.pieces.push(piece);
    this.pieceBytes = this.lineBytes;
    if (this.endedInReturn) this.lineEndIsOut = true;
  }

  /**
   * The unfinished line, which started at `lineStart` in `bytes` or in an earlier chunk, is over the limit:
   * the whole lines before it go out as a batch, and its bytes held so far are let go.
   */
  private startDropping(bytes: Uint8Array, from: number, lineStart: number, out: Batch[]): void {
    this.takeTail(this.lineBytes);
    if (lineStart > from) {
      this.pieces.push(bytes.subarray(from, lineStart));
      this.pieceBytes += lineStart - from;
    }
    if (this.pieceBytes > 0) out.push(this.close());
    this.dropping = true;
  }

  /** Takes the last `count` bytes off `pieces` and returns them, in order. */
  private takeTail(count: number): Uint8Array[] {
    const taken: Uint8Array[] = [];
    this.pieceBytes -= count;
    while (count > 0) {
      const last = this.pieces.pop()!;
      if (last.length > count) {
        this.pieces.push(last.subarray(0, last.length - count));
        taken.unshift(last.subarray(last.length - count));
      } else {
        taken.unshift(last);
      }
      count -= Math.min(count, last.length);
    }
    return taken;
  }

  private close(): Batch {
    const bytes = concatBytes(this.pieces, this.pieceBytes);
    const batch = { bytes, firstLine: this.firstLine };
    // The lines ended in the batch; at the input's end it may also hold one without an end, and no line follows.
    this.firstLine += this.lines;
    this.pieces = [];
    this.pieceBytes = 0;
    this.lines = 0;
    return batch;
  }
}

/** Where `byte` next is in `bytes` from `from` on, or the length when it is not there. */
function indexOrEnd(bytes: Uint8Array, byte: number, from: number): number {
  const at = bytes.indexOf(byte, from);
  return at === -1 ? bytes.length : at;
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * The input's bytes, once its first BINARY_HEAD_BYTES (or all of it, if shorter) show it is no binary file:
 * a NotTextError otherwise, before any of it is passed on. Crawls are often stored as .jsonl.gz.
 */
export async function* refusingBinary<Marker extends symbol = never>(input: AsyncIterable<Uint8Array | Marker>): AsyncGenerator<Uint8Array | Marker> {
  let head: Uint8Array[] | undefined = [];
  let headBytes = 0;
  const check = () => {
    const joined = Buffer.concat(head!);
    // UTF-16 is text, full of NUL bytes: said for what it is.
    if (bomEncoding(joined)?.startsWith('utf-16')) {
      throw new NotTextError('UTF-16 text, not JSON Lines, which are UTF-8; skipped (convert it first: iconv -f UTF-16 -t UTF-8)');
    }
    const kind = binaryKind(joined);
    if (kind !== undefined) throw new NotTextError(`binary file (${kind}), not JSON Lines; skipped`);
    head = undefined;
    return joined;
  };
  for await (const bytes of input) {
    if (typeof bytes === 'symbol') {
      // A marker (the input keeps us waiting): what has come decides, rather than a record waiting for
      // bytes that may not come for a long time; once a whole line has come, as there is nothing to hand
      // on before (a byte or two of a gzip file is no line, and waits for the rest of its signature).
      if (head !== undefined && head.some(holdsLineEnd)) yield check();
      yield bytes;
      continue;
    }
    if (head === undefined) {
      yield bytes;
      continue;
    }
    head.push(bytes);
    headBytes += bytes.length;
    if (headBytes >= BINARY_HEAD_BYTES) yield check();
  }
  if (head !== undefined && headBytes > 0) yield check();
}

function holdsLineEnd(bytes: Uint8Array): boolean {
  return bytes.includes(NEWLINE) || bytes.includes(RETURN);
}

/**
 * The input's bytes without a UTF-8 byte-order mark at its start, which text input skips too (decode.ts)
 * and which would make the first record invalid JSON (a WET file's, no WARC line). The first bytes are held until they can no longer
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

