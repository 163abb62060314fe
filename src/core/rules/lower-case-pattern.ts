// Case-insensitive patterns without the `i` flag: matched against the lower-cased line.
//
// V8 compiles every letter of an `iu` pattern into a Unicode case-folding class. For the longer rule
// patterns (month names in a dozen languages, stamp and byline openers) that made the first use cost
// several milliseconds each, up to ~20 ms for the date pattern, in every process and worker thread, and
// made each run slower. The same pattern, lower case with `u` alone, compiles in well under a millisecond.
//
// The results are the `iu` pattern's, exactly. Lower-casing keeps every character at its index except
// U+0130 (İ), which becomes two; and only U+017F (ſ, long s) case-folds to a letter that it does not
// lower-case to (s). A line with either is matched by the `iu` pattern itself, compiled on first need.

import { compileNatively, nativeOnFirstUse } from '../text/native-regexp.js';

/**
 * The rules try several patterns on the same line one after another, so the answer for the last line
 * is kept: the scan ran on every call and cost more than some of the patterns it guards.
 */
let lastText: string | undefined;
let lastFoldsApart = false;

/**
 * Whether the text has a character for which matching the lower-cased line could differ from case
 * folding (İ, ſ; see above). includes() rather than a pattern: the engine answers it at once for a string of
 * Latin-1 characters, which cannot hold either, and most lines are such strings.
 */
function foldsApart(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastFoldsApart = text.includes('\u0130') || text.includes('\u017f');
  }
  return lastFoldsApart;
}

export class LowerCasePattern {
  /** Compiled on first use, since many patterns are needed by few pages (text/native-regexp.ts). */
  private readonly lowerCase: (subject: string) => RegExp;
  /** The same with the `d` flag, for exec(): the groups' indices let them be read from the original text. */
  private withIndices: RegExp | undefined;
  private folding: RegExp | undefined;

  /** `source` is written in lower case; it means what `new RegExp(source, 'iu')` means. */
  constructor(private readonly source: string) {
    // An upper-case letter outside an escape (\S, \p{Lu}) would never match a lower-cased line.
    const letters = source.replace(/\\[pP]\{[^}]*\}|\\./gu, '');
    if (letters !== letters.toLowerCase()) throw new Error(`LowerCasePattern needs a lower-case source: ${source}`);
    this.lowerCase = nativeOnFirstUse(new RegExp(source, 'u'));
  }

  /**
   * Like `new RegExp(source, 'iu').exec(text)`; groups and index refer to `text`. `lower` is
   * `text.toLowerCase()` when the caller has it already.
   */
  exec(text: string, lower?: string): RegExpExecArray | null {
    if (foldsApart(text)) return this.foldingPattern(text).exec(text);
    const lowered = lower ?? text.toLowerCase();
    // Most lines do not match: a plain test rejects them faster than an exec that keeps indices.
    if (!this.lowerCase(lowered).test(lowered)) return null;
    const match = (this.withIndices ??= compileNatively(new RegExp(this.source, 'du'), lowered)).exec(lowered);
    if (!match) return null;
    // Same indices, so the groups are read from the original text, in its own case.
    const groups = match.indices!.map((span) => (span ? text.slice(span[0], span[1]) : undefined));
    return Object.assign(groups, { index: match.index, input: text, groups: undefined }) as RegExpExecArray;
  }

  /** Like `new RegExp(source, 'iu').test(text)`. */
  test(text: string, lower?: string): boolean {
    if (foldsApart(text)) return this.foldingPattern(text).test(text);
    const lowered = lower ?? text.toLowerCase();
    return this.lowerCase(lowered).test(lowered);
  }

  /** `text` is the line it is about to run on. */
  private foldingPattern(text: string): RegExp {
    return (this.folding ??= compileNatively(new RegExp(this.source, 'iu'), text));
  }
}
