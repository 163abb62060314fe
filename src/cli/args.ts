// The command line: options, help text with examples, and validation. Parsing never exits the process;
// help and version are written to the given streams and reported back as "done".
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isKnownEncoding } from './decode.js';
import { UsageError } from './errors.js';
import type { Thresholds } from '../core/thresholds.js';
import type { StripOptions } from '../core/types.js';
import type { BadRecordPolicy } from './clean-records.js';
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
  /** Tuning values from the config file (there is no flag for them). */
  thresholds?: Partial<Thresholds>;
  /** Set by main() once the config file is merged: the checked, compiled options for strip(). */
  stripOptions?: StripOptions;
  /** Set by main(): colour --explain/--diff output (standard output is a terminal, no --no-color, no -o or --suffix). */
  colourOutput?: boolean;
  /** Set by main(): standard output is a terminal and the output goes there (no -o, --suffix, --in-place). */
  terminalOutput?: boolean;
  // Bad input (decode.ts, clean-file.ts): how bytes become text and what is refused.
  /** Decode every input as this encoding instead of detecting it. */
  encoding?: string;
  /** Inputs (jsonl: records, each line) larger than this many bytes are refused. */
  maxSize: number;
  /** Inputs of more lines than this are refused: memory grows with the lines (about 1.5 kB each). */
  maxLines: number;
  /** Write CRLF line endings instead of LF. */
  crlf: boolean;
  // Batches at scale (issue #3): how many worker threads, where outputs go, what is skipped, reporting.
  /** Worker threads for batches (default: the number of CPUs). 1 cleans in the main thread. */
  jobs: number;
  /** Write each output over its input (atomically, file mode kept). */
  inPlace: boolean;
  /** Write each output beside its input, the input's extension replaced by this suffix. */
  suffix?: string;
  /** Glob patterns of files and folders that folders and globs must not yield. */
  ignore: string[];
  /** One-line summary at the end even when standard error is not a terminal. */
  summary: boolean;
  /** `text`: each input is one page. `jsonl`: each input line is a JSON record holding a page. `wet`: Common Crawl WET records. */
  inputFormat: 'text' | 'jsonl' | 'wet';
  /** The jsonl field holding the page text. */
  textField: string;
  /** The jsonl field holding the page's URL or id (names the record in messages; gives its site). */
  idField?: string;
  /** What becomes of a jsonl line that is not a record with a text field (it is always reported). */
  onBadRecord: BadRecordPolicy;
  /** Use lines that recur across pages of a site as evidence (batches of files; default on). */
  crossPage: boolean;
  /** A counts file (`boilerstrip counts build|merge`) to take the site counts from instead of counting. */
  counts?: string;
}

/** --max-size default: far above any web page, far below what would exhaust memory. */
export const DEFAULT_MAX_SIZE = 64 * 1024 * 1024;
/**
 * --max-lines default. A page's lines, not its bytes, set the memory it needs: 30 MB of three-character
 * lines took the process past V8's 4 GB heap and killed it. A million lines (1.5 GB at most, 7 s here)
 * is far above any web page.
 */
export const DEFAULT_MAX_LINES = 1_000_000;

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
  $ boilerstrip -j 8 crawl/ -o clean/             clean a big folder with 8 worker threads
  $ boilerstrip --in-place --ignore '*.html' pages/   replace every page by its cleaned text
  $ boilerstrip --input-format jsonl --text-field text < crawl.jsonl > clean.jsonl
  $ boilerstrip --input-format wet CC-MAIN-….warc.wet.gz > clean.jsonl   Common Crawl text, one record per page
  $ boilerstrip counts build -o shard1.counts shard1/    count lines per site (one file per shard)
  $ boilerstrip counts merge shard*.counts -o all.counts  add the shards' counts up
  $ boilerstrip --counts all.counts shard1/ -o clean1/    clean a shard with the whole crawl's counts

