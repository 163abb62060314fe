// Inputs that come as streams: standard input, and pipes or devices named as inputs (InputFile.readOnce:
// `<(zcat page.gz)`, a FIFO, /dev/stdin). They have no size to check before reading, some never end, and
// a slow writer can keep a read waiting for ever; so they are read whole here, through the event loop,
// up to --max-size, and a Ctrl-C stops the reading at once.
import { constants, createReadStream, fstatSync, open, openSync, stat } from 'node:fs';
import type { Readable } from 'node:stream';

/** A whole stream, or why there is none. */
export type ReadOutcome = { bytes: Buffer } | { tooLarge: true; size: number } | { error: unknown; size: number } | 'aborted';

/** Reads `chunks` to their end; stops at the first byte past `maxSize`, or when `signal` fires. */
export async function readWhole(chunks: AsyncIterable<Uint8Array | string>, maxSize: number, signal?: AbortSignal): Promise<ReadOutcome> {
  const parts: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  const read = (async () => {
    for await (const chunk of chunks) {
      const buffer = Buffer.from(chunk);
      size += buffer.length;
      // Stop reading at the limit rather than hold an endless pipe in memory.
      if (size > maxSize) {
        tooLarge = true;
        return;
      }
      parts.push(buffer);
    }
  })();
  let readError: unknown;
  const outcome = await Promise.race([read.then(() => 'read' as const, (error: unknown) => ((readError = error), 'failed' as const)), whenAborted(signal)]);
  if (outcome === 'aborted') return 'aborted';
  if (outcome === 'failed') return { error: readError, size };
  if (tooLarge) return { tooLarge, size };
  return { bytes: Buffer.concat(parts, size) };
}

/**
 * A file, pipe or device as a stream. A pipe is read through the event loop (a socket on its descriptor,
 * as Node reads standard input), not by a thread of libuv's pool: the process waits for those threads
 * when it exits, so a read waiting on a slow writer would hold up Ctrl-C until the writer ended. A named
 * pipe is opened without waiting (O_NONBLOCK), for the same reason: a plain open waits in a pool thread
 * until some writer opens the other end, which may be never. The socket then waits in the event loop: the
 * kernel reports no end of input on such a pipe before a writer has come and gone.
 */
export async function openStream(file: string): Promise<Readable> {
  const namedPipe = await new Promise<boolean>((resolve) => stat(file, (error, stats) => resolve(!error && stats.isFIFO())));
  const fd = namedPipe ? openSync(file, constants.O_RDONLY | constants.O_NONBLOCK) : await new Promise<number>((resolve, reject) => open(file, 'r', (error, opened) => (error ? reject(error) : resolve(opened))));
  if (!namedPipe && !fstatSync(fd).isFIFO()) return createReadStream('', { fd });
  const { Socket } = await import('node:net');
  return new Socket({ fd, readable: true, writable: false });
}

/** The bytes of `file` (see openStream), opened when they are first asked for. */
export async function* readStream(file: string): AsyncGenerator<Uint8Array> {
  yield* await openStream(file);
}

/** Resolves when `signal` fires; never without one. */
export function whenAborted(signal: AbortSignal | undefined): Promise<'aborted'> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve('aborted');
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
}
