import { describe, expect, it } from 'vitest';
import { strip } from '../../src/core/strip.js';
import { DEFAULT_THRESHOLDS, resolveThresholds } from '../../src/core/thresholds.js';
import { PROSE_A, PROSE_B } from '../helpers/page.js';

describe('thresholds', () => {
  it('are the defaults when none are given', () => {
    expect(resolveThresholds(undefined)).toEqual(DEFAULT_THRESHOLDS);
  });

  it.each([
    [{ lengthLow: -1 }, /lengthLow' must be a finite number of at least 0, not -1/u],
    [{ lengthLow: Number.NaN }, /lengthLow' must be a finite number of at least 0, not NaN/u],
    [{ lengthHigh: Number.POSITIVE_INFINITY }, /lengthHigh' must be a finite number of at least 0, not Infinity/u],
    [{ lengthLow: 300 }, /lengthLow must not exceed lengthHigh/u],
    [{ stopwordsLow: 0.5 }, /stopwordsLow must not exceed stopwordsHigh/u],
    [{ lenghtLow: 3 } as never, /unknown threshold 'lenghtLow'/u],
  ])('refuses %o', (given, message) => {
    expect(() => strip('text', { thresholds: given })).toThrow(message);
  });

  it('refuses a value of the wrong type with a TypeError, a number out of range with a RangeError', () => {
    expect(() => strip('text', { thresholds: { lengthLow: '5' as never } })).toThrow(new TypeError("threshold 'lengthLow' must be a number, not a string"));
    // null is not given, as for strip()'s other options.
    expect(strip('text', { thresholds: { lengthLow: null as never } }).text).toBe(strip('text').text);
    expect(() => strip('text', { thresholds: { lengthLow: -5 } })).toThrow(RangeError);
  });

  it('lengthLow decides which lines are judged on their own words', () => {
    const text = `${PROSE_A}\n\n${PROSE_B}\n\nGreat news, finally for the city!`;
    expect(strip(text).text).not.toContain('Great news');
    expect(strip(text, { thresholds: { lengthLow: 20, stopwordsLow: 0.1, stopwordsHigh: 0.1 } }).text).toContain('Great news');
  });

  it('minRegionShare and maxRegionGap decide how far from the article text may be kept', () => {
    const far = `${PROSE_A} ${PROSE_B}`.replace(/council/gu, 'city');
    const menu = Array.from({ length: 35 }, (_, i) => `Section ${i + 1}`).join('\n');
    const text = `${PROSE_A}\n\n${PROSE_B}\n\n${PROSE_A.replace('Tuesday', 'Monday')}\n\n${menu}\n\nAdvertisement\n\n${far}`;
    expect(strip(text).text).not.toContain('The city voted');
    expect(strip(text, { thresholds: { maxRegionGap: 100, minRegionShare: 0 } }).text).toContain('The city voted');
  });
});
