import { describe, expect, it } from 'vitest';
import { titleHeads } from '../../../src/core/pipeline/cut-title-repeats.js';
import { runOnPieces } from '../../../src/core/pipeline/run-on-lines.js';
import { strip } from '../../../src/core/strip.js';
import { PROSE_A, PROSE_B } from '../../helpers/page.js';

// The cut is one step of runOnPieces: it is tried on a page joined on one line, as the pipeline runs it.
const MENU = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
const BODY = [PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A, PROSE_B].join(' ');
const HEADLINE = 'Council Approves Budget For More Buses';
const TITLE = `${HEADLINE} | The Example Herald`;
const BYLINE = 'By Jane Roe November 19, 2019';

describe('titleHeads', () => {
  it('reads the start of the title up to each separator, and the parts between separators, longest first', () => {
    expect(titleHeads(`Opinion | ${HEADLINE} - The Example Herald ${MENU} ${BODY}`)).toEqual([`Opinion | ${HEADLINE}`, HEADLINE]);
  });

  it('takes a short first line whole, but never the site name after the last separator alone', () => {
    expect(titleHeads(TITLE)).toEqual([TITLE, HEADLINE]);
  });

  it('leaves out parts of fewer than three words (separators not counted) or 15 characters', () => {
    expect(titleHeads(`Local | Weather - Example Herald ${MENU} ${BODY}`)).toEqual([]);
  });
});

describe('title repeats (in runOnPieces)', () => {
  it('cuts the headline that repeats the title out of the labels before it and the byline after it', () => {
    const pieces = runOnPieces(`${TITLE} ${MENU} Local News ${HEADLINE} ${BYLINE} ${BODY}`);
    expect(pieces[0]).toBe(HEADLINE);
    expect(pieces.filter((piece) => piece === HEADLINE)).toHaveLength(2);
    expect(pieces.join(' ')).toBe(`${TITLE} ${MENU} Local News ${HEADLINE} ${BYLINE} ${BODY}`);
  });

  it('undoes the other cuts inside the headline', () => {
    // A headline with a question mark inside would be cut at its sentence end.
    const headline = 'Who Pays? The Council Approves Budget For More Buses';
    const pieces = runOnPieces(`${headline} | The Example Herald ${MENU} Local News ${headline} ${BYLINE} ${BODY}`);
    expect(pieces.filter((piece) => piece === headline)).toHaveLength(2);
  });

  it('takes a capitalised article before the copy with it', () => {
    const pieces = runOnPieces(`${TITLE} ${MENU} Local News The ${HEADLINE} ${BYLINE} ${BODY}`);
    expect(pieces).toContain(`The ${HEADLINE}`);
    expect(pieces).not.toContain('The');
  });

  it.each([
    ['the title is not printed again', `${TITLE} ${MENU} Local News ${BYLINE} ${BODY}`],
    ['the copy runs on into a longer word', `${TITLE} ${MENU} Local News ${HEADLINE}es ${BYLINE} ${BODY}`],
  ])('does not cut the title off when %s', (_, line) => {
    expect(runOnPieces(line)[0]).not.toBe(HEADLINE);
  });
});

describe('title repeats of a title with no separator (through strip)', () => {
  const piecesOf = (page: string): string[] => strip(page).blocks.map((block) => block.text);
  /** A headline in sentence case, as most are: words in lower case tell it from a menu. */
  const headline = 'Council approves budget for more buses';

  it('takes the longest start of the page that it prints again for the title', () => {
    const pieces = piecesOf(`${headline} Skip to content ${MENU} Local News ${headline} ${BYLINE} at 9:45 am ${BODY}`);
    expect(pieces.filter((piece) => piece === headline)).toHaveLength(2);
  });

  it('ends the copy at a word boundary', () => {
    const pieces = piecesOf(`${headline} Skip to content ${MENU} Local News ${headline}es and more ${BYLINE} at 9:45 am ${BODY}`);
    expect(pieces).toContain('Council approves budget for more');
  });

  it('leaves alone a menu that opens the page and is printed again in its footer', () => {
    const pieces = piecesOf(`${MENU} ${BYLINE} at 9:45 am ${BODY} ${MENU} About Us Contact`);
    expect(pieces).toContain(`${MENU} About Us Contact`);
  });

  it('needs five words printed again', () => {
    const pieces = piecesOf(`Council approves budget for buses Skip to content ${MENU} Local News Council approves budget for cars ${BYLINE} at 9:45 am ${BODY}`);
    expect(pieces.some((piece) => piece === 'Council approves budget for')).toBe(false);
  });
});

describe('title repeats (through strip)', () => {
  // Without the cut, the headline is glued to "Local News" and the byline, no piece repeats the title, and
  // the teasers, longer than the article, are taken for it.
  it('finds the headline under the teasers above it, so that the article starts there', () => {
    const teasers = [
      'Most Read',
      'The new library on the quay will open its doors to readers in the spring.',
      'The building took three years to finish and cost far more than the council had planned, but its reading room looks out over the whole bay and the islands beyond it.',
      'A fishing crew from the north harbour won the regatta for the fourth year in a row.',
      'They beat eleven other boats in a race that was almost called off because of the fog, which lifted only a few minutes before the start at nine in the morning.',
    ].join(' ');
    const lead = 'The harbour council will run a smaller boat to the mainland twice a day while the island ferry is out of service for repairs, its chair said on Tuesday.';
    const article = [
      lead,
      'Islanders who travel for work and school will be offered places first, though the council warned that it could not sail in strong winds.',
      '“We know this is hard for the families who depend on the crossing,” said the chair of the council.',
    ].join(' ');
    const page = `${TITLE} ${MENU} ${teasers} Local News ${HEADLINE} ${BYLINE} at 9:45 am ${article} Share this article Facebook Twitter Email About Us Contact Privacy Policy Terms of Use Advertise With Us`;
    const { text, blocks } = strip(page);
    expect(blocks.filter((block) => block.text === HEADLINE).map((block) => block.rule)).toEqual(['repeated-lines', 'repeated-lines']);
    expect(text).toContain(lead);
    expect(text).not.toContain('library');
  });
});

describe('title repeats in a sentence (through strip)', () => {
  it('leaves in its sentence a copy of the title that the sentence goes on after in lower case', () => {
    // A title in sentence case is a common phrase: the article's first sentence may open with its words.
    const headline = 'Council takes over the winter ferry';
    const lead = `${headline} and will run a smaller boat to the mainland twice a day while the island ferry is out of service for repairs, its chair said on Tuesday.`;
    const page = `${headline} | The Example Herald ${MENU} Local News ${headline} ${BYLINE} at 9:45 am ${lead} ${BODY} Share this article Facebook Twitter Email About Us Contact Privacy Policy`;
    const { text, blocks } = strip(page);
    expect(text).toContain(lead);
    // The headline of its own is still cut out of the labels and the byline.
    expect(blocks.filter((block) => block.text === headline)).toHaveLength(2);
  });
});

describe('title repeats at size (through strip)', () => {
  it('cuts a page joined on one line around 80,000 copies of its title in time', () => {
    // Each copy was checked against every copy found before it, and each piece's start against every copy:
    // 13 MB of such a page took 70 s. Not timed here: the runner's timeout catches quadratic time.
    const copy = `More News | ${HEADLINE} | November 19, 2019 at 9:45 am the operator said the repairs cost more than planned because of rust.`;
    const { blocks } = strip(`${TITLE} ${MENU} ${Array.from({ length: 80_000 }, () => copy).join(' ')}`);
    expect(blocks.filter((block) => block.text === HEADLINE)).toHaveLength(80_001);
  });
});
