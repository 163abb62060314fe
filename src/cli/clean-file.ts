// One input file through the whole job: read, decode, strip, format. Used for stdout and for -o alike.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { strip } from '../core/strip.js';
import type { StripOptions } from '../core/types.js';
import { formatSize, formatSizes, type CliOptions } from './args.js';
import { decodeInput } from './decode.js';
import { RefusedInputError } from './errors.js';
import { formatResult } from './format.js';

/** What cleaning needs of the options: plain data, so a batch can hand it to a worker thread. */
export type CleanOptions = Pick<CliOptions, 'format' | 'withMetadata' | 'view' | 'colourOutput' | 'terminalOutput' | 'encoding' | 'maxSize' | 'maxLines' | 'crlf' | 'stripOptions'>;

export function cleanOptionsOf(options: CliOptions): CleanOptions {
  const { format, withMetadata, view, colourOutput, terminalOutput, encoding, maxSize, maxLines, crlf, stripOptions } = options;
  return { format, withMetadata, view, colourOutput, terminalOutput, encoding, maxSize, maxLines, crlf, stripOptions };
}

/**
 * Reads a whole input, refusing it before reading when it is larger than `maxSize`: the size is taken from
 * the open file, so a file cannot be swapped for a bigger one between the check and the read.
 * Synchronous on purpose: a batch reads thousands of small files, and each call of fs/promises is a
 * round trip through libuv's thread pool (open, stat, read, close: four hand-overs per file), which cost
 * more than cleaning the page; the batch runs this in worker threads or between tasks, so nothing waits.
 */
export function readInput(file: string, maxSize: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new RefusedInputError('is a folder, not a file');
    if (info.size > maxSize) throw tooLarge(info.size, maxSize);
    // What readFileSync(fd) does, without the second fstat it makes: a regular file's size is read, and
    // anything else (a pipe, a device), or a file that says it is empty (as /proc's files do), until its
    // end, but no further than --max-size: /dev/zero or an endless pipe has no end.
    return info.isFile() && info.size > 0 ? readExactly(fd, info.size) : readUpTo(fd, maxSize);
  } finally {
    closeSync(fd);
  }
}

/** Bytes read at a time from an input of unknown size: a pipe hands over at most 64 KiB at once. */
const UNKNOWN_SIZE_CHUNK = 1 << 16;

/** `fd` until its end, refused as too large once more than `maxSize` bytes have come. */
function readUpTo(fd: number, maxSize: number): Buffer {
  const chunks: Buffer[] = [];
  const buffer = Buffer.allocUnsafe(UNKNOWN_SIZE_CHUNK);
  let size = 0;
  for (;;) {
    const count = readSync(fd, buffer, 0, buffer.length, null);
    if (count === 0) break;
    size += count;
    if (size > maxSize) throw new RefusedInputError(`larger than --max-size ${formatSize(maxSize)}; skipped`);
    // Copied out: a pipe's writer may hand over a few bytes at a time, and a whole buffer for each would
    // hold many times the input.
    chunks.push(Buffer.from(buffer.subarray(0, count)));
  }
  return Buffer.concat(chunks, size);
}

/** `size` bytes from the start of `fd`, fewer if the file ends sooner. */
function readExactly(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const count = readSync(fd, buffer, read, size - read, null);
    if (count === 0) break;
    read += count;
  }
  return read === size ? buffer : buffer.subarray(0, read);
}

/**
 * Refuses a text of more than `maxLines` lines: past a few million, the pipeline's memory ran out. Lines
 * end as split-blocks ends them (\r\n, \r or \n), and a last line needs no break, as `wc -l` counts
 * with one; the count stops at the limit, so a long text costs no more than the limit's worth of reading.
 */
export function refuseManyLines(text: string, maxLines: number): void {
  const problem = lineLimitProblem(text, maxLines);
  if (problem !== undefined) throw new RefusedInputError(`${problem}; skipped`);
}

/** What is wrong with a text of more than `maxLines` lines ("more than 3 lines (--max-lines)"), or undefined. */
export function lineLimitProblem(text: string, maxLines: number): string | undefined {
  // Every line holds at least one code unit (its break, or the last line's characters), so a text no
  // longer than the limit is within it: nearly every page, which then costs no pass over its text (the
  // pass was 2 % of a batch, made twice with cross-page evidence).
  if (text.length <= maxLines) return undefined;
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x0a && code !== 0x0d) continue;
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    if (++breaks > maxLines) break;
  }
  const last = text.charCodeAt(text.length - 1);
  const lines = breaks + (text.length > 0 && last !== 0x0a && last !== 0x0d ? 1 : 0);
  return lines > maxLines ? `more than ${maxLines.toLocaleString('en-US')} lines (--max-lines)` : undefined;
}

export function tooLarge(size: number, maxSize: number): RefusedInputError {
  const [shown, limit] = formatSizes(size, maxSize);
  return new RefusedInputError(`${shown}, larger than --max-size ${limit}; skipped`);
}

/**
 * Cleans already-read bytes; `source` names them in json output ("-" for standard input). `extra` adds
 * strip options, or makes them from the decoded text (the site a page names, see core/site/header-site).
 */
export async function cleanBytes(bytes: Uint8Array, source: string, options: CleanOptions, extra: StripOptions | ((text: string) => StripOptions) = {}): Promise<Cleaned> {
  const text = decodeInput(bytes, { encoding: options.encoding });
  refuseManyLines(text, options.maxLines);
  const result = strip(text, { ...options.stripOptions, ...(typeof extra === 'function' ? extra(text) : extra) });
  // --explain, --diff (with jsdiff) and chalk are loaded only by the runs that ask for them.
  const colour = async () => new (await import('chalk')).Chalk({ level: options.colourOutput ? 1 : 0 });
  let output: string;
  if (options.view === 'explain') {
    output = (await import('./explain.js')).formatExplain(text, result, await colour());
  } else {
    output = formatResult(result, { format: options.format, withMetadata: options.withMetadata, source, bytesIn: bytes.length });
    if (options.view === 'diff') output = (await import('./diff.js')).formatDiff(source, text, output, await colour(), options.terminalOutput);
  }
  return { output: options.crlf ? output.replaceAll('\n', '\r\n') : output, textBytes: Buffer.byteLength(result.text) };
}

/**
 * What cleaning a page gives: the output to write (the clean text, or a report of it: JSON, --explain,
 * --diff) and the size in UTF-8 bytes of the clean text itself, which the summary sets against the
 * input's: a report is larger than the page it describes, and its size said "-168% removed".
 */
export interface Cleaned {
  output: string;
  textBytes: number;
}
