// The data that flows through the pipeline. Every step reads a `Page` and adds to it; nothing here does I/O.
import type { Thresholds } from './thresholds.js';
import type { SiteEvidence } from './site/fingerprints.js';

/** One non-empty line of the input: the unit boilerstrip keeps or drops. */
export interface Block {
  /** Position in `Page.blocks`. */
  index: number;
  /** 1-based line number in the input. */
  line: number;
  /** 1-based number of the last input line the block holds: `line`, unless wrapped lines were joined into it. */
  lastLine: number;
  /** Index of the blank-line-separated paragraph the line belongs to. */
  paragraph: number;
  /** Position of the line inside its paragraph (0 = first line). */
  lineInParagraph: number;
  /** The line with surrounding whitespace removed and inner runs of whitespace folded. */
  text: string;
  /** `text` in lower case, for case-insensitive patterns. */
  lower: string;
  /**
   * `lower` without leading punctuation and symbols and without trailing punctuation, symbols and counts:
   * "» Top Stories (12)" becomes "top stories". Whole-line phrase patterns match this form.
   */
  bare: string;
  /** Word tokens of `lower` (see text/tokens.ts); cut on first use, since most steps only need their count. */
  readonly words: string[];
  /** `words.length`, counted while splitting. */
  wordCount: number;
  /** wordsHash(words) (text/stopwords.ts): blocks with equal normalised texts have equal hashes (repeated-lines). */
  wordsHash: number;
  /** The block's stop words are `Page.stopWordGroups[stopWordsFrom .. stopWordsTo)`. */
  stopWordsFrom: number;
  stopWordsTo: number;
  /** Mostly written in a script without spaces between words (Chinese, Japanese, Thai); decides how `words` were cut. */
  unspaced: boolean;
  /** A piece of a run-on line (a page joined on one line, see pipeline/run-on-lines.ts), not a whole line. */
  runOnPiece: boolean;
}

/** Measurements of one block, taken once and shared by every rule. */
export interface Measures {
  /** Length in characters (code points), whitespace collapsed. */
  chars: number;
  /** Word tokens (for scripts without spaces: segmenter words). */
  words: number;
  stopWords: number;
  /** stopWords / words, 0 when there are no words. */
  stopWordDensity: number;
  /**
   * stopWordDensity divided by the page's stop-word coverage (see pipeline/calibrate-stop-words.ts): equal to
   * stopWordDensity where the language's list covers running text well, higher where it covers little.
   * Thresholds on "does this read like prose" use this value.
   */
  relativeStopWordDensity: number;
  /** Mostly written in a script without spaces between words (Chinese, Japanese, Thai). */
  unspaced: boolean;
  /**
   * Length in Latin-equivalent characters: `chars`, weighted for unspaced scripts, whose characters carry
   * several times the text of a Latin letter. Length thresholds compare against this.
   */
  contentLength: number;
  /** Ends like a sentence: . ! ? … (also CJK forms), possibly followed by quotes or brackets. */
  endsLikeSentence: boolean;
  /** Sentence-ending punctuation marks inside the block. */
  sentenceMarks: number;
  /** Share of words that start with an upper-case letter. */
  capitalisedShare: number;
  /** Share of non-space characters that are digits. */
  digitShare: number;
  /** Looks like a bare URL or e-mail address. */
  isLink: boolean;
}

/** How the content classifier and the rules see a block. The jusText classes, plus a final verdict. */
export type BlockClass = 'good' | 'near-good' | 'short' | 'bad';

export type Verdict = 'content' | 'boilerplate' | 'metadata';

/** What a rule says about one block. */
export interface Finding {
  block: number;
  verdict: Verdict;
  /** Short human-readable reason, shown by --explain. */
  reason: string;
  /** Metadata the block carries, for verdict 'metadata'. */
  metadata?: Partial<Metadata>;
  /** A finding that starts a run of boilerplate that no article-like text has ended yet (section openers). */
  opensSection?: boolean;
  /** The user said this block is body (--keep): no later step may drop it. */
  pinned?: boolean;
  /** The block repeats the page's title: it is the article's headline (repeated-lines). */
  repeatsTitle?: boolean;
}

export interface Metadata {
  title: string;
  author: string;
  /** ISO 8601 date (YYYY-MM-DD) when one could be read. */
  date: string;
  /** The publishing site: the name in a copyright line, or the host of a crawler's URL line. */
  site: string;
}

/** The final decision for one block. */
export interface Decision {
  kept: boolean;
  /** Id of the rule or pipeline step that decided. */
  rule: string;
  reason: string;
}

