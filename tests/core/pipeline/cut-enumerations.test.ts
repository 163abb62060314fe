import { describe, expect, it } from 'vitest';
import { runOnPieces } from '../../../src/core/pipeline/run-on-lines.js';
import { startsWithDateDash } from '../../../src/core/pipeline/cut-enumerations.js';
import { PROSE_A, PROSE_B } from '../../helpers/page.js';

// The cut is one step of runOnPieces: it is tried on a page joined on one line, as the pipeline runs it.
const MENU = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
const BODY = [PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A].join(' ');
const FOOTER = 'About Us Contact Privacy Policy Terms of Use Advertise With Us';

// Title-case items, which the label-run cut alone cuts in two ("1) Space Shuttle Lego Set Model | with …").
const NUMBERED = [
  '1) Space Shuttle Lego Set Model with 75 pieces https://shop.example/a1',
  '2) Electric Race Track Grand Prix with two cars https://shop.example/b2',
  '3) Film Trilogy Box Set Special Edition on four discs https://shop.example/c3',
  '4) Board Game Family Travel Edition for four players https://shop.example/d4',
];
const DATED = [
  'June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre Main Stage',
  'June 10 – Tampa, FL @ Riverside Credit Union Amphitheatre',
  'June 14 – Alpharetta, GA @ North Park Bank Amphitheatre',
  '17 July – Nashville, TN @ Music City Arena',
];

