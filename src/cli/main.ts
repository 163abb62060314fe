// main(): the whole CLI as a function of its arguments and streams, returning the exit code. It never
// calls process.exit, so tests run it in-process and the bin shim only sets process.exitCode.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { Chalk } from 'chalk';
import { strip } from '../core/strip.js';
import { parseArgs, type CliOptions } from './args.js';
import { decodeInput } from './decode.js';
import { describeError, UsageError } from './errors.js';
import { formatResult } from './format.js';
import { expandInputs, type InputFile } from './inputs.js';
import { writeFileAtomic } from './write-output.js';
import { VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface MainParams {
  argv: readonly string[];
  stdin: AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd?: string;
}

export async function main(params: MainParams): Promise<number> {
  const { stdout, stderr } = params;
  const cwd = params.cwd ?? process.cwd();
  let colour = new Chalk({ level: stderr.isTTY ? 1 : 0 });
  const report = (message: string) => stderr.write(`${colour.red('boilerstrip:')} ${message}\n`);
  try {
    const parsed = parseArgs(params.argv, VERSION, (s) => stdout.write(s), (s) => stderr.write(s));
    if (parsed.kind === 'done') return parsed.exitCode;
    const { options } = parsed;
    if (!options.color) colour = new Chalk({ level: 0 });
    if (options.inputs.length === 0 || (options.inputs.length === 1 && options.inputs[0] === '-')) {
      return await cleanStdin(params, options);
    }
    return await cleanFiles(params, options, cwd, report);
  } catch (error) {
    if (error instanceof UsageError) {
      report(`${error.message}\nTry 'boilerstrip --help' for usage.`);
      return EXIT_USAGE;
    }
    report(`unexpected error: ${describeError(error)}`);
    return EXIT_INPUT_FAILED;
  }
}

async function cleanStdin(params: MainParams, options: CliOptions): Promise<number> {
  if (options.outDir !== undefined) throw new UsageError('--out-dir needs file or folder inputs, not standard input');
  const chunks: Buffer[] = [];
  for await (const chunk of params.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  const bytes = Buffer.concat(chunks);
  let text: string;
  try {
    text = decodeInput(bytes);
  } catch (error) {
    params.stderr.write(`boilerstrip: standard input: ${describeError(error)}\n`);
    return EXIT_INPUT_FAILED;
  }
  params.stdout.write(formatResult(strip(text), { format: options.format, withMetadata: options.withMetadata, source: '-', bytesIn: bytes.length }));
  return EXIT_OK;
}

async function cleanFiles(params: MainParams, options: CliOptions, cwd: string, report: (m: string) => void): Promise<number> {
  if (options.outDir === undefined && options.inputs.length > 1) {
    throw new UsageError(`${options.inputs.length} inputs: several inputs need --out-dir (-o) to say where the outputs go`);
  }
  const { files, errors } = await expandInputs(options.inputs, cwd);
  let failed = errors.length;
  for (const e of errors) report(`${e.input}: ${e.message}`);

  if (options.outDir === undefined) {
    if (files.length > 1) {
      throw new UsageError(`${files.length} input files: several inputs need --out-dir (-o) to say where the outputs go`);
    }
    const file = files[0];
    if (file) {
      const output = await cleanOne(file, options, cwd).catch((error: unknown) => {
        report(`${file.path}: ${describeError(error)}`);
        return undefined;
      });
      if (output === undefined) failed++;
      else params.stdout.write(output);
    }
    return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
  }

  const outDir = path.resolve(cwd, options.outDir);
  const inputPaths = new Set(await Promise.all(files.map((f) => realpath(path.resolve(cwd, f.path)).catch(() => path.resolve(cwd, f.path)))));
  for (const file of files) {
    const destination = outputPath(outDir, file, options.format);
    try {
      if (inputPaths.has(destination) || inputPaths.has(await realpath(destination).catch(() => destination))) {
        throw new Error(`output ${destination} would overwrite an input; choose another --out-dir`);
      }
      await writeFileAtomic(destination, await cleanOne(file, options, cwd));
    } catch (error) {
      failed++;
      report(`${file.path}: ${describeError(error)}`);
    }
  }
  return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}

async function cleanOne(file: InputFile, options: CliOptions, cwd: string): Promise<string> {
  const bytes = await readFile(path.resolve(cwd, file.path));
  const text = decodeInput(bytes);
  return formatResult(strip(text), { format: options.format, withMetadata: options.withMetadata, source: file.path, bytesIn: bytes.length });
}

/** Where the output of `file` goes: same relative path; json output takes a .json extension. */
export function outputPath(outDir: string, file: InputFile, format: CliOptions['format']): string {
  const relative = format === 'json' ? replaceExtension(file.relative, '.json') : file.relative;
  return path.join(outDir, relative);
}

function replaceExtension(file: string, extension: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, parsed.name + extension);
}
