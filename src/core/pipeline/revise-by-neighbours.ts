// content-evidence, second pass — jusText's context-sensitive revision. A short or near-good block cannot
// be judged on its own words, so it takes its class from the nearest decided blocks around it: "He
// declined to comment." between two article paragraphs is article; a lone "Comments" between menus is
// not. The page's edges count as bad, as in jusText.
import type { BlockClass, Page } from '../types.js';

type Side = -1 | 1;

export function reviseByNeighbours(page: Page): void {
  const initial = page.classes;
  const classes = [...initial];

  // Short blocks first, seeing near-good blocks as good (jusText: ignore_neargood=True for the outer test).
  for (let i = 0; i < classes.length; i++) {
    if (initial[i] !== 'short') continue;
    const prev = neighbour(initial, i, -1, true);
    const next = neighbour(initial, i, 1, true);
    if (prev === 'good' && next === 'good') classes[i] = 'good';
    else if (prev === 'bad' && next === 'bad') classes[i] = 'bad';
    else if ((prev === 'bad' && neighbour(initial, i, -1, false) === 'near-good') || (next === 'bad' && neighbour(initial, i, 1, false) === 'near-good'))
      classes[i] = 'good';
    else classes[i] = 'bad';
  }
  // Near-good blocks next: kept unless both sides are bad.
  for (let i = 0; i < classes.length; i++) {
    if (classes[i] !== 'near-good') continue;
    const prev = neighbour(classes, i, -1, true);
    const next = neighbour(classes, i, 1, true);
    classes[i] = prev === 'bad' && next === 'bad' ? 'bad' : 'good';
  }
  page.classes = classes;
}

/**
 * Class of the nearest block on one side that is not short (and, with ignoreNearGood, not near-good
 * either); 'bad' past the page's edge.
 */
function neighbour(classes: readonly BlockClass[], i: number, side: Side, ignoreNearGood: boolean): BlockClass {
  for (let j = i + side; j >= 0 && j < classes.length; j += side) {
    const c = classes[j]!;
    if (c === 'short') continue;
    if (c === 'near-good' && ignoreNearGood) continue;
    return c;
  }
  return 'bad';
}
