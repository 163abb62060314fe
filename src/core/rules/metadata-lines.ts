// metadata-lines — Evidence: lines that describe the article instead of telling it. Bylines ("By …",
// "Written by …"), time stamps ("Posted …", "Published …", "Last Updated …", a line that is only a date),
// photo captions and credits ("(AP Photo/…)", "Image Credit: …", "FILE - …"), the author's sign-off at
// the end (the byline's name on a line of its own), a crawler header such as `date 2024-10-19
// <headline>` on the first line or a `url https://…` line near the top, and the copyright line that names
// the site ("© 2024 Example News. All rights reserved."). They are not body text, but they are worth
// keeping: each finding carries the title, author, date or site it states, which become the page's metadata.
import { parseDate } from '../text/dates.js';
import type { Finding, Page } from '../types.js';
import { DATE_IN_TEXT } from './patterns.js';
import { normalise, type Rule } from './rule.js';

const CRAWLER_HEADER = /^date\s+(\d{4}-\d{2}-\d{2})\s+(.+)$/iu;
/** A crawler's URL line ("url: https://…"); it names the site. Only near the top, where crawlers put it. */
const URL_LINE = /^(?:url|source|link|canonical)\s*[:=]?\s*(https?:\/\/[^\s/]+)\S*$/iu;
const URL_LINE_MAX_BLOCK = 3;
/** "© 2024 Example News. All rights reserved." — the name between the year and the reservation. */
const COPYRIGHT =
  /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?:by\s+)?(.+?)\s*(?:[.,|–-]\s*(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|wszelkie prawa zastrzeżone)\.?)?\.?$/iu;
/** A site name is a few words; a longer copyright line is a legal notice, not a name. */
const MAX_SITE_WORDS = 6;
const BYLINE =
  /^(?:by|written by|words by|story by|text by|reporting by|author:?|authors:?|von|text:|par|por|di|door|autor(?:in)?:?|автор:?|作者[:：]?)\s+(.{2,100})$/iu;
const STAMP =
  /^(?:posted|published|updated|last updated|last modified|modified|first published|originally published|date|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano|опубликовано|обновлено|发布(?:时间)?|更新)\b[\s:：]*(?:on\s+|am\s+|le\s+|el\s+|il\s+)?(.*)$/iu;
const CAPTION_CREDIT = new RegExp(
  [
    '\\((?:[\\w .]{0,20}\\s)?(?:photo|photograph|image|picture|foto|bild)s?\\s*(?:/|by|:|credit)[^)]{0,80}\\)\\.?$',
    '^(?:image|photo|picture|video|graphic|illustration|foto|bild)\\s*(?:credit|source|courtesy)?s?\\s*[:：]',
    '^(?:credit|credits|source|quelle|fuente|fonte|crédit)\\s*[:：]',
    '^(?:file|archivo|archiv|archives)\\s*[-–—]\\s',
    '\\bcredit\\s*(?:\\.\\.\\.|…)\\s*\\S.{0,80}$',
    '^(?:above|top|pictured|left|right|below|main image)\\s*:\\s',
    '(?:getty images|shutterstock|istock(?:photo)?|associated press|afp|reuters|epa|alamy)\\)?\\.?$',
  ].join('|'),
  'iu',
);
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
    const authors: string[] = [];
    for (const block of blocks) {
      const byline = BYLINE.exec(block.text);
      if (byline && looksLikeNames(byline[1]!)) authors.push(normalise(authorOf(byline[1]!)));
    }
    const isSignOff = (text: string): boolean => authors.includes(normalise(text.replace(/^[-–—]\s*/u, '')));
    blocks.forEach((block, i) => {
      const m = measures[i]!;
      const text = block.text;
      let match: RegExpExecArray | null;
      if (i === 0 && (match = CRAWLER_HEADER.exec(text))) {
        findings.push({ block: i, verdict: 'metadata', reason: 'crawler header line', metadata: { date: match[1]!, title: match[2]!.trim() } });
      } else if (m.words <= MAX_NAME_WORDS + 2 && (match = BYLINE.exec(text)) && looksLikeNames(match[1]!)) {
        findings.push({ block: i, verdict: 'metadata', reason: 'byline', metadata: { author: authorOf(match[1]!), ...dateOf(text) } });
      } else if (m.words <= MAX_NAME_WORDS && isSignOff(text)) {
        findings.push({ block: i, verdict: 'metadata', reason: 'author sign-off' });
      } else if (m.words <= MAX_STAMP_WORDS && (match = STAMP.exec(text)) && DATE_IN_TEXT.test(text)) {
        findings.push({ block: i, verdict: 'metadata', reason: 'time stamp', metadata: dateOf(text) });
      } else if (m.words <= MAX_STAMP_WORDS && !m.endsLikeSentence && isMostlyDate(text)) {
        findings.push({ block: i, verdict: 'metadata', reason: 'date line', metadata: dateOf(text) });
      } else if (i < URL_LINE_MAX_BLOCK && (match = URL_LINE.exec(text))) {
        findings.push({ block: i, verdict: 'metadata', reason: 'crawler URL line', metadata: { site: new URL(match[1]!).hostname.replace(/^www\./u, '') } });
      } else if ((match = COPYRIGHT.exec(text)) && isSiteName(match[1]!)) {
        findings.push({ block: i, verdict: 'metadata', reason: 'copyright line', metadata: { site: match[1]!.trim() } });
      } else if (m.words <= MAX_CAPTION_WORDS && CAPTION_CREDIT.test(text)) {
        findings.push({ block: i, verdict: 'metadata', reason: 'photo caption or credit' });
      }
    });
    return findings;
  },
};

function isSiteName(text: string): boolean {
  const words = text.split(/\s+/u);
  return words.length <= MAX_SITE_WORDS && /\p{L}/u.test(text) && !/[!?]/u.test(text);
}

function authorOf(byline: string): string {
  return byline.replace(/\s*[|•·].*$/u, '').trim();
}

function dateOf(text: string): { date?: string } {
  const date = parseDate(text);
  return date ? { date } : {};
}

function looksLikeNames(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return false;
  if (/[.!?]$/u.test(text) && !/\b\p{Lu}\.$/u.test(text)) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w) || /^(?:and|und|et|y|e|en|i|и|the|of|de|van|von|der|da|di|del|la|le)$/iu.test(w));
  return capitalised.length / words.length >= 0.6 || /[\p{Script=Han}\p{Script=Cyrillic}]/u.test(text);
}

/** A line that is a date with at most a few other words around it (a time, a weekday, a source name). */
function isMostlyDate(text: string): boolean {
  const match = DATE_IN_TEXT.exec(text);
  if (!match) return false;
  const rest = text.replace(match[0], ' ').replace(/\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?/giu, ' ');
  return rest.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length <= 5;
}
