// One input file through the whole job: read, decode, strip, format. Used for stdout and for -o alike.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Chalk } from 'chalk';
import { strip } from '../core/strip.js';
import type { CliOptions } from './args.js';
import { decodeInput } from './decode.js';
import { formatExplain } from './explain.js';
import { formatResult } from './format.js';
import type { InputFile } from './inputs.js';

export async function cleanFile(file: InputFile, options: CliOptions, cwd: string): Promise<string> {
  const bytes = await readFile(path.resolve(cwd, file.path));
  return cleanBytes(bytes, file.path, options);
}

/** Cleans already-read bytes; `source` names them in json output ("-" for standard input). */
export async function cleanBytes(bytes: Uint8Array, source: string, options: CliOptions): Promise<string> {
  const text = decodeInput(bytes);
  const result = strip(text, options.stripOptions ?? {});
  const colour = new Chalk({ level: options.colourOutput ? 1 : 0 });
  if (options.view === 'explain') return formatExplain(text, result, colour);
  const output = formatResult(result, { format: options.format, withMetadata: options.withMetadata, source, bytesIn: bytes.length });
  if (options.view === 'diff') {
    // jsdiff is loaded only by the runs that ask for a diff.
    const { formatDiff } = await import('./diff.js');
    return formatDiff(source, text, output, colour);
  }
  return output;
}
