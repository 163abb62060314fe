// Cross-page evidence for a batch: the first pass that counts lines per site (in the worker pool when
// there is one), reading and writing counts files, and `boilerstrip counts build|merge`, with what their
// -o may be (a file or a stream, never one of their inputs).
import { accessSync, closeSync, constants, lstatSync, openSync, readSync, realpathSync, statSync, writeSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Command, CommanderError, Option } from 'commander';
import { addPage, COUNTS_HEADER, COUNTS_HEADER_V1, countsFileChunks, CountsFormatError, countsReaderInto, type CountsBySite, type CountsReader } from '../core/site/fingerprints.js';
import { readRepeats, repeatsOf, type SiteRepeats } from '../core/site/site-repeats.js';
import { turnOfTheEventLoop } from './clean-task.js';
import { countPages, countTask, type CountResult, type CountTask } from './count-task.js';
import { checkEncoding, checkSuffix, DEFAULT_MAX_LINES, DEFAULT_MAX_SIZE, formatSize, parseMaxLines, parseSize } from './args.js';
import { refuseManyLines } from './clean-file.js';
import { describeError, SteeringFileError, UsageError } from './errors.js';
import { expandInputs, type InputFile } from './inputs.js';
import { runInOrder, runTask, type Pool } from './pool.js';
import type { RecordReader } from './run-jsonl.js';
import type { WetBatch, WetBatcher } from './read-wet.js';
import { createProgress } from './progress.js';
import { addPlain, siteOfFile, siteOfUrl, type PlainCounts } from './site.js';
import { stopFlag } from './stop.js';
import { writeFileAtomic } from './write-output.js';

/** Why a page that ran a worker thread out of memory on its own was not counted. */
const OUT_OF_MEMORY = 'ran out of memory while being counted (the JavaScript heap limit, --max-old-space-size); not counted';
/** Files per counting task: counting is cheaper than cleaning, so tasks can be larger. */
const FILES_PER_COUNT_TASK = 128;

/** What the first pass found: the counts, and the sites named by the pages themselves (by file index). */
export interface Counted {
  counts: CountsBySite;
  headerSites: NamedSites;
}

/**
 * Counts the lines of `files` per site: their folders, or the site a page names in a URL line at its
 * top. A file that cannot be read or is not text is not counted, and told to `failed` (in input order)
 * when it is given. With `progressTo` (standard error on a terminal) a progress line shows the files
 * counted.
 */
export async function countFiles(
  files: readonly InputFile[],
  cwd: string,
  read: CountTask['read'],
  pool: Pool | undefined,
  signal?: AbortSignal,
  progressTo?: { write(s: string): unknown },
  failed?: (file: InputFile, problem: string) => void,
): Promise<Counted> {
  const progress = progressTo ? await createProgress(progressTo, files.length, 'counting') : undefined;
  let done = 0;
  const counted = (more: number) => progress?.update((done += more), 0);
  const fail = failed && ((file: InputFile, problem: string) => (progress ? progress.interrupt(() => failed(file, problem)) : failed(file, problem)));
  try {
    return await countFilesIn(files, cwd, read, pool, signal, counted, fail);
  } finally {
    progress?.stop();
  }
}

