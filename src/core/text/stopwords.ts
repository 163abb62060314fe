// Stop-word lists come from stopwords-iso (the largest maintained multilingual collection) rather than
// hand-typed lists. They are loaded lazily, once, so that a run which never measures text pays nothing.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Languages boilerstrip detects by default. Others in stopwords-iso can still be forced with `language`. */
export const DETECTED_LANGUAGES = [
  'en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'zh', 'ja',
  'sv', 'da', 'no', 'fi', 'cs', 'sk', 'hu', 'ro', 'tr', 'uk', 'bg', 'hr', 'sl', 'el', 'ca', 'id', 'ko', 'ar', 'fa', 'he', 'hi', 'vi',
] as const;

let lists: Record<string, string[]> | undefined;
const sets = new Map<string, ReadonlySet<string>>();

function allLists(): Record<string, string[]> {
  lists ??= require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
  return lists;
}

export function hasStopWordList(language: string): boolean {
  return Object.hasOwn(allLists(), language);
}

/**
 * The stop-word set of a language, lower-cased. Unknown languages get an empty set. Entries with digits
 * are left out: some lists include "0"–"9", which would make any page full of numbers look Spanish or
 * Korean and make tables look like prose.
 */
export function stopWordSet(language: string): ReadonlySet<string> {
  let set = sets.get(language);
  if (!set) {
    set = new Set((allLists()[language] ?? []).filter((w) => !/\d/.test(w)).map((w) => w.toLowerCase()));
    sets.set(language, set);
  }
  return set;
}

/**
 * FNV-1a hash of a word's UTF-16 code units. Stop-word tables are keyed by it: the words of a page are
 * fresh strings, and looking each one up in a Map would first have the engine hash it, which cost more
 * than the rest of measuring.
 */
export function fnv1a(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** An open-addressing hash table from words to values, keyed by fnv1a; built once, then only read. */
export class WordTable<V> {
  private readonly mask: number;
  private readonly keys: (string | undefined)[];
  private readonly values: V[];

  constructor(entries: Iterable<readonly [string, V]>, count: number) {
    let size = 1;
    // At most a quarter full, so that probes stay short.
    while (size < count * 4) size *= 2;
    this.mask = size - 1;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<V>(size);
    for (const [word, value] of entries) {
      let slot = fnv1a(word) & this.mask;
      while (this.keys[slot] !== undefined && this.keys[slot] !== word) slot = (slot + 1) & this.mask;
      this.keys[slot] = word;
      this.values[slot] = value;
    }
  }

  get(word: string): V | undefined {
    for (let slot = fnv1a(word) & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot];
      if (key === undefined) return undefined;
      if (key === word) return this.values[slot];
    }
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }
}

const tables = new Map<string, WordTable<true>>();

/** The stop words of a language (as stopWordSet) in a WordTable, for the per-word lookups of measuring. */
export function stopWordTable(language: string): WordTable<true> {
  let table = tables.get(language);
  if (!table) {
    const set = stopWordSet(language);
    table = new WordTable(Array.from(set, (w) => [w, true] as const), set.size);
    tables.set(language, table);
  }
  return table;
}
