// teasers — Evidence: list items that advertise other articles. Their signature is a headline, a
// one-sentence summary cut off with "…" or "...", and a relative time such as "4h ago" or "Yesterday". Each
// summary is a full sentence with normal stop words, so the content classifier alone would keep it; the
// cut-off and the time stamp are what show it is a pointer to another page, not body text. A cut-off
// summary counts as a teaser when a time stamp or another cut-off summary stands close by (a list), and the
// short headline lines just above it go with it. Items of a list are separated by headlines and stamps, not
// by paragraphs: two cut-off lines with two or more sentences of running text between them are an author's
// "…" in the article, not a list, and so are cut-off lines in a row between running text and a sentence,
// unless, on a page joined on one line, one ends with "[…]", the mark blog software puts after an excerpt.
// A list of four or more headlines, each followed by a summary of one whole sentence (a section front, a
// "More from" box), is teasers without any cut-off. Some converters print each item's headline and summary
// on one line with nothing between them ("Rail Strike Called OffUnion leaders said …"): on an English page,
// where headlines are written in title case, two such lines in a row are a list of teasers, unless they sit
// between two paragraphs of prose or the glued word is a name printed elsewhere on the page ("YouTube",
// "PlayStation").
import { isLowerCase } from '../text/tokens.js';
import type { Finding, Page } from '../types.js';
import { pageTitle } from './page-title.js';
import { hasDate, isRelativeTime, itemNumber } from './patterns.js';
import { isLongProse, isProse, isTruncated } from './prose.js';
import type { Rule } from './rule.js';

/** How far (in blocks) a time stamp or a second cut-off summary may be from a summary to make it a teaser. */
const TIME_STAMP_REACH = 2;
const LIST_REACH = 8;
/**
 * Lines of running text that end a list of cut-off summaries: one uncut summary may stand among them (a
 * short one needs no cutting), but a paragraph's worth of sentences is the article.
 */
const LIST_ENDING_SENTENCES = 2;
/** Headline lines above a summary: at most this many, each at most this many words. */
const HEADLINE_LINES = 2;
const HEADLINE_MAX_WORDS = 20;
/** A line that ends like a sentence and has this many words is a sentence, not a headline or a stamp. */
const SENTENCE_MIN_WORDS = 4;
/** A date line this short next to a summary is a list item's stamp, not a sentence that mentions a date. */
const STAMP_MAX_WORDS = 6;

export const teasers: Rule = {
  id: 'teasers',
  description: 'Teaser list items: headline, summary cut off with "…", relative time such as "4h ago".',
  find(page: Page): Finding[] {
    const { blocks, measures } = page;
    const found = new Map<number, string>();
    const isStamp = (i: number): boolean => {
      const b = blocks[i];
      if (!b) return false;
      return isRelativeTime(b.text, b.lower) || (measures[i]!.words <= STAMP_MAX_WORDS && hasDate(b.text, b.lower));
    };
    const truncated = blocks.map((b, i) => measures[i]!.words >= 4 && isTruncated(b.text));
    /** Running text between two cut-off lines, two sentences or more, ends a list: items are not sentences. */
    const nearTeaser = (i: number, side: -1 | 1) => {
      let sentences = 0;
      for (let d = 1, j = i + side; d <= LIST_REACH && j >= 0 && j < blocks.length; d++, j += side) {
        if (truncated[j]) return true;
        if (isProse(blocks[j]!.text, measures[j]!) && ++sentences === LIST_ENDING_SENTENCES) return false;
      }
      return false;
    };
    const isSentence = (j: number): boolean => {
      const m = measures[j];
      return m !== undefined && m.endsLikeSentence && m.words >= SENTENCE_MIN_WORDS && !truncated[j];
    };
    const amidSentences = authorsEllipses(page, truncated, isSentence);
    blocks.forEach((b, i) => {
      if (isRelativeTime(b.text, b.lower)) found.set(i, 'relative time stamp of a list item');
    });
    for (let i = 0; i < blocks.length; i++) {
      if (!truncated[i]) continue;
      let nearStamp = false;
      for (let d = 1; d <= TIME_STAMP_REACH; d++) nearStamp ||= isStamp(i + d) || isStamp(i - d);
      if (!nearStamp && ((!nearTeaser(i, -1) && !nearTeaser(i, 1)) || amidSentences[i])) continue;
      found.set(i, nearStamp ? 'summary cut off with "…" next to a time stamp' : 'summary cut off with "…" in a list of such summaries');
      if (nearStamp) for (let d = 1; d <= TIME_STAMP_REACH; d++) if (isStamp(i + d) && !found.has(i + d)) found.set(i + d, 'time stamp of a teaser');
      for (let h = i - 1; h >= 0 && h >= i - HEADLINE_LINES; h--) {
        const m = measures[h]!;
        if (m.words > HEADLINE_MAX_WORDS || m.endsLikeSentence || truncated[h] || found.has(h)) break;
        found.set(h, 'headline of a teaser');
      }
    }
    for (const [block, reason] of headlinePairs(page)) if (!found.has(block)) found.set(block, reason);
    for (const block of gluedPairs(page)) if (!found.has(block)) found.set(block, 'headline glued to its summary, in a list of such lines');
    return [...found].map(([block, reason]) => ({ block, verdict: 'boilerplate' as const, reason }));
  },
};

