// A run-on line is a whole page, or a large part of one, printed without line breaks: what a converter
// writes when it joins all of a page's text with spaces (BeautifulSoup's get_text(' ') and scrapers built
// on it). Such a line holds the menus, the article and the footer at once, so keeping or dropping it whole
// is wrong either way. It is cut into pieces that stand in for the page's blocks, and the rules judge the
// pieces as they judge lines.
//
// Which lines: 1,000 characters or more, holding a menu run, eight capitalised words in a row with no
// sentence end, comma or semicolon among them (numbers between them neither count nor break the run). A
// menu makes such a run and a paragraph, however long, rarely does (its lists of names have commas); a
// summary printed on one long line is a paragraph, and cutting it would only let its sentences be compared
// one by one with their copies in the article. Scripts without case have no capitals to tell a menu by:
// there 24 words in a row without a sentence end, comma or semicolon make the run, on a line with three
// sentence ends or more that holds most of its page (a page joined on one line; a long paragraph of a page
// printed in lines holds less); in Chinese and Japanese, which write a sentence without spaces, so that a
// space stands between labels, 12 such words make the run. A menu reaches that length; so does a long sentence now and then (a
// quotation, a list of places), and such a line is then cut at its sentence ends, each sentence judged
// alone (classify-by-content keeps a run of them together where stop words cannot tell).
//
// Where they are cut:
//   - around the items of an enumeration inside a sentence piece, before the other cuts: numbers counting up
//     from 1 with the same mark ("1) … 2) … 3) …") or a date and a dash ("June 9 – … June 10 – …"), three
//     times or more (cut-enumerations.ts). Each item is a piece as it stands, as it is a line in other dumps
//     (the label-run cut would cut its title-case words in two); the text before the list and the last
//     item, which may run into the next block, are cut as any piece is (a shopping list's last item after
//     its link). keep-introduced-lists keeps the list where it follows the article;
//   - at sentence ends: a full stop, question or exclamation mark or ellipsis (or a run of them, as in a
//     teaser cut off with ".."), also of other scripts ("।"), then a space and a character that is not a
//     lower-case letter; or a Chinese or Japanese full stop and a space (pieces are joined again with a
//     space, so a cut must be at one). Not after an initial ("J."), an ordinal ("12.") or a common
//     abbreviation ("Mr.", "Nov.", "tsp."), nor before a number;
//   - around label runs inside a sentence piece: five or more words in a row that do not start with a
//     lower-case letter ("Home News Sport Weather Travel", a title-case headline, "Rating: 36 Votes"; a
//     looser run than the menu run above). Menus and headlines are written as labels and prose mostly in
//     lower case, so a change of case is where one block of the page gives way to the next. Words in
//     scripts without case read as lower case. Not a run after a word in lower case that holds two commas
//     after names or standing alone ("founding members Tom Johnston, Michael McDonald, Pat Simmons and …",
//     "representing Yobe North , Ahmad Lawan , on Tuesday"): names listed in a sentence, which a menu does
//     not write (a date's commas, after a number, a weekday or a month, do not count); labels after the
//     list's last comma are a run still ("filed under Harbour, Ferry, Islands, Winter Home News Sport …");
//   - after a posting stamp (a clock time with a date or a relative time just before it, "November 19,
//     2019 at 7:19 am", "2 days ago at 07:52 am"), unless the sentence goes on in lower case, and after a
//     commenter's "says:" that such a stamp follows: where a comment, a byline or a post in a feed begins;
//   - around a stretch of four to forty words printed twice in a row: a doubled headline, as teaser lists
//     print them, which the repeated-lines rule then sees as two equal pieces;
//   - around a list of controls printed in the same words: a phrase of three or more words that starts four
//     times or more, each time within a few words of the last ("Share this with Facebook Share this with
//     Twitter …", "Click to share on Reddit (Opens in new window) Click to print (Opens in new window) …").
//     A row of buttons is labelled so; a writer does not repeat a phrase that often inside one sentence.
//     run-on-fragments drops the list (isControlList);
//   - around the heading of a box of other content run in between the text before it and its first title
//     ("… crush protests | Top stories | Armenian church …", "… the plague. | READ MORE: | China …"): a
//     phrase of the section-openers list, capitalised, with a capitalised word after it, not after a
//     breadcrumb's separator (cut-section-headings.ts), so that the section-openers rule sees the heading;
//   - around twelve Chinese or Japanese phrases in a row, separated by spaces only, with no sentence end,
//     comma or semicolon among them, half of them at least in these scripts (cut-unspaced-label-runs.ts):
//     labels, which the cut at label runs, looking for capitals, leaves glued to the sentence after them;
//   - before a photo gallery's slide counter ("… (Jane Roe/AP) | 3 of 4 A shopper looks …") after a credit's
//     bracket, a sentence mark or the gallery's count, so that each caption starts its piece with its
//     counter, as it starts its line in other dumps (cut-slide-counters.ts);
//   - after a photo's credit in brackets ("… the plague (Image: Getty) | The plague wiped out …") before a
//     capitalised word: the credit ends its caption, and the word starts the next block (cut-after-credits.ts);
//   - before a headline's first word run on from the one before ("… this guy's abs | The secret ingredient
//     that …"): an English article, demonstrative or question word, capitalised, right after a word in
//     lower case with no punctuation (isHeadlineRestart). Prose writes these words in lower case inside a
//     sentence and ends its sentences with a mark, so the stretch before is a headline that ran into the
//     next one. Not after a word a headline does not end with ("in The Washington Post"), nor where an
//     article opens a name ("The Hollywood Reporter"). Titles and labels inside a sentence are cut too
//     ("vitamin | A deficiency"); run-on-fragments takes pieces for headlines only three or more in a row.
//   - last, around each copy of the page's title (its start up to a separator, "Headline | Site"), undoing
//     the cuts inside a copy: the article's headline, glued to the breadcrumb before it and the byline after
//     it, becomes a piece that repeats the title, as its line does in other dumps, so that main-text
//     selection finds where the article starts (cut-title-repeats.ts).
// No cut falls inside a pair of round brackets a few words apart ("Kospi Index ( KOSPI ) fell 0.5%"): what
// they hold belongs to the words around them (insideBrackets).
// Pieces are contiguous and separated by one space, so a line whose pieces are all kept renders unchanged
// (pipeline/render.ts).

