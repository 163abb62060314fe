// Measures every block once: length, words, stop-word density in the page's language, sentence
// punctuation, capitalisation, digits. Rules and the content classifier read these numbers instead of
// re-scanning the text.
import { stopWordSet } from '../text/stopwords.js';
import { charClass, isMostlyUnspaced, LETTER, OTHER } from '../text/tokens.js';
import type { Block, Measures, Page } from '../types.js';

const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;
const SENTENCE_MARK = /[.!?…](?=\s|$|["'”’»)\]])|[。！？]/gu;
/**
 * A character of Chinese or Japanese carries about as much text as three Latin letters (a word is one to
 * two characters there, five letters and a space here), so length thresholds set for Latin text see
 * unspaced text at this weight.
 */
export const UNSPACED_CHAR_WEIGHT = 3;
const URL_OR_EMAIL = /^(?:(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+)$/i;

export function measureBlocks(page: Page): void {
  const stopWords = stopWordSet(page.language);
  page.measures = page.blocks.map((block) => measure(block, stopWords));
}

export function measure(block: Pick<Block, 'text' | 'lower' | 'words'>, stopWords: ReadonlySet<string>): Measures {
  const { text, lower, words } = block;
  let stop = 0;
  for (const word of words) if (stopWords.has(word)) stop++;
  const shape = scanShape(text, lower);
  const chars = text.length - shape.lowSurrogates;
  const unspaced = isMostlyUnspaced(text);
  const density = words.length > 0 ? stop / words.length : 0;
  return {
    chars,
    words: words.length,
    stopWords: stop,
    stopWordDensity: density,
    relativeStopWordDensity: density,
    unspaced,
    contentLength: unspaced ? chars * UNSPACED_CHAR_WEIGHT : chars,
    endsLikeSentence: SENTENCE_END.test(text),
    sentenceMarks: text.match(SENTENCE_MARK)?.length ?? 0,
    capitalisedShare: shape.wordStarts > 0 ? shape.capitalisedStarts / shape.wordStarts : 0,
    digitShare: shape.nonSpace > 0 ? shape.digits / shape.nonSpace : 0,
    isLink: URL_OR_EMAIL.test(text),
  };
}

/** One pass over the characters: word starts (and how many are capitals), digits, non-space characters. */
function scanShape(text: string, lower: string) {
  let wordStarts = 0;
  let capitalisedStarts = 0;
  let digits = 0;
  let nonSpace = 0;
  let lowSurrogates = 0;
  let previousIsWord = false;
  const sameLength = text.length === lower.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
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
  return { wordStarts, capitalisedStarts, digits, nonSpace, lowSurrogates };
}
