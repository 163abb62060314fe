// recipe-card: which cards under an article are kept, through strip().
import { describe, expect, it } from 'vitest';
import { strip } from '../../../src/core/strip.js';

const MENU = ['Recipes', 'Baking', 'Preserves', 'About', ''];
const STORY = [
  'Every autumn the old apple tree at the end of our garden gives us far more fruit than we can eat, so I spend a weekend turning the rest into butter for the winter.',
  '',
  'It keeps for a year in sealed jars, and a jar with a ribbon round its lid is the present that my neighbours ask for every Christmas.',
  '',
];
const TITLE = 'Spiced Apple Butter';
const ITEMS = ['2 kg apples, cored and chopped', '500 ml apple cider', '200 g brown sugar', '2 tsp cinnamon', '1/2 tsp ground cloves'];
const STEPS = [
  'Cook the apples in the cider until soft, about 30 minutes.',
  'Blend until smooth and stir in the sugar and spices.',
  'Simmer on a low heat for two hours, stirring often.',
  'Fill warm jars and seal them.',
];
const FOOT = ['', 'You may also like:', '', 'Pear Jam', 'Plum Chutney', '', 'Share', 'Tweet'];

/** A page whose card has these lines in place of the default ones. */
function card({ head = 'Ingredients', steps = 'Instructions', items = ITEMS, lead = [TITLE, '', 'Print', ''] } = {}): string[] {
  return [...lead, head, '', ...items, '', steps, '', ...STEPS];
}
const kept = (lines: string[], line: string) => strip(lines.join('\n')).blocks.find((b) => b.text === line);

describe('recipe-card: a recipe card right under the article', () => {
  it.each<[string, string[]]>([
    ['a card under the story: title, Print, ingredients, instructions', [...MENU, ...STORY, ...card(), ...FOOT]],
    ['"Directions" for the steps, "Ingredients:" with a colon', [...MENU, ...STORY, ...card({ head: 'Ingredients:', steps: 'Directions' })]],
    ['a German card', [...MENU, ...STORY, ...card({ head: 'Zutaten', steps: 'Zubereitung' }), ...FOOT]],
    ['a card with no title', [...MENU, ...STORY, ...card({ lead: [] }), ...FOOT]],
  ])('keeps %s', (_, lines) => {
    for (const line of [ITEMS[0]!, ITEMS[4]!, STEPS[3]!]) expect(kept(lines, line)).toMatchObject({ kept: true, rule: 'recipe-card' });
    expect(kept(lines, 'Print')?.kept).not.toBe(true);
  });

  it('names the title, the headings and the card in its reasons', () => {
    const lines = [...MENU, ...STORY, ...card(), ...FOOT];
    expect(kept(lines, TITLE)).toMatchObject({ kept: true, rule: 'recipe-card', reason: 'title of a recipe card under the article' });
    expect(kept(lines, 'Ingredients')).toMatchObject({ kept: true, reason: 'ingredients heading of a recipe card' });
    expect(kept(lines, 'Instructions')).toMatchObject({ kept: true, reason: 'steps heading of a recipe card' });
    expect(kept(lines, 'You may also like:')?.kept).toBe(false);
    expect(kept(lines, 'Pear Jam')?.kept).toBe(false);
  });

  it.each<[string, string[]]>([
    ['no steps heading', [...MENU, ...STORY, ...card({ steps: 'Notes' }), ...FOOT]],
    ['the steps heading before the ingredients', [...MENU, ...STORY, ...card({ head: 'Instructions', steps: 'Ingredients' }), ...FOOT]],
    ['a line a rule claimed between the headings', [...MENU, ...STORY, ...card({ items: [...ITEMS.slice(0, 2), 'Share this:', ...ITEMS.slice(2)] }), ...FOOT]],
    ['a long line among the items', [...MENU, ...STORY, ...card({ items: [...ITEMS, 'These are the apples that grow best in our cold and windy corner of the country, where the frost comes early and stays late'] }), ...FOOT]],
    ['a card far below the article, under a teaser list', [...MENU, ...STORY, 'More recipes', '', 'Pear Jam', 'Plum Chutney', 'Quince Jelly', 'Rhubarb Cordial', '', ...card({ lead: [] })]],
  ])('leaves the items dropped with %s', (_, lines) => {
    expect(kept(lines, ITEMS[2]!)?.kept).toBe(false);
  });
});
