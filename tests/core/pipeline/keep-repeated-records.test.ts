// repeated-records: which records under an article are kept, through strip().
import { describe, expect, it } from 'vitest';
import { strip } from '../../../src/core/strip.js';

const MENU = ['Home', 'Recipes', 'Plans', 'About', ''];
const STORY = [
  'Planning a week of meals ahead saves money and time, and it keeps the fridge from filling up with food that nobody eats before it spoils.',
  '',
  'The plan below keeps the same rhythm every day, so that shopping for it is simple: only the dishes change from one day to the next.',
  '',
];
/** Each day's own lines: its three dishes. */
const DISHES = [
  ['Porridge with oats, 1 cup berries, 1 tsp. honey', 'Lentil soup, 1 slice rye bread', 'Baked salmon, 1 cup greens, ½ cup rice'],
  ['Two boiled eggs, 1 slice wholegrain toast', 'Chickpea salad, ½ cup feta, 1 tomato', 'Chicken stir-fry, 1 cup noodles'],
  ['Greek yoghurt, ¼ cup walnuts, 1 pear', 'Tuna wrap, 1 cup spinach', 'Bean chilli, ½ cup brown rice'],
  ['Banana pancakes, 1 tbsp. maple syrup', 'Tomato soup, 1 cheese scone', 'Roast vegetables, 4 oz. tofu'],
];
/** The labels every day repeats: a meal and when to eat it. */
const LABELS = [
  ['Breakfast', 'Before 9 am'],
  ['Lunch', 'Around noon'],
  ['Dinner', 'By 7 pm'],
];
const FOOT = ['Related Articles', 'Ten quick lunches for busy weeks', 'Why breakfast matters', 'Share', 'Tweet'];

interface DayOptions {
  heading?: boolean;
  labels?: string[][];
  dishes?: boolean;
}
/** One day of the plan, every line its own paragraph as a page's dump prints them. */
function day(dishes: string[], n: number, { heading = true, labels = LABELS, dishes: withDishes = true }: DayOptions = {}): string[] {
  const lines = heading ? [`Menu for day ${n}`] : [];
  labels.forEach((pair, k) => lines.push(...pair, ...(withDishes ? [dishes[k]!] : [])));
  return lines;
}
const plan = (days: number, options?: DayOptions) => DISHES.slice(0, days).flatMap((dishes, i) => day(dishes, i + 1, options));
const page = (...parts: string[][]) => parts.flat().flatMap((line) => (line === '' ? [] : [line, ''])).join('\n');
const recordLines = (text: string) => strip(text).blocks.filter((b) => b.rule === 'repeated-records');
const decisionOf = (text: string, line: string) => strip(text).blocks.find((b) => b.text === line);

