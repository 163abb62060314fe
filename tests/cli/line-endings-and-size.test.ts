// Line endings in and out, --max-size and --max-lines.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSize, formatSizes, parseSize } from '../../src/cli/args.js';
import { refuseManyLines } from '../../src/cli/clean-file.js';
import { FIXTURES, runMain, tempDir } from '../helpers/cli.js';

const seedInput = readFileSync(path.join(FIXTURES, 'seed', 'input.txt'), 'utf8');
const seedExpected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');

describe('line endings', () => {
  it.each([
    ['CRLF', seedInput.replaceAll('\n', '\r\n')],
    ['lone CR (old Mac)', seedInput.replaceAll('\n', '\r')],
    // (a CR before an empty line would make a CRLF with it: a mix can only be read one way when it avoids that)
    ['a mix of LF, CRLF and CR', seedInput.split('\n').map((line, i, all) => line + (all[i + 1] === '' ? '\r\n' : ['\n', '\r\n', '\r'][i % 3])).join('')],
  ])('%s input gives the same output, with LF line endings', async (_name, input) => {
    const run = await runMain([], { stdin: input });
    expect(run).toEqual({ exitCode: 0, stdout: seedExpected, stderr: '' });
  });

  it('--crlf writes CRLF line endings, for text and json', async () => {
    const text = await runMain(['--crlf'], { stdin: seedInput });
    expect(text.stdout).toBe(seedExpected.replaceAll('\n', '\r\n'));
    const json = await runMain(['--crlf', '-f', 'json'], { stdin: seedInput });
    expect(json.stdout).toMatch(/^\{\r\n {2}"source": "-",\r\n/u);
    expect(json.stdout.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/u);
    expect(JSON.parse(json.stdout).text).toBe(seedExpected.trimEnd());
  });
});

describe('--max-size', () => {
  it.each([
    ['1000', 1000],
    ['500k', 500 * 1024],
    ['500kB', 500 * 1024],
    ['64MB', 64 * 1024 ** 2],
    ['64M', 64 * 1024 ** 2],
    ['1.5G', 1.5 * 1024 ** 3],
    ['2 GiB', 2 * 1024 ** 3],
  ])('parses %s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['', 'big', '-5k', '0', '10 TB', '5kk'])('rejects %j', (text) => {
    expect(() => parseSize(text)).toThrow(/size/u);
  });

  it('formats sizes for messages in the powers of 1024 that --max-size reads, named as such', () => {
    expect([formatSize(800), formatSize(2048), formatSize(64 * 1024 ** 2), formatSize(1.25 * 1024 ** 3)]).toEqual(['800 bytes', '2 KiB', '64 MiB', '1.3 GiB']);
  });

  it('gives a size and its limit in bytes where both would print the same', () => {
    expect(formatSizes(7377, 7376)).toEqual(['7,377 bytes', '7,376 bytes']);
    expect(formatSizes(70 * 1024 ** 2, 64 * 1024 ** 2)).toEqual(['70 MiB', '64 MiB']);
  });

  it('refuses a file one byte over the limit with a message that tells the two apart', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'page.txt'), 'x'.repeat(7377));
    const run = await runMain(['page.txt', '--max-size', '7376'], { cwd: root });
    expect(run).toEqual({ exitCode: 1, stdout: '', stderr: 'boilerstrip: page.txt: 7,377 bytes, larger than --max-size 7,376 bytes; skipped\n' });
  });

  it('refuses a bigger file with one line, and cleans the others', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'big.txt'), seedInput.repeat(10));
    writeFileSync(path.join(root, 'small.txt'), seedInput);
    const run = await runMain(['big.txt', 'small.txt', '-o', 'out', '--max-size', '20k'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^boilerstrip: big\.txt: \d+(?:\.\d)? KiB, larger than --max-size 20 KiB; skipped\n$/u);
    expect(readFileSync(path.join(root, 'out', 'small.txt'), 'utf8')).toBe(seedExpected);
  });

  it('stops reading standard input at the limit', async () => {
    const run = await runMain(['--max-size', '1k'], { stdin: seedInput });
    expect(run).toEqual({ exitCode: 1, stdout: '', stderr: 'boilerstrip: standard input: larger than --max-size 1 KiB; skipped\n' });
  });

  it('a bad size is a usage error', async () => {
    const run = await runMain(['--max-size', 'lots'], { stdin: seedInput });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/--max-size <size>.*'lots' is invalid/u);
  });
});

