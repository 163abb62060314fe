// Cross-page evidence, the counting half: how many pages of a site carry each line. A line is reduced to
// the same normalised form the rules compare (lower case, words only, see split-blocks and tokens), and
// that form to a 64-bit fingerprint, so the counts of a whole crawl stay small and can be written to a
// file, added up across shards, and read back. Counts are plain sums (pages per site, pages per line per
// site), so merging the counts of shards gives exactly the counts of one pass over all of them.
import { holdsMostOfPage, RUN_ON_MIN_CHARS, runOnPieces, textChars } from '../pipeline/run-on-lines.js';
import { collapseWhitespace } from '../pipeline/split-blocks.js';
import { newPage } from '../page.js';
import { readDump } from '../pipeline/read-dump.js';
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
  /**
   * The same count from the line's words, as words() cuts them (a block's `words`): count(lower) is
   * countWords(words(lower)). A line in a script without spaces is cut by the segmenter, which costs
   * about a microsecond a character; a block's words are cut already, and count() cuts them again.
   * Optional: evidence made by other code may have only count().
   */
  countWords?(words: readonly string[]): number;
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
 * The largest count a counts file holds, for a line and for a site's pages: counts are 32-bit, and stop
 * there rather than wrap round (a site would need four billion pages to reach it).
 */
export const MAX_COUNT = 0xffffffff;

/** x + y, stopping at MAX_COUNT: every count, of lines and of pages, is summed through this. */
export function addCounts(x: number, y: number): number {
  return Math.min(x + y, MAX_COUNT);
}

