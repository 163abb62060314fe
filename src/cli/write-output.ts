// Writes an output file atomically: the text goes to a temporary file in the same folder, which is then
// renamed over the destination. A crash, a full disk or Ctrl-C leaves either the old file or the complete
// new one, never a truncated one; the temporary file is removed when writing fails.
//
// The calls are synchronous: a batch writes thousands of small files from worker threads (or between
// tasks), where a promise per call only adds a round trip through libuv's thread pool for each of them.
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import path from 'node:path';

/** The file-system calls the writer makes; tests pass failing ones (a full disk, a read-only folder). */
export interface WriterFs {
  mkdirSync(folder: string, options: { recursive: true }): unknown;
  writeFileSync(file: string, data: string, options: { flag: 'wx' }): void;
  chmodSync(file: string, mode: number): void;
  renameSync(from: string, to: string): void;
  rmSync(file: string, options: { force: true }): void;
}

export interface WriteOptions {
  /** File mode for the new file (--in-place keeps the input's); default: the usual 0666 less umask. */
  mode?: number;
  /** Folders known to exist (filled in as they are made): a batch makes each output folder once. */
  madeFolders?: Set<string>;
  /** The file system to write through; tests inject failures here. */
  fs?: WriterFs;
}

export function writeFileAtomic(destination: string, content: string, options: WriteOptions = {}): void {
  const fs = options.fs ?? nodeFs;
  const folder = path.dirname(destination);
  if (!options.madeFolders?.has(folder)) {
    fs.mkdirSync(folder, { recursive: true });
    options.madeFolders?.add(folder);
  }
  const temporary = path.join(folder, `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, content, { flag: 'wx' });
    // chmod, not writeFile's mode: that one is filtered by the umask, and the input's mode must survive.
    if (options.mode !== undefined) fs.chmodSync(temporary, options.mode & 0o7777);
    fs.renameSync(temporary, destination);
  } catch (error) {
    // The original error is what the user needs to see; a failing clean-up must not replace it.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // ignored: see above
    }
    throw error;
  }
}
