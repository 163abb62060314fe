// Runs the CLI's main() in-process with captured streams, or the built bin as a real child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { inject } from 'vitest';
import { main } from '../../src/cli/main.js';

/** One row of a CLI test table: arguments and standard input, and what must come out. */
export interface CliCase {
  name: string;
  args: string[];
  stdin?: string;
  exitCode: number;
  stdout?: string | RegExp;
  stderr?: RegExp;
}

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runMain(argv: string[], options: { stdin?: string | Buffer; cwd?: string; signal?: AbortSignal } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const exitCode = await main({
    argv,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: options.cwd,
    signal: options.signal,
  });
  return { exitCode, stdout, stderr };
}

export const REPO = path.join(import.meta.dirname, '..', '..');
export const BIN = path.join(REPO, 'bin', 'boilerstrip.cjs');
export const FIXTURES = path.join(REPO, 'fixtures');

export function runBin(argv: string[], options: { input?: string | Buffer; cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...argv], { input: options.input ?? '', cwd: options.cwd ?? REPO, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder inside the run's temporary folder (temp-root.ts), which is removed when the run ends. */
export function tempDir(): string {
  return mkdtempSync(path.join(inject('tempRoot'), 'case-'));
}
