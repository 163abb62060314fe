import { describe, expect, it } from 'vitest';
import { repeatedLines } from '../../../src/core/rules/repeated-lines.js';
import { flagged, PROSE_A, PROSE_B } from '../../helpers/page.js';

describe('repeated-lines', () => {
  it.each([
    ['a headline printed twice in a row', `Storm hits the coast\nStorm hits the coast\n\n${PROSE_A}`, ['Storm hits the coast', 'Storm hits the coast']],
    ['a list printed twice', `${PROSE_A}\n\nBridge repairs start\nSchool wins prize\n\nBridge repairs start\nSchool wins prize`, ['Bridge repairs start', 'School wins prize', 'Bridge repairs start', 'School wins prize']],
    ['the page title repeated above the article', `Mayor opens the new library | Daily Herald\n\nMayor opens the new library\n\n${PROSE_A}`, ['Mayor opens the new library']],
    ['a second copy of a long paragraph (the first stays)', `${PROSE_A}\n\n${PROSE_B}\n\n${PROSE_A}`, [PROSE_A]],
  ])('fires on %s', (_, text, expected) => {
    expect(flagged(repeatedLines, text)).toEqual(expected);
  });

  it.each([
    ['an article without repeats', `${PROSE_A}\n\n${PROSE_B}`],
    ['a short title that is a common word', `Home\n\n${PROSE_A}\n\nNews`],
    ['the first occurrence of a long paragraph', `${PROSE_A}\n\n${PROSE_B}`],
  ])('does not fire on %s', (_, text) => {
    expect(flagged(repeatedLines, text)).toEqual([]);
  });
});
