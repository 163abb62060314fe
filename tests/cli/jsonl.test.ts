// --input-format jsonl in-process: records cleaned in order with their other fields kept as the input
// spells them, the same bytes for any -j, bad lines reported with their line number and passed or
// skipped, a byte-order mark skipped, a line over --max-size dropped as it is read, and back-pressure.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewriteRecord } from '../../src/cli/clean-records.js';
import { LineBatcher, recordLimit, recordTooLarge, refusingBinary, STALLED, withStalls } from '../../src/cli/run-jsonl.js';
import { main } from '../../src/cli/main.js';
import { PassThrough, Readable } from 'node:stream';
import { FIXTURES, runMain, tempDir } from '../helpers/cli.js';

const CASES = readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, 'input.txt'))).sort();
const page = (name: string) => readFileSync(path.join(FIXTURES, name, 'input.txt'), 'utf8');
const expected = (name: string) => readFileSync(path.join(FIXTURES, name, 'expected.txt'), 'utf8').replace(/\n$/u, '');

/** `copies` records per fixture case, with a url before and a number after the text field. */
function records(copies: number): { lines: string[]; names: string[] } {
  const lines: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < copies; i++) {
    for (const name of CASES) {
      lines.push(JSON.stringify({ url: `https://${name}.example/${i}`, text: page(name), n: i }));
      names.push(name);
    }
  }
  return { lines, names };
}