/**
 * For each block, whether it is one of a run of cut-off lines between running text right before the run
 * (a long paragraph, or a sentence that is not a question) and a sentence right after it: an author's "…".
 * (A list whose headlines are questions puts a question before each summary.) Each run is looked at once.
 * On a page joined on one line every piece between two others is "between sentences", so there a run in
 * which a piece ends with "[…]" (blog software's mark after an excerpt) is not an author's: on a page of
 * lines, an author's quotation may end a paragraph with "[…]" too, and stays.
 */
function authorsEllipses(page: Page, truncated: readonly boolean[], isSentence: (i: number) => boolean): boolean[] {
  const out = new Array<boolean>(truncated.length).fill(false);
  for (let first = 0; first < truncated.length; first++) {
    if (!truncated[first]) continue;
    let last = first;
    while (truncated[last + 1]) last++;
    const before = first - 1;
    const text = page.blocks[before]?.text;
    const runningText = text !== undefined && (isLongProse(text, page.measures[before]!) || (isSentence(before) && !text.endsWith('?')));
    let excerpts = false;
    for (let i = first; i <= last && !excerpts; i++) excerpts = page.blocks[i]!.runOnPiece && endsWithExcerptMark(page.blocks[i]!.text);
    if (runningText && !excerpts && isSentence(last + 1)) out.fill(true, first, last + 1);
    first = last;
  }
  return out;
}

/** "[…]" or "[...]" at the end: the mark blog software puts after a post's excerpt (WordPress by default). */
const EXCERPT_MARK = /\[(?:…|\.\.\.)\]$/u;

export function endsWithExcerptMark(text: string): boolean {
  return text.endsWith(']') && EXCERPT_MARK.test(text);
}

/** Headline-and-summary pairs in a row that make a list of teasers. */
const MIN_PAIRS = 4;
/** A teaser's headline says what happened in a few words; "The vote" or "March 2020" heads a section. */
const PAIR_HEADLINE_MIN_WORDS = 4;
/** A teaser's summary is one sentence of at most this many words. */
const SUMMARY_MAX_WORDS = 45;

/**
 * A section front or a "More from" box without cut-offs: a headline line, then a summary of one whole
 * sentence, again and again. An article that gives each of its sections a heading writes more than one
 * sentence under most of them, heads them with a word or two, or numbers them (a listicle); a run with
 * prose on both sides is the article's, and the page title and the article's headline are never a
 * teaser's headline.
 */
function headlinePairs(page: Page): Map<number, string> {
  const { blocks, measures } = page;
  // Measures first, strings last: the test runs on every line, and most fail on their counts.
  const isPair = (i: number): boolean => {
    const h = measures[i];
    const m = measures[i + 1];
    if (i === 0 || h === undefined || m === undefined || h.words < PAIR_HEADLINE_MIN_WORDS || h.words > HEADLINE_MAX_WORDS || h.endsLikeSentence) return false;
    if (m.sentenceMarks > 1 || m.words > SUMMARY_MAX_WORDS || !isProse(blocks[i + 1]!.text, m)) return false;
    const headline = blocks[i]!.text;
    return !headline.endsWith(':') && itemNumber(headline) < 0 && !pageTitle(page).isHeadline(page, i);
  };
  const isProseAt = (i: number): boolean => i >= 0 && i < blocks.length && isProse(blocks[i]!.text, measures[i]!);
  const found = new Map<number, string>();
  for (let i = 0; i < blocks.length; ) {
    let end = i;
    while (isPair(end)) end += 2;
    if ((end - i) / 2 < MIN_PAIRS || (isProseAt(i - 1) && isProseAt(end))) {
      i = Math.max(i + 1, end);
      continue;
    }
    for (let k = i; k < end; k += 2) {
      found.set(k, 'headline of a teaser');
      found.set(k + 1, 'one-sentence summary under a headline, in a list of such pairs');
    }
    i = end;
  }
  return found;
}

