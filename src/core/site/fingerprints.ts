// Cross-page evidence, the counting half: how many pages of a site carry each line. A line is reduced to
// the same normalised form the rules compare (lower case, words only, see split-blocks and tokens), and
// that form to a 64-bit fingerprint, so the counts of a whole crawl stay small and can be written to a
// file, added up across shards, and read back. Counts are plain sums (pages per site, pages per line per
// site), so merging the counts of shards gives exactly the counts of one pass over all of them.
import { collapseWhitespace } from '../pipeline/split-blocks.js';
import { charClass, isAsciiWordChar, isLetterAt, isMostlyUnspaced, OTHER, words } from '../text/tokens.js';

/** A site's pages and, per line fingerprint, on how many of them the line occurs (once per page). */
export interface SiteCounts {
  pages: number;
  lines: Map<string, number>;
}

export type CountsBySite = Map<string, SiteCounts>;

/** What the site-repeats rule is given for one page: its site's page count and line counts. */
export interface SiteEvidence {
  pages: number;
  /** Pages of the site that carry the line with this fingerprint (see `fingerprint`). */
  count(fingerprint: string): number;
}

/** The normalised form of a line that is fingerprinted: the same as a block's `words.join(' ')`. */
export function lineKey(line: string): string {
  return words(collapseWhitespace(line).toLowerCase()).join(' ');
}

/**
 * 64 bits: two independent 32-bit hashes (FNV-1a and a multiply-xorshift) of the UTF-16 code units.
 * Collisions are then about one in 2^64 per pair, negligible even across a crawl's lines. In memory a
 * fingerprint is those 64 bits as four UTF-16 code units, a string that is cheap to make and to key a Map
 * with (every line of every page of a batch is fingerprinted); counts files spell it as 16 hex digits
 * (`fingerprintHex`).
 */
export function fingerprint(key: string): string {
  let a = HASH_A_START;
  let b = HASH_B_START;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return packed(a, b);
}

const HASH_A_START = 0x811c9dc5;
const HASH_B_START = 0x9747b28c;

/** Finishes the second hash and packs both into four code units, high halves first. */
function packed(a: number, b: number): string {
  b = Math.imul(b ^ (b >>> 13), 0x5bd1e995);
  b ^= b >>> 15;
  return String.fromCharCode(a >>> 16, a & 0xffff, b >>> 16, b & 0xffff);
}

/** The 16 hex digits of a fingerprint, as counts files write it. */
export function fingerprintHex(fp: string): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += fp.charCodeAt(i).toString(16).padStart(4, '0');
  return hex;
}

/** A fingerprint from its 16 hex digits (checked by the caller). */
export function fingerprintFromHex(hex: string): string {
  return String.fromCharCode(...[0, 4, 8, 12].map((at) => parseInt(hex.slice(at, at + 4), 16)));
}

/**
 * `fingerprint(lineKey(line))` for a line already lower-cased (collapsing its white space changes no
 * word), or undefined when the line has no words. Every line of every page of a batch is fingerprinted,
 * twice with cross-page evidence on (counting, then the site-repeats rule), so for spaced scripts the
 * words are hashed as they are scanned, with the same cuts as words() (text/tokens.ts) and a space
 * between words, instead of cutting out a string per word and joining them.
 */
export function lineFingerprint(lower: string, unspaced = isMostlyUnspaced(lower)): string | undefined {
  if (unspaced) {
    const key = words(lower, true).join(' ');
    return key === '' ? undefined : fingerprint(key);
  }
  let a = HASH_A_START;
  let b = HASH_B_START;
  let inWord = false;
  let hasWords = false;
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    const code = lower.charCodeAt(i);
    const isWordChar = code < 0x80 ? isAsciiWordChar(code) : charClass(code) !== OTHER;
    if (!isWordChar) {
      // An apostrophe between letters stays inside the word (as in words()); anything else ends it.
      if (!inWord || !((code === 0x27 || code === 0x2019) && i + 1 < n && isLetterAt(lower, i + 1) && isLetterAt(lower, i - 1))) {
        inWord = false;
        continue;
      }
    } else if (!inWord) {
      inWord = true;
      if (hasWords) {
        a = Math.imul(a ^ 0x20, 0x01000193);
        b = Math.imul(b ^ 0x20, 0x5bd1e995);
        b ^= b >>> 15;
      }
      hasWords = true;
    }
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return hasWords ? packed(a, b) : undefined;
}