async function countFilesIn(
  files: readonly InputFile[],
  cwd: string,
  read: CountTask['read'],
  pool: Pool | undefined,
  signal: AbortSignal | undefined,
  counted: (files: number) => void,
  failed: ((file: InputFile, problem: string) => void) | undefined,
): Promise<Counted> {
  const stop = stopFlag(signal);
  // Made as they are handed out, like the cleaning tasks: 100,000 items up front cost tens of megabytes.
  function* countTasks(): Generator<CountTask & { first: number }> {
    for (let i = 0; i < files.length; i += FILES_PER_COUNT_TASK) {
      const items = files.slice(i, i + FILES_PER_COUNT_TASK).map((f) => ({ input: path.resolve(cwd, f.path), site: siteOfFile(f, cwd), ...(f.readOnce && read.leaveReadOnce ? { skip: true as const } : {}) }));
      yield { first: i, read, stop, items };
    }
  }
  const tasks = countTasks();
  const result: Counted = { counts: new Map(), headerSites: new NamedSites(files.length) };
  const noteHeaderSites = (first: number, named: [number, string][]) => {
    for (const [k, site] of named) result.headerSites.set(first + k, site);
  };
  const noteFailures = (first: number, failures: [number, string][]) => {
    for (const [k, problem] of failures) failed?.(files[first + k]!, problem);
  };
  if (pool) {
    /** What a task found, for the pages from `offset` on in it: one part, or one per page (see alone). */
    type Part = { offset: number; found: CountResult };
    const run = async (task: CountTask): Promise<Part[]> => {
      // A worker that ran out of memory is not redone in this thread, whose heap has the same limit (pool.ts).
      const found = await runTask<CountTask, CountResult | undefined>(pool, task, 'countTask', countTask, () => undefined);
      return found ? [{ offset: 0, found }] : alone(task);
    };
    /** Each page again in a worker of its own, so that only a page too large for a thread's heap is not counted. */
    const alone = async (task: CountTask): Promise<Part[]> => {
      if (task.items.length === 1) return [{ offset: 0, found: { counts: [], headerSites: [], failures: [[0, OUT_OF_MEMORY]] } }];
      const parts: Part[] = [];
      for (const [k, item] of task.items.entries()) {
        for (const part of await run({ ...task, items: [item] })) parts.push({ offset: k + part.offset, found: part.found });
      }
      return parts;
    };
    const take = (parts: Part[], task: CountTask & { first: number }) => {
      for (const { offset, found } of parts) {
        addPlain(result.counts, found.counts);
        noteHeaderSites(task.first + offset, found.headerSites);
        noteFailures(task.first + offset, found.failures);
      }
      counted(task.items.length);
    };
    await runInOrder(tasks, run, pool.maxThreads * 2, take, signal);
  } else {
    // In this thread the pages are added straight into the batch's counts, not copied through plain data.
    for (const task of tasks) {
      if (signal?.aborted) break;
      await turnOfTheEventLoop();
      const named: [number, string][] = [];
      const failures: [number, string][] = [];
      await countPages(task, result.counts, named, failures);
      noteHeaderSites(task.first, named);
      noteFailures(task.first, failures);
      counted(task.items.length);
    }
  }
  return result;
}

/**
 * The site each file names in a URL line at its top, by file index: a number per file and a string per
 * site, however many pages name it (a map from index to string took 7-8 MB for 100,000 files).
 */
export class NamedSites {
  private readonly numberOfFile: Uint32Array;
  /** Sites by number; 0 stands for none. */
  private readonly names: string[] = [''];
  private readonly numbers = new Map<string, number>();

  constructor(files: number) {
    this.numberOfFile = new Uint32Array(files);
  }

  set(file: number, site: string): void {
    let number = this.numbers.get(site);
    if (number === undefined) {
      number = this.names.push(site) - 1;
      this.numbers.set(site, number);
    }
    this.numberOfFile[file] = number;
  }

  /** The site file `file` names, if it names one. */
  get(file: number): string | undefined {
    const number = this.numberOfFile[file] ?? 0;
    return number === 0 ? undefined : this.names[number];
  }
}

/**
 * countFiles, keeping only what the cleaning pass needs: the repeats, and the sites pages name. The full
 * counts (every distinct line: 2 million lines took a 48 MB table) are dropped here, not held by the
 * batch until its end.
 */
export async function countRepeats(...args: Parameters<typeof countFiles>): Promise<{ repeats: SiteRepeats; headerSites: NamedSites }> {
  const [files, cwd, read, ...rest] = args;
  // The cleaning pass reads every file again; a pipe can be read only once, so it is left to that pass.
  const counted = await countFiles(files, cwd, { ...read, leaveReadOnce: true }, ...rest);
  return { repeats: repeatsOf(counted.counts), headerSites: counted.headerSites };
}

