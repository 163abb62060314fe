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
  lines: LineCounts;
}

export type CountsBySite = Map<string, SiteCounts>;

/** What the site-repeats rule is given for one page: its site's page count and line counts. */
export interface SiteEvidence {
  pages: number;
  /** Pages of the site that carry this line (lower-cased, as a block's `lower`). */
  count(lowerLine: string): number;
}

/** The normalised form of a line that is fingerprinted: the same as a block's `words.join(' ')`. */
export function lineKey(line: string): string {
  return words(collapseWhitespace(line).toLowerCase()).join(' ');
}

/**
 * The fingerprint of a line's key, as counts files spell it: 64 bits as 16 hex digits, two independent
 * 32-bit hashes (FNV-1a and a multiply-xorshift) of the key's UTF-16 code units. Collisions are then about
 * one in 2^64 per pair, negligible even across a crawl's lines. This is the definition; counting computes
 * the same bits without building the key (`forEachLineFingerprint`).
 */
export function fingerprint(key: string): string {
  let hexDigits = '';
  hashKey(key, (a, b) => (hexDigits = hex(a, b)));
  return hexDigits;
}

const HASH_A_START = 0x811c9dc5;
const HASH_B_START = 0x9747b28c;

/** Calls `visit` with the two finished 32-bit halves of the fingerprint of `key`. */
function hashKey(key: string, visit: (a: number, b: number) => void): void {
  let a = HASH_A_START;
  let b = HASH_B_START;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  visit(a >>> 0, finishB(b) >>> 0);
}

function finishB(b: number): number {
  b = Math.imul(b ^ (b >>> 13), 0x5bd1e995);
  return b ^ (b >>> 15);
}

