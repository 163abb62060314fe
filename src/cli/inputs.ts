// Expands the command line's inputs (files, folders, glob patterns, "-") into a list of files, each with
// the path it will have under the output folder. Problems with one input are returned, not thrown, so
// the run can report them and go on with the rest.
//
// Walking never follows a symbolic link (so a link loop cannot trap it: links are not inputs unless named
// on the command line), never descends into `.git` or `node_modules`, and skips what the run itself
// writes: an output folder that sits inside an input folder, and files that end with the --suffix.
// Synchronous file-system calls: a handful per command line, and node:fs/promises is a module of its own
// that a one-file run would load and compile for them.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeError } from './errors.js';
import type { Entry } from 'fast-glob';

export interface InputFile {
  /** Path as given or found (relative to the working directory when it was given so). */
  path: string;
  /** Path relative to the folder or glob base it came from: its place under --out-dir. */
  relative: string;
  /**
   * A pipe or a device named on the command line (`<(zcat page.gz)`, a FIFO, /dev/stdin): its bytes can be
   * read only once, so it is left out of the cross-page counting pass, and it cannot be replaced or
   * written beside (--in-place, --suffix).
   */
  readOnce?: true;
}

export interface ExpandedInputs {
  files: InputFile[];
  errors: { input: string; message: string }[];
}

export interface ExpandOptions {
  /** --ignore patterns, relative to the folder or glob base; one without a slash matches at any depth. */
  ignore?: readonly string[];
  /** The output folder: never read back as input when it lies inside an input folder. */
  outDir?: string;
  /** The --suffix of outputs written beside their inputs: such files are outputs, not inputs. */
  outputSuffix?: string;
  /**
   * The --counts file: not a page when a folder or a pattern finds it (`counts build -o crawl/all.counts
   * crawl`, then `boilerstrip crawl -o clean --counts crawl/all.counts`), as counts build skips it too.
   */
  countsFile?: string;
}

/** Folders never descended into: version control and dependencies are not pages. */
export const IGNORED_FOLDERS = ['**/.git/**', '**/node_modules/**'];

export async function expandInputs(inputs: readonly string[], cwd: string, options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const errors: ExpandedInputs['errors'] = [];
  // One input cannot name a file twice (a folder walk meets each file once, fast-glob drops repeats of a
  // pattern), so only several inputs need a set of every path: 100,000 more strings otherwise.
  const seen = inputs.length > 1 ? new Set<string>() : undefined;
  const add = (file: InputFile) => {
    if (seen) {
      const key = path.resolve(cwd, file.path);
      if (seen.has(key)) return;
      seen.add(key);
    }
    files.push(file);
  };
  const outDir = options.outDir === undefined ? undefined : await resolveReal(path.resolve(cwd, options.outDir));
  const ignore = (options.ignore ?? []).flatMap(toIgnorePatterns);
  const countsFile = options.countsFile === undefined ? undefined : await resolveReal(path.resolve(cwd, options.countsFile));
  // Only a file of the counts file's name can be it: the others' real paths are never looked up.
  const isCountsFile = (file: string) => countsFile !== undefined && path.basename(file) === path.basename(countsFile) && realPathOf(path.resolve(cwd, file)) === countsFile;
  const isOutput = (file: string) => options.outputSuffix !== undefined && file.endsWith(options.outputSuffix);
  // What an input that yields nothing may have held: said in its message, so "no files" is not a mystery
  // when every file was ignored or ends in the suffix.
  const skipped = (outDirInside: boolean) =>
    [
      'hidden files',
      ...(ignore.length > 0 ? ['files --ignore matches'] : []),
      ...(options.outputSuffix !== undefined ? [`files ending in the --suffix ${options.outputSuffix}`] : []),
      ...(outDirInside ? ['the output folder'] : []),
    ].join(', ') + ', .git and node_modules';

  for (const input of inputs) {
    // path.resolve reads "" as the working folder: `boilerstrip "$PAGE"` with PAGE unset would clean it all.
    if (input === '') {
      errors.push({ input: "''", message: 'an empty argument names no file or folder' });
      continue;
    }
    let statError: unknown;
    const info = attempt(() => statSync(path.resolve(cwd, input)), (error) => void (statError = error));
    if (info?.isFile()) {
      add({ path: input, relative: path.basename(input) });
    } else if (info?.isDirectory()) {
      const root = await resolveReal(path.resolve(cwd, input));
      const inFolder = await outDirPattern(root, outDir);
      const { found, dangling } = await glob(['**/*'], path.resolve(cwd, input), [...ignore, ...inFolder], { unique: false, walk: true });
      const reported = errors.length;
      for (const rel of dangling) errors.push({ input: path.join(input, rel), message: DANGLING });
      const kept = found.filter((rel) => !isOutput(rel) && !isCountsFile(path.join(input, rel)) && !unopenableName(path.resolve(cwd, input, rel), path.join(input, rel), errors));
      for (const rel of kept) add({ path: path.join(input, rel), relative: rel });
      if (kept.length === 0 && errors.length === reported) errors.push({ input, message: `a folder with no files to clean (${skipped(inFolder.length > 0)} are skipped)` });
    } else if (info?.isFIFO() || info?.isCharacterDevice()) {
      add({ path: input, relative: path.basename(input), readOnce: true });
    } else if (info) {
      errors.push({ input, message: 'not a regular file, folder, pipe or character device' });
    } else if (await isGlob(input)) {
      const fg = (await import('fast-glob')).default;
      const bases = fg.generateTasks([input]).map((task) => task.base);
      const base = patternBase(bases, cwd);
      const prefixes = ignorePrefixes(bases, base, cwd).map((form) => (form === '.' ? '' : `${fg.escapePath(form)}/`));
      // Both relative to the pattern's base, which may be absolute or above the working folder ("../**/*.txt").
      const baseOutDir = await outDirPattern(await resolveReal(path.resolve(cwd, base)), outDir);
      const excluded = [...ignore, ...baseOutDir].flatMap((p) => prefixes.map((prefix) => prefix + p));
      const globbed = await glob([input], cwd, excluded);
      const reported = errors.length;
      const found = globbed.found.filter((file) => !isOutput(file) && !isCountsFile(file) && !unopenableName(path.resolve(cwd, file), file, errors));
      for (const file of globbed.dangling) errors.push({ input: file, message: DANGLING });
      if (found.length === 0 && errors.length === reported) errors.push({ input, message: `no files to clean match this pattern (${skipped(baseOutDir.length > 0)} are skipped)` });
      // Resolved against the working folder given, not the process's: an absolute alternative's files are absolute.
      const baseFolder = path.resolve(cwd, base);
      for (const file of found) add({ path: file, relative: path.relative(baseFolder, path.resolve(cwd, file)) });
    } else if (await isSymlink(path.resolve(cwd, input))) {
      // A link to nothing, or one of a loop of links (ELOOP), which has a target but never reaches a file.
      const code = (statError as NodeJS.ErrnoException | undefined)?.code;
      errors.push({ input, message: code === 'ENOENT' || code === undefined ? DANGLING : describeError(statError) });
    } else {
      const code = (statError as NodeJS.ErrnoException | undefined)?.code;
      const missing = code === 'ENOENT' || code === undefined;
      errors.push({ input, message: missing && input.includes(REPLACEMENT) ? UNDECODABLE_NAME : missing ? 'no such file or folder' : describeError(statError) });
    }
  }
  return { files, errors };
}

