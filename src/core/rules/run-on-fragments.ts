// run-on-fragments — Evidence: a piece of a run-on line (a page joined on one line, see
// pipeline/run-on-lines.ts) that runs on for many words without a single sentence mark. The line is cut at
// sentence ends and around runs of labels, so what remains between cuts is a sentence, a run of labels, or
// a stretch of headlines and link texts joined without punctuation ("Tesla to build factory near Berlin GM
// and UAW reach tentative contract agreement Electric cars need …"). The last kind has the stop words of
// prose and would pass for it; but writers end their sentences, and more than twenty words without a full
// stop, question or exclamation mark is headlines joined together, not the article. Unless it ends with a
// comma, an article, a preposition or a clause-opening word, or the run of labels cut out after it ends the
// sentence: then the labels were a long name inside a sentence, and the piece is its opening. A piece that
// ends with the full stop of a script the measures do not know ("।") is a sentence too. Headlines that ran
// into one another are cut apart where the next one begins ("… this guy's abs | The secret ingredient …",
// see run-on-lines' isHeadlineRestart), which leaves pieces mostly shorter than twenty words. On an English page
// (the cut looks for English words), three or more such pieces in a row count together, as the one
// stretch without a sentence mark that they are, and only the last may still open the sentence after it
// (not when yet another headline begins after it), unless all of them after the first begin with the same
// word, three or more with the piece after them (an enumeration: "… you need: a map | A torch | A whistle |
// A compass"). Otherwise the pieces are spared together when they go on into a sentence and hold at most 60
// words (an enumeration: whatever its length), and else judged alone: the cut also falls before titles and
// letter labels inside a sentence ("… the drama | This Is Us and the film | Here Comes the Sun were …",
// "vitamin | A deficiency"), whose pieces must stay. Apart from these, a piece that is a list of controls
// printed in the same words, a phrase of three or more words starting four times or more ("Share this with
// Facebook Share this with Twitter …", cut out around it by run-on-lines), is a row of buttons whatever its
// marks and stop words: the sharing bar that a page joined on one line prints inside the article. And on an
// English page, a piece longer than nearly every sentence (more than 80 words) in which ten or more times a
// capitalised word follows, with no mark between, a word in lower case that is no article, preposition or
// clause-opening word (CONTINUING_WORDS) is headlines in sentence case run together ("… apart after health
// concerns | Rachel Riley: ‘It really matters’ Susie Dent speaks out …"), whatever mark ends it (the last
// headline's "?", or the article's sentence that it ran into, which goes with it): prose puts a name after
// such a word now and then ("said Lynn"), a list of headlines at every headline's start. And a piece that
// holds a long run of labels (twelve Chinese or Japanese phrases, 24 capitalised words) is labels, whatever
// marks it holds (long-label-runs.ts). Never a piece judged alone right above a tweet's signature
// ("— Name (@handle) November 1, 2019"): that is the text of a post the article quotes, and posts are
// written without full stops often enough ("… use them whenever needed pic.twitter.com/…"); it is judged
// by its words like any other piece (see isTweetText).
import { endsWithSentenceMark, isControlList, runsIntoHeadline } from '../pipeline/run-on-lines.js';
import { longLabelRuns } from './long-label-runs.js';
import { CONTINUING_WORDS } from './patterns.js';
import { isTweetSignature } from './tweet-signature.js';
import type { Finding, Page } from '../types.js';
import type { Rule } from './rule.js';

/** Words a piece may run without a sentence mark (anywhere in it, end included) before it is taken for joined headlines. */
const MAX_WORDS_WITHOUT_MARK = 20;
/**
 * Pieces in a row, each cut off where the next headline begins, that are a list of headlines: three. Two
 * are as often a sentence with two titles or letter labels in it ("grade A … grade A minus").
 */
const MIN_HEADLINES_IN_A_ROW = 3;
/**
 * Words that one or two such pieces may hold and still be spared as a sentence's opening when they go on
 * into a sentence: 60, longer than nearly every sentence's opening. More is rather a long run of headlines
 * that ran into a title-case one ("… fluid movement | How Fast Can Gibbons Swing | Through the Forest?": a
 * piece of 62 words and one of 5 on an aeb dev page). Enumerations are not bound by it.
 */
const MAX_OPENING_WORDS = 60;

/**
 * Whether piece `i` is the opening of a sentence that a long name, cut out after it as a run of labels, goes
 * on with: the piece ends with a comma, semicolon or colon, or with an article, a preposition or a
 * clause-opening word ("… to look again at the | International Monetary Fund …"), or the name ends the
 * sentence. Headlines end with a content word.
 */
