// Stop-word lists come from stopwords-iso (the largest maintained multilingual collection) rather than
// hand-typed lists. The lists of the detected languages are precomputed into generated/stopwords.ts
// (scripts/build-stopwords.js): one table answers, for a word, which of those lists hold it, so that
// language detection and stop-word counting look each word up once. The full JSON is loaded only when
// a caller forces a language outside that set.
//
// The index's table is generated/stopwords.bin, read once on first use. This is the one file the core
// reads, and it is part of the package, like the stopwords-iso JSON above: the table as strings in the
// module made start-up about a tenth slower (see scripts/build-stopwords.js).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Buffer } from 'node:buffer';
import { DETECTED_LANGUAGES, GROUP_BITS, GROUP_LANGUAGES, LENGTH_BITS, FILTER_BITS, LISTED_LANGUAGES, TABLE_LAYOUT } from './generated/stopwords.js';

export { DETECTED_LANGUAGES };

const require = createRequire(import.meta.url);

let listed: ReadonlySet<string> | undefined;

export function hasStopWordList(language: string): boolean {
  listed ??= new Set(LISTED_LANGUAGES.split(' '));
  return listed.has(language);
}

/** Position of a language in DETECTED_LANGUAGES, or -1: its words are then not in the stop-word index. */
export function detectedLanguageIndex(language: string): number {
  return (DETECTED_LANGUAGES as readonly string[]).indexOf(language);
}

const sets = new Map<string, ReadonlySet<string>>();

/**
 * The stop-word set of a language, lower-cased, from the full stopwords-iso JSON (for languages outside
 * DETECTED_LANGUAGES; the index below serves those). Unknown languages get an empty set. Entries with
 * digits are left out: some lists include "0"–"9", which would make any page full of numbers look Spanish
 * or Korean and make tables look like prose (scripts/build-stopwords.js filters the same way).
 */
