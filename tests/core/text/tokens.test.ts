import { describe, expect, it } from 'vitest';
import { hasUnspacedScriptRange, isMostlyUnspaced, isOtherScriptSentenceEnd, OTHER_SCRIPT_SENTENCE_MARKS, words } from '../../../src/core/text/tokens.js';

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

describe('hasUnspacedScriptRange', () => {
  it('is true for every code unit of the scripts written without spaces (it skips the regex for others)', () => {
    const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (unspaced.test(ch)) expect(hasUnspacedScriptRange(ch), code.toString(16)).toBe(true);
    }
    // Astral ideographs are written with surrogates, which are in the range.
    expect(hasUnspacedScriptRange('𠀀')).toBe(true);
  });
});

describe('isOtherScriptSentenceEnd', () => {
  it('is true for exactly the characters of OTHER_SCRIPT_SENTENCE_MARKS', () => {
    const marks = new Set([...OTHER_SCRIPT_SENTENCE_MARKS].map((c) => c.charCodeAt(0)));
    expect(marks.size).toBe(8);
    const found: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isOtherScriptSentenceEnd(code)) found.push(code);
    expect(found.sort((a, b) => a - b)).toEqual([...marks].sort((a, b) => a - b));
  });
});
