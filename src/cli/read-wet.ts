// --input-format wet: Common Crawl's WET files (WARC/1.0 or 1.1 records, the "conversion" ones holding a
// page's text) read as a stream and turned into the JSON Lines records run-jsonl.ts cleans, one line per
// record: {"url","date","recordId","language","text"}. Everything after that (batches, the ordered window
// over the worker threads, back-pressure, the output) is the JSON Lines path's, unchanged. What is held is
// the unfinished record (at most --max-size) and one batch.
//
// Framing (WARC 1.1, section 4): a version line "WARC/1.0", header lines "Name: value", a blank line, a
// block of exactly Content-Length bytes (bytes, not characters), then "\r\n\r\n". A malformed record is
// reported with its number and byte offset (in the uncompressed stream) and the reader resyncs at the
// next line starting "WARC/1.". Header lines may end in "\n" alone; blank lines between records are passed
// over, so a file whose records end with one blank line or three is read all the same.
import { createInflateRaw, crc32 } from 'node:zlib';
// A batch of records closes where run-jsonl.ts closes a batch of lines.
import { MAX_BYTES_PER_TASK, MAX_LINES_PER_TASK as MAX_RECORDS_PER_TASK, type Batch } from './run-jsonl.js';

/** What the reader gives: whole records to clean (one JSON line each), a refusal, or a malformed record. */
export type WetBatch = Batch | { malformed: string };

/**
 * The most bytes of header lines a record may have: Common Crawl's are under 1 KiB. More is no header but
 * something else (a binary file, text without framing), and is not held in memory.
 */
const MAX_HEADER_BYTES = 1 << 16;
/** The version line that starts a record (WARC/1.0, WARC/1.1), as bytes. */
const VERSION_PREFIX = Buffer.from('WARC/1.');
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const EMPTY = Buffer.alloc(0);

type State =
  /** Between records: blank lines are passed over, a version line starts a record. */
  | 'between'
  /** Reading header lines until a blank one. */
  | 'headers'
  /** Reading `need` more bytes of the block. */
  | 'block'
  /** Passing over `need` more bytes of a block over --max-size. */
  | 'dropping'
  /** After a malformed record: lines are passed over until one starts with "WARC/1.". */
  | 'resync';

/** The headers kept from a record, by lower-case name. */
const WANTED = new Set(['warc-type', 'warc-target-uri', 'warc-date', 'warc-record-id', 'warc-identified-content-language', 'content-length']);

/**
 * Cuts a WET stream (uncompressed) into batches of records as the bytes arrive. Each record in a batch is
 * one line: the JSON record of a conversion record, or an empty line for a record of another type
 * (warcinfo, …), which cleanRecords passes over, so that a batch's line n is its record firstLine + n and
 * a message from cleaning names the right record.
 */
export class WetBatcher {
  private state: State = 'between';
  /** The unfinished line (in every state but 'block' and 'dropping'); never more than MAX_HEADER_BYTES. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** Offset in the stream of the first byte held, or of the next byte when nothing is held. */
  private offset = 0;
  /** The line being read is over MAX_HEADER_BYTES: its bytes are passed over up to its end. */
  private skippingLine = false;
  /** Records started (version lines read): the number of the record being read. */
  private records = 0;
  private recordOffset = 0;
  private headers = new Map<string, string>();
  /** The record gives two different Content-Lengths: what is reported in its place. */
  private lengthConflict: string | undefined;
  /** The wanted header the last header line gave, which a continuation line goes on with. */
  private lastHeader: string | undefined;
  private headerBytes = 0;
  private need = 0;
  private length = 0;
  private block: Buffer[] = [];
  /** The JSON lines of the batch being filled, and the number of the record of its first line. */
  private lines: string[] = [];
  private lineBytes = 0;
  private firstRecord = 1;

  constructor(private readonly maxSize: number) {}

