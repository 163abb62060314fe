// Measures every block once: length, words, stop-word density in the page's language, sentence
// punctuation, capitalisation, digits. Rules and the content classifier read these numbers instead of
// re-scanning the text.
import { stopWordTable } from '../text/stopwords.js';
import { charClass, isMostlyUnspaced, isWhiteSpace, LETTER, OTHER } from '../text/tokens.js';
import type { Block, Measures, Page } from '../types.js';

// Sentence punctuation is found by one scan over the characters (see scanShape) rather than by regular
// expressions: a `…$` pattern is tried at every position of a long line. The scan implements
//   ends like a sentence:  /[.!?…。！？]["'”’»)\]]*$/u
//   sentence marks:        /[.!?…](?=\s|$|["'”’»)\]])|[。！？]/gu
/**
 * A character of Chinese or Japanese carries about as much text as three Latin letters (a word is one to
 * two characters there, five letters and a space here), so length thresholds set for Latin text see
 * unspaced text at this weight.
 */
export const UNSPACED_CHAR_WEIGHT = 3;
const URL_OR_EMAIL = /^(?:(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+)$/i;

export function measureBlocks(page: Page): void {
  const stopWords = stopWordTable(page.language);
  page.measures = page.blocks.map((block) => measure(block, stopWords));
}

export function measure(block: Pick<Block, 'text' | 'lower' | 'words'> & { unspaced?: boolean }, stopWords: { has(word: string): boolean }): Measures {
  const { text, lower, words } = block;
  let stop = 0;
  for (const word of words) if (stopWords.has(word)) stop++;
  const shape = scanShape(text, lower);
  const chars = text.length - shape.lowSurrogates;
  const unspaced = block.unspaced ?? isMostlyUnspaced(lower);
  const density = words.length > 0 ? stop / words.length : 0;
  return {
    chars,
    words: words.length,
    stopWords: stop,
    stopWordDensity: density,
    relativeStopWordDensity: density,
    unspaced,
    contentLength: unspaced ? chars * UNSPACED_CHAR_WEIGHT : chars,
    endsLikeSentence: endsLikeSentence(text),
    sentenceMarks: shape.sentenceMarks,
    capitalisedShare: shape.wordStarts > 0 ? shape.capitalisedStarts / shape.wordStarts : 0,
    digitShare: shape.nonSpace > 0 ? shape.digits / shape.nonSpace : 0,
    // Neither form contains white space, so a line with a space skips the pattern.
    isLink: !text.includes(' ') && URL_OR_EMAIL.test(text),
  };
}

function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isCloser(text.charCodeAt(i))) i--;
  return i >= 0 && (isLatinSentenceEnd(text.charCodeAt(i)) || isCjkSentenceEnd(text.charCodeAt(i)));
}

/** . ! ? … */
function isLatinSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
}

/** 。！？ */
function isCjkSentenceEnd(code: number): boolean {
  return code === 0x3002 || code === 0xff01 || code === 0xff1f;
}

/** Quotes and brackets that may follow a sentence's end: " ' ” ’ » ) ] */
function isCloser(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x201d || code === 0x2019 || code === 0xbb || code === 0x29 || code === 0x5d;
}

/**
 * One pass over the characters: word starts (and how many are capitals), digits, non-space characters,
 * sentence marks.
 */
function scanShape(text: string, lower: string) {
  let wordStarts = 0;
  let capitalisedStarts = 0;
  let digits = 0;
  let nonSpace = 0;
  let lowSurrogates = 0;
  let sentenceMarks = 0;
  let previousIsWord = false;
  const sameLength = text.length === lower.length;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (isLatinSentenceEnd(code)) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      if (next < 0 || isWhiteSpace(next) || isCloser(next)) sentenceMarks++;
    } else if (isCjkSentenceEnd(code)) sentenceMarks++;
    if (code >= 0xdc00 && code <= 0xdfff) lowSurrogates++;
    if (code !== 0x20) nonSpace++;
    const cls = charClass(code);
    if (code >= 0x30 && code <= 0x39) digits++;
    if (cls === LETTER && !previousIsWord) {
      wordStarts++;
      if (sameLength && code !== lower.charCodeAt(i)) capitalisedStarts++;
    }
    previousIsWord = cls !== OTHER;
  }
  return { wordStarts, capitalisedStarts, digits, nonSpace, lowSurrogates, sentenceMarks };
}
