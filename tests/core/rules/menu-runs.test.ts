import { describe, expect, it } from 'vitest';
import { menuRuns } from '../../../src/core/rules/menu-runs.js';
import { flagged, PROSE_A, PROSE_B } from '../../helpers/page.js';

describe('menu-runs', () => {
  it.each([
    ['a navigation bar', `World\nBusiness\nTechnology\nScience\n\n${PROSE_A}`, ['World', 'Business', 'Technology', 'Science']],
    ['a footer menu', `${PROSE_A}\n\nAbout Us\nCareers\nContact`, ['About Us', 'Careers', 'Contact']],
  ])('fires on %s', (_, text, expected) => {
    expect(flagged(menuRuns, text)).toEqual(expected);
  });

  it.each([
    ['a bulleted list introduced and followed by prose', `${PROSE_A}\n\nYou will need the following:\na pot\nfresh compost\na sunny window\n\n${PROSE_B}`],
    ['two short lines only', `${PROSE_A}\n\nHome\nNews`],
    ['a paragraph with a sentence in it', `Home\nNews\nThe council met on Tuesday.\n\n${PROSE_A}`],
  ])('does not fire on %s', (_, text) => {
    expect(flagged(menuRuns, text)).toEqual([]);
  });
});
