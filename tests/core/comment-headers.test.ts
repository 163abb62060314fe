import { describe, expect, it } from 'vitest';
import { commentHeaders } from '../../src/core/rules/comment-headers.js';
import { strip } from '../../src/core/strip.js';
import { measuredPage } from '../helpers/page.js';


const fires = (line: string): boolean => commentHeaders.find(measuredPage(line, 'en')).length > 0;

describe('comment-headers', () => {
  it.each([
    'thelastchargersfan says:',
    'Bob Smith wrote:',
    'November 19, 2019 at 6:34 am',
    '2 days ago at 07:52 am',
    '34 responses to “ Anthony Lynn: “We needed to win this game” ”',
    '6 thoughts on “How to Adopt an Online Leader Success Mindset”',
  ])('fires on %s', (line) => {
    expect(fires(line)).toBe(true);
  });

  it.each([
    'Posted by Michael David Smith on November 19, 2019, 6:21 AM EST',
    'The meeting starts at 10:30 am.',
    'He says: we will win.',
    '34 comments',
    'November 19, 2019',
  ])('does not fire on %s', (line) => {
    expect(fires(line)).toBe(false);
  });

  it('keeps the article when a long comment follows it', () => {
    const article = Array.from(
      { length: 4 },
      (_, i) => `The council said on day ${i + 1} that it would review the plan, and that the decision was expected within weeks of the vote.`,
    );
    const comment =
      'I have been following this for years and I think that the council is wrong about the plan, because the plan was never about the money, it was about the people who live there and who will have to pay for it in the end. '
        .repeat(4)
        .trim();
    const input = [
      ...article.flatMap((p) => [p, '']),
      'jane says:', 'November 19, 2019 at 6:34 am', '', 'Nice article, I agree with all of it and more.', '',
      'bob says:', 'November 19, 2019 at 7:02 am', '', comment,
    ].join('\n');
    const { text } = strip(input);
    for (const p of article) expect(text).toContain(p);
    expect(text).not.toContain('I have been following');
  });
});
