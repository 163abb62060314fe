// The tuning values a user may change (through StripOptions, or a config file's "thresholds" key).
// Everything else stays a named constant in its step: these are the ones whose trade-off depends on the
// pages — how long a line must be to be judged alone, how many stop words prose has, how far from the
// article a region may sit. The defaults were set on the dev benchmark pages.

import { kindOf } from './kind-of.js';

export interface Thresholds {
  /** Lines shorter than this (Latin-equivalent characters) are too short to judge alone: jusText's 70. */
  lengthLow: number;
  /** Lines longer than this with enough stop words are article text on their own: jusText's 200. */
  lengthHigh: number;
  /** Stop-word density below which a long line is boilerplate (a list of names, links, labels). */
  stopwordsLow: number;
  /** Stop-word density from which a long line is prose. */
  stopwordsHigh: number;
  /** Dropped lines after which a separate region is too far away to belong to the article. */
  maxRegionGap: number;
  /** Share of the article region's text a separate region needs to be kept. */
  minRegionShare: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  lengthLow: 70,
  lengthHigh: 200,
  stopwordsLow: 0.3,
  stopwordsHigh: 0.34,
  maxRegionGap: 30,
  minRegionShare: 0.15,
});

/** The defaults with `given` over them; a value that makes no sense is a RangeError naming it. */
export function resolveThresholds(given: Partial<Thresholds> | undefined): Thresholds {
  // Partial<Thresholds> allows `{ lengthLow: undefined }` (a value read from somewhere that had none): it
  // leaves that threshold at its default rather than replacing the default by undefined.
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS };
  // null too: strip()'s options count null as not given.
  for (const [key, value] of Object.entries(given ?? {})) if (value !== undefined && value !== null) (thresholds as unknown as Record<string, unknown>)[key] = value;
  for (const [key, value] of Object.entries(thresholds)) {
    if (!(key in DEFAULT_THRESHOLDS)) throw new RangeError(`unknown threshold '${key}'; thresholds: ${Object.keys(DEFAULT_THRESHOLDS).join(', ')}`);
    // A value of the wrong type is a TypeError, as strip()'s other options' are; a number out of range a RangeError.
    if (typeof value !== 'number') throw new TypeError(`threshold '${key}' must be a number, not ${kindOf(value)}`);
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`threshold '${key}' must be a finite number of at least 0, not ${value}`);
  }
  if (thresholds.lengthLow > thresholds.lengthHigh) throw new RangeError('threshold lengthLow must not exceed lengthHigh');
  if (thresholds.stopwordsLow > thresholds.stopwordsHigh) throw new RangeError('threshold stopwordsLow must not exceed stopwordsHigh');
  return thresholds;
}