export function stopWordSet(language: string): ReadonlySet<string> {
  let set = sets.get(language);
  if (!set) {
    const lists = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
    set = new Set((lists[language] ?? []).filter((w) => !/\d/.test(w)).map((w) => w.toLowerCase()));
    sets.set(language, set);
  }
  return set;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a hash of a word's UTF-16 code units. The stop-word index is keyed by it: the words of a page are
 * scanned out of their line, and hashing them during the scan spares creating a string per word and
 * having the engine hash it again for a Map.
 */
export function fnv1a(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** One step of fnv1a, for hashing while scanning: start from FNV_START, end with `>>> 0`. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}
export const FNV_START = FNV_OFFSET;

/**
 * Hash of a sequence of words (a line's normalised text, its words joined by spaces), from the words'
 * fnv1a hashes: one step per word, so that scanning a line hashes each character once. Lines with equal
 * words have equal hashes (repeated-lines compares lines by it before comparing their texts).
 */
export function wordsHash(words: readonly string[]): number {
  let h = FNV_START;
  for (const word of words) h = nextWordsHash(h, fnv1a(word));
  return h >>> 0;
}

/** One step of wordsHash: start from FNV_START, end with `>>> 0`. */
export function nextWordsHash(h: number, wordHash: number): number {
  return Math.imul(h ^ wordHash, FNV_PRIME);
}

/** Sentinel group of a word that no detected language's list holds. */
export const NOT_A_STOP_WORD = -1;

const OFFSET_SHIFT = LENGTH_BITS + GROUP_BITS;
const GROUP_MASK = (1 << GROUP_BITS) - 1;
const LENGTH_MASK = (1 << LENGTH_BITS) - 1;

/**
 * An open-addressing hash table from the detected languages' stop words to their group (the set of lists
 * that hold them), keyed by fnv1a with linear probing, at most half full. scripts/build-stopwords.js lays
 * it out at build time; start-up only decodes it (no loop over the words in JavaScript).
 *
 * It is looked up for every word of every page, and most words are not stop words: a table of this size
 * does not stay in the processor's cache, so such a word would cost a cache miss or two. A one-hash Bloom
 * filter small enough to stay cached turns most of them away first. A probe then reads one Int32Array
 * pair, the slot's hash and its entry (the word's offset in the pool, its length and its group, packed),
 * and only a word whose hash matches is compared character by character with the pool, a Uint16Array of
 * the words' code units.
 */
export class StopWordIndex {
  private readonly mask: number;
  /** For slot s, [2s] is the hash of its word and [2s + 1] its packed entry, or -1 for a free slot. */
  private readonly slots: Int32Array;
  private readonly filter: Int32Array;
  /** The code units of the words, separated by \n. */
  private readonly pool: Uint16Array;
  /** For each group, the indices (into DETECTED_LANGUAGES) of its lists. */
  readonly languagesOfGroup: readonly (readonly number[])[];
  private readonly membership = new Map<number, Uint8Array>();

  /** `table` is stopwords.bin as TABLE_LAYOUT describes it. */
  constructor(table: Uint8Array, groupLanguages: readonly (readonly number[])[]) {
    const { slotInt32s, filterInt32s, wordUnits } = TABLE_LAYOUT;
    if (table.length !== (slotInt32s + filterInt32s) * 4 + wordUnits * 2) throw new Error('the stop-word table does not match its layout: run npm run generate:stopwords');
    // Used in place when it is aligned for the typed arrays and in the machine's byte order (a file read
    // into a buffer of its own is aligned), otherwise copied.
    const bytes = table.byteOffset % 4 === 0 && !BIG_ENDIAN ? table : Buffer.from(table);
    if (BIG_ENDIAN) {
      Buffer.from(bytes.buffer, bytes.byteOffset, (slotInt32s + filterInt32s) * 4).swap32();
      Buffer.from(bytes.buffer, bytes.byteOffset + (slotInt32s + filterInt32s) * 4, wordUnits * 2).swap16();
    }
    const buffer = bytes.buffer;
    const at = bytes.byteOffset;
    this.slots = new Int32Array(buffer, at, slotInt32s);
    this.mask = slotInt32s / 2 - 1;
    this.filter = new Int32Array(buffer, at + slotInt32s * 4, filterInt32s);
    this.pool = new Uint16Array(buffer, at + (slotInt32s + filterInt32s) * 4, wordUnits);
    this.languagesOfGroup = groupLanguages;
  }

  /** The group of `text.slice(start, end)`, whose fnv1a hash is `hash`, without cutting it out. */
  groupAt(text: string, start: number, end: number, hash: number): number {
    const bit = hash >>> (32 - FILTER_BITS);
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return NOT_A_STOP_WORD;
    const wanted = hash | 0;
    const { slots, mask, pool } = this;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot * 2 + 1]!;
      if (entry === -1) return NOT_A_STOP_WORD;
      if (slots[slot * 2] !== wanted || ((entry >>> GROUP_BITS) & LENGTH_MASK) !== length) continue;
      const offset = entry >>> OFFSET_SHIFT;
      let i = 0;
      while (i < length && pool[offset + i] === text.charCodeAt(start + i)) i++;
      if (i === length) return entry & GROUP_MASK;
    }
  }

  /**
   * groupAt for a word whose code units are codes[start .. end): its ASCII letters, digits and apostrophes
   * in any case (`code | 0x20` is the lower case of each), its other code units already in lower case. The
   * scan in measure-blocks.ts reads the words this way, without the lower-cased string.
   */
  groupOfCodes(codes: Uint16Array, start: number, end: number, hash: number): number {
    const bit = hash >>> (32 - FILTER_BITS);
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return NOT_A_STOP_WORD;
    const wanted = hash | 0;
    const { slots, mask, pool } = this;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot * 2 + 1]!;
      if (entry === -1) return NOT_A_STOP_WORD;
      if (slots[slot * 2] !== wanted || ((entry >>> GROUP_BITS) & LENGTH_MASK) !== length) continue;
      const offset = entry >>> OFFSET_SHIFT;
      let i = 0;
      while (i < length && pool[offset + i] === lowerAsciiUnit(codes[start + i]!)) i++;
      if (i === length) return entry & GROUP_MASK;
    }
  }

  /** The group of a word, or NOT_A_STOP_WORD. */
  group(word: string): number {
    return word === '' ? NOT_A_STOP_WORD : this.groupAt(word, 0, word.length, fnv1a(word));
  }

  /** For each group, 1 when the list of DETECTED_LANGUAGES[language] holds its words. */
  groupsOfLanguage(language: number): Uint8Array {
    let member = this.membership.get(language);
    if (!member) {
      member = Uint8Array.from(this.languagesOfGroup, (languages) => (languages.includes(language) ? 1 : 0));
      this.membership.set(language, member);
    }
    return member;
  }
}

/** `code | 0x20` for an ASCII letter, digit or apostrophe; a code unit from U+0080 up as it is. */
function lowerAsciiUnit(code: number): number {
  return code < 0x80 ? code | 0x20 : code;
}

const BIG_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

let index: StopWordIndex | undefined;

/** The stop-word index of the detected languages, built on first use. */
export function stopWordIndex(): StopWordIndex {
  index ??= new StopWordIndex(readFileSync(new URL('./generated/stopwords.bin', import.meta.url)), GROUP_LANGUAGES);
  return index;
}
