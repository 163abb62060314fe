// Measures every block once: length, words, stop-word density in the page's language, sentence
// punctuation, capitalisation, digits. Rules and the content classifier read these numbers instead of
// re-scanning the text.
import { detectedLanguageIndex, FNV_START, fnvStep, nextWordsHash, type StopWordIndex, stopWordIndex, stopWordSet, wordsHash } from '../text/stopwords.js';
import {
  charClass, hasUnusualSpaceIn, isAsciiWordChar, isControlSpace, isMostlyUnspaced, isOtherScriptSentenceEnd, isUnspacedScriptCode, isUnusualSpace, isWhiteSpace, LETTER, LOWER_CASE_IN_CONTEXT, lowerCaseUnit, OTHER,
} from '../text/tokens.js';
import { Buffer } from 'node:buffer';
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
 * The UTF-16 code units of lines, in a typed array. The scan below reads characters from one: in its loop,
 * a typed-array read is a single load, while charCodeAt on the sliced strings that split() makes goes
 * through the engine's dispatch on string representations, and made the scan about half again as slow.
 */
export class CodeUnits {
  bytes = Buffer.allocUnsafeSlow(0);
  codes: Uint16Array = new Uint16Array(0);

  /** Makes room for `length` code units (the contents are then undefined). */
  reserve(length: number): void {
    if (this.codes.length >= length) return;
    this.bytes = Buffer.allocUnsafeSlow(Math.max(length, 2 * this.codes.length, 1024) * 2);
    this.codes = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length / 2);
  }

  /** Copies `text` to codes[at .. at + text.length). */
  write(text: string, at = 0): void {
    this.bytes.write(text, at * 2, text.length * 2, 'utf16le');
    // utf16le is little-endian; a Uint16Array reads in the machine's order.
    if (BIG_ENDIAN) this.bytes.subarray(at * 2, (at + text.length) * 2).swap16();
  }

  /** The string of codes[0 .. length). */
  read(length: number): string {
    const bytes = this.bytes.subarray(0, length * 2);
    return (BIG_ENDIAN ? Buffer.from(bytes).swap16() : bytes).toString('utf16le');
  }
}

const BIG_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

let lineUnits: CodeUnits | undefined;

/**
 * One pass over a line that does the work of isMostlyUnspaced, words() (text/tokens.ts), fnv1a on each
 * word, wordsHash, the stop-word lookup, and scanShape: it sets the block's `unspaced` flag, word count,
 * hash and stop-word range and returns its measures without stop words (measureBlocks adds those).
 * splitBlocks calls scanCodes with the line's code units already in an array; this form copies them.
 */
export function scanLine(block: ScannedBlock, sink: StopWordSink): Measures {
  lineUnits ??= new CodeUnits();
  lineUnits.reserve(block.text.length);
  lineUnits.write(block.text);
  return scanCodes(block, lineUnits.codes, 0, sink, true)!;
}

/**
 * scanLine on `block.text`, whose code units are codes[from .. from + text.length). When `textIsFinal` is
 * false the text is a trimmed line that may still hold white space collapseWhitespace would fold (split-
 * blocks.ts): the scan looks for it on the way, and returns undefined, having recorded nothing, when it
 * finds some. Lines cut by the segmenter (unspaced scripts) and lines whose lower-case form has another
 * length (so that positions in `text` and `lower` differ) take the slow path through the word list; the
 * results are the same. The scan lower-cases the code units other than ASCII in place: `codes` then holds
 * no longer the text but still its white space, line breaks, closing quotes and sentence marks, which are
 * what the callers read afterwards.
 */
