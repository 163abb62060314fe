import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/core/pipeline/render.js';
import { strip } from '../../../src/core/strip.js';
import { measuredPage } from '../../helpers/page.js';
import { FIXTURES } from '../../helpers/cli.js';

const joined = readFileSync(path.join(FIXTURES, 'page-joined-on-one-line', 'input.txt'), 'utf8');
const THIRD = /^Engineers say the work will take four years/u;

describe('render', () => {
  it('joins the kept pieces of a run-on line with a space, as they stood in it', () => {
    const paragraphs = strip(joined).text.split('\n\n');
    expect(paragraphs).toHaveLength(1);
    expect(joined).toContain(paragraphs[0]);
  });

  it('starts a new paragraph where a piece between two kept ones was dropped', () => {
    const page = measuredPage(joined);
    const third = page.blocks.findIndex((b) => THIRD.test(b.text));
    expect(page.blocks[third]!.runOnPiece).toBe(true);
    // The first two sentences, then the fourth and fifth: the third between them is dropped.
    page.decisions = page.blocks.map((_, i) => ({ kept: i >= third - 2 && i <= third + 2 && i !== third, rule: 'test', reason: '' }));
    expect(render(page).split('\n\n')).toEqual([
      `${page.blocks[third - 2]!.text} ${page.blocks[third - 1]!.text}`,
      `${page.blocks[third + 1]!.text} ${page.blocks[third + 2]!.text}`,
    ]);
  });

  it('keeps the lines of an ordinary paragraph on lines of their own', () => {
    const text = 'The council met on Tuesday evening to approve the budget for the coming year.\nIt was a long meeting, and the vote was close in the end, seven to six.';
    expect(strip(text).text).toBe(text);
  });
});