/**
 * The folder a pattern's files are placed and named below: its base, the part before the first glob. A
 * pattern with braces has one base per alternative (`crawl/{alpha,beta}/*.txt`: `crawl/alpha` and
 * `crawl/beta`); their common folder serves all, so that each file keeps the part of its path that tells it
 * from the others (`alpha/a.txt`, `beta/a.txt`). Relative to the first base alone, the other files' paths
 * began with `../`, and their outputs went outside the output folder.
 */
export function patternBase(bases: readonly string[], cwd: string): string {
  // Absolute or relative as the first alternative is: the order of the alternatives decides the form.
  if (bases.length <= 1) return bases[0] ?? '.';
  const absolute = bases.map((base) => path.resolve(cwd, base));
  let common = absolute[0]!;
  while (absolute.some((base) => climbsOut(path.relative(common, base)))) common = path.dirname(common);
  if (path.isAbsolute(bases[0]!)) return common;
  return path.relative(cwd, common).split(path.sep).join('/') || '.';
}

/**
 * The shared base as the pattern's alternatives write their paths, for the ignore patterns below it:
 * fast-glob matches an ignore pattern against a path as its alternative writes it, so where the braces mix
 * absolute and relative alternatives, the base is given in both forms. Each form with "/" separators.
 */
function ignorePrefixes(bases: readonly string[], base: string, cwd: string): string[] {
  const forms = new Set<string>();
  for (const alternative of bases) {
    if (path.isAbsolute(alternative)) forms.add(path.resolve(cwd, base)); // an absolute alternative's paths are absolute
    else if (path.isAbsolute(base)) forms.add(path.relative(cwd, base) || '.'); // a relative one's, below a base given absolute
    else forms.add(base); // a relative one's, below a relative base
  }
  return [...forms].map((form) => form.split(path.sep).join('/'));
}

/**
 * Whether a path relative to a folder ("../notes/a.txt", an absolute path) leads out of it. A file's path
 * below its base never does (see patternBase); run-batch checks it again before writing, so that no
 * output lands outside --out-dir.
 */
export function climbsOut(relative: string): boolean {
  return path.isAbsolute(relative) || relative === '..' || relative.startsWith(`..${path.sep}`) || relative.startsWith('../');
}

