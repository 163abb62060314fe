// Expands the command line's inputs (files, folders, glob patterns, "-") into a list of files, each with
// the path it will have under the output folder. Problems with one input are returned, not thrown, so
// the run can report them and go on with the rest.
import { stat } from 'node:fs/promises';
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

/** Folders never descended into: version control and dependencies are not pages. */
export const IGNORED_FOLDERS = ['**/.git/**', '**/node_modules/**'];

export async function expandInputs(inputs: readonly string[], cwd: string): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const errors: ExpandedInputs['errors'] = [];
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    const key = path.resolve(cwd, file.path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };

  for (const input of inputs) {
    const info = await stat(path.resolve(cwd, input)).catch(() => undefined);
    if (info?.isFile()) {
      add({ path: input, relative: path.basename(input) });
    } else if (info?.isDirectory()) {
      const found = await glob(['**/*'], path.resolve(cwd, input));
      for (const rel of found) add({ path: path.join(input, rel), relative: rel });
    } else if (info) {
      errors.push({ input, message: 'not a regular file or folder' });
    } else if (await isGlob(input)) {
      const fg = (await import('fast-glob')).default;
      const [task] = fg.generateTasks([input]);
      const base = task?.base ?? '.';
      const found = await glob([input], cwd);
      if (found.length === 0) errors.push({ input, message: 'no files match this pattern' });
      for (const file of found) add({ path: file, relative: path.relative(base, file) });
    } else {
      errors.push({ input, message: 'no such file or folder' });
    }
  }
  return { files, errors };
}

async function isGlob(input: string): Promise<boolean> {
  if (!/[*?[\]{}()!]/.test(input)) return false;
  const fg = (await import('fast-glob')).default;
  return fg.isDynamicPattern(input);
}

/** Regular, non-hidden files matching `patterns` below `cwd`, in a stable (sorted) order. */
async function glob(patterns: string[], cwd: string): Promise<string[]> {
  const fg = (await import('fast-glob')).default;
  const found = await fg(patterns, { cwd, dot: false, onlyFiles: true, followSymbolicLinks: false, ignore: IGNORED_FOLDERS, suppressErrors: true });
  return found.sort();
}
