// Writes an output file atomically: the text goes to a temporary file in the same folder, which is then
// renamed over the destination. A crash, a full disk or Ctrl-C leaves either the old file or the complete
// new one, never a truncated one; the temporary file is removed when writing fails.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface WriteOptions {
  /** File mode for the new file (--in-place keeps the input's); default: the usual 0666 less umask. */
  mode?: number;
  /** Folders known to exist (filled in as they are made): a batch makes each output folder once. */
  madeFolders?: Set<string>;
}

export async function writeFileAtomic(destination: string, content: string, options: WriteOptions = {}): Promise<void> {
  const folder = path.dirname(destination);
  if (!options.madeFolders?.has(folder)) {
    await mkdir(folder, { recursive: true });
    options.madeFolders?.add(folder);
  }
  const temporary = path.join(path.dirname(destination), `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    // chmod, not writeFile's mode: that one is filtered by the umask, and the input's mode must survive.
    if (options.mode !== undefined) await chmod(temporary, options.mode & 0o7777);
    await rename(temporary, destination);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
