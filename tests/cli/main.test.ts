// The CLI in-process: one table of cases, then the cases that need files on disk.
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES, runMain, tempDir } from '../helpers/cli.js';
import type { CliCase as Case } from '../helpers/cli.js';

const seedInput = readFileSync(path.join(FIXTURES, 'seed', 'input.txt'), 'utf8');
const seedExpected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');

const CASES: Case[] = [
  { name: 'stdin to stdout', args: [], stdin: seedInput, exitCode: 0, stdout: seedExpected },
  { name: '"-" reads stdin', args: ['-'], stdin: seedInput, exitCode: 0, stdout: seedExpected },
  { name: 'a file to stdout', args: [path.join(FIXTURES, 'seed', 'input.txt')], exitCode: 0, stdout: seedExpected },
  { name: 'empty stdin gives empty output', args: [], stdin: '', exitCode: 0, stdout: '' },
  { name: '--help shows examples', args: ['--help'], exitCode: 0, stdout: /Examples:[\s\S]*-o clean\//u },
  { name: '-V prints the version', args: ['-V'], exitCode: 0, stdout: /^\d+\.\d+\.\d+\n$/u },
  { name: 'unknown option is a usage error', args: ['--frobnicate'], exitCode: 2, stderr: /^boilerstrip: unknown option '--frobnicate'\nTry 'boilerstrip --help'/u },
  { name: 'bad format is a usage error', args: ['-f', 'xml'], exitCode: 2, stderr: /argument 'xml' is invalid/u },
  { name: 'several inputs without -o', args: ['a.txt', 'b.txt'], exitCode: 2, stderr: /several inputs need --out-dir/u },
  { name: '"-" twice', args: ['-', '-'], exitCode: 2, stderr: /only once/u },
  { name: 'a missing file', args: ['no-such-file.txt'], exitCode: 1, stderr: /^boilerstrip: no-such-file\.txt: no such file or folder\n$/u },
  { name: 'an empty argument is no file, not the working folder', args: [''], exitCode: 1, stderr: /^boilerstrip: '': an empty argument names no file or folder\n$/u },
  { name: 'binary input is refused', args: [], stdin: 'PNG\u0000\u0000data', exitCode: 1, stderr: /standard input: binary file/u },
  { name: '--with-metadata adds a header', args: ['--with-metadata'], stdin: seedInput, exitCode: 0, stdout: /^Title: Video published by Ukraine purports to show North Korean soldiers in Russia\nAuthor: Samya Kullab, The Associated Press\nDate: 2024-10-19\n\nKYIV/u },
];

describe('main() in-process', () => {
  it.each(CASES)('$name', async ({ args, stdin, exitCode, stdout, stderr }) => {
    const run = await runMain(args, { stdin, cwd: FIXTURES });
    expect(run.exitCode).toBe(exitCode);
    if (typeof stdout === 'string') expect(run.stdout).toBe(stdout);
    else if (stdout) expect(run.stdout).toMatch(stdout);
    if (stderr) expect(run.stderr).toMatch(stderr);
    if (exitCode === 0) expect(run.stderr).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /u); // never a stack trace
  });

  it('standard input typed at a terminal: one line on the terminal says what it waits for, nothing when piped or -q', async () => {
    const run = async (argv: string[], stdinIsTTY: boolean, stderrIsTTY: boolean) => {
      let stderr = '';
      let stdout = '';
      const stdin = Object.assign(Readable.from([seedInput]), { isTTY: stdinIsTTY });
      const exitCode = await main({ argv, cwd: FIXTURES, stdin, stdout: { write: (s: string | Uint8Array) => ((stdout += String(s)), true) }, stderr: { isTTY: stderrIsTTY, write: (s: string) => ((stderr += s), true) } });
      return { exitCode, stdout, stderr };
    };
    const typed = await run([], true, true);
    expect(typed).toEqual({ exitCode: 0, stdout: seedExpected, stderr: expect.stringMatching(/^boilerstrip: reading a page from the terminal; end with Ctrl-D \(to clean files: .*\)\n$/u) });
    expect((await run(['--input-format', 'jsonl'], true, true)).stderr).toMatch(/^boilerstrip: reading JSON Lines records from the terminal; end with Ctrl-D/u);
    for (const [argv, stdinIsTTY, stderrIsTTY] of [[[], false, true], [[], true, false], [['-q'], true, true], [['-'], false, false]] as const) {
      expect(await run([...argv], stdinIsTTY, stderrIsTTY)).toEqual({ exitCode: 0, stdout: seedExpected, stderr: '' });
    }
  });

  it('writes json with metadata, removed lines and stats', async () => {
    const run = await runMain(['-f', 'json'], { stdin: seedInput });
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      source: '-',
      title: 'Video published by Ukraine purports to show North Korean soldiers in Russia',
      author: 'Samya Kullab, The Associated Press',
      date: '2024-10-19',
      text: seedExpected.trimEnd(),
    });
    expect(json.removed[0]).toEqual({ line: 1, text: 'date 2024-10-19 Video published by Ukraine purports to show North Korean soldiers in Russia', rule: 'metadata-lines', reason: 'crawler header line' });
    expect(json.removed.some((r: { rule: string }) => r.rule === 'teasers')).toBe(true);
    expect(json.stats).toEqual({ bytesIn: Buffer.byteLength(seedInput), bytesOut: Buffer.byteLength(seedExpected.trimEnd()), blocksKept: 8, blocksDropped: json.removed.length });
  });
});

