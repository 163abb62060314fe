// main(): the whole CLI as a function of its arguments and streams, returning the exit code. It never
// calls process.exit, so tests run it in-process and the bin shim only sets process.exitCode.
import type { ChalkInstance } from 'chalk';
import { parseArgs, type CliOptions, type OptionSources } from './args.js';
import { cleanBytes, cleanFile } from './clean-file.js';
import { describeError, UsageError } from './errors.js';
import { loadConfig, mergeOptions, toStripOptions } from './config.js';
import { expandInputs } from './inputs.js';
import { VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface MainParams {
  argv: readonly string[];
  stdin: AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd?: string;
}

export async function main(params: MainParams): Promise<number> {
  const { stdout, stderr } = params;
  const cwd = params.cwd ?? process.cwd();
  // chalk is loaded only when messages can be coloured (standard error is a terminal), not by piped or scripted runs.
  let colour: ChalkInstance | undefined = stderr.isTTY ? new (await import('chalk')).Chalk({ level: 1 }) : undefined;
  const report = (message: string) => stderr.write(`${colour ? colour.red('boilerstrip:') : 'boilerstrip:'} ${message}\n`);
  try {
    const parsed = parseArgs(params.argv, VERSION, (s) => stdout.write(s), (s) => stderr.write(s));
    if (parsed.kind === 'done') return parsed.exitCode;
    if (parsed.kind === 'rules') {
      stdout.write((await import('./rules.js')).formatRules());
      return EXIT_OK;
    }
    if (!parsed.options.color) colour = undefined;
    const options = await resolveOptions(parsed.options, parsed.sources, cwd);
    if (options.printConfig) {
      stdout.write(options.printed);
      return EXIT_OK;
    }
    options.colourOutput = options.color && stdout.isTTY === true && options.outDir === undefined;
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
  for await (const chunk of params.stdin) chunks.push(Buffer.from(chunk));
  try {
    params.stdout.write(await cleanBytes(Buffer.concat(chunks), '-', options));
    return EXIT_OK;
  } catch (error) {
    report(`standard input: ${describeError(error)}`);
    return EXIT_INPUT_FAILED;
  }
}

async function cleanFiles(params: MainParams, options: CliOptions, cwd: string, report: (m: string) => void): Promise<number> {
  if (options.format === 'jsonl') return runJsonl(params, options, cwd, report);
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
    // Writing into --out-dir (atomic writes, path checks) is loaded only by the runs that use it.
    const { runBatch } = await import('./run-batch.js');
    failed += (await runBatch(files, { ...options, outDir: options.outDir }, cwd, report)).failed;
  }
  return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}

/**
 * The command line merged with the config file, checked and compiled once for the whole run. With
 * --print-config, also the effective configuration as text (the run stops there).
 */
async function resolveOptions(cli: CliOptions, sources: OptionSources, cwd: string): Promise<CliOptions & { printed: string }> {
  const config = await loadConfig(cli.config, cwd);
  const effective = mergeOptions(cli, sources, config);
  const options = { ...effective.options, stripOptions: toStripOptions(effective) };
  if (options.view && options.format !== 'text') {
    const from = effective.origins.format === '--format' ? `-f ${options.format}` : `format "${options.format}" from ${effective.origins.format}`;
    throw new UsageError(`--${options.view} shows the decisions as text; it cannot be combined with ${from}`);
  }
  if (options.format === 'jsonl' && options.outDir !== undefined) {
    throw new UsageError('-f jsonl writes one stream of records to standard output; leave out --out-dir, or use -f json for one file per input');
  }
  const printed = options.printConfig ? (await import('./config.js')).formatConfig(effective) : '';
  return { ...options, printed };
}

/**
 * -f jsonl: one compact JSON record per input, one per line, all on standard output. This is the one
 * output that takes several inputs without --out-dir: a stream of records is what jq and data pipelines
 * read. A failed input is reported on standard error and leaves no record.
 */
async function runJsonl(params: MainParams, options: CliOptions, cwd: string, report: (m: string) => void): Promise<number> {
  const { files, errors } = await expandInputs(options.inputs, cwd);
  let failed = errors.length;
  for (const e of errors) report(`${e.input}: ${e.message}`);
  for (const file of files) {
    try {
      params.stdout.write(await cleanFile(file, options, cwd));
    } catch (error) {
      failed++;
      report(`${file.path}: ${describeError(error)}`);
    }
  }
  return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}