function hex(a: number, b: number): string {
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Calls `visit` with the two 32-bit halves of the fingerprint of each line of `lower` (lower-cased text)
 * that has words: `fingerprint(lineKey(line))`, computed in one scan of the text with the cuts of words()
 * (text/tokens.ts) and a space between words, without cutting out a line, a word or a key. Every line of
 * every page of a batch is fingerprinted, twice with cross-page evidence on (counting, then the rule), so
 * this is the counting pass's whole cost. Lines in scripts written without spaces are cut by the
 * segmenter, as words() does, and hashed from their key.
 */
export function forEachLineFingerprint(lower: string, visit: (a: number, b: number) => void): void {
  let a = HASH_A_START;
  let b = HASH_B_START;
  let inWord = false;
  let hasWords = false;
  let maybeUnspaced = false;
  let lineStart = 0;
  const n = lower.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? lower.charCodeAt(i) : 0x0a;
    if (code === 0x0a || code === 0x0d) {
      if (maybeUnspaced && isMostlyUnspaced(lower.slice(lineStart, i))) {
        const key = words(lower.slice(lineStart, i), true).join(' ');
        if (key !== '') hashKey(key, visit);
      } else if (hasWords) {
        visit(a >>> 0, finishB(b) >>> 0);
      }
      a = HASH_A_START;
      b = HASH_B_START;
      inWord = hasWords = maybeUnspaced = false;
      lineStart = i + 1;
      continue;
    }
    let isWordChar: boolean;
    if (code < 0x80) {
      isWordChar = isAsciiWordChar(code);
    } else {
      isWordChar = charClass(code) !== OTHER;
      if (code >= 0x2e80 || (code >= 0x0e00 && code <= 0x0e7f)) maybeUnspaced = true;
    }
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
}

/**
 * Counts per 64-bit fingerprint: an open-addressing hash table over typed arrays. A crawl's counts hold
 * every distinct line of every page, so each entry is kept in 12 bytes (a Map from strings took several
 * times that, and a string per line to make), and the table crosses to and from worker threads as three
 * arrays.
 */
export class LineCounts {
  private a: Uint32Array;
  private b: Uint32Array;
  /** 0 marks a free slot: a line that is counted is on at least one page. */
  private n: Uint32Array;
  size = 0;

  constructor(capacity = 64) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.a = new Uint32Array(slots);
    this.b = new Uint32Array(slots);
    this.n = new Uint32Array(slots);
  }

  /** Adds `count` to the line's count; returns the new count. */
  add(a: number, b: number, count: number): number {
    if (count === 0) return this.get(a, b);
    if ((this.size + 1) * 2 > this.n.length) this.grow();
    const slot = this.slotOf(a, b);
    if (this.n[slot] === 0) {
      this.a[slot] = a;
      this.b[slot] = b;
      this.size++;
    }
    return (this.n[slot] = this.n[slot]! + count);
  }

  get(a: number, b: number): number {
    return this.n[this.slotOf(a, b)]!;
  }

  forEach(visit: (a: number, b: number, count: number) => void): void {
    const { n } = this;
    for (let slot = 0; slot < n.length; slot++) if (n[slot] !== 0) visit(this.a[slot]!, this.b[slot]!, n[slot]!);
  }

  /** The entries as three arrays of `size` (what crosses to another thread); `fromArrays` reads them back. */
  toArrays(): { a: Uint32Array; b: Uint32Array; n: Uint32Array } {
    const out = { a: new Uint32Array(this.size), b: new Uint32Array(this.size), n: new Uint32Array(this.size) };
    let i = 0;
    this.forEach((a, b, n) => {
      out.a[i] = a;
      out.b[i] = b;
      out.n[i++] = n;
    });
    return out;
  }

  static fromArrays(arrays: { a: Uint32Array; b: Uint32Array; n: Uint32Array }): LineCounts {
    const counts = new LineCounts(arrays.n.length);
    for (let i = 0; i < arrays.n.length; i++) counts.add(arrays.a[i]!, arrays.b[i]!, arrays.n[i]!);
    return counts;
  }

  /** The slot holding (a, b), or the free slot where it would go. `b` is already well mixed (finishB). */
  private slotOf(a: number, b: number): number {
    const mask = this.n.length - 1;
    let slot = b & mask;
    while (this.n[slot] !== 0 && (this.a[slot] !== a || this.b[slot] !== b)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const old = { a: this.a, b: this.b, n: this.n };
    this.a = new Uint32Array(old.n.length * 2);
    this.b = new Uint32Array(old.n.length * 2);
    this.n = new Uint32Array(old.n.length * 2);
    this.size = 0;
    for (let slot = 0; slot < old.n.length; slot++) if (old.n[slot] !== 0) this.add(old.a[slot]!, old.b[slot]!, old.n[slot]!);
  }
}

/** The fingerprints of a page's lines, each once (a line printed twice on a page counts once). */
export function pageFingerprints(text: string): LineCounts {
  const found = new LineCounts(256);
  forEachLineFingerprint(lowerCaseLines(text), (a, b) => void found.add(a, b, 1));
  return found;
}

/**
 * The page lower-cased as its blocks are (split-blocks: white space collapsed, then lower-cased), in one
 * call for the whole text. Collapsing changes no word, and lower-casing does not depend on the
 * neighbouring characters, with one exception: a capital sigma after a letter becomes the final form
 * 'ς' when a zero-width space (which collapsing turns into a space) is all that separates them. Pages
 * with a capital sigma are therefore collapsed line by line first.
 */
function lowerCaseLines(text: string): string {
  if (!text.includes('\u03a3')) return text.toLowerCase();
  return text
    .split(/\r\n|\r|\n/u)
    .map((line) => collapseWhitespace(line).toLowerCase())
    .join('\n');
}

/** Counts one page of `site`. */
export function addPage(counts: CountsBySite, site: string, text: string): void {
  const entry = siteEntry(counts, site);
  entry.pages++;
  pageFingerprints(text).forEach((a, b) => void entry.lines.add(a, b, 1));
}

function siteEntry(counts: CountsBySite, site: string): SiteCounts {
  let entry = counts.get(site);
  if (!entry) counts.set(site, (entry = { pages: 0, lines: new LineCounts() }));
  return entry;
}

/** Adds `from` into `into`. */
export function mergeCounts(into: CountsBySite, from: CountsBySite): CountsBySite {
  for (const [site, counts] of from) {
    const entry = siteEntry(into, site);
    entry.pages += counts.pages;
    counts.lines.forEach((a, b, n) => void entry.lines.add(a, b, n));
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
  return {
    pages: counts.pages,
    count(lowerLine) {
      let found = 0;
      forEachLineFingerprint(lowerLine, (a, b) => (found = counts.lines.get(a, b)));
      return found;
    },
  };
}

/**
 * Keeps only the lines that can be evidence (at the threshold or above): what a worker needs for a
 * site, a few hundred lines instead of every line of every page.
 */
export function onlyRepeats(counts: SiteCounts): SiteCounts {
  const threshold = repeatThreshold(counts.pages);
  const lines = new LineCounts();
  counts.lines.forEach((a, b, n) => void (n >= threshold && lines.add(a, b, n)));
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
    const lines: [string, number][] = [];
    entry.lines.forEach((a, b, n) => lines.push([hex(a, b), n]));
    lines.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    for (const [digits, n] of lines) out.push(`\t${digits}\t${n}`);
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
    if (fields[0] === '' && fields.length === 3 && /^[0-9a-f]{16}$/u.test(fields[1]!) && /^\d{1,9}$/u.test(fields[2]!) && current) {
      current.lines.add(parseInt(fields[1]!.slice(0, 8), 16), parseInt(fields[1]!.slice(8), 16), Number(fields[2]));
    } else if (fields.length === 2 && fields[0] !== '' && /^\d{1,9}$/u.test(fields[1]!)) {
      current = siteEntry(counts, fields[0]!);
      current.pages += Number(fields[1]);
    } else {
      throw new CountsFormatError(`line ${i + 1} is not a site or a line count`);
    }
  }
  return counts;
}
