// The WET reader (read-wet.ts): records cut from a stream however it comes in chunks, Content-Length
// counted in bytes, non-conversion records left out, malformed records reported with their number and
// byte offset and the reading resynced, gzip (one member or many) read through; and --input-format wet
// through main(): options refused, --max-size, --on-bad-record, the same output for any -j.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipIfGzip, WetBatcher, type WetBatch } from '../../src/cli/read-wet.js';
import { main } from '../../src/cli/main.js';
import { runMain, tempDir } from '../helpers/cli.js';

/** Resolves once `done()` holds, polling; fails the test after five seconds. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 5000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Rec {
  type?: string;
  url?: string;
  text: string;
  /** Header lines to put in place of the usual ones (a test of a bad Content-Length). */
  headers?: string[];
  language?: string;
}

/** A record as Common Crawl writes it: CRLF header lines, a blank line, the block, two CRLFs. */
function record({ type = 'conversion', url = 'https://news.example/a', text, headers, language }: Rec): string {
  const lines = headers ?? [
    `WARC-Type: ${type}`,
    `WARC-Target-URI: ${url}`,
    'WARC-Date: 2024-02-20T10:11:12Z',
    `WARC-Record-ID: <urn:uuid:${url.length}-${text.length}>`,
    ...(language ? [`WARC-Identified-Content-Language: ${language}`] : []),
    'Content-Type: text/plain',
    `Content-Length: ${Buffer.byteLength(text)}`,
  ];
  return `WARC/1.0\r\n${lines.join('\r\n')}\r\n\r\n${text}\r\n\r\n`;
}

const WARCINFO = record({ type: 'warcinfo', url: '', text: 'isPartOf: CC-MAIN-2024-10\r\npublisher: Common Crawl\r\n' });

type Seen = { records: (Record<string, string> | null)[]; first: number } | { malformed: string } | { tooLarge: number; line: number };

/** What a WetBatcher makes of `input` fed in chunks of `chunk` bytes (whole when undefined). */
function read(input: string | Buffer, chunk?: number, maxSize = 1 << 20): Seen[] {
  const bytes = Buffer.from(input);
  const batcher = new WetBatcher(maxSize);
  const out: WetBatch[] = [];
  const step = chunk ?? Math.max(1, bytes.length);
  for (let at = 0; at < bytes.length; at += step) batcher.push(bytes.subarray(at, at + step), out);
  batcher.end(out);
  return out.map((b) =>
    'bytes' in b
      ? {
          records: Buffer.from(b.bytes)
            .toString()
            .split('\n')
            .slice(0, -1)
            .map((l) => (l === '' ? null : (JSON.parse(l) as Record<string, string>))),
          first: b.firstLine,
        }
      : b,
  );
}

/** The same result whole, byte by byte and in chunks of 7 and 4096: a chunk's edge changes nothing. */
function readAnyhow(input: string | Buffer, maxSize?: number): Seen[] {
  const whole = read(input, undefined, maxSize);
  for (const chunk of [1, 7, 4096]) expect(merged(read(input, chunk, maxSize))).toEqual(merged(whole));
  return whole;
}

/** Batches next to each other joined (where a batch closes may depend on the chunks: a stall, a full batch). */
function merged(seen: Seen[]): Seen[] {
  const out: Seen[] = [];
  for (const s of seen) {
    const last = out[out.length - 1];
    if ('records' in s && last && 'records' in last) last.records.push(...s.records);
    else out.push('records' in s ? { records: [...s.records], first: s.first } : s);
  }
  return out;
}

const texts = (seen: Seen[]) => seen.flatMap((s) => ('records' in s ? s.records.filter((r) => r !== null).map((r) => r!.text) : []));