/** The page as it moves through the pipeline. */
export interface Page {
  /** The tuning values in force for this run (defaults, or StripOptions.thresholds). */
  thresholds: Thresholds;
  /**
   * The text the rules read: the input, or the input rewritten line for line (a Markdown page's links read
   * as their text: pipeline/read-markdown-links.ts) with a wrapped page's lines joined
   * (pipeline/unwrap-hard-wrapped-lines.ts).
   */
  source: string;
  /** Set when `source` is not the input as it was: where each of its lines came from. */
  lineMap?: LineMap;
  /** The page is Markdown, read with its links as their text (pipeline/read-markdown-links.ts). */
  markdown?: boolean;
  blocks: Block[];
  /** ISO 639-1 code of the stop-word list used. */
  language: string;
  /**
   * How well the stop-word list covers this page's running text, 1 = as well as for a typical European
   * language (see pipeline/calibrate-stop-words.ts).
   */
  stopWordCoverage: number;
  measures: Measures[];
  /**
   * For every word of the page (in order) that some detected language's list holds, its stop-word group
   * (see text/stopwords.ts): what language detection and stop-word counting read instead of the words.
   */
  stopWordGroups?: Int32Array;
  /** Rule findings per block (first rule to speak wins a block). */
  findings: (Finding & { rule: string })[][];
  classes: BlockClass[];
  /**
   * Blocks the neighbour pass kept only because it looked past the copies of a line the article repeats
   * between its paragraphs, such as a caption under each photo (pipeline/find-interleaved-repeats.ts);
   * --explain says so. Absent on most pages.
   */
  keptPastRepeats?: Set<number>;
  /**
   * Pieces of a page joined on one line taken for article sentences because they stand, all written as
   * sentences, between two good pieces (pipeline/find-sentences-between-prose.ts); --explain says so.
   * Absent on most pages.
   */
  sentencesBetweenProse?: Set<number>;
  decisions: Decision[];
  metadata: Partial<Metadata>;
}

/** How the lines of a rewritten `source` map to the input's. */
export interface LineMap {
  /** The input's lines, as it had them. */
  inputLines: string[];
  /** For each line of the rewritten source, the 0-based index of the first input line it holds. */
  firstLines: Int32Array;
  /** Each line of the source is the input's line of the same number, rewritten (Markdown read as text). */
  lineForLine: boolean;
  /**
   * Input lines (1) that start within a link's address: a Markdown page whose converter wrapped an address
   * over several lines (pipeline/read-markdown-links.ts). Their width is the address's, not the page's.
   */
  inAddress?: Uint8Array;
  /** On a Markdown page, each input line's characters other than white space, as read (links as their text). */
  textChars?: Uint32Array;
  /** And how many of those are the text of links. */
  linkChars?: Uint32Array;
  /** Input lines the source leaves out and the output does not print: a text browser's marks (pipeline/hide-browser-marks.ts). */
  hidden?: ReadonlySet<number>;
}

export interface StripOptions {
  /** Force the stop-word language (ISO 639-1) instead of detecting it. */
  language?: string;
  /** Rule ids to switch off: any id of `RULES`, or `main-text` to keep every region, not only the article's. */
  disabledRules?: readonly string[];
  /**
   * Lines that are body whatever the rules say (rule `user-patterns`). A string matches a whole line,
   * ignoring case, spacing and surrounding punctuation; a RegExp is tested against the line. A kept line
   * also survives main-text selection. Keep wins over drop.
   */
  keep?: readonly (string | RegExp)[];
  /** Lines that are boilerplate whatever the rules say; matched like `keep`. */
  drop?: readonly (string | RegExp)[];
  /**
   * Line counts of the page's site, from a first pass over its pages (site/fingerprints.ts): the
   * evidence of the site-repeats rule. Without it that rule is silent.
   */
  siteEvidence?: SiteEvidence;
  /** Tuning values to change (core/thresholds.ts has the list and the defaults). */
  thresholds?: Partial<Thresholds>;
}

export interface BlockReport {
  /** First and last input line (1-based, inclusive). */
  lines: [number, number];
  /** The block is a piece of a run-on line (a page joined on one line), not the whole line. */
  piece: boolean;
  text: string;
  kept: boolean;
  rule: string;
  reason: string;
}

export interface StripResult {
  /** The main text: kept paragraphs separated by one blank line, no trailing newline. */
  text: string;
  metadata: Partial<Metadata>;
  language: string;
  blocks: BlockReport[];
}
