// The shape every rule has. A rule reads the measured page and reports findings; it never decides alone:
// the pipeline combines its findings with the content evidence and the block's neighbours.
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

/**
 * Matches a block's `bare` form (lower case, decorations such as bullets, arrows, colons and counts
 * removed) when it is exactly one of `phrases`, which are lower-case regular-expression sources. Matching
 * the bare form keeps the patterns simple: no case folding, no optional punctuation around every
 * alternative. Most phrases are plain text: those are looked up in a set, and only the others form a
 * (much smaller) whole-line pattern. One regex of hundreds of alternatives was tried alternative by
 * alternative on every short line.
 */
export function wholeLine(phrases: readonly string[]): WholeLine {
  const literal = new Set(phrases.filter((p) => !PATTERN_SYNTAX.test(p)));
  const patterns = phrases.filter((p) => PATTERN_SYNTAX.test(p));
  const pattern = patterns.length > 0 ? new RegExp(`^(?:${patterns.join('|')})$`, 'u') : undefined;
  return { test: (bare) => literal.has(bare) || (pattern !== undefined && pattern.test(bare)) };
}

/** Normalised text for comparing lines: lower case, letters and digits only, single spaces. */
export function normalise(text: string): string {
  return words(text.toLowerCase()).join(' ');
}
