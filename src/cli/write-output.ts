// Writes an output file atomically: the text goes to a temporary file in the same folder, which is then
// renamed over the destination. A crash, a full disk or Ctrl-C leaves either the old file or the complete
// new one, never a truncated one; the temporary file is removed when writing fails.
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls the writer makes; tests pass failing ones (a full disk, a read-only folder). */
export interface WriterFs {
  mkdir(folder: string, options: { recursive: true }): Promise<unknown>;
  writeFile(file: string, data: string, options: { flag: 'wx' }): Promise<void>;
  chmod(file: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

export interface WriteOptions {
  /** File mode for the new file (--in-place keeps the input's); default: the usual 0666 less umask. */
  mode?: number;
  /** Folders known to exist (filled in as they are made): a batch makes each output folder once. */
  madeFolders?: Set<string>;
  /** The file system to write through; tests inject failures here. */
  fs?: WriterFs;
}

export async function writeFileAtomic(destination: string, content: string, options: WriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const folder = path.dirname(destination);
  if (!options.madeFolders?.has(folder)) {
    await fs.mkdir(folder, { recursive: true });
    options.madeFolders?.add(folder);
  }
  const temporary = path.join(folder, `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, content, { flag: 'wx' });
    // chmod, not writeFile's mode: that one is filtered by the umask, and the input's mode must survive.
    if (options.mode !== undefined) await fs.chmod(temporary, options.mode & 0o7777);
    await fs.rename(temporary, destination);
  } catch (error) {
    // The original error is what the user needs to see; a failing clean-up must not replace it.
    await fs.rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}
