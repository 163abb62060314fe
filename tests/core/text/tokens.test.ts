import { describe, expect, it } from 'vitest';
import { isMostlyUnspaced, words } from '../../../src/core/text/tokens.js';

describe('words', () => {
  it('splits on punctuation and keeps inner apostrophes', () => {
    expect(words("don't stop—the 2 cats’ toys, ok?")).toEqual(["don't", 'stop', 'the', '2', 'cats', 'toys', 'ok']);
  });
  it('handles accents, Cyrillic and combining marks', () => {
    expect(words('Größe café Привет')).toEqual(['Größe', 'café', 'Привет']);
  });
  it('segments Chinese text into words', () => {
    const tokens = words('城市公园将在春季重新开放');
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join('')).toBe('城市公园将在春季重新开放');
  });
});

describe('isMostlyUnspaced', () => {
  it.each([
    ['城市公园将在春季重新开放', true],
    ['東京の天気は晴れです', true],
    ['The Tokyo 東京 office', false],
    ['plain English', false],
  ])('%s → %s', (text, expected) => {
    expect(isMostlyUnspaced(text)).toBe(expected);
  });
});
