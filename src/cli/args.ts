// The command line: options, help text with examples, and validation. Parsing never exits the process;
// help and version are written to the given streams and reported back as "done".
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isKnownEncoding } from './decode.js';
import { UsageError } from './errors.js';
import type { StripOptions } from '../core/types.js';
import type { OutputFormat } from './format.js';

export interface CliOptions {
  inputs: string[];
  outDir?: string;
  format: OutputFormat;
  withMetadata: boolean;
  quiet: boolean;
  color: boolean;
  // Seeing and steering what is removed (--explain, --diff, keyword lists, rules, config).
  /** Show the decisions instead of the body: every line marked, or a unified diff input → output. */
  view?: 'explain' | 'diff';
  /** --keep / --drop patterns as typed: plain text, or /regex/flags. */
  keep: string[];
  drop: string[];
  disabledRules: string[];
  language?: string;
  /** --config FILE: use this file instead of searching from the working directory upwards. */
  config?: string;
  printConfig: boolean;
  /** Set by main() once the config file is merged: the checked, compiled options for strip(). */
  stripOptions?: StripOptions;
  /** Set by main(): colour --explain/--diff output (standard output is a terminal, no --no-color, no -o). */
  colourOutput?: boolean;
  // Bad input (decode.ts, clean-file.ts): how bytes become text and what is refused.
  /** Decode every input as this encoding instead of detecting it. */
  encoding?: string;
  /** Inputs larger than this many bytes are refused. */
  maxSize: number;
  /** Write CRLF line endings instead of LF. */
  crlf: boolean;
}

/** --max-size default: far above any web page, far below what would exhaust memory. */
export const DEFAULT_MAX_SIZE = 64 * 1024 * 1024;

/** Where each option's value came from on the command line: typed by the user, or commander's default. */
export type OptionSources = Partial<Record<keyof CliOptions, 'cli' | 'default'>>;

export type ParsedArgs =
  | { kind: 'run'; options: CliOptions; sources: OptionSources }
  | { kind: 'rules' }
  | { kind: 'done'; exitCode: number };

/** Commander's way to collect a repeatable option into a list. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

const EXAMPLES = `
Examples:
  $ boilerstrip < page.txt > clean.txt            clean standard input to standard output
  $ boilerstrip page.txt                          clean one file to standard output
  $ boilerstrip pages/ -o clean/                  clean a folder, mirroring its paths under clean/
  $ boilerstrip 'crawl/**/*.txt' -o clean/        clean the files a glob pattern matches
  $ boilerstrip -f json page.txt                  JSON with metadata and every removed line
  $ boilerstrip --with-metadata page.txt          title, author and date above the body
  $ boilerstrip --explain page.txt                every line marked kept (+) or dropped (-), with the rule and why
  $ boilerstrip --diff page.txt                   a unified diff from the page to its clean text
  $ boilerstrip --drop 'Sign up for our newsletter' --keep '/^Editor.s note/i' page.txt
  $ boilerstrip -f jsonl pages/ > pages.jsonl     one JSON record per page, one per line
  $ boilerstrip rules                             every rule id, for --disable-rule