/** Lines in a row, each a headline glued to its summary, that make a list of teasers. */
const MIN_GLUED_LINES = 2;
/** In a title-case headline, lower-case words are this short at most ("of", "and", "at"): a longer one ("told", "says") is a sentence's. */
const HEADLINE_LOWER_WORD_MAX = 3;
/** Share of a summary's words that start in lower case: it is a sentence, not a second headline or a name. */
const SUMMARY_MIN_LOWER_SHARE = 1 / 3;
/** A teaser's summary is a sentence or two, at most twice SUMMARY_MAX_WORDS; a longer line is a paragraph. */
const GLUED_SUMMARY_MAX_WORDS = 2 * SUMMARY_MAX_WORDS;
/**
 * The headline's last word before the glue is a whole word ("Athlete", "250,000", "Rise?"); a shorter stem
 * glued to a capital is the start of a name: "McConnell", "DeSantis", "LeBron", "iPhone". So are these
 * longer ones: "MacDonald", "FitzGerald", "VanDyke", "VonTrapp".
 */
const GLUED_WORD_MIN_CHARS = 3;
const NAME_PREFIXES = new Set(['Mac', 'Fitz', 'Van', 'Von']);
/**
 * Where a headline may end glued to the capital that starts the summary: after a lower-case letter, a
 * digit, "?", "!", ")" or a closing quote, before a capital that starts a word of letters. English letters
 * only: the rule reads English pages alone, and Unicode letter classes cost every start-up their compiling.
 * An opening quote before a capital is a point too, but the headline's last "word" is then the quote alone,
 * shorter than GLUED_WORD_MIN_CHARS. Names written in camel case ("YouTube", "PlayStation") have such a
 * point too: isGluedTeaser and gluedPairs tell them apart (see there).
 */
const GLUE_POINT = /[a-z\d?!)’”"'](?=[A-Z][a-z]*[\s,’'])/g;
const SENTENCE_INSIDE = /[.!?]\s/u;

/**
 * Blocks in runs of MIN_GLUED_LINES or more, each a title-case headline glued to a sentence (isGluedTeaser),
 * on an English page.
 * A run between two paragraphs of prose is the article's (two paragraphs that each open with a title-case
 * phrase and a camel-case name), as for headlinePairs; so is a line whose glued word is printed elsewhere
 * on the page ("YouTube" again, unglued or in another paragraph): a name, where a teaser's glue
 * ("SteakhouseA") is an accident of one line.
 */
function gluedPairs(page: Page): number[] {
  const { blocks, measures } = page;
  const found: number[] = [];
  // Title case is how English writes headlines; other languages write them as sentences, and German
  // capitalises every noun, so a title-case phrase there is no headline.
  if (page.language !== 'en') return found;
  let run: number[] = [];
  const isProseAt = (i: number): boolean => i >= 0 && i < blocks.length && isProse(blocks[i]!.text, measures[i]!);
  const endRun = () => {
    if (run.length >= MIN_GLUED_LINES && !(isProseAt(run[0]! - 1) && isProseAt(run.at(-1)! + 1))) found.push(...run);
    run = [];
  };
  const glues = blocks.map((block, i) => {
    // Counts first: most lines are too short to be a headline and a summary, or are paragraphs.
    const m = measures[i]!;
    return m.words >= PAIR_HEADLINE_MIN_WORDS + SENTENCE_MIN_WORDS - 1 && m.words <= HEADLINE_MAX_WORDS + GLUED_SUMMARY_MAX_WORDS ? gluedWord(block.text) : undefined;
  });
  const printedTwice = gluesPrintedTwice(page.source, glues);
  for (let i = 0; i < blocks.length; i++) {
    const glue = glues[i];
    if (glue === undefined || printedTwice.has(glue.word)) {
      endRun();
      continue;
    }
    run.push(i);
  }
  endRun();
  return found;
}

/** A glued word ("OffUnion") and the length of its first part ("Off"), the headline's last word. */
export interface Glue {
  word: string;
  stemLength: number;
}

/** Whether `text` is a title-case headline glued to a sentence ("Rail Strike Called OffUnion leaders said …"). */
export function isGluedTeaser(text: string): boolean {
  return gluedWord(text) !== undefined;
}

/**
 * The glued word ("OffUnion") when `text` is a title-case headline of PAIR_HEADLINE_MIN_WORDS to
 * HEADLINE_MAX_WORDS words glued, without a space, to a sentence of SENTENCE_MIN_WORDS or more words;
 * else undefined.
 */