/** Reads a counts file; with `into`, adds its counts to those. */
export async function readCountsFile(file: string, cwd: string, into: CountsBySite = new Map()): Promise<CountsBySite> {
  await readThrough(file, cwd, () => countsReaderInto(into));
  return into;
}

/** The lines of a counts file that can be evidence (repeatsOf readCountsFile), without holding the rest. */
export async function readRepeatsFile(file: string, cwd: string): Promise<SiteRepeats> {
  return (await readRepeatsInOrder(file, cwd)) ?? repeatsOf(await readCountsFile(file, cwd));
}

/**
 * The repeats of a counts file in serializeCounts' order, kept as it is read; undefined when the file
 * breaks that order, or is not a regular file: then it must be read whole, which a pipe (`--counts
 * <(cat a b)`) allows only once, so it is not read here at all.
 */
async function readRepeatsInOrder(file: string, cwd: string): Promise<SiteRepeats | undefined> {
  const reading = readRepeats();
  const read = await readThrough(file, cwd, (regular) => (regular ? reading.reader : undefined));
  return read ? reading.repeats() : undefined;
}

/**
 * Bytes of a counts file read at a time: a crawl's counts file can be far larger than what is kept of it.
 * Small pieces decode to strings on the engine's heap, which its young-generation collections free at
 * once; 1 MB pieces decoded to strings outside it, 60 MB of which waited for a full collection.
 */
const READ_BYTES = 1 << 16;

/**
 * Reads a counts file through the reader `readerFor` gives (told whether the file is a regular file), a
 * piece at a time, until its end or until the reader stops; false, having read nothing, when it gives none.
 */
async function readThrough(file: string, cwd: string, readerFor: (regular: boolean) => CountsReader | undefined): Promise<boolean> {
  const failed = (error: unknown) => new SteeringFileError(`${file}: ${error instanceof CountsFormatError ? error.message : describeError(error)}`);
  let handle: FileHandle;
  try {
    handle = await open(path.resolve(cwd, file), 'r');
  } catch (error) {
    throw failed(error);
  }
  try {
    let regular: boolean;
    try {
      regular = (await handle.stat()).isFile();
    } catch (error) {
      throw failed(error);
    }
    const reader = readerFor(regular);
    if (!reader) return false;
    // As readFile(file, 'utf8') decodes: malformed bytes become U+FFFD, and a byte-order mark is kept
    // (and refused as not the header); a character cut between two pieces is decoded whole.
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    for (let bytesRead = -1; bytesRead !== 0 && !reader.stopped; ) {
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (error) {
        throw failed(error);
      }
      if (bytesRead > 0) reader.push(decoder.write(buffer.subarray(0, bytesRead)));
    }
    reader.push(decoder.end()).end();
    return true;
  } catch (error) {
    throw error instanceof CountsFormatError ? failed(error) : error;
  } finally {
    await handle.close();
  }
}