describe('WetBatcher', () => {
  it('reads several records with CRLF framing into url, date, recordId, language and text', () => {
    const input = record({ url: 'https://a.example/1', text: 'First page.\nSecond line.', language: 'eng' }) + record({ url: 'https://b.example/2', text: 'Second page.' });
    expect(readAnyhow(input)).toEqual([
      {
        records: [
          { url: 'https://a.example/1', date: '2024-02-20T10:11:12Z', recordId: '<urn:uuid:19-24>', language: 'eng', text: 'First page.\nSecond line.' },
          { url: 'https://b.example/2', date: '2024-02-20T10:11:12Z', recordId: '<urn:uuid:19-12>', text: 'Second page.' },
        ],
        first: 1,
      },
    ]);
  });

  it('counts Content-Length in bytes: text with é, 中 and an emoji is read whole, and the next record found', () => {
    const text = 'Café au lait, 中文字, 😀 and a line ending in é';
    expect(Buffer.byteLength(text)).toBeGreaterThan(text.length);
    const seen = readAnyhow(record({ text }) + record({ text: 'Next.' }));
    expect(texts(seen)).toEqual([text, 'Next.']);
    expect(seen.some((s) => 'malformed' in s)).toBe(false);
  });

  it('leaves out the warcinfo record, keeping the record numbers of the others', () => {
    const seen = readAnyhow(WARCINFO + record({ text: 'A page.' }) + record({ type: 'metadata', text: 'x: y' }) + record({ text: 'Another.' }));
    expect(seen).toEqual([{ records: [null, expect.objectContaining({ text: 'A page.' }), null, expect.objectContaining({ text: 'Another.' })], first: 1 }]);
  });

  it('reads a record with Content-Length 0 as a record with empty text', () => {
    expect(texts(readAnyhow(record({ text: '' }) + record({ text: 'After.' })))).toEqual(['', 'After.']);
  });

  it('reads nothing and reports nothing from an empty input, or one of blank lines', () => {
    expect(readAnyhow('')).toEqual([]);
    expect(readAnyhow('\r\n\r\n\n')).toEqual([]);
  });

  it('reads header lines ended by a bare LF, and records with WARC/1.1', () => {
    const input = record({ text: 'One.' }).replace(/\r\n(?=.*\r\n\r\nOne)/su, '\n').replace('WARC/1.0', 'WARC/1.1');
    expect(texts(readAnyhow(input))).toEqual(['One.']);
  });

  it('reports a record cut short at the end of the input with its number and byte offset', () => {
    const first = WARCINFO + record({ text: 'Whole.' });
    const cut = record({ text: 'This one is cut short.' }).slice(0, -12);
    const seen = readAnyhow(first + cut);
    expect(seen).toEqual([
      { records: [null, expect.objectContaining({ text: 'Whole.' })], first: 1 },
      { malformed: `record 3 (byte ${Buffer.byteLength(first)}): cut short: Content-Length is 22 bytes, the input ended after 14; skipped` },
    ]);
  });

  it('reports a record cut short in its headers', () => {
    expect(readAnyhow('WARC/1.0\r\nWARC-Type: conversion\r\nContent-Le')).toEqual([{ malformed: 'record 1 (byte 0): cut short in its headers by the end of the input; skipped' }]);
  });

  it('reports garbage between records once, and resyncs at the next WARC/1. line', () => {
    const first = record({ text: 'Before.' });
    const input = `${first}this is not a record\r\nnor is this\r\n${record({ text: 'After.' })}`;
    expect(readAnyhow(input)).toEqual([
      { records: [expect.objectContaining({ text: 'Before.' })], first: 1 },
      { malformed: `record 2 (byte ${Buffer.byteLength(first)}): no WARC/1.0 line where a record must start (found "this is not a record"); skipped to the next WARC/1. line` },
      { records: [expect.objectContaining({ text: 'After.' })], first: 2 },
    ]);
  });

  it('passes over a line of garbage too long to hold, without holding it', () => {
    const garbage = 'x'.repeat(200_000);
    const batcher = new WetBatcher(1 << 20);
    for (let at = 0; at < garbage.length; at += 1000) {
      batcher.push(Buffer.from(garbage.slice(at, at + 1000)), []);
      expect(batcher.bytesHeld).toBeLessThanOrEqual(65_536);
    }
    const seen = readAnyhow(`${garbage}\n${record({ text: 'After.' })}`);
    expect(seen).toEqual([
      { malformed: `record 1 (byte 0): no WARC/1.0 line where a record must start (found "${'x'.repeat(40)}…"); skipped to the next WARC/1. line` },
      { records: [expect.objectContaining({ text: 'After.' })], first: 1 },
    ]);
  });

  it('reports a record without Content-Length, or with a bad one, and reads the next', () => {
    const missing = record({ text: 'No length.', headers: ['WARC-Type: conversion'] });
    const bad = record({ text: 'Bad length.', headers: ['WARC-Type: conversion', 'Content-Length: 12x'] });
    expect(readAnyhow(missing + bad + record({ text: 'Good.' }))).toEqual([
      { malformed: 'record 1 (byte 0): no Content-Length header; skipped' },
      { malformed: `record 2 (byte ${missing.length}): bad Content-Length "12x"; skipped` },
      { records: [expect.objectContaining({ text: 'Good.' })], first: 3 },
    ]);
  });

  it('reports a record that gives Content-Length twice with different values, rather than read it by either', () => {
    const text = 'Two lengths given.';
    const n = Buffer.byteLength(text);
    const twice = record({ text, headers: ['WARC-Type: conversion', `Content-Length: ${n}`, 'Content-Length: 5'] });
    const same = record({ text: 'Same twice.', headers: ['WARC-Type: conversion', 'Content-Length: 11', 'content-length:  11'] });
    expect(readAnyhow(twice + same + record({ text: 'Good.' }))).toEqual([
      { malformed: `record 1 (byte 0): Content-Length given twice, "${n}" and "5"; skipped` },
      { records: [expect.objectContaining({ text: 'Same twice.' }), expect.objectContaining({ text: 'Good.' })], first: 2 },
    ]);
  });

  it('reads a header folded over continuation lines (WARC 1.0 allows it) as one value', () => {
    const text = 'Folded.';
    const folded = record({ text, headers: ['WARC-Type: conversion', 'WARC-Target-URI:', ' https://news.example/folded', 'WARC-Date: 2024-02-20', '\t T10:11:12Z', `Content-Length: ${text.length}`] });
    expect(readAnyhow(folded)).toEqual([{ records: [expect.objectContaining({ url: 'https://news.example/folded', date: '2024-02-20 T10:11:12Z', text })], first: 1 }]);
  });

  it('reports a record whose headers the next record interrupts, and reads that one', () => {
    const input = `WARC/1.0\r\nWARC-Type: conversion\r\n${record({ text: 'Next.' })}`;
    expect(readAnyhow(input)).toEqual([{ malformed: 'record 1 (byte 0): headers not ended by a blank line; skipped' }, { records: [expect.objectContaining({ text: 'Next.' })], first: 2 }]);
  });

  it('refuses a record over the size limit as it reads it, holding none of it', () => {
    const big = 'a'.repeat(5000);
    const seen = readAnyhow(record({ text: 'Small.' }) + record({ text: big }) + record({ text: 'Small too.' }), 4096);
    expect(seen).toEqual([{ records: [expect.objectContaining({ text: 'Small.' })], first: 1 }, { tooLarge: 5000, line: 2 }, { records: [expect.objectContaining({ text: 'Small too.' })], first: 3 }]);
  });

  it('closes a batch at 256 records, numbering the next from where it ends', () => {
    const input = Array.from({ length: 300 }, (_, i) => record({ text: `Page ${i}.` })).join('');
    const seen = read(input);
    expect(seen.map((s) => ('records' in s ? [s.records.length, s.first] : s))).toEqual([
      [256, 1],
      [44, 257],
    ]);
  });

  it('gives the records read so far on flush (the input keeps it waiting), the unfinished one kept', () => {
    const batcher = new WetBatcher(1 << 20);
    const out: WetBatch[] = [];
    const second = record({ text: 'Second.' });
    batcher.push(Buffer.from(record({ text: 'First.' }) + second.slice(0, 30)), out);
    batcher.flush(out);
    expect(out).toHaveLength(1);
    batcher.push(Buffer.from(second.slice(30)), out);
    batcher.end(out);
    expect(out.map((b) => ('bytes' in b ? [JSON.parse(Buffer.from(b.bytes).toString()).text, b.firstLine] : b))).toEqual([
      ['First.', 1],
      ['Second.', 2],
    ]);
  });
});

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

