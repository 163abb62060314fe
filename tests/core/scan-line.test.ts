// splitBlocks reads words and shape in one pass (scanLine); it must agree with the word list and with
// measure(), the straightforward reference, on every line of every fixture and on edge cases.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measure } from '../../src/core/pipeline/measure-blocks.js';
import { stopWordSet, wordsHash } from '../../src/core/text/stopwords.js';
import { words } from '../../src/core/text/tokens.js';
import { measuredPage } from '../helpers/page.js';

const EDGE_CASES = [
  "Don't stop—the 2 cats’ toys, ok?", "rock 'n' roll", "l'homme d’État", 'Größe café Привет ÀÉÎ', 'İstanbul KELVIN K', 'ﬁne ΣΑΣ',
  '城市公园将在春季重新开放。', 'これは文です。', 'Mixed 中文 and English words.', '1,234.56 and 7:45', 'x', "'quoted'", 'a’', 'emoji 😀 here!',
  '» Top Stories (12)', 'UPPER CASE LINE', 'ﾃｽﾄ full‐width ＡＢＣ',
];

function check(text: string, language?: string): void {
  const page = measuredPage(text, language);
  const list = stopWordSet(page.language);
  page.blocks.forEach((block, i) => {
    const expectedWords = words(block.lower, block.unspaced);
    expect(block.words).toEqual(expectedWords);
    expect(block.wordCount).toBe(expectedWords.length);
    expect(block.wordsHash).toBe(wordsHash(expectedWords));
    const reference = measure({ text: block.text, lower: block.lower, words: expectedWords, unspaced: block.unspaced }, list);
    // calibrate-stop-words may have scaled the relative density; compare it unscaled.
    expect({ ...page.measures[i]!, relativeStopWordDensity: reference.relativeStopWordDensity }).toEqual(reference);
  });
}

describe('scanLine agrees with words() and measure()', () => {
  it('on edge cases', () => check(EDGE_CASES.join('\n')));
  it('with a forced language outside the detected set', () => check(EDGE_CASES.join('\n'), 'af'));
  it.each(readdirSync('fixtures'))('on fixture %s', (name) => check(readFileSync(`fixtures/${name}/input.txt`, 'utf8')));
});