/** `boilerstrip counts build -o FILE INPUTS...` and `boilerstrip counts merge FILES... -o FILE`. */
export async function countsCommand(
  argv: readonly string[],
  cwd: string,
  out: (s: string) => void,
  report: (m: string) => void,
  startPool: () => Promise<Pool | undefined>,
  stdin: AsyncIterable<Uint8Array | string>,
  signal?: AbortSignal,
  /** Standard error when it is a terminal: `counts build` shows its progress there. */
  progressTo?: { write(s: string): unknown },
): Promise<number> {
  const program = new Command()
    .name('boilerstrip counts')
    .description('Line counts per site for cross-page evidence: count shards where they are, merge the counts, clean with --counts.')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: out, outputError: () => {} })
    .helpOption('-h, --help', 'show this help');
  let action:
    | { kind: 'build'; inputs: string[]; output: string; read: BuildOptions; recordOptions: ('textField' | 'idField')[] }
    | { kind: 'merge'; inputs: string[]; output: string }
    | undefined;
  program
    .command('build')
    .description('count the lines of the pages in INPUTS (files, folders, globs) per site; give it the options that choose and decode the pages as for cleaning them')
    .argument('<inputs...>')
    .requiredOption('-o, --output <file>', 'the counts file to write')
    .option('--ignore <glob>', 'skip matching files (as for cleaning)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--encoding <name>', 'decode pages as this encoding instead of detecting it (as for cleaning)')
    .addOption(new Option('--max-size <size>', 'refuse pages larger than this (as for cleaning)').argParser(parseSize).default(DEFAULT_MAX_SIZE, '64MB'))
    .addOption(new Option('--max-lines <n>', 'refuse pages of more lines than this (as for cleaning)').argParser(parseMaxLines).default(DEFAULT_MAX_LINES, '1000000'))
    .option('--suffix <suffix>', "the cleaning run's --suffix: files ending in it are its outputs, not pages")
    .option('--out-dir <dir>', "the cleaning run's --out-dir: not read when it lies inside an input folder")
    .option('--input-format <format>', 'text (pages; "-" reads one page from standard input), jsonl (records; "-" reads standard input) or wet (Common Crawl WET files, plain or .gz; "-" reads standard input)', 'text')
    .option('--text-field <name>', 'jsonl: the field holding the page text', 'text')
    .option('--id-field <name>', 'jsonl: the field holding the page URL, whose host is the site')
    .action((inputs: string[], opts: BuildOptions & { output: string }, command: Command) => {
      const { output, ...read } = opts;
      // Which record options the command line gave, as cleaning tells them (by source, not by value).
      const recordOptions = (['textField', 'idField'] as const).filter((key) => command.getOptionValueSource(key) === 'cli');
      action = { kind: 'build', inputs, output, read, recordOptions };
    });
  program
    .command('merge')
    .description('add counts files up: the result equals the counts of one pass over all their pages')
    .argument('<counts...>')
    .requiredOption('-o, --output <file>', 'the counts file to write')
    .action((inputs: string[], opts: { output: string }) => {
      action = { kind: 'merge', inputs, output: opts.output };
    });
  if (argv.length === 0) throw new UsageError('counts needs "build" or "merge"');
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return 0;
      throw new UsageError(error.message.replace(/^error: /u, ''));
    }
    throw error;
  }
  if (!action) throw new UsageError('counts needs "build" or "merge"');
  if (action.kind === 'build') checkBuildOptions(action.read, action.recordOptions);
  // Before anything is read: a crawl can take an hour to count, and a counts file that cannot be written
  // is known at once.
  let destination: Destination;
  try {
    destination = destinationOf(action.output, cwd);
  } catch (error) {
    report(`${action.output}: ${describeError(error)}`);
    return 1;
  }
  let counts: CountsBySite = new Map();
  let failed = 0;
  if (action.kind === 'merge') {
    for (const file of action.inputs) {
      // Run twice, `counts merge *.counts -o all.counts` would add the previous sum in again.
      if (isFile(path.resolve(cwd, file), destination.existing)) throw new UsageError(`${action.output}: -o names one of the counts files to merge; write the merged counts to another file`);
    }
    // A file named twice (`counts merge shards/*.counts shards/a.counts`, or through a link) is read once,
    // as cleaning and counting read an input named twice: its counts added in again would count its pages
    // twice over, and the merged counts would no longer be those of one pass over the shards.
    const read = new Set<string>();
    for (const file of action.inputs) {
      // A path that cannot be looked at (through a file, a loop of links) is reported by the read below.
      let info: Stats | undefined;
      try {
        info = statSync(path.resolve(cwd, file), { throwIfNoEntry: false });
      } catch {
        info = undefined;
      }
      const identity = info ? fileKey(info) : undefined;
      if (identity !== undefined && read.has(identity)) continue;
      if (identity !== undefined) read.add(identity);
      await readCountsFile(file, cwd, counts);
    }
  } else {
    const { read } = action;
    // "-" is standard input, as for cleaning: records, or one page. As for cleaning, it comes alone.
    if (action.inputs.length > 1 && action.inputs.includes('-')) throw new UsageError('"-" (standard input) cannot be combined with other inputs');
    const fromStdin = action.inputs.length === 1 && action.inputs[0] === '-';
    // The files cleaning the same inputs with the same options reads, so that counts built in shards
    // and merged are the counts its own first pass would make.
    const expanded = fromStdin ? { files: [], errors: [] } : await expandInputs(action.inputs, cwd, { ignore: read.ignore, outDir: read.outDir, outputSuffix: read.suffix });
    const files = withoutOutput(expanded.files, action.inputs, destination, action.output, cwd);
    for (const e of expanded.errors) report(`${e.input}: ${e.message}`);
    failed = expanded.errors.length;
    if (read.inputFormat === 'jsonl' || read.inputFormat === 'wet') {
      failed += await countRecords(fromStdin ? undefined : files, cwd, read, counts, report, stdin, signal);
    } else if (fromStdin) {
      const problem = await countStdinPage(stdin, read, counts, signal);
      if (problem !== undefined) {
        failed++;
        report(`standard input: ${problem}`);
      }
    } else {
      const notCounted = (file: InputFile, problem: string) => {
        failed++;
        report(`${file.path}: ${problem}`);
      };
      const pool = files.length >= 8 ? await startPool() : undefined;
      try {
        counts = (await countFiles(files, cwd, { encoding: read.encoding, maxSize: read.maxSize, maxLines: read.maxLines }, pool, signal, progressTo, notCounted)).counts;
      } finally {
        await pool?.destroy();
      }
    }
  }
  if (signal?.aborted) return signal.reason === 'SIGTERM' ? 143 : 130;
  try {
    writeCounts(destination, countsFileChunks(counts));
  } catch (error) {
    report(`${action.output}: ${describeError(error)}`);
    return 1;
  }
  return failed > 0 ? 1 : 0;
}

