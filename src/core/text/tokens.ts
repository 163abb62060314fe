// Word tokens for measuring blocks. Scripts that separate words with spaces are split on anything that
// is not a letter, mark or digit (keeping inner apostrophes: "don't"); Chinese, Japanese and Thai are cut
// with Intl.Segmenter, which knows their word boundaries. The scanner classifies characters through a
// lazily filled table instead of a Unicode-property regex: tokenising is the hottest loop of a run.

import { patternOnFirstUse } from './native-regexp.js';

/**
 * Made on first use: creating a pattern with Unicode properties reads their tables at once, and only
 * lines with a code unit in hasUnspacedScriptRange's ranges need these (CJK and Thai text, but also
 * emoji, U+FFFD and fullwidth punctuation).
 */
let unspacedScriptPatterns: { script: RegExp; letter: RegExp } | undefined;
function unspacedScript(): { script: RegExp; letter: RegExp } {
  return (unspacedScriptPatterns ??= { script: /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]$/u, letter: /^\p{L}$/u });
}

/** Made on first use too (see unspacedScript): plainClass answers for most pages without them. */
const IS_LETTER = patternOnFirstUse(String.raw`^[\p{L}\p{M}]$`, 'u');
const IS_NUMBER = patternOnFirstUse(String.raw`^\p{N}$`, 'u');

const UNKNOWN = 0;
export const LETTER = 1;
export const NUMBER = 2;
export const OTHER = 3;
/** Character class of every BMP code unit, filled on first sight. */
const classTable = new Uint8Array(0x10000);

export function charClass(code: number): number {
  let c = classTable[code]!;
  if (c === UNKNOWN) {
    c = plainClass(code);
    if (c === UNKNOWN) {
      const ch = String.fromCharCode(code);
      c = IS_LETTER(ch).test(ch) ? LETTER : IS_NUMBER(ch).test(ch) ? NUMBER : OTHER;
    }
    // Surrogates: an astral letter (e.g. a rare CJK ideograph) is rare enough to count as a word character.
    if (code >= 0xd800 && code <= 0xdfff) c = LETTER;
    classTable[code] = c;
  }
  return c;
}

/**
 * The class of an ASCII code unit, or of one in General Punctuation (U+2000–U+206F: spaces, dashes, curly
 * quotes, bullets; no letter, mark or digit); UNKNOWN for the others. These are told without the patterns,
 * whose first use compiles them (about half a millisecond): a page in English often has no other
 * character. tests/core/text/tokens.test.ts checks them against the patterns.
 */
function plainClass(code: number): number {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? LETTER : code >= 0x30 && code <= 0x39 ? NUMBER : OTHER;
  return code >= 0x2000 && code <= 0x206f ? OTHER : UNKNOWN;
}

/**
 * What lowerCaseUnit returns for a code unit whose lower case depends on its line: a surrogate (an astral
 * letter lower-cases as a pair), capital sigma (σ, or ς at the end of a word) and the letters whose lower
 * case is longer than one code unit (İ is "i̇"). U+0001 is no code unit's lower case.
 */
export const LOWER_CASE_IN_CONTEXT = 1;
/** Lower case of every BMP code unit, filled on first sight (0: not yet known). */
const lowerTable = new Uint16Array(0x10000);

/**
 * The code unit at the same position in `line.toLowerCase()` as `code` in `line`, for any line in which
 * lower-casing keeps the length, or LOWER_CASE_IN_CONTEXT. The scan in measure-blocks.ts lower-cases
 * characters one at a time with it: toLowerCase on a whole line (which a curly apostrophe asked for) cost
 * 7 % of splitting the aeb dev pages. tests/core/text/tokens.test.ts checks it against toLowerCase.
 */
export function lowerCaseUnit(code: number): number {
  let low = lowerTable[code]!;
  if (low === 0) {
    const lower = String.fromCharCode(code).toLowerCase();
    low = lower.length !== 1 || code === 0x03a3 || (code >= 0xd800 && code <= 0xdfff) ? LOWER_CASE_IN_CONTEXT : lower.charCodeAt(0);
    lowerTable[code] = low;
  }
  return low;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * True when most letters of the text belong to scripts written without spaces between words: when the
 * code points in those scripts are more than 0.3 of the letters (\p{L}), counted as
 * `text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu)` and
 * `text.match(/\p{L}/gu)` would count them (an unpaired surrogate is neither). They are counted through a
 * table of the BMP's code units rather than by matching: the two arrays of one-character strings that
 * match() made cost 8 % of splitting the Chinese and Japanese dev pages, and their garbage as much again.
 */
export function isMostlyUnspaced(text: string): boolean {
  // Every character of those scripts is in Thai's block or from U+2E80 up (astral ones as surrogates);
  // lines in other scripts, with their dashes and curly quotes, skip the count.
  if (!hasUnspacedScriptRange(text)) return false;
  let unspaced = 0;
  let letters = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let kind: number;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1))) {
      kind = scriptKindOf(text.slice(i, i + 2));
      i++;
    } else {
      kind = scriptKindTable[code]!;
      if (kind === 0) scriptKindTable[code] = kind = scriptKindOf(String.fromCharCode(code));
    }
    if (kind & UNSPACED_SCRIPT) unspaced++;
    if (kind & LETTER_CODE_POINT) letters++;
  }
  return unspaced > 0 && unspaced / (letters === 0 ? 1 : letters) > 0.3;
}

/** Bits of scriptKindTable: a code point of the scripts written without spaces, a letter (\p{L}), known. */
const UNSPACED_SCRIPT = 1;
const LETTER_CODE_POINT = 2;
const KIND_KNOWN = 4;
/** The kind of every BMP code unit as a code point of its own, filled on first sight (0: not yet known). */
const scriptKindTable = new Uint8Array(0x10000);

