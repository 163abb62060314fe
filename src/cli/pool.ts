// The worker-thread pool (piscina, imported only when a run is big enough to use it) and the ordered
// window every batch runs through: tasks start in order, at most `window` are in flight, and results are
// taken in input order. The window bounds memory and gives back-pressure (the next task starts only when
// the oldest result has been taken, e.g. written to a slow pipe); input order makes the output identical
// for any number of threads.
import { existsSync } from 'node:fs';
import type { Piscina } from 'piscina';
import { sharedWriteGate } from './write-output.js';

export type Pool = Piscina;

/**
 * Heap limits of a worker thread. V8 sizes each thread's young generation for throughput, which with
 * several threads adds up: -j 2 on JSON Lines peaked at 320 MB resident by default, 255 MB with this.
 * Only the young generation is limited: a worker that reaches an old-generation limit takes the whole
 * process down in Node 20 (a fatal OOM while the worker is torn down), so giant pages must stay possible.
 * Should a worker die anyway, its task is redone in the main thread (`runTask`), unless it ran out of
 * memory: then its files are tried one by one in workers of their own, and the one too large fails.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * Options for each worker's Node. piscina loads the worker module with require() first and import() when
 * that fails; where Node can require() an ES module (20.19 and later), that path once killed a test run
 * with a fatal V8 error inside the worker ("IsGraphAsync must be used on an instantiated module", in
 * require(esm) loading the worker module; once in seven CI runs, not reproduced since). With require(esm)
 * switched off in the workers, piscina's require() fails at once and every worker loads its module through
 * import(), as on Nodes without require(esm). The flag is given only where it exists.
 */
export function workerExecArgv(features: { require_module?: boolean } = process.features as { require_module?: boolean }): string[] {
  return features.require_module === true ? ['--no-experimental-require-module'] : [];
}

/**
 * `workerData` is cloned into every worker once (with --counts: the sites' repeats, whose line arrays are
 * shared, not copied); the gate every thread writes through (write-output.ts) goes with it.
 */
export async function startPool(threads: number, workerData?: object): Promise<Pool> {
  const { Piscina } = await import('piscina');
  return new Piscina({
    filename: workerUrl(),
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: WORKER_LIMITS,
    // Given explicitly, a worker's Node options replace the ones it would take from this process.
    execArgv: [...process.execArgv, ...workerExecArgv()],
    workerData: { ...workerData, writeGate: sharedWriteGate() },
  });
}

/**
 * Runs `task` in the pool, or with `inline` in this thread when the worker failed. A worker that ran out
 * of memory is the exception: this thread's heap has the same limit, and the task redone here ended the
 * whole process (a fatal V8 error, exit 134). `outOfMemory` says what then becomes of the task; without
 * it, it is redone here as before.
 */
export async function runTask<T, R>(
  pool: Pool,
  task: T,
  name: string | undefined,
  inline: (task: T) => R | Promise<R>,
  outOfMemory?: (task: T) => R | Promise<R>,
): Promise<R> {
  try {
    return (await pool.run(task, name === undefined ? {} : { name })) as R;
  } catch (error) {
    if (outOfMemory && (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return outOfMemory(task);
    return inline(task);
  }
}

/**
 * The compiled worker module. From the sources (the in-process tests run TypeScript), the worker is the
 * built copy in dist/, since a thread cannot load .ts files: `npm test` builds first.
 */
function workerUrl(): string {
  const beside = new URL('./clean-worker.js', import.meta.url);
  return existsSync(beside) ? beside.href : new URL('../../dist/cli/clean-worker.js', import.meta.url).href;
}

/**
 * Yielded among the tasks: every task in flight is finished and taken before the next is read. A source
 * that will keep runInOrder waiting (an input that sends nothing for a while) yields it, so that what was
 * read before the wait is taken now, not when the window fills or the input ends.
 */
export const TAKE_ALL = Symbol('take all');

/**
 * Runs `run` over `tasks` with at most `window` in flight, handing each result to `take` in task order.
 * Stops starting tasks once `signal` fires (those in flight still finish and are taken); returns whether
 * it stopped early.
 */
export async function runInOrder<T, R>(
  tasks: Iterable<T | typeof TAKE_ALL> | AsyncIterable<T | typeof TAKE_ALL>,
  run: (task: T, index: number) => Promise<R>,
  window: number,
  take: (result: R, task: T) => unknown,
  signal?: AbortSignal,
): Promise<boolean> {
  const inFlight: { task: T; done: Promise<R> }[] = [];
  let index = 0;
  let interrupted = false;
  const takeOldest = async () => {
    const head = inFlight.shift()!;
    await take(await head.done, head.task);
  };
  for await (const task of tasks) {
    if (signal?.aborted) {
      interrupted = true;
      break;
    }
    if (task === TAKE_ALL) {
      while (inFlight.length > 0) await takeOldest();
      continue;
    }
    const done = run(task, index++);
    done.catch(() => {}); // taken (and rethrown) in order by takeOldest; no unhandled rejection meanwhile
    inFlight.push({ task, done });
    if (inFlight.length >= window) await takeOldest();
  }
  while (inFlight.length > 0) await takeOldest();
  return interrupted || signal?.aborted === true;
}