import { CONTINUING_WORDS, endsWithRelativeTime, findDate, MONTH_NAME, WRITER_VERBS } from '../rules/patterns.js';
import { patternOnFirstUse } from '../text/native-regexp.js';
import { creditCuts } from './cut-after-credits.js';
import { findEnumerations } from './cut-enumerations.js';
import { sectionHeadingCuts } from './cut-section-headings.js';
import { slideCounterCuts } from './cut-slide-counters.js';
import { cutAroundSpans, titleHeads, type TitleHeads, titleRepeatSpans } from './cut-title-repeats.js';
import { hasUnspacedScript, unspacedLabelRunCuts, unspacedLabelRunSpans } from './cut-unspaced-label-runs.js';
import { FNV_START, fnvStep } from '../text/stopwords.js';
import { charClass, isAsciiDigit, isWhiteSpace, LETTER, OTHER_SCRIPT_SENTENCE_MARKS } from '../text/tokens.js';

/**
 * Lines shorter than this are never cut: a page joined on one line is longer, and shorter lines are left
 * whole as the dumps print them. Longer ones are rare otherwise (12 of the aeb dev set's 17,000 html-text
 * lines: two long paragraphs, and menus printed on one line).
 */
export const RUN_ON_MIN_CHARS = 1000;
/**
 * Capitalised words in a row that make a line a run-on line. The aeb dev set's pages joined on one line
 * have 9 or more; of 505 stretches of its and the portal set's gold article text, joined into lines of 1,000
 * characters, 18 have 8 (lists of tour dates and products, title-case headings), and cutting those is
 * mostly harmless: their pieces are kept together.
 */
const MIN_MENU_RUN = 8;
/**
 * Words in a row that make a line in a script without case (Korean, Arabic, Hindi) a run-on line, counting
 * capitalised words too ("전체뉴스 TV일반 드라마 예능 …"): such scripts have no capitals to tell a menu by, so
 * the run is a stretch of words with no sentence end, comma or semicolon, longer than most sentences. The
 * aeb dev set's Korean pages joined on one line have runs of 49 and 52 words (the title and the menu).
 */
const MIN_CASELESS_MENU_RUN = 24;
/**
 * Sentence ends a line needs before a caseless run makes it a run-on line: its text is then cut only at
 * sentence ends, so a line without them (Thai marks none; a list) gains nothing from the cut, and its
 * pieces would only be judged as fragments of a joined page.
 */
const MIN_CASELESS_SENTENCES = 3;
/**
 * The same for words of Chinese and Japanese, which write a sentence without spaces: a space there stands
 * between labels ("HOME 商標登録の基礎知識 サービスのご案内 お客様の声 ブログ"), so a shorter run is a menu
 * (capitalised words count too, as for MIN_CASELESS_MENU_RUN).
 */
export const MIN_UNSPACED_MENU_RUN = 12;
/**
 * Capitalised words in a row that are cut out of a sentence piece as labels. Fewer are a name or a title
 * inside a sentence ("the San Francisco Chronicle"); a menu or a title-case headline has more.
 */
const MIN_CUT_RUN = 5;
/**
 * Commas after names that make a run after a word in lower case a list of names in a sentence, not labels:
 * two. One is as often a headline's ("Iran Hands Out Cash, Backs Pro-Regime Rallies") run on after the one
 * before; a list names three people or places or more.
 */
const MIN_LISTED_NAMES = 2;

/**
 * Abbreviations whose full stop is not a sentence's end (lower case), in the languages the stop-word lists
 * cover best. Initials are caught by their length, ordinals by their digits; words that also end sentences
 * ("no", "art", "Jan") are left out, since before a number no full stop ends a sentence anyway.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'nr', 'gen', 'sen', 'rep',
  'gov', 'lt', 'col', 'sgt', 'capt', 'mt', 'ft', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'approx', 'dept', 'fig', 'vol', 'pp', 'ca', 'bzw', 'usw', 'vgl', 'sra', 'mme', 'mlle', 'tsp', 'tbsp', 'oz', 'lb',
  'lbs', 'hr', 'hrs', 'sec', 'pt', 'pts', 'eds', 'rev', 'ave', 'blvd', 'rd', 'univ', 'assn', 'maj', 'adm',
  'cpl', 'pvt', 'mio', 'mrd', 'abs', 'jh', 'ing', 'str', 'hrsg', 'dipl', 'févr', 'janv', 'avr', 'juil', 'déc',
  'ee', 'uu', 'hon', 'rt', 'млн', 'млрд', 'тыс', 'ул',
]);

/**
 * The pieces of a run-on line (already trimmed, white space folded to single spaces), in order; the line
 * itself, alone, when it is shorter than RUN_ON_MIN_CHARS or has nowhere to be cut. `mostOfPage`: whether
 * the line holds most of its page's text (holdsMostOfPage), as a page joined on one line does; only such a
 * line is cut for a caseless run (MIN_CASELESS_MENU_RUN), since a long paragraph of a page printed in lines
 * may have a sentence that long and has nothing to gain from the cut. It may be given as a function, called
 * only when the answer matters: counting a page's characters costs a pass over the whole page, and most
 * long lines are decided without it (a menu run of capitals, or no caseless run). `titleOf`: the parts of
 * the page's title that its headline may repeat (cut-title-repeats.ts), asked only of a line that is cut;
 * by default read off the line itself, as the page's first line.
 */
/**
 * Share of a page's text a line must hold to be read as the page joined on one line (for the caseless
 * cut): two thirds. A page printed in lines puts its menus, headings and footer on lines of their own, so
 * even a long paragraph holds less, unless the page is little more than that paragraph.
 */
const JOINED_PAGE_SHARE = 2 / 3;

/**
 * Whether `line` holds JOINED_PAGE_SHARE of its page's text, both counted in characters other than white
 * space (textChars), so that line endings, indentation and blank lines do not change the answer.
 * `pageChars` is textChars of the whole page, counted once by the caller for all its long lines.
 */
export function holdsMostOfPage(line: string, pageChars: number): boolean {
  return textChars(line) >= pageChars * JOINED_PAGE_SHARE;
}

/** Characters of `text` other than white space (and the zero-width space, which collapseWhitespace folds too). */
export function textChars(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isWhiteSpace(code) && code !== 0x200b) n++;
  }
  return n;
}

