// Ctrl-C or SIGTERM stops a batch after the files being cleaned, not after every file already handed out:
// a task holds up to 64 files and several tasks per thread wait in the pool, which once made a stop
// take 20 s or more on large pages. The batch raises a flag on memory every thread shares, and a task
// looks at it before each file.
import { isMainThread } from 'node:worker_threads';

/** The flag a batch's tasks carry, raised when `signal` fires; none without a signal. */
export function stopFlag(signal: AbortSignal | undefined): Int32Array | undefined {
  if (!signal) return undefined;
  const flag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  if (signal.aborted) flag[0] = 1;
  else signal.addEventListener('abort', () => Atomics.store(flag, 0, 1), { once: true });
  return flag;
}

/**
 * Whether the task should stop before its next file. In the main thread (--jobs 1, small batches) the
 * files are read and cleaned synchronously, so the signal's handler, which raises the flag, runs only
 * when the loop is given a turn: given here, between files (a few microseconds each).
 */
export async function stopBeforeNext(flag: Int32Array | undefined): Promise<boolean> {
  if (flag === undefined) return false;
  // A macrotask, as clean-task's turnOfTheEventLoop (not imported: clean-task imports this module).
  if (isMainThread) await new Promise((resolve) => setImmediate(resolve));
  return Atomics.load(flag, 0) === 1;
}
