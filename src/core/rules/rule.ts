// The shape every rule has. A rule reads the measured page and reports findings; it never decides alone:
// the pipeline combines its findings with the content evidence and the block's neighbours.
import { nativeOnFirstUse } from '../text/native-regexp.js';
import { words } from '../text/tokens.js';
import type { Finding, Page, StripOptions } from '../types.js';

export interface Rule {
  /** Stable id, shown by --explain and accepted by --disable-rule. */
  id: string;
  /** One line for `boilerstrip rules`. */
  description: string;
  /** `options` carries outside evidence (site counts); most rules read the page alone. */
  find(page: Page, options?: StripOptions): Finding[];
}

/** A whole-line phrase list: `test(bare)` says whether a block's bare form is exactly one of its phrases. */
export interface WholeLine {
  test(bare: string): boolean;
}

/** Characters that make a phrase a pattern rather than plain text. */
const PATTERN_SYNTAX = /[\\^$.|?*+()[\]{}]/u;

/** Length of the start that sorts a pattern phrase into a bucket (see wholeLine; bucketKey reads that many code units). */
const BUCKET_KEY_LENGTH = 2;

/**
 * Matches a block's `bare` form (lower case, decorations such as bullets, arrows, colons and counts
 * removed) when it is exactly one of `phrases`, which are lower-case regular-expression sources. Matching
 * the bare form keeps the patterns simple: no case folding, no optional punctuation around every
 * alternative. Most phrases are plain text: those are looked up in a set. The others are sorted by the
 * first two characters of the plain text they start with ("top (?:stories|news)" under "to"), and each
 * bucket becomes a small whole-line pattern, which V8 compiles the first time a line starts that way;
 * patterns without such a start share one more. A line is tried against its own bucket only. One regex of all the
 * patterns cost several milliseconds to compile on every run, a good part of a one-file run, and was
 * tried alternative by alternative on every short line.
 */
export function wholeLine(phrases: readonly string[]): WholeLine {
  const literal = new Set(phrases.filter((p) => !PATTERN_SYNTAX.test(p)));
  const sorted = new Map<string, string[]>();
  const unsorted: string[] = [];
  for (const phrase of phrases) {
    if (!PATTERN_SYNTAX.test(phrase)) continue;
    // Each bucket is a pattern of its own, where group numbers and names would refer to other groups.
    if (/\\[1-9]|\\k</u.test(phrase)) throw new Error(`wholeLine: a phrase cannot refer back to a group: ${phrase}`);
    const start = plainStart(phrase);
    if (start.length < BUCKET_KEY_LENGTH) {
      unsorted.push(phrase);
      continue;
    }
    const key = start.slice(0, BUCKET_KEY_LENGTH);
    const bucket = sorted.get(key);
    if (bucket) bucket.push(phrase);
    else sorted.set(key, [phrase]);
  }
  // Made here, so that a phrase that is not a valid pattern fails when the rule is loaded, not on the first
  // line that reaches its bucket; compiled when a line first needs it (see text/native-regexp.ts), so one
  // that no line needs costs only this syntax check.
  const buckets = new Map([...sorted].map(([key, bucket]) => [bucketKey(key), nativeOnFirstUse(anchored(bucket))]));
  const rest = unsorted.length > 0 ? nativeOnFirstUse(anchored(unsorted)) : undefined;
  return {
    test: (bare) =>
      literal.has(bare) || (bare.length >= BUCKET_KEY_LENGTH && buckets.get(bucketKey(bare))?.(bare).test(bare) === true) || rest?.(bare).test(bare) === true,
  };
}

/**
 * The bucket of a text of two code units or more: its first two as one number. A number rather than
 * `text.slice(0, 2)`: the slice was a new string per line tested, hashed again for the Map, and this test
 * runs on most short lines of every page, in three rules.
 */
function bucketKey(text: string): number {
  return text.charCodeAt(0) * 0x10000 + text.charCodeAt(1);
}

function anchored(patterns: readonly string[]): RegExp {
  return new RegExp(`^(?:${patterns.join('|')})$`, 'u');
}

/**
 * The plain text every match of the pattern `source` starts with: its characters up to the first
 * pattern syntax, less the last one when a quantifier follows it (`shares?` starts with "share"); ''
 * when the pattern has an alternative at its top level (`news|top stories`), since that start would hold
 * for one alternative only.
 */
export function plainStart(source: string): string {
  if (hasTopLevelAlternative(source)) return '';
  let end = 0;
  while (end < source.length && !PATTERN_SYNTAX.test(source[end]!)) end++;
  const next = source[end];
  if (next !== '?' && next !== '*' && next !== '{') return source.slice(0, end);
  // The quantifier applies to the last character: a whole code point, two code units when it is astral.
  const last = source.codePointAt(end - 2);
  return source.slice(0, Math.max(0, end - (last !== undefined && last > 0xffff ? 2 : 1)));
}

function hasTopLevelAlternative(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * A block's words hash (Block.wordsHash, 32 bits) cut to 30 bits, for keying a Map or a Set. V8 keeps a
 * number of 30 bits as a small integer in place; a 32-bit one is a heap number, which a Map or a Set
 * hashes as a double, and reading one from a block made a new one for each lookup: counting a page's
 * hashes in repeated-lines took 2.05 ms over the aeb dev pages, 1.2 ms with hashes cut so. Two lines
 * with equal hashes have equal keys too; the lines that share one are compared word by word all the same.
 */
export function hashKey(wordsHash: number): number {
  return wordsHash & 0x3fffffff;
}

/** Normalised text for comparing lines: lower case, letters and digits only, single spaces. */
export function normalise(text: string): string {
  return words(text.toLowerCase()).join(' ');
}
