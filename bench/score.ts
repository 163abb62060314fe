// The article-extraction-benchmark metric, ported from ../shared/bench/aeb/score.py so the benchmark can
// score in-process. It must give the same figures as score.py to the last bit; bench/check-scorer.ts
// proves that against the Python on every set. Keep the two in step: change nothing here that score.py
// does not do.
//
// Per page: tokens are \w+ runs, 4-token shingles are counted as multisets, tp/fp/fn are the shared,
// extra and missed shingles divided by their total. Precision and recall are averaged over pages (with
// score.py's rules for empty pages) and F1 is taken of the two means.

/**
 * Python's `re` `\w` on a str pattern: `str.isalnum()` or "_". isalnum is the Unicode letter (L*) and
 * number (N*) categories (every character with a numeric value is L* or N*). Combining marks (Mn, Mc) and
 * connector punctuation other than "_" are NOT word characters in Python, so "e\u0301" is one token "e"
 * and Devanagari words split at their vowel signs; a port that adds \p{M} would over-count shingles.
 * The one difference left is the Unicode version: code points assigned after the Python build's Unicode
 * database (14.0 for Python 3.11) are letters here but unassigned there. check-scorer.ts lists them.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Shingle width used by the benchmark. */
export const SHINGLE_SIZE = 4;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * The multiset of n-token shingles, as score.py's
 * `Counter(tuple(toks[i:i+n]) for i in range(max(1, len(toks)-n+1)) if toks[i:i+n])`:
 * a text of 1..n-1 tokens is ONE shorter shingle (not none), an empty text has none.
 * Keys join tokens with a space, which no \w token contains, so distinct tuples give distinct keys.
 */
export function shingles(text: string, n = SHINGLE_SIZE): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const starts = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < starts; i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** A page's shared / extra / missed shingles, each as a fraction of their sum (all 0 when both are empty). */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export function pageCounts(gold: string, pred: string): PageCounts {
  const g = shingles(gold);
  const p = shingles(pred);
  // Counter semantics: g & p takes the smaller count, p - g and g - p keep only positive differences.
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, inPred] of p) {
    const inGold = g.get(key) ?? 0;
    tp += Math.min(inGold, inPred);
    fp += Math.max(0, inPred - inGold);
  }
  for (const [key, inGold] of g) fn += Math.max(0, inGold - (p.get(key) ?? 0));
  const sum = tp + fp + fn;
  // Integer / integer, correctly rounded in both languages.
  return sum ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

/** 1 when nothing was extra or missed, 0 when nothing was output, else tp / (tp + fp). */
export function precision({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

/** 1 when nothing was extra or missed, 0 when the gold is empty, else tp / (tp + fn). */
export function recall({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** Harmonic mean, written as score.py computes it (2 * p * r / (p + r)) so the rounding is the same. */
export function f1(p: number, r: number): number {
  return p + r ? (2 * p * r) / (p + r) : 0;
}

export interface Summary {
  f1: number;
  precision: number;
  recall: number;
}

/**
 * score.py's summarize(): precision is averaged over pages with some output (tp + fp > 0), recall over
 * pages with some gold (tp + fn > 0); a page with empty gold and empty output counts in neither.
 */
export function summarize(counts: readonly PageCounts[]): Summary {
  const precisions = counts.filter((c) => c.tp + c.fp > 0).map(precision);
  const recalls = counts.filter((c) => c.tp + c.fn > 0).map(recall);
  const p = exactMean(precisions.length ? precisions : [0]);
  const r = exactMean(recalls.length ? recalls : [0]);
  return { f1: f1(p, r), precision: p, recall: r };
}

export interface PageScore extends PageCounts {
  precision: number;
  recall: number;
  f1: number;
}

export interface SetScore extends Summary {
  /** Number of gold pages scored. */
  pages: number;
  /** Gold pages with no prediction at all (scored as an empty output, as score.py does). */
  missing: number;
  /** Every gold page, in id order. */
  perPage: Map<string, PageScore>;
}

/**
 * Scores predictions against gold, page by page over the gold ids. A prediction absent from `pred` counts
 * as an empty output; predictions for ids not in `gold` are ignored.
 */
export function scorePages(gold: ReadonlyMap<string, string>, pred: ReadonlyMap<string, string>): SetScore {
  const ids = [...gold.keys()].sort(compareCodePoints);
  const perPage = new Map<string, PageScore>();
  let missing = 0;
  for (const id of ids) {
    const output = pred.get(id);
    if (output === undefined) missing++;
    const counts = pageCounts(gold.get(id) ?? '', output ?? '');
    const p = precision(counts);
    const r = recall(counts);
    perPage.set(id, { ...counts, precision: p, recall: r, f1: f1(p, r) });
  }
  return { ...summarize([...perPage.values()]), pages: ids.length, missing, perPage };
}

/** Pages sorted from worst F1 up, ties in id order (as score.py's stable sort over sorted ids). */
export function worstPages(score: SetScore, count: number): [string, PageScore][] {
  return [...score.perPage].sort((a, b) => a[1].f1 - b[1].f1).slice(0, Math.max(0, count));
}

/** Python's str ordering: by code point (JS's default sort compares UTF-16 units, which differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

// statistics.mean() sums floats exactly (as fractions) and rounds the quotient once. A plain running sum
// rounds at every step and can differ in the last bits, so the mean is computed exactly here as well:
// every double is an integer multiple of 2^-1074, so the sum is an integer (a BigInt) in those units.

const UNITS_EXPONENT = 1074n;

/** The correctly rounded mean of finite doubles, as Python's statistics.mean returns it. */
export function exactMean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean of no values');
  let sum = 0n;
  for (const value of values) sum += toUnits(value);
  return divideToDouble(sum, BigInt(values.length) << UNITS_EXPONENT);
}

/** A finite double as an exact integer number of 2^-1074 units. */
function toUnits(value: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biasedExponent = (bits >> 52n) & 0x7ffn;
  const fraction = bits & 0xfffffffffffffn;
  // Subnormals are fraction * 2^-1074; normals are (2^52 + fraction) * 2^(biasedExponent - 1075).
  const units = biasedExponent === 0n ? fraction : (fraction | (1n << 52n)) << (biasedExponent - 1n);
  return negative ? -units : units;
}

/** numerator / denominator (denominator > 0) rounded once to the nearest double, ties to even. */
function divideToDouble(numerator: bigint, denominator: bigint): number {
  if (numerator === 0n) return 0;
  if (numerator < 0n) return -divideToDouble(-numerator, denominator);
  // Scale so the integer quotient has at least 64 significant bits, far more than a double's 53; a
  // non-zero remainder is folded into the lowest bit (a "sticky" bit) so that Number(), which rounds a
  // BigInt to nearest-even, rounds the exact quotient correctly.
  const shift = 65 - (bitLength(numerator) - bitLength(denominator));
  const scaledNumerator = shift > 0 ? numerator << BigInt(shift) : numerator;
  const scaledDenominator = shift < 0 ? denominator << BigInt(-shift) : denominator;
  let quotient = scaledNumerator / scaledDenominator;
  if (scaledNumerator % scaledDenominator !== 0n) quotient |= 1n;
  // Multiplying by a power of two is exact while the result is a normal double (a mean of benchmark
  // figures always is); two steps keep 2^-shift itself representable for very small results.
  const half = Math.trunc(shift / 2);
  return Number(quotient) * 2 ** -half * 2 ** -(shift - half);
}

function bitLength(value: bigint): number {
  return value.toString(2).length;
}
