// repeated-records — Keeps records the article prints one after another under the same labels: the days of a
// meal plan ("Pre-Workout Meal", "Eat 60–90 minutes before your workout", the meal, "Meal 1", "Eat every
// 2–3 hours", the meal …), the weeks of a training schedule, the days of an itinerary. Each record repeats
// the labels in the same order and fills them with its own content, so repeated-lines drops the labels
// (each is printed once a record) and the classifier drops the content (short, poor in stop words). What
// tells such records from boilerplate printed several times is that every record holds lines of its own:
// a menu or a headline list rendered for several layouts repeats whole. A template of several labels is
// needed, not one: a teaser list's "Read more" or a category name under each headline is one label. No
// other rule may claim a label: a comment thread's "Reply" and a product grid's "Add to cart" are
// interface strings. And where the records stand matters as much: right under the article's kept text
// (as a recipe card does), so that records further down the page, another section's, stay dropped. Lines
// a rule other than repeated-lines claimed end the records, and stay dropped. Not on a page joined on one
// line: there a caption printed under each photo is cut into pieces, which look like a template of
// several labels with the article's sentences as each record's own lines (measured: it cost more than it
// gained on the dev pages).
import type { Page } from '../types.js';

/** Fewer records than this are a list printed twice as often as a template filled in. */
const MIN_RECORDS = 3;
/** Labels every record repeats, in the same order: one or two shared lines can be chance or a teaser list's. */
const MIN_LABELS = 3;
/** Lines between the article's last kept line and the first record: a heading over the records, a lead-in. */
const MAX_LEAD = 4;
/** A record longer than this is no record: the first label recurs far down the page. */
const MAX_RECORD_LINES = 80;

export function keepRepeatedRecords(page: Page): void {
  const { blocks, decisions, findings, measures } = page;
  /** A dropped line that only repeated-lines claimed: its key (the bare line), else undefined. */
  const labelKey = (i: number): string | undefined =>
    !decisions[i]!.kept && findings[i]!.length > 0 && findings[i]!.every((f) => f.rule === 'repeated-lines') ? blocks[i]!.bare : undefined;
  /** A line the records may hold: a label, a line no rule claimed, or a line already kept. */
  const mayHold = (i: number): boolean => findings[i]!.length === 0 || decisions[i]!.kept || labelKey(i) !== undefined;
  const isArticleText = (i: number): boolean => decisions[i]!.kept && measures[i]!.sentenceMarks > 0;

  for (let a = 0; a < blocks.length - 1; a++) {
    if (!isArticleText(a) || decisions[a + 1]!.kept || blocks[a]!.runOnPiece) continue;
    // The first label, within a few unclaimed lines under the article.
    let first = a + 1;
    while (first < blocks.length && first - a <= MAX_LEAD + 1 && findings[first]!.length === 0 && !decisions[first]!.kept) first++;
    const opening = first < blocks.length ? labelKey(first) : undefined;
    if (opening === undefined || first - a > MAX_LEAD + 1) continue;
    const records = findRecords(first, opening);
    if (records === undefined) continue;
    for (let i = a + 1; i <= records.last; i++) {
      if (decisions[i]!.kept) continue;
      const reason = i < first ? 'heading over records the article repeats' : `part of record ${records.recordAt(i)} of ${records.count} that repeat the labels at line ${blocks[first]!.line}`;
      decisions[i] = { kept: true, rule: 'repeated-records', reason };
    }
    a = records.last;
  }

  /**
   * The records that start at `first` with the label `opening`, or undefined when the lines there are no such
   * records. A record runs from one occurrence of the opening label to the next; the last one ends where the
   * shortest earlier record's tail (its lines after its last shared label) would end it.
   */
  function findRecords(first: number, opening: string): { last: number; count: number; recordAt: (i: number) => number } | undefined {
    const starts: number[] = [];
    let end = first;
    for (; end < blocks.length && mayHold(end); end++) {
      if (labelKey(end) === opening) starts.push(end);
      else if (end - starts[starts.length - 1]! > MAX_RECORD_LINES) break;
    }
    if (starts.length < MIN_RECORDS) return undefined;
    // The labels of each whole record, in order; the shared ones are those every whole record has.
    const labelsOf = (from: number, to: number): string[] => {
      const labels: string[] = [];
      for (let i = from; i < to; i++) {
        const key = labelKey(i);
        if (key !== undefined) labels.push(key);
      }
      return labels;
    };
    const whole = starts.slice(0, -1).map((start, r) => labelsOf(start, starts[r + 1]!));
    const shared = new Set(whole[0]);
    for (const labels of whole.slice(1)) for (const key of shared) if (!labels.includes(key)) shared.delete(key);
    if (shared.size < MIN_LABELS) return undefined;
    const order = (labels: string[]) => labels.filter((key) => shared.has(key)).join('\n');
    const template = order(whole[0]!);
    // Every record holds a line of its own; the shared labels come in one order (a label printed twice in a record counts as it falls).
    for (let r = 0; r < whole.length; r++) {
      if (order(whole[r]!) !== template) return undefined;
      if (whole[r]!.length >= starts[r + 1]! - starts[r]!) return undefined;
    }
    // The tail each whole record has after its last shared label; the last record gets the shortest.
    const lastShared = (from: number, to: number): number => {
      for (let i = to - 1; i >= from; i--) if (shared.has(labelKey(i) ?? '')) return i;
      return from;
    };
    const tail = Math.min(...whole.map((_, r) => starts[r + 1]! - 1 - lastShared(starts[r]!, starts[r + 1]!)));
    const lastStart = starts[starts.length - 1]!;
    const lastRecordEnd = Math.min(end, lastStart + Math.max(...whole.map((_, r) => starts[r + 1]! - starts[r]!)));
    const last = Math.min(lastRecordEnd - 1, lastShared(lastStart, lastRecordEnd) + tail);
    const recordAt = (i: number): number => starts.filter((start) => start <= i).length;
    return { last, count: starts.length, recordAt };
  }
}
