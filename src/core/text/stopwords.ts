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