  /** Bytes held: the unfinished line (at most MAX_HEADER_BYTES) and the unfinished block (at most maxSize). */
  get bytesHeld(): number {
    return this.heldBytes + this.block.reduce((sum, piece) => sum + piece.length, 0);
  }

  /**
   * The reading failed (a bad gzip stream, a read error): where it stopped, for the one line that reports
   * it ("in record 3 (byte 1372)", "after record 2", or "" before any record), and the record it cut
   * short let go, so that end() does not report it a second time.
   */
  abandon(): string {
    const inRecord = this.state === 'headers' || this.state === 'block' || this.state === 'dropping';
    const where = inRecord ? `in record ${this.records} (byte ${this.recordOffset})` : this.records > 0 ? `after record ${this.records}` : '';
    this.state = 'between';
    this.held = [];
    this.heldBytes = 0;
    this.block = [];
    return where;
  }

  /** Takes the next chunk of the stream; adds to `out` the batches and problems it completes, in order. */
  push(chunk: Uint8Array, out: WetBatch[]): void {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.held.length > 0 || this.skippingLine) {
      // The unfinished line goes on: joined with what came before only once its end has come, so a line
      // that comes in many small chunks is not copied again with each.
      if (!bytes.includes(NEWLINE)) {
        if (this.skippingLine) this.offset += bytes.length;
        else this.hold(bytes, out);
        return;
      }
      if (this.held.length > 0) bytes = Buffer.concat([...this.held, bytes]);
      this.held = [];
      this.heldBytes = 0;
    }
    const base = this.offset;
    let at = 0;
    while (at < bytes.length) {
      if (this.state === 'block' || this.state === 'dropping') {
        const take = Math.min(this.need, bytes.length - at);
        // A copy: a slice would keep the whole chunk alive for as long as the batch.
        if (this.state === 'block') this.block.push(Buffer.from(bytes.subarray(at, at + take)));
        this.need -= take;
        at += take;
        if (this.need === 0) this.endBlock(out);
        continue;
      }
      const newline = bytes.indexOf(NEWLINE, at);
      if (newline === -1) break;
      const lineStart = at;
      at = newline + 1;
      if (this.skippingLine) {
        this.skippingLine = false;
        continue;
      }
      const end = newline > lineStart && bytes[newline - 1] === RETURN ? newline - 1 : newline;
      this.line(bytes.subarray(lineStart, end), base + lineStart, at - lineStart, out);
    }
    this.offset = base + at;
    if (at < bytes.length) this.hold(bytes.subarray(at), out);
  }

  /**
   * Holds the start of an unfinished line; a line over MAX_HEADER_BYTES is no framing line: it is
   * reported as line() would report it, and its bytes are passed over up to its end rather than held.
   */
  private hold(bytes: Buffer, out: WetBatch[]): void {
    this.held.push(Buffer.from(bytes));
    this.heldBytes += bytes.length;
    if (this.heldBytes <= MAX_HEADER_BYTES) return;
    const start = Buffer.concat(this.held).subarray(0, 64);
    if (this.state === 'between') {
      this.problem(out, this.records + 1, this.offset, `no WARC/1.0 line where a record must start (found ${describeLine(start)}); skipped to the next WARC/1. line`);
      this.state = 'resync';
    } else if (this.state === 'headers') {
      this.malformed(out, this.recordOffset, `headers longer than ${MAX_HEADER_BYTES} bytes`);
      this.state = 'resync';
    }
    this.offset += this.heldBytes;
    this.held = [];
    this.heldBytes = 0;
    this.skippingLine = true;
  }

  /** The stream has ended: adds to `out` what is left, and the record it cut short if it did. */
  end(out: WetBatch[]): void {
    const rest = Buffer.concat(this.held);
    this.held = [];
    this.heldBytes = 0;
    if (rest.length > 0 && !this.skippingLine) {
      // A last line without its line end.
      const end = rest[rest.length - 1] === RETURN ? rest.length - 1 : rest.length;
      this.line(rest.subarray(0, end), this.offset, rest.length, out);
      this.offset += rest.length;
    }
    if (this.state === 'headers') this.malformed(out, this.recordOffset, 'cut short in its headers by the end of the input');
    else if (this.state === 'block') this.malformed(out, this.recordOffset, `cut short: Content-Length is ${this.length} bytes, the input ended after ${this.length - this.need}`);
    this.state = 'between';
    this.close(out);
  }

  /** The stream is waiting: the records read so far go out as a batch now. */
  flush(out: WetBatch[]): void {
    this.close(out);
  }

  /** One line (its line end left out) at `offset`, `size` bytes with its line end. */
  private line(line: Buffer, offset: number, size: number, out: WetBatch[]): void {
    const isVersion = startsWith(line, VERSION_PREFIX);
    switch (this.state) {
      case 'between':
        if (isVersion) this.startRecord(offset);
        else if (!isBlank(line)) {
          this.problem(out, this.records + 1, offset, `no WARC/1.0 line where a record must start (found ${describeLine(line)}); skipped to the next WARC/1. line`);
          this.state = 'resync';
        }
        return;
      case 'resync':
        if (isVersion) this.startRecord(offset);
        return;
      case 'headers': {
        if (isVersion) {
          // The next record begins before this one's headers ended: this one is lost, that one is read.
          this.malformed(out, this.recordOffset, 'headers not ended by a blank line');
          this.startRecord(offset);
          return;
        }
        this.headerBytes += size;
        if (this.headerBytes > MAX_HEADER_BYTES) {
          this.malformed(out, this.recordOffset, `headers longer than ${MAX_HEADER_BYTES} bytes`);
          this.state = 'resync';
          return;
        }
        if (line.length === 0) {
          this.endHeaders(out);
          return;
        }
        const text = line.toString('utf8');
        if (line[0] === 0x20 || line[0] === 0x09) {
          // A continuation line (WARC 1.0's folding): it goes on with the value of the header before it.
          const value = this.lastHeader === undefined ? undefined : this.headers.get(this.lastHeader);
          const more = text.trim();
          if (value !== undefined && more !== '') this.headers.set(this.lastHeader!, value === '' ? more : `${value} ${more}`);
          return;
        }
        const colon = text.indexOf(':');
        this.lastHeader = undefined;
        if (colon <= 0) return; // noise: no header we read
        const name = text.slice(0, colon).trim().toLowerCase();
        if (!WANTED.has(name)) return;
        this.lastHeader = name;
        const value = text.slice(colon + 1).trim();
        const before = this.headers.get(name);
        // Two lengths that differ: read by either, the record would take in part of the next or leave a
        // piece of its text to be read as garbage. The first conflict is the one reported.
        if (name === 'content-length' && before !== undefined && before !== value) this.lengthConflict ??= `Content-Length given twice, "${before.slice(0, 40)}" and "${value.slice(0, 40)}"`;
        this.headers.set(name, value);
        return;
      }
      default:
        throw new Error(`line read in state ${this.state}`);
    }
  }

  private startRecord(offset: number): void {
    this.records++;
    this.recordOffset = offset;
    this.headers = new Map();
    this.lengthConflict = undefined;
    this.lastHeader = undefined;
    this.headerBytes = 0;
    this.state = 'headers';
  }

  private endHeaders(out: WetBatch[]): void {
    if (this.lengthConflict !== undefined) {
      this.malformed(out, this.recordOffset, this.lengthConflict);
      this.state = 'resync';
      return;
    }
    const given = this.headers.get('content-length');
    if (given === undefined || !/^\d{1,15}$/u.test(given)) {
      this.malformed(out, this.recordOffset, given === undefined ? 'no Content-Length header' : `bad Content-Length "${given.slice(0, 40)}"`);
      this.state = 'resync';
      return;
    }
    this.length = Number(given);
    this.need = this.length;
    this.block = [];
    if (this.length > this.maxSize) {
      this.close(out);
      out.push({ tooLarge: this.length, line: this.records });
      this.state = 'dropping';
    } else {
      this.state = 'block';
    }
    if (this.need === 0) this.endBlock(out);
  }

  private endBlock(out: WetBatch[]): void {
    const dropped = this.state === 'dropping';
    this.state = 'between';
    if (dropped) return;
    const block = this.block;
    this.block = [];
    let line = '';
    if (this.headers.get('warc-type') === 'conversion') {
      const record: Record<string, string> = {};
      const fields = [
        ['url', 'warc-target-uri'],
        ['date', 'warc-date'],
        ['recordId', 'warc-record-id'],
        ['language', 'warc-identified-content-language'],
      ] as const;
      for (const [field, header] of fields) {
        const value = this.headers.get(header);
        if (value !== undefined) record[field] = value;
      }
      // Common Crawl writes the text as UTF-8; a byte that is not becomes U+FFFD, as text input decodes it.
      record.text = (block.length === 1 ? block[0]! : Buffer.concat(block)).toString('utf8');
      line = JSON.stringify(record);
    }
    if (this.lines.length === 0) this.firstRecord = this.records;
    this.lines.push(line);
    this.lineBytes += line.length;
    if (this.lines.length >= MAX_RECORDS_PER_TASK || this.lineBytes >= MAX_BYTES_PER_TASK) this.close(out);
  }

  private close(out: WetBatch[]): void {
    if (this.lines.length === 0) return;
    out.push({ bytes: Buffer.from(`${this.lines.join('\n')}\n`), firstLine: this.firstRecord });
    this.lines = [];
    this.lineBytes = 0;
  }

  /** The record being read is malformed: reported in its place, after the records before it. */
  private malformed(out: WetBatch[], offset: number, what: string): void {
    this.problem(out, this.records, offset, `${what}; skipped`);
  }

  private problem(out: WetBatch[], record: number, offset: number, what: string): void {
    this.close(out);
    out.push({ malformed: `record ${record} (byte ${offset}): ${what}` });
  }
}