export function runOnPieces(line: string, mostOfPage: boolean | (() => boolean) = true, titleOf: (line: string) => TitleHeads = (line) => ({ heads: titleHeads(line), printedAgain: () => false })): string[] {
  if (line.length < RUN_ON_MIN_CHARS || !hasMenuRun(line, mostOfPage)) return [line];
  const pieces: string[] = [];
  for (const sentence of sentencePieces(line)) {
    const words = wordsOf(sentence);
    const enumerations = findEnumerations(sentence, words);
    if (enumerations.length === 0) {
      cutPiece(sentence, pieces, words);
      continue;
    }
    // An enumeration's items are pieces as they stand; the text around them is cut as any piece is.
    let from = 0;
    for (const { starts, lastEnd, lastMaxEnd } of enumerations) {
      if (starts[0]! > from) cutPiece(sentence.slice(from, starts[0]! - 1), pieces);
      for (let i = 0; i + 1 < starts.length; i++) pieces.push(sentence.slice(starts[i], starts[i + 1]! - 1));
      from = starts.at(-1)!;
      if (lastEnd > 0) {
        pieces.push(sentence.slice(from, lastEnd));
        from = lastEnd + 1;
      } else if (lastMaxEnd < sentence.length) {
        // The last item has at most as many words as the longest before it; the words after it are cut apart.
        cutPiece(sentence.slice(from, lastMaxEnd), pieces);
        from = lastMaxEnd + 1;
      }
    }
    if (from < sentence.length) cutPiece(sentence.slice(from), pieces);
  }
  if (wordBuffers.starts.length > MAX_KEPT_WORDS) wordBuffers = wordArrays(256);
  const titleSpans = titleRepeatSpans(line, titleOf(line));
  return titleSpans.length > 0 ? cutAroundSpans(line, pieces, titleSpans) : pieces;
}

/**
 * Adds to `pieces` the pieces of `sentence`, a sentence piece of a run-on line or a part of one, cut by the
 * steps (see the comment at the top); `words` are its words, when the caller has them.
 */
function cutPiece(sentence: string, pieces: string[], words = wordsOf(sentence)): void {
  let from = 0;
  const found: number[] = [];
  labelRunCuts(sentence, words, found);
  restartCuts(sentence, words, found);
  stampCuts(sentence, found);
  doublingCuts(sentence, words, found);
  sectionHeadingCuts(sentence, words, found);
  unspacedLabelRunCuts(sentence, words, found);
  slideCounterCuts(sentence, words, found);
  creditCuts(sentence, words, found);

  for (const [from, to] of controlListSpans(sentence, words)) {
    if (from > 0) found.push(words.starts[from]!);
    if (to < words.count) found.push(words.starts[to]!);
  }
  const cuts = found.length > 1 ? [...new Set(found)].sort((a, b) => a - b) : found;
  for (const cut of cuts) {
    if (insideBrackets(sentence, cut)) continue;
    pieces.push(sentence.slice(from, cut - 1));
    from = cut;
  }
  pieces.push(sentence.slice(from));
}

const SENTENCE_MARKS = `.!?…${OTHER_SCRIPT_SENTENCE_MARKS}`;
const UNSPACED_SENTENCE_MARKS = '。！？';
const CLOSERS = '"\'”’»)]“」』）》';

/** The line cut after each sentence end (see the comment at the top): one scan, each character read a bounded number of times. */
function sentencePieces(line: string): string[] {
  const pieces: string[] = [];
  const n = line.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const code = line.charCodeAt(i);
    // Most characters are Latin, Greek or Cyrillic letters and spaces: one comparison lets them by ('?' and
    // the Armenian full stop U+0589 are the nearest marks), and the rest are told by their code, not by
    // searching the lists of marks for a one-character string (which made this scan 3 % of a pass).
    if ((code > 0x3f && code < 0x0589) || !isSentenceMarkCode(code)) {
      i++;
      continue;
    }
    const c = line[i]!;
    const unspaced = UNSPACED_SENTENCE_MARKS.includes(c);
    if (!unspaced && !SENTENCE_MARKS.includes(c)) {
      i++;
      continue;
    }
    const markAt = i;
    let j = i + 1;
    while (j < n && (SENTENCE_MARKS.includes(line[j]!) || UNSPACED_SENTENCE_MARKS.includes(line[j]!))) j++;
    while (j < n && CLOSERS.includes(line[j]!)) j++;
    i = j;
    if (line[j] !== ' ' || j + 1 >= n || (!unspaced && isLowerCaseLetter(line[j + 1]!))) continue;
    // Before a number a full stop is as often an abbreviation's ("Art. 5", "48 Mio. 2019"): a missed cut only
    // leaves two pieces together, a wrong one can cut a sentence in half.
    if (line[markAt] === '.' && isAsciiDigit(line.charCodeAt(j + 1))) continue;
    if (line[markAt] === '.' && j === markAt + 1 && isAbbreviation(line, markAt)) continue;
    pieces.push(line.slice(start, j));
    start = j + 1;
  }
  // Not empty: a cut needs a character after its space.
  pieces.push(line.slice(start));
  return pieces;
}

/** Whether `code` is one of SENTENCE_MARKS or UNSPACED_SENTENCE_MARKS (exported for its test). */
export function isSentenceMarkCode(code: number): boolean {
  return SENTENCE_MARK_CODES[code] === 1;
}

/**
 * 1 at the code unit of each character of `chars` (all in the Basic Multilingual Plane): a table made from
 * a list of characters, so that a character is told by its code, with no string made of it, and the list
 * stays the one place that names them.
 */
function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

const SENTENCE_MARK_CODES = codeTable(SENTENCE_MARKS + UNSPACED_SENTENCE_MARKS);