describe('--max-lines', () => {
  /** `n` lines ended by `end`, each, or all but the last when `lastEnds` is false. */
  const lines = (n: number, end: string, lastEnds: boolean) => Array.from({ length: n }, (_, i) => `Menu item ${i}`).join(end) + (lastEnds ? end : '');

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('refuses a page of more lines than the limit (%s), and cleans the others, one of as many lines too, with or without a last break', async (_, end) => {
    const root = tempDir();
    writeFileSync(path.join(root, 'over.txt'), lines(11, end, true));
    writeFileSync(path.join(root, 'over-unended.txt'), lines(11, end, false));
    writeFileSync(path.join(root, 'at.txt'), lines(10, end, true));
    writeFileSync(path.join(root, 'at-unended.txt'), lines(10, end, false));
    const run = await runMain(['over.txt', 'over-unended.txt', 'at.txt', 'at-unended.txt', '-o', 'out', '--max-lines', '10'], { cwd: root });
    expect(run).toMatchObject({ exitCode: 1, stderr: 'boilerstrip: over.txt: more than 10 lines (--max-lines); skipped\nboilerstrip: over-unended.txt: more than 10 lines (--max-lines); skipped\n' });
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual(['at-unended.txt', 'at.txt']);
  });

  it('counts every kind of line end in a page that mixes them, as lines are split', async () => {
    // Ten lines ended by lone CRs, and a last LF: eleven lines, not one.
    const run = await runMain(['--max-lines', '10'], { stdin: `${lines(11, '\r', false)}\n` });
    expect(run).toEqual({ exitCode: 1, stdout: '', stderr: 'boilerstrip: standard input: more than 10 lines (--max-lines); skipped\n' });
  });

  it('refuses standard input of too many lines, and takes a million by default', async () => {
    expect(await runMain(['--max-lines', '3'], { stdin: 'one\ntwo\nthree\nfour' })).toEqual({ exitCode: 1, stdout: '', stderr: 'boilerstrip: standard input: more than 3 lines (--max-lines); skipped\n' });
    const run = await runMain([], { stdin: 'x\n'.repeat(1_000_001) });
    expect(run).toEqual({ exitCode: 1, stdout: '', stderr: 'boilerstrip: standard input: more than 1,000,000 lines (--max-lines); skipped\n' });
    expect((await runMain([], { stdin: 'x\n'.repeat(1_000_000) })).exitCode).toBe(0);
  }, 60_000); // a million-line page cleaned: 4 s alone, several times that on a busy 2-core machine; not a speed check

  it('a text no longer than the limit is within it, however short its lines; one code unit more can be over it', () => {
    // refuseManyLines skips counting a text of at most maxLines code units: here every unit is a line.
    for (const end of ['\n', '\r']) {
      expect(() => refuseManyLines(end.repeat(10), 10)).not.toThrow();
      expect(() => refuseManyLines(end.repeat(11), 10)).toThrow('more than 10 lines');
    }
    expect(() => refuseManyLines(`${'\n'.repeat(10)}x`, 10)).toThrow('more than 10 lines');
    expect(() => refuseManyLines('\r\n'.repeat(10), 10)).not.toThrow();
    expect(() => refuseManyLines('x'.repeat(11), 10)).not.toThrow();
  });

  it('a bad number is a usage error', async () => {
    const run = await runMain(['--max-lines', '0'], { stdin: seedInput });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/--max-lines <n>.*'0' is invalid/u);
  });
});
