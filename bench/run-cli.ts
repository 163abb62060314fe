// Runs the built CLI exactly as a user would (a child process over a folder, default options), so the
// benchmark measures what ships, including input expansion, decoding and output writing.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BenchDataError, REPO_ROOT } from './data.js';

export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'boilerstrip.cjs');

/** CLI processes still running, stopped before a Ctrl-C removes their output folder. */
const running = new Set<ChildProcess>();

export interface CliRun {
  exitCode: number;
  stderr: string;
  /** Wall-clock time of the whole child process, Node start-up included. */
  seconds: number;
}

/** `node bin/boilerstrip.cjs <inputDir> -o <outDir> [extra...]`. */
export async function runCli(inputDir: string, outDir: string, extra: readonly string[] = []): Promise<CliRun> {
  // bin/ imports dist/; without a build the child would die with a module-not-found trace.
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js'))) {
    throw new BenchDataError('the CLI is not built (no dist/cli/main.js): run `npm run build` first');
  }
  const started = performance.now();
  const child = spawn(process.execPath, [CLI_BIN, inputDir, '-o', outDir, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    // A child killed by a signal reports no code: use the shell's 128 + signal number.
    child.on('close', (code, signal) => resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
  }).finally(() => running.delete(child));
  return { exitCode, stderr, seconds: (performance.now() - started) / 1000 };
}

/**
 * Runs `work` with a fresh temporary folder and removes the folder afterwards, also when the run is
 * interrupted with Ctrl-C (the finally block does not run when a signal ends the process). A CLI still
 * writing into the folder is stopped first: it would otherwise recreate the folder after its removal.
 */
export async function withTempDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const onSignal = (signal: NodeJS.Signals) => {
    const exits = [...running].map((child) => new Promise((resolve) => child.once('close', resolve).kill()));
    void Promise.all(exits).finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    return await work(dir);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await rm(dir, { recursive: true, force: true });
  }
}
