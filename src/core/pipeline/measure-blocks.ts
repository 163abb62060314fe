// Measures every block once: length, words, stop-word density in the page's language, sentence
// punctuation, capitalisation, digits. Rules and the content classifier read these numbers instead of
// re-scanning the text.
import { detectedLanguageIndex, FNV_START, fnvStep, nextWordsHash, stopWordIndex, stopWordSet, wordsHash } from '../text/stopwords.js';
import { charClass, isAsciiWordChar, isLetterAt, isMostlyUnspaced, isUnspacedScriptCode, isWhiteSpace, LETTER, OTHER } from '../text/tokens.js';
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

/**
 * Adds the stop words to the measures splitBlocks took (scanLine), now that the page's language is known.
 * For a detected language they are counted from the stop-word groups recorded while splitting; a language
 * forced from outside that set is looked up word by word.
 */
export function measureBlocks(page: Page): void {
  const { blocks, measures } = page;
  const language = detectedLanguageIndex(page.language);
  const groups = page.stopWordGroups;
  if (language >= 0 && groups) {
    const member = stopWordIndex().groupsOfLanguage(language);
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      let stop = 0;
      for (let k = block.stopWordsFrom; k < block.stopWordsTo; k++) stop += member[groups[k]!]!;
      setStopWords(measures[i]!, stop);
    }
  } else {
    const stopWords = stopWordSet(page.language);
    for (let i = 0; i < blocks.length; i++) setStopWords(measures[i]!, countStopWords(blocks[i]!.words, stopWords));
  }
}

function countStopWords(words: readonly string[], stopWords: { has(word: string): boolean }): number {
  let stop = 0;
  for (const word of words) if (stopWords.has(word)) stop++;
  return stop;
}

function setStopWords(m: Measures, stop: number): void {
  const density = m.words > 0 ? stop / m.words : 0;
  m.stopWords = stop;
  m.stopWordDensity = density;
  m.relativeStopWordDensity = density;
}

/** Measures one block from its word list: the reference for what scanLine computes in one pass. */
export function measure(block: Pick<Block, 'text' | 'lower' | 'words'> & { unspaced?: boolean }, stopWords: { has(word: string): boolean }): Measures {
  const { text, lower, words } = block;
  const unspaced = block.unspaced ?? isMostlyUnspaced(lower);
  const m = shapeMeasures(text, scanShape(text, lower), unspaced, words.length);
  setStopWords(m, countStopWords(words, stopWords));
  return m;
}

/** The stop-word groups of a page's words, in order, in one growing buffer (no array per block). */
export class StopWordSink {
  private data = new Int32Array(1024);
  length = 0;

  push(group: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = group;
  }

