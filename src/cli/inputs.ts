// Expands the command line's inputs (files, folders, glob patterns, "-") into a list of files, each with
// the path it will have under the output folder. Problems with one input are returned, not thrown, so
// the run can report them and go on with the rest.
//
// Walking never follows a symbolic link (so a link loop cannot trap it: links are not inputs unless named
// on the command line), never descends into `.git` or `node_modules`, and skips what the run itself
// writes: an output folder that sits inside an input folder, and files that end with the --suffix.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export interface InputFile {
  /** Path as given or found (relative to the working directory when it was given so). */
  path: string;
  /** Path relative to the folder or glob base it came from: its place under --out-dir. */
  relative: string;
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
}

/** Folders never descended into: version control and dependencies are not pages. */
export const IGNORED_FOLDERS = ['**/.git/**', '**/node_modules/**'];

export async function expandInputs(inputs: readonly string[], cwd: string, options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const errors: ExpandedInputs['errors'] = [];
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    const key = path.resolve(cwd, file.path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  const outDir = options.outDir === undefined ? undefined : await resolveReal(path.resolve(cwd, options.outDir));
  const ignore = (options.ignore ?? []).flatMap(toIgnorePatterns);
  const isOutput = (file: string) => options.outputSuffix !== undefined && file.endsWith(options.outputSuffix);

  for (const input of inputs) {
    const info = await stat(path.resolve(cwd, input)).catch(() => undefined);
    if (info?.isFile()) {
      add({ path: input, relative: path.basename(input) });
    } else if (info?.isDirectory()) {
      const root = await resolveReal(path.resolve(cwd, input));
      const found = await glob(['**/*'], path.resolve(cwd, input), [...ignore, ...(await outDirPattern(root, outDir))]);
      for (const rel of found) if (!isOutput(rel)) add({ path: path.join(input, rel), relative: rel });
    } else if (info) {
      errors.push({ input, message: 'not a regular file or folder' });
    } else if (await isGlob(input)) {
      const fg = (await import('fast-glob')).default;
      const [task] = fg.generateTasks([input]);
      const base = task?.base ?? '.';
      const prefix = base === '.' ? '' : `${fg.escapePath(base)}/`;
      const excluded = [...ignore.map((p) => prefix + p), ...(await outDirPattern(await resolveReal(path.resolve(cwd)), outDir))];
      const found = (await glob([input], cwd, excluded)).filter((file) => !isOutput(file));
      if (found.length === 0) errors.push({ input, message: 'no files match this pattern' });
      for (const file of found) add({ path: file, relative: path.relative(base, file) });
    } else {
      errors.push({ input, message: 'no such file or folder' });
    }
  }
  return { files, errors };
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
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return [];
  const fg = (await import('fast-glob')).default;
  return [`${fg.escapePath(relative.split(path.sep).join('/'))}/**`];
}

async function isGlob(input: string): Promise<boolean> {
  if (!/[*?[\]{}()!]/.test(input)) return false;
  const fg = (await import('fast-glob')).default;
  return fg.isDynamicPattern(input);
}

/** Regular, non-hidden files matching `patterns` below `cwd`, in a stable (sorted) order. */
async function glob(patterns: string[], cwd: string, ignore: string[]): Promise<string[]> {
  const fg = (await import('fast-glob')).default;
  const found = await fg(patterns, { cwd, dot: false, onlyFiles: true, followSymbolicLinks: false, ignore: [...IGNORED_FOLDERS, ...ignore], suppressErrors: true });
  return found.sort();
}

/** The real path of a file, or the path itself when it does not exist (yet). */
export async function resolveReal(file: string): Promise<string> {
  return realpath(file).catch(() => file);
}