function startsWith(line: Buffer, prefix: Buffer): boolean {
  return line.length >= prefix.length && line.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}

function isBlank(line: Buffer): boolean {
  for (const byte of line) if (byte !== 0x20 && byte !== 0x09 && byte !== RETURN) return false;
  return true;
}

/** The start of a line, quoted and with its controls shown, for a message. */
function describeLine(line: Buffer): string {
  const text = line.subarray(0, 40).toString('utf8');
  return JSON.stringify(text.length < line.length ? `${text}…` : text);
}

/** The gzip signature (RFC 1952): a file starting with it is read through gunzip. */
const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * The bytes of `input`, gunzipped when they start with gzip's signature. Common Crawl's files are many
 * gzip members, one per record, concatenated: they are read one after another (gunzipMembers). A bad gzip
 * stream throws, named as such, after the output of every whole member before it.
 */
export async function* gunzipIfGzip(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  const chunks = input[Symbol.asyncIterator]();
  let head: Buffer = EMPTY;
  while (head.length < GZIP_MAGIC.length) {
    const next = await chunks.next();
    if (next.done) {
      if (head.length > 0) yield head;
      return;
    }
    head = Buffer.concat([head, Buffer.from(next.value)]);
  }
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    yield head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  };
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
    yield* rest();
    return;
  }
  yield* gunzipMembers(head, chunks);
}

