// menu-runs — Evidence: a paragraph of several short lines, none of them a sentence, that is not
// framed by prose. That is how a dump renders navigation bars, section menus, tag clouds and footers
// (one link per line). A bulleted list inside an article looks similar, so a run whose previous and next
// paragraphs are both prose (the list is introduced and followed by text) is left to the content
// classifier instead.
import type { Finding, Page } from '../types.js';
import { isProse } from './prose.js';
import type { Rule } from './rule.js';

/** Lines in the paragraph before it counts as a menu. */
const MIN_LINES = 3;
/** Menu items are link texts: a few words. */
const MAX_ITEM_WORDS = 5;

export const menuRuns: Rule = {
  id: 'menu-runs',
  description: 'Navigation menus: a paragraph of three or more short lines without sentences, not framed by prose.',
  find(page: Page): Finding[] {
    const findings: Finding[] = [];
    const { blocks, measures } = page;
    let start = 0;
    while (start < blocks.length) {
      let end = start;
      while (end + 1 < blocks.length && blocks[end + 1]!.paragraph === blocks[start]!.paragraph) end++;
      const lines = end - start + 1;
      let isMenu = lines >= MIN_LINES;
      for (let i = start; i <= end && isMenu; i++) {
        isMenu = measures[i]!.words <= MAX_ITEM_WORDS && !measures[i]!.endsLikeSentence && !blocks[i]!.text.endsWith(':');
      }
      if (isMenu && !framedByProse(page, start, end)) {
        const reason = `item of a ${lines}-line menu`;
        for (let i = start; i <= end; i++) findings.push({ block: i, verdict: 'boilerplate', reason });
      }
      start = end + 1;
    }
    return findings;
  },
};

function framedByProse(page: Page, start: number, end: number): boolean {
  const before = page.blocks[start - 1];
  const after = page.blocks[end + 1];
  const introduces = (i: number): boolean => {
    const b = page.blocks[i]!;
    return isProse(b.text, page.measures[i]!) || (b.text.endsWith(':') && page.measures[i]!.words >= 4);
  };
  return before !== undefined && after !== undefined && introduces(start - 1) && isProse(after.text, page.measures[end + 1]!);
}
