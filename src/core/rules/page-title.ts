// The page title, which several rules compare lines with. The first line of a dump is the HTML title,
// "Headline | Site Name"; the article's headline repeats it, or its headline part, further down.
import { wordsHash } from '../text/stopwords.js';
import type { Block, Page } from '../types.js';
import { hashKey, normalise } from './rule.js';

/** The title's part must be this long to be compared, so "Home" on its own never counts as a title. */
const MIN_TITLE_CHARS = 15;
/** A title is a line of a few words; a first line of megabytes (a dump without line breaks) has none to repeat. */
const MAX_TITLE_LINE_CHARS = 2000;
/** Between a title's parts: " | ", " - ", " — ", " : ", " -- ", "::". */
export const TITLE_SEPARATOR = /\s+[|–—·:•-]\s+|\s+[-|]{2}\s+|\s*::\s*/u;

export class PageTitle {
  /** The whole title and each of its parts around separators (the headline, the site's name), as keys. */
  readonly keys = new Set<string>();
  /** The keys' words hashes, as hashKey(): a block whose hash (taken while splitting) is not one cannot repeat the title. */
  readonly hashes = new Set<number>();
  /**
   * The whole title and its longest part: the headline, which a line naming only the site is not. In a title
   * of three parts or more, "Headline | Section | Site", also the first: the site's name at the end may be
   * longer than a short headline ("About the Blog - The Blog - The Example Herald"). Where a site puts its
   * name first instead, a line repeating it is mostly its logo at the top of the page, above the teaser runs
   * that taking it for the headline would end (section-openers).
   */
  private readonly headlineKeys = new Set<string>();

  constructor(page: Page) {
    const title = titleLine(page);
    if (title === undefined) return;
    const whole = normalise(title);
    const split = title.split(TITLE_SEPARATOR);
    // A title without a separator is its only part, normalised once: normalising cuts the words, which in
    // a script written without spaces takes the segmenter (a Japanese title of 326 characters, 0.24 ms).
    const parts = split.length === 1 ? [whole] : split.map(normalise);
    const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
    for (const key of [whole, ...parts]) {
      if (key.length < MIN_TITLE_CHARS) continue;
      this.keys.add(key);
      // A key is words joined by single spaces, and words hold no spaces: splitting it gives the words back.
      this.hashes.add(hashKey(wordsHash(key.split(' '))));
      if (key === whole || key === longest || (split.length >= 3 && key === parts[0])) this.headlineKeys.add(key);
    }
  }

  /** Whether a block other than the title line itself repeats the headline. */
  isHeadline(page: Page, i: number): boolean {
    const block = page.blocks[i]!;
    return i > 0 && this.hashes.has(hashKey(block.wordsHash)) && block.wordCount > 0 && this.headlineKeys.has(keyOf(block));
  }
}

/** The page's first line as a title (a crawler's "date 2019-11-20" before it taken off), or undefined when it is too long to be one. */
export function titleLine(page: Page): string | undefined {
  const first = page.blocks[0];
  if (!first || first.text.length > MAX_TITLE_LINE_CHARS) return undefined;
  return first.text.replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '');
}

/** Each page's title, read once for the rules that compare lines with it. */
const titles = new WeakMap<Page, PageTitle>();

export function pageTitle(page: Page): PageTitle {
  let title = titles.get(page);
  if (title === undefined) {
    title = new PageTitle(page);
    titles.set(page, title);
  }
  return title;
}

/** A block's key: its words joined by spaces, its normalised text. */
export function keyOf(block: Block): string {
  return block.words.join(' ');
}
