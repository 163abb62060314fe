// Regular expressions that several rules share, compiled once. The case-insensitive ones are written in
// lower case and matched against the lower-cased line (lower-case-pattern.ts): with the `i` flag, the
// month names alone took ~20 ms to compile on first use.
import { isAsciiDigit } from '../text/tokens.js';
import { LowerCasePattern } from './lower-case-pattern.js';

const UNITS_EN =
  '(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?|y|yrs?|years?)';

/** Verbs of saying that follow a commenter's name in a comment's header ("jane42 says:"), in several languages. */
export const WRITER_VERBS = String.raw`(?:says|said|wrote|writes|replied|commented|sagt|schrieb|dit|a écrit|dice|escribió|scrive|ha scritto|diz|escreveu|schreef|napisał\(a\)|napisał|пишет|написал)`;

/** A relative time: "4h ago", "59m ago", "2 days ago", "Yesterday", "vor 3 Stunden". */
const RELATIVE_TIME_FORMS =
  '(?:(?:updated|posted|published)\\s+)?(?:' +
    [
      `(?:\\d+|an?|one)\\s*${UNITS_EN}\\.?\\s+ago`,
      'just now', 'yesterday', 'today', 'moments? ago',
      'vor\\s+(?:\\d+|einer?|einem)\\s+(?:sek(?:unden?)?|min(?:uten?)?|std|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)', 'gestern', 'heute',
      'il y a\\s+(?:\\d+|une?)\\s+(?:s|sec(?:ondes?)?|min(?:utes?)?|h|heures?|jours?|semaines?|mois|ans?)', 'hier', "aujourd[’']hui",
      'hace\\s+(?:\\d+|una?)\\s+(?:segundos?|min(?:utos?)?|h|horas?|días?|semanas?|meses|mes|años?)', 'ayer', 'hoy',
      '(?:\\d+|un[ao]?)\\s+(?:secondi|minuti|min|ore|ora|giorni|giorno|settimane|mesi|anni)\\s+fa', 'ieri', 'oggi',
      'há\\s+(?:\\d+|uma?)\\s+(?:segundos?|min(?:utos?)?|h|horas?|dias?|semanas?|meses|anos?)', 'ontem', 'hoje',
      '\\d+\\s+(?:seconden|minuten|min|uur|uren|dagen|dag|weken|maanden|jaar)\\s+geleden', 'gisteren', 'vandaag',
      '\\d+\\s+(?:sek(?:und[ya]?)?|min(?:ut[ya]?)?|godz(?:in[ya]?)?|dni|dzień|tygodni|miesięcy|lat)\\s+temu', 'wczoraj', 'dzisiaj',
      '\\d+\\s+(?:сек(?:унд[ыу]?)?|мин(?:ут[ыу]?)?|час(?:а|ов)?|дн(?:я|ей)|день|недел[ьи]|месяц(?:а|ев)?|год(?:а)?|лет)\\s+назад', 'вчера', 'сегодня',
      '\\d+\\s*(?:秒|分钟|小时|天|周|个月|年)前', '昨天', '今天',
      '\\d+\\s*(?:秒|分|時間|日|週間|か月|ヶ月|年)前', '昨日', '今日',
    ].join('|') +
    ')';
/** A whole line that is only a relative time. */
const RELATIVE_TIME = new LowerCasePattern(`^${RELATIVE_TIME_FORMS}$`);
/**
 * Text that ends with a relative time, after a space or at its start. Made on first use: only pages joined
 * on one line need it, and making it reads its long source (pipeline/run-on-lines.ts).
 */
let endsWithRelativeTimePattern: LowerCasePattern | undefined;

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'januar|februar|märz|mai|juni|juli|oktober|dezember|' +
  'janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|' +
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|' +
  'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|' +
  'januari|februari|maart|augustus|' +
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|' +
  'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';

/** Month names (English and the other languages boilerstrip detects), as a regex source. */
export const MONTH_NAME = `(?:${MONTHS})\\.?`;

/**
 * A calendar date anywhere in a line: "October 19, 2024", "19 Oct 2024", "2024-10-19", "19.10.2024",
 * "2024年10月19日". One pattern per form: V8 took ~25 ms to compile them as one alternation (its analysis
 * spans all the alternatives), and ~1 ms each apart. firstDate() combines them as the alternation did.
 */
const DATE_FORMS = [
  `\\b${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?${MONTH_NAME}\\s+(?:de\\s+)?\\d{4}`,
  '\\b\\d{4}-\\d{2}-\\d{2}\\b',
  '\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b',
  '\\d{4}年\\d{1,2}月\\d{1,2}日',
].map((source) => new LowerCasePattern(source));

/**
 * Every date form has a four-digit year or a digit, dot or slash and digit ("19.10."); this plain pattern
 * finds lines that have one, so that the costly patterns run only on them.
 */
const DATE_SHAPE = /\d{4}|\d[./]\d/;

/**
 * The match of the alternation of DATE_FORMS: the leftmost match of any form, and of the earliest form
 * among those matching there (an alternation tries its alternatives in order at each position).
 */
function firstDate(text: string, lower: string): RegExpExecArray | null {
  let first: RegExpExecArray | null = null;
  for (const form of DATE_FORMS) {
    const match = form.exec(text, lower);
    if (match && (first === null || match.index < first.index)) first = match;
  }
  return first;
}

