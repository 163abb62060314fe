// Writes an output file atomically: the text goes to a temporary file in the same folder, which is then
// renamed over the destination. A crash, a full disk or Ctrl-C leaves either the old file or the complete
// new one, never a truncated one; the temporary file is removed when writing fails.
//
// The calls are synchronous: a batch writes thousands of small files from worker threads (or between
// tasks), where a promise per call only adds a round trip through libuv's thread pool for each of them.
import * as nodeFs from 'node:fs';
import path from 'node:path';

/** The file-system calls the writer makes; tests pass failing ones (a full disk, a read-only folder). */
export interface WriterFs {
  mkdirSync(folder: string, options?: { recursive: true }): unknown;
  writeFileSync(file: string, data: string | Uint8Array, options: { flag: 'wx' }): void;
  appendFileSync(file: string, data: Uint8Array): void;
  chmodSync(file: string, mode: number): void;
  chownSync?(file: string, uid: number, gid: number): void;
  renameSync(from: string, to: string): void;
  rmSync(file: string, options: { force: true }): void;
}

export interface WriteOptions {
  /** File mode for the new file (--in-place keeps the input's); default: the usual 0666 less umask. */
  mode?: number;
  /**
   * Owner and group for the new file (--in-place keeps the input's), where this process may give them:
   * root may, another user only a group of its own. Where it may not, the file is written all the same.
   */
  owner?: { uid: number; gid: number };
  /** Folders known to exist (filled in as they are made): a batch makes each output folder once. */
  madeFolders?: Set<string>;
  /** The file system to write through; tests inject failures here. */
  fs?: WriterFs;
}

/**
 * `content` may come in pieces (a large counts file): the first is written as the file is created, the
 * others appended, so the whole never needs to be in memory at once.
 */
export function writeFileAtomic(destination: string, content: string | Uint8Array | Iterable<Uint8Array>, options: WriteOptions = {}): void {
  const gate = writeGate;
  if (!gate) return writeThroughTemporary(destination, content, options);
  // Counted in before the gate is looked at, as stopWrites closes it before it counts: one of the two
  // sees the other, so no write starts unseen once the gate is closed.
  Atomics.add(gate, WRITERS, 1);
  try {
    if (Atomics.load(gate, CLOSED) === 1) throw new Error('interrupted');
    writeThroughTemporary(destination, content, options);
  } finally {
    Atomics.sub(gate, WRITERS, 1);
    Atomics.notify(gate, WRITERS);
  }
}