/** Where `counts build|merge -o` writes, as found before anything is read. */
interface Destination {
  /** For a file, its real path: a symbolic link to a counts file (or /dev/stdout redirected to a file) stays a link. */
  path: string;
  /** A FIFO or a character device (a pipe, /dev/null, a terminal): written into, not replaced. */
  stream: boolean;
  /** What is there already, if anything. */
  existing?: Stats;
}

/**
 * The destination of a counts file, or an error saying why it cannot be one. A file is replaced
 * atomically, as cleaning's outputs are; its folder must exist (a mistyped path should not make
 * folders). A FIFO or character device is written into, as a shell's `>` does: replacing /dev/null with
 * a file, as root can, is never what was meant. A folder, a socket or a block device is refused.
 */
function destinationOf(output: string, cwd: string): Destination {
  const absolute = path.resolve(cwd, output);
  const existing = statSync(absolute, { throwIfNoEntry: false });
  if (existing === undefined) {
    if (lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink()) throw new Error('a broken symbolic link (its target does not exist)');
    const folder = path.dirname(absolute);
    // (A parent that is a file made statSync fail above, with ENOTDIR.)
    if (statSync(folder, { throwIfNoEntry: false }) === undefined) throw new Error(`the folder ${path.dirname(output)} does not exist`);
    accessSync(folder, constants.W_OK);
    return { path: absolute, stream: false };
  }
  if (existing.isDirectory()) throw new Error('is a folder, not a file');
  if (existing.isFile()) {
    const real = realpathSync(absolute);
    accessSync(path.dirname(real), constants.W_OK);
    return { path: real, stream: false, existing };
  }
  if (existing.isFIFO() || existing.isCharacterDevice()) {
    accessSync(absolute, constants.W_OK);
    return { path: absolute, stream: true, existing };
  }
  throw new Error('not a regular file, FIFO or character device; not written');
}