function scriptKindOf(codePoint: string): number {
  const patterns = unspacedScript();
  return KIND_KNOWN | (patterns.script.test(codePoint) ? UNSPACED_SCRIPT : 0) | (patterns.letter.test(codePoint) ? LETTER_CODE_POINT : 0);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Thai's block (U+0E00–U+0E7F), or U+2E80 and above, where Han, Hiragana and Katakana start. */
export function hasUnspacedScriptRange(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isUnspacedScriptCode(text.charCodeAt(i))) return true;
  return false;
}

/** One code unit of hasUnspacedScriptRange. */
export function isUnspacedScriptCode(code: number): boolean {
  return code >= 0x2e80 || (code >= 0x0e00 && code <= 0x0e7f);
}

export function words(text: string, unspaced = isMostlyUnspaced(text)): string[] {
  if (unspaced) {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    const out: string[] = [];
    for (let start = 0; start < text.length; ) {
      const end = chunkEnd(text, start);
      const chunk = text.slice(start, end);
      // The segments are walked with containing() rather than iterated: the iterator wraps each in a result
      // object, and the walk measured 10 % faster over the unspaced lines of the aeb dev pages.
      const segments = segmenter.segment(chunk);
      for (let at = 0; at < chunk.length; ) {
        const segment = segments.containing(at)!;
        if (segment.isWordLike) out.push(segment.segment);
        at = segment.index + segment.segment.length;
      }
      start = end;
    }
    return out;
  }
  const out: string[] = [];
  const n = text.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const isWordChar = code < 0x80 ? isAsciiWordChar(code) : charClass(code) !== OTHER;
    if (isWordChar) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      // An apostrophe between letters stays inside the word.
      if ((code === 0x27 || code === 0x2019) && i + 1 < n && isLetterAt(text, i + 1) && isLetterAt(text, i - 1)) continue;
      out.push(text.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/**
 * Intl.Segmenter's dictionary break for Chinese and Japanese grows faster than linearly with the length of
 * the string (12,000 characters took 0.4 s, a 64 KB line minutes), so long lines are segmented in chunks.
 * A chunk ends at a character that is not a letter where one is near, so at most a word per chunk is cut.
 */
const SEGMENT_CHUNK = 1000;
const CHUNK_BREAK_SEARCH = 100;

function chunkEnd(text: string, start: number): number {
  let end = start + SEGMENT_CHUNK;
  if (end >= text.length) return text.length;
  for (let i = end; i > end - CHUNK_BREAK_SEARCH; i--) {
    if (charClass(text.charCodeAt(i - 1)) === OTHER) return i;
  }
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // never between the halves of a surrogate pair
  return end;
}

/** Whether a code unit is an ASCII digit, 0–9. */
export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isAsciiWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** An upper-case letter: one that lower-casing changes. */
export function isCapital(character: string): boolean {
  return character !== character.toLowerCase();
}

/** A lower-case letter: one that upper-casing changes. */
export function isLowerCase(character: string): boolean {
  return character !== character.toUpperCase();
}

export function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 0x80 ? (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) : charClass(code) === LETTER;
}

/** JavaScript's \s, for one UTF-16 code unit. */
export function isWhiteSpace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * True when the line has white space other than single spaces: two spaces in a row, a tab or control
 * space, or a no-break, wide or zero-width space (what collapseWhitespace in split-blocks.ts folds).
 */
export function hasUnusualSpace(line: string): boolean {
  // The previous character is remembered rather than the next one read: reading past the end of the
  // string (charCodeAt(length) is NaN) made V8 run this loop about three times slower.
  let previousIsSpace = false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x20) {
      if (previousIsSpace) return true;
      previousIsSpace = true;
      continue;
    }
    previousIsSpace = false;
    if (code < 0x20 ? isControlSpace(code) : code >= 0xa0 && isUnusualSpace(code)) return true;
  }
  return false;
}

/** hasUnusualSpace on the code units codes[from .. to). */
export function hasUnusualSpaceIn(codes: Uint16Array, from: number, to: number): boolean {
  let previousIsSpace = false;
  for (let i = from; i < to; i++) {
    const code = codes[i]!;
    if (code === 0x20) {
      if (previousIsSpace) return true;
      previousIsSpace = true;
      continue;
    }
    previousIsSpace = false;
    if (code < 0x20 ? isControlSpace(code) : code >= 0xa0 && isUnusualSpace(code)) return true;
  }
  return false;
}

/** Tab, line feed, vertical tab, form feed. */
export function isControlSpace(code: number): boolean {
  return code >= 0x09 && code <= 0x0c;
}

/** A white space character other than the ASCII ones, or the zero-width space. */
export function isUnusualSpace(code: number): boolean {
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * The full stops of scripts other than Latin that end a sentence as "." does, before a space: Devanagari's
 * danda and double danda (। ॥), Urdu's full stop (۔), the Arabic question mark (؟, also Persian and Urdu),
 * Ethiopic (።), Myanmar (။), Khmer (។) and Armenian (։). One list for the step that measures blocks and
 * the one that cuts run-on lines, so that a piece cut after one of them also counts as ending a sentence.
 */
export const OTHER_SCRIPT_SENTENCE_MARKS = '।॥۔؟።။។։';

/** Whether `code` is one of OTHER_SCRIPT_SENTENCE_MARKS. */
export function isOtherScriptSentenceEnd(code: number): boolean {
  // Every one of them lies between the Armenian full stop and the Khmer one: one comparison lets most characters by.
  if (code < 0x0589 || code > 0x17d4) return false;
  return code === 0x0964 || code === 0x0965 || code === 0x06d4 || code === 0x061f || code === 0x1362 || code === 0x104b || code === 0x17d4 || code === 0x0589;
}