function writeThroughTemporary(destination: string, content: string | Uint8Array | Iterable<Uint8Array>, options: WriteOptions): void {
  const fs = options.fs ?? nodeFs;
  const folder = path.dirname(destination);
  if (!options.madeFolders?.has(folder)) {
    makeFolder(folder, fs);
    options.madeFolders?.add(folder);
  }
  // 'wx' never takes over an existing file: a name that is taken (by another writer, by chance) is not
  // ours to write or remove, and another is tried.
  const pieces = typeof content === 'string' || content instanceof Uint8Array ? undefined : content[Symbol.iterator]();
  const first = pieces ? (pieces.next().value ?? new Uint8Array(0)) : (content as string | Uint8Array);
  let temporary = temporaryName(destination);
  for (let attempt = 1; ; attempt++) {
    try {
      fs.writeFileSync(temporary, first, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') removeAfterFailure(fs, temporary, error);
      if (attempt === NAME_ATTEMPTS) throw error;
      temporary = temporaryName(destination);
    }
  }
  try {
    if (pieces) for (let piece = pieces.next(); !piece.done; piece = pieces.next()) fs.appendFileSync(temporary, piece.value);
    // chmod, not writeFile's mode: that one is filtered by the umask, and the input's mode must survive.
    if (options.owner !== undefined) keepOwner(fs, temporary, options.owner);
    // After chown, which may clear the set-user-ID and set-group-ID bits.
    if (options.mode !== undefined) fs.chmodSync(temporary, options.mode & 0o7777);
    fs.renameSync(temporary, destination);
  } catch (error) {
    removeAfterFailure(fs, temporary, error);
  }
}

/**
 * Makes `folder` and the folders above it that are missing. Node's recursive mkdir reports any failure to
 * make a folder that stats as missing afterwards as ENOENT ("no such file or folder"): a full disk or a
 * read-only file system said that. Then the folders are made one by one from the top, and the first that
 * cannot be made gives the real reason.
 */
export function makeFolder(folder: string, fs: Pick<WriterFs, 'mkdirSync'> = nodeFs): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const folders: string[] = [];
  for (let f = path.resolve(folder); ; f = path.dirname(f)) {
    folders.unshift(f);
    if (path.dirname(f) === f) break;
  }
  for (const f of folders) {
    try {
      fs.mkdirSync(f);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Gives `file` (ours, just made) the owner and group, as far as this process may: both as root; as
 * another user, the group alone when it is one of its own (-1 leaves the owner). Always asked, not only
 * when they differ from this process's: in a set-group-ID folder a new file takes the folder's group.
 */
function keepOwner(fs: WriterFs, file: string, { uid, gid }: { uid: number; gid: number }): void {
  if (!fs.chownSync) return;
  for (const owner of [uid, -1]) {
    try {
      fs.chownSync(file, owner, gid);
      return;
    } catch (error) {
      // Not ours to give: the file keeps what this process gave it, as any file it writes.
      if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    }
  }
}

/** Removes our temporary file after `error` and rethrows `error`. */
function removeAfterFailure(fs: WriterFs, temporary: string, error: unknown): never {
  // The original error is what the user needs to see; a failing clean-up must not replace it.
  try {
    fs.rmSync(temporary, { force: true });
  } catch {
    // ignored: see above
  }
  throw error;
}

const NAME_ATTEMPTS = 5;

/**
 * A second Ctrl-C ends the process at once, and worker threads with it: one stopped between creating its
 * temporary file and renaming it would leave that file behind. So every thread writes through a gate on
 * memory they share: stopWrites closes it (no write starts after that) and waits for the writes under
 * way to end, which takes a millisecond or so, before the process exits.
 */
let writeGate: Int32Array | undefined;
/** Slots of the gate: 1 once closed; the writes under way. */
const CLOSED = 0;
const WRITERS = 1;

/** The gate of this process, made on first use (the main thread hands it to each worker thread). */
export function sharedWriteGate(): Int32Array {
  writeGate ??= new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  return writeGate;
}

/** In a worker thread: writes go through the gate the main thread made. */
export function useWriteGate(gate: Int32Array | undefined): void {
  writeGate = gate;
}

/**
 * Closes the gate and waits, at most `timeoutMs`, for the writes under way in any thread to end, so that
 * the process can exit without leaving a temporary file. Called from the handler of a second signal, just
 * before the process exits: the gate stays closed, and every write after this fails. A worker killed in
 * the middle of a write (out of memory) never counts itself out, and the wait then lasts the timeout.
 */
export function stopWrites(timeoutMs = 2000): void {
  const gate = writeGate;
  if (!gate) return;
  Atomics.store(gate, CLOSED, 1);
  const deadline = performance.now() + timeoutMs;
  for (let writers = Atomics.load(gate, WRITERS); writers > 0 && performance.now() < deadline; writers = Atomics.load(gate, WRITERS)) {
    Atomics.wait(gate, WRITERS, writers, Math.max(1, deadline - performance.now()));
  }
}

/**
 * A hidden name beside `destination` with a random part. Math.random, not crypto: the name needs to be
 * unlikely to be taken, not unpredictable, and crypto.randomBytes cost about 30 µs a call, 3 % of a batch.
 */
function temporaryName(destination: string): string {
  const random = Math.floor(Math.random() * 2 ** 48).toString(36);
  return path.join(path.dirname(destination), `.${path.basename(destination)}.${random}.tmp`);
}