function isLowerCaseLetter(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Whether the word before a full stop at `dot` is an initial or an abbreviation. */
function isAbbreviation(line: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && isCasedLetter(line[from - 1]!)) from--;
  if (from === dot) {
    // A number of one or two digits: an ordinal ("am 12. Oktober", "der 1. FC Köln").
    while (from > 0 && isAsciiDigit(line.charCodeAt(from - 1))) from--;
    return dot - from >= 1 && dot - from <= 2 && (from === 0 || line[from - 1] === ' ');
  }
  const word = line.slice(from, dot);
  if (word.length === 1) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function isCasedLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/**
 * Adds to `cuts` where label runs begin and end inside a piece: MIN_CUT_RUN or more words in a row that do
 * not start with a lower-case letter, unless the run follows a word in lower case and holds
 * MIN_LISTED_NAMES commas after names (endsListedName): names listed in the sentence. When words in lower case follow a run, the run's last words begin
 * them and are left out of it: its closing numbers ("… Votes Nick A | 2 days ago …"), or else its last
 * capitalised word ("… Video Game | Il black Friday incombe …").
 */
function labelRunCuts(piece: string, words: Words, cuts: number[]): void {
  const { starts, ends, cases, count: n } = words;
  if (n <= MIN_CUT_RUN) return;
  for (let k = 0; k < n; ) {
    if (cases[k] === -1) {
      k++;
      continue;
    }
    let end = k;
    // A comma or semicolon after a capitalised word, or alone, ends the run after it: names in a list ("Tom
    // Johnston, Michael McDonald, Pat Simmons", "Yobe North , Ahmad Lawan , on Tuesday"), which a menu does
    // not write. Not after a number, a weekday or a month, where a date writes one ("Wednesday, November 20,
    // 2019 Politics White House …").
    let listed = 0;
    /** The word after the list's last comma. */
    let afterList = k;
    while (end < n && cases[end] !== -1) {
      if (endsListedName(piece, words, end)) {
        listed++;
        afterList = end + 1;
      }
      end++;
    }
    // Words k .. end-1 are a run; a capitalised last word before lower case starts the sentence.
    let runEnd = end;
    if (end < n) {
      while (runEnd > k && cases[runEnd - 1] === 0) runEnd--;
      if (runEnd === end && cases[end - 1] === 1) runEnd = end - 1;
    }
    // Names listed in the sentence stay in it; capitalised words after the list's last name, no number among
    // them, are a run still (a list of tags or places that a menu follows, "filed under Harbour, Ferry,
    // Islands, Winter Home News Sport …"; not a list of dates and places, "Tampa, FL June 14 -- …").
    const from = listed >= MIN_LISTED_NAMES && k > 0 && cases[k - 1] === -1 ? (allCapitalised(cases, afterList, runEnd) ? afterList : runEnd) : k;
    if (runEnd - from >= MIN_CUT_RUN) {
      if (from > 0) cuts.push(starts[from]!);
      if (runEnd < n) cuts.push(starts[runEnd]!);
    }
    k = end;
  }
}

/** Whether words from .. to-1 all start with a capital. */
function allCapitalised(cases: Words['cases'], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (cases[k] !== 1) return false;
  return true;
}

/** A weekday or a month, which a date follows with a comma ("Wednesday, November 20, 2019"). */
const DATE_NAME = patternOnFirstUse(String.raw`^(?:${MONTH_NAME}|mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,$`, 'iu');

/** Whether word `k` is a capitalised word other than a weekday or a month that ends with a comma or semicolon, or such a mark alone. */
function endsListedName(piece: string, words: Words, k: number): boolean {
  const end = words.ends[k]!;
  const last = piece.charCodeAt(end - 1);
  if (last !== 0x2c && last !== 0x3b) return false;
  if (end - words.starts[k]! === 1) return true;
  if (words.cases[k] !== 1) return false;
  const word = piece.slice(words.starts[k]!, end);
  return !DATE_NAME(word).test(word);
}

/**
 * Words that open headlines and sentences and that prose writes in lower case inside a sentence: articles,
 * demonstratives and question words (lower case). English only: English writes titles of works in title
 * case ("This Is Us"), which the label-run cut and the article rule below leave alone, while French,
 * Spanish, Italian, Portuguese and Dutch write them in sentence case ("le film La vita è bella"), where a
 * capitalised article after a word in lower case is as often a title inside a sentence as a new headline;
 * German capitalises every noun, so its articles always stand before a capital. ("A" is matched whatever
 * the language: a Portuguese headline may start with it too.) In the gold article text of the aeb dev and
 * portal sets (109,000 words, each paragraph joined on one line), one of these words, capitalised, follows
 * a word in lower case once inside a paragraph ("compiled The 13 Hottest Attorneys-General"), and 17 times
 * across paragraphs, after a subheading or a paragraph that ends without a full stop. Titles and letter
 * labels inside a sentence ("Here Comes the Sun", "vitamin A deficiency") are cut too; run-on-fragments
 * takes pieces for headlines only when three or more run together.
 */
const HEADLINE_OPENERS = new Set(['the', 'a', 'an', 'this', 'these', 'how', 'why', 'what', 'when', 'where', 'who', 'here', 'there']);
/** The articles among them: followed by a capitalised word, they open a name ("The Hollywood Reporter"), not a headline. */
const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * Whether `word` begins a new headline after `before`, the word just before it on a page joined on one
 * line (see the comment at the top): `word` is a HEADLINE_OPENERS word, capitalised; `before` is in lower
 * case, ends with a letter, not a mark, and is no word a headline does not end with (CONTINUING_WORDS); and
 * an article is not followed by a capitalised word (`nextCapitalised`), where it opens a name.
 */
export function isHeadlineRestart(before: string, word: string, nextCapitalised: boolean): boolean {
  const lower = word.toLowerCase();
  if (!HEADLINE_OPENERS.has(lower) || word[0] === lower[0] || word.slice(1) !== lower.slice(1)) return false;
  if (nextCapitalised && ARTICLES.has(lower)) return false;
  const last = before[before.length - 1] ?? '';
  return isLowerCaseLetter(before[0] ?? '') && isLowerCaseLetter(last) && !CONTINUING_WORDS.has(before.toLowerCase());
}

/** Whether piece `after` begins a new headline run on from piece `before` (cut there by restartCuts). */
export function runsIntoHeadline(before: string, after: string): boolean {
  const firstSpace = after.indexOf(' ');
  const word = firstSpace < 0 ? after : after.slice(0, firstSpace);
  const nextCapitalised = firstSpace >= 0 && wordCase(after, firstSpace + 1) === 1;
  return isHeadlineRestart(before.slice(before.lastIndexOf(' ') + 1), word, nextCapitalised);
}

/** Adds to `cuts` the start of each word that begins a new headline (isHeadlineRestart). */
function restartCuts(piece: string, words: Words, cuts: number[]): void {
  const { starts, ends, cases, count: n } = words;
  for (let k = 1; k < n; k++) {
    // A cheap test before the words are sliced out: isHeadlineRestart asks it again of the strings.
    if (cases[k] !== 1 || cases[k - 1] !== -1) continue;
    const before = piece.slice(starts[k - 1]!, ends[k - 1]!);
    if (isHeadlineRestart(before, piece.slice(starts[k]!, ends[k]!), k + 1 < n && cases[k + 1] === 1)) cuts.push(starts[k]!);
  }
}

/** The words of a piece (runs of characters between spaces): where each starts and ends, its case, a hash of it. */
export interface Words {
  /** The arrays hold `count` words (they may be longer). */
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** 1 capitalised, -1 lower case, 0 no cased letter first (numbers, symbols, scripts without case): wordCase. */
  cases: Int8Array;
  /** FNV-1a of the word's code units, to find a word's earlier copies without making a string of each. */
  hashes: Int32Array;
}

/** The arrays of wordsOf, reused from piece to piece (a page joined on one line has thousands of pieces). */
let wordBuffers = wordArrays(256);
/** Buffers grown past this many words for one long piece are not kept for the next line. */
const MAX_KEPT_WORDS = 1 << 14;

function wordArrays(size: number): Words {
  return { count: 0, starts: new Int32Array(size), ends: new Int32Array(size), cases: new Int8Array(size), hashes: new Int32Array(size) };
}

/**
 * The words of `piece`, in arrays that the next call overwrites. Without `readCases` their cases are left
 * unset: isControlList, which reads none, runs on every piece of a page joined on one line, and over the
 * 8,571 pieces of the aeb dev pages it took 13 ms a pass reading each word's case, 4.5 ms without.
 */
function wordsOf(piece: string, readCases = true): Words {
  let words = wordBuffers;
  // A piece of n characters has at most n / 2 + 1 words.
  const room = (piece.length >> 1) + 1;
  if (words.starts.length < room) {
    const size = Math.max(room, words.starts.length * 2);
    words = wordBuffers = wordArrays(size);
  }
  let k = 0;
  // Spaces are told by their code: piece[i] made a string of each character.
  for (let i = 0; i < piece.length; ) {
    while (i < piece.length && piece.charCodeAt(i) === 0x20) i++;
    if (i >= piece.length) break;
    words.starts[k] = i;
    if (readCases) words.cases[k] = wordCase(piece, i);
    let hash = FNV_START;
    for (; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      if (code === 0x20) break;
      hash = fnvStep(hash, code);
    }
    words.ends[k] = i;
    words.hashes[k] = hash;
    k++;
  }
  words.count = k;
  return words;
}

/**
 * A map from 32-bit hashes (of words, or of phrases) to numbers from 0 up, for doublingCuts and
 * controlListSpans: open addressing in typed arrays, kept from piece to piece. They used Maps, which hold a
 * hash outside 31 bits as a heap number: the two were a quarter of runOnPieces' time over the long lines of
 * the aeb dev pages.
 */
class HashSlots {
  private keys = new Int32Array(0);
  /** The value plus one for each slot; 0 for a free slot. */
  private values = new Int32Array(0);
  private shift = 32;
  private mask = 0;

  /** Empties the map, with room for `entries` keys at most half filling it. */
  reset(entries: number): this {
    let bits = 6;
    while (1 << bits < entries * 2) bits++;
    const size = 1 << bits;
    if (this.keys.length < size || this.keys.length > Math.max(size, MAX_KEPT_WORDS * 2)) {
      this.keys = new Int32Array(size);
      this.values = new Int32Array(size);
    } else this.values.fill(0, 0, size);
    this.shift = 32 - bits;
    this.mask = size - 1;
    return this;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const value = this.values[slot]!;
      if (value === 0 || this.keys[slot] === key) return value - 1;
    }
  }

  /** Sets the value of `key` and returns the one it had, or -1. */
  set(key: number, value: number): number {
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const old = this.values[slot]!;
      if (old === 0 || this.keys[slot] === key) {
        this.keys[slot] = key;
        this.values[slot] = value + 1;
        return old - 1;
      }
    }
  }

  private slotOf(key: number): number {
    // Fibonacci hashing: the top bits of the product, which every bit of the key reaches.
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }
}