/** Whether `file` is `existing` (the same file by device and inode, whatever the path). */
function isFile(file: string, existing: Stats | undefined): boolean {
  if (!existing) return false;
  const info = statSync(file, { throwIfNoEntry: false });
  return info !== undefined && fileKey(info) === fileKey(existing);
}

/** Which file a path leads to, whatever the path (a link, "./a", an absolute one): its device and inode. */
function fileKey(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

/**
 * `files` without the counts file being written, which is never counted: found in a folder or by a
 * pattern (`counts build -o crawl/all.counts crawl` run twice), an earlier counts file is skipped, as
 * cleaning skips its --out-dir. Any other file there is a page, which -o must not replace: a usage error.
 */
function withoutOutput(files: InputFile[], inputs: readonly string[], destination: Destination, output: string, cwd: string): InputFile[] {
  if (!destination.existing?.isFile()) return files;
  // Only files of the output's name, or named on the command line (maybe through a link), can be it:
  // a stat for each of 100,000 files would cost more than the check is worth.
  const name = path.basename(destination.path);
  const found = files.findIndex((f) => (path.basename(f.path) === name || inputs.includes(f.path)) && isFile(path.resolve(cwd, f.path), destination.existing));
  if (found === -1) return files;
  if (!isCountsFile(destination.path)) throw new UsageError(`${output}: -o names one of the pages to count; write the counts to another file`);
  return files.filter((_, i) => i !== found);
}

/** Whether `file` starts as a counts file does (of this version or the earlier one, which a crawl may still hold). */
function isCountsFile(file: string): boolean {
  const head = Buffer.alloc(COUNTS_HEADER.length + 1);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, head, 0, head.length, 0) !== head.length) return false;
    const start = head.toString('latin1');
    return start === `${COUNTS_HEADER}\n` || start === `${COUNTS_HEADER_V1}\n`;
  } finally {
    closeSync(fd);
  }
}

/** Writes the counts file, atomically, or into a stream (see destinationOf). */
function writeCounts(destination: Destination, chunks: Iterable<Uint8Array>): void {
  // The folder was found to exist: it is not made again (madeFolders), so a missing one is an error.
  if (!destination.stream) return writeFileAtomic(destination.path, chunks, { madeFolders: new Set([path.dirname(destination.path)]) });
  // Without O_CREAT: should the stream have gone meanwhile, no file is made in its place.
  const fd = openSync(destination.path, constants.O_WRONLY);
  try {
    for (const chunk of chunks) {
      for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at, chunk.length - at);
    }
  } finally {
    closeSync(fd);
  }
}

/** The options of `counts build`: those of cleaning that decide which files are pages and how they are read. */
interface BuildOptions {
  ignore: string[];
  encoding?: string;
  maxSize: number;
  maxLines: number;
  suffix?: string;
  outDir?: string;
  inputFormat: string;
  textField: string;
  idField?: string;
}

/**
 * Counts the one page on standard input (`counts build -o F -`), read and decoded as cleaning reads it
 * (--max-size, --encoding, --max-lines). Its site is the one cleaning gives a page from standard input:
 * the host of a URL line at its top, as it has no folder. A page that names none is in no site, and so
 * not counted (cleaning it from standard input with --counts gives it no evidence either). Returns why
 * it was not counted, or undefined.
 */