describe('repeated-records: records right under the article that repeat their labels', () => {
  it('keeps every record: its heading, its labels and its own lines', () => {
    const text = page(MENU, STORY, plan(4), FOOT);
    for (const line of ['Menu for day 1', 'Breakfast', 'By 7 pm', DISHES[0]![0]!, DISHES[2]![1]!, DISHES[3]![2]!]) {
      expect(decisionOf(text, line), line).toMatchObject({ kept: true });
    }
    // The records are what the step kept; the labels were claimed by repeated-lines alone.
    expect(decisionOf(text, DISHES[3]![2]!)).toMatchObject({ rule: 'repeated-records', reason: expect.stringMatching(/record 4 of 4/) });
    expect(strip(text).blocks.filter((b) => b.text === 'Lunch').every((b) => b.kept && b.rule === 'repeated-records')).toBe(true);
  });

  it('leaves what follows the records dropped: the section after them and the lines past the last record', () => {
    const text = page(MENU, STORY, plan(4), FOOT);
    for (const line of FOOT) expect(decisionOf(text, line)?.kept, line).toBe(false);
    // Each record ends with the heading over the next one; the last has none, and the line under it is not its.
    const byline = page(MENU, STORY, plan(4), ['Jane Doe']);
    expect(decisionOf(byline, DISHES[3]![2]!)).toMatchObject({ kept: true, rule: 'repeated-records' });
    expect(decisionOf(byline, 'Jane Doe')?.kept).toBe(false);
    // Without day headings, a record ends one line (its dish) after its last label: so does the last one.
    // The first record is a line longer than the last: the last one's end is read from its labels, not its length.
    const days = plan(4, { heading: false });
    days.splice(3, 0, 'Coffee or tea, no sugar');
    const bare = page(MENU, STORY, days, ['Example Kitchen Ltd, 12 High Street, Leeds']);
    expect(decisionOf(bare, DISHES[3]![2]!)).toMatchObject({ kept: true, rule: 'repeated-records' });
    expect(decisionOf(bare, 'Example Kitchen Ltd, 12 High Street, Leeds')?.kept).toBe(false);
    // The shortest tail, not the longest: one record with a line more after its last label does not
    // stretch the last record over the line under it.
    const longTail = plan(4, { heading: false });
    longTail.splice(9, 0, 'Drink: a glass of water');
    const under = page(MENU, STORY, longTail, ['Example Kitchen Ltd, 12 High Street, Leeds']);
    expect(decisionOf(under, 'Drink: a glass of water')).toMatchObject({ kept: true, rule: 'repeated-records' });
    expect(decisionOf(under, 'Example Kitchen Ltd, 12 High Street, Leeds')?.kept).toBe(false);
  });

  it('needs three records: two copies are as likely a list printed twice', () => {
    expect(recordLines(page(MENU, STORY, plan(3), FOOT)).length).toBeGreaterThan(0);
    expect(recordLines(page(MENU, STORY, plan(2), FOOT))).toEqual([]);
  });

  it('counts as the last record only one that holds the labels: not the opening label printed again in a box below', () => {
    const box = ['Breakfast', 'Easy weeknight dinners for two'];
    expect(recordLines(page(MENU, STORY, plan(2), box, FOOT))).toEqual([]);
    // A last record that stops short of the labels makes the records doubtful: none is kept.
    const short = [...plan(3), ...day(DISHES[3]!, 4, { labels: LABELS.slice(0, 1) })];
    expect(recordLines(page(MENU, STORY, short, FOOT))).toEqual([]);
  });

  it('needs five labels shared by every record: a teaser, product or job card, or a comment, has fewer', () => {
    const five = [LABELS[0]!, LABELS[1]!, ['Dinner']];
    expect(recordLines(page(MENU, STORY, plan(4, { labels: five }), FOOT)).length).toBeGreaterThan(0);
    expect(recordLines(page(MENU, STORY, plan(4, { labels: LABELS.slice(0, 2) }), FOOT))).toEqual([]);
  });

  it('needs lines of its own in every record: a menu printed four times repeats whole', () => {
    expect(recordLines(page(MENU, STORY, plan(4, { heading: false, dishes: false }), FOOT))).toEqual([]);
    // Only the last copy with lines of its own, or all copies but the last.
    const bareThenFull = [...plan(3, { heading: false, dishes: false }), ...day(DISHES[3]!, 4, { heading: false })];
    expect(recordLines(page(MENU, STORY, bareThenFull, FOOT))).toEqual([]);
    expect(recordLines(page(MENU, STORY, [...plan(3), ...day(DISHES[3]!, 4, { dishes: false })], FOOT))).toEqual([]);
  });

  it('ends a record that runs on too far: an opening label far down the page opens no record of these', () => {
    const long = [...day(DISHES[0]!, 1), ...day(DISHES[1]!, 2), ...Array.from({ length: 90 }, (_, k) => `Shopping item ${k + 1}: 1 jar`), ...day(DISHES[2]!, 3), ...day(DISHES[3]!, 4)];
    expect(recordLines(page(MENU, STORY, long.slice(0, 30), day(DISHES[2]!, 3), day(DISHES[3]!, 4), FOOT)).length).toBeGreaterThan(0);
    expect(recordLines(page(MENU, STORY, long, FOOT))).toEqual([]);
  });

  it('needs the labels in one order in every record', () => {
    const swapped = [LABELS[0]!, LABELS[2]!, LABELS[1]!];
    const mixed = [...day(DISHES[0]!, 1), ...day(DISHES[1]!, 2, { labels: swapped }), ...day(DISHES[2]!, 3), ...day(DISHES[3]!, 4)];
    expect(recordLines(page(MENU, STORY, mixed, FOOT))).toEqual([]);
    // The last record too.
    expect(recordLines(page(MENU, STORY, [...plan(3), ...day(DISHES[3]!, 4, { labels: swapped })], FOOT))).toEqual([]);
  });

  it('needs the records right under the article: not below a claimed line or a long run of other lines', () => {
    expect(recordLines(page(MENU, STORY, ['Share'], plan(4), FOOT))).toEqual([]);
    const far = ['Our kitchen team', 'Meet the cooks', 'Ask a question', 'Visit the shop', 'Gift cards'];
    // With the day's heading, four lines stand between the article and the first label (kept), then five.
    expect(recordLines(page(MENU, STORY, far.slice(0, 3), plan(4), FOOT)).length).toBeGreaterThan(0);
    expect(recordLines(page(MENU, STORY, far.slice(0, 4), plan(4), FOOT))).toEqual([]);
  });

  it('ends the records at a line another rule claimed: a share bar under each day', () => {
    const shared = DISHES.flatMap((dishes, i) => [...day(dishes, i + 1), 'Share']);
    expect(decisionOf(page(MENU, STORY, shared, FOOT), 'Share')?.rule).toBe('interface-strings');
    expect(recordLines(page(MENU, STORY, shared, FOOT))).toEqual([]);
  });

  it('takes no label another rule claimed: a comment thread repeats "Reply" under each comment', () => {
    const comments = DISHES.flatMap(([comment]) => [`${comment!}!`, 'Reply', 'Report', 'Like']);
    const text = page(MENU, STORY, comments, FOOT);
    expect(decisionOf(text, 'Reply')?.rule).toBe('interface-strings');
    expect(recordLines(text)).toEqual([]);
  });

  it('takes no caption cut into pieces on a page joined on one line for a template: three labels are too few', () => {
    const menu = 'Home Recipes Plans Videos Podcasts Shop About Contact Newsletter Search';
    const story =
      'The festival opened on a bright autumn morning, and the park was full of families long before the first drum sounded. The theatre brought its whole company to the square, and the audience sat on the grass for the whole afternoon.';
    const caption = '2018 Theatre Tradition Series Performance [The Palace: Tale of Jang Noksu] ‘2018 Welcome Festival’';
    const sentences = [
      'The dancers opened with a fan dance that the children loved.',
      'Next came the drum dance, played with small painted drums.',
      'The singers closed the first half with a folk song from the south.',
      'After the break the whole company came back for a last dance together.',
    ];
    const text = `${menu} ${story} ${sentences.map((s) => `${caption} ${s}`).join(' ')} Related Articles Ten quick lunches Share Tweet\n`;
    const pieces = strip(text).blocks.filter((b) => caption.includes(b.text));
    // Three pieces, each printed four times: a template of three labels, were the page printed in lines.
    expect(new Set(pieces.map((b) => b.text)).size).toBe(3);
    expect(pieces.every((b) => b.piece && !b.kept)).toBe(true);
  });
});
