import { describe, expect, it } from 'vitest';
import { runOnPieces } from '../../../src/core/pipeline/run-on-lines.js';
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

  it('cuts a list of items opening with a date and a dash, its heading apart, and cuts after the last item as any piece', () => {
    const pieces = runOnPieces(`${MENU} ${BODY} The Band Summer Tour Dates ${DATED.join(' ')} ${FOOTER}`);
    expect(pieces).toContain('The Band Summer Tour Dates');
    for (const item of DATED.slice(0, -1)) expect(pieces).toContain(item);
    // The last item is cut from the footer by the label-run cut: "… Music City Arena | About Us Contact …".
    expect(pieces.some((piece) => piece.startsWith(DATED.at(-1)!))).toBe(true);
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

  it('cuts a menu run into the introduction of a list as before', () => {
    const pieces = runOnPieces(`${BODY} ${MENU} Here are the offers of the week: ${NUMBERED.join(' ')} ${FOOTER}`);
    expect(pieces).toContain(MENU);
    expect(pieces).toContain('Here are the offers of the week:');
  });
});
