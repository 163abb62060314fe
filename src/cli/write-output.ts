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
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

export async function writeFileAtomic(destination: string, content: string, fs: WriterFs = nodeFs): Promise<void> {
  await fs.mkdir(path.dirname(destination), { recursive: true });
  const temporary = path.join(path.dirname(destination), `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, content, { flag: 'wx' });
    await fs.rename(temporary, destination);
  } catch (error) {
    // The original error is what the user needs to see; a failing clean-up must not replace it.
    await fs.rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}
