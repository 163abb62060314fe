// organisation-profile — Evidence: a paragraph in the lower half of the page, after the article, that
// starts with the site's own name and says what kind of organisation it is ("Ascom is a global solutions
// provider …", "Acme Corp. (NYSE: ACME) is the leading maker of …"), and the paragraphs right after it that
// start with the name too ("Ascom is headquartered in …"). A press release ends with this standard
// description of its publisher, the same under every release and not part of the news; a reader of the
// article does not want it, and the benchmark's annotators left it out. The site's name is the last part of
// a title of two or three parts ("Headline | Ascom"; a longer first line is a menu, a middle part a
// section, a first part may name the person the page is about), or the name in the page's copyright line
// ("© 2019 Ascom"), which metadata-lines, running earlier, has filed. The name must be the subject of "is
// a", "is the" or the like followed soon by a word for an organisation ("provider", "company",
// "Unternehmen"): a release that opens "Ascom, a global provider …, announced", a photographer credited "©
// Maria Lopez" and "Philosophy is the discipline …" under "… | Philosophy | Aeon" are not profiles. It must
// also follow at least two paragraphs of prose, so a page that is itself about the organisation (its "About
// us") keeps its opening.
import type { Finding, Page } from '../types.js';
import { TITLE_SEPARATOR, titleLine } from './page-title.js';
import { charClass, isAsciiWordChar, isCapital, OTHER } from '../text/tokens.js';
import { isProse } from './prose.js';
import type { Rule } from './rule.js';

/** Paragraphs of prose above a profile: the article it is appended to. */
const PROSE_ABOVE = 2;
/** A profile stands below the article: in the page's lower part, from this share of its blocks on. */
const PROFILE_FROM = 0.5;
/** Paragraphs of one profile: its first and those after it that start with the name. */
const MAX_PROFILE_PARAGRAPHS = 4;
/** A site's name in a title is a few words; a longer part is a second headline. */
const MAX_NAME_CHARS = 40;
/** Parts of a title that names its site: headline and site, or headline, section and site. */
const MAX_TITLE_PARTS = 3;
/**
 * What follows the name in a profile's first sentence: a ticker or legal form in parentheses, then "is
 * a/an/the" (English, German, French, Spanish, Italian, Dutch, Portuguese).
 */
const DESCRIBED = /^(?:\s*\([^)]{1,40}\))?,?\s+(?:is an?|is the|is one of|ist (?:eine?|der|die|das)|est (?:une?|le|la|l[’'])|es (?:una?|el|la)|è (?:una?|il|la|l[’'])|is een|é (?:uma?|o|a))\s/u;
/** Words for an organisation, one of which follows "is a" within ORGANISATION_WORD_REACH words (any case, plurals). */
const ORGANISATION_WORD =
  /^(?:compan(?:y|ies)|provider|firm|maker|manufacturer|developer|supplier|vendor|leader|group|organi[sz]ation|subsidiary|owner|publisher|network|platform|agency|bank|insurer|operator|producer|retailer|distributor|business|corporation|conglomerate|institution|foundation|non-?profit|charity|association|cooperative|unternehmen|anbieter|hersteller|konzern|dienstleister|marktführer|gruppe|entreprise|société|fournisseur|groupe|fabricant|éditeur|empresa|compañía|proveedor|grupo|fabricante|azienda|società|fornitore|gruppo|produttore|bedrijf|leverancier|onderneming|fornecedor)s?$/u;
const ORGANISATION_WORD_REACH = 8;

export const organisationProfile: Rule = {
  id: 'organisation-profile',
  description: "The publisher's standard description below a press release (\"Acme is a leading provider of …\"), found by the site's name from the page title or its copyright line.",
  find(page: Page): Finding[] {
    const names = siteNames(page);
    if (names.length === 0) return [];
    const { blocks, measures } = page;
    const from = Math.floor(blocks.length * PROFILE_FROM);
    const findings: Finding[] = [];
    let proseAbove = 0;
    for (let i = 0; i < blocks.length; i++) {
      const text = blocks[i]!.text;
      const name = i >= from && proseAbove >= PROSE_ABOVE ? names.find((n) => startsWithName(text, n) && describesAnOrganisation(text.slice(n.length))) : undefined;
      if (name === undefined) {
        if (proseAbove < PROSE_ABOVE && isProse(text, measures[i]!)) proseAbove++;
        continue;
      }
      const reason = `describes the site's organisation (${name}) below the article`;
      findings.push({ block: i, verdict: 'boilerplate', reason });
      // The profile's further paragraphs start with the name too ("Ascom is headquartered in …").
      for (let more = 1; more < MAX_PROFILE_PARAGRAPHS && i + 1 < blocks.length && startsWithName(blocks[i + 1]!.text, name); more++) {
        i++;
        findings.push({ block: i, verdict: 'boilerplate', reason });
      }
    }
    return findings;
  },
};

/** Whether `rest`, what follows the name, is "is a …" with a word for an organisation soon after. */
function describesAnOrganisation(rest: string): boolean {
  const match = DESCRIBED.exec(rest);
  if (match === null) return false;
  const words = rest.slice(match[0].length).toLowerCase().split(/[\s,;:.()]+/u, ORGANISATION_WORD_REACH);
  return words.some((word) => ORGANISATION_WORD.test(word));
}

/**
 * The names the site goes by: the last part of a title of two or three parts ("Headline | Ascom" gives
 * "Ascom"), and the names metadata-lines read from copyright lines and crawler URL lines (its findings are
 * filed before this rule runs).
 */
function siteNames(page: Page): string[] {
  const names = new Set<string>();
  const title = titleLine(page);
  const parts = title === undefined ? [] : title.split(TITLE_SEPARATOR).map((part) => part.trim());
  // The last part: "Keir Starmer | The Guardian" names a person first, and a page about them says "Keir
  // Starmer is the leader of …".
  if (parts.length >= 2 && parts.length <= MAX_TITLE_PARTS) names.add(parts.at(-1)!);
  // Most blocks have no finding; their shared empty list is skipped rather than iterated (see applyRules).
  for (const findings of page.findings) {
    if (findings.length === 0) continue;
    for (const f of findings) if (f.metadata?.site !== undefined) names.add(f.metadata.site.trim());
  }
  return [...names].filter((name) => name.length >= 2 && name.length <= MAX_NAME_CHARS && isCapital(name[0]!));
}

/** Whether `text` starts with `name` as a whole word ("Ascom is", "Ascom’s", not "Ascoms"). */
function startsWithName(text: string, name: string): boolean {
  if (!text.startsWith(name)) return false;
  if (text.length === name.length) return true;
  const code = text.charCodeAt(name.length);
  return code < 0x80 ? !isAsciiWordChar(code) : charClass(code) === OTHER;
}
