import { describe, expect, it } from 'vitest';
import { runOnPieces } from '../../../src/core/pipeline/run-on-lines.js';
import { PROSE_A, PROSE_B } from '../../helpers/page.js';

// The cut is one step of runOnPieces: it is tried on a page joined on one line, as the pipeline runs it.
const MENU = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
const BODY = [PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A].join(' ');
const CAPTION = 'Firefighters walk past the burnt houses on the hill above the town';
const NEXT = 'The fire started on Monday night and spread quickly in the strong wind.';

describe('creditCuts (in runOnPieces)', () => {
  it.each([
    ['(Image: Getty)'],
    ['(Photo by Jane Roe/The Union via AP)'],
    ['(Image credit: NASA/ESA)'],
    ['(AP Photo/Evan Vucci)'],
    ['(PHOTO: REUTERS)'],
  ])('cuts between a caption credited %s and the capitalised word after it', (credit) => {
    const pieces = runOnPieces(`${MENU} ${BODY} ${CAPTION} ${credit} ${NEXT} ${BODY}`);
    expect(pieces).toContain(`${CAPTION} ${credit}`);
    expect(pieces.some((piece) => piece.startsWith(NEXT))).toBe(true);
  });

  it('cuts before a quotation that opens the next block', () => {
    const quote = '“We lost everything in one night,” said a farmer who lives near the town.';
    const pieces = runOnPieces(`${MENU} ${BODY} ${CAPTION} (Photo: Jane Roe) ${quote} ${BODY}`);
    expect(pieces).toContain(`${CAPTION} (Photo: Jane Roe)`);
    expect(pieces.some((piece) => piece.startsWith(quote))).toBe(true);
  });

  it.each([
    ['a word in lower case after the bracket', 'The shot of the fire (photo by her brother) went around the world within a day.'],
    ['a bracket that names no photo', 'The fire crews (Ventura County Fire) Were called to the hill above the town.'],
    ['a number after the bracket', 'The fire crews (photo: Jane Roe) 12 were called to the hill above the town.'],
  ])('does not cut with %s', (_, sentence) => {
    expect(runOnPieces(`${MENU} ${BODY} ${sentence} ${BODY}`)).toContain(sentence);
  });
});
