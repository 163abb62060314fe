// The lines that can be evidence (a site's repeats, see onlyRepeats), for the cleaning pass: read-only,
// compact, and shared by every thread. Cleaning a shard with a crawl's merged counts needs every site's
// repeats in every worker thread, since only reading a page tells the site its URL line names. As a hash
// table per site, copied into each thread, 10,000 sites of 300 repeats took 120 MB per copy and -j 2
// peaked at 720 MB. Here a site's fingerprints are kept in ascending order, found by binary search, in
// three arrays all sites share: 12 bytes a line, on memory the threads share (SharedArrayBuffer) instead
// of each holding a copy.
import {
  evidenceWith, HIGH_HALF, LineCounts, LOW_HALF, onlyRepeats, parseCounts, CountsReader, repeatThreshold, sortedFingerprints, type CountsBySite, type SiteEvidence,
} from './fingerprints.js';

/** SiteRepeats as plain data, which crosses to a worker thread without copying the line arrays. */
export interface SiteRepeatsData {
  sites: string[];
  /** Pages of each site. */
  pages: Uint32Array;
  /** Site k's lines are at [starts[k], starts[k + 1]) of a, b and n, ascending by (a, b). */
  starts: Uint32Array;
  /** A line's fingerprint, high and low 32 bits (on a SharedArrayBuffer when made by SiteRepeatsBuilder). */
  a: Uint32Array<ArrayBufferLike>;
  b: Uint32Array<ArrayBufferLike>;
  /** Pages of the site that carry the line. */
  n: Uint32Array<ArrayBufferLike>;
}

export class SiteRepeats {
  private readonly siteIndex: Map<string, number>;

  constructor(readonly data: SiteRepeatsData) {
    this.siteIndex = new Map(data.sites.map((site, k) => [site, k]));
  }

  get size(): number {
    return this.data.sites.length;
  }

  /** The evidence a page of `site` is given; undefined for a site the counts do not name. */
  evidence(site: string | undefined): SiteEvidence | undefined {
    const k = site === undefined ? undefined : this.siteIndex.get(site);
    if (k === undefined) return undefined;
    return evidenceWith(this.data.pages[k]!, (a, b) => this.count(k, a, b));
  }

  /** The count of line (a, b) of site k, 0 when it is not one of its repeats. */
  private count(k: number, a: number, b: number): number {
    const { a: high, b: low, n, starts } = this.data;
    let from = starts[k]!;
    let to = starts[k + 1]!;
    while (from < to) {
      const middle = (from + to) >>> 1;
      const h = high[middle]!;
      if (h < a || (h === a && low[middle]! < b)) from = middle + 1;
      else to = middle;
    }
    return from < starts[k + 1]! && high[from] === a && low[from] === b ? n[from]! : 0;
  }

  /** The sites' lines as counts again (for comparing; the cleaning pass never needs them so). */
  toCounts(): CountsBySite {
    const { sites, pages, starts, a, b, n } = this.data;
    return new Map(
      sites.map((site, k) => {
        const lines = new LineCounts(starts[k + 1]! - starts[k]!);
        for (let i = starts[k]!; i < starts[k + 1]!; i++) lines.add(a[i]!, b[i]!, n[i]!);
        return [site, { pages: pages[k]!, lines }];
      }),
    );
  }

  /**
   * These repeats for the given sites only (those they hold): what one batch task carries to its worker.
   * Plain arrays of exactly their size, copied by range: a task's few hundred lines gain nothing from
   * shared memory, and SiteRepeatsBuilder's blocks would allocate 768 KB for each task.
   */
  subset(sites: Iterable<string>): SiteRepeatsData {
    const data = this.data;
    const kept: number[] = [];
    for (const site of sites) {
      const k = this.siteIndex.get(site);
      if (k !== undefined) kept.push(k);
    }
    let lines = 0;
    for (const k of kept) lines += data.starts[k + 1]! - data.starts[k]!;
    const starts = new Uint32Array(kept.length + 1);
    const [a, b, n] = [new Uint32Array(lines), new Uint32Array(lines), new Uint32Array(lines)];
    let at = 0;
    kept.forEach((k, j) => {
      const from = data.starts[k]!;
      const to = data.starts[k + 1]!;
      starts[j] = at;
      a.set(data.a.subarray(from, to), at);
      b.set(data.b.subarray(from, to), at);
      n.set(data.n.subarray(from, to), at);
      at += to - from;
    });
    starts[kept.length] = at;
    return { sites: kept.map((k) => data.sites[k]!), pages: Uint32Array.from(kept, (k) => data.pages[k]!), starts, a, b, n };
  }