describe('findEnumerations (in runOnPieces)', () => {
  it('cuts a numbered list into its items, each whole, and its last item after its link', () => {
    const pieces = runOnPieces(`${MENU} ${BODY} Here are the offers of the week: ${NUMBERED.join(' ')} ${FOOTER}`);
    for (const item of NUMBERED) expect(pieces).toContain(item);
    expect(pieces.some((piece) => piece.startsWith('About Us'))).toBe(true);
  });

  it('cuts a list numbered "1.", "2.", "3." the same way', () => {
    const items = NUMBERED.map((item, i) => item.replace(`${i + 1})`, `${i + 1}.`));
    const pieces = runOnPieces(`${MENU} ${BODY} Here are the offers of the week: ${items.join(' ')} ${FOOTER}`);
    for (const item of items) expect(pieces).toContain(item);
  });

  it('cuts a list of items opening with a date and a dash, its heading apart, and its last item before the footer', () => {
    const pieces = runOnPieces(`${MENU} ${BODY} The Band Summer Tour Dates ${DATED.join(' ')} ${FOOTER}`);
    expect(pieces).toContain('The Band Summer Tour Dates');
    for (const item of DATED.slice(0, -1)) expect(pieces).toContain(item);
    // The last item ends before the footer's controls ("About Us"), within as many words as the longest item.
    expect(pieces).toContain(DATED.at(-1)!);
  });

  it.each([
    ['two numbered points in a sentence', 'The plan has two aims: 1) Lower Costs For All Families and 2) Shorter Waiting Times in the clinics.'],
    ['numbered points joined by commas', 'The plan has three aims: 1) Lower Costs For All Families, 2) Shorter Waiting Times In Clinics, 3) More Staff in the clinics.'],
    ['numbers that do not count up', 'The scores were 1) Alpha Team Blue Squad Red 3) Beta Team Green Squad 4) Gamma Team Yellow Squad in the final.'],
    ['numbers with different marks', 'The scores were 1) Alpha Team Blue Squad Red 2. Beta Team Green Squad 3) Gamma Team Yellow Squad in the final.'],
  ])('leaves %s to the other cuts', (_, sentence) => {
    // Cut as it is without the marks after its numbers, by the other cuts alone (the label-run cut takes
    // the title-case words out of it).
    const unmarked = (text: string) => text.replace(/(\d)[.)]/gu, '$1');
    const pieces = runOnPieces(`${MENU} ${BODY} ${sentence} ${BODY}`);
    expect(pieces.map(unmarked)).toEqual(runOnPieces(`${MENU} ${BODY} ${unmarked(sentence)} ${BODY}`));
  });

  it('does not cut before dates of which only the first has a dash', () => {
    const sentence = 'The band played June 9 – West Palm Beach Coral Sky, June 10 Tampa Riverside Arena and June 14 Alpharetta North Park in a week.';
    const pieces = runOnPieces(`${MENU} ${BODY} ${sentence} ${BODY}`);
    expect(pieces.filter((piece) => piece.startsWith('June 1'))).toEqual([]);
  });

  it('does not take a row of page numbers for a list', () => {
    const pieces = runOnPieces(`${MENU} ${BODY} Pages 1. 2. 3. 4. 5. Next Page Older Posts Newer Posts ${BODY}`);
    expect(pieces).toContain('Pages 1. 2. 3. 4. 5. Next Page Older Posts Newer Posts');
  });

  // Two lists close together: the first one's last item has no link, or its link is in the next list.
  const TWO_LISTS = [
    '1) Red Lamp Model https://a.example/1 2) Blue Chair Set https://a.example/2 3) Green Rug Large',
    '1) Second List First Item https://b.example/1 2) Second List Item Two https://b.example/2 3) Second List Item Three https://b.example/3',
  ];
  const ROUND_TRIP = [
    `Here are the offers of the week: ${NUMBERED.join(' ')} ${FOOTER}`,
    `The Band Summer Tour Dates ${DATED.join(' ')} ${FOOTER}`,
    `Two lists: ${TWO_LISTS.join(' ')} and more here`,
    'Two lists: 1) Red Lamp Model https://a.example/1 2) Blue Chair Set https://a.example/2 3) Green Rug 1) Second List https://b.example/1 2) Second List Item Two https://b.example/2 3) Second List Item Three https://b.example/3 and more',
    'The festival runs June 9 – 12 in Austin, July 1 – 4 in Denver and August 3 – 5 in Boston, and tickets go on sale next week.',
    'Der Verein stieg 2019 aus der 1. Bundesliga in die 2. Bundesliga ab und spielt nun in der 3. Liga gegen alte Rivalen.',
    'Die Messen sind am 1. März in Berlin, am 2. März in Hamburg und am 3. März in München geplant.',
    'Prices rose 1. Food costs went up 2. Rents climbed 3. Wages stayed flat for most workers.',
  ];

  it.each(ROUND_TRIP)('cuts the line into pieces that join back into it: %s', (text) => {
    const line = `${MENU} ${BODY} ${text} ${BODY}`;
    expect(runOnPieces(line).join(' ')).toBe(line);
  });

  it('cuts two lists close together into their items, each once', () => {
    const pieces = runOnPieces(`${MENU} ${BODY} Two lists: ${TWO_LISTS.join(' ')} and more here ${BODY}`);
    for (const item of [...TWO_LISTS[0]!.split(/ (?=\d\) )/u).slice(0, -1), ...TWO_LISTS[1]!.split(/ (?=\d\) )/u)]) {
      expect(pieces.filter((piece) => piece === item)).toHaveLength(1);
    }
  });

  it.each([
    ['date ranges', 'The festival runs June 9 – 12 in Austin, July 1 – 4 in Denver and August 3 – 5 in Boston, and tickets go on sale next week.'],
    ['date ranges with nothing between them', 'The shows run June 9 – 12 Austin Music Hall Main Stage June 14 – 16 Denver Red Rocks Park June 20 – 22 Boston Garden Arena this summer.'],
    ['dates after a comma or "and"', 'The band played June 9 – Tampa Riverside Arena Main Stage, June 10 – Orlando Lakeside Arena and June 14 – Miami Bayside Arena this week.'],
    ['German ordinals after articles', 'Der Verein stieg 2019 aus der 1. Bundesliga in die 2. Bundesliga ab und spielt nun in der 3. Liga gegen alte Rivalen.'],
    ['German dates after "am"', 'Die Messen sind am 1. März in Berlin, am 2. März in Hamburg und am 3. März in München geplant.'],
  ])('leaves %s to the other cuts', (_, sentence) => {
    // As in the test above: cut as it is without the marks after its numbers and with its months' names
    // changed to a word that is none (the dashes are left, as other cuts look at them).
    const unmarked = (text: string) => text.replace(/(\d)[.)]/gu, '$1').replace(/\b(?:June|July|August)\b/gu, 'Juno');
    const pieces = runOnPieces(`${MENU} ${BODY} ${sentence} ${BODY}`);
    expect(pieces.map(unmarked)).toEqual(runOnPieces(`${MENU} ${BODY} ${unmarked(sentence)} ${BODY}`));
  });

  it('ends the last item of a shopping list without a link before a link further on than the longest item', () => {
    const items = NUMBERED.slice(0, -1);
    const last = '4) Board Game Family Travel Edition for four players';
    const box = 'Sign up for our weekly newsletter with the best deals of the season and many more offers at www.example.com today';
    const pieces = runOnPieces(`${MENU} ${BODY} Here are the offers of the week: ${items.join(' ')} ${last} ${box} ${BODY}`);
    expect(pieces.filter((piece) => piece.includes('www.example.com'))).not.toContainEqual(expect.stringMatching(/^4\)/u));
  });

  it('does not take numbers 60 words or more apart for a list', () => {
    const long = Array.from({ length: 12 }, () => 'Alpha Beta Gamma Delta Epsilon').join(' ');
    const sentence = `Our picks 1) Red Lamp Model Deluxe Version 2) Blue Chair Set Oak Wood ${long} 3) Green Rug Large Wool Carpet today`;
    const unmarked = (text: string) => text.replace(/(\d)\)/gu, '$1');
    const pieces = runOnPieces(`${MENU} ${BODY} ${sentence} ${BODY}`);
    expect(pieces.map(unmarked)).toEqual(runOnPieces(`${MENU} ${BODY} ${unmarked(sentence)} ${BODY}`));
  });

  it('does not take numbers for items when the last one ends the piece', () => {
    const unmarked = (text: string) => text.replace(/(\d)\)/gu, '$1');
    const line = `${MENU} ${BODY} Pick one of 1) Red Lamp Model Deluxe Version 2) Blue Chair Set Oak Wood 3)`;
    expect(runOnPieces(line).map(unmarked)).toEqual(runOnPieces(unmarked(line)));
  });

  it('cuts a menu run into the introduction of a list as before', () => {
    const pieces = runOnPieces(`${BODY} ${MENU} Here are the offers of the week: ${NUMBERED.join(' ')} ${FOOTER}`);
    expect(pieces).toContain(MENU);
    expect(pieces).toContain('Here are the offers of the week:');
  });
});

describe('startsWithDateDash (how keep-introduced-lists knows a dated item)', () => {
  it.each([
    ['June 9 – Tampa, FL @ Harbour Arena', true],
    ['9 June – Paris, Zénith', true],
    ['June 9 – 12 in Austin, and tickets go on sale next week', false],
    ['June 9 in Tampa', false],
    ['Tour Dates – June', false],
  ])('%s: %s', (text, expected) => {
    expect(startsWithDateDash(text)).toBe(expected);
  });
});
