// Every id a decision can carry, with its one-line description: what `boilerstrip rules` prints and what
// --disable-rule accepts. The rules describe themselves; the pipeline steps that are not rules are
// described here, next to the list, so a new step cannot be forgotten by the listing. Two steps decide
// nothing themselves and are listed so that they can be switched off: `markdown-links` and `unwrap`, which
// rewrite the page's text before any rule reads it.
import { RULES } from './rules/index.js';
import { BROWSER_MARKS_ID } from './pipeline/hide-browser-marks.js';
import { MARKDOWN_LINKS_ID } from './pipeline/read-markdown-links.js';
import { UNWRAP_ID } from './pipeline/unwrap-hard-wrapped-lines.js';
import { USER_PATTERNS_DESCRIPTION, USER_PATTERNS_ID } from './rules/user-patterns.js';

export const MAIN_TEXT_ID = 'main-text';
export const ARTICLE_TABLE_ID = 'article-table';
export const EMBEDDED_TWEET_ID = 'embedded-tweet';

export interface CatalogueEntry {
  id: string;
  description: string;
  /** Whether `disabledRules` / --disable-rule accepts the id. */
  canDisable: boolean;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: MARKDOWN_LINKS_ID,
    description: 'Reads a Markdown page\'s links as their text and its images as nothing before the lines are judged; the output keeps the page\'s lines.',
    canDisable: true,
  },
  {
    id: BROWSER_MARKS_ID,
    description: 'Reads the lines that are only a text browser\'s marks for images, frames and form fields ([photo.jpg], IFRAME: …, (BUTTON) …, [____]) as absent: no rule or neighbour sees them, and the output leaves them out.',
    canDisable: true,
  },
  {
    id: UNWRAP_ID,
    description: 'Joins the lines of a page wrapped at a width (lynx -dump, w3m -dump) into paragraphs before they are judged; the output keeps the page\'s lines.',
    canDisable: true,
  },
  { id: USER_PATTERNS_ID, description: USER_PATTERNS_DESCRIPTION, canDisable: false },
  ...RULES.map((rule) => ({ id: rule.id, description: rule.description, canDisable: true })),
  {
    id: 'content-evidence',
    description: "jusText's classification: long prose with a normal stop-word density is body, lines with few stop words are not.",
    canDisable: false,
  },
  { id: 'neighbours', description: 'Short or borderline lines take the class of the article text or boilerplate around them.', canDisable: false },
  { id: 'introduced-list', description: 'Keeps a list that article text introduces with a colon (tour dates, ingredients, steps).', canDisable: false },
  {
    id: ARTICLE_TABLE_ID,
    description: 'Keeps rows of one shape (the same punctuation and numbers) between article paragraphs, right after the last one when they start with a number, or right on top of the first one when they are figures.',
    canDisable: true,
  },
  {
    id: 'recipe-card',
    description: 'Keeps a recipe card right under the article: its title, the "Ingredients" heading and items, the "Instructions" (or "Directions", "Method") heading and steps.',
    canDisable: false,
  },
  {
    id: 'repeated-records',
    description: 'Keeps records right under the article that repeat the same labels in the same order, each with lines of its own (the days of a meal plan, the weeks of a schedule).',
    canDisable: false,
  },
  {
    id: MAIN_TEXT_ID,
    description: "Keeps the article's region; text far from it or cut off by a section heading is dropped.",
    canDisable: true,
  },
  {
    id: EMBEDDED_TWEET_ID,
    description: 'Keeps the "— Name (@handle) date" line of a tweet quoted in the article, right under the kept tweet text.',
    canDisable: true,
  },
];

/** The ids `disabledRules` accepts. */
export const DISABLEABLE_RULES: readonly string[] = CATALOGUE.filter((e) => e.canDisable).map((e) => e.id);

/** Why `disabledRules` refuses `id`: no such rule or step, or one that cannot be switched off (the content classifier, a step that keeps). */
export function refusedRuleId(id: string): string {
  const known = CATALOGUE.some((entry) => entry.id === id);
  return known ? `rule '${id}' cannot be switched off` : `unknown rule id '${id}'`;
}