/** A table emptied for the next page (LineCounts.clear) that grew past this many slots is made anew. */
const MAX_KEPT_SLOTS = 1 << 11;

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
    const slots = LineCounts.slotsFor(capacity);
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
    return (this.n[slot] = addCounts(this.n[slot]!, count));
  }

  get(a: number, b: number): number {
    return this.n[this.slotOf(a, b)]!;
  }

  /**
   * Forgets every entry. A table that grew for a page of many lines starts small again, so that the pages
   * after it do not each pay for emptying and visiting thousands of slots.
   */
  clear(): void {
    if (this.n.length > MAX_KEPT_SLOTS) {
      const slots = LineCounts.slotsFor(INITIAL_CAPACITY);
      this.a = new Uint32Array(slots);
      this.b = new Uint32Array(slots);
      this.n = new Uint32Array(slots);
    } else if (this.size > 0) {
      this.n.fill(0);
    }
    this.size = 0;
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

  /** Slots for `capacity` entries: a power of two, at most half of them used. */
  private static slotsFor(capacity: number): number {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    return slots;
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

/** Entries a page's table starts with (most pages have fewer distinct lines). */
const INITIAL_CAPACITY = 256;

/**
 * The fingerprints of a page's lines, each once (a line printed twice on a page counts once), in `into`
 * (emptied first) when it is given. A page is read as strip() reads it first (pipeline/read-dump.ts: a
 * Markdown page's links as their text, a wrapped page's lines joined; not the steps in `disabledRules`), so
 * that its lines are counted as the blocks the rules see.
 */
export function pageFingerprints(page: string, into = new LineCounts(INITIAL_CAPACITY), disabledRules: readonly string[] = []): LineCounts {
  const read = newPage(page);
  readDump(read, disabledRules);
  const text = read.source;
  into.clear();
  const add = (a: number, b: number) => void into.add(a, b, 1);
  forEachLineFingerprint(lowerCaseLines(text), add);
  forEachRunOnPiece(text, (piece) => forEachLineFingerprint(piece.toLowerCase(), add));
  return into;
}

/**
 * Calls `visit` with each piece of each run-on line of `text` (a page joined on one line, cut as
 * split-blocks cuts it: pipeline/run-on-lines.ts), so that the pieces, which are the page's blocks, are
 * counted as its lines are.
 */
function forEachRunOnPiece(text: string, visit: (piece: string) => void): void {
  const n = text.length;
  // Line breaks as split-blocks reads them (\n, \r\n, a lone \r). This runs on every page counted, and
  // only lines of RUN_ON_MIN_CHARS or more matter: rather than find the end of every line (a search per
  // line cost 2 % of a batch), it looks back from the end of a window of that many characters for the
  // last break in it. One there ends every line that starts in the window, and all of them are shorter;
  // none means the line at the window's start is a long one.
  const hasCr = text.includes('\r');
  /** textChars(text), counted when a line is long enough to be cut, as split-blocks counts it. */
  let pageChars: number | undefined;
  // `start` is always where a line starts, or the \n of a \r\n (an empty line: never a long one).
  for (let start = 0; start + RUN_ON_MIN_CHARS <= n; ) {
    const last = start + RUN_ON_MIN_CHARS - 1;
    const lastBreak = Math.max(text.lastIndexOf('\n', last), hasCr ? text.lastIndexOf('\r', last) : -1);
    if (lastBreak >= start) {
      start = lastBreak + 1;
      continue;
    }
    const nextLf = text.indexOf('\n', start);
    const nextCr = hasCr ? text.indexOf('\r', start) : -1;
    const end = Math.min(nextLf < 0 ? n : nextLf, nextCr < 0 ? n : nextCr);
    const collapsed = collapseWhitespace(text.slice(start, end));
    pageChars ??= textChars(text);
    const pieces = runOnPieces(collapsed, holdsMostOfPage(collapsed, pageChars));
    if (pieces.length > 1) pieces.forEach(visit);
    start = text.startsWith('\r\n', end) ? end + 2 : end + 1;
  }
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

/**
 * One table for the lines of every page counted, emptied each time: a new one per page (three typed
 * arrays) made the garbage collector a third of a `counts build`.
 */
let pageScratch: LineCounts | undefined;

/** Counts one page of `site`, read as strip() reads it with the steps in `disabledRules` off. */
export function addPage(counts: CountsBySite, site: string, text: string, disabledRules: readonly string[] = []): void {
  const entry = siteEntry(counts, site);
  entry.pages = addCounts(entry.pages, 1);
  pageFingerprints(text, (pageScratch ??= new LineCounts(INITIAL_CAPACITY)), disabledRules).forEach((a, b) => void entry.lines.add(a, b, 1));
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
    entry.pages = addCounts(entry.pages, counts.pages);
    counts.lines.forEach((a, b, n) => void entry.lines.add(a, b, n));
  }
  return into;
}

/**
 * Adds a site's counts given as LineCounts.toArrays made them (what a worker thread hands back) into
 * `into`, straight from the arrays: making a table of them first (fromArrays) and merging that inserted
 * every line twice.
 */
export function addLineArrays(into: CountsBySite, site: string, pages: number, lines: { a: Uint32Array; b: Uint32Array; n: Uint32Array }): void {
  const entry = siteEntry(into, site);
  entry.pages = addCounts(entry.pages, pages);
  const { a, b, n } = lines;
  for (let i = 0; i < n.length; i++) entry.lines.add(a[i]!, b[i]!, n[i]!);
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
  return evidenceWith(counts.pages, (a, b) => counts.lines.get(a, b));
}

/** The evidence of a site of `pages` pages whose line counts `lookUp` gives by fingerprint. */
export function evidenceWith(pages: number, lookUp: (a: number, b: number) => number): SiteEvidence {
  return {
    pages,
    count(lowerLine) {
      let found = 0;
      forEachLineFingerprint(lowerLine, (a, b) => (found = lookUp(a, b)));
      return found;
    },
    countWords(words) {
      // A line without words has no fingerprint (forEachLineFingerprint visits none): it is on no page.
      if (words.length === 0) return 0;
      let found = 0;
      hashKey(words.join(' '), (a, b) => (found = lookUp(a, b)));
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

/**
 * The counts file: a header line, then per site (sorted) `site<TAB>pages` and per line (sorted by
 * fingerprint) `<TAB>fingerprint<TAB>count`, counts in decimal up to MAX_COUNT, a tab, line break or
 * backslash in a site's name escaped (spellSite), and last `end<TAB>sites<TAB>lines`: the number of site
 * lines and of line counts before it. Sorted, so equal counts give byte-identical files.
 *
 * The end line is what tells a whole file from one cut short (a copy stopped half-way, a full disk):
 * without it, a cut at a line's end or after a count's first digits left a file that read as valid, with
 * fewer or smaller counts. Any cut loses the end line or damages it, and its numbers catch a cut inside
 * them (`end 3 57` cut to `end 3 5`) and lines lost or added in the middle. Version 1 files, written
 * before the end line, are still read, without that check (COUNTS_HEADER_V1).
 */
export const COUNTS_HEADER = 'boilerstrip-counts 2';
/** The header of files written by earlier versions, which have no end line. */
export const COUNTS_HEADER_V1 = 'boilerstrip-counts 1';
/** The end line's first field; a site line has one tab, the end line two, so a site named `end` is no end line. */
const END = 'end';
const TAB = 0x09;
const NEWLINE = 0x0a;

/** The counts file (see COUNTS_HEADER) as a string. */
export function serializeCounts(counts: CountsBySite): string {
  const chunks = [...countsFileChunks(counts)];
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return new TextDecoder().decode(bytes);
}

/** Bytes per piece of countsFileChunks. */
const CHUNK_BYTES = 1 << 16;
/** The longest line count line: tab, 16 hex digits, tab, a count of at most 10 digits (32 bits), newline. */
const LINE_COUNT_BYTES = 1 + 16 + 1 + 10 + 1;
/** Not TextEncoder: Node loads that on first use, which a run that writes no counts file need not pay for. */
const HEX_DIGITS = Uint8Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/**
 * The counts file (see COUNTS_HEADER) as UTF-8, in pieces of about `chunkBytes`, written byte by byte. A
 * crawl's counts hold millions of lines: the first version made several strings per line and joined
 * them, which took 550 MB and 7 s for 2 million lines; this makes none per line count, and sorts one
 * 64-bit key per line natively.
 */
export function* countsFileChunks(counts: CountsBySite, chunkBytes = CHUNK_BYTES): Generator<Uint8Array> {
  // Its line would start with a tab, as a line count does: the file could not be read back.
  if (counts.has('')) throw new Error('a counts file cannot hold a site without a name');
  const encoder = new TextEncoder();
  let chunk = new Uint8Array(chunkBytes);
  let at = 0;
  /** Makes room for `bytes` more; returns the chunk to hand out when it was full (never an empty one). */
  const makeRoom = (bytes: number): Uint8Array | undefined => {
    if (at + bytes <= chunk.length) return undefined;
    const full = at > 0 ? chunk.subarray(0, at) : undefined;
    chunk = new Uint8Array(Math.max(chunkBytes, bytes));
    at = 0;
    return full;
  };
  /** Writes `value`; returns what makeRoom returned. */
  const writeText = (value: string) => {
    const full = makeRoom(value.length * 3); // UTF-8 takes at most 3 bytes per UTF-16 code unit
    at += encoder.encodeInto(value, chunk.subarray(at)).written;
    return full;
  };
  let full: Uint8Array | undefined;
  let lines = 0;
  writeText(`${COUNTS_HEADER}\n`);
  for (const site of [...counts.keys()].sort()) {
    const entry = counts.get(site)!;
    if ((full = writeText(`${spellSite(site)}\t${entry.pages}\n`))) yield full;
    const halves = sortedFingerprints(entry.lines);
    lines += halves.length / 2;
    for (let i = 0; i < halves.length; i += 2) {
      const a = halves[i + HIGH_HALF]!;
      const b = halves[i + LOW_HALF]!;
      if ((full = makeRoom(LINE_COUNT_BYTES))) yield full;
      chunk[at++] = TAB;
      for (let shift = 28; shift >= 0; shift -= 4) chunk[at++] = HEX_DIGITS[(a >>> shift) & 15]!;
      for (let shift = 28; shift >= 0; shift -= 4) chunk[at++] = HEX_DIGITS[(b >>> shift) & 15]!;
      chunk[at++] = TAB;
      at = writeDecimal(chunk, at, entry.lines.get(a, b));
      chunk[at++] = NEWLINE;
    }
  }
  if ((full = writeText(`${END}\t${counts.size}\t${lines}\n`))) yield full;
  yield chunk.subarray(0, at);
}

/**
 * A site's name as the counts file spells it. A site named by its folder may hold a tab or a line break
 * (folder names can), which would end the name or its line and leave a file that cannot be read back:
 * those, and the backslash that escapes them, are written as `\t`, `\n`, `\r` and `\\`. Every other name,
 * and every URL host, is written as it is.
 */
function spellSite(site: string): string {
  return SITE_SPECIALS.test(site) ? site.replace(SITE_SPECIALS_ALL, (c) => SITE_ESCAPES[c]!) : site;
}

/**
 * The name `spellSite` spelt; a backslash before any other character is itself. Only for version 2
 * files: version 1 files were written before the escapes, with every name as it is, so a folder named
 * `c\new` there is `c\new`, not "c", a line break and "ew" (see CountsReader).
 */
function readSite(spelt: string): string {
  return spelt.includes('\\') ? spelt.replace(SITE_ESCAPED, (escape, c: string) => SITE_UNESCAPES[c] ?? escape) : spelt;
}

const SITE_SPECIALS = /[\\\t\n\r]/u;
const SITE_SPECIALS_ALL = /[\\\t\n\r]/gu;
const SITE_ESCAPED = /\\([\\tnr])/gu;
const SITE_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SITE_UNESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };

/** Writes the digits of `value` (a whole number ≥ 0) at bytes[at ..]; returns the position after them. */
function writeDecimal(bytes: Uint8Array, at: number, value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  for (let i = at + digits - 1, rest = value; i >= at; i--, rest = Math.floor(rest / 10)) bytes[i] = 0x30 + (rest % 10);
  return at + digits;
}

/** Where the high and low 32 bits of a 64-bit integer lie in a Uint32Array over its bytes. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
export const HIGH_HALF = LITTLE_ENDIAN ? 1 : 0;
export const LOW_HALF = LITTLE_ENDIAN ? 0 : 1;

/**
 * The fingerprints of `lines` in the order of their 16 hex digits, which is the order of (a, b) as one
 * unsigned 64-bit number: as a BigUint64Array, sorted without a comparison function, read back as pairs
 * of 32-bit halves.
 */
export function sortedFingerprints(lines: LineCounts): Uint32Array {
  const keys = new BigUint64Array(lines.size);
  const halves = new Uint32Array(keys.buffer);
  let i = 0;
  lines.forEach((a, b) => {
    halves[i + HIGH_HALF] = a;
    halves[i + LOW_HALF] = b;
    i += 2;
  });
  keys.sort();
  return halves;
}

export class CountsFormatError extends Error {
  override name = 'CountsFormatError';
}

/**
 * Reads a counts file, line by line in place: no string or array is made per line count. The counts are
 * added to `into` when it is given: reading several files into one is merging them, without a copy of
 * each. A file cut short throws CountsFormatError (see CountsReader), having added what came before the cut.
 */
export function parseCounts(text: string, into: CountsBySite = new Map()): CountsBySite {
  countsReaderInto(into).push(text).end();
  return into;
}

/** A CountsReader that adds what it reads to `into`. */
export function countsReaderInto(into: CountsBySite): CountsReader {
  let current: SiteCounts | undefined;
  return new CountsReader(
    (site, pages) => {
      current = siteEntry(into, site);
      current.pages = addCounts(current.pages, pages);
      return true;
    },
    (a, b, count) => void current!.lines.add(a, b, count),
  );
}

/**
 * Reads a counts file given in pieces of any size (cli/counts.ts reads a file 64 KB at a time, never whole),
 * handing each site's line (`site<TAB>pages`) and each line count after it to the callbacks, in file
 * order, read in place: no string or array is made per line count. A callback may return false to stop
 * the reading; `stopped` then tells. A malformed line throws CountsFormatError, and so does `end()` for a
 * file cut short: one whose end line is missing or does not count what came before it. The callbacks
 * have then been given the counts before the cut, which the caller must not use.
 */
export class CountsReader {
  /** The start of a line whose end has not come yet. */
  private pending = '';
  private lineNumber = 0;
  private inSite = false;
  /** Version 1 files have no end line to check. */
  private hasEndLine = true;
  /** Site lines and line counts read, to compare with the end line's. */
  private sitesRead = 0;
  private linesRead = 0;
  /** The line number of the end line, once read. */
  private endLine = 0;
  stopped = false;

  constructor(
    private readonly onSite: (site: string, pages: number) => boolean,
    private readonly onLine: (a: number, b: number, count: number) => boolean | void,
  ) {}

  /** Reads the lines that `text` completes; the start of the last one waits for the next piece. */
  push(text: string): this {
    if (this.stopped) return this;
    let start = 0;
    let end = text.indexOf('\n');
    if (end < 0) {
      this.pending += text;
      // A file that is not a counts file may have no line break for megabytes.
      if (this.lineNumber === 0 && this.pending.length > COUNTS_HEADER.length + 1) this.readLine(this.pending, 0, this.pending.length);
      return this;
    }
    if (this.pending !== '') {
      const line = this.pending + text.slice(0, end);
      this.pending = '';
      this.readLine(line, 0, line.length);
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    while (end >= 0 && !this.stopped) {
      this.readLine(text, start, end);
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    if (!this.stopped && start < text.length) this.pending = text.slice(start);
    return this;
  }

  /**
   * Reads the last line, when the file does not end with a line break (the end line's break is all a
   * cut there loses), and checks that the file ended with its end line.
   */
  end(): this {
    if (this.pending !== '' && !this.stopped) {
      try {
        this.readLine(this.pending, 0, this.pending.length);
      } catch (error) {
        // A malformed last line without its line break, and no end line: a cut inside a line, which is
        // what to tell, rather than that the half line is malformed.
        if (!(error instanceof CountsFormatError) || !this.hasEndLine || this.endLine !== 0 || this.lineNumber === 1) throw error;
        throw new CountsFormatError(`cut short in line ${this.lineNumber}: no end line (was it copied whole?)`);
      }
    }
    this.pending = '';
    if (this.lineNumber === 0 && !this.stopped) this.readLine('', 0, 0);
    if (this.hasEndLine && this.endLine === 0 && !this.stopped) throw new CountsFormatError(`cut short: no end line after line ${this.lineNumber} (was it copied whole?)`);
    return this;
  }

  private readLine(text: string, start: number, end: number): void {
    const lineNumber = ++this.lineNumber;
    if (lineNumber === 1) {
      const header = end - start === COUNTS_HEADER.length ? text.slice(start, end) : '';
      if (header !== COUNTS_HEADER && header !== COUNTS_HEADER_V1) throw new CountsFormatError(`not a boilerstrip counts file (line 1 is not "${COUNTS_HEADER}")`);
      this.hasEndLine = header === COUNTS_HEADER;
      return;
    }
    if (end === start) return;
    // Only blank lines may follow the end line: more counts there are files joined by hand.
    if (this.endLine !== 0) throw new CountsFormatError(`line ${lineNumber} follows the end line (line ${this.endLine}); join counts files with counts merge`);
    if (this.inSite && readLineCount(text, start, end)) {
      this.linesRead++;
      if (this.onLine(lineRead.a, lineRead.b, lineRead.count) === false) this.stopped = true;
      return;
    }
    const tab = text.indexOf('\t', start);
    if (this.hasEndLine && tab === start + END.length && text.startsWith(END, start)) {
      const secondTab = text.indexOf('\t', tab + 1);
      if (secondTab >= 0 && secondTab < end) return this.readEndLine(text, tab, secondTab, end, lineNumber);
    }
    const pages = tab > start && tab < end ? readCount(text, tab + 1, end) : -1;
    if (pages < 0) throw new CountsFormatError(`line ${lineNumber} is not a site or a line count`);
    this.sitesRead++;
    // Version 1 files hold names as they are: their backslashes escape nothing.
    const site = detached(text.slice(start, tab));
    if (!this.onSite(this.hasEndLine ? readSite(site) : site, pages)) this.stopped = true;
    this.inSite = true;
  }

  /** Reads `end<TAB>sites<TAB>lines`, whose tabs are at `tab` and `secondTab`, and checks it against what was read. */
  private readEndLine(text: string, tab: number, secondTab: number, end: number, lineNumber: number): void {
    const sites = readDigits(text, tab + 1, secondTab, 15);
    const lines = readDigits(text, secondTab + 1, end, 15);
    if (sites < 0 || lines < 0) throw new CountsFormatError(`line ${lineNumber} is not a site or a line count`);
    this.endLine = lineNumber;
    if (sites !== this.sitesRead || lines !== this.linesRead) {
      throw new CountsFormatError(
        `cut short or edited: the end line counts ${sites} sites and ${lines} line counts, the file has ${this.sitesRead} and ${this.linesRead} (was it copied whole?)`,
      );
    }
  }
}

/**
 * A copy of a slice that does not keep the string it was cut from alive. V8 makes a slice of 13 or more
 * characters a view into its parent: the site names of a counts file, kept for the whole run, kept every
 * piece of the file they were read from (61 MB of a 63 MB file of 10,000 sites). Slicing a joined string
 * flattens it first, into a copy of just these characters.
 */
function detached(slice: string): string {
  return `${slice} `.slice(0, -1);
}

/** The last line count readLineCount read. */
const lineRead = { a: 0, b: 0, count: 0 };

/** Reads the line `<TAB>16 hex digits<TAB>count` at text[start, end) into `lineRead`; false if it is not one. */
function readLineCount(text: string, start: number, end: number): boolean {
  const digitsEnd = start + 17;
  if (text.charCodeAt(start) !== TAB || text.charCodeAt(digitsEnd) !== TAB) return false;
  let a = 0;
  let b = 0;
  for (let i = start + 1; i < digitsEnd; i++) {
    const digit = hexDigit(text.charCodeAt(i));
    if (digit < 0) return false;
    if (i < start + 9) a = a * 16 + digit;
    else b = b * 16 + digit;
  }
  const count = readCount(text, digitsEnd + 1, end);
  if (count < 0) return false;
  lineRead.a = a;
  lineRead.b = b;
  lineRead.count = count;
  return true;
}

/** The number written in text[start, end) with 1 to 10 ASCII digits, at most MAX_COUNT; else -1. */
function readCount(text: string, start: number, end: number): number {
  const value = readDigits(text, start, end, 10);
  return value <= MAX_COUNT ? value : -1;
}

/**
 * The number written in text[start, end) with 1 to `maxDigits` ASCII digits; else -1. The end line's
 * totals take up to 15 (a file's lines may pass MAX_COUNT; 15 digits stay exact in a double).
 */
function readDigits(text: string, start: number, end: number, maxDigits: number): number {
  if (end <= start || end - start > maxDigits) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return -1;
    value = value * 10 + (code - 0x30);
  }
  return value;
}

/** The value of a lower-case hex digit, or -1. */
function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

