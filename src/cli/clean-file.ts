// One input file through the whole job: read, decode, strip, format. Used for stdout and for -o alike.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { strip } from '../core/strip.js';
import type { StripOptions } from '../core/types.js';
import { formatSize, type CliOptions } from './args.js';
import { decodeInput } from './decode.js';
import { RefusedInputError } from './errors.js';
import { formatResult } from './format.js';
import type { InputFile } from './inputs.js';

/** What cleaning needs of the options: plain data, so a batch can hand it to a worker thread. */
export type CleanOptions = Pick<CliOptions, 'format' | 'withMetadata' | 'view' | 'colourOutput' | 'encoding' | 'maxSize' | 'crlf' | 'stripOptions'>;

export function cleanOptionsOf(options: CliOptions): CleanOptions {
  const { format, withMetadata, view, colourOutput, encoding, maxSize, crlf, stripOptions } = options;
  return { format, withMetadata, view, colourOutput, encoding, maxSize, crlf, stripOptions };
}

/** `extra` adds per-file strip options to the run's (the cross-page evidence of the file's site). */
export async function cleanFile(file: InputFile, options: CleanOptions, cwd: string, extra: StripOptions = {}): Promise<string> {
  const bytes = await readInput(path.resolve(cwd, file.path), options.maxSize);
  return cleanBytes(bytes, file.path, options, extra);
}

/**
 * Reads a whole input, refusing it before reading when it is larger than `maxSize`: the size is taken from
 * the open file, so a file cannot be swapped for a bigger one between the check and the read.
 */
export async function readInput(file: string, maxSize: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new RefusedInputError('is a folder, not a file');
    if (info.size > maxSize) throw tooLarge(info.size, maxSize);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export function tooLarge(size: number, maxSize: number): RefusedInputError {
  return new RefusedInputError(`${formatSize(size)}, larger than --max-size ${formatSize(maxSize)}; skipped`);
}

/** Cleans already-read bytes; `source` names them in json output ("-" for standard input). */
export async function cleanBytes(bytes: Uint8Array, source: string, options: CleanOptions, extra: StripOptions = {}): Promise<string> {
  const text = decodeInput(bytes, { encoding: options.encoding });
  const result = strip(text, { ...options.stripOptions, ...extra });
  // --explain, --diff (with jsdiff) and chalk are loaded only by the runs that ask for them.
  const colour = async () => new (await import('chalk')).Chalk({ level: options.colourOutput ? 1 : 0 });
  let output: string;
  if (options.view === 'explain') {
    output = (await import('./explain.js')).formatExplain(text, result, await colour());
  } else {
    output = formatResult(result, { format: options.format, withMetadata: options.withMetadata, source, bytesIn: bytes.length });
    if (options.view === 'diff') output = (await import('./diff.js')).formatDiff(source, text, output, await colour());
  }
  return options.crlf ? output.replaceAll('\n', '\r\n') : output;
}
