import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charClass, hasUnspacedScriptRange, isMostlyUnspaced, LETTER, LOWER_CASE_IN_CONTEXT, lowerCaseUnit, NUMBER, OTHER, isOtherScriptSentenceEnd, OTHER_SCRIPT_SENTENCE_MARKS, words,
} from '../../../src/core/text/tokens.js';

describe('words', () => {
  it('splits on punctuation and keeps inner apostrophes', () => {
    expect(words("don't stop—the 2 cats’ toys, ok?")).toEqual(["don't", 'stop', 'the', '2', 'cats', 'toys', 'ok']);
  });
  it('handles accents, Cyrillic and combining marks', () => {
    expect(words('Größe café Привет')).toEqual(['Größe', 'café', 'Привет']);
  });
  it("gives the segmenter's word-like segments, in order, for unspaced text with spaces, punctuation and Latin words", () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    for (const text of ['城市公园将在春季重新开放。它们 很好！ok, 2024年', '「東京」の天気は、晴れです…😀 test', 'ภาษาไทย ง่าย มาก', '。', '中']) {
      const expected = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
      expect(words(text, true)).toEqual(expected);
    }
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

  it('counts code points as matching the script and letter patterns counts them', () => {
    const reference = (text: string): boolean => {
      if (!/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(text)) return false;
      const unspaced = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu)?.length ?? 0;
      const letters = text.match(/\p{L}/gu)?.length ?? 1;
      return unspaced / letters > 0.3;
    };
    // Astral ideographs (a pair counts once), unpaired surrogates (neither), Han radicals and Thai marks and
    // digits (in the scripts, not letters), 〇 (Han, a number), emoji, a ratio at exactly 0.3.
    const units = ['中', '文', 'の', 'カ', 'ก', '\u0e31', '๑', '⺀', '〇', '々', '𠀀', '\ud840', '\udc00', '😀', 'a', 'é', 'Ж', '1', ' ', '—', '\u0301'];
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...units), maxLength: 14 }), (text) => isMostlyUnspaced(text) === reference(text)), { numRuns: 3000 });
    for (const text of ['中abcdefghi', '中文abc', '中文abcd', '𠀀𠀀aaaa', '\ud840\ud840aaaa', '⺀⺀⺀', '⺀a', '๑๑๑']) expect(isMostlyUnspaced(text), text).toBe(reference(text));
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

describe('lowerCaseUnit', () => {
  it("gives each code unit's place in the line's toLowerCase(), whatever its neighbours, or says it depends on them", () => {
    const known: number[] = [];
    for (let code = 0x80; code <= 0xffff; code++) if (lowerCaseUnit(code) !== LOWER_CASE_IN_CONTEXT) known.push(code);
    // Neighbours that could change a letter's lower case if any rule besides final sigma's looked at them.
    const contexts: [string, string][] = [['', ''], ['a', 'b'], ['Σ', 'Σ'], ['i', '\u0307'], ['I', 'J'], ['ά', ' ']];
    for (const [before, after] of contexts) {
      const line = known.map((code) => before + String.fromCharCode(code) + after).join('');
      const lower = line.toLowerCase();
      expect(lower.length).toBe(line.length);
      let at = before.length;
      for (const code of known) {
        if (lower.charCodeAt(at) !== lowerCaseUnit(code)) expect({ code, before, after, low: lower.charCodeAt(at) }).toEqual({ code, before, after, low: lowerCaseUnit(code) });
        at += before.length + 1 + after.length;
      }
    }
  });

  it('leaves to the line the units whose lower case is longer or depends on the word: İ, Σ, surrogates', () => {
    for (const code of [0x0130, 0x03a3, 0xd83d, 0xde00, 0xd801, 0xdc00]) expect(lowerCaseUnit(code), code.toString(16)).toBe(LOWER_CASE_IN_CONTEXT);
    expect(lowerCaseUnit(0x212a)).toBe(0x6b); // the Kelvin sign lower-cases to an ASCII k
    expect(lowerCaseUnit(0xc9)).toBe(0xe9);
    expect(lowerCaseUnit(0x2019)).toBe(0x2019);
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
