import { describe, expect, it } from 'vitest';
import { runOnPieces } from '../../../src/core/pipeline/run-on-lines.js';
import { PROSE_A, PROSE_B } from '../../helpers/page.js';

// The cut is one step of runOnPieces: it is tried on a page joined on one line, as the pipeline runs it.
const MENU = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
const BODY = [PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A].join(' ');
const CAPTION = 'A shopper looks at extension cords at the hardware store on Tuesday.';

describe('slideCounterCuts (in runOnPieces)', () => {
  it.each([
    ["a photo's credit", '(Jane Roe/The Union via AP)'],
    ['a full stop', 'It was the last can on the shelf.'],
    ["the gallery's count of photos", 'Pinterest 4'],
  ])('cuts before a slide counter after %s', (_, before) => {
    const pieces = runOnPieces(`${MENU} ${BODY} ${before} 3 of 4 ${CAPTION} ${BODY}`);
    expect(pieces).toContain(`3 of 4 ${CAPTION}`);
  });

  it.each([
    ['a word in lower case before it', 'Officials said that 3 of 4 Americans were in favour of the plan.'],
    ['a word in lower case after it', 'The vote (held on Monday) 3 of 4 members backed was close.'],
    ['a number larger than the total', 'The vote (held on Monday) 5 of 4 Members backed was close.'],
    ['a slide numbered zero', 'The vote (held on Monday) 0 of 4 Members backed was close.'],
  ])('does not cut with %s', (_, sentence) => {
    expect(runOnPieces(`${MENU} ${BODY} ${sentence} ${BODY}`)).toContain(sentence);
  });
});