/** The distinct fingerprints of a page's lines (a line printed twice on a page counts once). */
export function pageFingerprints(text: string): Set<string> {
  const found = new Set<string>();
  for (const line of text.includes('\r') ? text.split(/\r\n|\r|\n/u) : text.split('\n')) {
    const fp = lineFingerprint(line.toLowerCase());
    if (fp !== undefined) found.add(fp);
  }
  return found;
}

/** Counts one page of `site`. */
export function addPage(counts: CountsBySite, site: string, text: string): void {
  addFingerprints(counts, site, pageFingerprints(text));
}

export function addFingerprints(counts: CountsBySite, site: string, fingerprints: Iterable<string>): void {
  let entry = counts.get(site);
  if (!entry) counts.set(site, (entry = { pages: 0, lines: new Map() }));
  entry.pages++;
  for (const fp of fingerprints) entry.lines.set(fp, (entry.lines.get(fp) ?? 0) + 1);
}

/** Adds `from` into `into`. */
export function mergeCounts(into: CountsBySite, from: CountsBySite): CountsBySite {
  for (const [site, counts] of from) {
    let entry = into.get(site);
    if (!entry) into.set(site, (entry = { pages: 0, lines: new Map() }));
    entry.pages += counts.pages;
    for (const [fp, n] of counts.lines) entry.lines.set(fp, (entry.lines.get(fp) ?? 0) + n);
  }
  return into;
}

/** Tuning of the rule, kept here so that counting and the rule agree on what can matter. */
/** A site with fewer pages than this gives no evidence: a handful of pages cannot tell a menu from a quote. */
export const MIN_SITE_PAGES = 5;
/** A line must be on at least this many pages, however few the site has: two pages never decide. */
export const MIN_REPEAT_PAGES = 4;
/** ... and on at least this share of the site's pages. */
export const REPEAT_SHARE = 0.3;

/** Pages a line must be on to be evidence of boilerplate; Infinity when the site is too small. */
export function repeatThreshold(pages: number): number {
  return pages < MIN_SITE_PAGES ? Infinity : Math.max(MIN_REPEAT_PAGES, Math.ceil(REPEAT_SHARE * pages));
}

export function evidenceOf(counts: SiteCounts): SiteEvidence {
  return { pages: counts.pages, count: (fp) => counts.lines.get(fp) ?? 0 };
}

/**
 * Keeps only the lines that can be evidence (at the threshold or above): what a worker needs for a
 * site, a few hundred lines instead of every line of every page.
 */
export function onlyRepeats(counts: SiteCounts): SiteCounts {
  const threshold = repeatThreshold(counts.pages);
  const lines = new Map<string, number>();
  for (const [fp, n] of counts.lines) if (n >= threshold) lines.set(fp, n);
  return { pages: counts.pages, lines };
}

const HEADER = 'boilerstrip-counts 1';

/**
 * The counts file: a header line, then per site (sorted) `site<TAB>pages` and per line (sorted by
 * fingerprint) `<TAB>fingerprint<TAB>count`. Sorted, so equal counts give byte-identical files.
 */
export function serializeCounts(counts: CountsBySite): string {
  const out = [HEADER];
  for (const site of [...counts.keys()].sort()) {
    const entry = counts.get(site)!;
    out.push(`${site}\t${entry.pages}`);
    const lines = [...entry.lines].map(([fp, n]) => [fingerprintHex(fp), n] as const).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    for (const [hex, n] of lines) out.push(`\t${hex}\t${n}`);
  }
  return `${out.join('\n')}\n`;
}

export class CountsFormatError extends Error {
  override name = 'CountsFormatError';
}

export function parseCounts(text: string): CountsBySite {
  const lines = text.split('\n');
  if (lines[0] !== HEADER) throw new CountsFormatError(`not a boilerstrip counts file (line 1 is not "${HEADER}")`);
  const counts: CountsBySite = new Map();
  let current: SiteCounts | undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const fields = line.split('\t');
    if (fields[0] === '' && fields.length === 3 && /^[0-9a-f]{16}$/u.test(fields[1]!) && /^\d+$/u.test(fields[2]!) && current) {
      const fp = fingerprintFromHex(fields[1]!);
      current.lines.set(fp, (current.lines.get(fp) ?? 0) + Number(fields[2]));
    } else if (fields.length === 2 && fields[0] !== '' && /^\d+$/u.test(fields[1]!)) {
      current = counts.get(fields[0]!) ?? { pages: 0, lines: new Map() };
      current.pages += Number(fields[1]);
      counts.set(fields[0]!, current);
    } else {
      throw new CountsFormatError(`line ${i + 1} is not a site or a line count`);
    }
  }
  return counts;
}
