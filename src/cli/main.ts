// main(): the whole CLI as a function of its arguments and streams, returning the exit code. It never
// calls process.exit, so tests run it in-process and the bin shim only sets process.exitCode.
import { Chalk } from 'chalk';
import { formatSize, parseArgs, type CliOptions } from './args.js';
import { cleanBytes, cleanFile } from './clean-file.js';
import { describeError, UsageError } from './errors.js';
import { expandInputs } from './inputs.js';
import { runBatch } from './run-batch.js';
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
      return await cleanStdin(params, options, report);
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

async function cleanStdin(params: MainParams, options: CliOptions, report: (m: string) => void): Promise<number> {
  if (options.outDir !== undefined) throw new UsageError('--out-dir needs file or folder inputs, not standard input');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of params.stdin) {
    const buffer = Buffer.from(chunk);
    size += buffer.length;
    // Stop reading at the limit rather than hold an endless pipe in memory.
    if (size > options.maxSize) {
      report(`standard input: larger than --max-size ${formatSize(options.maxSize)}; skipped`);
      return EXIT_INPUT_FAILED;
    }
    chunks.push(buffer);
  }
  try {
    params.stdout.write(cleanBytes(Buffer.concat(chunks), '-', options));
    return EXIT_OK;
  } catch (error) {
    report(`standard input: ${describeError(error)}`);
    return EXIT_INPUT_FAILED;
  }
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
    for (const file of files) {
      try {
        params.stdout.write(await cleanFile(file, options, cwd));
      } catch (error) {
        failed++;
        report(`${file.path}: ${describeError(error)}`);
      }
    }
  } else {
    failed += (await runBatch(files, { ...options, outDir: options.outDir }, cwd, report)).failed;
  }
  return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}