async function countStdinPage(stdin: AsyncIterable<Uint8Array | string>, read: BuildOptions, counts: CountsBySite, signal: AbortSignal | undefined): Promise<string | undefined> {
  const [{ readWhole }, { decodeInput }, { siteOfHeader }] = await Promise.all([import('./read-stream.js'), import('./decode.js'), import('../core/site/header-site.js')]);
  const whole = await readWhole(stdin, read.maxSize, signal);
  // Stopped: the counts are not written (countsCommand looks at the signal).
  if (whole === 'aborted') return undefined;
  if ('error' in whole) return describeError(whole.error);
  if ('tooLarge' in whole) return `larger than --max-size ${formatSize(read.maxSize)}; skipped`;
  let text: string;
  try {
    text = decodeInput(whole.bytes, { encoding: read.encoding });
    refuseManyLines(text, read.maxLines);
  } catch (error) {
    return describeError(error);
  }
  const site = siteOfHeader(text);
  if (site === undefined) return 'no URL line at its top names its site (url: https://…), and standard input has no folder to name one; not counted';
  addPage(counts, site, text);
  return undefined;
}

/** Refuses `options` as cleaning refuses them (an unknown encoding, a --suffix with a slash, …). */
function checkBuildOptions(options: BuildOptions, recordOptions: readonly ('textField' | 'idField')[]): void {
  checkEncoding(options.encoding);
  checkSuffix(options.suffix);
  if (options.outDir !== undefined && options.outDir.trim() === '') throw new UsageError('--out-dir needs a folder name');
  if (options.outDir !== undefined && options.suffix !== undefined) throw new UsageError('--out-dir and --suffix cannot be combined: cleaning takes one place for the outputs');
  if (options.inputFormat === 'wet') {
    // As cleaning reads WET: the text and the URL are where the format puts them.
    if (recordOptions.length > 0) throw new UsageError(`${recordOptions[0] === 'idField' ? '--id-field' : '--text-field'} is for JSON Lines: --input-format wet counts each record's text under its URL's host`);
    const given = options.outDir !== undefined ? '--out-dir' : options.suffix !== undefined ? '--suffix' : undefined;
    if (given) throw new UsageError(`--input-format wet cleans records to standard output; ${given} is for page files`);
    if (options.encoding !== undefined) throw new UsageError('--input-format wet reads UTF-8, as Common Crawl writes WET text; --encoding is for page files');
    options.textField = 'text';
    options.idField = 'url';
  } else if (options.inputFormat === 'jsonl') {
    if (options.idField === undefined) throw new UsageError('counts build --input-format jsonl needs --id-field: the URL field whose host is the site');
    const given = options.outDir !== undefined ? '--out-dir' : options.suffix !== undefined ? '--suffix' : undefined;
    if (given) throw new UsageError(`--input-format jsonl cleans records to standard output; ${given} is for page files`);
    if (options.encoding !== undefined) throw new UsageError('--input-format jsonl reads UTF-8, as JSON is written; --encoding is for page files');
    if (options.textField === '') throw new UsageError('--text-field needs a field name');
    if (options.idField === '') throw new UsageError('--id-field needs a field name');
  } else if (options.inputFormat !== 'text') {
    throw new UsageError(`--input-format must be text, jsonl or wet, not '${options.inputFormat}'`);
  } else if (recordOptions.length > 0) {
    // As cleaning refuses them: ignored, they would have a JSON Lines file counted as one page.
    throw new UsageError(`${recordOptions[0] === 'idField' ? '--id-field' : '--text-field'} is for records: add --input-format jsonl (page files are counted whole)`);
  }
}

/**
 * Counts JSON Lines records per URL host, streaming, from `files` (standard input when undefined). A line
 * that is not a record with a text field and a URL id is reported and not counted. Returns the number of
 * problems.
 */
