// organisation-profile — Evidence: a paragraph below the article that starts with the site's own name and
// says what the organisation is ("Ascom is a global solutions provider …", "Acme Corp. (NYSE: ACME) is the
// leading …"), and the paragraphs right after it that start with the name too ("Ascom is headquartered in
// …"). A press release ends with this standard description of its publisher, the same under every release
// and not part of the news; a reader of the article does not want it, and the benchmark's annotators left
// it out. The site's name is a short part of the page title ("Headline | Ascom") or the name in its
// copyright line ("© 2019 Ascom"), which metadata-lines, running earlier, has filed. The profile must follow
// at least two paragraphs of prose, so a page that is itself about the organisation (its "About us") keeps
// its opening, and a release that opens "Ascom, a global provider …, announced" is not a profile: the name
// must be the subject of "is a", "is the" or the like.
import type { Finding, Page } from '../types.js';
import { TITLE_SEPARATOR } from './page-title.js';
import { isProse } from './prose.js';
import type { Rule } from './rule.js';

/** Paragraphs of prose above a profile: the article it is appended to. */
const PROSE_ABOVE = 2;
/** A site's name in a title is a few words; a longer part is a second headline. */
const MAX_NAME_CHARS = 40;
/**
 * What follows the name in a profile's first sentence: a ticker or legal form in parentheses, then "is
 * a/an/the" (English, German, French, Spanish, Italian, Dutch, Portuguese).
 */
const DESCRIBED = /^(?:\s*\([^)]{1,40}\))?,?\s+(?:is an?|is the|is one of|ist (?:eine?|der|die|das)|est (?:une?|le|la|l[’'])|es (?:una?|el|la)|è (?:una?|il|la|l[’'])|is een|é (?:uma?|o|a))\s/u;

export const organisationProfile: Rule = {
  id: 'organisation-profile',
  description: "The publisher's standard description below a press release (\"Acme is a leading provider of …\"), found by the site's name from the page title.",
  find(page: Page): Finding[] {
    const names = siteNames(page);
    if (names.length === 0) return [];
    const { blocks, measures } = page;
    const findings: Finding[] = [];
    let proseAbove = 0;
    for (let i = 0; i < blocks.length; i++) {
      const text = blocks[i]!.text;
      const name = proseAbove >= PROSE_ABOVE ? names.find((n) => text.startsWith(n) && DESCRIBED.test(text.slice(n.length))) : undefined;
      if (name === undefined) {
        if (isProse(text, measures[i]!)) proseAbove++;
        continue;
      }
      findings.push({ block: i, verdict: 'boilerplate', reason: `describes the site's organisation (${name}) below the article` });
      // The profile's further paragraphs start with the name too ("Ascom is headquartered in …").
      while (i + 1 < blocks.length && startsWithName(blocks[i + 1]!.text, name)) {
        i++;
        findings.push({ block: i, verdict: 'boilerplate', reason: `describes the site's organisation (${name}) below the article` });
      }
    }
    return findings;
  },
};

/**
 * The names the site goes by: the short parts of the page title ("Headline | Ascom" gives "Ascom") and the
 * names that metadata-lines read from copyright lines (its findings are filed before this rule runs).
 */
function siteNames(page: Page): string[] {
  const names = new Set<string>();
  const title = page.blocks[0]?.text;
  const parts = title === undefined ? [] : title.split(TITLE_SEPARATOR).map((part) => part.trim());
  if (parts.length >= 2) {
    const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
    for (const part of parts) if (part !== longest) names.add(part);
  }
  for (const findings of page.findings) for (const f of findings) if (f.metadata?.site !== undefined) names.add(f.metadata.site.trim());
  return [...names].filter((name) => name.length >= 2 && name.length <= MAX_NAME_CHARS && /^\p{Lu}/u.test(name));
}

/** Whether `text` starts with `name` as a whole word ("Ascom is", "Ascom’s", not "Ascoms"). */
function startsWithName(text: string, name: string): boolean {
  if (!text.startsWith(name)) return false;
  const next = text.charAt(name.length);
  return next === '' || !/[\p{L}\p{N}]/u.test(next);
}
