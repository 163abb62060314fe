// metadata-lines — Evidence: lines that describe the article instead of telling it. Bylines ("By …",
// "Written by …"), time stamps ("Posted …", "Published …", "Last Updated …", a line that is only a date),
// photo captions and credits ("(AP Photo/…)", "Image Credit: …", "FILE - …", a caption under its
// screen-reader label "Image caption …", a gallery's captions behind their "2 of 4" counters), the author's
// sign-off at the end (the byline's name on a line of its own) and bio ("Jane Roe is a reporter who …",
// "Jane Roe's book …", after the byline; or an author box: "About Jane Roe" and the paragraph under it that
// names her), a crawler header such as `date 2024-10-19
// <headline>` on the first line or a `url https://…` line near the top, and the copyright line that names
// the site ("© 2024 Example News. All rights reserved."). They are not body text, but they are worth
// keeping: each finding carries the title, author, date or site it states, which become the page's metadata.
// The signature under a post the article embeds ("— Jane Roe (@janeroe) November 18, 2019") has a date but
// belongs to the quoted post, so it is not taken for a date line.
import { siteOfUrl, URL_LINE, URL_LINE_MAX_BLOCK } from '../site/header-site.js';
import { parseDate } from '../text/dates.js';
import { charClass, isCapital, LETTER } from '../text/tokens.js';
import type { Finding, Page } from '../types.js';
import { LowerCasePattern } from './lower-case-pattern.js';
import { findDate, hasDate, PHOTO_CREDIT_IN_BRACKETS, startsWithDigit } from './patterns.js';
import { hashKey, normalise, type Rule } from './rule.js';
import { nativeOnFirstUse } from '../text/native-regexp.js';
import { wordsHash } from '../text/stopwords.js';

/** A letter of any script; one pattern shared by the checks below, compiled once. */
const HAS_LETTER = nativeOnFirstUse(/\p{L}/u);

const CRAWLER_HEADER = new LowerCasePattern(String.raw`^date\s+(\d{4}-\d{2}-\d{2})\s+(.+)$`);
/**
 * A crawler header is a date and a headline. Longer first lines are not tested: the pattern's `.+` keeps a
 * backtracking entry per character, and a 10 MB single-line file overflowed the regex stack.
 */
const MAX_HEADER_CHARS = 2000;
/** "© 2024 Example News. All rights reserved." — the name between the year and the reservation. */
const COPYRIGHT = new LowerCasePattern(
  String.raw`^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?:by\s+)?(.+?)\s*(?:[.,|–-]\s*(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|wszelkie prawa zastrzeżone)\.?)?\.?$`,
);
/** A site name is a few words; a longer copyright line is a legal notice, not a name. */
const MAX_SITE_WORDS = 6;
/** A copyright line names the site and the year; a longer block that starts with "©" is not one to read a name from. */
const MAX_COPYRIGHT_WORDS = 40;
const BYLINE = new LowerCasePattern(
  String.raw`^(?:by|written by|words by|story by|text by|reporting by|author:?|authors:?|von|text:|par|por|di|door|autor(?:in)?:?|автор:?|作者[:：]?)\s+(.{2,100})$`,
);
const STAMP = new LowerCasePattern(
  String.raw`^(?:posted|published|updated|last updated|last modified|modified|first published|originally published|date|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano|опубликовано|обновлено|发布(?:时间)?|更新)\b[\s:：]*(?:on\s+|am\s+|le\s+|el\s+|il\s+)?(.*)$`,
);
/** Caption and credit forms recognised by how the line starts. */
const CAPTION_START = new LowerCasePattern(
  [
    '^(?:image|photo|picture|video|graphic|illustration|foto|bild)\\s*(?:credit|source|courtesy)?s?\\s*[:：]',
    // The label a page prints for screen readers before a caption: "Image caption Crowds outside the court".
    '^(?:image|media|photo|picture|video) caption\\s',
    '^(?:credit|credits|source|quelle|fuente|fonte|crédit)\\s*[:：]',
    '^(?:file|archivo|archiv|archives)\\s*[-–—]\\s',
    '^(?:above|top|pictured|left|right|below|main image)\\s*:\\s',
  ].join('|'),
);
/** A caption's photo credit in brackets at its end: "(AP Photo/Evan Vucci)", "(Photo by …)". */
const CREDIT_IN_BRACKETS = new LowerCasePattern(String.raw`${PHOTO_CREDIT_IN_BRACKETS}\.?$`);
/** "Credit… Name" at the end of a caption. */
const CREDIT_ELLIPSIS = new LowerCasePattern(String.raw`\bcredit\s*(?:\.\.\.|…)\s*\S.{0,80}$`);
/** Picture agencies whose name ends a caption's credit; the short names count only after a separator. */
const AGENCIES = ['getty images', 'shutterstock', 'istockphoto', 'istock', 'associated press', 'afp', 'reuters', 'alamy'];
const SHORT_AGENCIES = ['ap', 'getty'];
/**
 * A caption that ends with a picture agency's name, as a whole word and not cited as a source: "… was
 * reviewed by Reuters." and "…, said in an interview with Reuters." end sentences of the story.
 */