Exit codes: 0 every input cleaned, 1 some input failed (one line each on stderr), 2 usage error.`;

export function parseArgs(argv: readonly string[], version: string, out: (s: string) => void, err: (s: string) => void): ParsedArgs {
  const program = new Command()
    .name('boilerstrip')
    .description('Strip boilerplate (menus, related-story lists, video blocks, bylines, share prompts, footers) from text dumps of web pages.')
    .argument('[inputs...]', 'files, folders or glob patterns; none or "-" reads standard input')
    .option('-o, --out-dir <dir>', 'write each output under this folder, at the input\'s relative path (required for several inputs)')
    .addOption(new Option('-f, --format <format>', 'output format; jsonl is one record per input per line, to standard output').choices(['text', 'json', 'jsonl']).default('text'))
    .option('--with-metadata', 'put the title, author, date and site found above the text output', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('--no-color', 'never colour messages or --explain/--diff output')
    .option('--explain', 'show every input line marked kept (+) or dropped (-) with the deciding rule and reason (-o: .explain.txt files)')
    .option('--diff', 'show a unified diff from the input to the clean text (-o: .diff files)')
    .option('--keep <pattern>', 'always keep lines matching this (whole line, any case; or /regex/flags); repeatable', collect, [])
    .option('--drop <pattern>', 'always drop lines matching this (keep wins); repeatable', collect, [])
    .option('--disable-rule <id>', 'switch a rule off (see "boilerstrip rules"); repeatable', collect, [])
    .option('--language <code>', 'use this stop-word language (ISO 639-1) instead of detecting it')
    .option('--config <file>', 'read options from this JSON file instead of searching for boilerstrip.config.json, .boilerstriprc, package.json')
    .option('--print-config', 'print the effective options and where each came from, then exit', false)
    .option('--encoding <name>', 'decode inputs as this encoding (e.g. windows-1252, shift_jis, utf-16le) instead of detecting it')
    .option('--max-size <size>', 'refuse inputs larger than this (bytes, or with k, M, G: 500k, 64MB)', parseSize, DEFAULT_MAX_SIZE)
    .option('--crlf', 'write CRLF line endings (default: LF, whatever the input used)', false)
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err, outputError: () => {} });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return { kind: 'done', exitCode: 0 };
      }
      throw new UsageError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  const opts = program.opts<{
    outDir?: string;
    format: OutputFormat;
    withMetadata: boolean;
    quiet: boolean;
    color: boolean;
    explain?: boolean;
    diff?: boolean;
    keep: string[];
    drop: string[];
    disableRule: string[];
    language?: string;
    config?: string;
    printConfig: boolean;
    encoding?: string;
    maxSize: number;
    crlf: boolean;
  }>();
  const inputs = program.args;
  // `boilerstrip rules` lists the rules; a file called "rules" is still reachable as ./rules.
  if (inputs.length === 1 && inputs[0] === 'rules') return { kind: 'rules' };
  if (opts.explain && opts.diff) throw new UsageError('--explain and --diff are two views of the same decisions: choose one');
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
  if (inputs.includes('-') && inputs.length > 1) throw new UsageError('"-" (standard input) cannot be combined with other inputs');
  if (opts.outDir !== undefined && opts.outDir.trim() === '') throw new UsageError('--out-dir needs a folder name');
  if (opts.encoding !== undefined && !isKnownEncoding(opts.encoding)) {
    throw new UsageError(`unknown encoding '${opts.encoding}' for --encoding (try utf-8, windows-1252, iso-8859-2, koi8-r, shift_jis, gb18030, euc-kr, utf-16le)`);
  }
  const view = opts.explain ? 'explain' : opts.diff ? 'diff' : undefined;
  const options: CliOptions = {
    inputs,
    outDir: opts.outDir,
    format: opts.format,
    withMetadata: opts.withMetadata,
    quiet: opts.quiet,
    color: opts.color,
    view,
    keep: opts.keep,
    drop: opts.drop,
    disabledRules: opts.disableRule,
    language: opts.language,
    config: opts.config,
    printConfig: opts.printConfig,
    encoding: opts.encoding,
    maxSize: opts.maxSize,
    crlf: opts.crlf,
  };
  const commanderName: Partial<Record<keyof CliOptions, string>> = { disabledRules: 'disableRule', view: opts.explain ? 'explain' : 'diff' };
  const sources: OptionSources = {};
  for (const key of Object.keys(options) as (keyof CliOptions)[]) {
    const source = program.getOptionValueSource(commanderName[key] ?? key);
    if (source === 'cli') sources[key] = 'cli';
    else if (source === 'default') sources[key] = 'default';
  }
  return { kind: 'run', options, sources };
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** "64MB", "500k", "1.5G", "1000" → bytes (k, M and G are powers of 1024; the "B" or "iB" is optional). */
export function parseSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/iu.exec(value);
  if (!match) throw new InvalidArgumentError('expected a size such as 500k, 64MB or 1G.');
  const bytes = Math.floor(Number(match[1]) * SIZE_UNITS[match[2]!.toLowerCase()]!);
  if (bytes <= 0) throw new InvalidArgumentError('the size must be more than 0.');
  return bytes;
}

/** 70254592 → "67 MB": sizes in messages, in the units --max-size accepts. */
export function formatSize(bytes: number): string {
  for (const [unit, factor] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['kB', 1024]] as const) {
    if (bytes >= factor) return `${Number((bytes / factor).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
