// repeated-records — Keeps records the article prints one after another under the same labels: the days of a
// meal plan ("Pre-Workout Meal", "Eat 60–90 minutes before your workout", the meal, "Meal 1", "Eat every
// 2–3 hours", the meal …), the weeks of a training schedule, the days of an itinerary. Each record repeats
// the labels in the same order and fills them with its own content, so repeated-lines drops the labels
// (each is printed once a record) and the classifier drops the content (short, poor in stop words). What
// tells such records from boilerplate printed several times is that every record holds lines of its own:
// a menu or a headline list rendered for several layouts repeats whole. And the template is long: a card in
// a teaser list, a product grid, an events or jobs list or a comment thread carries a few labels of its
// own (a category, a source, a reading time, two or three buttons), a plan the article fills in carries
// more. No other rule may claim a label: a comment's "Reply" is an interface string. And where the records
// stand matters as much: right under the article's kept text (as a recipe card does), so that records
// further down the page, another section's, stay dropped. Lines a rule other than repeated-lines claimed
// end the records, and stay dropped. The lines between the article and the first record are left to the
// neighbours' second round (keep-lines-between-kept.ts), which keeps a heading between two kept lines.
import type { Page } from '../types.js';

/** Fewer records than this are a list printed twice as often as a template filled in. */
const MIN_RECORDS = 3;
/**
 * Labels every record repeats, in one order: a teaser, product, event or job card, or a comment, has
 * fewer. So has a caption printed under each photo of a page joined on one line, cut there into two or
 * three pieces each printed as often as the caption: with three labels enough, the step cost more than it
 * gained on the dev pages.
 */
const MIN_LABELS = 5;
/** Lines between the article's last kept line and the first record: a heading over the records, a lead-in. */
const MAX_LEAD = 4;
/** A record longer than this is no record: the first label recurs far down the page. */
const MAX_RECORD_LINES = 80;

interface Records {
  /** Where each record starts: at its opening label. */
  starts: number[];
  /** The last line of the last record. */
  last: number;
}

export function keepRepeatedRecords(page: Page): void {
  const { blocks, decisions, findings, measures } = page;
  /** A dropped line that only repeated-lines claimed: its key (the bare line), else undefined. */
  const labelKey = (i: number): string | undefined =>
    !decisions[i]!.kept && findings[i]!.length > 0 && findings[i]!.every((f) => f.rule === 'repeated-lines') ? blocks[i]!.bare : undefined;
  /** A line the records may hold: a label, a line no rule claimed, or a line already kept. */
  const mayHold = (i: number): boolean => findings[i]!.length === 0 || decisions[i]!.kept || labelKey(i) !== undefined;
  const isArticleText = (i: number): boolean => decisions[i]!.kept && measures[i]!.sentenceMarks > 0;

  for (let a = 0; a < blocks.length - 1; a++) {
    if (!isArticleText(a) || decisions[a + 1]!.kept) continue;
    // The first label, within a few unclaimed lines under the article.
    let first = a + 1;
    while (first < blocks.length && first - a <= MAX_LEAD + 1 && findings[first]!.length === 0 && !decisions[first]!.kept) first++;
    const opening = first < blocks.length ? labelKey(first) : undefined;
    if (opening === undefined || first - a > MAX_LEAD + 1) continue;
    const { records, scanned } = findRecords(first, opening);
    // The lines scanned are not scanned again from a later paragraph among them: a page of paragraphs, each
    // followed by the same label, would be read once per paragraph.
    a = scanned - 1;
    if (records === undefined) continue;
    const { starts, last } = records;
    for (let r = 0; r < starts.length; r++) {
      const reason = `part of record ${r + 1} of ${starts.length} that repeat the labels at line ${blocks[first]!.line}`;
      const end = r + 1 < starts.length ? starts[r + 1]! - 1 : last;
      for (let i = starts[r]!; i <= end; i++) if (!decisions[i]!.kept) decisions[i] = { kept: true, rule: 'repeated-records', reason };
    }
    a = last;
  }

  /**
   * The records that start at `first` with the label `opening`, if the lines there are such records, and the
   * line where the scan stopped. A record runs from one occurrence of the opening label to the next; the last
   * one ends as many lines after its last label as the shortest of the earlier ones does (less the heading
   * they have over the next record).
   */
  function findRecords(first: number, opening: string): { records?: Records; scanned: number } {
    const starts: number[] = [first];
    let end = first + 1;
    for (; end < blocks.length && mayHold(end); end++) {
      if (labelKey(end) === opening) starts.push(end);
      else if (end - starts[starts.length - 1]! >= MAX_RECORD_LINES) break;
    }
    const scanned = end;
    if (starts.length < MIN_RECORDS) return { scanned };
    const labelsOf = (from: number, to: number): number[] => {
      const labels: number[] = [];
      for (let i = from; i < to; i++) if (labelKey(i) !== undefined) labels.push(i);
      return labels;
    };
    // The labels every whole record has (all but the last, whose end is not known yet), in one order.
    const whole = starts.slice(0, -1).map((start, r) => labelsOf(start, starts[r + 1]!));
    const shared = new Set(whole[0]!.map((i) => labelKey(i)!));
    for (const labels of whole.slice(1)) {
      const keys = new Set(labels.map((i) => labelKey(i)!));
      for (const key of shared) if (!keys.has(key)) shared.delete(key);
    }
    if (shared.size < MIN_LABELS) return { scanned };
    const sharedOf = (labels: number[]) => labels.filter((i) => shared.has(labelKey(i)!));
    // Each whole record's shared labels (positions), and their keys in the first record's order: the template.
    const wholeShared = whole.map(sharedOf);
    const template = wholeShared[0]!.map((i) => labelKey(i)!);
    const followsTemplate = (labels: number[]) => labels.length >= template.length && template.every((key, k) => labelKey(labels[k]!) === key);
    // Every whole record: the shared labels in the template's order, and a line of its own.
    for (let r = 0; r < whole.length; r++) {
      const labels = wholeShared[r]!;
      if (labels.length !== template.length || !followsTemplate(labels) || whole[r]!.length >= starts[r + 1]! - starts[r]!) return { scanned };
    }
    // The last record must hold the template too; it ends a tail after its last shared label. The tail is the
    // shortest of the whole records' (their lines after their last shared label), less the heading that
    // each of them has over the next record, when they have one: a line of its own right before every
    // opening label, all opening with the same word ("Menu for day 2", "Menu for day 3").
    const lastStart = starts[starts.length - 1]!;
    const lastShared = sharedOf(labelsOf(lastStart, end));
    if (!followsTemplate(lastShared)) return { scanned };
    let tail = Infinity;
    wholeShared.forEach((labels, r) => (tail = Math.min(tail, starts[r + 1]! - 1 - labels[labels.length - 1]!)));
    if (hasHeadings(starts.slice(1))) tail--;
    const last = Math.min(end - 1, lastShared[template.length - 1]! + tail);
    if (labelsOf(lastStart, last + 1).length === last + 1 - lastStart) return { scanned };
    return { records: { starts, last }, scanned };
  }

  /** Whether the line right above each of these opening labels is a heading: unclaimed, and all of them open with one word. */
  function hasHeadings(openings: number[]): boolean {
    const firstWord = (i: number) => (findings[i]!.length === 0 ? blocks[i]!.lower.split(' ', 1)[0] : undefined);
    const word = firstWord(openings[0]! - 1);
    return word !== undefined && openings.every((i) => firstWord(i - 1) === word);
  }
}
