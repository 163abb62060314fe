// The gate every thread writes through, so that a second Ctrl-C can end the process without leaving a
// temporary file: once closed, no write starts, and stopWrites waits for the writes under way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedWriteGate, stopWrites, useWriteGate, writeFileAtomic } from '../../src/cli/write-output.js';
import { REPO, tempDir } from '../helpers/cli.js';

/** A worker thread that writes `file` through the built writer and `gate`, its file system taking `slowMs` to create the temporary file. */
function slowWriter(gate: Int32Array, file: string, slowMs: number): { started: Promise<void>; done: Promise<unknown> } {
  const writer = pathToFileURL(path.join(REPO, 'dist', 'cli', 'write-output.js')).href;
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const fs = require('node:fs');
     import(${JSON.stringify(writer)}).then(({ useWriteGate, writeFileAtomic }) => {
       useWriteGate(workerData.gate);
       const slowFs = { ...fs, writeFileSync(f, data, options) {
         parentPort.postMessage('started');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.slowMs);
         fs.writeFileSync(f, data, options);
       } };
       writeFileAtomic(workerData.file, 'complete', { fs: slowFs });
       parentPort.postMessage('written');
     });`,
    { eval: true, workerData: { gate, file, slowMs } },
  );
  const done = new Promise((resolve, reject) => worker.on('message', (m) => m === 'written' && resolve(m)).on('error', reject));
  // A worker that fails before it writes rejects `started` too, rather than leaving the test to time out.
  const started = Promise.race([new Promise<void>((resolve) => worker.on('message', (m) => m === 'started' && resolve())), done.then(() => undefined)]);
  return { started, done: done.finally(() => worker.terminate()) };
}

afterEach(() => useWriteGate(undefined));

describe('the write gate', () => {
  it('once closed, lets no write start: nothing is created', () => {
    const dir = tempDir();
    useWriteGate(new Int32Array(new SharedArrayBuffer(8)));
    writeFileAtomic(path.join(dir, 'before.txt'), 'written');
    stopWrites();
    expect(() => writeFileAtomic(path.join(dir, 'after.txt'), 'not written')).toThrow(/interrupted/u);
    expect(readdirSync(dir)).toEqual(['before.txt']);
  });

  it('waits for a write under way in another thread, which then ends with its file complete and no temporary file', async () => {
    const dir = tempDir();
    const gate = sharedWriteGate();
    // The other thread's file system takes 1.5 s to create the temporary file: when this thread looks, the
    // write is under way and nothing is written yet; when stopWrites returns, the write is complete.
    const writer = slowWriter(gate, path.join(dir, 'page.txt'), 1500);
    await writer.started;
    expect(readdirSync(dir)).toEqual([]);
    stopWrites(10_000);
    expect(readFileSync(path.join(dir, 'page.txt'), 'utf8')).toBe('complete');
    expect(readdirSync(dir)).toEqual(['page.txt']);
    await writer.done;
  });

  it('waits no longer than it is told to', async () => {
    const dir = tempDir();
    const gate = new Int32Array(new SharedArrayBuffer(8));
    useWriteGate(gate);
    const writer = slowWriter(gate, path.join(dir, 'page.txt'), 3000);
    await writer.started;
    const started = Date.now();
    stopWrites(100);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(existsSync(path.join(dir, 'page.txt'))).toBe(false);
    await writer.done;
  });
});
