import { describe, expect, it } from 'vitest';
import { teasers } from '../../../src/core/rules/teasers.js';
import { flagged, PROSE_A, PROSE_B } from '../../helpers/page.js';

const SUMMARY = 'Union leaders said on Thursday that the planned strike would not go ahead after talks with the operator...';

describe('teasers', () => {
  it.each([
    ['headline, cut-off summary and "4h ago"', `${PROSE_A}\n\nRail strike called off\n${SUMMARY}\n4h ago`, ['Rail strike called off', SUMMARY, '4h ago']],
    ['a summary cut off with "…" and "Yesterday"', `${PROSE_A}\n\nThe path was opened by the mayor in a short ceremony attended by…\nYesterday`, ['The path was opened by the mayor in a short ceremony attended by…', 'Yesterday']],
    ['a relative time on its own', `${PROSE_A}\n\n59m ago`, ['59m ago']],
    ['"2 days ago"', `${PROSE_A}\n\n2 days ago`, ['2 days ago']],
    ['German "vor 3 Stunden"', 'Text.\n\nvor 3 Stunden', ['vor 3 Stunden']],
    ['two cut-off summaries in a list, no time stamps', `First headline\nThe first summary of the story goes on and on until it is cut...\nSecond headline\nThe second summary of another story also goes on until...`, [
      'First headline', 'The first summary of the story goes on and on until it is cut...', 'Second headline', 'The second summary of another story also goes on until...',
    ]],
    [
      'a list whose one short summary needed no cutting',
      `First headline\nThe first summary of the story goes on and on until it is cut...\nSecond headline\nThe second story is told in one short sentence.\nThird headline\nThe third summary of another story also goes on until...`,
      ['First headline', 'The first summary of the story goes on and on until it is cut...', 'Third headline', 'The third summary of another story also goes on until...'],
    ],
  ])('fires on %s', (_, text, expected) => {
    expect(flagged(teasers, text)).toEqual(expected);
  });

  it.each([
    ['a lone paragraph that trails off with an ellipsis', `${PROSE_A}\n\nAnd then, as she put it, the waiting began...\n\n${PROSE_A}`],
    ['a sentence mentioning "ago"', `${PROSE_A}\n\nThe bridge was built 150 years ago by the railway company.`],
    ['plain article text', PROSE_A],
    [
      'two lines of an article that trail off, with paragraphs between them',
      `${PROSE_A}\n\nHere is what I want you to remember …\n\n${PROSE_B}\n\n${PROSE_A}\n\nSo start small, and more on that in the next section …\n\n${PROSE_A}`,
    ],
  ])('does not fire on %s', (_, text) => {
    expect(flagged(teasers, text)).toEqual([]);
  });
});
