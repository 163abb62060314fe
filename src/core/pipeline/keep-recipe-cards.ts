// recipe-card — Keeps the recipe card that closes a recipe article. Recipe sites print the recipe itself
// after the story as a card: its title, buttons (Print, Pin), an "Ingredients" heading over short lines of
// quantities ("1 tsp ground ginger"), and an "Instructions" (or "Directions", "Method") heading over the
// steps. The items and headings are short and poor in stop words, and the steps come after the article's
// last paragraph, so the classifier drops the first and main-text drops the second as a region of its own.
// What shows the card is the pair of headings in that order, close together, with nothing a rule claimed
// between them but the short items: a menu, a teaser list or a related-recipes box has no such pair. The
// card must start right under kept article text (only its title and claimed buttons may stand between), so
// a card of another recipe further down the page stays dropped. The steps are the paragraph under the
// second heading; lines a rule claimed (a share bar, "Print") stay dropped throughout.
import type { Page } from '../types.js';

/** Whole-line headings over a recipe's ingredients (compared with the bare, lower-case line). */
const INGREDIENTS = new Set(['ingredients', 'zutaten', 'ingrédients', 'ingredientes', 'ingredienti', 'ingrediënten']);
/** Whole-line headings over its steps. */
const STEPS = new Set(['instructions', 'directions', 'method', 'preparation', 'steps', 'zubereitung', 'préparation', 'preparación', 'preparazione', 'bereiding']);
/** The longest heading above with a colon and a space or two ("Ingrediënten:"): longer lines are not read. */
const HEADING_MAX_CHARS = 16;
/** Lines between the two headings: an ingredient list is a few dozen lines at most. */
const MAX_ITEMS = 40;
/** An ingredient is a short line; a longer one is prose that the classifier judges on its own. */
const ITEM_MAX_WORDS = 20;
/** Lines between the article's last kept line and the ingredients heading: the card's title and a button or two. */
const MAX_LEAD = 4;

export function keepRecipeCards(page: Page): void {
  const { blocks, decisions, findings, measures } = page;
  for (let k = 1; k < blocks.length; k++) {
    // The length first: a line's bare form is made when first read, and this step alone would make it for every line.
    if (blocks[k]!.text.length > HEADING_MAX_CHARS || !INGREDIENTS.has(blocks[k]!.bare) || findings[k]!.length > 0) continue;
    // Right under kept article text: what stands between is unclaimed (the title) or claimed (buttons).
    let top = k - 1;
    while (top >= 0 && k - top <= MAX_LEAD && !decisions[top]!.kept) top--;
    if (top < 0 || !decisions[top]!.kept || k - top > MAX_LEAD) continue;
    // The items, up to the steps heading; a line a rule claimed or a long one ends the card unfound.
    let steps = -1;
    for (let i = k + 1; i < blocks.length && i - k <= MAX_ITEMS + 1; i++) {
      if (STEPS.has(blocks[i]!.bare) && findings[i]!.length === 0) {
        steps = i;
        break;
      }
      if (findings[i]!.length > 0 || measures[i]!.words > ITEM_MAX_WORDS) break;
    }
    if (steps < 0 || steps === k + 1) continue;
    // The steps: the paragraph right under their heading (none when the heading ends the page).
    let end = steps + 1;
    const paragraph = blocks[end]?.paragraph;
    while (end < blocks.length && blocks[end]!.paragraph === paragraph) end++;
    const keep = (i: number, reason: string) => {
      if (!decisions[i]!.kept && findings[i]!.length === 0) decisions[i] = { kept: true, rule: 'recipe-card', reason };
    };
    for (let i = top + 1; i < k; i++) keep(i, 'title of a recipe card under the article');
    keep(k, 'ingredients heading of a recipe card');
    for (let i = k + 1; i < steps; i++) keep(i, `ingredient of the recipe card at line ${blocks[k]!.line}`);
    keep(steps, 'steps heading of a recipe card');
    for (let i = steps + 1; i < end; i++) keep(i, `step of the recipe card at line ${blocks[k]!.line}`);
    k = end - 1;
  }
}
