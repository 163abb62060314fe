// The built CLI as a real child process: what a user's shell sees. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, REPO, runBin, tempDir } from '../helpers/cli.js';

const seedInput = readFileSync(path.join(FIXTURES, 'seed', 'input.txt'), 'utf8');
const seedExpected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');

describe('built CLI', () => {
  beforeAll(() => {
    if (!existsSync(path.join(REPO, 'dist', 'bundle', 'main.cjs'))) throw new Error(`build first (npm run build): ${BIN} needs dist/bundle/`);
  });

  it('runs from the bundle, which loads its own worker and the package version', () => {
    // The bundles build paths from their own location: package.json two levels up, the worker beside main.cjs.
    const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    expect(runBin(['--version'])).toEqual({ exitCode: 0, stdout: `${version}\n`, stderr: '' });
    expect(existsSync(path.join(REPO, 'dist', 'bundle', 'clean-worker.js'))).toBe(true);
    const root = tempDir();
    mkdirSync(path.join(root, 'in'));
    for (const name of ['a', 'b', 'c']) writeFileSync(path.join(root, 'in', `${name}.txt`), seedInput);
    expect(runBin(['in', '-o', 'out', '-j', '2'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    for (const name of ['a', 'b', 'c']) expect(readFileSync(path.join(root, 'out', `${name}.txt`), 'utf8')).toBe(seedExpected);
  });

  it('cleans a pipe', () => {
    const run = runBin([], { input: seedInput });
    expect(run).toEqual({ exitCode: 0, stdout: seedExpected, stderr: '' });
  });

  it('cleans a file to stdout', () => {
    const run = runBin(['fixtures/seed/input.txt']);
    expect(run).toEqual({ exitCode: 0, stdout: seedExpected, stderr: '' });
  });

  it('cleans a folder into -o, mirroring paths', () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'in', 'deep'), { recursive: true });
    writeFileSync(path.join(root, 'in', 'one.txt'), seedInput);
    writeFileSync(path.join(root, 'in', 'deep', 'two.txt'), readFileSync(path.join(FIXTURES, 'german-article', 'input.txt')));
    const run = runBin(['in', '-o', 'out'], { cwd: root });
    expect(run).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(root, 'out', 'one.txt'), 'utf8')).toBe(seedExpected);
    expect(readFileSync(path.join(root, 'out', 'deep', 'two.txt'), 'utf8')).toBe(readFileSync(path.join(FIXTURES, 'german-article', 'expected.txt'), 'utf8'));
  });

  it('exits 1 with one line per bad input and 2 on usage errors, without stack traces', () => {
    const missing = runBin(['missing.txt']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toBe('boilerstrip: missing.txt: no such file or folder\n');
    const usage = runBin(['--nope']);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr.split('\n')[0]).toBe("boilerstrip: unknown option '--nope'");
  });

  it('all-boilerplate input gives empty output and exit 0', () => {
    const run = runBin(['fixtures/all-boilerplate/input.txt']);
    expect(run).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('does not complain when the reader closes the pipe early', () => {
    const big = `${seedInput}\n`.repeat(200);
    const root = tempDir();
    writeFileSync(path.join(root, 'big.txt'), big);
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" big.txt | head -c 10`], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toHaveLength(10);
  });

  it('still exits 1 when the reader closes the pipe early after a failure was reported', () => {
    const root = tempDir();
    const record = `${JSON.stringify({ url: 'https://example.org/a', text: seedInput })}\n`;
    // The bad line first, then 2 MB of records: far more than a pipe holds once head has gone.
    writeFileSync(path.join(root, 'crawl.jsonl'), `not json\n${record.repeat(300)}`);
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --input-format jsonl -j 1 crawl.jsonl | head -n 1 > /dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('boilerstrip: crawl.jsonl:1: not valid JSON (Unexpected token \'o\', "not json" is not valid JSON); passed through unchanged\n');
    expect(result.stdout).toBe('1\n');
  });

  it.runIf(existsSync('/dev/full'))('says in one line that standard output is full, for a page, a stream of records and the rule list', () => {
    for (const args of [['fixtures/seed/input.txt'], ['-f', 'jsonl', 'fixtures/seed'], ['rules']]) {
      const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} > /dev/full`], { cwd: REPO, encoding: 'utf8' });
      expect({ args, status: result.status, stderr: result.stderr }).toEqual({ args, status: 1, stderr: 'boilerstrip: standard output: no space left on the device\n' });
    }
  });

  it('refuses a folder given as standard input (`boilerstrip < pages`), which Node reads as empty, for a page, JSON Lines and counts build', () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'pages'));
    writeFileSync(path.join(root, 'pages', 'a.txt'), seedInput);
    const cases = [
      { args: [], stderr: 'boilerstrip: standard input: is a folder, not a file\n' },
      { args: ['--input-format', 'jsonl'], stderr: 'boilerstrip: -: is a folder, not a file\n' },
      { args: ['counts', 'build', '--input-format', 'jsonl', '--id-field', 'url', '-o', 'x.counts', '-'], stderr: 'boilerstrip: -: is a folder, not a file\n' },
    ];
    for (const { args, stderr } of cases) {
      const folder = openSync(path.join(root, 'pages'), 'r');
      try {
        const result = spawnSync(process.execPath, [BIN, ...args], { cwd: root, stdio: [folder, 'pipe', 'pipe'], encoding: 'utf8' });
        expect({ args, status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ args, status: 1, stdout: '', stderr });
      } finally {
        closeSync(folder);
      }
    }
  });
});
