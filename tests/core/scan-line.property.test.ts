// splitBlocks scans lines from a typed array with an ASCII fast path, falls back for white space to
// collapse, unspaced scripts and lines whose lower case changes length, and makes `lower` and `bare` on
// first use. On arbitrary text it must give what the straightforward reference gives: the blocks of the
// split-and-collapse definition, words(), wordsHash and measure().
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newPage } from '../../src/core/page.js';
import { measure } from '../../src/core/pipeline/measure-blocks.js';
import { bareForm, collapseWhitespace, splitBlocks } from '../../src/core/pipeline/split-blocks.js';
import { runOnPieces } from '../../src/core/pipeline/run-on-lines.js';
import { NOT_A_STOP_WORD, stopWordIndex, stopWordSet, wordsHash } from '../../src/core/text/stopwords.js';
import { isMostlyUnspaced, words } from '../../src/core/text/tokens.js';

/** Characters each path of the scan treats specially, and some that no path should. */
const UNITS = [
  'a', 'z', 'A', 'Z', 'q', 'Q', '0', '9', ' ', ' ', ' ', "'", '’', '.', '!', '?', '…', '。', '！', '？', '"', '”', '»', ')', ']', '(', '-', '@', ':',
  '\t', '\v', '\f', '\r', '\n', '\r\n', '\u00a0', '\u200b', '\u2003', '\u3000', '\ufeff', '\u2028', '\u0085', '\u001c',
  'é', 'É', 'ß', 'İ', 'Σ', 'ς', 'K', 'ﬁ', 'ё', 'Ж', 'ا', '।', '؟', '॥', 'ह', '\u0301', '中', '文', 'の', 'ก', '한', '\ud83d\ude00', '\ud800', '\udc00', '＄', 'Ａ',
  'the', 'The', 'THE', 'and', 'daß', 'Daß', 'muß', 'été', 'ÉTÉ', 'über', 'Über', 'это', 'для', "don't", 'l’homme', 'of', 'der', 'и', 'www.example.com', 'WWW.X.ORG', 'a@b.cd', 'http://x.y/z', 'HTTPS://X.Y',
];

const line = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 30 });
const text = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'));

function expectReference(input: string): void {
  const page = newPage(input);
  splitBlocks(page);
  // The blocks as splitting the input at its line breaks and collapsing each line gives them, with their
  // line numbers and paragraphs (splitBlocks finds the line ends itself, and cuts a string only for a block).
  const expectedBlocks: { text: string; line: number; paragraph: number; lineInParagraph: number }[] = [];
  let paragraph = 0;
  let lineInParagraph = 0;
  let previousBlank = true;
  input.split(/\r\n|\r|\n/u).forEach((raw, i) => {
    const text = collapseWhitespace(raw);
    if (text === '') {
      if (!previousBlank) paragraph++;
      previousBlank = true;
      lineInParagraph = 0;
      return;
    }
    expectedBlocks.push({ text, line: i + 1, paragraph, lineInParagraph: lineInParagraph++ });
    previousBlank = false;
  });
  expect(page.blocks.map(({ text, line, paragraph, lineInParagraph }) => ({ text, line, paragraph, lineInParagraph }))).toEqual(expectedBlocks);
  expect(page.blocks.map((b) => b.index)).toEqual(page.blocks.map((_, i) => i));
  const index = stopWordIndex();
  const groups = page.stopWordGroups ?? new Int32Array(0);
  page.blocks.forEach((block, i) => {
    const lower = block.text.toLowerCase();
    expect(block.lower).toBe(lower);
    expect(block.bare).toBe(bareForm(lower));
    expect(block.unspaced).toBe(isMostlyUnspaced(lower));
    const expectedWords = words(lower, block.unspaced);
    expect(block.words).toEqual(expectedWords);
    expect(block.wordCount).toBe(expectedWords.length);
    expect(block.wordsHash).toBe(wordsHash(expectedWords));
    const expectedGroups = expectedWords.map((w) => index.group(w)).filter((g) => g !== NOT_A_STOP_WORD);
    expect([...groups.subarray(block.stopWordsFrom, block.stopWordsTo)]).toEqual(expectedGroups);
    const reference = measure({ text: block.text, lower, words: expectedWords, unspaced: block.unspaced }, stopWordSet('en'));
    // splitBlocks leaves the stop words to measureBlocks.
    expect({ ...page.measures[i]!, stopWords: reference.stopWords, stopWordDensity: reference.stopWordDensity, relativeStopWordDensity: reference.relativeStopWordDensity }).toEqual(reference);
  });
}

describe('splitBlocks agrees with the reference on arbitrary text', () => {
  it('for lines of characters each path treats specially', () => {
    fc.assert(fc.property(text, expectReference), { numRuns: 1000 });
  });

  it('for blank lines, trailing line breaks and every kind of line ending', () => {
    for (const input of ['', '\n', '\n\n', 'a', 'a\n', '\na', 'a\n\nb\n', 'a\r\nb\rc\n\r\nd\r', '  a  \n\t\n b\n\n\n c', 'a\r\n\r\nb\r\n']) expectReference(input);
  });

  it('for lines of 1,000 characters or more, whose white space is folded before they are read for run-on pieces', () => {
    // Lower-case words only: no run of capitals, so the run-on cut leaves each line whole.
    const spacing = ['word', 'été', 'x', ' ', '  ', '\t', '\v', '\f', '\u00a0', '\u200b', '\u2003', '\u3000', '\ufeff', '\u2028', '\u0085'];
    const part = fc.string({ unit: fc.constantFrom(...spacing), maxLength: 40 });
    const longLine = fc.tuple(part, part, part).map(([a, b, c]) => `${a}${'y'.repeat(500)}${b}${'z'.repeat(500)}${c}`);
    fc.assert(fc.property(fc.array(longLine, { minLength: 1, maxLength: 3 }), (lines) => expectReference(lines.join('\n'))), { numRuns: 300 });
  });

  it('for the pieces of a page joined on one line, cut from the line with its white space folded', () => {
    const menu = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
    const spacing = ['word', 'Word', 'été', 'x.', ' ', '  ', '\t', '\u00a0', '\u200b', '\u2003', '\u3000', '\ufeff'];
    const part = fc.string({ unit: fc.constantFrom(...spacing), maxLength: 40 });
    const joined = fc.tuple(part, part, part).map(([a, b, c]) => `${a}${menu}${b}. ${'Some words of a sentence here. '.repeat(40)}${c}`);
    fc.assert(
      fc.property(joined, (line) => {
        const page = newPage(line);
        splitBlocks(page);
        expect(page.blocks.map((b) => b.text)).toEqual(runOnPieces(collapseWhitespace(line)));
      }),
      { numRuns: 300 },
    );
  });

  it('for a line longer than the window the page is copied in', () => {
    expectReference(`${'word '.repeat(20_000)}The end.\nnext line\n${'中文'.repeat(40_000)}\nlast`);
  });
});
