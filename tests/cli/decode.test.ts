// Bytes to text: encodings detected or forced, bad bytes, binary files refused. Inputs are encoded at
// test time from the UTF-8 fixtures, so the same page is compared across encodings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeInput, NotTextError } from '../../src/cli/decode.js';
import { FIXTURES, runMain } from '../helpers/cli.js';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name, 'input.txt'), 'utf8');
const seedInput = fixture('seed');
const seedExpected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');

const SAMPLES = {
  german: fixture('german-article'),
  chinese: fixture('chinese-article'),
  polish:
    'Polska jest państwem położonym w Europie Środkowej. Stolicą i największym miastem jest Warszawa, która leży nad Wisłą.\n' +
    'Kraków był stolicą przez wiele stuleci. Zażółć gęślą jaźń, mówią ci, którzy sprawdzają polskie znaki.\n',
  russian:
    'Москва — столица России, город федерального значения, административный центр Центрального федерального округа.\n' +
    'В городе проживает более двенадцати миллионов человек. Это самый большой город страны и всей Европы.\n',
  japanese: '東京は日本の首都であり、世界最大の都市圏の一つです。\n多くの観光客が毎年訪れ、歴史的な寺院や近代的な建物を楽しんでいます。\n',
  korean: '서울은 대한민국의 수도이며 가장 큰 도시입니다.\n한강이 도시를 가로질러 흐르고 있으며 많은 사람들이 살고 있습니다.\n',
};

/** The KOI8-R table has no em dash; the Russian sample keeps to characters it has. */
const russianKoi8 = SAMPLES.russian.replace('—', '-');

describe('decoding: detected encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(seedInput, 'utf8'), seedInput],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedInput)]), seedInput],
    ['UTF-16 LE with BOM', iconv.encode(seedInput, 'utf-16le', { addBOM: true }), seedInput],
    ['UTF-16 BE with BOM', iconv.encode(seedInput, 'utf-16be', { addBOM: true }), seedInput],
    ['Windows-1252 (the seed page, curly quotes and dashes)', iconv.encode(seedInput, 'windows-1252'), seedInput],
    ['ISO-8859-1 (German)', iconv.encode(SAMPLES.german, 'iso-8859-1'), SAMPLES.german],
    ['ISO-8859-2 (Polish)', iconv.encode(SAMPLES.polish, 'iso-8859-2'), SAMPLES.polish],
    ['KOI8-R (Russian)', iconv.encode(russianKoi8, 'koi8-r'), russianKoi8],
    ['windows-1251 (Russian)', iconv.encode(SAMPLES.russian, 'windows-1251'), SAMPLES.russian],
    ['GB18030 (Chinese)', iconv.encode(SAMPLES.chinese, 'gb18030'), SAMPLES.chinese],
    ['Shift_JIS (Japanese)', iconv.encode(SAMPLES.japanese, 'shift_jis'), SAMPLES.japanese],
    ['EUC-KR (Korean)', iconv.encode(SAMPLES.korean, 'euc-kr'), SAMPLES.korean],
  ])('%s', (_name, bytes, text) => {
    expect(decodeInput(bytes)).toBe(text);
  });

  it('keeps damaged UTF-8 as UTF-8: bad bytes become U+FFFD, the good characters stay', () => {
    const good = Buffer.from('Größe — “quoted” text, naïve café.\n', 'utf8');
    const bytes = Buffer.concat([good, Buffer.from([0xff, 0xc3]), Buffer.from(' more\n'), good, Buffer.from([0xe2, 0x80])]);
    const { text, encoding } = decodeBytes(bytes);
    expect(encoding).toBe('utf-8');
    expect(text).toBe(`${good.toString()}\uFFFD\uFFFD more\n${good.toString()}\uFFFD`);
  });

  it('turns the lone surrogates of damaged UTF-16 into U+FFFD', () => {
    const bytes = Buffer.from([0xfe, 0xff, 0x00, 0x41, 0xd8, 0x00, 0x00, 0x42]);
    expect(decodeInput(bytes)).toBe('A\uFFFDB');
  });

  it('decodes any byte sequence without throwing', () => {
    const noise = Buffer.from(Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 255) + 1));
    expect(typeof decodeInput(noise)).toBe('string');
  });

  it('--encoding forces an encoding', () => {
    const bytes = iconv.encode(SAMPLES.russian, 'windows-1251');
    expect(decodeInput(bytes, { encoding: 'windows-1251' })).toBe(SAMPLES.russian);
    expect(decodeInput(bytes, { encoding: 'koi8-r' })).not.toBe(SAMPLES.russian);
    expect(decodeInput(iconv.encode('abc', 'utf-16le'), { encoding: 'utf-16le' })).toBe('abc');
  });
});

