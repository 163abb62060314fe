// Ctrl-C on a real batch: the process stops promptly with 130, and every output it leaves is complete
// (no half-written file, no temporary file).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, tempDir } from '../helpers/cli.js';

const seedInput = readFileSync(path.join(FIXTURES, 'seed', 'input.txt'));
const seedExpected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');

describe('interrupting a batch', () => {
  it.each([['SIGINT', 130, '1'], ['SIGTERM', 143, '2']] as const)('%s stops it with exit %i and leaves only complete outputs (--jobs %s)', async (signal, code, jobs) => {
    const count = 3000;
    const root = seedPagesFolder(count);
    const child = spawn(process.execPath, [BIN, 'pages', '-o', 'out', '-j', jobs], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    // Wait until outputs appear, then interrupt.
    while (!existsSync(path.join(root, 'out')) || readdirSync(path.join(root, 'out')).length < 20) await new Promise((r) => setTimeout(r, 20));
    child.kill(signal);
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(exitCode).toBe(code);
    expect(stderr).toBe('');
    const left = readdirSync(path.join(root, 'out'));
    expect(left.filter((f) => !f.endsWith('.txt') || f.startsWith('.'))).toEqual([]);
    expect(left.length).toBeLessThan(count);
    for (const file of left) expect(readFileSync(path.join(root, 'out', file), 'utf8')).toBe(seedExpected);
  });

  it('a second Ctrl-C ends it at once, and leaves no temporary file beside the outputs either (--jobs 2)', async () => {
    const root = seedPagesFolder(60);
    // Each rename over an output takes 200 ms (in every thread: workers inherit -r), so when the second
    // signal comes each worker is in the middle of a write, its temporary file on disk.
    writeSlowRename(root);
    const child = spawn(process.execPath, ['-r', './slow-rename.cjs', BIN, 'pages', '-o', 'out', '-j', '2'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    while (!existsSync(path.join(root, 'out')) || readdirSync(path.join(root, 'out')).filter((f) => !f.startsWith('.')).length < 4) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    // Apart, or the system delivers the two as one.
    await new Promise((r) => setTimeout(r, 20));
    const secondSignal = Date.now();
    child.kill('SIGINT');
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(exitCode).toBe(130);
    // It waited for the writes under way (200 ms), not for the first signal's stop (seconds of such writes).
    expect(Date.now() - secondSignal).toBeLessThan(2000);
    const left = readdirSync(path.join(root, 'out'));
    expect(left.filter((f) => !f.endsWith('.txt') || f.startsWith('.'))).toEqual([]);
    expect(left.length).toBeLessThan(60);
    for (const file of left) expect(readFileSync(path.join(root, 'out', file), 'utf8')).toBe(seedExpected);
  });

  it('SIGHUP (the terminal closed) ends it at once with 129, leaving no temporary file, also in the input folder with --in-place', async () => {
    const root = seedPagesFolder(60);
    // Every write takes 200 ms, so the hang-up finds each worker with its temporary file on disk.
    writeSlowRename(root);
    const child = spawn(process.execPath, ['-r', './slow-rename.cjs', BIN, '--in-place', 'pages', '-j', '2', '--no-cross-page'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    while (!readdirSync(path.join(root, 'pages')).some((f) => f.endsWith('.tmp'))) await new Promise((r) => setTimeout(r, 10));
    const hangUp = Date.now();
    child.kill('SIGHUP');
    const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect([exitCode, signal]).toEqual([129, null]);
    expect(Date.now() - hangUp).toBeLessThan(2000);
    const left = readdirSync(path.join(root, 'pages'));
    expect(left.filter((f) => !f.endsWith('.txt') || f.startsWith('.'))).toEqual([]);
    expect(left).toHaveLength(60);
    // Each page is either cleaned or as it was: none half-written.
    for (const file of left) expect([seedExpected, seedInput.toString('utf8')]).toContain(readFileSync(path.join(root, 'pages', file), 'utf8'));
  });
  it('Ctrl-C stops worker threads after the files they are cleaning, not after the tasks handed to them (--jobs 2)', async () => {
    const root = seedPagesFolder(600);
    // 50 ms a file: the 8 tasks of 38 files in flight used to take 4 x 38 x 50 ms, 7.6 s, to finish.
    writeSlowRename(root, 50);
    const child = spawn(process.execPath, ['-r', './slow-rename.cjs', BIN, 'pages', '-o', 'out', '-j', '2', '--no-cross-page'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    while (!existsSync(path.join(root, 'out')) || readdirSync(path.join(root, 'out')).filter((f) => !f.startsWith('.')).length < 4) await new Promise((r) => setTimeout(r, 10));
    const signalled = Date.now();
    child.kill('SIGINT');
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(exitCode).toBe(130);
    expect(Date.now() - signalled).toBeLessThan(2000);
    const left = readdirSync(path.join(root, 'out'));
    expect(left.filter((f) => !f.endsWith('.txt') || f.startsWith('.'))).toEqual([]);
    for (const file of left) expect(readFileSync(path.join(root, 'out', file), 'utf8')).toBe(seedExpected);
  });
  it('Ctrl-C stops counts build after the pages being counted, and writes no counts file', async () => {
    const root = seedPagesFolder(600);
    // Each page takes 50 ms to open: tasks of 128 pages, two per thread, used to take 12 s to finish.
    writeFileSync(
      path.join(root, 'slow-open.cjs'),
      `const fs = require('node:fs');
       const open = fs.openSync;
       fs.openSync = (file, ...rest) => { if (String(file).endsWith('.txt')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); return open(file, ...rest); };
       require('node:module').syncBuiltinESMExports();`,
    );
    const child = spawn(process.execPath, ['-r', './slow-open.cjs', BIN, 'counts', 'build', '-o', 'pages.counts', 'pages'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise((r) => setTimeout(r, 1500));
    const signalled = Date.now();
    child.kill('SIGINT');
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(exitCode).toBe(130);
    expect(Date.now() - signalled).toBeLessThan(2000);
    expect(readdirSync(root).filter((f) => f.includes('counts'))).toEqual([]);
  });
  it.each([
    ['counts build of JSON Lines', ['counts', 'build', '--input-format', 'jsonl', '--id-field', 'url', '-o', 'records.counts', '-'], 'SIGINT', 130, 'jsonl'],
    ['cleaning JSON Lines', ['--input-format', 'jsonl'], 'SIGTERM', 143, 'jsonl'],
    ['counts build of a gzipped WET file', ['counts', 'build', '--input-format', 'wet', '-o', 'records.counts', '-'], 'SIGINT', 130, 'wet.gz'],
    ['cleaning a WET file', ['--input-format', 'wet'], 'SIGINT', 130, 'wet'],
    ['cleaning a gzipped WET file', ['--input-format', 'wet'], 'SIGTERM', 143, 'wet.gz'],
  ] as const)('%s stops at once on a signal, without waiting for a pipe that sends nothing more or reporting the line it cut', async (_, args, signal, code, format) => {
    const root = tempDir();
    const child = spawn(process.execPath, [BIN, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const text = seedInput.toString('utf8');
    const wetRecord = (i: number) => `WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://example.org/${i}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}\r\n\r\n`;
    const record = (i: number): string | Buffer =>
      format === 'jsonl' ? `${JSON.stringify({ url: `https://example.org/${i}`, text })}\n` : format === 'wet' ? wetRecord(i) : gzipSync(wetRecord(i));
    for (let i = 0; i < 20; i++) child.stdin.write(record(i));
    // A record cut short, and a pipe that stays open: the input has no end to read to.
    child.stdin.write(record(20).slice(0, 100));
    await new Promise((r) => setTimeout(r, 1000));
    const signalled = Date.now();
    child.kill(signal);
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    child.stdin.destroy();
    expect(exitCode).toBe(code);
    expect(Date.now() - signalled).toBeLessThan(2000);
    expect(stderr).toBe('');
    expect(existsSync(path.join(root, 'records.counts'))).toBe(false);
  });
});

/** A temporary folder holding pages/ with `count` copies of the seed page, named 00000.txt, 00001.txt, … */
function seedPagesFolder(count: number): string {
  const root = tempDir();
  mkdirSync(path.join(root, 'pages'));
  for (let i = 0; i < count; i++) writeFileSync(path.join(root, 'pages', `${String(i).padStart(5, '0')}.txt`), seedInput);
  return root;
}

/** A preload that makes each rename over an output take `ms` (in every thread: workers inherit -r). */
function writeSlowRename(root: string, ms = 200): void {
  writeFileSync(
    path.join(root, 'slow-rename.cjs'),
    `const fs = require('node:fs');
     const rename = fs.renameSync;
     fs.renameSync = (from, to) => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms}); return rename(from, to); };
     require('node:module').syncBuiltinESMExports();`,
  );
}