/** `*.html` → anywhere below; `drafts/` or `a/b.txt` → relative to the base; a folder's contents go too. */
function toIgnorePatterns(pattern: string): string[] {
  const trimmed = pattern.replace(/^\.\//u, '').replace(/\/+$/u, '');
  const anchored = trimmed.includes('/') ? trimmed : `**/${trimmed}`;
  return [anchored, `${anchored}/**`];
}

/** An ignore pattern for the output folder when it lies inside `root` (both real paths). */
async function outDirPattern(root: string, outDir: string | undefined): Promise<string[]> {
  if (outDir === undefined) return [];
  const relative = path.relative(root, outDir);
  // (An output folder named "..clean" inside the root is inside it: climbsOut reads the whole first part.)
  if (relative === '' || climbsOut(relative)) return [];
  const fg = (await import('fast-glob')).default;
  return [`${fg.escapePath(relative.split(path.sep).join('/'))}/**`];
}

async function isGlob(input: string): Promise<boolean> {
  if (!/[*?[\]{}()!]/.test(input)) return false;
  const fg = (await import('fast-glob')).default;
  return fg.isDynamicPattern(input);
}

const DANGLING = 'a broken symbolic link (its target does not exist)';

/**
 * A file name that is not valid UTF-8 (an old crawl's Latin-1 names) reaches the program with U+FFFD in
 * place of its bytes, and no file has that name: it cannot be opened by it. Said so, rather than "no such
 * file"; a name that holds U+FFFD itself, written in UTF-8, opens as any other.
 */
const REPLACEMENT = '\ufffd';
const UNDECODABLE_NAME = 'its name is not valid UTF-8, and boilerstrip can only open files whose names are; rename it';

/** Whether the found file `file` (absolute; `shown` as reported) is such a name; reported in `errors` if so. */
function unopenableName(file: string, shown: string, errors: ExpandedInputs['errors']): boolean {
  if (!file.includes(REPLACEMENT) || attempt(() => lstatSync(file), () => undefined) !== undefined) return false;
  errors.push({ input: shown, message: UNDECODABLE_NAME });
  return true;
}

async function isSymlink(file: string): Promise<boolean> {
  return attempt(() => lstatSync(file), () => undefined)?.isSymbolicLink() ?? false;
}

/**
 * Regular, non-hidden files matching `patterns` below `cwd`, in a stable (sorted) order, and the symbolic
 * links among the matches whose target does not exist (reported, where the links to files and folders
 * that do exist are skipped silently as before: only regular files are inputs). `unique: false` spares
 * fast-glob a set of every path where the walk cannot meet a file twice (one pattern, links not followed).
 */
async function glob(patterns: string[], cwd: string, ignore: string[], { unique = true, walk = false } = {}): Promise<{ found: string[]; dangling: string[] }> {
  const fg = (await import('fast-glob')).default;
  // Streamed: each entry (an object and a Dirent) is dropped as soon as it is seen, where the array form
  // holds them all at once, which for 100,000 files set the heap's size for the rest of the run.
  const entries = fg.stream(patterns, { cwd, dot: false, onlyFiles: false, objectMode: true, followSymbolicLinks: false, ignore: [...IGNORED_FOLDERS, ...ignore], suppressErrors: true, unique });
  const found: string[] = [];
  const links: string[] = [];
  const unwalked: string[] = [];
  for await (const entry of entries as AsyncIterable<Entry>) {
    if (entry.dirent.isFile()) found.push(entry.path);
    else if (entry.dirent.isSymbolicLink()) links.push(entry.path);
    else if (walk && entry.dirent.isDirectory() && LINE_BREAK.test(entry.name)) unwalked.push(entry.path);
  }
  const dangling: string[] = [];
  for (const link of links) {
    const target = attempt(() => statSync(path.resolve(cwd, link)), (error) => error as NodeJS.ErrnoException);
    if (target instanceof Error && target.code === 'ENOENT') dangling.push(link);
  }
  // fast-glob lists a folder whose name holds a line break but never walks into it (its patterns' "." does
  // not match one), so its pages were skipped without a word. Such a folder is walked on its own; of the
  // ignore patterns, those that apply at any depth ("**/…") still apply below it.
  for (const folder of unwalked) {
    const below = await glob(['**/*'], path.resolve(cwd, folder), ignore.filter((pattern) => pattern.startsWith('**/')), { unique, walk });
    for (const file of below.found) found.push(`${folder}/${file}`);
    for (const link of below.dangling) dangling.push(`${folder}/${link}`);
  }
  return { found: found.sort(), dangling: dangling.sort() };
}

/** Line terminators, which fast-glob's patterns do not match inside a folder's name. */
const LINE_BREAK = /[\n\r\u2028\u2029]/u;

/** The real path of a file, or the path itself when it does not exist (yet). */
export async function resolveReal(file: string): Promise<string> {
  return realPathOf(file);
}

function realPathOf(file: string): string {
  return attempt(() => realpathSync(file), () => file);
}

/** `call()`, or `fallback(error)` when it throws. */
function attempt<T, F>(call: () => T, fallback: (error: unknown) => F): T | F {
  try {
    return call();
  } catch (error) {
    return fallback(error);
  }
}
