// `boilerstrip counts build -o` into what a shell hands it: /dev/stdout (a pipe or a file) and a FIFO,
// which are written into, never replaced by a file. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, runBin, tempDir } from '../helpers/cli.js';

/** A site folder of copies of the seed page, and its counts written to an ordinary file. */
function crawl(): { root: string; counts: string } {
  const root = tempDir();
  mkdirSync(path.join(root, 'crawl', 's'), { recursive: true });
  for (let i = 0; i < 5; i++) writeFileSync(path.join(root, 'crawl', 's', `${i}.txt`), readFileSync(path.join(FIXTURES, 'seed', 'input.txt')));
  expect(runBin(['counts', 'build', '-o', 'file.counts', 'crawl'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  return { root, counts: readFileSync(path.join(root, 'file.counts'), 'utf8') };
}

const shell = (script: string, cwd: string) => spawnSync('sh', ['-c', script, process.execPath, BIN], { cwd, encoding: 'utf8' });

describe('counts build -o into a stream', () => {
  it('writes into /dev/stdout, whether it is a pipe or a file the shell opened', () => {
    const { root, counts } = crawl();
    // Through a link to it here, so that a regression replaces this link, not the machine's /dev/stdout.
    symlinkSync('/dev/stdout', path.join(root, 'stdout'));
    const piped = shell('"$0" "$1" counts build -o stdout crawl | cat', root);
    expect([piped.status, piped.stderr, piped.stdout]).toEqual([0, '', counts]);
    const redirected = shell('"$0" "$1" counts build -o stdout crawl > out.counts', root);
    expect([redirected.status, redirected.stderr, readFileSync(path.join(root, 'out.counts'), 'utf8')]).toEqual([0, '', counts]);
  });

  it('writes into a FIFO for the program reading it, and leaves the FIFO in place', () => {
    const { root, counts } = crawl();
    // The reader gives up after 10 s: should the FIFO be replaced by a file, nothing would ever write to it.
    const run = shell('mkfifo fifo && { timeout 10 cat fifo > read.counts & } && "$0" "$1" counts build -o fifo crawl; status=$?; wait; exit $status', root);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(readFileSync(path.join(root, 'read.counts'), 'utf8')).toBe(counts);
    expect(statSync(path.join(root, 'fifo')).isFIFO()).toBe(true);
  });
});

describe('a counts file cut short, read from a pipe', () => {
  it('is refused by --counts and by counts merge with exit 2 and one line naming it; the whole file is taken', () => {
    const { root, counts } = crawl();
    // At a line's end: version 1 files read as valid there. A pipe is read once, in full (never in order).
    const cut = counts.slice(0, counts.lastIndexOf('\n', counts.length - 2) + 1);
    writeFileSync(path.join(root, 'cut.counts'), cut);
    for (const command of ['"$0" "$1" crawl/s/0.txt --counts /dev/stdin', '"$0" "$1" counts merge /dev/stdin -o merged.counts']) {
      const run = shell(`cat cut.counts | ${command}`, root);
      expect([command, run.status, run.stdout, run.stderr.split('\n')[0]]).toEqual([command, 2, '', `boilerstrip: /dev/stdin: cut short: no end line after line ${cut.split('\n').length - 1} (was it copied whole?)`]);
      expect(run.stderr).not.toMatch(/\n\s+at /u);
      const whole = shell(`cat file.counts | ${command}`, root);
      expect([command, whole.status, whole.stderr]).toEqual([command, 0, '']);
    }
  });
});

describe('counts build - (one page on standard input)', () => {
  const seed = readFileSync(path.join(FIXTURES, 'seed', 'input.txt'), 'utf8');
  const withUrl = `url: https://www.example.org/news/1\n${seed}`;

  it('counts the page under the site its URL line names, as the same page in a folder of that site', () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'crawl', 'example.org'), { recursive: true });
    writeFileSync(path.join(root, 'crawl', 'example.org', 'a.txt'), withUrl);
    expect(runBin(['counts', 'build', '-o', 'folder.counts', 'crawl'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(runBin(['counts', 'build', '-o', 'stdin.counts', '-'], { cwd: root, input: withUrl })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const counts = readFileSync(path.join(root, 'stdin.counts'), 'utf8');
    expect(counts).toMatch(/^boilerstrip-counts 2\nexample\.org\t1\n/u);
    expect(counts).toBe(readFileSync(path.join(root, 'folder.counts'), 'utf8'));
    // Decoded as cleaning decodes it: the same page in Windows-1252 and in UTF-8 counts alike.
    const page = 'url: https://example.org/2\nCafé prices rose again this week.\n';
    const latin = runBin(['counts', 'build', '-o', 'latin.counts', '-', '--encoding', 'windows-1252'], { cwd: root, input: Buffer.from(page, 'latin1') });
    const utf8 = runBin(['counts', 'build', '-o', 'utf8.counts', '-'], { cwd: root, input: page });
    expect([latin, utf8]).toEqual([{ exitCode: 0, stdout: '', stderr: '' }, { exitCode: 0, stdout: '', stderr: '' }]);
    expect(readFileSync(path.join(root, 'latin.counts'), 'utf8')).toBe(readFileSync(path.join(root, 'utf8.counts'), 'utf8'));
  });

  it('reports a page that names no site, as cleaning it from standard input gives it none, and counts nothing', () => {
    const root = tempDir();
    const run = runBin(['counts', 'build', '-o', 'p.counts', '-'], { cwd: root, input: seed });
    expect(run).toEqual({ exitCode: 1, stdout: '', stderr: 'boilerstrip: standard input: no URL line at its top names its site (url: https://…), and standard input has no folder to name one; not counted\n' });
    expect(readFileSync(path.join(root, 'p.counts'), 'utf8')).toBe('boilerstrip-counts 2\nend\t0\t0\n');
  });

  it('refuses a page over --max-size in one line, and "-" among other inputs as cleaning does', () => {
    const root = tempDir();
    expect(runBin(['counts', 'build', '-o', 'p.counts', '--max-size', '1k', '-'], { cwd: root, input: withUrl })).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'boilerstrip: standard input: larger than --max-size 1 KiB; skipped\n',
    });
    const mixed = runBin(['counts', 'build', '-o', 'p.counts', '-', 'crawl'], { cwd: root, input: withUrl });
    expect([mixed.exitCode, mixed.stderr.split('\n')[0]]).toEqual([2, 'boilerstrip: "-" (standard input) cannot be combined with other inputs']);
  });
});
