// One input file through the whole job: read, decode, strip, format. Used for stdout and for -o alike.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strip } from '../core/strip.js';
import type { StripOptions } from '../core/types.js';
import type { CliOptions } from './args.js';
import { decodeInput } from './decode.js';
import { formatResult } from './format.js';
import type { InputFile } from './inputs.js';

type CleanOptions = Pick<CliOptions, 'format' | 'withMetadata'>;

export async function cleanFile(file: InputFile, options: CleanOptions, cwd: string, stripOptions: StripOptions = {}): Promise<string> {
  const bytes = await readFile(path.resolve(cwd, file.path));
  return cleanBytes(bytes, file.path, options, stripOptions);
}

/** Cleans already-read bytes; `source` names them in json output ("-" for standard input). */
export function cleanBytes(bytes: Uint8Array, source: string, options: CleanOptions, stripOptions: StripOptions = {}): string {
  const text = decodeInput(bytes);
  return formatResult(strip(text, stripOptions), { format: options.format, withMetadata: options.withMetadata, source, bytesIn: bytes.length });
}