Exit codes: 0 every input cleaned, 1 some input failed (one line each on stderr), 2 usage error,
129 ended by SIGHUP (the terminal closed), 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).`;

export function parseArgs(argv: readonly string[], version: string, out: (s: string) => void, err: (s: string) => void): ParsedArgs {
  // Only inputs (`boilerstrip page.txt`, `boilerstrip < page.txt`): every option has its default, and
  // commander, whose setting up and parsing took about 2 ms of such a run, would only hand back
  // optionDefaults(). tests/cli/args.test.ts checks that both give the same.
  if (argv.every((arg) => !arg.startsWith('-'))) {
    const defaults = optionDefaults();
    return parsedOptions([...argv], defaults, (name) => (name in defaults ? 'default' : undefined));
  }
  return parseWithCommander(argv, version, out, err);
}

/**
 * What commander's opts() holds: every option under its camelCase name. Most are CliOptions' own fields;
 * the views and rule list have their flags' names, and --jobs is still the text typed.
 */
type CommanderOptions = Pick<
  CliOptions,
  | 'outDir' | 'format' | 'withMetadata' | 'quiet' | 'color' | 'keep' | 'drop' | 'language' | 'config' | 'printConfig'
  | 'encoding' | 'maxSize' | 'maxLines' | 'crlf' | 'inPlace' | 'suffix' | 'ignore' | 'summary' | 'inputFormat'
  | 'textField' | 'idField' | 'onBadRecord' | 'crossPage' | 'counts'
> & { explain?: boolean; diff?: boolean; disableRule: string[]; jobs?: string };

/** CommanderOptions when no option is given: the defaults declared in parseWithCommander. */
function optionDefaults(): CommanderOptions {
  return {
    format: 'text',
    withMetadata: false,
    quiet: false,
    color: true,
    keep: [],
    drop: [],
    disableRule: [],
    printConfig: false,
    maxSize: DEFAULT_MAX_SIZE,
    maxLines: DEFAULT_MAX_LINES,
    crlf: false,
    inPlace: false,
    ignore: [],
    summary: false,
    crossPage: true,
    inputFormat: 'text',
    textField: 'text',
    onBadRecord: 'pass',
  };
}

/** parseArgs through commander, whatever the arguments (exported for the tests). */
export function parseWithCommander(argv: readonly string[], version: string, out: (s: string) => void, err: (s: string) => void): ParsedArgs {
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
    .option('--config <file>', 'read options from this JSON file instead of searching each folder upwards for a "boilerstrip" key in package.json, boilerstrip.config.json, .boilerstriprc, .boilerstriprc.json')
    .option('--print-config', 'print the effective options and where each came from, then exit', false)
    .option('--encoding <name>', 'decode inputs as this encoding (e.g. windows-1252, shift_jis, utf-16le) instead of detecting it')
    .addOption(new Option('--max-size <size>', 'refuse inputs (with --input-format jsonl or wet: records) larger than this (bytes, or with k, M, G: 500k, 64MB)').argParser(parseSize).default(DEFAULT_MAX_SIZE, '64MB'))
    .option('--max-lines <n>', 'refuse inputs of more lines than this (memory grows with the lines); with --input-format jsonl or wet, a record whose text has more is a bad record', parseMaxLines, DEFAULT_MAX_LINES)
    .option('--crlf', 'write CRLF line endings (default: LF, whatever the input used)', false)
    .option('-j, --jobs <n>', `worker threads for folders and globs (default: the number of CPUs, ${availableParallelism()} here; at most ${MAX_JOBS_PER_PROCESSOR} per CPU)`)
    .option('--in-place', 'write each output over its input (atomically; mode, owner and group kept where allowed; clean text only)', false)
    .option('--suffix <suffix>', 'write each output beside its input, e.g. page.txt -> page.clean.txt for ".clean.txt"')
    .option('--ignore <glob>', 'skip files and folders matching this pattern (repeatable; no slash = at any depth)', collect, [] as string[])
    .option('--summary', 'print a one-line summary at the end (printed anyway after a batch when stderr is a terminal, unless -q)', false)
    .option('--no-cross-page', 'do not use lines that recur on many pages of a site as evidence')
    .option('--counts <file>', 'take the site line counts from this file (boilerstrip counts build|merge) instead of counting the inputs')
    .addOption(new Option('--input-format <format>', 'text: each input is a page; jsonl: JSON Lines records, cleaned to stdout; wet: Common Crawl WET files (plain or .gz), cleaned to JSON Lines on stdout').choices(['text', 'jsonl', 'wet']).default('text'))
    .option('--text-field <name>', 'jsonl: the field holding the page text', 'text')
    .option('--id-field <name>', 'jsonl: the field holding the page URL or id')
    .addOption(new Option('--on-bad-record <what>', 'jsonl: a line that is not UTF-8, not a record with a text field, or whose text is over --max-lines, is reported, then passed through unchanged or skipped (wet: a record over --max-lines; a malformed WET record is always skipped)').choices(['skip', 'pass']).default('pass'))
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
  return parsedOptions(program.args, program.opts<CommanderOptions>(), (name) => program.getOptionValueSource(name));
}

/** The checked CliOptions from the inputs and options commander (or optionDefaults) gave; `sourceOf` is getOptionValueSource. */
function parsedOptions(inputs: string[], opts: CommanderOptions, sourceOf: (name: string) => string | undefined): ParsedArgs {
  // `boilerstrip rules` lists the rules; a file called "rules" is still reachable as ./rules.
  if (inputs.length === 1 && inputs[0] === 'rules') return { kind: 'rules' };
  if (opts.explain && opts.diff) throw new UsageError('--explain and --diff are two views of the same decisions: choose one');
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
  if (inputs.includes('-') && inputs.length > 1) throw new UsageError('"-" (standard input) cannot be combined with other inputs');
  if (opts.outDir !== undefined && opts.outDir.trim() === '') throw new UsageError('--out-dir needs a folder name');
  checkEncoding(opts.encoding);
  const destinations = [opts.outDir !== undefined && '--out-dir', opts.inPlace && '--in-place', opts.suffix !== undefined && '--suffix'].filter(Boolean);
  if (destinations.length > 1) throw new UsageError(`${destinations.join(' and ')} cannot be combined: choose one place for the outputs`);
  checkSuffix(opts.suffix);
  if (opts.counts !== undefined && !opts.crossPage) throw new UsageError('--counts and --no-cross-page contradict each other');
  if (opts.inputFormat === 'jsonl' || opts.inputFormat === 'wet') {
    const flag = `--input-format ${opts.inputFormat}`;
    if (opts.inputFormat === 'wet') {
      // A WET record's text and URL are where the format puts them: the output names them text and url.
      const field = (['textField', 'idField'] as const).find((key) => sourceOf(key) === 'cli');
      if (field !== undefined) throw new UsageError(`${field === 'textField' ? '--text-field' : '--id-field'} is for JSON Lines: ${flag} writes the text as "text" and takes the site from the record's URL`);
      opts = { ...opts, textField: 'text', idField: 'url' };
    }
    if (opts.counts !== undefined && opts.idField === undefined) throw new UsageError('--counts with --input-format jsonl needs --id-field: the URL field whose host is the site');
    if (destinations.length > 0) throw new UsageError(`${flag} writes JSON Lines to standard output; ${destinations[0]} is for page files`);
    if (opts.format !== 'text' || opts.withMetadata) throw new UsageError(`${flag} writes records: -f json and --with-metadata do not apply`);
    if (opts.explain || opts.diff) throw new UsageError(`${flag} writes records; --${opts.explain ? 'explain' : 'diff'} shows the decisions on page files`);
    // JSON text is UTF-8 (RFC 8259); a record's text in another encoding would need decoding field by field.
    if (opts.encoding !== undefined) {
      throw new UsageError(opts.inputFormat === 'wet' ? '--input-format wet reads UTF-8, as Common Crawl writes WET text; --encoding is for page files' : '--input-format jsonl reads UTF-8, as JSON is written; --encoding is for page files');
    }
    if (opts.crlf) throw new UsageError(`${flag} writes one record per line, ended by LF as JSON Lines are; --crlf is for page files`);
    if (opts.textField === '') throw new UsageError('--text-field needs a field name');
    if (opts.idField === '') throw new UsageError('--id-field needs a field name');
  } else {
    // Given without --input-format jsonl, they would be ignored and the JSON Lines file cleaned as one page.
    const recordOnly = (['textField', 'idField', 'onBadRecord'] as const).find((key) => sourceOf(key) === 'cli');
    if (recordOnly !== undefined) {
      const flag = { textField: '--text-field', idField: '--id-field', onBadRecord: '--on-bad-record' }[recordOnly];
      throw new UsageError(`${flag} is for records: add --input-format ${recordOnly === 'onBadRecord' ? 'jsonl or wet' : 'jsonl'} (page files are cleaned whole)`);
    }
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
    maxLines: opts.maxLines,
    crlf: opts.crlf,
    jobs: parseJobs(opts.jobs),
    inPlace: opts.inPlace,
    suffix: opts.suffix,
    ignore: opts.ignore,
    summary: opts.summary,
    inputFormat: opts.inputFormat,
    textField: opts.textField,
    idField: opts.idField,
    onBadRecord: opts.onBadRecord,
    crossPage: opts.crossPage,
    counts: opts.counts,
  };
  const commanderName: Partial<Record<keyof CliOptions, string>> = { disabledRules: 'disableRule', view: opts.explain ? 'explain' : 'diff' };
  const sources: OptionSources = {};
  for (const key of Object.keys(options) as (keyof CliOptions)[]) {
    const source = sourceOf(commanderName[key] ?? key);
    if (source === 'cli') sources[key] = 'cli';
    else if (source === 'default') sources[key] = 'default';
  }
  return { kind: 'run', options, sources };
}

