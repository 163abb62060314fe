import { describe, expect, it } from 'vitest';
import { isDuration, startsLikeDuration } from '../../../src/core/rules/patterns.js';

describe('isDuration and its first-character gate', () => {
  // Every way the pattern can start: a digit, each play mark, each label in either case.
  it.each(['6:47', '1:02:33', '▶ 6:47', '►6:47', '▷ 6:47', '⏵ 1:02:33', 'Duration: 6:47', 'DURATION 6:47', 'length 3:04', 'Length: 3:04 min', 'Runtime 1:02:33', 'RUNTIME: 12:00 minutes'])(
    '"%s" is a duration, and passes the gate',
    (line) => {
      expect(startsLikeDuration(line)).toBe(true);
      expect(isDuration(line)).toBe(true);
    },
  );

  it.each(['Watch 6:47', 'at 6:47', '(6:47)', 'Time: 6:47', ''])('"%s" is stopped by the gate', (line) => {
    expect(startsLikeDuration(line)).toBe(false);
    expect(isDuration(line)).toBe(false);
  });
});