/** The first calendar date in `text`, or null. `lower` is `text.toLowerCase()` if known. */
export function findDate(text: string, lower?: string): RegExpExecArray | null {
  return DATE_SHAPE.test(text) ? firstDate(text, lower ?? text.toLowerCase()) : null;
}

/** Whether `text` holds a calendar date. `lower` is `text.toLowerCase()` if known. */
export function hasDate(text: string, lower?: string): boolean {
  if (!DATE_SHAPE.test(text)) return false;
  const lowered = lower ?? text.toLowerCase();
  return DATE_FORMS.some((form) => form.test(text, lowered));
}

/**
 * A photo's credit in brackets, as a lower-case regex source: "(AP Photo/Evan Vucci)", "(Photo by Jane Roe)",
 * "(Image: Getty)", "(Image credit: NASA)". metadata-lines finds captions that end with one; the cut of
 * run-on lines cuts after one (cut-after-credits.ts).
 */
export const PHOTO_CREDIT_IN_BRACKETS = String.raw`\((?:[\w .]{0,20}\s)?(?:photo|photograph|image|picture|foto|bild)s?\s*(?:\/|by|:|credit)[^)]{0,80}\)`;

/** Play marks that may stand before a video's duration ("▶ 6:47"). */
const PLAY_MARKS = '▶►▷⏵';
/** A whole line that is a video or clip duration: "6:47", "1:02:33", optionally with a play mark. */
const DURATION = new LowerCasePattern(
  `^(?:[${PLAY_MARKS}]\\s*)?(?:(?:duration|length|runtime)\\s*:?\\s*)?(?:\\d{1,2}:)?\\d{1,2}:\\d{2}(?:\\s*(?:min|mins|minutes))?$`,
);
/** Longest line that can be a duration label; longer lines skip the pattern. */
const DURATION_MAX_CHARS = 32;

export function isDuration(line: string, lower?: string): boolean {
  return line.length <= DURATION_MAX_CHARS && startsLikeDuration(line) && DURATION.test(line, lower);
}

/**
 * Whether the line starts with a character DURATION can start with: a digit, a play mark, or the "d",
 * "l" or "r" of "duration", "length", "runtime" in either case (no other character case-folds to those
 * letters). It rules out most short lines before the pattern, which ran on some 14,000 of the aeb dev
 * pages' 25,800 lines (21 durations among them).
 */
export function startsLikeDuration(line: string): boolean {
  const letter = line.charCodeAt(0) | 0x20;
  return startsWithDigit(line) || letter === 0x64 || letter === 0x6c || letter === 0x72 || (line.length > 0 && PLAY_MARKS.includes(line[0]!));
}

/** Longest line (in characters) that can be a relative time stamp. */
const RELATIVE_TIME_MAX_CHARS = 40;

export function isRelativeTime(line: string, lower?: string): boolean {
  return line.length <= RELATIVE_TIME_MAX_CHARS && RELATIVE_TIME.test(line, lower);
}

/** Whether `text` (at most RELATIVE_TIME_MAX_CHARS long, or only its end is read) ends with a relative time. */
export function endsWithRelativeTime(text: string): boolean {
  endsWithRelativeTimePattern ??= new LowerCasePattern(`(?:^|\\s)${RELATIVE_TIME_FORMS}$`);
  return endsWithRelativeTimePattern.test(text.slice(-RELATIVE_TIME_MAX_CHARS));
}

/** "12) Item", "12. Item": a list item's number in front of it. */
const ITEM_NUMBER = /^(\d{1,3})[.)]\s/u;

/** The number in front of a numbered list item ("12) Item", "12. Item"), or -1. */
export function itemNumber(text: string): number {
  if (!startsWithDigit(text)) return -1;
  const match = ITEM_NUMBER.exec(text);
  return match === null ? -1 : Number(match[1]);
}

/** Whether the text starts with an ASCII digit: a cheap test before a pattern that needs one there. */
export function startsWithDigit(text: string): boolean {
  return isAsciiDigit(text.charCodeAt(0));
}

/** Words that a sentence or a headline does not end with: what follows them is part of the phrase they open. */
export const CONTINUING_WORDS = new Set([
  'the', 'a', 'an', 'of', 'at', 'in', 'on', 'to', 'from', 'by', 'for', 'with', 'and', 'or', 'as', 'into', 'than',
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'von', 'zu', 'zum', 'zur', 'mit', 'und', 'im', 'am', 'beim',
  'le', 'la', 'les', 'un', 'une', 'de', 'du', 'au', 'aux', 'et', 'el', 'los', 'las', 'del', 'al', 'y', 'il', 'lo', 'gli', 'di',
  'da', 'dei', 'della', 'e', 'o', 'do', 'dos', 'das', 'na', 'no', 'het', 'een', 'van', 'en', 'op', 'met',
  // Pronouns and conjunctions that open a clause
  'that', 'which', 'who', 'whose', 'when', 'while', 'after', 'before', 'because', 'if', 'his', 'her', 'its', 'their', 'this',
  'these', 'those', 'our', 'your', 'my', 'dass', 'wie', 'weil', 'wenn', 'als', 'ob', 'nachdem', 'bevor', 'sein', 'seine', 'ihr',
  'ihre', 'que', 'qui', 'quand', 'dont', 'où', 'son', 'sa', 'ses', 'leur', 'che', 'cui', 'quando', 'suo', 'sua', 'cuando',
  'donde', 'como', 'su', 'sus', 'dat', 'wanneer', 'zijn', 'haar',
]);
