import { describe, expect, it } from 'vitest';
import { charClass, hasUnspacedScriptRange, isMostlyUnspaced, LETTER, NUMBER, OTHER, isOtherScriptSentenceEnd, OTHER_SCRIPT_SENTENCE_MARKS, words } from '../../../src/core/text/tokens.js';

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

describe('charClass', () => {
  it('classes ASCII and General Punctuation, which it tells without patterns, as the patterns do', () => {
    const codes = [...Array.from({ length: 0x80 }, (_, i) => i), ...Array.from({ length: 0x70 }, (_, i) => 0x2000 + i)];
    for (const code of codes) {
      const ch = String.fromCharCode(code);
      const expected = /^[\p{L}\p{M}]$/u.test(ch) ? LETTER : /^\p{N}$/u.test(ch) ? NUMBER : OTHER;
      expect({ code, class: charClass(code) }).toEqual({ code, class: expected });
    }
  });

  it('classes other characters with the patterns', () => {
    expect([0xe9, 0xb2, 0xd7, 0x0416, 0x0301, 0x0663, 0x3001].map(charClass)).toEqual([LETTER, NUMBER, OTHER, LETTER, LETTER, NUMBER, OTHER]);
  });
});