export function scanCodes(block: ScannedBlock, codes: Uint16Array, from: number, sink: StopWordSink, textIsFinal: boolean): Measures | undefined {
  const text = block.text;
  block.stopWordsFrom = sink.length;
  const measures = scanFast(block, codes, from, sink, textIsFinal);
  if (typeof measures === 'object') {
    block.stopWordsTo = sink.length;
    return measures;
  }
  // Forget what the fast scan recorded.
  sink.length = block.stopWordsFrom;
  if (measures === UNUSUAL_SPACE) return undefined;
  if (measures === UNSPACED_LINE) {
    block.unspaced = true;
  } else {
    if (!textIsFinal && hasUnusualSpaceIn(codes, from, from + text.length)) return undefined;
    block.unspaced = isMostlyUnspaced(block.lower);
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
  return shapeMeasures(text, scanShape(text, block.lower), block.unspaced, block.wordCount);
}

/** What scanFast returns instead of measures when the line has white space to collapse. */
const UNUSUAL_SPACE = 1;
/** What scanFast returns instead of measures when the segmenter must cut the line's words. */
const UNSPACED_LINE = 2;
/** What scanFast returns instead of measures when the line's lower-case form has another length. */
const LENGTH_CHANGED = 3;


/**
 * The fast path of scanLine, for a line whose `lower` is `text` lower-cased position by position; a code
 * (UNUSUAL_SPACE, UNSPACED_LINE, LENGTH_CHANGED) when the line turns out to need another path.
 *
 * This is the hottest loop of a run, and is written for the JIT. Most characters are ASCII: an inner loop
 * handles them with no function call on the way through a word, since a call in a loop can make the
 * compiler keep the loop's variables in memory instead of registers. Their class, case and lower case
 * follow from their code (`code | 0x20` lower-cases a letter), so `lower` is not read, or even made, for a
 * line of ASCII. Other characters, and the apostrophes that may join a word, go to the outer loop, which
 * lower-cases them one at a time (lowerCaseUnit) and writes them back to `codes`: `lower` is made only for
 * the few whose lower case depends on the line (a surrogate, Σ, İ), or to test a line in an unspaced
 * script. Made for any line with a curly apostrophe, it cost 7 % of splitting the aeb dev pages. A word
 * is looked up in the stop-word index where it ends (lookUpWord, small enough for the compiler to inline):
 * an earlier version recorded the words in a buffer and looked them up after the loop, which measured
 * about 7 % slower over the aeb dev lines (writing and reading the records back cost more than it saved).
 */
function scanFast(block: ScannedBlock, codes: Uint16Array, from: number, sink: StopWordSink, textIsFinal: boolean): Measures | number {
  const text = block.text;
  /** block.lower, once a character whose lower case depends on the line asks for it (LOWER_CASE_IN_CONTEXT). */
  let lower: string | undefined;
  const n = text.length;
  const end = from + n;
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
  let joinedHash = FNV_START;
  /** Start of the word being read, or -1; positions are into `codes`. */
  let start = -1;
  let wordHash = 0;
  let i = from;
  while (i < end) {
    // The records are looked up a batch at a time, so that a long line needs no more room.
    for (; i < end; i++) {
      let code = codes[i]!;
      if (code <= 0x7a && ASCII_WORD_CHAR[code] === 1) {
        // A run of ASCII letters and digits, read in a loop of its own: inside it only the hash and the
        // digits change, so a character costs a load, a table look-up and a multiplication. Only the run's
        // first character can start a word (a letter after a character that is not a word character).
        if (!previousIsWord && code >= 0x41) {
          wordStarts++;
          if (code <= 0x5a) capitalisedStarts++;
        }
        previousIsWord = true;
        if (start < 0) {
          start = i;
          wordHash = FNV_START;
        }
        for (;;) {
          if (code <= 0x39) digits++;
          // `code | 0x20` lower-cases a letter and leaves a digit as it is.
          wordHash = fnvStep(wordHash, code | 0x20);
          if (i + 1 === end) break;
          code = codes[i + 1]!;
          if (code > 0x7a || ASCII_WORD_CHAR[code] !== 1) break;
          i++;
        }
      } else if (code >= 0x80 || code === 0x27) {
        break;
      } else {
        if (code === 0x20) {
          if (i > from && codes[i - 1] === 0x20 && !textIsFinal) return UNUSUAL_SPACE;
          spaces++;
        } else if (code === 0x2e || code === 0x21 || code === 0x3f) {
          if (i + 1 === end || endsSentenceBefore(codes[i + 1]!)) sentenceMarks++;
        } else if (isControlSpace(code) && !textIsFinal) {
          return UNUSUAL_SPACE;
        }
        previousIsWord = false;
        if (start >= 0) {
          joinedHash = nextWordsHash(joinedHash, wordHash >>> 0);
          lookUpWord(index, codes, start, i, wordHash >>> 0, sink);
          wordCount++;
          start = -1;
        }
      }
    }
    if (i === end) break;
    // A character other than ASCII, or an apostrophe.
    const code = codes[i]!;
    let low = code;
    let isWordChar = false;
    if (code === 0x27) {
      previousIsWord = false;
    } else {
      if (code >= 0xa0 && isUnusualSpace(code) && !textIsFinal) return UNUSUAL_SPACE;
      if (code === 0x2026 || isOtherScriptSentenceEnd(code)) {
        if (i + 1 === end || endsSentenceBefore(codes[i + 1]!)) sentenceMarks++;
      } else if (isCjkSentenceEnd(code)) sentenceMarks++;
      if (code >= 0xdc00 && code <= 0xdfff) lowSurrogates++;
      low = lowerCaseUnit(code);
      if (low === LOWER_CASE_IN_CONTEXT) {
        if (lower === undefined && (lower = lowerOfSameLength(block)) === undefined) return LENGTH_CHANGED;
        low = lower.charCodeAt(i - from);
      }
      // Lower-cased in place, for lookUpWord and the apostrophe test below (which reads the previous unit).
      codes[i] = low;
      const cls = charClass(code);
      if (cls === LETTER && !previousIsWord) {
        wordStarts++;
        if (code !== low) capitalisedStarts++;
      }
      previousIsWord = cls !== OTHER;
      isWordChar = low === code ? cls !== OTHER : low < 0x80 ? isAsciiWordChar(low) : charClass(low) !== OTHER;
      // isMostlyUnspaced(lower) can only be true when some character of `lower` is in those scripts' ranges.
      if (!unspacedChecked && isUnspacedScriptCode(low)) {
        unspacedChecked = true;
        if (lower === undefined && (lower = lowerOfSameLength(block)) === undefined) return LENGTH_CHANGED;
        // The characters before this one have been checked for white space to collapse, not the rest.
        if (isMostlyUnspaced(lower)) return !textIsFinal && hasUnusualSpaceIn(codes, i, end) ? UNUSUAL_SPACE : UNSPACED_LINE;
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
      const at = i - from;
      let joins = false;
      if ((low === 0x27 || low === 0x2019) && at + 1 < n) {
        // isLetterAt(lower, at ± 1). The previous unit is in lower case already (see above), the next not yet.
        let next = codes[i + 1]!;
        if (next >= 0x80) {
          next = lowerCaseUnit(next);
          if (next === LOWER_CASE_IN_CONTEXT) {
            if (lower === undefined && (lower = lowerOfSameLength(block)) === undefined) return LENGTH_CHANGED;
            next = lower.charCodeAt(at + 1);
          }
        }
        joins = isLetterUnit(next) && isLetterUnit(codes[i - 1]!);
      }
      if (joins) {
        wordHash = fnvStep(wordHash, low);
      } else {
        joinedHash = nextWordsHash(joinedHash, wordHash >>> 0);
        lookUpWord(index, codes, start, i, wordHash >>> 0, sink);
        wordCount++;
        start = -1;
      }
    }
    i++;
  }
  if (start >= 0) {
    joinedHash = nextWordsHash(joinedHash, wordHash >>> 0);
    lookUpWord(index, codes, start, end, wordHash >>> 0, sink);
    wordCount++;
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
    endsLikeSentence: endsLikeSentenceIn(codes, from, end),
    sentenceMarks,
    capitalisedShare: wordStarts > 0 ? capitalisedStarts / wordStarts : 0,
    digitShare: nonSpace > 0 ? digits / nonSpace : 0,
    isLink: spaces === 0 && isLink(text),
  };
}

/**
 * URL_OR_EMAIL.test(text) for a line without spaces. Neither form contains white space, so a line with a
 * space skips the pattern; a third of lines have none (menus, labels), and the pattern is tried only on
 * those that start like a URL (h, w) or hold an @.
 */
function isLink(text: string): boolean {
  const first = text.charCodeAt(0) | 0x20;
  return (first === 0x68 || first === 0x77 || text.includes('@')) && URL_OR_EMAIL.test(text);
}

/** 1 for the code units of ASCII letters and digits, up to 'z' (the scan's table, read instead of three range tests). */
const ASCII_WORD_CHAR = Uint8Array.from({ length: 0x7b }, (_, code) => (isAsciiWordChar(code) ? 1 : 0));

/** block.lower, or undefined when it has another length than the text (positions in the two then differ). */
function lowerOfSameLength(block: ScannedBlock): string | undefined {
  const lower = block.lower;
  return lower.length === block.text.length ? lower : undefined;
}

/** isLetterAt for a code unit of a lower-cased line. */
function isLetterUnit(code: number): boolean {
  return code < 0x80 ? (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) : charClass(code) === LETTER;
}

/**
 * Looks up a word scanFast has read, codes[start .. end) (its units other than ASCII lower-cased in place),
 * in the stop-word index, and pushes its group if the index holds it.
 */
function lookUpWord(index: StopWordIndex, codes: Uint16Array, start: number, end: number, hash: number, sink: StopWordSink): void {
  const group = index.groupOfCodes(codes, start, end, hash);
  if (group >= 0) sink.push(group);
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
    isLink: !text.includes(' ') && isLink(text),
  };
}

/**
 * endsLikeSentence on codes[from .. end), for scanFast: the block's text is usually a slice of the page,
 * and charCodeAt on a slice goes through the engine's dispatch on string representations.
 */
function endsLikeSentenceIn(codes: Uint16Array, from: number, end: number): boolean {
  let i = end - 1;
  while (i >= from && isCloser(codes[i]!)) i--;
  if (i < from) return false;
  const code = codes[i]!;
  return isLatinSentenceEnd(code) || isCjkSentenceEnd(code) || isOtherScriptSentenceEnd(code);
}

function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isCloser(text.charCodeAt(i))) i--;
  if (i < 0) return false;
  const code = text.charCodeAt(i);
  return isLatinSentenceEnd(code) || isCjkSentenceEnd(code) || isOtherScriptSentenceEnd(code);
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
    if (isLatinSentenceEnd(code) || isOtherScriptSentenceEnd(code)) {
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
