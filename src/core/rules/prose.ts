// Shared test for "article-like text": what ends a run of boilerplate opened by a section heading or a
// list. Kept in one place so every rule agrees on when the article has resumed.
import { isWhiteSpace } from '../text/tokens.js';
import type { Measures } from '../types.js';

/** Sentences in running prose carry at least this many words (characters / 2 for unspaced scripts). */
const PROSE_MIN_WORDS = 8;
/** A paragraph this long is article-like on its own. */
const LONG_PROSE_WORDS = 20;
/** Prose has some stop words; headline lists and product names have few. */
const PROSE_MIN_STOP_DENSITY = 0.2;

/**
 * Cut off with an ellipsis: /(?:\.\.\.|…)\s*["'”’)\]]*$/u, read backwards from the end of the line (the
 * pattern would be tried at every position of every line).
 */
export function isTruncated(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isCloser(text.charCodeAt(i))) i--;
  while (i >= 0 && isWhiteSpace(text.charCodeAt(i))) i--;
  if (i >= 0 && text.charCodeAt(i) === 0x2026) return true;
  return i >= 2 && text.charCodeAt(i) === 0x2e && text.charCodeAt(i - 1) === 0x2e && text.charCodeAt(i - 2) === 0x2e;
}

/**
 * isTruncated, or cut off with two dots, as teaser lists shorten headlines ("She said she would..", maybe
 * inside quotes). Not in isTruncated, which rules read as an author's own trailing off; two dots are a site's.
 */
export function isCutOff(text: string): boolean {
  if (isTruncated(text)) return true;
  let i = text.length - 1;
  while (i >= 0 && isCloser(text.charCodeAt(i))) i--;
  return i >= 1 && text.charCodeAt(i) === 0x2e && text.charCodeAt(i - 1) === 0x2e;
}

/** " ' ” ’ ) ] */
function isCloser(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x201d || code === 0x2019 || code === 0x29 || code === 0x5d;
}

/** A sentence of running text: ends like a sentence, is not cut off with an ellipsis, has stop words. */
export function isProse(text: string, m: Measures): boolean {
  return (
    m.endsLikeSentence &&
    !isTruncated(text) &&
    effectiveWords(text, m) >= PROSE_MIN_WORDS &&
    m.relativeStopWordDensity >= PROSE_MIN_STOP_DENSITY
  );
}

/**
 * isProse with its eight words counted as words in spaced scripts. effectiveWords also takes a short line
 * of long words for unspaced text ("Great news, finally!" has 20 characters, so 10 "words"), which the
 * rules built on it were tuned with; a whole sentence standing alone needs the real count.
 */
export function isWholeSentence(text: string, m: Measures): boolean {
  return isProse(text, m) && (m.unspaced || m.words >= PROSE_MIN_WORDS);
}

export function isLongProse(text: string, m: Measures): boolean {
  return isProse(text, m) && effectiveWords(text, m) >= LONG_PROSE_WORDS;
}

/** Word count, or half the character count for text in scripts written without spaces. */
export function effectiveWords(text: string, m: Measures): number {
  return m.words * 3 < m.chars / 2 ? Math.max(m.words, Math.floor(m.chars / 2)) : m.words;
}