const AGENCY_AT_END = new LowerCasePattern(
  String.raw`(?<!\b(?:by|to|from|with|told|said|according to)(?: the)? )\b(?:${AGENCIES.join('|')})\)?\.?$`,
);
/**
 * A short agency name that is a credit only right after a credit's separator or a caption's last sentence
 * ("… Michael Conroy, AP", "… Kathrin Ziegler/Getty", "Jane Roe | AP", "… of the drug. Getty", "(AP)",
 * "Photo: EPA", or the credit alone on its line; not "… founded by Mr. Getty."): elsewhere "AP" may be
 * Andhra Pradesh, "the Getty" a museum, and "(EPA)" or "the EPA" the Environmental Protection Agency.
 */
const SHORT_AGENCY_AT_END = new LowerCasePattern(
  String.raw`(?:(?:^|[,/(]|(?<!\b(?:mr|mrs|ms|dr|jr|sr|st))\.|\s[|–—-]|photo:)\s*(?:${SHORT_AGENCIES.join('|')})|(?:^|[,/]|\s[|–—-]|photo:)\s*epa)\)?\.?$`,
);
/**
 * The end patterns can only match a line's last ~130 code points (their parts are bounded and lines have
 * no runs of spaces), so they run on the line's tail, and only when a cheap test shows they may match: an
 * unanchored pattern otherwise tries every position of a long line.
 */
const CAPTION_END_TAIL = 300;
const AGENCY_TAIL = 40;

/** BYLINE's prefix and its 100 name characters (each possibly a surrogate pair) cannot be longer. */
const BYLINE_MAX_LENGTH = 220;
/** Name-like text: a few words, mostly capitalised, no sentence end. */
const MAX_NAME_WORDS = 12;
/** A stamp or date line longer than this is a sentence that mentions a date. */
const MAX_STAMP_WORDS = 12;
/** Captions are short descriptions; a long paragraph that ends with an agency name is a story. */
const MAX_CAPTION_WORDS = 60;

