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
    'The reporting costs money to produce, and to keep going we need your financial support.',
    'Ads pay for what you read here: please help us support our journalism by reading on.',
    'Before you go, we have a small favor to ask: readers like you keep us independent.',
    'To keep reading, please disable your ad blocker or add us to the list of sites you allow.',
    'To keep reading, please disable your adblocker or add us to the list of sites you allow.',
  ])('fires on %s', (line) => {
    expect(ruleOf(line)).toBe('interface-strings');
  });
  it.each([
    'The company said the information was provided to regulators last year.',
    'She left the party early, saying that she had to work in the morning.',
    'The charity said it relied on small donations to support its work with refugees in the city.',
    'Journalism students will get financial support from the new fund, the university said.',
    'A foundation was set up in 2017 to support independent journalism in Eastern Europe.',
    '"We need your financial support," the paper\'s owner wrote to readers on Monday.',
    '“We have a small favour to ask,” the mayor told the crowd before the vote.',
    '‘We need your financial support,’ the paper’s editor wrote in a letter to readers on Monday.',
    "'We have a small favour to ask,' the mayor told the crowd before the vote on Tuesday evening.",
    'If a site breaks or shows a blank page, you can disable your ad blocker for that site from the toolbar.',
  ])('does not fire on %s', (line) => {
    expect(ruleOf(line)).not.toBe('interface-strings');
  });
});