/** Refuses an --encoding that iconv-lite does not know (checked for cleaning and for counts build). */
export function checkEncoding(encoding: string | undefined): void {
  if (encoding !== undefined && !isKnownEncoding(encoding)) {
    throw new UsageError(`unknown encoding '${encoding}' for --encoding (try utf-8, windows-1252, iso-8859-2, koi8-r, shift_jis, gb18030, euc-kr, utf-16le)`);
  }
}

/** Refuses a --suffix that is not a file-name ending (checked for cleaning and for counts build). */
export function checkSuffix(suffix: string | undefined): void {
  if (suffix !== undefined && !/^[^/\\]+$/u.test(suffix)) throw new UsageError('--suffix needs a file-name ending such as ".clean.txt", without slashes');
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** "64MB", "500k", "1.5G", "1000" → bytes (k, M and G are powers of 1024; the "B" or "iB" is optional). */
export function parseMaxLines(value: string): number {
  if (!/^\d+$/u.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return Number(value);
}

export function parseSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/iu.exec(value);
  if (!match) throw new InvalidArgumentError('expected a size such as 500k, 64MB or 1G.');
  const bytes = Math.floor(Number(match[1]) * SIZE_UNITS[match[2]!.toLowerCase()]!);
  if (bytes <= 0) throw new InvalidArgumentError('the size must be more than 0.');
  return bytes;
}

/**
 * 70254592 → "67 MiB": sizes in messages, in the units --max-size accepts, which are powers of 1024 and so
 * named KiB, MiB and GiB (not kB and MB, which are powers of 1000).
 */
export function formatSize(bytes: number): string {
  for (const [unit, factor] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= factor) return `${Number((bytes / factor).toFixed(1))} ${unit}`;
  }
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/**
 * "70 MiB, larger than 64 MiB": a size set against a limit it passes. Where the two round to the same
 * figure (a file one byte over `--max-size 7376`: "7.2 KiB, larger than 7.2 KiB"), both are given in
 * bytes, "7,377 bytes, larger than 7,376 bytes", so that the message does not contradict itself.
 */
export function formatSizes(size: number, limit: number): [string, string] {
  const shown: [string, string] = [formatSize(size), formatSize(limit)];
  return shown[0] === shown[1] ? [`${size.toLocaleString('en-US')} bytes`, `${limit.toLocaleString('en-US')} bytes`] : shown;
}

/**
 * Threads per processor that --jobs may ask for. Cleaning keeps a thread busy, so more threads than
 * processors only add memory (each has its own heap: -j 64 on 2 processors held 1.37 GB and was slower
 * than -j 2), and a mistyped -j 99999 started 1,400 threads and grew past 6 GB before writing a file. A
 * few per processor are left for disks and network file systems slow enough to keep threads waiting.
 */
export const MAX_JOBS_PER_PROCESSOR = 4;

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^\d+$/u.test(value) || Number(value) < 1) throw new UsageError(`--jobs needs a whole number of at least 1, not '${value}'`);
  return Math.min(Number(value), MAX_JOBS_PER_PROCESSOR * availableParallelism());
}
