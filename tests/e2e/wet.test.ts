// --input-format wet through the built CLI as a real child process: a small WET file of three invented
// pages (tests/fixtures/three-pages.warc.wet, with a warcinfo record first) read from a file and from
// standard input, plain and gzipped (one gzip member, and one per record as Common Crawl writes them), in
// order for any -j; a bad record reported with its number and exit 1; counts built from WET files giving
// evidence by host. The fixture is not in fixtures/: every entry there is a golden page folder.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PROSE_A, PROSE_B } from '../helpers/page.js';
import { REPO, runBin, tempDir } from '../helpers/cli.js';

const WET_FILE = path.join(REPO, 'tests', 'fixtures', 'three-pages.warc.wet');
const WET = readFileSync(WET_FILE);
const EXPECTED = readFileSync(path.join(REPO, 'tests', 'fixtures', 'three-pages.expected.jsonl'), 'utf8');
const URLS = ['https://www.riverside-gazette.example/news/library-opens', 'https://www.riverside-gazette.example/news/bridge-repairs', 'https://blog.hillwalker.example/2024/02/ridge-walk'];

/** The fixture's records, each with its trailing CRLF CRLF, as bytes. */
function recordsOf(wet: Buffer): Buffer[] {
  const text = wet.toString('latin1'); // byte for byte
  return text
    .split(/(?=WARC\/1\.0\r\n)/u)
    .filter((r) => r !== '')
    .map((r) => Buffer.from(r, 'latin1'));
}

const ok = { exitCode: 0, stdout: EXPECTED, stderr: '' };

