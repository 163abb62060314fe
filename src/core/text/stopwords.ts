// Stop-word lists come from stopwords-iso (the largest maintained multilingual collection) rather than
// hand-typed lists. The lists of the detected languages are precomputed into generated/stopwords.ts
// (scripts/build-stopwords.js): one table answers, for a word, which of those lists hold it, so that
// language detection and stop-word counting look each word up once. The full JSON is loaded only when
// a caller forces a language outside that set.
import { createRequire } from 'node:module';
import { DETECTED_LANGUAGES, GROUP_CODE_BASE, GROUP_LANGUAGES, LISTED_LANGUAGES, STOP_WORD_SLOT_GROUPS, STOP_WORD_SLOTS } from './generated/stopwords.js';

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

/**
 * An open-addressing hash table from the detected languages' stop words to their group (the set of lists
 * that hold them), keyed by fnv1a with linear probing. scripts/build-stopwords.js lays the table out at
 * build time; here it is only read.
 */
export class StopWordIndex {
  private readonly mask: number;
  /** The word in each slot; '' marks a free slot. */
  private readonly keys: readonly string[];
  /**
   * Each slot's fnv1a hash and group (NOT_A_STOP_WORD for a free slot), as typed arrays: a probe compares
   * two numbers, and only a word whose hash matches is compared character by character. Most probes are
   * for words that are not stop words and end at a free slot or a differing hash.
   */
  private readonly slotHashes: Int32Array;
  private readonly slotGroupOf: Int16Array;
  /** For each group, the indices (into DETECTED_LANGUAGES) of its lists. */
  readonly languagesOfGroup: readonly (readonly number[])[];
  private readonly membership = new Map<number, Uint8Array>();

  constructor(
    slots: string,
    /** The group of each slot's word, as the character GROUP_CODE_BASE + group. */
    slotGroups: string,
    groupLanguages: readonly (readonly number[])[],
  ) {
    this.keys = slots.split('\n');
    this.mask = this.keys.length - 1;
    this.languagesOfGroup = groupLanguages;
    this.slotHashes = new Int32Array(this.keys.length);
    this.slotGroupOf = new Int16Array(this.keys.length).fill(NOT_A_STOP_WORD);
    for (let slot = 0; slot < this.keys.length; slot++) {
      const key = this.keys[slot]!;
      if (key === '') continue;
      this.slotHashes[slot] = fnv1a(key);
      this.slotGroupOf[slot] = slotGroups.charCodeAt(slot) - GROUP_CODE_BASE;
    }
  }

  /** The group of `text.slice(start, end)`, whose fnv1a hash is `hash`, without cutting it out. */
  groupAt(text: string, start: number, end: number, hash: number): number {
    const wanted = hash | 0;
    const { slotHashes, slotGroupOf, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const group = slotGroupOf[slot]!;
      if (group === NOT_A_STOP_WORD) return NOT_A_STOP_WORD;
      if (slotHashes[slot] === wanted && sameChars(this.keys[slot]!, text, start, end)) return group;
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

/** True when `key` equals `text.slice(start, end)`; a plain loop, cheaper than startsWith on a sliced string. */
function sameChars(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

let index: StopWordIndex | undefined;

/** The stop-word index of the detected languages, built on first use. */
export function stopWordIndex(): StopWordIndex {
  index ??= new StopWordIndex(STOP_WORD_SLOTS, STOP_WORD_SLOT_GROUPS, GROUP_LANGUAGES);
  return index;
}