/** Resolves once `done()` holds, polling; fails the test after five seconds. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 5000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** main() fed `input` one byte per chunk, as a pipe may deliver it at worst. */
async function byteAtATime(argv: string[], input: Buffer): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const exitCode = await main({
    argv,
    stdin: Readable.from(Array.from(input, (_, i) => input.subarray(i, i + 1))),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { exitCode, stdout, stderr };
}

describe('--input-format jsonl', () => {
  it('cleans the text field of each record, in order, keeping the other fields and adding the stats', async () => {
    const { lines, names } = records(1);
    const run = await runMain(['--input-format', 'jsonl'], { stdin: `${lines.join('\n')}\n` });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    const out = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(names.length);
    out.forEach((record, i) => {
      expect(Object.keys(record)).toEqual(['url', 'text', 'n', 'boilerstrip']);
      expect(record.url).toBe(`https://${names[i]}.example/0`);
      expect(record.text).toBe(expected(names[i]!));
      expect(record.boilerstrip).toMatchObject({ bytesIn: Buffer.byteLength(page(names[i]!)), bytesOut: Buffer.byteLength(record.text) });
    });
  });

  it('writes the same bytes with -j 1 and -j 2 (several batches, so the pool is used)', async () => {
    const input = `${records(30).lines.join('\n')}\n`;
    const one = await runMain(['--input-format', 'jsonl', '-j', '1'], { stdin: input });
    const two = await runMain(['--input-format', 'jsonl', '-j', '2'], { stdin: input });
    expect(one.exitCode).toBe(0);
    expect(two).toEqual(one);
    expect(one.stdout.split('\n')).toHaveLength(30 * CASES.length + 1);
  });

  it('reads --text-field and several files in order, numbering lines per file', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'a.jsonl'), `${JSON.stringify({ body: page('seed') })}\n`);
    writeFileSync(path.join(root, 'b.jsonl'), `${JSON.stringify({ body: page('german-article') })}\r\n{"body": 3}\r\n`);
    const run = await runMain(['--input-format', 'jsonl', '--text-field', 'body', 'a.jsonl', 'b.jsonl'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('boilerstrip: b.jsonl:2: field "body" is not a string; passed through unchanged\n');
    const out = run.stdout.trimEnd().split('\n');
    expect(out.map((l) => JSON.parse(l).body)).toEqual([expected('seed'), expected('german-article'), 3]);
  });

  it.each([
    ['pass', 3],
    ['skip', 1],
  ] as const)('--on-bad-record %s reports every bad line with its number (%i lines out)', async (policy, count) => {
    const input = ['{"text":"Some words."}', '{"text": broken', '', '[1,2]'].join('\n');
    const run = await runMain(['--input-format', 'jsonl', '--on-bad-record', policy], { stdin: input });
    expect(run.exitCode).toBe(1);
    const done = policy === 'pass' ? 'passed through unchanged' : 'skipped';
    expect(run.stderr).toMatch(new RegExp(`^boilerstrip: -:2: not valid JSON \\(.*\\); ${done}\\nboilerstrip: -:4: not a JSON object; ${done}\\n$`, 'u'));
    const out = run.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(count);
    if (policy === 'pass') expect(out.slice(1)).toEqual(['{"text": broken', '[1,2]']);
  });

  // Batches are cut from the raw bytes: a chunk may end anywhere, inside a UTF-8 character or between the
  // "\r" and "\n" of a line break, and a lone "\r" ends a line as it does for a line reader.
  it('reads the same records and line numbers whatever the chunks, split even inside a character', async () => {
    const input = `${JSON.stringify({ text: page('german-article') })}\r\n{"text": broken\r{"text":"Ein Satz über Köln."}\n\n[1]\r\n{"text":"Grüße."}`;
    const whole = await runMain(['--input-format', 'jsonl'], { stdin: input });
    expect(whole.stderr).toMatch(/^boilerstrip: -:2: not valid JSON \(.*\); passed through unchanged\nboilerstrip: -:5: not a JSON object; passed through unchanged\n$/u);
    expect(whole.stdout.trimEnd().split('\n')).toHaveLength(5);
    let stdout = '';
    let stderr = '';
    const bytes = Buffer.from(input);
    const exitCode = await main({
      argv: ['--input-format', 'jsonl'],
      stdin: Readable.from(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1))),
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect(exitCode).toBe(whole.exitCode);
    expect(stdout).toBe(whole.stdout);
    expect(stderr).toBe(whole.stderr);
  });

  // Text input skips a UTF-8 byte-order mark (decode.ts); a JSON Lines input must too, or its first record
  // is invalid JSON. Fed a byte at a time as well, so the mark also comes split over chunks.
  it('skips a byte-order mark at the start of each file and of standard input, whatever the chunks', async () => {
    const root = tempDir();
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const input = Buffer.concat([bom, Buffer.from('{"text":"Hello world.","id":1}\n{"text":"Ein Satz über Köln."}\n')]);
    writeFileSync(path.join(root, 'a.jsonl'), input);
    writeFileSync(path.join(root, 'b.jsonl'), input);
    const files = await runMain(['--input-format', 'jsonl', 'a.jsonl', 'b.jsonl'], { cwd: root });
    expect(files).toMatchObject({ exitCode: 0, stderr: '' });
    expect(files.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual([1, undefined, 1, undefined]);
    const piped = await runMain(['--input-format', 'jsonl'], { stdin: input });
    expect(await byteAtATime(['--input-format', 'jsonl'], input)).toEqual(piped);
    expect(`${piped.stdout}${piped.stdout}`).toBe(files.stdout);
  });

  it('keeps bytes that only begin like a byte-order mark, and an input that is only a mark has no records', async () => {
    const notMark = Buffer.from([0xef, 0xbb, 0x0a, 0x7b, 0x7d]);
    for (const run of [await runMain(['--input-format', 'jsonl'], { stdin: notMark }), await byteAtATime(['--input-format', 'jsonl'], notMark)]) {
      expect(run.exitCode).toBe(1);
      // The two bytes are one cut-off character: not UTF-8, so passed through as they came (runMain's
      // string of stdout shows them as one U+FFFD).
      expect(run.stderr).toMatch(/^boilerstrip: -:1: not valid UTF-8, as JSON text must be; passed through unchanged\nboilerstrip: -:2: no "text" field; passed through unchanged\n$/u);
      expect(run.stdout).toBe('\ufffd\n{}\n');
    }
    // Shorter than a mark, and held back while it could still become one.
    expect(await byteAtATime(['--input-format', 'jsonl'], Buffer.from([0xef, 0xbb]))).toMatchObject({ exitCode: 1, stdout: '\ufffd\n' });
    expect(await byteAtATime(['--input-format', 'jsonl'], Buffer.from([0xef, 0xbb, 0xbf]))).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('copies every other field as the line spells it: big integers, 1.0, exponents, nested values and their spaces', async () => {
    const prose = 'Hello there, this is a sentence of text that is long enough to be prose.';
    const line = ` { "id" : 12345678901234567891, "score":1.0,"e":1E+5,"neg":-0.0,"ok":true,"none":null, "nested": {"a": [1.50, "q\\"}]\\\\"], "b":{}} ,"text":${JSON.stringify(prose)},"2":"two","last":"\\u00e9\\ud83d\\ude00"} `;
    const run = await runMain(['--input-format', 'jsonl'], { stdin: `${line}\n` });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    const stats = '{"bytesIn":72,"bytesOut":72,"blocksKept":1,"blocksDropped":0}';
    expect(run.stdout).toBe(
      `{"id":12345678901234567891,"score":1.0,"e":1E+5,"neg":-0.0,"ok":true,"none":null,"nested":{"a": [1.50, "q\\"}]\\\\"], "b":{}},"text":${JSON.stringify(prose)},"2":"two","last":"\\u00e9\\ud83d\\ude00","boilerstrip":${stats}}\n`,
    );
  });

  // As JSON.parse reads a key given twice (its last value, at its first place), and with keys compared
  // unescaped, also against a --text-field that needs escaping.
  it('writes a key given twice once, at its first place with its last value, and matches escaped keys', async () => {
    const prose = JSON.stringify('Hello there, this is a sentence of text that is long enough to be prose.');
    const stats = '{"bytesIn":72,"bytesOut":72,"blocksKept":1,"blocksDropped":0}';
    const twice = await runMain(['--input-format', 'jsonl'], { stdin: `{"x":1,"text":"Home | News","boilerstrip":0,"x":2.0,"t\\u0065xt":${prose}}\n` });
    expect(twice).toEqual({ exitCode: 0, stdout: `{"x":2.0,"text":${prose},"boilerstrip":${stats}}\n`, stderr: '' });
    const escaped = await runMain(['--input-format', 'jsonl', '--text-field', 'körper "q"'], { stdin: `{"k\\u00f6rper \\"q\\"":${prose},"n":7}\n` });
    expect(escaped).toEqual({ exitCode: 0, stdout: `{"k\\u00f6rper \\"q\\"":${prose},"n":7,"boilerstrip":${stats}}\n`, stderr: '' });
  });

  // Records built member by member from raw JSON text, so what each member must come out as is known
  // without parsing: the scanner must find every key and value, however the values are spelled.
  it('rewrites any object: other members as spelled, the text and stats values replaced', () => {
    const space = fc.constantFrom('', ' ', '\t', '  ');
    const spaced = (raw: fc.Arbitrary<string>) => fc.tuple(space, raw, space).map(([a, r, b]) => `${a}${r}${b}`);
    const { value } = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('0', '-0', '1.0', '-0.50', '1E+5', '2e-7', '12345678901234567891', 'true', 'false', 'null'),
        fc.string({ unit: 'binary' }).map((t) => JSON.stringify(t)),
        fc.constantFrom('"\\\\"', '"\\""', '"\\\\\\""', '"}]{[,:"', '"\\u0041\\n\\/"'),
        fc.array(spaced(tie('value')), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
        fc.array(fc.tuple(fc.string().map((k) => JSON.stringify(k)), spaced(tie('value'))), { maxLength: 4 }).map((ms) => `{${ms.map(([k, v]) => `${k}:${v}`).join(',')}}`),
      ),
    }));
    // Few keys, so some repeat; some spelled with escapes; no integer keys (JavaScript objects reorder them).
    const key = fc.constantFrom('"a"', '"b"', '"text"', '"t\\u0065xt"', '"boilerstrip"', '"\\u00e9"', '"é"', '"x\\"y"', '"__proto__"');
    const members = fc.array(fc.tuple(space, key, space, spaced(value)), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(members, space, (ms, end) => {
        const line = `${end}{${ms.map(([a, k, b, v]) => `${a}${k}${b}:${v}`).join(',')}}${end}`;
        const expected = new Map<string, [string, string]>();
        for (const [, k, , v] of ms) {
          const name = JSON.parse(k) as string;
          expected.set(name, [expected.get(name)?.[0] ?? k, name === 'boilerstrip' ? '{"s":1}' : name === 'text' ? '"T"' : v.trim()]);
        }
        if (!expected.has('boilerstrip')) expected.set('boilerstrip', ['"boilerstrip"', '{"s":1}']);
        expect(rewriteRecord(line, 'text', '"T"', '{"s":1}')).toBe(`{${[...expected.values()].map(([k, v]) => `${k}:${v}`).join(',')}}`);
      }),
      { numRuns: 2000 },
    );
  });

  // A line over --max-size is reported and left out under either policy (it is never held, so it cannot
  // be passed through); the records around it are written in order and the line numbers stay right. Line
  // ends of every kind, and one byte per chunk, so the dropped line also spans chunks and its "\r\n" is
  // split between two.
  it.each(['pass', 'skip'] as const)('--on-bad-record %s: a line over --max-size is reported and left out, the others are written', async (policy) => {
    const big = JSON.stringify({ text: 'word '.repeat(400) }); // 2,011 bytes
    const exact = JSON.stringify({ text: 'x'.repeat(1024 - 11) }); // 1,024 bytes: at the limit, kept
    expect([Buffer.byteLength(big), Buffer.byteLength(exact)]).toEqual([2011, 1024]);
    const input = ['{"text":"One sentence of prose that is long enough to be kept here.","n":1}', big, '{"text": broken', exact, big, '{"n":6}', big].join('\r\n').replace('\r\n{"n":6}', '\r{"n":6}');
    for (const run of [await runMain(['--input-format', 'jsonl', '--max-size', '1k', '--on-bad-record', policy], { stdin: input }), await byteAtATime(['--input-format', 'jsonl', '--max-size', '1k', '--on-bad-record', policy], Buffer.from(input))]) {
      expect(run.exitCode).toBe(1);
      const done = policy === 'pass' ? 'passed through unchanged' : 'skipped';
      expect(run.stderr.split('\n')).toEqual([
        'boilerstrip: -:2: 2 KiB, larger than --max-size 1 KiB; skipped',
        expect.stringMatching(new RegExp(`^boilerstrip: -:3: not valid JSON \\(.*\\); ${done}$`, 'u')),
        'boilerstrip: -:5: 2 KiB, larger than --max-size 1 KiB; skipped',
        `boilerstrip: -:6: no "text" field; ${done}`,
        'boilerstrip: -:7: 2 KiB, larger than --max-size 1 KiB; skipped',
        '',
      ]);
      const out = run.stdout.trimEnd().split('\n');
      expect(out.map((l) => (l.startsWith('{"text": broken') ? 'broken' : JSON.parse(l).n ?? 'exact'))).toEqual(policy === 'pass' ? [1, 'broken', 'exact', 6] : [1, 'exact']);
    }
  });

  it.each([
    ['pass', 'passed through unchanged', [1, 2, 3]],
    ['skip', 'skipped', [1, 3]],
  ] as const)('--on-bad-record %s: a record whose text has more than --max-lines lines is reported and %s', async (policy, outcome, kept) => {
    const prose = 'One sentence of prose that is long enough to be kept here.';
    const records = [{ text: prose, n: 1 }, { text: 'a\nb\nc\nd', n: 2 }, { text: 'a\nb\nc', n: 3 }].map((r) => JSON.stringify(r));
    const run = await runMain(['--input-format', 'jsonl', '--max-lines', '3', '--on-bad-record', policy], { stdin: records.join('\n') });
    expect([run.exitCode, run.stderr]).toEqual([1, `boilerstrip: -:2: more than 3 lines (--max-lines); ${outcome}\n`]);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).n)).toEqual(kept);
    // Passed through as it came: the input line itself, without the stats field.
    if (policy === 'pass') expect(lines[1]).toBe(records[1]);
  });

  it('refuses a binary input (a .jsonl.gz, a NUL byte) in one line and reads the next, whatever the chunks', async () => {
    const root = tempDir();
    const good = '{"text":"One sentence of prose that is long enough to be kept here.","n":1}\n';
    writeFileSync(path.join(root, 'a.jsonl.gz'), gzipSync(good.repeat(50)));
    writeFileSync(path.join(root, 'b.jsonl'), `${good}{"text":"x\u0000"}\n`);
    writeFileSync(path.join(root, 'c.jsonl'), good);
    const run = await runMain(['--input-format', 'jsonl', 'a.jsonl.gz', 'b.jsonl', 'c.jsonl'], { cwd: root });
    expect([run.exitCode, run.stderr]).toEqual([1, 'boilerstrip: a.jsonl.gz: binary file (gzip archive), not JSON Lines; skipped\nboilerstrip: b.jsonl: binary file (contains NUL bytes), not JSON Lines; skipped\n']);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    // Records whose bytes hold a signature word where an image or an archive has it are records.
    const first = `{"ext":"WEBP",${good.slice(1)}`;
    const start = '{"text":"';
    writeFileSync(path.join(root, 'words.jsonl'), `${first}${start}${'a'.repeat(257 - first.length - start.length - ' m'.length)} mustard seeds."}\n`);
    const bytes = readFileSync(path.join(root, 'words.jsonl'));
    expect([bytes.indexOf('WEBP'), bytes.indexOf('ustar')]).toEqual([8, 257]);
    const words = await runMain(['--input-format', 'jsonl', 'words.jsonl'], { cwd: root });
    expect([words.exitCode, words.stderr, words.stdout.trimEnd().split('\n').length]).toEqual([0, '', 2]);
    writeFileSync(path.join(root, 'utf16.jsonl'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]));
    expect((await runMain(['--input-format', 'jsonl', 'utf16.jsonl'], { cwd: root })).stderr).toBe('boilerstrip: utf16.jsonl: UTF-16 text, not JSON Lines, which are UTF-8; skipped (convert it first: iconv -f UTF-16 -t UTF-8)\n');
    const piped = await byteAtATime(['--input-format', 'jsonl'], gzipSync(good));
    expect([piped.exitCode, piped.stdout, piped.stderr]).toEqual([1, '', 'boilerstrip: -: binary file (gzip archive), not JSON Lines; skipped\n']);
  });

  it.each(['pass', 'skip'] as const)('--on-bad-record %s: a line that is not UTF-8 is reported, and passed through byte for byte or skipped', async (policy) => {
    const prose = 'One sentence of prose that is long enough to be kept here.';
    const bad = Buffer.concat([Buffer.from('{"text":"Caf'), Buffer.from([0xe9]), Buffer.from('","url":"http://x.example/'), Buffer.from([0xff]), Buffer.from('"}')]);
    const input = Buffer.concat([bad, Buffer.from(`\n${JSON.stringify({ text: prose, n: 2 })}\n`)]);
    let out = Buffer.alloc(0);
    let err = '';
    const exitCode = await main({
      argv: ['--input-format', 'jsonl', '--on-bad-record', policy],
      stdin: Readable.from([input]),
      stdout: { write: (s: string | Uint8Array) => ((out = Buffer.concat([out, Buffer.from(s)])), true) },
      stderr: { write: (s: string) => ((err += s), true) },
    });
    expect([exitCode, err]).toEqual([1, `boilerstrip: -:1: not valid UTF-8, as JSON text must be; ${policy === 'pass' ? 'passed through unchanged' : 'skipped'}\n`]);
    const lines = out.toString('latin1').trimEnd().split('\n');
    expect(lines).toHaveLength(policy === 'pass' ? 2 : 1);
    if (policy === 'pass') expect(Buffer.from(lines[0]!, 'latin1')).toEqual(bad);
    expect(JSON.parse(lines.at(-1)!).n).toBe(2);
  });

  it('shows the control characters a bad line holds as escapes, not as they are', async () => {
    const padding = `{"text":"${'word '.repeat(2000)}"}\n`; // past the first 8 KB, where NUL bytes mean a binary file
    const run = await runMain(['--input-format', 'jsonl'], { stdin: `${padding}\u0000\u001b[2J\n` });
    expect(run.stderr).toMatch(/^boilerstrip: -:2: not valid JSON \(.*\\u0000.*\); passed through unchanged\n$/u);
    expect(run.stderr).not.toMatch(/[\u0000\u001b]/u);
  });

  it('never reads a record longer than a string can be, whatever --max-size says, and says why', () => {
    expect(recordLimit(64 * 2 ** 20)).toBe(64 * 2 ** 20);
    expect(recordLimit(2 ** 30)).toBe(2 ** 29 - 24);
    expect(() => 'x'.repeat(recordLimit(2 ** 30) + 1)).toThrow(RangeError);
    expect(recordTooLarge(600 * 2 ** 20, 2 ** 30)).toBe('600 MiB, larger than 512 MiB, the most a record can be');
    expect(recordTooLarge(2 ** 21, 2 ** 20)).toBe('2 MiB, larger than --max-size 1 MiB');
  });

  it('holds none of a line over --max-size while reading it, only the lines before it until they go out', () => {
    const batcher = new LineBatcher(1 << 20);
    const out: ({ bytes: Uint8Array; firstLine: number } | { tooLarge: number; line: number })[] = [];
    const shown = () => out.map((b) => ('bytes' in b ? { text: Buffer.from(b.bytes).toString(), firstLine: b.firstLine } : b));
    batcher.push(Buffer.from('{"text":"a"}\n{"text":"'), out);
    expect(batcher.bytesHeld).toBe(22);
    const chunk = Buffer.alloc(1 << 16, 'a');
    for (let i = 0; i < 100; i++) batcher.push(chunk, out); // 6.25 MB of one line
    expect(batcher.bytesHeld).toBe(0);
    expect(shown()).toEqual([{ text: '{"text":"a"}\n', firstLine: 1 }]);
    batcher.push(Buffer.from('"}\n{"text":"b"}\n'), out);
    batcher.end(out);
    expect(shown().slice(1)).toEqual([{ tooLarge: 9 + 100 * (1 << 16) + 2, line: 2 }, { text: '{"text":"b"}\n', firstLine: 3 }]);
  });

  it('writes the records read so far when the input keeps it waiting, before the input ends (tail -f, a queue)', async () => {
    const stdin = new PassThrough();
    let out = '';
    const written = (lines: number) => out.split('\n').length - 1 >= lines;
    const run = main({ argv: ['--input-format', 'jsonl'], stdin, stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true } });
    const { lines } = records(1);
    stdin.write(`${lines[0]}\n${lines[1]}\n${lines[2]!.slice(0, 10)}`);
    await until(() => written(2));
    // The third record, not yet whole, waits for the rest of its line; the others went out without it.
    expect(out.split('\n')).toHaveLength(3);
    stdin.write(`${lines[2]!.slice(10)}\n`);
    await until(() => written(3));
    stdin.end(`${lines[3]}\n`);
    expect(await run).toBe(0);
    expect(out.split('\n').slice(0, 4).map((line) => JSON.parse(line).url)).toEqual(lines.slice(0, 4).map((line) => JSON.parse(line).url));
  });

  it('flushes whole lines only, keeping the unfinished one; after a "\\r" last, a "\\n" first is the rest of that line end', () => {
    const batcher = new LineBatcher(1 << 20);
    const out: ({ bytes: Uint8Array; firstLine: number } | { tooLarge: number; line: number })[] = [];
    const texts = () => out.map((b) => ('bytes' in b ? [Buffer.from(b.bytes).toString(), b.firstLine] : b));
    batcher.push(Buffer.from('{"a":1}\n{"a":2}\n{"a"'), out);
    batcher.flush(out);
    expect(texts()).toEqual([['{"a":1}\n{"a":2}\n', 1]]);
    expect(batcher.bytesHeld).toBe(4);
    batcher.push(Buffer.from(':3}\r'), out);
    batcher.flush(out);
    expect(texts().slice(1)).toEqual([['{"a":3}\r', 3]]);
    batcher.push(Buffer.from('\n{"a":4}\r'), out);
    batcher.flush(out);
    batcher.push(Buffer.from('{"a":5}\n'), out);
    batcher.end(out);
    expect(texts().slice(2)).toEqual([['{"a":4}\r', 4], ['{"a":5}\n', 5]]);
  });

  it('cuts any input into the lines a line reader reads, whatever the chunks, flushes and --max-size (property)', () => {
    // Lines of a few bytes, ended by LF, CRLF or a lone CR (the last maybe without an end), cut into
    // chunks at random, with a flush (a stall) after some chunks.
    const line = fc.tuple(fc.stringMatching(/^[a-z{}":]{0,6}$/u), fc.constantFrom('\n', '\r\n', '\r'));
    const input = fc.tuple(fc.array(line, { maxLength: 12 }), fc.stringMatching(/^[a-z]{0,3}$/u)).map(([ls, tail]) => ls.map(([t, e]) => t + e).join('') + tail);
    fc.assert(
      fc.property(input, fc.array(fc.nat(8), { maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), (text, cuts, flushes, maxSize) => {
        const bytes = Buffer.from(text);
        const batcher = new LineBatcher(maxSize);
        const out: ({ bytes: Uint8Array; firstLine: number } | { tooLarge: number; line: number })[] = [];
        let at = 0;
        for (let k = 0; at < bytes.length; k++) {
          const size = Math.max(1, cuts[k % Math.max(1, cuts.length)] ?? 1);
          batcher.push(bytes.subarray(at, at + size), out);
          at += size;
          if (flushes[k % Math.max(1, flushes.length)]) batcher.flush(out);
        }
        batcher.end(out);
        // What a line reader reads, and which lines are over the limit.
        const expected = text.split(/\r\n|\r|\n/u);
        if (expected.at(-1) === '') expected.pop();
        const got: string[] = [];
        const dropped: number[] = [];
        for (const batch of out) {
          if ('bytes' in batch) {
            const lines = Buffer.from(batch.bytes).toString().split(/\r\n|\r|\n/u);
            if (lines.at(-1) === '') lines.pop();
            lines.forEach((l, i) => (got[batch.firstLine - 1 + i] = l));
          } else {
            dropped.push(batch.line);
          }
        }
        expected.forEach((l, i) => {
          if (Buffer.byteLength(l) > maxSize) expect(dropped).toContain(i + 1);
          else expect(got[i]).toBe(l);
        });
        expect(got.filter((l) => l !== undefined).length + dropped.length).toBe(expected.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('marks where the input keeps its reader waiting, and decides on binary input with what has come by then', async () => {
    async function* slow() {
      yield Buffer.from('{"a":1}\n');
      await new Promise((resolve) => setTimeout(resolve, 300));
      yield Buffer.from('{"a":2}\n');
    }
    const seen: (string | symbol)[] = [];
    for await (const item of refusingBinary(withStalls(slow()))) seen.push(typeof item === 'symbol' ? item : Buffer.from(item).toString());
    expect(seen).toEqual(['{"a":1}\n', STALLED, '{"a":2}\n']);
    // A byte of a gzip file before the wait is no whole line: the check waits for the rest of the signature.
    async function* slowGzip() {
      const gzip = gzipSync('x');
      yield gzip.subarray(0, 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      yield gzip.subarray(1);
    }
    await expect(async () => {
      for await (const item of refusingBinary(withStalls(slowGzip()))) void item;
    }).rejects.toThrow(/binary file \(gzip/u);
  });

  it('waits for a slow reader (back-pressure) and still writes every record', async () => {
    const input = `${records(20).lines.join('\n')}\n`;
    let out = '';
    let waits = 0;
    let drain: (() => void) | undefined;
    const stdout = {
      write: (s: string) => {
        out += s;
        setTimeout(() => drain?.(), 1);
        return false; // always "full": boilerstrip must wait for 'drain' every time
      },
      once: (_event: 'drain', listener: () => void) => {
        waits++;
        drain = listener;
      },
    };
    const exitCode = await main({ argv: ['--input-format', 'jsonl', '-j', '1'], stdin: Readable.from([Buffer.from(input)]), stdout, stderr: { write: () => true } });
    expect(exitCode).toBe(0);
    expect(out.split('\n')).toHaveLength(20 * CASES.length + 1);
    expect(waits).toBeGreaterThan(0);
  });

  it.each([
    [['-o', 'out'], /--input-format jsonl writes JSON Lines to standard output; --out-dir is for page files/u],
    [['-f', 'json'], /-f json and --with-metadata do not apply/u],
    [['--on-bad-record', 'drop'], /argument 'drop' is invalid/u],
  ])('refuses %j', async (args, message) => {
    const run = await runMain(['--input-format', 'jsonl', ...args], { stdin: '' });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it.each([
    [['--text-field', 'body'], '--text-field'],
    [['--id-field', 'url'], '--id-field'],
    [['--on-bad-record', 'pass'], '--on-bad-record'],
  ])('refuses the record options %j without --input-format jsonl, rather than clean the file as one page', async (args, flag) => {
    const run = await runMain([...args, 'crawl.jsonl'], { stdin: '' });
    // --on-bad-record is for WET records too; the fields are JSON Lines' only.
    const formats = flag === '--on-bad-record' ? 'jsonl or wet' : 'jsonl';
    expect([run.exitCode, run.stderr.split('\n')[0]]).toEqual([2, `boilerstrip: ${flag} is for records: add --input-format ${formats} (page files are cleaned whole)`]);
  });

  it.each(['--text-field', '--id-field'])('refuses an empty %s', async (flag) => {
    const run = await runMain(['--input-format', 'jsonl', flag, ''], { stdin: '' });
    expect([run.exitCode, run.stderr.split('\n')[0]]).toEqual([2, `boilerstrip: ${flag} needs a field name`]);
  });
});
