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

/**
 * Builds a regular expression that matches a block's `bare` form (lower case, decorations such as
 * bullets, arrows, colons and counts removed) when it is exactly one of `phrases`, which are lower-case
 * regular-expression sources. Matching the bare form keeps the patterns simple and fast: no case folding,
 * no optional punctuation around every alternative.
 */
export function wholeLine(phrases: readonly string[]): RegExp {
  return new RegExp(`^(?:${phrases.join('|')})$`, 'u');
}

/** Normalised text for comparing lines: lower case, letters and digits only, single spaces. */
export function normalise(text: string): string {
  return words(text.toLowerCase()).join(' ');
}