export const metadataLines: Rule = {
  id: 'metadata-lines',
  description: 'Bylines, time stamps, photo captions and credits, author sign-offs, crawler header lines (captured as metadata).',
  find(page: Page): Finding[] {
    const findings: Finding[] = [];
    const { blocks, measures } = page;
    // Sets, because a page may hold thousands of bylines (an archive page, a feed dump): lists searched for
    // each line made such a page take minutes.
    const authors = new Set<string>();
    /** The writers' names as the bylines write them, for their bios. */
    const writers = new Set<string>();
    // Bylines are read once; the second pass below reuses their name part.
    const bylines = new Map<number, string>();
    blocks.forEach((block, i) => {
      if (block.text.length > BYLINE_MAX_LENGTH) return;
      const byline = BYLINE.exec(block.text, block.lower);
      if (byline === null) return;
      const names = beforeDate(byline[1]!);
      if ((names === byline[1] && measures[i]!.words > MAX_NAME_WORDS + 2) || !looksLikeNames(names)) return;
      bylines.set(i, names);
      const author = normalise(authorOf(names));
      if (author !== '') authors.add(author);
      const name = nameOf(authorOf(names));
      if (name !== undefined) writers.add(name);
    });
    /**
     * A paragraph about the writer, after the byline: "Jane Roe is a reporter who …", "Jane Roe's book …".
     * A writer who goes by one name ("By Regan"), too short to look for anywhere, is looked for right under
     * their sign-off: "Regan", then "Regan is a Connecticut native …".
     */
    const isWriterBio = (i: number): boolean => {
      const text = blocks[i]!.text;
      if (i <= firstByline) return false;
      // Under a heading that names the writer, the bio may stand anywhere below the byline: a long footer
      // can put the end of the article in the page's first half.
      const aboutWhom = writerAbout(i - 1);
      if (aboutWhom !== undefined) return text.includes(aboutWhom);
      if (i < blocks.length * BIO_FROM) return false;
      if (writers.size > 0 && opensWithWriter(text, writers)) return true;
      // An agency or a desk that signs ("Reuters", "Staff") writes no bio: a sentence under it is the story's.
      const signOff = blocks[i - 1]!.text;
      const isPerson = !AGENCY_NAMES.includes(signOff.toLowerCase()) && !DESK_WORDS.has(signOff);
      return isPerson && isSignOff(i - 1) && text.startsWith(signOff) && ABOUT_THE_WRITER.test(text.slice(signOff.length));
    };
    // A block's words joined are its normalised text (a leading dash is not a word), so they are compared
    // directly; through the words' hash first (taken while splitting, see repeated-lines.ts), so that only a
    // block that may be an author's name has its words made.
    const authorHashes = new Set([...authors].map((author) => hashKey(wordsHash(author.split(' ')))));
    const isSignOff = (i: number): boolean => {
      const block = blocks[i]!;
      if (authors.size === 0 || block.wordCount === 0) return false;
      return authorHashes.has(hashKey(block.wordsHash)) && authors.has(block.words.join(' '));
    };
    /** The writer that block i names as the heading of their bio ("About Jane Roe", "Über Jane Roe"), if it is one. */
    const writerAbout = (i: number): string | undefined => {
      // A heading is short: longer lines are not given to the pattern at all.
      if (i < 0 || writers.size === 0 || measures[i]!.words > MAX_NAME_PARTS + 3) return undefined;
      const heading = ABOUT_HEADING.exec(blocks[i]!.text, blocks[i]!.lower);
      return heading !== null && writers.has(heading[1]!) ? heading[1]! : undefined;
    };
    const galleryCaptions = slideCaptions(page);
    // Bylines were found in page order.
    const firstByline = bylines.keys().next().value ?? blocks.length;
    // Every date form needs an ASCII digit, so the date patterns only run on lines that have one.
    blocks.forEach((block, i) => {
      const m = measures[i]!;
      const { text, lower } = block;
      let match: RegExpExecArray | null;
      let names: string | undefined;
      if (i === 0 && text.length <= MAX_HEADER_CHARS && (match = CRAWLER_HEADER.exec(text, lower))) {
        findings.push({ block: i, verdict: 'metadata', reason: 'crawler header line', metadata: { date: match[1]!, title: match[2]!.trim() } });
      } else if ((names = bylines.get(i)) !== undefined) {
        findings.push({ block: i, verdict: 'metadata', reason: 'byline', metadata: { author: authorOf(names), ...dateOf(text) } });
      } else if (m.words <= MAX_NAME_WORDS && isSignOff(i)) {
        findings.push({ block: i, verdict: 'metadata', reason: 'author sign-off' });
      } else if (i > firstByline && writerAbout(i) !== undefined) {
        findings.push({ block: i, verdict: 'metadata', reason: "heading of the writer's bio" });
      } else if (authors.size > 0 && m.words <= MAX_BIO_WORDS && m.endsLikeSentence && isWriterBio(i)) {
        findings.push({ block: i, verdict: 'metadata', reason: "the writer's bio" });
      } else if (m.words <= MAX_STAMP_WORDS && m.digitShare > 0 && STAMP.test(text, lower) && hasDate(text, lower)) {
        findings.push({ block: i, verdict: 'metadata', reason: 'time stamp', metadata: dateOf(text) });
      } else if (m.words <= MAX_STAMP_WORDS && m.digitShare > 0 && !m.endsLikeSentence && !isPostSignature(text) && isMostlyDate(text, lower)) {
        findings.push({ block: i, verdict: 'metadata', reason: 'date line', metadata: dateOf(text) });
      } else if (i < URL_LINE_MAX_BLOCK && (match = URL_LINE.exec(text, lower))) {
        const site = siteOfUrl(match[1]!);
        findings.push({ block: i, verdict: 'metadata', reason: 'crawler URL line', metadata: site === undefined ? {} : { site } });
      } else if (m.words <= MAX_COPYRIGHT_WORDS && (match = COPYRIGHT.exec(text, lower)) && isSiteName(match[1]!)) {
        findings.push({ block: i, verdict: 'metadata', reason: 'copyright line', metadata: { site: match[1]!.trim() } });
      } else if (m.words <= MAX_CAPTION_WORDS && (galleryCaptions.has(i) || isCaptionOrCredit(text, lower))) {
        findings.push({ block: i, verdict: 'metadata', reason: 'photo caption or credit' });
      }
    });
    return findings;
  },
};