function continuesSentence(page: Page, i: number): boolean {
  const { blocks, measures } = page;
  if (blocks[i + 1]?.line !== blocks[i]!.line) return false;
  if (/[,;:]$/u.test(blocks[i]!.text)) return true;
  return measures[i + 1]!.endsLikeSentence || CONTINUING_WORDS.has(blocks[i]!.words.at(-1)!);
}

/**
 * Whether piece `i` is the text of an embedded tweet: the next piece of its line is the tweet's signature
 * (tweet-signature.ts, an em dash, a name, an @handle in brackets and a date). A feed of
 * posts in a sidebar has the same shape; the content classes and the neighbours still judge each post.
 */
function isTweetText(page: Page, i: number): boolean {
  const next = page.blocks[i + 1];
  return next !== undefined && next.line === page.blocks[i]!.line && isTweetSignature(next.text);
}

/**
 * Items of an enumeration that must begin with the same word: three. Two prove nothing, since "The" opens
 * most headlines ("… costly | The secret ingredient … | The small town that rebuilt …").
 */
const MIN_ENUMERATION_ITEMS = 3;

/**
 * Whether the pieces i+1 .. end-1, each cut off where a headline seemed to begin, all begin with the same
 * word ("A" and "An" count as one), and are MIN_ENUMERATION_ITEMS or more with the piece after them when it
 * was cut off so too (`nextRunsOn`, on the same line) and begins with that word: an enumeration inside the
 * article ("… you need: a map | A torch | A whistle | An umbrella"; "the reasons | The views | The paths |
 * The cafe"), written in parallel by one writer. A run of headlines is written by many and opens with this
 * and that ("The … | How … | Why … | This …"); two headlines that open with "The" before a sentence or a
 * headline ending with a mark that does too pass for an enumeration, and are kept.
 */
function isEnumeration(page: Page, i: number, end: number, nextRunsOn: boolean): boolean {
  const { blocks } = page;
  if (end - i < 2) return false;
  const opener = itemOpener(blocks[i + 1]!.text);
  for (let k = i + 2; k < end; k++) if (itemOpener(blocks[k]!.text) !== opener) return false;
  // The last item often ends the list's sentence, or runs into the next one: then it is the piece after them.
  const lastItem = nextRunsOn && itemOpener(blocks[end]!.text) === opener;
  return end - i - 1 + (lastItem ? 1 : 0) >= MIN_ENUMERATION_ITEMS;
}

/** The first word of a piece, "An" read as "A". */
function itemOpener(text: string): string {
  const space = text.indexOf(' ');
  const word = space < 0 ? text : text.slice(0, space);
  return word === 'An' ? 'A' : word;
}

/**
 * Words a piece may have and still be taken for one sentence. More are rare in prose: 11 of the pieces of
 * article text that the aeb dev set's BeautifulSoup dumps are cut into, most of them lists run together.
 */
const MAX_SENTENCE_WORDS = 80;
/**
 * Characters a piece of headlines run together has at most (the aeb dev set's longest has 1,400): a longer
 * one is not read word by word a second time, and is left to the other evidence.
 */
const MAX_HEADLINE_LIST_CHARS = 20_000;
/** Places in such a piece where a capitalised word runs on from a word in lower case (headlineJoins) that make it headlines run together. */
const MIN_HEADLINE_JOINS = 10;

/**
 * How many times in `text` a capitalised word follows a word in lower case that ends with a letter (no
 * mark after it but closing quotes) and is no CONTINUING_WORDS word: where one headline in sentence case ran
 * into the next. Counting stops at MIN_HEADLINE_JOINS, which is all the rule asks.
 */
function headlineJoins(text: string): number {
  const words = text.split(' ');
  let joins = 0;
  for (let k = 1; k < words.length && joins < MIN_HEADLINE_JOINS; k++) {
    const first = firstLetter(words[k]!);
    if (!isUpperCase(first)) continue;
    // A count between two headlines is passed over: a list's number ("… sting 2 Human trafficking …") or a
    // headline's comments ("… to stop running (185) Myles Garrett …").
    let b = k - 1;
    if (b > 0 && COUNT.test(words[b]!)) b--;
    // A headline may end with a quotation: "… at a minimum” Alex Guerrero: …".
    const before = stripQuotes(words[b]!);
    if (before === '' || !isLowerCase(before[0]!) || !isLowerCase(before[before.length - 1]!)) continue;
    if (!CONTINUING_WORDS.has(before.toLowerCase())) joins++;
  }
  return joins;
}

const QUOTES = '"\'‘’“”«»(';
/** A number standing alone, or in brackets. */
const COUNT = /^(?:\d{1,4}|\(\d{1,6}\))$/u;

