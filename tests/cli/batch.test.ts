// Batches at scale, in-process: --jobs (worker threads give the same bytes as one job), --in-place,
// --suffix, --ignore, what folder walking skips, --summary, and stopping on a signal.
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { main } from '../../src/cli/main.js';
import { runBatch } from '../../src/cli/run-batch.js';
import { FIXTURES, runMain, tempDir } from '../helpers/cli.js';

const CASES = readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, 'input.txt'))).sort();

/** A folder of every fixture input (twice, in two sub-folders), plus one binary file among them. */
function makeCorpus(): string {
  const root = tempDir();
  for (const sub of ['a', 'b']) {
    mkdirSync(path.join(root, 'pages', sub), { recursive: true });
    for (const name of CASES) writeFileSync(path.join(root, 'pages', sub, `${name}.txt`), readFileSync(path.join(FIXTURES, name, 'input.txt')));
  }
  writeFileSync(path.join(root, 'pages', 'a', 'm-image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  return root;
}

/** Every file below `dir`, relative path → content. */
function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) tree[path.relative(dir, path.join(entry.parentPath, entry.name))] = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return tree;
}

describe('--jobs', () => {
  it.each([['text'], ['json']])('worker threads write byte-identical %s output and report failures in the same order', async (format) => {
    const root = makeCorpus();
    const one = await runMain(['pages', '-o', 'one', '-j', '1', '-f', format], { cwd: root });
    const two = await runMain(['pages', '-o', 'two', '-j', '2', '-f', format], { cwd: root });
    expect(one.exitCode).toBe(1);
    expect(two).toEqual(one);
    expect(one.stderr).toBe('boilerstrip: pages/a/m-image.txt: binary file (contains NUL bytes), not text\n');
    const written = readTree(path.join(root, 'one'));
    expect(Object.keys(written)).toHaveLength(2 * CASES.length);
    expect(readTree(path.join(root, 'two'))).toEqual(written);
    expect(written[`a/seed.${format === 'json' ? 'json' : 'txt'}`]).toBe((await runMain([path.join('pages', 'a', 'seed.txt'), '-f', format], { cwd: root })).stdout);
  });

  it('one job on many files (cleaned in a worker thread, written in this one) writes the same bytes as two jobs, and reports an output it cannot write', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'pages', 'many'), { recursive: true });
    mkdirSync(path.join(root, 'pages', 'z'));
    // More than MIN_FILES_FOR_WRITING_HERE (run-batch.ts), each a fixture's input.
    for (let i = 0; i < 520; i++) writeFileSync(path.join(root, 'pages', 'many', `${String(i).padStart(3, '0')}.txt`), readFileSync(path.join(FIXTURES, CASES[i % CASES.length]!, 'input.txt')));
    writeFileSync(path.join(root, 'pages', 'z', 'page.txt'), readFileSync(path.join(FIXTURES, 'seed', 'input.txt')));
    for (const out of ['one', 'two']) {
      // A file where the output folder of pages/z should be: that output cannot be written.
      mkdirSync(path.join(root, out));
      writeFileSync(path.join(root, out, 'z'), '');
    }
    const one = await runMain(['pages', '-o', 'one', '-j', '1', '--no-cross-page'], { cwd: root });
    const two = await runMain(['pages', '-o', 'two', '-j', '2', '--no-cross-page'], { cwd: root });
    expect(one.exitCode).toBe(1);
    expect(one.stderr).toMatch(/^boilerstrip: pages\/z\/page\.txt: .*one\/z\/page\.txt.*\n$/u);
    expect(two.stderr).toBe(one.stderr.replaceAll('one/', 'two/'));
    const written = readTree(path.join(root, 'one', 'many'));
    expect(Object.keys(written)).toHaveLength(520);
    expect(readTree(path.join(root, 'two', 'many'))).toEqual(written);
    expect(written['000.txt']).toBe((await runMain([path.join('pages', 'many', '000.txt')], { cwd: root })).stdout);
  });

  it.each([['0'], ['two'], ['-1']])('refuses --jobs %s', async (jobs) => {
    const run = await runMain(['-j', jobs, 'x.txt']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^boilerstrip: (--jobs needs a whole number|unknown option)/u);
  });
});