/** "3 of 12 Shoppers queue outside the store": a slide counter in front of a gallery's caption. */
const SLIDE_COUNTER = /^(\d{1,3}) of (\d{1,3})\s+(\S)/u;
/** Blocks between two captions of one gallery (each caption may carry a credit line). */
const SLIDE_REACH = 6;

/**
 * The captions of a photo gallery, each behind its slide counter and starting with a capital. One line
 * that starts "3 of 5" may be a sentence ("3 of 5 voters said …"); a gallery shows two or more slides of
 * the same total, numbered within it, a few lines apart.
 */
function slideCaptions(page: Page): Set<number> {
  const slides: { block: number; total: number }[] = [];
  page.blocks.forEach((block, i) => {
    if (!startsWithDigit(block.text)) return;
    const counter = SLIDE_COUNTER.exec(block.text);
    if (counter === null || !isCapital(counter[3]!)) return;
    const [slide, total] = [Number(counter[1]), Number(counter[2])];
    if (slide >= 1 && slide <= total) slides.push({ block: i, total });
  });
  const captions = new Set<number>();
  slides.forEach((a, k) => {
    const b = slides[k + 1];
    if (b === undefined || b.total !== a.total || b.block - a.block > SLIDE_REACH) return;
    captions.add(a.block);
    captions.add(b.block);
  });
  return captions;
}

function isSiteName(text: string): boolean {
  const words = text.split(/\s+/u);
  return words.length <= MAX_SITE_WORDS && HAS_LETTER(text).test(text) && !/[!?]/u.test(text);
}

function isCaptionOrCredit(text: string, lower: string): boolean {
  if (CAPTION_START.test(text, lower)) return true;
  // `lower` has `text`'s length whenever the patterns read it (see lower-case-pattern.ts), so the tails match up.
  const tail = text.length > CAPTION_END_TAIL ? text.slice(-CAPTION_END_TAIL) : text;
  const lowerTail = lower.length > CAPTION_END_TAIL ? lower.slice(-CAPTION_END_TAIL) : lower;
  if ((text.endsWith(')') || text.endsWith(').')) && CREDIT_IN_BRACKETS.test(tail, lowerTail)) return true;
  if (lower.includes('credit') && CREDIT_ELLIPSIS.test(tail, lowerTail)) return true;
  if (!endsWithAgencyName(lower)) return false;
  const agencyTail = text.length > AGENCY_TAIL ? text.slice(-AGENCY_TAIL) : text;
  const lowerAgencyTail = lower.length > AGENCY_TAIL ? lower.slice(-AGENCY_TAIL) : lower;
  return AGENCY_AT_END.test(agencyTail, lowerAgencyTail) || SHORT_AGENCY_AT_END.test(agencyTail, lowerAgencyTail);
}

/** Every name the agency patterns end with, and the letters those names end with. */
const AGENCY_NAMES = [...AGENCIES, ...SHORT_AGENCIES, 'epa'];
const AGENCY_LAST_LETTERS = new Set(AGENCY_NAMES.map((name) => name.charCodeAt(name.length - 1)));

/**
 * Whether the line ends with an agency's name, before a closing bracket and a full stop: a test of a few
 * characters before the agency patterns, which try every position of the line's tail (and look behind at
 * each) and were a third of this rule's time when they ran on every line.
 */
function endsWithAgencyName(lower: string): boolean {
  let end = lower.length;
  if (end > 0 && lower.charCodeAt(end - 1) === 0x2e) end--;
  if (end > 0 && lower.charCodeAt(end - 1) === 0x29) end--;
  if (end === 0 || !AGENCY_LAST_LETTERS.has(lower.charCodeAt(end - 1))) return false;
  return AGENCY_NAMES.some((name) => lower.startsWith(name, end - name.length));
}

/**
 * The name in a byline's text: the first of its parts between separators that has a letter ("Jane Roe"
 * in "Jane Roe | Staff writer", "Staff" in "| Staff"); '' when none has, which looksLikeNames rules out.
 */
function authorOf(byline: string): string {
  for (const part of byline.split(/[|•·]/u)) if (HAS_LETTER(part).test(part)) return part.trim();
  return '';
}