describe('decoding: binary files are refused', () => {
  it.each([
    ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41]],
    ['JPEG image', [0xff, 0xd8, 0xff, 0xe0, 0x41]],
    ['GIF image', [...Buffer.from('GIF89a'), 0x41]],
    ['PDF document', [...Buffer.from('%PDF-1.7\n'), 0x41]],
    ['ZIP archive', [0x50, 0x4b, 0x03, 0x04, 0x41]],
    ['gzip archive', [0x1f, 0x8b, 0x08, 0x41]],
    ['WebP image', [...Buffer.from('RIFF'), 0x24, 0x10, 0x20, 0x41, ...Buffer.from('WEBPVP8 ')]],
    ['bzip2 archive', [...Buffer.from('BZh9'), 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x41]],
    ['MP4/QuickTime video', [0x00, 0x00, 0x00, 0x20, ...Buffer.from('ftypisom')]],
    ['tar archive', [...Buffer.alloc(257, 0x61), ...Buffer.from('ustar\u000000')]],
    ['tar archive', [...Buffer.alloc(257, 0x61), ...Buffer.from('ustar  \u0000')]],
    ['contains NUL bytes', [...Buffer.from('text'), 0, ...Buffer.from('more text')]],
  ])('%s', (what, bytes) => {
    expect(() => decodeInput(Buffer.from(bytes))).toThrow(new NotTextError(`binary file (${what}), not text`));
  });

  it('finds a NUL only in the first 8 KB', () => {
    const late = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0]), Buffer.from('b')]);
    expect(decodeInput(late)).toBe(`${'a'.repeat(9000)}\u0000b`);
  });

  it('does not take UTF-16 with a byte-order mark, which is full of NUL bytes, for binary', () => {
    expect(decodeInput(iconv.encode('plain text', 'utf-16le', { addBOM: true }))).toBe('plain text');
  });

  it('does not take text that begins like a signature word for binary', () => {
    expect(decodeInput(Buffer.from('GIF8 is not a GIF header; BZh neither.'))).toBe('GIF8 is not a GIF header; BZh neither.');
  });

  it('does not take text with a signature word where a format has one, but without that format\'s first bytes, for binary', () => {
    for (const text of ['Convert WEBP images to PNG in a few steps.', 'Big ftyp boxes', `${'a'.repeat(255)} mustard seeds`, 'BZ: 1AY&SY is not pi.']) {
      expect(decodeInput(Buffer.from(text))).toBe(text);
    }
  });
});

describe('the CLI on encoded input', () => {
  it.each([
    ['UTF-8', Buffer.from(seedInput)],
    ['UTF-16 LE', iconv.encode(seedInput, 'utf-16le', { addBOM: true })],
    ['UTF-16 BE', iconv.encode(seedInput, 'utf-16be', { addBOM: true })],
    ['Windows-1252', iconv.encode(seedInput, 'windows-1252')],
  ])('the seed page in %s gives the same UTF-8 output', async (_name, bytes) => {
    const run = await runMain([], { stdin: bytes });
    expect(run).toEqual({ exitCode: 0, stdout: seedExpected, stderr: '' });
  });

  it('--encoding NAME decodes as NAME', async () => {
    const run = await runMain(['--encoding', 'windows-1252'], { stdin: iconv.encode(seedInput, 'windows-1252') });
    expect(run).toEqual({ exitCode: 0, stdout: seedExpected, stderr: '' });
  });

  it('an unknown --encoding is a usage error', async () => {
    const run = await runMain(['--encoding', 'klingon-8'], { stdin: seedInput });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^boilerstrip: unknown encoding 'klingon-8' for --encoding/u);
  });
});