function gluedWord(text: string): Glue | undefined {
  // The headline is title case from the line's start, so glue is looked for only up to the first word that
  // is not: in a sentence that is its second or third word, and most lines cost one short scan.
  const reachEnd = titleCaseReach(text);
  if (reachEnd === 0) return undefined;
  const reach = text.slice(0, reachEnd);
  GLUE_POINT.lastIndex = 0;
  for (let match = GLUE_POINT.exec(reach); match !== null; match = GLUE_POINT.exec(reach)) {
    const end = match.index + match[0].length;
    const head = text.slice(0, end);
    const headWords = head.split(' ').filter((w) => w !== '');
    if (headWords.length < PAIR_HEADLINE_MIN_WORDS) continue;
    if (headWords.length > HEADLINE_MAX_WORDS) return undefined;
    const stem = headWords.at(-1)!;
    if (stem.length < GLUED_WORD_MIN_CHARS || NAME_PREFIXES.has(stem) || SENTENCE_INSIDE.test(head) || !headWords.every(isTitleCaseWord)) continue;
    const tailWords = text.slice(end).split(' ').filter((w) => w !== '');
    if (tailWords.length < SENTENCE_MIN_WORDS) continue;
    const lower = tailWords.filter((w) => isLowerCase(w[0]!)).length;
    if (lower >= tailWords.length * SUMMARY_MIN_LOWER_SHARE) return { word: stem + tailWords[0]!.replace(/[,’']+$/u, ''), stemLength: stem.length };
  }
  return undefined;
}

/** Glued words up to which each is looked for in the page on its own (see gluesPrintedTwice). */
const SEARCHES_PER_PAGE = 16;

/**
 * The words of `glues` that occur at least twice in `source` (overlapping occurrences count). A few are
 * each searched for in the whole page. A page of thousands of glued lines (an archive of teasers) would
 * then be read once per line, which took a minute for a few megabytes, so there the page is read once
 * instead: every occurrence of a glued word has its glue point (the stem's last character, then a
 * capital) where the word has it, so only the places where the page has the same pair of characters are
 * compared with the words that have that pair, cut out in each of their shapes (stem and word lengths).
 * A pair is looked up as a number, without making a string: a page of base64 (an inlined image) has a
 * lower-case letter before a capital at every third character.
 */
export function gluesPrintedTwice(source: string, glues: readonly (Glue | undefined)[]): Set<string> {
  const words = new Map<string, Glue>();
  for (const glue of glues) if (glue !== undefined) words.set(glue.word, glue);
  const twice = new Set<string>();
  if (words.size <= SEARCHES_PER_PAGE) {
    for (const word of words.keys()) {
      const first = source.indexOf(word);
      if (first >= 0 && source.indexOf(word, first + 1) >= 0) twice.add(word);
    }
    return twice;
  }
  const byPair = new Map<number, { shapes: Map<number, { stemLength: number; length: number }>; words: Set<string> }>();
  for (const { word, stemLength } of words.values()) {
    const pair = pairAt(word, stemLength - 1);
    let group = byPair.get(pair);
    if (group === undefined) byPair.set(pair, (group = { shapes: new Map(), words: new Set() }));
    group.shapes.set(stemLength * 0x10000 + word.length, { stemLength, length: word.length });
    group.words.add(word);
  }
  // Where each word was first found: one occurrence may be cut out at two glue points.
  const firstAt = new Map<string, number>();
  for (let i = 0; i + 1 < source.length; i++) {
    const group = byPair.get(pairAt(source, i));
    if (group === undefined) continue;
    for (const { stemLength, length } of group.shapes.values()) {
      const start = i + 1 - stemLength;
      if (start < 0) continue;
      const candidate = source.slice(start, start + length);
      if (!group.words.has(candidate)) continue;
      const first = firstAt.get(candidate);
      if (first === undefined) firstAt.set(candidate, start);
      else if (first !== start) twice.add(candidate);
    }
  }
  return twice;
}

/** The code units at `i` and `i + 1` of `text`, as one number. */
function pairAt(text: string, i: number): number {
  return text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
}

/**
 * Where the glue may be looked for: up to the end of the first word that is not title case (whose first
 * letters may still end the headline), or the start of the word after HEADLINE_MAX_WORDS; 0 when fewer
 * than PAIR_HEADLINE_MIN_WORDS words come first, as no headline fits.
 */
function titleCaseReach(text: string): number {
  let words = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const first = text.charCodeAt(start);
      const lower = first >= 0x61 && first <= 0x7a ? true : first < 0x80 ? false : isLowerCase(text[start]!);
      if (words === HEADLINE_MAX_WORDS) return words < PAIR_HEADLINE_MIN_WORDS ? 0 : start;
      // A long lower-case word ends the title case, but a short stem at its start may be glued ("offUnion").
      if (lower && end - start > HEADLINE_LOWER_WORD_MAX) return words + 1 < PAIR_HEADLINE_MIN_WORDS ? 0 : Math.min(end + 1, text.length);
      words++;
    }
    start = end + 1;
  }
  return words < PAIR_HEADLINE_MIN_WORDS ? 0 : text.length;
}

function isTitleCaseWord(word: string): boolean {
  return !isLowerCase(word[0]!) || word.length <= HEADLINE_LOWER_WORD_MAX;
}