async function countRecords(
  files: readonly InputFile[] | undefined,
  cwd: string,
  read: BuildOptions,
  counts: CountsBySite,
  report: (m: string) => void,
  stdin: AsyncIterable<Uint8Array | string>,
  signal: AbortSignal | undefined,
): Promise<number> {
  // Lines are read as cleaning reads them (run-jsonl.ts): a byte-order mark skipped, a line over
  // --max-size dropped as it is read, line ends of every kind; so the records counted are the ones cleaned.
  // WET files are read as cleaning reads them too (read-wet.ts): records as JSON lines, one per record.
  const [{ fileSource, LineBatcher, recordLimit, recordTooLarge, refusingBinary, stdinSource, withoutBom }, { linesOf }, wet] = await Promise.all([
    import('./run-jsonl.js'),
    import('./clean-records.js'),
    read.inputFormat === 'wet' ? import('./read-wet.js') : undefined,
  ]);
  const where = (source: string, n: number) => (wet ? `${source}: record ${n}` : `${source}:${n}`);
  const { textField, idField } = read as BuildOptions & { idField: string };
  let problems = 0;
  const notCounted = (where: string, problem: string) => {
    problems++;
    report(`${where}: ${problem}; not counted`);
  };
  const sources = files === undefined ? [stdinSource(stdin)] : files.map((f) => fileSource(f.path, cwd));
  for (const source of sources) {
    // Stopped (Ctrl-C), the counts are not written: reading on to the end of a shard of gigabytes only delays the exit.
    if (signal?.aborted) break;
    const batcher: RecordReader = wet ? new wet.WetBatcher(recordLimit(read.maxSize)) : new LineBatcher(recordLimit(read.maxSize));
    const batches: WetBatch[] = [];
    const take = () => {
      for (const batch of batches.splice(0)) {
        if ('malformed' in batch) {
          problems++;
          report(`${source.name}: ${batch.malformed}`);
          continue;
        }
        if ('tooLarge' in batch) {
          notCounted(where(source.name, batch.line), recordTooLarge(batch.tooLarge, read.maxSize));
          continue;
        }
        let n = batch.firstLine;
        for (const line of linesOf(batch.bytes)) {
          const here = where(source.name, n++);
          if (line.trim() === '') continue;
          let record: unknown;
          try {
            record = JSON.parse(line);
          } catch {
            record = undefined;
          }
          const fields = record !== null && typeof record === 'object' ? (record as Record<string, unknown>) : {};
          const site = siteOfUrl(fields[idField]);
          const text = fields[textField];
          if (site === undefined || typeof text !== 'string') {
            notCounted(here, wet ? 'no WARC-Target-URI with a host to count it under' : `not a record with a string "${textField}" and a URL "${idField}"`);
            continue;
          }
          try {
            refuseManyLines(text, read.maxLines);
          } catch (error) {
            notCounted(here, (error as Error).message.replace(/; skipped$/u, ''));
            continue;
          }
          addPage(counts, site, text);
        }
      }
    };
    // A pipe with no end in sight (standard input) would hold the stop until more comes: it is closed.
    let input: Readable | undefined;
    const close = () => input?.destroy();
    signal?.addEventListener('abort', close, { once: true });
    try {
      input = await source.open();
      // <never>: no markers here (there is no stall to mark while counting); inferred, the marker type widened to symbol.
      for await (const chunk of wet ? withoutBom(wet.gunzipIfGzip(input)) : refusingBinary<never>(withoutBom(input))) {
        if (signal?.aborted) break;
        batcher.push(chunk, batches);
        take();
      }
      // Not the line cut short by the stop: it would be reported as a bad record.
      if (signal?.aborted) break;
      batcher.end(batches);
      take();
    } catch (error) {
      if (signal?.aborted) break;
      problems++;
      // As cleaning does: the record the failure cut short is named, and the whole records read before it,
      // still in the batch being filled, are counted.
      // (JSON Lines: a line cut short by the failure is no record, and is not read as one.)
      const where = wet ? (batcher as WetBatcher).abandon() : '';
      report(`${source.name}: ${describeError(error).replace(/; skipped$/u, '; not counted')}${where ? ` ${where}` : ''}`);
      if (wet) {
        batcher.end(batches);
        take();
      }
    } finally {
      signal?.removeEventListener('abort', close);
    }
  }
  return problems;
}