describe('built CLI, --input-format wet', () => {
  it('cleans the three pages of the fixture to the expected records, menus gone, the warcinfo left out', () => {
    const run = runBin(['--input-format', 'wet', WET_FILE]);
    expect(run).toEqual(ok);
    const records = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.url)).toEqual(URLS);
    expect(records.map((r) => r.language)).toEqual(['eng', 'eng,fra', 'eng,zho']);
    expect(Object.keys(records[0])).toEqual(['url', 'date', 'recordId', 'language', 'text', 'boilerstrip']);
    for (const r of records) expect(r.text).not.toMatch(/^(Home|About|Share this article|Privacy policy)$/mu);
    expect(records[1].text).toContain('Chez Amélie');
    expect(records[2].text).toContain('山路');
  });

  it('reads the same from standard input, and gzipped from a file and from standard input', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'one-member.warc.wet.gz'), gzipSync(WET));
    // Common Crawl's way: one gzip member per record, concatenated.
    writeFileSync(path.join(root, 'CC-MAIN-test.warc.wet.gz'), Buffer.concat(recordsOf(WET).map((r) => gzipSync(r))));
    expect(runBin(['--input-format', 'wet'], { input: WET })).toEqual(ok);
    expect(runBin(['--input-format', 'wet', '-'], { input: gzipSync(WET) })).toEqual(ok);
    expect(runBin(['--input-format', 'wet', 'one-member.warc.wet.gz'], { cwd: root })).toEqual(ok);
    expect(runBin(['--input-format', 'wet', 'CC-MAIN-test.warc.wet.gz'], { cwd: root })).toEqual(ok);
  });

  it('writes records in input order across files and worker threads', () => {
    const root = tempDir();
    // 200 copies (600 pages): several batches, so -j 3 cleans most of them in the worker pool.
    const big = Buffer.concat(Array.from({ length: 200 }, () => WET));
    writeFileSync(path.join(root, 'a.warc.wet'), big);
    writeFileSync(path.join(root, 'b.warc.wet.gz'), gzipSync(WET));
    const one = runBin(['--input-format', 'wet', '-j', '1', 'a.warc.wet', 'b.warc.wet.gz'], { cwd: root });
    expect([one.exitCode, one.stderr]).toEqual([0, '']);
    expect(one.stdout).toBe(EXPECTED.repeat(201));
    expect(runBin(['--input-format', 'wet', '-j', '3', 'a.warc.wet', 'b.warc.wet.gz'], { cwd: root })).toEqual(one);
  });

  it('reports a bad record with its file, number and byte offset, writes the others, and exits 1', () => {
    const root = tempDir();
    const [info, first, second, third] = recordsOf(WET);
    const bad = Buffer.from(second!.toString('latin1').replace(/Content-Length: \d+/u, 'Content-Length: many'), 'latin1');
    writeFileSync(path.join(root, 'bad.warc.wet'), Buffer.concat([info!, first!, bad, third!]));
    const run = runBin(['--input-format', 'wet', 'bad.warc.wet'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(`boilerstrip: bad.warc.wet: record 3 (byte ${info!.length + first!.length}): bad Content-Length "many"; skipped\n`);
    const lines = EXPECTED.split('\n');
    expect(run.stdout).toBe(`${lines[0]}\n${lines[2]}\n`);
    // A file cut short in a record: the records before it, and one line.
    writeFileSync(path.join(root, 'cut.warc.wet.gz'), gzipSync(WET.subarray(0, WET.length - 100)));
    const cut = runBin(['--input-format', 'wet', 'cut.warc.wet.gz'], { cwd: root });
    expect(cut.exitCode).toBe(1);
    expect(cut.stderr).toMatch(/^boilerstrip: cut\.warc\.wet\.gz: record 4 \(byte \d+\): cut short: Content-Length is \d+ bytes, the input ended after \d+; skipped\n$/u);
    expect(cut.stdout).toBe(`${lines[0]}\n${lines[1]}\n`);
  });

  it('takes evidence by host from counts built from WET files where they lie, merged', () => {
    const root = tempDir();
    const PROMO = 'Read the latest from our newsroom';
    /** A WET file of `pages` pages of `host`, each with the promo line between two paragraphs of its own. */
    const wetOf = (host: string, pages: number) =>
      Array.from({ length: pages }, (_, i) => {
        const text = `Story ${i}\n\n${PROSE_A.replace('Tuesday', `day ${i}`)} ${PROSE_B}\n\n${PROMO}\n\n${PROSE_B.replace('buses', `buses (${i})`)} ${PROSE_A}\n`;
        return `WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://${host}/story/${i}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}\r\n\r\n`;
      }).join('');
    // One site spread over two WET files (a crawl's shards), and a site that prints the line on one page only.
    writeFileSync(path.join(root, 'shard-1.warc.wet.gz'), gzipSync(wetOf('www.news.example', 4)));
    writeFileSync(path.join(root, 'shard-2.warc.wet'), wetOf('www.news.example', 4) + wetOf('blog.example', 1));
    for (const shard of ['1.warc.wet.gz', '2.warc.wet']) {
      expect(runBin(['counts', 'build', '--input-format', 'wet', '-o', `${shard}.counts`, `shard-${shard}`], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    }
    expect(runBin(['counts', 'merge', '-o', 'all.counts', '1.warc.wet.gz.counts', '2.warc.wet.counts'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const texts = (run: { stdout: string }) => run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { url: string; text: string });
    const shard = (counts: string[]) => runBin(['--input-format', 'wet', 'shard-2.warc.wet', ...counts], { cwd: root });
    const plain = shard([]);
    expect(texts(plain).every((r) => r.text.includes(PROMO))).toBe(true);
    const withCounts = shard(['--counts', 'all.counts']);
    expect([withCounts.exitCode, withCounts.stderr]).toEqual([0, '']);
    // Eight pages of www.news.example print it: dropped there; blog.example's one page keeps it.
    expect(texts(withCounts).map((r) => [new URL(r.url).host, r.text.includes(PROMO)])).toEqual([...Array.from({ length: 4 }, () => ['www.news.example', false]), ['blog.example', true]]);
    // One shard's own counts (4 pages of the site) are too few to be evidence.
    expect(texts(shard(['--counts', '2.warc.wet.counts'])).every((r) => r.text.includes(PROMO))).toBe(true);
  });

  it('counts the records read before a gzip stream that breaks off, as cleaning writes them, and names the record it cut', () => {
    const root = tempDir();
    const page = (i: number) => {
      const text = `Story ${i}\n\n${PROSE_A.replace('Tuesday', `day ${i}`)} ${PROSE_B}\n\nRead the latest from our newsroom\n`;
      return `WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://www.news.example/story/${i}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}\r\n\r\n`;
    };
    const pages = (n: number) => Array.from({ length: n }, (_, i) => page(i)).join('');
    writeFileSync(path.join(root, 'three.warc.wet'), pages(3));
    // Four records in one gzip member, its last bytes lost: the first three are whole, the fourth is cut.
    const gz = gzipSync(pages(4));
    writeFileSync(path.join(root, 'cut.warc.wet.gz'), gz.subarray(0, gz.length - 12));
    expect(runBin(['counts', 'build', '--input-format', 'wet', '-o', 'three.counts', 'three.warc.wet'], { cwd: root }).exitCode).toBe(0);
    const cut = runBin(['counts', 'build', '--input-format', 'wet', '-o', 'cut.counts', 'cut.warc.wet.gz'], { cwd: root });
    expect(cut.exitCode).toBe(1);
    expect(cut.stderr).toMatch(/^boilerstrip: cut\.warc\.wet\.gz: bad gzip stream \(unexpected end of file\) in record 4 \(byte \d+\)\n$/u);
    expect(readFileSync(path.join(root, 'cut.counts'), 'utf8')).toBe(readFileSync(path.join(root, 'three.counts'), 'utf8'));
    expect(runBin(['--input-format', 'wet', 'cut.warc.wet.gz'], { cwd: root }).stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('refuses --text-field and -o in one line with exit 2', () => {
    expect(runBin(['--input-format', 'wet', '--text-field', 'body', WET_FILE])).toEqual({ exitCode: 2, stdout: '', stderr: expect.stringMatching(/^boilerstrip: --text-field is for JSON Lines: --input-format wet writes the text as "text"/u) });
    expect(runBin(['--input-format', 'wet', '-o', 'out', WET_FILE]).stderr).toMatch(/^boilerstrip: --input-format wet writes JSON Lines to standard output; --out-dir is for page files\n/u);
    expect(runBin(['counts', 'build', '--input-format', 'wet', '--id-field', 'url', '-o', 'x.counts', WET_FILE])).toEqual({ exitCode: 2, stdout: '', stderr: expect.stringMatching(/^boilerstrip: --id-field is for JSON Lines: --input-format wet counts/u) });
  });
});