describe('gunzipIfGzip', () => {
  it('passes plain bytes through unchanged, however short', async () => {
    expect((await collect(gunzipIfGzip(Readable.from([Buffer.from('W'), Buffer.from('ARC/1.0')])))).toString()).toBe('WARC/1.0');
    expect((await collect(gunzipIfGzip(Readable.from([Buffer.from('W')])))).toString()).toBe('W');
    expect(await collect(gunzipIfGzip(Readable.from([])))).toEqual(Buffer.alloc(0));
  });

  it('reads a file of many gzip members, one per record, as Common Crawl writes them, its signature split over chunks', async () => {
    const records = [WARCINFO, record({ text: 'One.' }), record({ text: 'Two, with é.' })];
    const gz = Buffer.concat(records.map((r) => gzipSync(r)));
    const chunks = [gz.subarray(0, 1), gz.subarray(1, 50), gz.subarray(50)];
    expect((await collect(gunzipIfGzip(Readable.from(chunks)))).toString()).toBe(records.join(''));
  });

  it('reads members with the optional header fields, zero padding between and after them, split anywhere', async () => {
    const records = [WARCINFO, record({ text: 'One.' }), record({ text: 'Two, with é.' })];
    const plain = gzipSync(records[1]!);
    // FEXTRA, FNAME, FCOMMENT and FHCRC, as gzip tools may write them.
    const fields = Buffer.concat([Buffer.from([4, 0]), Buffer.from('abcd'), Buffer.from('page.wet\0'), Buffer.from('a comment\0'), Buffer.from([0x12, 0x34])]);
    const flagged = Buffer.concat([plain.subarray(0, 3), Buffer.from([0x1e]), plain.subarray(4, 10), fields, plain.subarray(10)]);
    const gz = Buffer.concat([gzipSync(records[0]!), Buffer.alloc(3), flagged, gzipSync(records[2]!), Buffer.alloc(5)]);
    for (const size of [1, 7, gz.length]) {
      const chunks = Array.from({ length: Math.ceil(gz.length / size) }, (_, i) => gz.subarray(i * size, (i + 1) * size));
      expect((await collect(gunzipIfGzip(Readable.from(chunks)))).toString()).toBe(records.join(''));
    }
    const badCrc = Buffer.from(plain);
    badCrc[badCrc.length - 6]! ^= 1;
    await expect(collect(gunzipIfGzip(Readable.from([badCrc])))).rejects.toThrow(/^bad gzip stream \(incorrect data check\)/u);
  });

  it('throws a bad gzip stream as such', async () => {
    const gz = gzipSync(record({ text: 'One.' }));
    const broken = Buffer.concat([gz.subarray(0, 20), Buffer.alloc(20, 0xff), gz.subarray(40)]);
    await expect(collect(gunzipIfGzip(Readable.from([broken])))).rejects.toThrow(/^bad gzip stream \(/u);
    await expect(collect(gunzipIfGzip(Readable.from([gz.subarray(0, gz.length - 10)])))).rejects.toThrow(/^bad gzip stream \(unexpected end of file\)/u);
  });
});

const PROSE = 'The council met on Tuesday evening to discuss the new library, which will open in the spring after two years of building work.';
const PAGE = (n: number) => `Home\nNews\nSport\nWeather\nContact\n${PROSE} This is page number ${n} of the test.\n${PROSE}\nShare this article\nPrivacy policy`;

describe('main() --input-format wet', () => {
  it('writes the records read so far when the input keeps it waiting, before the input ends', async () => {
    const stdin = new PassThrough();
    let out = '';
    const written = () => out.split('\n').length - 1;
    const run = main({ argv: ['--input-format', 'wet'], stdin, stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true } });
    const third = record({ text: PAGE(3) });
    stdin.write(WARCINFO + record({ text: PAGE(1) }) + record({ text: PAGE(2) }) + third.slice(0, 100));
    await until(() => written() >= 2);
    expect(written()).toBe(2);
    stdin.end(third.slice(100));
    expect(await run).toBe(0);
    expect(written()).toBe(3);
  });

  it('cleans the conversion records to JSON Lines in order, with the stats, the same for -j 1 and -j 3', async () => {
    const input = WARCINFO + Array.from({ length: 40 }, (_, i) => record({ url: `https://site${i % 3}.example/${i}`, text: PAGE(i) })).join('');
    const one = await runMain(['--input-format', 'wet', '-j', '1'], { stdin: input });
    expect(one.exitCode).toBe(0);
    expect(one.stderr).toBe('');
    const lines = one.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.url)).toEqual(Array.from({ length: 40 }, (_, i) => `https://site${i % 3}.example/${i}`));
    expect(lines[5].text).toBe(`${PROSE} This is page number 5 of the test.\n${PROSE}`);
    expect(Object.keys(lines[5])).toEqual(['url', 'date', 'recordId', 'text', 'boilerstrip']);
    expect(lines[5].boilerstrip).toMatchObject({ bytesIn: Buffer.byteLength(PAGE(5)), blocksKept: 2, blocksDropped: 7 });
    expect(await runMain(['--input-format', 'wet', '-j', '3'], { stdin: input })).toEqual(one);
    expect(await runMain(['--input-format', 'wet', '-j', '3'], { stdin: gzipSync(input) })).toEqual(one);
  });

  it('skips a UTF-8 byte-order mark before the first record, plain and gzipped, as JSON Lines input does', async () => {
    const input = record({ url: 'https://news.example/bom', text: PAGE(1) }) + record({ url: 'https://news.example/next', text: PAGE(2) });
    const plain = await runMain(['--input-format', 'wet'], { stdin: input });
    for (const withMark of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(input)]), gzipSync(`\ufeff${input}`)]) {
      const run = await runMain(['--input-format', 'wet'], { stdin: withMark });
      expect(run.stderr).toBe('');
      expect(run).toEqual(plain);
    }
    expect(plain.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).url)).toEqual(['https://news.example/bom', 'https://news.example/next']);
  });

  it('counts a WET file that starts with a byte-order mark as the same file without it (counts build)', async () => {
    const root = tempDir();
    const input = Array.from({ length: 4 }, (_, i) => record({ url: `https://news.example/${i}`, text: PAGE(i) })).join('');
    writeFileSync(path.join(root, 'plain.wet'), input);
    writeFileSync(path.join(root, 'marked.wet'), `\ufeff${input}`);
    for (const name of ['plain', 'marked']) {
      expect(await runMain(['counts', 'build', '--input-format', 'wet', '-o', `${name}.counts`, `${name}.wet`], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    }
    expect(readFileSync(path.join(root, 'marked.counts'))).toEqual(readFileSync(path.join(root, 'plain.counts')));
  });

  it('refuses options that do not apply, in one line', async () => {
    for (const [args, message] of [
      [['-o', 'out'], /^boilerstrip: --input-format wet writes JSON Lines to standard output; --out-dir is for page files\n/u],
      [['-f', 'json'], /^boilerstrip: --input-format wet writes records: -f json and --with-metadata do not apply\n/u],
      [['--explain'], /^boilerstrip: --input-format wet writes records; --explain shows the decisions on page files\n/u],
      [['--text-field', 'body'], /^boilerstrip: --text-field is for JSON Lines: --input-format wet writes the text as "text" and takes the site from the record's URL\n/u],
      [['--id-field', 'url'], /^boilerstrip: --id-field is for JSON Lines/u],
      [['--encoding', 'latin1'], /^boilerstrip: --input-format wet reads UTF-8, as Common Crawl writes WET text; --encoding is for page files\n/u],
      [['--crlf'], /^boilerstrip: --input-format wet writes one record per line/u],
    ] as const) {
      const run = await runMain(['--input-format', 'wet', ...args], { stdin: '' });
      expect(run.exitCode, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    }
  });

  it('refuses a record over --max-size, reports it by number, and exits 1', async () => {
    const input = record({ text: PAGE(1) }) + record({ text: `${PAGE(2)}${'x'.repeat(3000)}` }) + record({ text: PAGE(3) });
    const run = await runMain(['--input-format', 'wet', '--max-size', '2k'], { stdin: input });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^boilerstrip: -: record 2: 3\.\d KiB, larger than --max-size 2 KiB; skipped\n$/u);
    expect(run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).text.match(/page number (\d)/u)[1])).toEqual(['1', '3']);
  });

  it('passes a record over --max-lines uncleaned by default, or skips it, naming its record number', async () => {
    const input = WARCINFO + record({ text: PAGE(1) }) + record({ text: PAGE(2) });
    const pass = await runMain(['--input-format', 'wet', '--max-lines', '8'], { stdin: input });
    expect(pass.exitCode).toBe(1);
    // Record 1 is the warcinfo: the pages are records 2 and 3, and each has 9 lines.
    expect(pass.stderr).toBe('boilerstrip: -: record 2: more than 8 lines (--max-lines); passed through unchanged\nboilerstrip: -: record 3: more than 8 lines (--max-lines); passed through unchanged\n');
    expect(pass.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ text: PAGE(1) }), expect.objectContaining({ text: PAGE(2) })]);
    expect(pass.stdout).not.toContain('"boilerstrip"');
    const skip = await runMain(['--input-format', 'wet', '--max-lines', '8', '--on-bad-record', 'skip'], { stdin: input });
    expect(skip).toEqual({ exitCode: 1, stdout: '', stderr: pass.stderr.replaceAll('passed through unchanged', 'skipped') });
  });

  it('reports a malformed record once and exits 1, skipping it even with --on-bad-record pass', async () => {
    const input = record({ text: PAGE(1) }) + 'junk\r\n' + record({ text: PAGE(2) });
    const run = await runMain(['--input-format', 'wet', '--on-bad-record', 'pass'], { stdin: input });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^boilerstrip: -: record 2 \(byte \d+\): no WARC\/1\.0 line where a record must start \(found "junk"\); skipped to the next WARC\/1\. line\n$/u);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('writes every whole gzip member before bytes that are no gzip member (trailing garbage), and reports them in one line', async () => {
    const members = [1, 2].map((n) => gzipSync(record({ text: PAGE(n) })));
    for (const garbage of ['trailing garbage\n', 'WARC/1.0 plain, not gzipped\n']) {
      const run = await runMain(['--input-format', 'wet'], { stdin: Buffer.concat([...members, Buffer.from(garbage)]) });
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toMatch(/^boilerstrip: -: bad gzip stream \([^)\n]+\) after record 2\n$/u);
      expect(run.stdout.trimEnd().split('\n')).toHaveLength(2);
    }
  });

  it('reports a bad gzip stream in one line with the records read before it, and exits 1', async () => {
    const good = gzipSync(record({ text: PAGE(1) }));
    const bad = gzipSync(record({ text: PAGE(2) }));
    const run = await runMain(['--input-format', 'wet'], { stdin: Buffer.concat([good, bad.subarray(0, bad.length - 30)]) });
    expect(run.exitCode).toBe(1);
    // One line: the record the gzip stream cut short is not reported again as cut short.
    expect(run.stderr).toBe(`boilerstrip: -: bad gzip stream (unexpected end of file) in record 2 (byte ${Buffer.byteLength(record({ text: PAGE(1) }))})\n`);
    expect(run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).text)).toHaveLength(1);
  });
});
