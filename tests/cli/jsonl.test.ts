// --input-format jsonl in-process: records cleaned in order with their other fields kept, the same bytes
// for any -j, bad lines reported with their line number and passed or skipped, and back-pressure.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Readable } from 'node:stream';
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
      expect(run.stderr).toMatch(/^boilerstrip: -:1: not valid JSON .*\nboilerstrip: -:2: no "text" field; passed through unchanged\n$/u);
      expect(run.stdout).toBe('\ufffd\n{}\n'); // the two bytes are one cut-off character
    }
    // Shorter than a mark, and held back while it could still become one.
    expect(await byteAtATime(['--input-format', 'jsonl'], Buffer.from([0xef, 0xbb]))).toMatchObject({ exitCode: 1, stdout: '\ufffd\n' });
    expect(await byteAtATime(['--input-format', 'jsonl'], Buffer.from([0xef, 0xbb, 0xbf]))).toEqual({ exitCode: 0, stdout: '', stderr: '' });
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
});
