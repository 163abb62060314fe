// wholeLine splits a phrase list into a set of plain phrases and a pattern for the rest; it must match
// exactly what one anchored alternation of all the phrases matches.
import { describe, expect, it } from 'vitest';
import { wholeLine } from '../../src/core/rules/rule.js';

const PHRASES = ['share', 'shares?', 'top (?:stories|news)', 'more from [\\p{L} -]{1,40}', 'a.b', 'x', "today['’]s paper", 'e-?mail', '分享', 'c++'.replace(/\+/g, '\\+')];
const SAMPLES = ['share', 'shares', 'sharess', 'top stories', 'top news', 'top', 'more from the bbc', 'a.b', 'axb', 'x', 'xx', "today's paper", 'today’s paper', 'email', 'e-mail', '分享', 'c++', 'c', ''];

describe('wholeLine', () => {
  it.each(SAMPLES)('agrees with the single alternation on %j', (sample) => {
    const alternation = new RegExp(`^(?:${PHRASES.join('|')})$`, 'u');
    expect(wholeLine(PHRASES).test(sample)).toBe(alternation.test(sample));
  });
});
