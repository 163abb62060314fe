// Inputs at the sizes the CLI accepts must finish, not overflow a stack or go quadratic. These are not
// timed tests (the figures come from `npm run bench:stress`); the runner's timeout is what catches a
// regression that turns seconds into minutes.
import { describe, expect, it } from 'vitest';
import { strip } from '../../src/core/strip.js';

describe('large inputs', () => {
  it('a 10 MB single line that looks like a crawler header does not overflow the regex stack', () => {
    const line = ` date 2024-10-19 ${'The cat sat on the mat, and the dog watched. '.repeat(230_000)}`;
    expect(line.length).toBeGreaterThan(10_000_000);
    expect(() => strip(line)).not.toThrow();
  });

  it('a single huge line that starts like a copyright notice is cleaned', () => {
    expect(() => strip(`© 2024 ${'word and more words, the cat sat. '.repeat(100_000)}`)).not.toThrow();
  });

  it('a byline whose names run into many words a date pattern could also read is cleaned', () => {
    // Each "am" could be a joiner or a time of day: a pattern over them backtracked exponentially.
    // A word that is no joiner before the date makes the pattern fail and backtrack. 27 of them fit in a
    // byline's 100 characters; 26 took 13 s through that pattern, and each one more doubles it.
    const result = strip(`By J ${'am '.repeat(27)}x March 3, 2019\n\nThe council met on Tuesday.`);
    expect(result.blocks).toHaveLength(2);
  });

  it('150,000 bylines are read without overflowing the stack', () => {
    const result = strip(Array.from({ length: 150_000 }, () => 'By Jane Roe').join('\n'));
    expect(result.blocks.every((b) => b.reason === 'byline')).toBe(true);
  });

  it('300,000 short lines (no article anywhere) are all dropped', () => {
    const lines = Array.from({ length: 300_000 }, (_, i) => `Line number ${i} of the list`);
    const result = strip(lines.join('\n'));
    expect(result.blocks).toHaveLength(300_000);
    expect(result.text).toBe('');
  });
});
