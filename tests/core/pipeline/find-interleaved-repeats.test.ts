// interleaved-repeat: which repeated lines the neighbour pass looks past, alone and through strip().
import { describe, expect, it } from 'vitest';
import { applyRules } from '../../../src/core/pipeline/apply-rules.js';
import { classifyByContent } from '../../../src/core/pipeline/classify-by-content.js';
import { findInterleavedRepeats } from '../../../src/core/pipeline/find-interleaved-repeats.js';
import { strip } from '../../../src/core/strip.js';
import { measuredPage } from '../../helpers/page.js';

// Four paragraphs of prose, each good to the classifier on its own (two sentences: no teaser's summary).
const P = [
  'The choir sang in the old market hall on Saturday. The hall was so full that people stood along the walls and in the doorway to hear them.',
  'Most of the singers had never performed in public before. They joined the choir last winter, when it was started by two teachers from the town.',
  'They rehearse every Tuesday evening in the school gym. Anyone who wants to sing is welcome, whether or not they can read music.',
  'The next concert will be held in the church at the end of the month. The choir hopes to raise money there for a new piano for the school.',
];
const CAPTION = 'The town choir in the market hall, photo by our reader';
const HEAD = ['Town News', 'Home', 'Events', 'Sport', ''];
const FOOT = ['', 'Share', 'Tweet'];

/** The texts of the blocks looked past on a page made of these lines. */
function lookedPast(lines: string[]): string[] {
  const page = measuredPage(lines.join('\n'));
  applyRules(page, {});
  classifyByContent(page);
  const seePast = findInterleavedRepeats(page, page.classes);
  return [...new Set(page.blocks.filter((_, i) => seePast?.has(i)).map((b) => b.text))];
}

describe('interleaved-repeat: a label printed between the article paragraphs', () => {
  it.each<[string, string[]]>([
    ['a caption under each of four photos, prose between every pair', [...HEAD, CAPTION, '', P[0]!, '', CAPTION, '', P[1]!, '', CAPTION, '', P[2]!, '', CAPTION, '', P[3]!, ...FOOT]],
    ['the same with two of the photos in a row (a gallery)', [...HEAD, CAPTION, '', P[0]!, '', CAPTION, '', P[1]!, '', CAPTION, '', CAPTION, '', P[2]!, '', CAPTION, '', P[3]!, ...FOOT]],
  ])('fires on %s', (_, lines) => {
    expect(lookedPast(lines)).toEqual([CAPTION]);
  });

  it.each<[string, string[]]>([
    ['three copies, prose between both pairs (a related list in, beside and below the article)', [...HEAD, CAPTION, '', P[0]!, '', CAPTION, '', P[1]!, P[2]!, '', CAPTION, ...FOOT]],
    ['four copies with prose between two pairs only', [...HEAD, CAPTION, '', CAPTION, '', P[0]!, '', CAPTION, '', P[1]!, '', CAPTION, ...FOOT]],
    ['a menu printed above and below the article, twice each', ['Events', 'Sport', '', 'Events', 'Sport', '', P[0]!, '', P[1]!, '', 'Events', 'Sport', '', 'Events', 'Sport']],
    ['the page title, printed again between the paragraphs', [CAPTION, ...HEAD, P[0]!, '', CAPTION, '', P[1]!, '', CAPTION, '', P[2]!, '', CAPTION, '', P[3]!, '', CAPTION, ...FOOT]],
    ['a line another rule also claims (a share prompt)', [...HEAD, 'Share this:', '', P[0]!, '', 'Share this:', '', P[1]!, '', 'Share this:', '', P[2]!, '', 'Share this:', '', P[3]!, ...FOOT]],
  ])('does not fire on %s', (_, lines) => {
    expect(lookedPast(lines)).toEqual([]);
  });
});

describe('the neighbour pass looks past an interleaved repeat', () => {
  const SHORTS = ['Then came the last song!', 'Everyone sang along.'];
  const END = 'The evening ended with tea and cake in the hall. The choir thanked the market for lending it the hall for the night.';
  const page = (caption: string, copies: number) => {
    // The caption before the short lines, then after them; the first copies sit between paragraphs.
    const lines = [...HEAD, P[0]!, ''];
    for (let k = 1; k < copies - 1; k++) lines.push(caption, '', P[k]!, '');
    lines.push(caption, '', ...SHORTS, '', caption, '', END, ...FOOT);
    return strip(lines.join('\n')).blocks;
  };

  it('keeps short lines between two copies of a caption printed under every photo', () => {
    const blocks = page(CAPTION, 5);
    for (const line of SHORTS) {
      expect(blocks.find((b) => b.text === line)).toMatchObject({ kept: true, rule: 'neighbours', reason: expect.stringContaining('seen past a line repeated inside the article') });
    }
    for (const b of blocks.filter((b) => b.text === CAPTION)) expect(b.kept).toBe(false);
  });

  it('says so only for the lines kept because of it, not for a short line between two paragraphs', () => {
    const LAST = 'Next year the choir wants to sing in the town hall as well. Its members are already learning the songs for it.';
    const lines = [...HEAD, P[0]!, '', SHORTS[1]!, '', P[1]!, ''];
    for (const paragraph of [P[2]!, P[3]!, END]) lines.push(CAPTION, '', paragraph, '');
    lines.push(CAPTION, '', SHORTS[0]!, '', CAPTION, '', LAST, ...FOOT);
    const blocks = strip(lines.join('\n')).blocks;
    expect(blocks.find((b) => b.text === SHORTS[0])?.reason).toContain('seen past a line repeated');
    expect(blocks.find((b) => b.text === SHORTS[1])).toMatchObject({ kept: true, rule: 'neighbours', reason: 'short block among article text' });
  });

  it('drops them as before when the caption is printed only three times', () => {
    const blocks = page(CAPTION, 3);
    for (const line of SHORTS) expect(blocks.find((b) => b.text === line)?.kept).toBe(false);
  });
});
