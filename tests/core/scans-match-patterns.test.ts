// The character scans that replaced regular expressions for speed must agree with the patterns they
// implement; these tables hold the edge cases (quotes, brackets, spaces, ellipses, CJK marks).
import { describe, expect, it } from 'vitest';
import { measure } from '../../src/core/pipeline/measure-blocks.js';
import { collapseWhitespace } from '../../src/core/pipeline/split-blocks.js';
import { isTruncated } from '../../src/core/rules/prose.js';
import { words } from '../../src/core/text/tokens.js';

const SENTENCE_END = /[.!?…।॥۔؟።။។։。！？]["'”’»)\]]*$/u;
const SENTENCE_MARK = /[.!?…।॥۔؟።။។։](?=\s|$|["'”’»)\]])|[。！？]/gu;
const TRUNCATED = /(?:\.\.\.|…)\s*["'”’)\]]*$/u;
const UNUSUAL_SPACE = /[\t\n\v\f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;
const SPACE_RUN = /[\s\u00a0\u200b\ufeff]+/g;

const SAMPLES = [
  '', '.', '...', '…', 'Hello.', 'Hello', 'He said "yes."', 'He said “yes.”', 'Really?!', 'Wait…', 'Wait... ', 'Wait…  ”',
  'Read more...)', 'A. B. C', 'e.g. this', 'Ends (with a bracket.)', 'Ends with a bracket.)]', '3.14 is pi', 'Why?»', 'Done! ',
  '終わり。', '本当？」', 'これは文です。次の文！', 'Dots.. two', 'Tab\tafter.', 'Space\u00a0after. x', 'x.\u2003y', 'Quote.’ Next',
  'no end', 'trailing space . ', 'ellipsis in … middle', 'Cut off … ’', 'Cut off ...\u00a0"',
  'यह एक वाक्य है। यह दूसरा', 'दो वाक्य॥', 'هل هذا صحيح؟ نعم', 'هل هذا صحيح؟', 'اردو جملہ۔', 'ይህ ነው።', 'Հայերեն։)', 'Mid।word',
];

describe('character scans agree with the patterns they replace', () => {
  it.each(SAMPLES)('sentence end and marks: %j', (text) => {
    const m = measure({ text, lower: text.toLowerCase(), words: words(text.toLowerCase()) }, new Set());
    expect(m.endsLikeSentence).toBe(SENTENCE_END.test(text));
    expect(m.sentenceMarks).toBe(text.match(SENTENCE_MARK)?.length ?? 0);
  });

  it.each(SAMPLES)('truncation: %j', (text) => {
    expect(isTruncated(text)).toBe(TRUNCATED.test(text));
  });

  it.each([...SAMPLES, '  two  spaces ', '\tTabbed', 'nb\u00a0sp', 'zero\u200bwidth', 'ideographic\u3000space', 'plain line'])(
    'white space folding: %j',
    (line) => {
      const expected = UNUSUAL_SPACE.test(line) ? line.replace(SPACE_RUN, ' ').trim() : line.trim();
      expect(collapseWhitespace(line)).toBe(expected);
    },
  );
});