const lastSeenSlots = new HashSlots();
const chainSlots = new HashSlots();

/** The chains of controlListSpans, by number, in arrays kept from piece to piece. */
interface Chains {
  from: Int32Array;
  last: Int32Array;
  repeats: Int32Array;
  span: Int32Array;
}
let chainBuffers: Chains | undefined;

/** Arrays for `count` chains (their contents left from the last piece). */
function chainArrays(count: number): Chains {
  if (chainBuffers === undefined || chainBuffers.from.length < count || chainBuffers.from.length > Math.max(count, MAX_KEPT_WORDS)) {
    const size = Math.max(count, 256);
    chainBuffers = { from: new Int32Array(size), last: new Int32Array(size), repeats: new Int32Array(size), span: new Int32Array(size) };
  }
  return chainBuffers;
}

/** Words a doubled stretch has at least: fewer repeat in prose ("very, very"). */
const MIN_DOUBLED_WORDS = 4;

/**
 * Words a doubled stretch has at most: a headline's length. The bound also keeps the search linear, since
 * each candidate is compared word by word.
 */
const MAX_DOUBLED_WORDS = 40;

/**
 * Adds to `cuts` where a stretch of words is printed twice in a row inside a piece ("Stock indexes edge
 * down Stock indexes edge down …"): a headline doubled, as pages print their teaser lists. Cut before and
 * after each copy, so that the repeated-lines rule sees two equal pieces.
 */
function doublingCuts(piece: string, words: Words, cuts: number[]): void {
  const { starts, ends, hashes, count: n } = words;
  if (n < 2 * MIN_DOUBLED_WORDS) return;
  const same = (j: number, k: number) => hashes[j] === hashes[k] && ends[j]! - starts[j]! === ends[k]! - starts[k]! && piece.startsWith(piece.slice(starts[j]!, ends[j]!), starts[k]!);
  /** Where a word of each hash was last seen: a doubled stretch of length L has word k equal to word k - L. */
  const lastSeen = lastSeenSlots.reset(n);
  for (let k = 0; k < n; k++) {
    const previous = lastSeen.set(hashes[k]!, k);
    if (previous < 0) continue;
    const length = k - previous;
    if (length < MIN_DOUBLED_WORDS || length > MAX_DOUBLED_WORDS || k + length > n) continue;
    let doubled = true;
    for (let m = 0; m < length && doubled; m++) doubled = same(previous + m, k + m);
    if (!doubled) continue;
    if (previous > 0) cuts.push(starts[previous]!);
    cuts.push(starts[k]!);
    if (k + length < n) cuts.push(starts[k + length]!);
    k += length - 1;
  }
}

