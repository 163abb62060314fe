import { describe, expect, it } from 'vitest';
import { strip } from '../../../src/core/strip.js';

const PARA = 'This cake keeps for three days in a tin, and the syrup can be made the day before and warmed again just before it is poured over the cake.';
const LAST = 'Beat the butter and the sugar until pale, add the eggs one at a time, and bake the cake for the time given for your tin.';
// Items with few stop words: boilerplate to the classifier, kept only later by introduced-list.
const LIST = ['For the cake:', 'Unsalted butter, softened, 200 g (7 oz, 14 tablespoons, about 2 US sticks)', 'Caster sugar, 200 g (7 oz, 1 US cup), Greek thyme honey, 2 tablespoons'];
const SHORTS = ['Baking times', '20 cm tin: 180 °C, 40 minutes', '23 cm tin: 180 °C, 35 minutes'];
const FOOTER = ['', 'Share this recipe', 'Print'];

describe('neighbours, second round (short lines between kept lines)', () => {
  it('keeps short lines between a list kept after the neighbour pass and the article', () => {
    const { blocks } = strip(['Recipes', 'Baking', 'Contact', '', PARA, '', ...LIST, '', ...SHORTS, '', LAST, ...FOOTER].join('\n'));
    for (const line of SHORTS) expect(blocks.find((b) => b.text === line)).toMatchObject({ kept: true, rule: 'neighbours', reason: 'short block between kept lines' });
    expect(blocks.find((b) => b.text === 'Share this recipe')?.kept).toBe(false);
  });

  it('leaves them dropped when boilerplate follows instead of the article', () => {
    const { blocks } = strip(['Recipes', 'Baking', 'Contact', '', PARA, '', ...LIST, '', ...SHORTS, ...FOOTER].join('\n'));
    for (const line of SHORTS) expect(blocks.find((b) => b.text === line)?.kept).toBe(false);
  });

  it('leaves a line that a rule claimed dropped, and the short lines beyond it', () => {
    const { blocks } = strip(['Recipes', 'Baking', 'Contact', '', PARA, '', ...LIST, '', 'Share this:', ...SHORTS, '', LAST, ...FOOTER].join('\n'));
    expect(blocks.find((b) => b.text === 'Share this:')?.kept).toBe(false);
    expect(blocks.find((b) => b.text === 'Baking times')?.kept).toBe(false);
  });
});
