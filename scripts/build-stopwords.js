#!/usr/bin/env node
// Generates src/core/text/generated/stopwords.ts and stopwords.bin from stopwords-iso. Loading the 207 KB
// JSON of all 58 lists and building a set per language and an index for language detection cost more than
// the rest of a one-file run; the generated files hold only the detected languages' words, already
// lower-cased, filtered and grouped by the languages that share them, with the hash table laid out.
// The table is a binary file rather than strings in the module: as base64 and text inside the JavaScript
// it was two thirds of the CLI bundle, and reading, decoding and compiling it cost about a tenth of a
// one-file run; the binary is read in one call and used as it is.
//
//   node scripts/build-stopwords.js          write both (after upgrading stopwords-iso or editing DETECTED_LANGUAGES)
//   node scripts/build-stopwords.js --check  exit 1 when the committed files are not what this script writes (run by the tests)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const OUTPUT = fileURLToPath(new URL('../src/core/text/generated/stopwords.ts', import.meta.url));
const TABLE_OUTPUT = fileURLToPath(new URL('../src/core/text/generated/stopwords.bin', import.meta.url));

/** Languages boilerstrip detects by default (ISO 639-1). Others in stopwords-iso can still be forced with `language`. */
const DETECTED_LANGUAGES = [
  'en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'zh', 'ja',
  'sv', 'da', 'no', 'fi', 'cs', 'sk', 'hu', 'ro', 'tr', 'uk', 'bg', 'hr', 'sl', 'el', 'ca', 'id', 'ko', 'ar', 'fa', 'he', 'hi', 'vi',
];

/**
 * A list as boilerstrip uses it: lower-cased, without entries that have digits (some lists include "0"–"9",
 * which would make any page full of numbers look Spanish or Korean and make tables look like prose).
 */
function usable(list) {
  return new Set(list.filter((w) => !/\d/.test(w)).map((w) => w.toLowerCase()));
}

/** The layout of the stop-word index (see StopWordIndex in src/core/text/stopwords.ts). */
const GROUP_BITS = 9;
const LENGTH_BITS = 5;
/** 2^18 bits (32 KB) for 15,000 words let about 6% of other words through. */
const FILTER_BITS = 18;

function littleEndian(int32s) {
  const bytes = Buffer.alloc(int32s.length * 4);
  int32s.forEach((value, i) => bytes.writeInt32LE(value, i * 4));
  return bytes;
}

