import { describe, expect, it } from 'vitest';
import { strip } from '../../src/core/strip.js';

/** The rule that decided a one-line page. */
const ruleOf = (line: string): string => strip(line).blocks[0]!.rule;

describe('video-blocks: titles with their running time', () => {
  it.each(['How Fast Can Gibbons Swing Through the Forest? (3:04)', 'The 1930s Were Not a Good Time (1:02:33)'])('fires on %s', (line) => {
    expect(ruleOf(line)).toBe('video-blocks');
  });
  it.each(['The meeting ran from 9:00 to 10:30 (local time).', 'Score: (3:04'])('does not fire on %s', (line) => {
    expect(ruleOf(line)).not.toBe('video-blocks');
  });
});

describe('interface-strings: promotional and legal notices', () => {
  it.each([
    'No spam, we promise. You can unsubscribe at any time and we will never share your details.',
    'Get Motor Cycle Monthly delivered through your letterbox every month.',
    'Apple logo, iPad and iPhone are registered trademarks of Apple Inc.',
    '*These statements have not been evaluated by the Food and Drug Administration.',
    'The information provided on this website is for general purposes only.',
    'We do this work every day at no cost to you, but to keep going we need your financial support.',
    'Example News relies on advertising to support our journalism. If you value our work, please disable your ad blocker.',
    'Before you go, we have a small favour to ask: readers like you keep us independent.',
    'To keep reading, please disable your ad blocker or add us to the list of sites you allow.',
    'Support independent journalism from as little as one dollar a month.',
  ])('fires on %s', (line) => {
    expect(ruleOf(line)).toBe('interface-strings');
  });
  it.each([
    'The company said the information was provided to regulators last year.',
    'She left the party early, saying that she had to work in the morning.',
    'The charity said it relied on small donations to support its work with refugees in the city.',
    'Journalism students will get financial support from the new fund, the university said.',
  ])('does not fire on %s', (line) => {
    expect(ruleOf(line)).not.toBe('interface-strings');
  });
});