/** Words a repeated phrase has at least (a row of controls: "Share this with", "(Opens in new window)"). */
const MIN_PHRASE_WORDS = 3;
/** Times the phrase starts in a row of controls: four. Three turn up in prose ("a love song … a love song … and a love song"). */
const MIN_PHRASE_REPEATS = 4;
/** Words at most between one copy of the phrase and the next (the control's own label, "Facebook"). */
const MAX_PHRASE_GAP = 8;

/** Words of a control's label after each copy of the phrase, taken after the last copy too ("Share this with | Email"). */
const MAX_LABEL_AFTER_PHRASE = 2;

/**
 * Where a piece holds a list of controls printed in the same words (see the comment at the top): spans of
 * word indices [from, to), in order and apart. A span runs from the first copy of a phrase of MIN_PHRASE_WORDS
 * words that starts MIN_PHRASE_REPEATS times or more, each within MAX_PHRASE_GAP words of the last copy's end,
 * to the end of its last copy, the copy taken as long as it matches the one before ("(Opens in new" grows to
 * "(Opens in new window)") and with its label when the copies are a word or two apart; spans within MAX_PHRASE_GAP words of each other are one. One pass over the
 * words, each copy compared word by word over a bounded length.
 */
function controlListSpans(piece: string, words: Words): [number, number][] {
  const { starts, ends, hashes, count: n } = words;
  if (n < MIN_PHRASE_WORDS * MIN_PHRASE_REPEATS) return [];
  const same = (j: number, k: number) => hashes[j] === hashes[k] && ends[j]! - starts[j]! === ends[k]! - starts[k]! && piece.startsWith(piece.slice(starts[j]!, ends[j]!), starts[k]!);
  /**
   * For each phrase's hash its chain of copies so far: chains.from, .last, .repeats and .span (an index into
   * `spans`, or -1) are where the chain began, its last copy, its copies and its span, by chain number.
   */
  const chainOfPhrase = chainSlots.reset(n);
  const chains = chainArrays(n);
  let chainCount = 0;
  const spans: [number, number][] = [];
  for (let k = 0; k + MIN_PHRASE_WORDS <= n; k++) {
    let hash = hashes[k]!;
    for (let m = 1; m < MIN_PHRASE_WORDS; m++) hash = Math.imul(hash, 0x01000193) ^ hashes[k + m]!;
    const chain = chainOfPhrase.get(hash);
    if (chain >= 0 && k - chains.last[chain]! < MIN_PHRASE_WORDS) continue;
    let copies = chain >= 0 && k - chains.last[chain]! - MIN_PHRASE_WORDS <= MAX_PHRASE_GAP;
    for (let m = 0; m < MIN_PHRASE_WORDS && copies; m++) copies = same(chains.last[chain]! + m, k + m);
    if (!copies) {
      const started = chainCount++;
      chains.from[started] = chains.last[started] = k;
      chains.repeats[started] = 1;
      chains.span[started] = -1;
      chainOfPhrase.set(hash, started);
      continue;
    }
    const previous = chains.last[chain]!;
    chains.last[chain] = k;
    if (++chains.repeats[chain]! < MIN_PHRASE_REPEATS) continue;
    // The copy is as long as it matches the one before, short of reaching it.
    let length = MIN_PHRASE_WORDS;
    while (previous + length < k && k + length < n && same(previous + length, k + length)) length++;
    // And a label of a word or two after each copy ("Share this with | Email") goes with the last one too.
    const label = k - previous - length;
    if (label <= MAX_LABEL_AFTER_PHRASE) length = Math.min(length + label, n - k);
    const span = chains.span[chain]!;
    if (span < 0) {
      chains.span[chain] = spans.length;
      spans.push([chains.from[chain]!, k + length]);
    } else spans[span]![1] = Math.max(spans[span]![1], k + length);
  }
  if (spans.length === 0) return [];
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged.at(-1);
    if (last !== undefined && from <= last[1] + MAX_PHRASE_GAP) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Characters a list of controls has at most: some twenty buttons of "Click to share on … (Opens in new window)". */
const MAX_CONTROL_LIST_CHARS = 2000;

/** Whether `piece` is, all but a word or two, a list of controls printed in the same words (controlListSpans): a piece cut out around one. */
export function isControlList(piece: string): boolean {
  // A bar of buttons is a few hundred characters; a longer piece is not read a second time.
  if (piece.length > MAX_CONTROL_LIST_CHARS) return false;
  const words = wordsOf(piece, false);
  const spans = controlListSpans(piece, words);
  return spans.length === 1 && spans[0]![0] <= 2 && spans[0]![1] >= words.count - 2;
}

/** A clock time, "7:19", "10:31 pm", "19:02:11", "2:30 Uhr", "3:00 PM ET", ending before a space. */
const CLOCK_TIME = /(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?: ?[aApP]\.? ?[mM]\.?)?(?: (?:Uhr|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|MEZ|MESZ))?(?= )/gu;
/** A comment's header, "jane42 says:": the verb of saying and its colon, before a space. */
const SAYS = patternOnFirstUse(String.raw`(?<= )${WRITER_VERBS}:(?= )`, 'giu');
/** Words between a posting stamp's day and its clock time (comment-headers' AT_CLOCK has the same). */
const STAMP_JOINERS = new Set(['at', '@', 'um', 'à', 'a las', 'alle', 'às', 'om', 'o', 'в', '-', '|', '·', '•']);
/** How far after a commenter's "says:" the stamp of the comment comes ("jane says: November 19, 2019 at 7:19 am"). */
const SAYS_STAMP_WINDOW = 60;
/** How far before a clock time a date makes it a posting stamp. */
const STAMP_DATE_WINDOW = 40;

/**
 * Adds to `cuts` where posting stamps end inside a piece: after a clock time with a date or a relative time
 * shortly before it ("November 19, 2019 at 7:19 am", "2 days ago at 07:52 am"). A comment, a byline or a
 * post in a feed starts after its stamp.
 */
function stampCuts(piece: string, cuts: number[]): void {
  if (!piece.includes(':')) return;
  const stamps: number[] = [];
  for (const match of piece.matchAll(CLOCK_TIME)) {
    if (!isStampBefore(piece, match.index)) continue;
    stamps.push(match.index);
    const next = match.index + match[0].length + 1;
    // "On November 19, 2019 at 7:19 am the river burst …": a sentence goes on after its own date.
    if (wordCase(piece, next) !== -1) cuts.push(next);
  }
  if (stamps.length === 0) return;
  // "Scholz said: Germany will …" is a sentence; a commenter's "says:" is followed by the comment's stamp.
  for (const match of piece.matchAll(SAYS(piece))) {
    const next = match.index + match[0].length + 1;
    if (stamps.some((at) => at > next && at <= next + SAYS_STAMP_WINDOW)) cuts.push(next);
  }
}

/** Whether a date, or a relative time ("2 days ago", "yesterday"), and maybe a joiner ("at") come just before `clockAt`. */
function isStampBefore(piece: string, clockAt: number): boolean {
  const before = piece.slice(Math.max(0, clockAt - STAMP_DATE_WINDOW), clockAt);
  if (findDate(before) !== null) return true;
  const text = before.trimEnd().replace(/,$/u, '');
  if (endsWithRelativeTime(text)) return true;
  // Or the relative time, then a joiner: "2 days ago at", "hier à", "vor 3 Stunden um".
  const lastSpace = text.lastIndexOf(' ');
  if (lastSpace <= 0) return false;
  if (STAMP_JOINERS.has(text.slice(lastSpace + 1).toLowerCase())) return endsWithRelativeTime(text.slice(0, lastSpace));
  // A joiner of two words: "hace 2 días a las".
  const spaceBefore = text.lastIndexOf(' ', lastSpace - 1);
  return spaceBefore > 0 && STAMP_JOINERS.has(text.slice(spaceBefore + 1).toLowerCase()) && endsWithRelativeTime(text.slice(0, spaceBefore));
}

/**
 * Whether MIN_MENU_RUN capitalised words stand in a row, with nothing but numbers and symbols between them
 * and none of them ending a sentence; or, on a line that holds most of its page and has
 * MIN_CASELESS_SENTENCES sentence ends, whether MIN_CASELESS_MENU_RUN words that are capitalised or in a
 * script without case do (see there).
 */
function hasMenuRun(line: string, mostOfPage: boolean | (() => boolean)): boolean {
  const runs = scanRuns(line, true);
  if (runs.capitalised) return true;
  if (!runs.caseless || runs.sentenceEnds < MIN_CASELESS_SENTENCES) return false;
  return typeof mostOfPage === 'function' ? mostOfPage() : mostOfPage;
}

/**
 * Whether a piece holds MIN_CASELESS_MENU_RUN words in a row that are capitalised or in a script without
 * case, with no sentence end, comma or semicolon among them: a menu, or the rare sentence that long.
 */
export function holdsCaselessRun(piece: string): boolean {
  return scanRuns(piece, false).caseless;
}

/**
 * Whether a piece holds MIN_UNSPACED_MENU_RUN phrases in a row, half of them at least Chinese or Japanese
 * (unspacedLabelRunSpans), or MIN_CASELESS_MENU_RUN capitalised words, with no sentence end, comma or
 * semicolon among them: labels (long-label-runs). Not
 * the MIN_CASELESS_MENU_RUN words of a script without case that holdsCaselessRun also counts: Korean, Hindi
 * or Arabic write their sentences with spaces, and one that long turns up now and then.
 */
export function holdsLabelRun(piece: string): boolean {
  // Counting the capitalised words first is cheaper than scanning a piece that has too few of them.
  const capitalised = countCapitalisedWords(piece) >= MIN_CASELESS_MENU_RUN;
  return (capitalised && scanRuns(piece, false).longCapitalised) || (hasUnspacedScript(piece) && unspacedLabelRunSpans(piece, wordsOf(piece)).length > 0);
}

/** Words of `piece` that wordCase reads as capitalised: a bound on any run of them, counted without reading the words out. */
function countCapitalisedWords(piece: string): number {
  let n = 0;
  for (let i = 0; i < piece.length; i++) {
    if (i > 0 && piece.charCodeAt(i - 1) !== 0x20) continue;
    let at = i;
    // Past the openers; an ASCII character is told by its code, without a string made of it.
    for (; at < piece.length; at++) {
      const opening = piece.charCodeAt(at);
      if (opening < 0x80 ? !isAsciiOpener(opening) : !OPENERS.includes(piece[at]!)) break;
    }
    const code = piece.charCodeAt(at);
    // As wordCase reads it: an ASCII capital, or a letter whose lower case differs and which is its own upper case.
    if (code < 0x80 ? code >= 0x41 && code <= 0x5a : wordCase(piece, at) === 1) n++;
  }
  return n;
}

/** What hasMenuRun reads off a line in one pass; with `stopAtCapitalised`, the pass ends at a run of capitals. */
function scanRuns(line: string, stopAtCapitalised: boolean): { capitalised: boolean; caseless: boolean; longCapitalised: boolean; sentenceEnds: number } {
  let run = 0;
  let caselessRun = 0;
  let unspacedRun = 0;
  let capitalised = false;
  let caseless = false;
  let longCapitalised = false;
  let sentenceEnds = 0;
  for (let i = 0; i < line.length; ) {
    while (i < line.length && line[i] === ' ') i++;
    if (i >= line.length) break;
    const wordStart = i;
    while (i < line.length && line[i] !== ' ') i++;
    const wordCaseAt = wordCase(line, wordStart);
    const ends = endsSentence(line, i);
    if (ends) sentenceEnds++;
    const isCaseless = wordCaseAt === -1 && isCaselessWord(line, wordStart);
    if (wordCaseAt === -1 && !isCaseless) {
      run = 0;
      caselessRun = unspacedRun = 0;
      continue;
    }
    // Numbers and symbols neither count nor break the run: a line of figures is no menu. A word without
    // case breaks the run of capitals, as a word in lower case does.
    if (isCaseless) run = 0;
    else if (wordCaseAt === 1 && ++run >= MIN_MENU_RUN) {
      capitalised = true;
      if (run >= MIN_CASELESS_MENU_RUN) longCapitalised = true;
      if (stopAtCapitalised) break;
    }
    // A word of a script written without spaces holds whole clauses: a comma or full stop inside it ends the run.
    if (isCaseless && hasMarkInside(line, wordStart, i)) caselessRun = unspacedRun = 0;
    else if (wordCaseAt !== 0) {
      if (++caselessRun >= MIN_CASELESS_MENU_RUN) caseless = true;
      // Chinese and Japanese put no space between words: a space stands between phrases and labels.
      if (isCaseless && !isUnspacedWord(line, wordStart)) unspacedRun = 0;
      else if (++unspacedRun >= MIN_UNSPACED_MENU_RUN) caseless = true;
    }
    if (ends || endsClause(line, i)) {
      run = 0;
      caselessRun = unspacedRun = 0;
    }
  }
  return { capitalised, caseless, longCapitalised, sentenceEnds };
}

/** Characters that open a word before its first letter: quotes and brackets. */
const OPENERS = '"\'“‘«„‚‹([「『《〈【（';

const OPENER_CODES = codeTable(OPENERS);

/** Whether an ASCII `code` is one of OPENERS (" ' ( [). */
function isAsciiOpener(code: number): boolean {
  return OPENER_CODES[code] === 1;
}

/**
 * Whether the word at `at` starts with a letter of a script without case (Korean, Arabic, Hindi, Thai,
 * Chinese). Not an emoji or another character outside the Basic Multilingual Plane (a surrogate pair), which
 * the tokeniser takes for letters.
 */
export function isCaselessWord(piece: string, at: number): boolean {
  for (let i = at; i < piece.length && piece[i] !== ' '; i++) {
    const code = piece.charCodeAt(i);
    // An ASCII character is never a letter without case (see wordCase).
    if (code < 0x80) {
      if (isAsciiOpener(code)) continue;
      return false;
    }
    const ch = piece[i]!;
    if (OPENERS.includes(ch)) continue;
    return (code < 0xd800 || code > 0xdfff) && ch.toLowerCase() === ch.toUpperCase() && charClass(code) === LETTER;
  }
  return false;
}

/** Whether the word at `at` starts with a Chinese character, hiragana or katakana (past opening quotes and brackets). */
export function isUnspacedWord(piece: string, at: number): boolean {
  for (let i = at; i < piece.length && piece[i] !== ' '; i++) {
    if (OPENERS.includes(piece[i]!)) continue;
    const code = piece.charCodeAt(i);
    return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);
  }
  return false;
}