describe('where outputs go', () => {
  it('never writes a file whose path climbs out of its base (a last check: input expansion makes no such path), and writes the others', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'pages'));
    writeFileSync(path.join(root, 'pages', 'a.txt'), 'An article sentence that is long enough to be read as the body of a page.\n');
    writeFileSync(path.join(root, 'pages', 'b.txt'), 'Another article sentence that is long enough to be read as the body.\n');
    const parsed = parseArgs(['pages', '-o', 'clean'], '1.0.0', () => {}, () => {});
    if (parsed.kind !== 'run') throw new Error(parsed.kind);
    const reports: string[] = [];
    const files = [
      { path: 'pages/a.txt', relative: '../a.txt' },
      { path: 'pages/b.txt', relative: 'b.txt' },
    ];
    const result = await runBatch(files, { ...parsed.options, progress: false }, root, (message) => reports.push(message));
    expect(result).toMatchObject({ files: 2, failed: 1 });
    expect(reports).toEqual(['pages/a.txt: its output would go outside the output folder; not written']);
    expect(readdirSync(path.join(root, 'clean'))).toEqual(['b.txt']);
    expect(readdirSync(root).sort()).toEqual(['clean', 'pages']);
  });

  it.runIf(process.getuid?.() === 0)('--in-place keeps the owner and group of a file that another user owns (run as root)', async () => {
    const root = makeCorpus();
    const seedPath = path.join(root, 'pages', 'b', 'seed.txt');
    chownSync(seedPath, 1234, 5678);
    chmodSync(seedPath, 0o6750);
    const run = await runMain(['pages/b/seed.txt', '--in-place'], { cwd: root });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(readFileSync(seedPath, 'utf8')).toBe(readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8'));
    const info = statSync(seedPath);
    expect({ uid: info.uid, gid: info.gid, mode: info.mode & 0o7777 }).toEqual({ uid: 1234, gid: 5678, mode: 0o6750 });
  });

  it.runIf(process.getuid?.() === 0)('--in-place keeps the group of a file in a set-group-ID folder, which gives new files its own (run as root)', async () => {
    const root = makeCorpus();
    const folder = path.join(root, 'pages', 'b');
    chownSync(folder, 0, 4321);
    chmodSync(folder, 0o2775);
    const seedPath = path.join(folder, 'seed.txt');
    chownSync(seedPath, 0, 0);
    expect((await runMain(['pages/b/seed.txt', '--in-place'], { cwd: root })).exitCode).toBe(0);
    expect(statSync(seedPath).gid).toBe(0);
  });

  it('--in-place replaces each input atomically and keeps its file mode', async () => {
    const root = makeCorpus();
    const seedPath = path.join(root, 'pages', 'a', 'seed.txt');
    chmodSync(seedPath, 0o640);
    const expected = (await runMain([seedPath])).stdout;
    const run = await runMain(['pages', '--in-place', '-j', '2', '--ignore', 'm-image.txt'], { cwd: root });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(readFileSync(seedPath, 'utf8')).toBe(expected);
    expect(statSync(seedPath).mode & 0o777).toBe(0o640);
    expect(readdirSync(path.join(root, 'pages', 'a')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--in-place through a symbolic link cleans the file it points to and keeps the link; a file named again through links is cleaned once', async () => {
    const root = makeCorpus();
    symlinkSync(path.join('pages', 'a', 'seed.txt'), path.join(root, 'link.txt'));
    symlinkSync('pages', path.join(root, 'pages-link'));
    const run = await runMain(['link.txt', 'pages/a/seed.txt', 'pages-link/b/seed.txt', 'pages/b/seed.txt', '--in-place', '--summary'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/^boilerstrip: 2 files, 0 failed, /u);
    expect(lstatSync(path.join(root, 'link.txt')).isSymbolicLink()).toBe(true);
    const expected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');
    expect(readFileSync(path.join(root, 'pages', 'a', 'seed.txt'), 'utf8')).toBe(expected);
    expect(readFileSync(path.join(root, 'pages', 'b', 'seed.txt'), 'utf8')).toBe(expected);
  });

  it('--suffix writes beside each input, and a second run does not read those outputs back', async () => {
    const root = makeCorpus();
    const first = await runMain(['pages', '--suffix', '.clean.txt'], { cwd: root });
    expect(first.exitCode).toBe(1); // the binary file
    expect(readFileSync(path.join(root, 'pages', 'b', 'seed.clean.txt'), 'utf8')).toBe(readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8'));
    const second = await runMain(['pages', '--suffix', '.clean.txt', '--summary'], { cwd: root });
    expect(second.stderr).toMatch(new RegExp(`^boilerstrip: ${2 * CASES.length + 1} files, 1 failed, `, 'mu'));
    expect(existsSync(path.join(root, 'pages', 'b', 'seed.clean.clean.txt'))).toBe(false);
  });

  it('--suffix never writes over an input named on the command line, its own or another one', async () => {
    const root = makeCorpus();
    const seed = path.join(root, 'pages', 'b', 'seed.txt');
    const html = path.join(root, 'pages', 'b', 'seed.html');
    writeFileSync(html, readFileSync(seed));
    const original = readFileSync(seed, 'utf8');
    const run = await runMain(['--suffix', '.txt', 'pages/b/seed.html', 'pages/b/seed.txt'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'boilerstrip: pages/b/seed.html: output pages/b/seed.txt would overwrite an input; choose another --suffix\n' +
        'boilerstrip: pages/b/seed.txt: output pages/b/seed.txt would overwrite an input; choose another --suffix\n',
    );
    expect(readFileSync(seed, 'utf8')).toBe(original);
  });

  it.each([
    [['--in-place', '-o', 'out'], /--out-dir and --in-place cannot be combined/u],
    [['--suffix', '.c.txt', '--in-place'], /--in-place and --suffix cannot be combined/u],
    [['--suffix', 'a/b'], /--suffix needs a file-name ending/u],
    [['--in-place', '--explain'], /--in-place replaces each page with its clean text; --explain writes a report: use -o DIR or --suffix for it/u],
    [['--in-place', '--diff'], /--in-place replaces each page with its clean text; --diff writes a report/u],
    [['--in-place', '-f', 'json'], /--in-place replaces each page with its clean text; -f json writes a report/u],
    [['-f', 'jsonl', '--suffix', '.c.txt'], /-f jsonl writes one stream of records to standard output; it cannot be combined with --suffix/u],
    [['-f', 'jsonl', '--in-place'], /--in-place replaces each page with its clean text; -f jsonl writes a report/u],
    [['--input-format', 'jsonl', '--explain'], /--input-format jsonl writes records; --explain shows the decisions on page files/u],
    [['--input-format', 'jsonl', '--diff'], /--input-format jsonl writes records; --diff shows the decisions on page files/u],
    [['--input-format', 'jsonl', '--encoding', 'windows-1252'], /--input-format jsonl reads UTF-8, as JSON is written; --encoding is for page files/u],
    [['--input-format', 'jsonl', '--crlf'], /--input-format jsonl writes one record per line, ended by LF as JSON Lines are; --crlf is for page files/u],
  ])('refuses %j', async (args, message) => {
    const run = await runMain([...args, 'pages']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('refuses --in-place on standard input', async () => {
    const run = await runMain(['--in-place'], { stdin: 'text' });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/need file or folder inputs/u);
  });
});

describe('what folders yield', () => {
  it('--ignore skips matching files at any depth, or folders relative to the input', async () => {
    const root = makeCorpus();
    const run = await runMain(['pages', '-o', 'out', '--ignore', 'm-image.txt', '--ignore', 'b', '--ignore', 'a/seed*'], { cwd: root });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    const written = Object.keys(readTree(path.join(root, 'out'))).sort();
    expect(written).toEqual(CASES.filter((c) => c !== 'seed').map((c) => `a/${c}.txt`));
  });

  it('applies --ignore below a glob pattern\'s base too', async () => {
    const root = makeCorpus();
    const run = await runMain(['pages/**/*.txt', '-o', 'out', '--ignore', 'm-image.txt', '--ignore', 'a'], { cwd: root });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(Object.keys(readTree(path.join(root, 'out'))).every((f) => f.startsWith('b/'))).toBe(true);
  });

  it('never reads an output folder inside the input folder back as input', async () => {
    const root = makeCorpus();
    await runMain(['pages', '-o', 'pages/clean'], { cwd: root });
    const again = await runMain(['pages', '-o', 'pages/clean', '--summary'], { cwd: root });
    expect(again.stderr).toMatch(new RegExp(`^boilerstrip: ${2 * CASES.length + 1} files, 1 failed`, 'mu'));
    expect(existsSync(path.join(root, 'pages', 'clean', 'clean'))).toBe(false);
  });

  it.each([
    ['an absolute glob', (root: string) => [`${root}/pages/**/*.txt`, '-o', 'pages/clean'], '.'],
    ['a glob that starts above the working folder', () => ['../**/*.txt', '-o', '../clean'], 'pages/a'],
  ])('never reads an output folder inside the base of %s back as input', async (_, args, from) => {
    const root = makeCorpus();
    const cwd = path.join(root, from);
    await runMain(args(root), { cwd });
    const again = await runMain([...args(root), '--summary'], { cwd });
    expect(again.stderr).toMatch(new RegExp(`^boilerstrip: ${2 * CASES.length + 1} files, 1 failed`, 'mu'));
    expect(existsSync(path.join(root, 'pages', 'clean', 'clean'))).toBe(false);
  });

  it('does not follow symbolic links, so a link loop cannot trap the walk', async () => {
    const root = makeCorpus();
    symlinkSync('..', path.join(root, 'pages', 'a', 'loop'));
    symlinkSync(path.join(root, 'pages', 'b', 'seed.txt'), path.join(root, 'pages', 'a', 'linked.txt'));
    const run = await runMain(['pages', '-o', 'out', '--ignore', 'm-image.txt'], { cwd: root });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(Object.keys(readTree(path.join(root, 'out')))).toHaveLength(2 * CASES.length);
  });
});

describe('reporting and stopping', () => {
  it('--summary prints one line: files, failures, bytes in and out, share removed, time', async () => {
    const root = makeCorpus();
    const run = await runMain(['pages', '-o', 'out', '--summary'], { cwd: root });
    expect(run.stderr.split('\n').at(-2)).toMatch(/^boilerstrip: \d+ files, 1 failed, \d+\.\d [kM]B in, \d+\.\d [kM]B out \(\d+\.\d% removed\), \d+\.\d s$/u);
  });

  it.each([
    ['a stream of records', ['-f', 'jsonl', 'pages'], `${2 * CASES.length + 1} files, 1 failed`],
    ['one file', ['pages/a/seed.txt'], '1 file, 0 failed'],
    ['standard input', [], '1 file, 0 failed'],
  ])('--summary prints its line for %s too', async (_, args, counts) => {
    const root = makeCorpus();
    const run = await runMain([...args, '--summary'], { cwd: root, stdin: readFileSync(path.join(root, 'pages', 'a', 'seed.txt')) });
    expect(run.stderr.split('\n').at(-2)).toMatch(new RegExp(`^boilerstrip: ${counts}, \\d+\\.\\d [kM]B in, \\d+\\.\\d [kM]B out \\(\\d+\\.\\d% removed\\), \\d+\\.\\d s$`, 'u'));
  });

  it('--summary gives a small run in kB, not as 0.0 MB', async () => {
    const root = makeCorpus();
    const page = path.join(root, 'pages', 'a', 'seed.txt');
    const run = await runMain(['pages/a/seed.txt', '--summary'], { cwd: root });
    const inKb = (statSync(page).size / 1000).toFixed(1);
    const outKb = (Buffer.byteLength(run.stdout) / 1000).toFixed(1);
    expect(run.stderr).toMatch(new RegExp(`^boilerstrip: 1 file, 0 failed, ${inKb.replace('.', '\\.')} kB in, ${outKb.replace('.', '\\.')} kB out \\(`, 'u'));
    expect(run.stderr).not.toContain('0.0 MB');
  });

  it('--summary counts the clean text, not the report, for -f json, jsonl, --explain and --diff', async () => {
    const root = makeCorpus();
    const removed = async (args: string[]) => (await runMain(['pages', ...args, '--summary'], { cwd: root })).stderr.match(/B out \((\d+\.\d)% removed\)/u)?.[1];
    const text = await removed(['-o', 'text']);
    expect(Number(text)).toBeGreaterThan(0);
    for (const args of [['-f', 'json', '-o', 'json'], ['-f', 'jsonl'], ['--explain', '-o', 'explain'], ['--diff', '-o', 'diff']]) expect([args, await removed(args)]).toEqual([args, text]);
  });

  it('prints no summary for one file or standard input unless asked, even on a terminal', async () => {
    const root = makeCorpus();
    for (const argv of [['pages/a/seed.txt'], []]) {
      let stderr = '';
      const stdin = Readable.from([readFileSync(path.join(root, 'pages', 'a', 'seed.txt'))]);
      const exitCode = await main({ argv, cwd: root, stdin, stdout: { write: () => true }, stderr: { isTTY: true, write: (s: string) => ((stderr += s), true) } });
      expect({ argv, exitCode, stderr }).toEqual({ argv, exitCode: 0, stderr: '' });
    }
  });

  it('on a terminal, shows a progress line for the pass that counts lines across pages (and for counts build), then for cleaning', async () => {
    const root = makeCorpus();
    const onTerminal = async (argv: string[]) => {
      let stderr = '';
      const exitCode = await main({ argv, cwd: root, stdin: Readable.from([]), stdout: { write: () => true }, stderr: { isTTY: true, write: (s: string) => ((stderr += s), true) } });
      return { exitCode, stderr };
    };
    for (const jobs of ['1', '2']) {
      const withCounting = await onTerminal(['pages', '-o', `out-j${jobs}`, '-j', jobs]);
      const counting = withCounting.stderr.indexOf('counting lines');
      expect(counting).toBeGreaterThanOrEqual(0);
      // The cleaning line (which shows MB/s, the counting one does not) comes after it.
      expect(withCounting.stderr.indexOf('MB/s', counting)).toBeGreaterThan(counting);
      expect(withCounting.stderr).toMatch(/boilerstrip: \d+ files, 1 failed/u);
    }
    const without = await onTerminal(['pages', '-o', 'out-2', '-j', '1', '--no-cross-page']);
    expect(without.stderr).not.toContain('counting lines');
    expect(without.stderr).toContain('MB/s');
    expect((await onTerminal(['counts', 'build', '-o', 'pages.counts', 'pages'])).stderr).toContain('counting lines');
    // -q: the failure is still reported, no progress line.
    const quiet = await onTerminal(['pages', '-o', 'out-3', '-j', '1', '-q']);
    expect(quiet.stderr).toContain('binary file');
    expect(quiet.stderr).not.toMatch(/counting lines| files \| /u);
  });

  it('a run stopped by a signal before it starts writes nothing and exits 130 (143 for SIGTERM)', async () => {
    const root = makeCorpus();
    for (const [reason, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const run = await runMain(['pages', '-o', `out-${reason}`], { cwd: root, signal: AbortSignal.abort(reason) });
      expect(run.exitCode).toBe(code);
      expect(existsSync(path.join(root, `out-${reason}`))).toBe(false);
    }
  });

  // 200 files make tasks of 25, cleaned in this thread: the whole first task used to be written before the
  // signal was seen. 600 files, more than MIN_FILES_FOR_WRITING_HERE (run-batch.ts), make tasks of 64,
  // cleaned in a worker thread and written in this one.
  it.each([
    [200, 'in this thread (-j 1) stops it after the file being cleaned'],
    [600, 'of one job on many files (written in this thread) stops it after the file being written'],
  ])('a signal during a batch of %i files %s, not after the rest of its task', async (files) => {
    const root = tempDir();
    mkdirSync(path.join(root, 'pages'));
    const seed = readFileSync(path.join(FIXTURES, 'seed', 'input.txt'));
    for (let i = 0; i < files; i++) writeFileSync(path.join(root, 'pages', `${String(i).padStart(3, '0')}.txt`), seed);
    const stop = new AbortController();
    // Looks for the first output at every turn of the event loop; the batch gives one between files.
    const watch = setInterval(() => {
      if (existsSync(path.join(root, 'out')) && readdirSync(path.join(root, 'out')).length > 0) stop.abort('SIGINT');
    }, 0);
    try {
      const run = await runMain(['pages', '-o', 'out', '-j', '1', '--no-cross-page', '--summary'], { cwd: root, signal: stop.signal });
      expect(run.exitCode).toBe(130);
      const written = readdirSync(path.join(root, 'out'));
      expect(written.length).toBeLessThan(5);
      expect(run.stderr).toMatch(new RegExp(`^boilerstrip: ${written.length} files?, 0 failed, .* \\(interrupted\\)\n$`, 'u'));
    } finally {
      clearInterval(watch);
    }
  });
});
