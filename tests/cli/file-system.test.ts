// What the file system can do to a batch: files that vanish or turn into folders, broken links, output
// folders that cannot be created or written, a full disk, unreadable files. Each problem is one line on
// stderr naming the file, the other inputs are still cleaned, the exit code is 1, and no partial output
// is left. Failures the tests cannot cause for real (a full disk; permissions, since CI runs as root) are
// injected into node:fs (the batch reads and writes with its synchronous calls).
import { spawnSync } from 'node:child_process';
import * as realFs from 'node:fs';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, type WriterFs } from '../../src/cli/write-output.js';
import { FIXTURES, runMain, tempDir } from '../helpers/cli.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, openSync: vi.fn(actual.openSync), writeFileSync: vi.fn(actual.writeFileSync), mkdirSync: vi.fn(actual.mkdirSync) };
});

const actualFs = await vi.importActual<typeof import('node:fs')>('node:fs');
const seedInput = readFileSync(path.join(FIXTURES, 'seed', 'input.txt'), 'utf8');
const seedExpected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');

function errno(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, ${syscall}`), { code, syscall });
}

/** pages/a.txt, pages/b.txt, pages/c.txt, all the seed page. */
function makePages(): string {
  const root = tempDir();
  mkdirSync(path.join(root, 'pages'));
  for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(path.join(root, 'pages', name), seedInput);
  return root;
}

/** Every file below `folder`, temporary files included, relative and sorted. */
/** makePages() with one more page in a sub-folder: pages/sub/d.txt. */
function makePagesWithSub(): string {
  const root = makePages();
  mkdirSync(path.join(root, 'pages', 'sub'));
  writeFileSync(path.join(root, 'pages', 'sub', 'd.txt'), seedInput);
  return root;
}

function listAll(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(folder, path.join(d.parentPath, d.name)))
    .sort();
}

/** The run failed for exactly the given lines, with no stack trace. */
function expectFailures(run: { exitCode: number; stderr: string }, lines: (string | RegExp)[]): void {
  expect(run.exitCode).toBe(1);
  const got = run.stderr.trimEnd().split('\n');
  expect(got).toHaveLength(lines.length);
  lines.forEach((line, i) => (typeof line === 'string' ? expect(got[i]).toBe(line) : expect(got[i]).toMatch(line)));
  expect(run.stderr).not.toMatch(/\n\s+at /u);
}

afterEach(() => {
  vi.mocked(realFs.openSync).mockImplementation(actualFs.openSync);
  vi.mocked(realFs.writeFileSync).mockImplementation(actualFs.writeFileSync);
  vi.mocked(realFs.mkdirSync).mockImplementation(actualFs.mkdirSync);
});

/** Runs `before` just before the CLI opens the input whose name ends with `name`. */
function onOpen(name: string, before: (file: string) => void): void {
  vi.mocked(realFs.openSync).mockImplementation((file, ...rest) => {
    if (String(file).endsWith(name)) before(String(file));
    return actualFs.openSync(file, ...rest);
  });
}

describe('inputs that change or break', () => {
  it('a file that vanishes between listing and reading', async () => {
    const root = makePages();
    onOpen('b.txt', (file) => actualFs.rmSync(file));
    const run = await runMain(['pages', '-o', 'out'], { cwd: root });
    expectFailures(run, ['boilerstrip: pages/b.txt: no such file or folder']);
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'c.txt']);
  });

  it('a file replaced by a folder between listing and reading', async () => {
    const root = makePages();
    onOpen('b.txt', (file) => {
      actualFs.rmSync(file);
      actualFs.mkdirSync(file);
    });
    const run = await runMain(['pages', '-o', 'out'], { cwd: root });
    expectFailures(run, ['boilerstrip: pages/b.txt: is a folder, not a file']);
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'c.txt']);
  });

  it('a folder named x.txt given as an input, with nothing in it', async () => {
    const root = makePages();
    mkdirSync(path.join(root, 'x.txt'));
    const run = await runMain(['x.txt', 'pages/a.txt', '-o', 'out'], { cwd: root });
    expectFailures(run, ['boilerstrip: x.txt: a folder with no files to clean (hidden files, .git and node_modules are skipped)']);
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt']);
  });

  it('a loop of symbolic links given as input is called one, not a broken link', async () => {
    const root = makePages();
    symlinkSync('b.txt', path.join(root, 'a.txt'));
    symlinkSync('a.txt', path.join(root, 'b.txt'));
    const run = await runMain(['a.txt', 'pages', '-o', 'out'], { cwd: root });
    expectFailures(run, ['boilerstrip: a.txt: too many levels of symbolic links']);
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('a socket named as an input is refused, and a FIFO found in a folder is not read: only pipes named as inputs are', async () => {
    const root = makePages();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path.join(root, 'socket'), resolve));
    // Read, it would wait for ever for a writer.
    expect(spawnSync('mkfifo', [path.join(root, 'pages', 'no-writer.fifo')]).status).toBe(0);
    try {
      const run = await runMain(['socket', 'pages', '-o', 'out'], { cwd: root });
      expectFailures(run, ['boilerstrip: socket: not a regular file, folder, pipe or character device']);
      expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'b.txt', 'c.txt']);
    } finally {
      server.close();
    }
  });

  it('broken symbolic links, given and found in a folder', async () => {
    const root = makePages();
    symlinkSync('nowhere.txt', path.join(root, 'pages', 'broken.txt'));
    symlinkSync('nowhere.txt', path.join(root, 'given.txt'));
    const run = await runMain(['given.txt', 'pages', '-o', 'out'], { cwd: root });
    expectFailures(run, [
      'boilerstrip: given.txt: a broken symbolic link (its target does not exist)',
      'boilerstrip: pages/broken.txt: a broken symbolic link (its target does not exist)',
    ]);
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('a file whose name is not valid UTF-8, found in a folder, by a pattern and named: said so, the rest cleaned', async () => {
    const root = makePages();
    // "café.txt" in Latin-1: the é is byte 0xe9, which is no UTF-8. Node reads the name with U+FFFD for it.
    writeFileSync(Buffer.concat([Buffer.from(path.join(root, 'pages', 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]), seedInput);
    // A name that holds U+FFFD itself, in UTF-8, is a name like any other.
    writeFileSync(path.join(root, 'pages', 'x\ufffd.txt'), seedInput);
    const message = 'pages/caf\ufffd.txt: its name is not valid UTF-8, and boilerstrip can only open files whose names are; rename it';
    for (const args of [['pages', '-o', 'out'], ['pages/*.txt', '-o', 'out2']]) {
      const run = await runMain(args, { cwd: root });
      expect({ args, exitCode: run.exitCode, stderr: run.stderr }).toEqual({ args, exitCode: 1, stderr: `boilerstrip: ${message}\n` });
    }
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'b.txt', 'c.txt', 'x\ufffd.txt']);
    expect(await runMain(['pages/caf\ufffd.txt'], { cwd: root })).toMatchObject({ exitCode: 1, stdout: '', stderr: `boilerstrip: ${message}\n` });
    // Only such a file in a folder: its line says enough, without "a folder with no files to clean".
    mkdirSync(path.join(root, 'only'));
    writeFileSync(Buffer.concat([Buffer.from(path.join(root, 'only', 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]), seedInput);
    expect((await runMain(['only', '-o', 'out3'], { cwd: root })).stderr).toBe(`boilerstrip: ${message.replace('pages/', 'only/')}\n`);
  });

  it('an unreadable file (injected EACCES: CI runs as root, which reads any file)', async () => {
    const root = makePages();
    onOpen('b.txt', () => {
      throw errno('EACCES', 'open');
    });
    const run = await runMain(['pages', '-o', 'out'], { cwd: root });
    expectFailures(run, ['boilerstrip: pages/b.txt: permission denied']);
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'c.txt']);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file, for real with chmod 000 (skipped when running as root: root reads mode-000 files)', async () => {
    const root = makePages();
    actualFs.chmodSync(path.join(root, 'pages', 'b.txt'), 0o000);
    const run = await runMain(['pages', '-o', 'out'], { cwd: root });
    expectFailures(run, ['boilerstrip: pages/b.txt: permission denied']);
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'c.txt']);
  });

  it.runIf(actualFs.existsSync('/proc/self/status'))('a file that says it is empty but is not (/proc) is read to its end', async () => {
    expect(actualFs.statSync('/proc/self/status').size).toBe(0);
    const run = await runMain(['/proc/self/status', '-f', 'json']);
    expect(run.exitCode).toBe(0);
    const record = JSON.parse(run.stdout) as { text: string; removed: { text: string }[] };
    expect(record.text.length + record.removed.length).toBeGreaterThan(0);
  });

  it('two inputs with the same output path: the second is refused, not written over the first', async () => {
    const root = makePages();
    mkdirSync(path.join(root, 'other'));
    writeFileSync(path.join(root, 'other', 'a.txt'), 'A different page\n\nwith other words in it, so that its output is not the same.\n');
    const run = await runMain(['pages/a.txt', 'other/a.txt', '-o', 'out'], { cwd: root });
    expectFailures(run, ['boilerstrip: other/a.txt: output out/a.txt was already written for pages/a.txt; not replaced']);
    expect(readFileSync(path.join(root, 'out', 'a.txt'), 'utf8')).toBe(seedExpected);
  });

  // The overwrite check reads each output folder once instead of resolving every output: a link in any
  // place (the output folder, a folder above it, the output file itself) must still be seen through.
  it.each([
    ['the output folder is a link to the input folder', 'out', (root: string) => symlinkSync(path.join(root, 'pages'), path.join(root, 'out')), ['a', 'b', 'c']],
    ['a folder above the output folder is a link', 'out/pages', (root: string) => symlinkSync(root, path.join(root, 'out')), ['a', 'b', 'c']],
    ['an output file is a link to an input', 'out', (root: string) => {
      mkdirSync(path.join(root, 'out'));
      symlinkSync(path.join(root, 'pages', 'b.txt'), path.join(root, 'out', 'b.txt'));
    }, ['b']],
  ])('never writes over an input through a link: %s', async (_name, outDir, link, refused) => {
    const root = makePages();
    link(root);
    const run = await runMain(['pages', '-o', outDir], { cwd: root });
    expectFailures(run, refused.map((name) => new RegExp(`^boilerstrip: pages/${name}\\.txt: output .* would overwrite an input`, 'u')));
    for (const name of ['a.txt', 'b.txt', 'c.txt']) expect(readFileSync(path.join(root, 'pages', name), 'utf8')).toBe(seedInput);
  });
});

describe('file names', () => {
  it('a failing file whose name holds a line break or an escape code is still one line, its control characters escaped', async () => {
    const root = makePages();
    writeFileSync(path.join(root, 'pages', 'bad\nname\u001b[2J.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const run = await runMain(['pages', '-o', 'out'], { cwd: root });
    expectFailures(run, ['boilerstrip: pages/bad\\u000aname\\u001b[2J.txt: binary file (PNG image), not text']);
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });
});

describe('folders whose names hold a line break', () => {
  it('are walked into, at any depth, not skipped without a word', async () => {
    const root = makePages();
    for (const folder of ['two\nlines', 'sub/carriage\rreturn', 'two\nlines/again\u2028here']) {
      mkdirSync(path.join(root, 'pages', folder), { recursive: true });
      writeFileSync(path.join(root, 'pages', folder, 'd.txt'), seedInput);
    }
    const run = await runMain(['pages', '-o', 'out'], { cwd: root });
    expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'b.txt', 'c.txt', 'sub/carriage\rreturn/d.txt', 'two\nlines/again\u2028here/d.txt', 'two\nlines/d.txt']);
    expect(readFileSync(path.join(root, 'out', 'two\nlines', 'again\u2028here', 'd.txt'), 'utf8')).toBe(seedExpected);
  });

  it('keep the ignore patterns that apply at any depth', async () => {
    const root = makePages();
    mkdirSync(path.join(root, 'pages', 'two\nlines', 'drafts'), { recursive: true });
    writeFileSync(path.join(root, 'pages', 'two\nlines', 'd.txt'), seedInput);
    writeFileSync(path.join(root, 'pages', 'two\nlines', 'drafts', 'e.txt'), seedInput);
    const run = await runMain(['pages', '-o', 'out', '--ignore', 'drafts'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'b.txt', 'c.txt', 'two\nlines/d.txt']);
  });
});

describe('outputs that cannot be written', () => {
  it('an output folder that cannot be created: one line, nothing cleaned', async () => {
    const root = makePages();
    writeFileSync(path.join(root, 'out'), 'a file where the folder should be');
    const run = await runMain(['pages', '-o', 'out'], { cwd: root });
    expectFailures(run, ['boilerstrip: out: cannot create the output folder: a file of that name already exists; no input was cleaned']);
    expect(readFileSync(path.join(root, 'out'), 'utf8')).toBe('a file where the folder should be');
  });

  it('an output sub-folder that cannot be created fails only the files below it', async () => {
    const root = makePagesWithSub();
    mkdirSync(path.join(root, 'out'));
    writeFileSync(path.join(root, 'out', 'sub'), 'in the way');
    const run = await runMain(['pages', '-o', 'out'], { cwd: root });
    expectFailures(run, ['boilerstrip: pages/sub/d.txt: cannot write out/sub/d.txt: a file of that name already exists']);
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'b.txt', 'c.txt', 'sub']);
  });

  it('an output folder on a full disk or a read-only file system says so, not "no such file or folder" as Node\'s recursive mkdir does', async () => {
    const root = makePagesWithSub();
    // Below `full`, no folder can be made: as Node does, a recursive mkdir says ENOENT, a plain one the reason.
    const full = path.join(root, 'full');
    mkdirSync(full);
    vi.mocked(realFs.mkdirSync).mockImplementation(((folder: string, options?: { recursive?: boolean }) => {
      if (!path.resolve(String(folder)).startsWith(`${full}${path.sep}`) || existsSync(folder)) return actualFs.mkdirSync(folder, options);
      throw errno(options?.recursive ? 'ENOENT' : 'ENOSPC', 'mkdir');
    }) as typeof realFs.mkdirSync);
    expectFailures(await runMain(['pages', '-o', 'full/out'], { cwd: root }), ['boilerstrip: full/out: cannot create the output folder: no space left on the device; no input was cleaned']);
    actualFs.mkdirSync(path.join(full, 'out'));
    const run = await runMain(['pages', '-o', 'full/out'], { cwd: root });
    expectFailures(run, ['boilerstrip: pages/sub/d.txt: cannot write full/out/sub/d.txt: no space left on the device']);
    expect(listAll(path.join(full, 'out'))).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('names an output outside the working folder by its absolute path, not by ../..', async () => {
    const root = makePagesWithSub();
    mkdirSync(path.join(root, 'out'));
    writeFileSync(path.join(root, 'out', 'sub'), 'in the way');
    const outDir = path.join(root, 'out');
    const run = await runMain([path.join(root, 'pages'), '-o', outDir], { cwd: path.join(root, 'pages', 'sub') });
    expectFailures(run, [`boilerstrip: ${path.join(root, 'pages', 'sub', 'd.txt')}: cannot write ${path.join(outDir, 'sub', 'd.txt')}: a file of that name already exists`]);
  });

  it('an output folder that cannot be written (injected EACCES)', async () => {
    const root = makePages();
    vi.mocked(realFs.writeFileSync).mockImplementation(() => {
      throw errno('EACCES', 'open');
    });
    const run = await runMain(['pages', '-o', 'out'], { cwd: root });
    expectFailures(run, ['a', 'b', 'c'].map((n) => `boilerstrip: pages/${n}.txt: cannot write out/${n}.txt: permission denied`));
    expect(listAll(path.join(root, 'out'))).toEqual([]);
  });

  it('a full disk half-way through an output: no partial file, the previous output kept, the rest written', async () => {
    const root = makePages();
    mkdirSync(path.join(root, 'out'));
    writeFileSync(path.join(root, 'out', 'b.txt'), 'output of an earlier run');
    vi.mocked(realFs.writeFileSync).mockImplementation((file, data, options) => {
      if (!String(file).includes('b.txt')) return actualFs.writeFileSync(file, data, options);
      actualFs.writeFileSync(file, String(data).slice(0, 100), options);
      throw errno('ENOSPC', 'write');
    });
    const run = await runMain(['pages', '-o', 'out'], { cwd: root });
    expectFailures(run, ['boilerstrip: pages/b.txt: cannot write out/b.txt: no space left on the device']);
    expect(listAll(path.join(root, 'out'))).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(readFileSync(path.join(root, 'out', 'b.txt'), 'utf8')).toBe('output of an earlier run');
    expect(readFileSync(path.join(root, 'out', 'c.txt'), 'utf8')).toBe(seedExpected);
  });
});

describe('writeFileAtomic with an injected file system', () => {
  const failing = (step: keyof WriterFs): WriterFs => ({
    mkdirSync: actualFs.mkdirSync,
    chmodSync: actualFs.chmodSync,
    writeFileSync: (file, data, options) => {
      actualFs.writeFileSync(file, data.slice(0, 3), options);
      if (step === 'writeFileSync') throw errno('ENOSPC', 'write');
    },
    appendFileSync: (file, data) => {
      actualFs.appendFileSync(file, data.slice(0, 3));
      if (step === 'appendFileSync') throw errno('ENOSPC', 'write');
    },
    renameSync: (from, to) => {
      if (step === 'renameSync') throw errno('EXDEV', 'rename');
      actualFs.renameSync(from, to);
    },
    rmSync: (file, options) => {
      actualFs.rmSync(file, options);
      if (step === 'rmSync') throw errno('EIO', 'unlink');
    },
  });

  /** Content in pieces, as a generator (it can be read only once). */
  function* pieces(...texts: string[]) {
    for (const text of texts) yield Buffer.from(text);
  }

  it.each(['writeFileSync', 'appendFileSync', 'renameSync'] as const)('removes the temporary file when %s fails, and rethrows', (step) => {
    const dir = tempDir();
    expect(() => writeFileAtomic(path.join(dir, 'out.txt'), pieces('complete', ' text'), { fs: failing(step) })).toThrow(expect.objectContaining({ code: step === 'renameSync' ? 'EXDEV' : 'ENOSPC' }));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives the group alone when it may not give the owner, writes the file when it may give neither (EPERM), and fails on any other chown error', () => {
    const dir = tempDir();
    const calls: [number, number][] = [];
    const chown = (code: string, allowed?: (uid: number) => boolean): WriterFs => ({
      ...failing('mkdirSync'),
      chownSync: (_file, uid, gid) => {
        calls.push([uid, gid]);
        if (!allowed?.(uid)) throw errno(code, 'chown');
      },
    });
    const owner = { uid: 1234, gid: 5678 };
    writeFileAtomic(path.join(dir, 'group.txt'), 'text', { owner, fs: chown('EPERM', (uid) => uid === -1) });
    expect(calls.splice(0)).toEqual([[1234, 5678], [-1, 5678]]);
    writeFileAtomic(path.join(dir, 'out.txt'), 'text', { owner, fs: chown('EPERM') });
    expect(calls.splice(0)).toEqual([[1234, 5678], [-1, 5678]]);
    expect(readdirSync(dir).sort()).toEqual(['group.txt', 'out.txt']);
    rmSync(path.join(dir, 'group.txt'));
    expect(() => writeFileAtomic(path.join(dir, 'other.txt'), 'text', { owner, fs: chown('EIO') })).toThrow(expect.objectContaining({ code: 'EIO' }));
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('writes content given in pieces, and an empty file for no pieces', () => {
    const dir = tempDir();
    writeFileAtomic(path.join(dir, 'out.txt'), pieces('complete', ' text', '\n'));
    writeFileAtomic(path.join(dir, 'empty.txt'), pieces());
    expect(actualFs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).toBe('complete text\n');
    expect(actualFs.readFileSync(path.join(dir, 'empty.txt'), 'utf8')).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['empty.txt', 'out.txt']);
  });

  it('tries another temporary name when one is taken, and leaves the file that holds it alone', () => {
    const dir = tempDir();
    const taken: string[] = [];
    const fs: WriterFs = {
      ...failing('rmSync'),
      writeFileSync: (file, data, options) => {
        if (taken.length < 2) {
          // Another writer's temporary file, made just before this one tries the name.
          actualFs.writeFileSync(file, 'theirs');
          taken.push(file);
        }
        actualFs.writeFileSync(file, data, options);
      },
      appendFileSync: actualFs.appendFileSync,
      rmSync: actualFs.rmSync,
    };
    // In pieces: the first piece, read once, is written again under the next name.
    writeFileAtomic(path.join(dir, 'out.txt'), pieces('complete', ' text'), { fs });
    expect(actualFs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).toBe('complete text');
    expect(taken).toHaveLength(2);
    for (const file of taken) expect(actualFs.readFileSync(file, 'utf8')).toBe('theirs');
    expect(readdirSync(dir).sort()).toEqual([...taken.map((f) => path.basename(f)), 'out.txt'].sort());
  });

  it('gives up after five taken names with EEXIST, removing nothing', () => {
    const dir = tempDir();
    const fs: WriterFs = {
      ...failing('rmSync'),
      writeFileSync: (file, data, options) => {
        actualFs.writeFileSync(file, 'theirs');
        actualFs.writeFileSync(file, data, options);
      },
      rmSync: actualFs.rmSync,
    };
    expect(() => writeFileAtomic(path.join(dir, 'out.txt'), 'complete text', { fs })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readdirSync(dir)).toHaveLength(5);
    expect(existsSync(path.join(dir, 'out.txt'))).toBe(false);
  });

  it('reports the write error, not a failing clean-up', () => {
    const dir = tempDir();
    const fs = { ...failing('writeFileSync'), rmSync: failing('rmSync').rmSync };
    expect(() => writeFileAtomic(path.join(dir, 'out.txt'), 'complete text', { fs })).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(existsSync(path.join(dir, 'out.txt'))).toBe(false);
  });
});
