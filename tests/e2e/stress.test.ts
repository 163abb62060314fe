// A batch of 2,000 files, 5 % of them bad in every way a child process can meet: binary (NUL bytes, PNG,
// PDF, ZIP, gzip), larger than --max-size, broken symbolic links. The good ones come in UTF-8, UTF-8 with
// a BOM, UTF-16 and Windows-1252, with LF, CRLF or CR line endings. Every good file must be written exactly
// once with the output a single-file run gives, every bad one reported on its own line, exit code 1.
// (Failures that need injection, such as a full disk or a file vanishing mid-run, are in
// tests/cli/file-system.test.ts.) Runs the built bin with --jobs 2, so the worker threads are what is
// tested.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runBin, runMain, tempDir } from '../helpers/cli.js';

const FILES = 2000;
const BAD_SHARE = 0.05;
const MAX_SIZE = '256k';
const ARGV = ['pages', '-o', 'out', '--max-size', MAX_SIZE, '--jobs', '2'];

const fixtureTexts = readdirSync(FIXTURES)
  .map((name) => readFileSync(path.join(FIXTURES, name, 'input.txt'), 'utf8'))
  .filter((text) => [...text].every((ch) => iconv.encode(ch, 'windows-1252').toString('latin1') !== '?' || ch === '?'));

const ENCODINGS: [string, (text: string) => Buffer][] = [
  ['utf8', (t) => Buffer.from(t)],
  ['utf8-bom', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
  ['utf16le', (t) => iconv.encode(t, 'utf-16le', { addBOM: true })],
  ['utf16be', (t) => iconv.encode(t, 'utf-16be', { addBOM: true })],
  ['cp1252', (t) => iconv.encode(t, 'windows-1252')],
];
const LINE_ENDINGS = ['\n', '\r\n', '\r'];

const BAD_KINDS: [string, () => Buffer | 'dangling-link', RegExp][] = [
  ['nul', () => Buffer.from('text\u0000with a NUL byte\n'), /binary file \(contains NUL bytes\), not text$/u],
  ['png', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), /binary file \(PNG image\), not text$/u],
  ['pdf', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), /binary file \(PDF document\), not text$/u],
  ['zip', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /binary file \(ZIP archive\), not text$/u],
  ['gzip', () => Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), /binary file \(gzip archive\), not text$/u],
  ['huge', () => Buffer.alloc(300 * 1024, 'Too big to clean. '), /larger than --max-size 256 KiB; skipped$/u],
  ['dangling', () => 'dangling-link', /a broken symbolic link \(its target does not exist\)$/u],
];

interface Good {
  name: string;
  bytes: Buffer;
}

describe(`a batch of ${FILES} files, ${BAD_SHARE * 100} % of them bad`, () => {
  const root = tempDir();
  const good: Good[] = [];
  const bad = new Map<string, RegExp>();

  beforeAll(() => {
    mkdirSync(path.join(root, 'pages'));
    const badEvery = Math.round(1 / BAD_SHARE);
    for (let i = 0; i < FILES; i++) {
      const folder = `d${i % 7}`;
      mkdirSync(path.join(root, 'pages', folder), { recursive: true });
      if (i % badEvery === badEvery - 1) {
        const [kind, make, message] = BAD_KINDS[Math.floor(i / badEvery) % BAD_KINDS.length]!;
        const name = path.join('pages', folder, `bad-${i}-${kind}.txt`);
        const content = make();
        if (content === 'dangling-link') symlinkSync(`missing-${i}.txt`, path.join(root, name));
        else writeFileSync(path.join(root, name), content);
        bad.set(name, message);
      } else {
        const text = fixtureTexts[i % fixtureTexts.length]!.replaceAll('\n', LINE_ENDINGS[i % LINE_ENDINGS.length]!);
        const [encoding, encode] = ENCODINGS[Math.floor(i / fixtureTexts.length) % ENCODINGS.length]!;
        const name = path.join('pages', folder, `page-${i}-${encoding}.txt`);
        const bytes = encode(text);
        writeFileSync(path.join(root, name), bytes);
        good.push({ name, bytes });
      }
    }
  });

  it('writes every good file once, as a single-file run would, reports every bad one, exits 1', async () => {
    const run = runBin(ARGV, { cwd: root });
    expect(run.exitCode).toBe(1);

    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(bad.size);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
    for (const line of lines) {
      const match = /^boilerstrip: (.+?): (.+)$/u.exec(line);
      expect(match, line).not.toBeNull();
      expect(bad.has(match![1]!), line).toBe(true);
      expect(line).toMatch(bad.get(match![1]!)!);
    }
    expect(new Set(lines.map((l) => l.split(': ')[1])).size).toBe(bad.size);

    const written = readdirSync(path.join(root, 'out'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.relative(path.join(root, 'out'), path.join(d.parentPath, d.name)))
      .sort();
    expect(written).toEqual(good.map((g) => path.relative('pages', g.name)).sort());

    // Same output as a single-file run: one in-process run per distinct input content.
    const single = new Map<string, string>();
    for (const g of good) {
      const key = g.bytes.toString('base64');
      if (!single.has(key)) {
        const one = await runMain([g.name], { cwd: root });
        expect(one.exitCode).toBe(0);
        single.set(key, one.stdout);
      }
      expect(readFileSync(path.join(root, 'out', path.relative('pages', g.name)), 'utf8'), g.name).toBe(single.get(key));
    }
    for (const name of bad.keys()) expect(existsSync(path.join(root, 'out', path.relative('pages', name)))).toBe(false);
  }, 120_000);

  it('has inputs of every kind it claims', () => {
    expect(good.length).toBe(FILES - bad.size);
    expect(bad.size).toBe(FILES * BAD_SHARE);
    for (const [kind] of BAD_KINDS) expect([...bad.keys()].some((n) => n.endsWith(`-${kind}.txt`)), kind).toBe(true);
    for (const [encoding] of ENCODINGS) expect(good.some((g) => g.name.endsWith(`-${encoding}.txt`)), encoding).toBe(true);
  });
});