/** The first character of `word` past its opening quotes and brackets ('' if none). */
function firstLetter(word: string): string {
  let i = 0;
  while (i < word.length && QUOTES.includes(word[i]!)) i++;
  return word[i] ?? '';
}

/** `word` without the quotes and brackets around it. */
function stripQuotes(word: string): string {
  let from = 0;
  let to = word.length;
  while (from < to && QUOTES.includes(word[from]!)) from++;
  while (to > from && QUOTES.includes(word[to - 1]!)) to--;
  return word.slice(from, to);
}

function isUpperCase(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLowerCase(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export const runOnFragments: Rule = {
  id: 'run-on-fragments',
  description: 'On a page joined on one line: stretches of more than twenty words without a sentence mark (headlines and links run together, also where a new headline was cut off), rows of controls printed in the same words, and long runs of labels (twelve Chinese or Japanese phrases, 24 capitalised words).',
  find(page: Page): Finding[] {
    const findings: Finding[] = longLabelRuns(page);
    const { blocks, measures } = page;
    // endsWithSentenceMark knows the full stops of more scripts than the measures do (Devanagari's "।").
    const controlLists = new Set<number>();
    for (let i = 0; i < blocks.length; i++) {
      if (!blocks[i]!.runOnPiece || !isControlList(blocks[i]!.text)) continue;
      controlLists.add(i);
      findings.push({ block: i, verdict: 'boilerplate', reason: 'a row of controls printed in the same words on a page joined on one line' });
    }
    for (let i = 0; i < blocks.length; i++) {
      if (!blocks[i]!.runOnPiece || controlLists.has(i) || page.language !== 'en' || measures[i]!.words <= MAX_SENTENCE_WORDS) continue;
      if (blocks[i]!.text.length > MAX_HEADLINE_LIST_CHARS) continue;
      if (headlineJoins(blocks[i]!.text) < MIN_HEADLINE_JOINS) continue;
      controlLists.add(i);
      findings.push({ block: i, verdict: 'boilerplate', reason: `headlines run together: ${MIN_HEADLINE_JOINS} or more run into the next in ${measures[i]!.words} words on a page joined on one line` });
    }
    const isMarkless = (i: number) => blocks[i]!.runOnPiece && !controlLists.has(i) && measures[i]!.sentenceMarks === 0 && !endsWithSentenceMark(blocks[i]!.text);
    for (let i = 0; i < blocks.length; ) {
      if (!isMarkless(i)) {
        i++;
        continue;
      }
      // Headlines run into one another (cut apart where the next begins) count as one stretch, on an English
      // page (the openers the cut looks for are English words).
      let end = i + 1;
      let words = measures[i]!.words;
      while (page.language === 'en' && end < blocks.length && blocks[end]!.line === blocks[i]!.line && isMarkless(end) && runsIntoHeadline(blocks[end - 1]!.text, blocks[end]!.text)) {
        words += measures[end]!.words;
        end++;
      }
      // Whether the piece after the stretch was cut off from it where a headline seemed to begin.
      const nextRunsOn = end < blocks.length && blocks[end]!.line === blocks[i]!.line && runsIntoHeadline(blocks[end - 1]!.text, blocks[end]!.text);
      const enumeration = isEnumeration(page, i, end, nextRunsOn);
      if (end - i >= MIN_HEADLINES_IN_A_ROW && words > MAX_WORDS_WITHOUT_MARK && !enumeration) {
        // Only the last headline may open the sentence after it, and not when a new headline begins after it too.
        for (let k = i; k < end; k++) {
          if (k === end - 1 && !nextRunsOn && continuesSentence(page, k)) continue;
          findings.push({ block: k, verdict: 'boilerplate', reason: `${end - i} headlines run together: ${words} words without a sentence end on a page joined on one line` });
        }
      } else if (!continuesSentence(page, end - 1) || (!enumeration && words > MAX_OPENING_WORDS)) {
        // Fewer are as often a sentence with titles or letter labels in it ("… received grade | A and four
        // received grade | A minus, while …"): when they go on into a sentence and are no longer than the
        // opening of one, they are spared together, and an enumeration that goes on into a sentence (its
        // last item) whatever its length; otherwise each piece is judged alone.
        for (let k = i; k < end; k++) {
          if (measures[k]!.words <= MAX_WORDS_WITHOUT_MARK || continuesSentence(page, k) || isTweetText(page, k)) continue;
          findings.push({ block: k, verdict: 'boilerplate', reason: `${measures[k]!.words} words without a sentence end on a page joined on one line` });
        }
      }
      i = end;
    }
    return findings;
  },
};