/** Whether a sentence mark, comma or semicolon stands inside piece[from, to) before its last character. */
export function hasMarkInside(piece: string, from: number, to: number): boolean {
  for (let i = from; i < to - 1; i++) {
    const ch = piece[i]!;
    if (CLAUSE_MARKS.includes(ch) || SENTENCE_MARKS.includes(ch) || UNSPACED_SENTENCE_MARKS.includes(ch)) return true;
  }
  return false;
}

/** Whether `text` ends with a sentence mark of any script cut here, maybe followed by closing quotes or brackets. */
export function endsWithSentenceMark(text: string): boolean {
  return endsSentence(text, text.length);
}

/** Whether the word ending before `end` ends in a sentence mark, maybe followed by closing quotes or brackets. */
export function endsSentence(line: string, end: number): boolean {
  const last = lastBeforeClosers(line, end);
  return SENTENCE_MARKS.includes(last) || UNSPACED_SENTENCE_MARKS.includes(last);
}

/** Commas and semicolons of the scripts the caseless run reads (Arabic, Chinese and Japanese, full-width). */
const CLAUSE_MARKS = ',;،؛、，；';

/** Whether the word ending before `end` ends with a comma or semicolon: names in a list, not a menu. */
export function endsClause(line: string, end: number): boolean {
  return CLAUSE_MARKS.includes(lastBeforeClosers(line, end));
}