/** Where a name may end in a bio: before what ABOUT_THE_WRITER starts with, an apostrophe or a space. */
const NAME_END = /['’\s]/gu;

/**
 * Whether `text` starts with one of `writers` and then says what a bio says about them. The name is looked
 * up at each place where it may end, in the text's first MAX_NAME_PARTS words, rather than each name tried
 * in turn: a page may name thousands of writers.
 */
function opensWithWriter(text: string, writers: ReadonlySet<string>): boolean {
  let spaces = 0;
  NAME_END.lastIndex = 1;
  for (let end = NAME_END.exec(text); end !== null && spaces < MAX_NAME_PARTS; end = NAME_END.exec(text)) {
    if (writers.has(text.slice(0, end.index)) && ABOUT_THE_WRITER.test(text.slice(end.index))) return true;
    if (end[0] !== "'" && end[0] !== '’') spaces++;
  }
  return false;
}

/**
 * The heading of an author box: "About" and the name, in the languages of the byline patterns ("Über Jane
 * Roe", "À propos de Jane Roe", "Sobre Jane Roe", "Over Jane Roe"). The name must be a byline's writer.
 */
const ABOUT_HEADING = new LowerCasePattern(String.raw`^(?:about|über|à propos de|sobre|acerca de|over|informazioni su)\s+(.+?):?$`);
/** A writer's bio is a paragraph; a longer one that starts with the name is the article's. */
const MAX_BIO_WORDS = 80;
/** A bio follows the article: it is looked for in the page's second half only. */
const BIO_FROM = 0.5;
/** What a bio says right after the writer's name. */
const ABOUT_THE_WRITER = /^(?:['’]s\s|\s(?:is|was|has|writes|covers|lives|joined|reports)\s)/u;
/**
 * A person's name: two or three words, each a capital and lower-case letters ("Jane Roe", "Ann McKay"),
 * or an initial between them ("Jane M. Roe").
 */
const MIN_NAME_PARTS = 2;
const MAX_NAME_PARTS = 3;

/**
 * A capital and lower-case letters ("Roe", "McKay", "O’Neil"), or an initial ("M."). Tested with the
 * character table rather than a pattern of Unicode properties, which costs a one-page run its compilation.
 */
function isNamePart(word: string): boolean {
  if (word.length === 0 || !isCapital(word[0]!)) return false;
  if (word.length === 2 && word[1] === '.') return true;
  let hasLowerCase = false;
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === 0x27 || code === 0x2019 || code === 0x2d) continue;
    if (charClass(code) !== LETTER) return false;
    hasLowerCase ||= word[i] !== word[i]!.toUpperCase();
  }
  return hasLowerCase;
}

/** Last words that make a byline's name a newsroom's ("Fox News", "Al Jazeera Staff"), not a person's. */
const DESK_WORDS = new Set(['News', 'Press', 'Wire', 'Staff', 'Service', 'Times', 'Post', 'Journal', 'Agency', 'Network', 'Media', 'Radio', 'Desk', 'Jazeera']);

/**
 * The writer's name as the byline writes it: its first two or three name words, before a comma, a date
 * or a section ("Mike Wall" in "Mike Wall 2019-11-18T20:51:19Z Science", "Anna Smith" in "Anna Smith, The
 * Associated Press"). Undefined for an agency or a desk ("Reuters", "CNN", "The Associated Press", "Fox
 * News"), whose name starts sentences of the story itself.
 */
function nameOf(author: string): string | undefined {
  const parts: string[] = [];
  for (const raw of author.split(/\s+/u)) {
    const word = raw.endsWith(',') ? raw.slice(0, -1) : raw;
    if (parts.length === MAX_NAME_PARTS || !isNamePart(word)) break;
    parts.push(word);
    if (word !== raw) break;
  }
  // An initial may stand between names, not at the end ("Jane M." is not a whole name).
  while (parts.length > 0 && parts[parts.length - 1]!.endsWith('.')) parts.pop();
  const isDesk = parts[0] === 'The' || DESK_WORDS.has(parts[parts.length - 1]!);
  return parts.length >= MIN_NAME_PARTS && !isDesk ? parts.join(' ') : undefined;
}

/** Words between a byline's names and its date, or after it: "on", "Updated", a weekday, a time and its zone. */
const DATE_JOINERS = new Set([
  'on', 'am', 'um', 'le', 'el', 'il', 'op', 'at', 'uhr', 'updated', 'published', 'posted', 'veröffentlicht', 'aktualisiert', 'publié', 'publicado', 'pubblicato',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'et', 'est', 'edt', 'ct', 'cst', 'cdt', 'pt', 'pst', 'pdt', 'gmt', 'utc', 'bst', 'cet', 'cest', 'hst',
]);
const TIME_WORD = /^(?:\d{1,2}(?::\d{2})?(?:[ap]\.?m\.?)?|[ap]\.?m\.?)$/u;
const JOINING_MARKS = /^[,:|•·–—-]+|[,:|•·–—-]+$/gu;
/** What may follow a byline's date: a time and a zone, an update stamp; not the rest of a sentence. */
const MAX_DATE_TAIL_WORDS = 12;

/** A word of the text after a byline's date that belongs to a sentence: lower case, and no joiner or time. */
function isSentenceWord(word: string): boolean {
  const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
  if (bare === '' || TIME_WORD.test(bare.toLowerCase()) || DATE_JOINERS.has(bare.replace(/\.$/u, '').toLowerCase())) return false;
  return /^\p{Ll}/u.test(bare);
}

/**
 * A byline's names without the date that follows them ("Jane Roe" in "Jane Roe on Monday, March 3, 2019 at
 * 11:08 a.m."), which looksLikeNames would count as words of a sentence; the byline itself when the date
 * goes on into a sentence ("Election Day, November 3, 2020, more than 100 million Americans had voted.").
 * Word by word from the end, so that no pattern backtracks over the joiners.
 */
function beforeDate(byline: string): string {
  const date = findDate(byline);
  if (date === null || date.index === 0) return byline;
  const tail = byline.slice(date.index + date[0].length).trim();
  const tailWords = tail === '' ? [] : tail.split(/\s+/u);
  if (tailWords.length > MAX_DATE_TAIL_WORDS || tailWords.some(isSentenceWord)) return byline;
  const words = byline.slice(0, date.index).split(/\s+/u);
  while (words.length > 0) {
    const word = words[words.length - 1]!.replace(JOINING_MARKS, '').toLowerCase();
    if (word !== '' && !DATE_JOINERS.has(word) && !TIME_WORD.test(word)) break;
    words.pop();
  }
  return words.join(' ').replace(JOINING_MARKS, '');
}

function dateOf(text: string): { date?: string } {
  const date = parseDate(text);
  return date ? { date } : {};
}

/**
 * Lower-case words that join names ("Anna and Ben", "Ludwig van Beethoven"). A set of lower-cased words
 * accepts what the `iu` pattern it replaces did (none has an s or a dotted i).
 */
const NAME_CONNECTORS = new Set(['and', 'und', 'et', 'y', 'e', 'en', 'i', 'и', 'the', 'of', 'de', 'van', 'von', 'der', 'da', 'di', 'del', 'la', 'le']);

function looksLikeNames(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => HAS_LETTER(w).test(w));
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return false;
  if (/[.!?]$/u.test(text) && !/\b\p{Lu}\.$/u.test(text)) return false;
  // Connectors join names, so at least one word must be a name ("the end of" is not).
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  const connectors = words.filter((w) => NAME_CONNECTORS.has(w.toLowerCase()));
  if (capitalised.length > 0 && (capitalised.length + connectors.length) / words.length >= 0.6) return true;
  // Scripts without capitals; tested last, since the pattern's tables cost a one-page run a millisecond to build.
  return /[\p{Script=Han}\p{Script=Cyrillic}]/u.test(text);
}

/**
 * "— Jane Roe (@janeroe) November 18, 2019": the signature under a social-media post that the article
 * embeds. It ends the quoted post, which belongs to the body, so it is not a time stamp of the page.
 */
const POST_SIGNATURE = /^[—–-]\s.{1,100}\(@\w{1,30}\)\s/u;

function isPostSignature(text: string): boolean {
  return text.includes('(@') && POST_SIGNATURE.test(text);
}

/** A line that is a date with at most a few other words around it (a time, a weekday, a source name). */
function isMostlyDate(text: string, lower: string): boolean {
  const match = findDate(text, lower);
  if (!match) return false;
  const rest = text.replace(match[0], ' ').replace(/\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?/giu, ' ');
  return rest.split(/\s+/u).filter((w) => HAS_LETTER(w).test(w)).length <= 5;
}
