// Picks the stop-word list that covers the largest share of the page's words. Stop words are the most
// frequent words of a language, so the right list covers 30–50 % of running text and a wrong one a few %.
import { DETECTED_LANGUAGES, hasStopWordList, stopWordIndex } from '../text/stopwords.js';
import type { Page, StripOptions } from '../types.js';

/** Words sampled for detection: enough to be sure, few enough to stay fast on huge pages. */
const SAMPLE_WORDS = 1500;
/** Lines shorter than this are mostly menus, which are often English even on foreign pages. */
const PROSE_LINE_CHARS = 40;
const FALLBACK_LANGUAGE = 'en';

/** Occurrences of each stop-word group in a page's sample, all zero between pages (kept for the next page). */
let groupCounts: Int32Array | undefined;

export function detectLanguage(page: Page, options: StripOptions): void {
  if (options.language && hasStopWordList(options.language)) {
    page.language = options.language;
    return;
  }
  // Each stop word was looked up once while splitting (page.stopWordGroups); a group names the lists that hold it.
  const { languagesOfGroup } = stopWordIndex();
  const groups = page.stopWordGroups!;
  // The sampled stop words are counted by group, and each group's count then added to its languages: a
  // common word is in a dozen lists ("a" in 14), and adding each occurrence to each of them took 1.3 ms
  // per pass over the aeb dev pages.
  const countOfGroup = (groupCounts ??= new Int32Array(languagesOfGroup.length));
  let sampled = 0;
  const { blocks } = page;
  const anyProse = blocks.some((b) => b.text.length >= PROSE_LINE_CHARS);
  for (let b = 0; b < blocks.length && sampled < SAMPLE_WORDS; b++) {
    const block = blocks[b]!;
    if (anyProse && block.text.length < PROSE_LINE_CHARS) continue;
    for (let w = block.stopWordsFrom; w < block.stopWordsTo; w++) countOfGroup[groups[w]!]!++;
    sampled += block.wordCount;
  }
  const hits = new Array<number>(DETECTED_LANGUAGES.length).fill(0);
  for (let group = 0; group < countOfGroup.length; group++) {
    const count = countOfGroup[group]!;
    if (count === 0) continue;
    const languages = languagesOfGroup[group]!;
    for (let k = 0; k < languages.length; k++) hits[languages[k]!]! += count;
    countOfGroup[group] = 0;
  }
  let best = -1;
  hits.forEach((h, li) => {
    if (h > 0 && (best < 0 || h > hits[best]!)) best = li;
  });
  page.language = best >= 0 ? DETECTED_LANGUAGES[best]! : FALLBACK_LANGUAGE;
}