/** The last character before `end` that is not a closing quote or bracket ('' if none). */
function lastBeforeClosers(line: string, end: number): string {
  let i = end - 1;
  while (i > 0 && CLOSERS.includes(line[i]!)) i--;
  return line[i] ?? '';
}

/** The case of a word's first letter, looking past opening quotes and brackets. */
function wordCase(piece: string, at: number): number {
  for (let i = at; i < piece.length && piece[i] !== ' '; i++) {
    const code = piece.charCodeAt(i);
    // What the test below gives an ASCII character, without the two case-mapped strings per word: read this
    // way, runOnPieces over the 120 lines of 1,000 characters or more of the aeb dev pages took 11 % less.
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) return 1;
      if (code >= 0x61 && code <= 0x7a) return -1;
      if (isAsciiOpener(code)) continue;
      return 0;
    }
    const ch = piece[i]!;
    if (ch.toLowerCase() === ch.toUpperCase()) {
      if (OPENERS.includes(ch)) continue;
      // A letter without case (Korean, Arabic, Chinese) is read as lower case: text, not a label.
      return charClass(ch.charCodeAt(0)) === LETTER ? -1 : 0;
    }
    return ch === ch.toUpperCase() ? 1 : -1;
  }
  return 0;
}

/** Characters a pair of brackets may span for a cut inside it to be undone. */
const MAX_BRACKETED_CHARS = 80;

/**
 * Whether the cut at `at` falls inside a pair of round brackets of `piece` at most MAX_BRACKETED_CHARS
 * apart: the bracket opened before the cut (and not closed before it) closes after it, with no other
 * opened between. A name and its ticker ("Kospi Index ( KOSPI ) fell", a converter printing the link
 * with a space inside each bracket), a photo's credit ("(Image credit: Future/SpaceX/Blue Origin, Sierra
 * Nevada)") are one phrase, which no menu or teaser list splits; the label-run cut, taking the capitalised
 * words for labels and the bracket for a number, cut them in two.
 */
function insideBrackets(piece: string, at: number): boolean {
  // Read in place, within reach of the cut only: a long piece has many cuts and few brackets.
  const reach = Math.max(0, at - MAX_BRACKETED_CHARS);
  let open = at - 1;
  while (open >= reach && piece.charCodeAt(open) !== 0x28) {
    if (piece.charCodeAt(open) === 0x29) return false;
    open--;
  }
  if (open < reach) return false;
  for (let close = at, stop = Math.min(piece.length, open + MAX_BRACKETED_CHARS + 1); close < stop; close++) {
    const code = piece.charCodeAt(close);
    if (code === 0x28) return false;
    if (code === 0x29) return true;
  }
  return false;
}