/** How much compressed input goes to inflate at once: what one write can expand to is held (1032 times this at most). */
const WRITE_BYTES = 1 << 14;

class GzipError extends Error {
  constructor(what: string) {
    super(`bad gzip stream (${what})`);
  }
}

/**
 * The gzip members (RFC 1952) that start `first` and go on in `chunks`, inflated one after another, each
 * checked against its CRC-32 and length. Member by member rather than through zlib's gunzip, which reads
 * on past a member's end: bytes after a member that are no member (trailing garbage, a plain file
 * concatenated to a .gz) made it fail and drop the output of every member it had not handed over yet,
 * whole records included. Here every whole member is given before the bytes after it are refused; zero
 * bytes between or after members are padding, as gzip reads them.
 */
async function* gunzipMembers(first: Buffer, chunks: AsyncIterator<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  let pending: Buffer = first;
  let ended = false;
  const fill = async (n: number): Promise<boolean> => {
    while (pending.length < n && !ended) {
      const next = await chunks.next();
      if (next.done) ended = true;
      else pending = Buffer.concat([pending, typeof next.value === 'string' ? Buffer.from(next.value) : next.value]);
    }
    return pending.length >= n;
  };
  const need = async (n: number): Promise<void> => {
    if (!(await fill(n))) throw new GzipError('unexpected end of file');
  };
  let members = 0;
  for (;;) {
    if (!(await fill(1))) return;
    if (pending[0] === 0) {
      let zeros = 0;
      while (zeros < pending.length && pending[zeros] === 0) zeros++;
      pending = pending.subarray(zeros);
      continue;
    }
    await fill(2);
    if (pending.length < 2 || pending[0] !== GZIP_MAGIC[0] || pending[1] !== GZIP_MAGIC[1]) {
      throw new GzipError(members === 0 ? 'incorrect header check' : `bytes after gzip member ${members} that are no gzip member`);
    }
    // The header: 10 bytes, then the optional extra field, name, comment and header CRC its flags announce.
    await need(10);
    if (pending[2] !== 8) throw new GzipError('unknown compression method');
    const flags = pending[3]!;
    let at = 10;
    if (flags & 0x04) {
      await need(at + 2);
      at += 2 + pending.readUInt16LE(at);
    }
    for (const flag of [0x08, 0x10]) {
      if (!(flags & flag)) continue;
      for (;;) {
        await need(at + 1);
        const zero = pending.indexOf(0, at);
        if (zero !== -1) {
          at = zero + 1;
          break;
        }
        at = pending.length;
      }
    }
    if (flags & 0x02) at += 2;
    await need(at);
    pending = pending.subarray(at);
    // The deflate data: written in pieces until inflate takes no more of a piece (its end has come).
    const inflate = createInflateRaw();
    const out: Buffer[] = [];
    let crc = 0;
    let size = 0;
    let failure: Error | undefined;
    inflate.on('data', (bytes: Buffer) => {
      out.push(bytes);
      crc = crc32(bytes, crc);
      size += bytes.length;
    });
    // A write that fails is not called back: the error ends the wait for it instead.
    let settle = () => {};
    inflate.on('error', (error: Error) => {
      failure ??= error;
      settle();
    });
    const step = (act: (done: () => void) => void) =>
      new Promise<void>((resolve) => {
        settle = resolve;
        act(() => resolve());
      });
    try {
      let written = 0;
      let rest: Buffer = EMPTY;
      for (;;) {
        if (pending.length === 0 && !(await fill(1))) {
          // The input ends in the member: inflate says whether its data is whole (its trailer is then missing).
          await step((done) => inflate.end(done));
          yield* out.splice(0);
          if (failure) throw new GzipError(failure.message);
          break;
        }
        const piece = pending.subarray(0, WRITE_BYTES);
        pending = pending.subarray(piece.length);
        await step((done) => inflate.write(piece, done));
        written += piece.length;
        yield* out.splice(0);
        if (failure) throw new GzipError(failure.message);
        if (inflate.bytesWritten < written) {
          rest = piece.subarray(piece.length - (written - inflate.bytesWritten));
          break;
        }
      }
      pending = Buffer.concat([rest, pending]);
    } finally {
      inflate.destroy();
    }
    await need(8);
    if (pending.readUInt32LE(0) !== crc >>> 0) throw new GzipError('incorrect data check');
    if (pending.readUInt32LE(4) !== size % 2 ** 32) throw new GzipError('incorrect length check');
    pending = pending.subarray(8);
    members++;
  }
}
