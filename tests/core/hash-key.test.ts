import { describe, expect, it } from 'vitest';
import { hashKey } from '../../src/core/rules/rule.js';
import { wordsHash } from '../../src/core/text/stopwords.js';

describe('hashKey', () => {
  it('cuts a words hash to a small integer, equal for equal words', () => {
    for (const words of [['top', 'stories'], ['a'], ['rail', 'strike', 'called', 'off'], []]) {
      const key = hashKey(wordsHash(words));
      expect(Number.isInteger(key) && key >= 0 && key < 2 ** 30).toBe(true);
      expect(hashKey(wordsHash([...words]))).toBe(key);
    }
    expect(hashKey(0xffffffff)).toBe(0x3fffffff);
  });
});
