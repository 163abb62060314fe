import { describe, expect, it } from 'vitest';
import { strip } from '../../src/core/strip.js';

describe('classify-by-content', () => {
  it('keeps an article written only in short paragraphs when nothing on the page is long', () => {
    const body = [
      'You are a couple who have been together for a long time and want to try something new.',
      'You recently started dating and want to get to know each other much better.',
      'Or you simply want a fun evening with your friends at home over the long weekend.',
    ];
    const input = ['Home', 'Games', 'Blog', 'Contact', '', ...body.flatMap((p) => [p, '']), 'Privacy Policy', 'Terms of Use'].join('\n');
    const { text } = strip(input);
    for (const p of body) expect(text).toContain(p);
    expect(text).not.toContain('Privacy Policy');
  });

  it('lets a run of prose paragraphs continue over a repeated caption between them', () => {
    const caption = 'Festival performance photo by the theater team';
    const para = (n: number) => `The performers came on stage at ${n} o'clock and the crowd in the park cheered as the drums began.`;
    const input = [para(1), '', caption, '', para(2), '', caption, '', para(3), '', caption, '', para(4)].join('\n');
    const { text } = strip(input);
    for (const n of [1, 2, 3, 4]) expect(text).toContain(para(n));
    expect(text).not.toContain(caption);
  });
});