describe('folders, globs and --out-dir', () => {
  function makeTree(): string {
    const root = tempDir();
    mkdirSync(path.join(root, 'pages', 'sub'), { recursive: true });
    mkdirSync(path.join(root, 'pages', '.git'), { recursive: true });
    mkdirSync(path.join(root, 'pages', 'node_modules', 'x'), { recursive: true });
    writeFileSync(path.join(root, 'pages', 'a.txt'), seedInput);
    writeFileSync(path.join(root, 'pages', 'sub', 'b.txt'), seedInput);
    writeFileSync(path.join(root, 'pages', '.hidden.txt'), seedInput);
    writeFileSync(path.join(root, 'pages', '.git', 'config'), 'x');
    writeFileSync(path.join(root, 'pages', 'node_modules', 'x', 'c.txt'), 'x');
    return root;
  }

  it('mirrors a folder under -o, skipping hidden files, .git and node_modules', async () => {
    const root = makeTree();
    const run = await runMain(['pages', '-o', 'clean'], { cwd: root });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(readFileSync(path.join(root, 'clean', 'a.txt'), 'utf8')).toBe(seedExpected);
    expect(readFileSync(path.join(root, 'clean', 'sub', 'b.txt'), 'utf8')).toBe(seedExpected);
    expect(readdirSync(path.join(root, 'clean')).sort()).toEqual(['a.txt', 'sub']);
  });

  it('takes glob patterns, relative to the pattern base', async () => {
    const root = makeTree();
    const run = await runMain(['pages/**/*.txt', '-o', 'clean', '-f', 'json'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(existsSync(path.join(root, 'clean', 'a.json'))).toBe(true);
    expect(existsSync(path.join(root, 'clean', 'sub', 'b.json'))).toBe(true);
  });

  it('places the files of a brace pattern below the folder its alternatives share, never outside -o', async () => {
    const root = makeTree();
    mkdirSync(path.join(root, 'pages', 'other'), { recursive: true });
    writeFileSync(path.join(root, 'pages', 'other', 'b.txt'), seedInput);
    // A file of the user's where the output of one alternative went when the first alternative was the base.
    mkdirSync(path.join(root, 'other'));
    writeFileSync(path.join(root, 'other', 'b.txt'), 'my notes');
    const run = await runMain(['pages/{sub,other}/b.txt', '-o', 'clean'], { cwd: root });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(readFileSync(path.join(root, 'clean', 'sub', 'b.txt'), 'utf8')).toBe(seedExpected);
    expect(readFileSync(path.join(root, 'clean', 'other', 'b.txt'), 'utf8')).toBe(seedExpected);
    expect(readFileSync(path.join(root, 'other', 'b.txt'), 'utf8')).toBe('my notes');
  });

  it('refuses a folder of several files without -o', async () => {
    const root = makeTree();
    const run = await runMain(['pages'], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/several inputs need --out-dir/u);
  });

  it('never writes over an input, goes on with the rest and exits 1', async () => {
    const root = makeTree();
    const run = await runMain(['pages', '-o', 'pages'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/pages\/a\.txt: output .* would overwrite an input/u);
    expect(readFileSync(path.join(root, 'pages', 'a.txt'), 'utf8')).toBe(seedInput);
  });

  it('reports a bad file and still writes the good ones', async () => {
    const root = makeTree();
    writeFileSync(path.join(root, 'pages', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const run = await runMain(['pages', '-o', 'clean'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('boilerstrip: pages/image.png: binary file (contains NUL bytes), not text\n');
    expect(readFileSync(path.join(root, 'clean', 'a.txt'), 'utf8')).toBe(seedExpected);
    expect(existsSync(path.join(root, 'clean', 'image.png'))).toBe(false);
  });

  it('reports a glob that matches nothing', async () => {
    const root = makeTree();
    const run = await runMain(['pages/*.html', '-o', 'clean'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/pages\/\*\.html: no files to clean match this pattern \(hidden files, \.git and node_modules are skipped\)/u);
  });

  it('names --ignore and --suffix among what was skipped when an input yields no file', async () => {
    const root = makeTree();
    const ignored = await runMain(['pages', '-o', 'clean', '--ignore', '*.txt'], { cwd: root });
    expect([ignored.exitCode, ignored.stderr]).toEqual([1, 'boilerstrip: pages: a folder with no files to clean (hidden files, files --ignore matches, .git and node_modules are skipped)\n']);
    mkdirSync(path.join(root, 'only', 'clean'), { recursive: true });
    writeFileSync(path.join(root, 'only', 'clean', 'a.txt'), seedExpected);
    const outputs = await runMain(['only', '-o', 'only/clean'], { cwd: root });
    expect([outputs.exitCode, outputs.stderr]).toEqual([1, 'boilerstrip: only: a folder with no files to clean (hidden files, the output folder, .git and node_modules are skipped)\n']);
    const suffixed = await runMain(['pages/**/*.txt', '--suffix', '.txt'], { cwd: root });
    expect([suffixed.exitCode, suffixed.stderr]).toEqual([1, 'boilerstrip: pages/**/*.txt: no files to clean match this pattern (hidden files, files ending in the --suffix .txt, .git and node_modules are skipped)\n']);
  });
});

describe('-f jsonl over several files to standard output', () => {
  it('waits for a full standard output to drain before cleaning the next file', async () => {
    const { main } = await import('../../src/cli/main.js');
    const dir = tempDir();
    const seed = readFileSync(path.join(FIXTURES, 'seed', 'input.txt'));
    for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(path.join(dir, name), seed);
    const written: string[] = [];
    let drain: (() => void) | undefined;
    const stdout = {
      // Like a pipe whose reader is slow: every write fills the buffer.
      write: (chunk: string | Uint8Array) => (written.push(String(chunk)), false),
      once: (_event: 'drain', listener: () => void) => void (drain = listener),
    };
    const running = main({ argv: [dir, '-f', 'jsonl'], stdin: process.stdin, stdout, stderr: { write: () => true } });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
    for (let expected = 1; expected <= 3; expected++) {
      await settle();
      expect(written).toHaveLength(expected);
      const release = drain;
      drain = undefined;
      release!();
    }
    expect(await running).toBe(0);
    expect(written.map((record) => JSON.parse(record).source)).toEqual(['a.txt', 'b.txt', 'c.txt'].map((n) => path.join(dir, n)));
  });
});