/** fnv1a of a word's UTF-16 code units: the same function as in src/core/text/stopwords.ts. */
function fnv1a(word) {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function generate() {
  const lists = require('stopwords-iso/stopwords-iso.json');
  const { version } = require('stopwords-iso/package.json');
  // Every word with the indices (into DETECTED_LANGUAGES) of the lists that hold it.
  const languagesOf = new Map();
  DETECTED_LANGUAGES.forEach((language, li) => {
    for (const word of usable(lists[language])) {
      const entry = languagesOf.get(word);
      if (entry) entry.push(li);
      else languagesOf.set(word, [li]);
    }
  });
  // Words that belong to the same lists form one group: a few hundred groups instead of 15,000 entries.
  const groups = new Map();
  for (const [word, indices] of languagesOf) {
    const key = indices.join(',');
    const group = groups.get(key);
    if (group) group.push(word);
    else groups.set(key, [word]);
  }
  // The hash table itself (see StopWordIndex in text/stopwords.ts), laid out here so that start-up only
  // decodes it: fnv1a with linear probing, at most half full; each slot a pair of int32s, the word's hash
  // and an entry packing the word's offset in the word pool, its length and its group. And a one-hash Bloom
  // filter of FILTER_BITS bits over the same hashes.
  const words = [];
  const entries = [];
  let offset = 0;
  [...groups.values()].forEach((members, group) => {
    for (const word of members) {
      if (word === '' || word.includes('\n')) throw new Error(`unusable stop word ${JSON.stringify(word)}`);
      if (word.length >= 2 ** LENGTH_BITS || group >= 2 ** GROUP_BITS || offset >= 2 ** (31 - LENGTH_BITS - GROUP_BITS)) {
        throw new Error(`stop word ${JSON.stringify(word)} does not fit the packed entry: widen LENGTH_BITS or GROUP_BITS`);
      }
      words.push(word);
      entries.push([fnv1a(word), (offset << (LENGTH_BITS + GROUP_BITS)) | (word.length << GROUP_BITS) | group]);
      offset += word.length + 1;
    }
  });
  let size = 1;
  while (size < entries.length * 2) size *= 2;
  const slots = new Int32Array(size * 2).fill(-1);
  const filter = new Int32Array(2 ** FILTER_BITS / 32);
  for (const [hash, entry] of entries) {
    let slot = hash & (size - 1);
    while (slots[slot * 2 + 1] !== -1) slot = (slot + 1) & (size - 1);
    slots[slot * 2] = hash | 0;
    slots[slot * 2 + 1] = entry;
    const bit = hash >>> (32 - FILTER_BITS);
    filter[bit >>> 5] |= 1 << (bit & 31);
  }
  const poolText = words.join('\n');
  const table = Buffer.concat([littleEndian(slots), littleEndian(filter), Buffer.from(poolText, 'utf16le')]);
  const lines = [
    `// Generated by scripts/build-stopwords.js from stopwords-iso ${version}. Do not edit: run \`npm run generate:stopwords\`.`,
    '',
    '/** Languages boilerstrip detects by default. Others in stopwords-iso can still be forced with `language`. */',
    `export const DETECTED_LANGUAGES = ${JSON.stringify(DETECTED_LANGUAGES)} as const;`,
    '',
    '/** Every language stopwords-iso has a list for, separated by spaces. */',
    `export const LISTED_LANGUAGES = ${JSON.stringify(Object.keys(lists).join(' '))};`,
    '',
    '/**',
    ' * The detected languages\' stop words (lower-cased, no entries with digits) fall into groups by the lists',
    ' * that hold them; for each group, the indices of those lists in DETECTED_LANGUAGES.',
    ' */',
    'export const GROUP_LANGUAGES: readonly (readonly number[])[] = [',
    ...[...groups.keys()].map((key) => `  [${key}],`),
    '];',
    '',
    '/** Bits of a StopWordIndex slot entry: the group in the low GROUP_BITS, then the length, then the offset. */',
    `export const GROUP_BITS = ${GROUP_BITS};`,
    `export const LENGTH_BITS = ${LENGTH_BITS};`,
    '',
    '/** log2 of the size in bits of the Bloom filter in stopwords.bin. */',
    `export const FILTER_BITS = ${FILTER_BITS};`,
    '',
    '/**',
    ' * The layout of stopwords.bin, all little-endian: the slots of the stop-word hash table (int32 pairs:',
    ' * hash, entry; -1 for a free slot), then the Bloom filter (bit hash >>> (32 - FILTER_BITS) of its',
    ' * int32s), then the stop words as UTF-16 code units, separated by \\n. Lengths in units of each part.',
    ' */',
    `export const TABLE_LAYOUT = { slotInt32s: ${slots.length}, filterInt32s: ${filter.length}, wordUnits: ${poolText.length} } as const;`,
    '',
  ];
  return { module: lines.join('\n'), table };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { module, table } = generate();
  if (process.argv.includes('--check')) {
    const read = (file) => {
      try {
        return readFileSync(file);
      } catch {
        return Buffer.alloc(0);
      }
    };
    for (const [file, expected] of [[OUTPUT, Buffer.from(module)], [TABLE_OUTPUT, table]]) {
      if (!read(file).equals(expected)) {
        process.stderr.write(`${file} is out of date: run npm run generate:stopwords\n`);
        process.exit(1);
      }
    }
  } else {
    writeFileSync(OUTPUT, module);
    writeFileSync(TABLE_OUTPUT, table);
  }
}
