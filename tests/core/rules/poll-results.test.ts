import { describe, expect, it } from 'vitest';
import { interfaceStrings } from '../../../src/core/rules/interface-strings.js';
import { isPollResults } from '../../../src/core/rules/poll-results.js';
import { strip } from '../../../src/core/strip.js';
import { flagged, PROSE_A } from '../../helpers/page.js';

const words = (text: string) => text.split(/\s+/u).filter(Boolean).length;

describe('poll-results', () => {
  it.each([
    ['the answers of a poll run into one piece', 'Have you played it? I have nobody to play with (41%, 1,680 Votes) Yes, the game is cool (29%, 1,186 Votes) No (15%, 625 Votes)'],
    ['one answer on its own line', 'Yes, the game is cool (29%, 1,186 Votes)'],
    ['a German answer', 'Ja, unbedingt (63 %, 212 Stimmen)'],
    ['a count without thousands separator and a dash', 'No, never (12% - 40 votes)'],
  ])('fires on %s', (_, text) => {
    expect(isPollResults(text, words(text))).toBe(true);
  });

  it.each([
    ['a survey quoted in prose', 'In the survey, 29% of the 1,186 people asked said the game was cool, and 41% had nobody to play with.'],
    ['a share in brackets without votes', 'Turnout rose sharply (41%, up from 35% in 2015) in the northern districts.'],
    ['one count inside a long paragraph', 'The motion passed (52%, 1,200 votes) after a long debate in which the opposition argued that the question had been put to the members far too late for any of them to read it.'],
  ])('does not fire on %s', (_, text) => {
    expect(isPollResults(text, words(text))).toBe(false);
  });

  it('is reported by interface-strings with its reason', () => {
    const text = `${PROSE_A}\n\nYes, the game is cool (29%, 1,186 Votes)`;
    expect(flagged(interfaceStrings, text)).toEqual(['Yes, the game is cool (29%, 1,186 Votes)']);
    const block = strip(text).blocks.find((b) => b.text.startsWith('Yes'))!;
    expect(block).toMatchObject({ kept: false, rule: 'interface-strings', reason: "a poll's results: answers with their share of the votes" });
  });
});