  /** Every site of `counts`, with every line it counts. */
  static fromCounts(counts: CountsBySite): SiteRepeats {
    const builder = new SiteRepeatsBuilder();
    for (const [site, entry] of counts) {
      builder.site(site, entry.pages);
      const halves = sortedFingerprints(entry.lines);
      for (let i = 0; i < halves.length; i += 2) {
        const a = halves[i + HIGH_HALF]!;
        const b = halves[i + LOW_HALF]!;
        builder.line(a, b, entry.lines.get(a, b));
      }
    }
    return builder.finish();
  }
}

/**
 * The repeats of every site of a counts file (onlyRepeats of each site of parseCounts), without holding
 * the other lines on the way: what cleaning with a crawl's counts keeps of them.
 */
export function parseRepeats(text: string): SiteRepeats {
  const reading = readRepeats();
  reading.reader.push(text).end();
  return reading.repeats() ?? repeatsOf(parseCounts(text));
}

/**
 * A CountsReader that keeps only the repeats, as it reads. In a file as serializeCounts writes it, a
 * site's line, with its page count, comes before its line counts, each site is there once and its
 * fingerprints rise, so each line can be judged as it is read. A file that breaks that order (files joined
 * or edited by hand: a site named twice, a fingerprint that does not rise) stops the reader, and
 * `repeats()` is then undefined: such a file must be read in full (parseCounts) and filtered (repeatsOf).
 */
export function readRepeats(): { reader: CountsReader; repeats(): SiteRepeats | undefined } {
  const builder = new SiteRepeatsBuilder();
  const sitesSeen = new Set<string>();
  /** The count a line needs to be kept. */
  let minimum = 0;
  /** The site's last fingerprint: the next must be greater. */
  let previousA = -1;
  let previousB = -1;
  const reader = new CountsReader(
    (site, pages) => {
      if (sitesSeen.has(site)) return false;
      sitesSeen.add(site);
      builder.site(site, pages);
      minimum = repeatThreshold(pages);
      previousA = -1;
      previousB = -1;
      return true;
    },
    (a, b, count) => {
      if (a < previousA || (a === previousA && b <= previousB)) return false;
      previousA = a;
      previousB = b;
      if (count >= minimum) builder.line(a, b, count);
      return true;
    },
  );
  return { reader, repeats: () => (reader.stopped ? undefined : builder.finish()) };
}

/** The repeats of every site of `counts`. */
export function repeatsOf(counts: CountsBySite): SiteRepeats {
  const repeats: CountsBySite = new Map();
  for (const [site, entry] of counts) repeats.set(site, onlyRepeats(entry));
  return SiteRepeats.fromCounts(repeats);
}

/**
 * Makes SiteRepeats from sites given one after another, each followed by its lines in ascending order of
 * fingerprint (the order of a counts file): each site once; the caller keeps the order.
 */
export class SiteRepeatsBuilder {
  private readonly sites: string[] = [];
  private readonly pages: number[] = [];
  private readonly starts: number[] = [];
  /**
   * The lines so far, in blocks of BLOCK_LINES: arrays grown by doubling and copied left the memory of
   * every size they passed through to the process (3 million lines held 250 MB while read).
   */
  private readonly blocks: Uint32Array[][] = [];
  private length = 0;

  site(name: string, pages: number): void {
    this.sites.push(name);
    this.pages.push(pages);
    this.starts.push(this.length);
  }

  line(a: number, b: number, count: number): void {
    const at = this.length % BLOCK_LINES;
    if (at === 0) this.blocks.push([new Uint32Array(BLOCK_LINES), new Uint32Array(BLOCK_LINES), new Uint32Array(BLOCK_LINES)]);
    const block = this.blocks[this.blocks.length - 1]!;
    block[0]![at] = a;
    block[1]![at] = b;
    block[2]![at] = count;
    this.length++;
  }

  /** The repeats, their line arrays on shared memory of exactly their size. */
  finish(): SiteRepeats {
    const lines = this.length;
    const shared = (column: number) => {
      const out = new Uint32Array(new SharedArrayBuffer(Math.max(1, lines) * Uint32Array.BYTES_PER_ELEMENT), 0, lines);
      this.blocks.forEach((block, k) => out.set(block[column]!.subarray(0, Math.min(BLOCK_LINES, lines - k * BLOCK_LINES)), k * BLOCK_LINES));
      return out;
    };
    return new SiteRepeats({
      sites: this.sites,
      pages: Uint32Array.from(this.pages),
      starts: Uint32Array.from([...this.starts, lines]),
      a: shared(0),
      b: shared(1),
      n: shared(2),
    });
  }
}

/** Lines per block of SiteRepeatsBuilder (768 KB for the three arrays). */
const BLOCK_LINES = 1 << 16;