  groups(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** What splitBlocks fills in while scanning a line; `words` is read only for the slow path below. */
type ScannedBlock = Pick<Block, 'text' | 'lower' | 'unspaced' | 'words' | 'wordCount' | 'wordsHash' | 'stopWordsFrom' | 'stopWordsTo'>;

/**
 * One pass over a line that does the work of isMostlyUnspaced, words() (text/tokens.ts), fnv1a on each
 * word, wordsHash, the stop-word lookup, and scanShape: it sets the block's `unspaced` flag, word count,
 * hash and stop-word range and returns its measures without stop words (measureBlocks adds those). Lines
 * cut by the segmenter (unspaced scripts) and lines whose lower-case form has another length (so that
 * positions in `text` and `lower` differ) take the slow path through the word list; the results are the same.
 */
export function scanLine(block: ScannedBlock, sink: StopWordSink): Measures {
  const { text, lower } = block;
  block.stopWordsFrom = sink.length;
  if (text.length === lower.length) {
    const measures = scanSameLength(block, text, lower, sink);
    if (measures !== undefined) {
      block.stopWordsTo = sink.length;
      return measures;
    }
    // The line is mostly in a script without spaces: forget what the fast scan recorded.
    sink.length = block.stopWordsFrom;
    block.unspaced = true;
  } else {
    block.unspaced = isMostlyUnspaced(lower);
  }
  const index = stopWordIndex();
  const words = block.words;
  for (const word of words) {
    const group = index.group(word);
    if (group >= 0) sink.push(group);
  }
  block.wordCount = words.length;
  block.wordsHash = wordsHash(words);
  block.stopWordsTo = sink.length;
  return shapeMeasures(text, scanShape(text, lower), block.unspaced, block.wordCount);
}

/**
 * The fast path of scanLine, for a line whose `lower` is `text` lower-cased position by position; undefined
 * when the line turns out to be mostly in a script without spaces (the segmenter must cut its words). This
 * is the hottest loop of a run: ASCII characters are told apart with comparisons and their lower case is
 * computed (`code | 0x20` for a letter or digit) instead of read from `lower`, no object is made per
 * character or word, and no string is read past its end (which sends V8 down a slow path).
 */
function scanSameLength(block: ScannedBlock, text: string, lower: string, sink: StopWordSink): Measures | undefined {
  const index = stopWordIndex();
  let wordStarts = 0;
  let capitalisedStarts = 0;
  let digits = 0;
  let spaces = 0;
  let lowSurrogates = 0;
  let sentenceMarks = 0;
  let previousIsWord = false;
  let unspacedChecked = false;
  let wordCount = 0;
  let start = -1;
  let wordHash = 0;
  let joinedHash = FNV_START;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let low: number;
    let isWordChar: boolean;
    if (code < 0x80) {
      // ASCII, most characters of most pages: its class, case and lower case follow from its code.
      if (code >= 0x61 ? code <= 0x7a : code >= 0x41 ? code <= 0x5a : false) {
        if (!previousIsWord) {
          wordStarts++;
          if (code <= 0x5a) capitalisedStarts++;
        }
        previousIsWord = true;
        isWordChar = true;
        low = code | 0x20;
      } else if (code >= 0x30 && code <= 0x39) {
        digits++;
        previousIsWord = true;
        isWordChar = true;
        low = code;
      } else {
        if (code === 0x20) spaces++;
        else if (code === 0x2e || code === 0x21 || code === 0x3f) {
          if (i + 1 === n || endsSentenceBefore(text.charCodeAt(i + 1))) sentenceMarks++;
        }
        previousIsWord = false;
        isWordChar = false;
        low = code;
      }
    } else {
      if (code === 0x2026) {
        if (i + 1 === n || endsSentenceBefore(text.charCodeAt(i + 1))) sentenceMarks++;
      } else if (isCjkSentenceEnd(code)) sentenceMarks++;
      if (code >= 0xdc00 && code <= 0xdfff) lowSurrogates++;
      const cls = charClass(code);
      low = lower.charCodeAt(i);
      if (cls === LETTER && !previousIsWord) {
        wordStarts++;
        if (code !== low) capitalisedStarts++;
      }
      previousIsWord = cls !== OTHER;
      isWordChar = low === code ? cls !== OTHER : low < 0x80 ? isAsciiWordChar(low) : charClass(low) !== OTHER;
      // isMostlyUnspaced(lower) can only be true when some character of `lower` is in those scripts' ranges.
      if (!unspacedChecked && isUnspacedScriptCode(low)) {
        unspacedChecked = true;
        if (isMostlyUnspaced(lower)) return undefined;
      }
    }
    // The words, as words() cuts them from `lower`.
    if (isWordChar) {
      if (start < 0) {
        start = i;
        wordHash = FNV_START;
      }
      wordHash = fnvStep(wordHash, low);
    } else if (start >= 0) {
      // An apostrophe between letters stays inside the word.
      if ((low === 0x27 || low === 0x2019) && i + 1 < n && isLetterAt(lower, i + 1) && isLetterAt(lower, i - 1)) {
        wordHash = fnvStep(wordHash, low);
        continue;
      }
      wordCount++;
      joinedHash = nextWordsHash(joinedHash, wordHash >>> 0);
      const group = index.groupAt(lower, start, i, wordHash >>> 0);
      if (group >= 0) sink.push(group);
      start = -1;
    }
  }
  if (start >= 0) {
    wordCount++;
    joinedHash = nextWordsHash(joinedHash, wordHash >>> 0);
    const group = index.groupAt(lower, start, n, wordHash >>> 0);
    if (group >= 0) sink.push(group);
  }
  block.unspaced = false;
  block.wordCount = wordCount;
  block.wordsHash = joinedHash >>> 0;
  const chars = n - lowSurrogates;
  const nonSpace = n - spaces;
  return {
    chars,
    words: wordCount,
    stopWords: 0,
    stopWordDensity: 0,
    relativeStopWordDensity: 0,
    unspaced: false,
    contentLength: chars,
    endsLikeSentence: endsLikeSentence(text),
    sentenceMarks,
    capitalisedShare: wordStarts > 0 ? capitalisedStarts / wordStarts : 0,
    digitShare: nonSpace > 0 ? digits / nonSpace : 0,
    // Neither form contains white space, so a line with a space skips the pattern.
    isLink: spaces === 0 && URL_OR_EMAIL.test(text),
  };
}

/** Whether a . ! ? or … followed by this character is a sentence mark: white space or a closing quote or bracket. */
function endsSentenceBefore(next: number): boolean {
  return isWhiteSpace(next) || isCloser(next);
}

interface Shape {
  wordStarts: number;
  capitalisedStarts: number;
  digits: number;
  nonSpace: number;
  lowSurrogates: number;
  sentenceMarks: number;
}

/** Every measure but the stop words (left at zero). */
function shapeMeasures(text: string, shape: Shape, unspaced: boolean, words: number): Measures {
  const chars = text.length - shape.lowSurrogates;
  return {
    chars,
    words,
    stopWords: 0,
    stopWordDensity: 0,
    relativeStopWordDensity: 0,
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
function scanShape(text: string, lower: string): Shape {
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
