import { describe, expect, it } from 'vitest';
import { repeatedLines } from '../../../src/core/rules/repeated-lines.js';
import { flagged, measuredPage, PROSE_A, PROSE_B } from '../../helpers/page.js';

describe('repeated-lines', () => {
  it.each([
    ['a headline printed twice in a row', `Storm hits the coast\nStorm hits the coast\n\n${PROSE_A}`, ['Storm hits the coast', 'Storm hits the coast']],
    ['a list printed twice', `${PROSE_A}\n\nBridge repairs start\nSchool wins prize\n\nBridge repairs start\nSchool wins prize`, ['Bridge repairs start', 'School wins prize', 'Bridge repairs start', 'School wins prize']],
    ['the page title repeated above the article', `Mayor opens the new library | Daily Herald\n\nMayor opens the new library\n\n${PROSE_A}`, ['Mayor opens the new library']],
    ['a second copy of a long paragraph (the first stays)', `${PROSE_A}\n\n${PROSE_B}\n\n${PROSE_A}`, [PROSE_A]],
  ])('fires on %s', (_, text, expected) => {
    expect(flagged(repeatedLines, text)).toEqual(expected);
  });

  it('counts exact copies of a line and copies that differ only in punctuation as one line', () => {
    // Keys are made once per distinct text: each copy must still be counted, and a copy in other words is not one.
    const text = `${PROSE_A}\n\nBridge repairs start\n» Bridge repairs start:\nBridge repairs start\nBridge repairs started\n\n${PROSE_B}`;
    const page = measuredPage(text);
    expect(repeatedLines.find(page).map((f) => [page.blocks[f.block]!.text, f.reason])).toEqual([
      ['Bridge repairs start', 'printed 3 times on the page'],
      ['» Bridge repairs start:', 'printed 3 times on the page'],
      ['Bridge repairs start', 'printed 3 times on the page'],
    ]);
  });

  it('keeps the first copy of each sentence of an article printed twice on a page joined on one line', () => {
    const MENU = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
    const ARTICLE = 'The council met on Monday. It voted to build new walls. The work starts in May. Residents welcomed the plan.';
    const text = `${MENU} ${ARTICLE} Print this article. ${PROSE_A} ${PROSE_B} ${ARTICLE} ${PROSE_B} ${PROSE_A} ${PROSE_B}`;
    const page = measuredPage(text);
    const sentences = ARTICLE.split(/(?<=\.) /u);
    const dropped = repeatedLines.find(page).map((f) => f.block);
    for (const sentence of sentences) {
      const copies = page.blocks.flatMap((b, i) => (b.text === sentence ? [i] : []));
      expect(copies).toHaveLength(2);
      expect(dropped).not.toContain(copies[0]);
      expect(dropped).toContain(copies[1]);
    }
  });

  describe('a repeated sentence keeps its copy inside the article', () => {
    const SUMMARY = 'The mayor said the library would open every day of the week.';
    const LONG = `${PROSE_B} ${PROSE_A}`;
    const findings = (text: string) => {
      const page = measuredPage(text);
      return repeatedLines.find(page).map((f) => ({ line: page.blocks[f.block]!.line, reason: f.reason }));
    };

    it('drops the summary above the story and keeps the sentence in it', () => {
      // Lines: 1 title, 3 summary, 5 byline, 7 prose, 9 the sentence again, 11 prose.
      expect(findings(`Library opens | Daily Herald\n\n${SUMMARY}\n\nBy Jane Roe\n\n${PROSE_A}\n\n${SUMMARY}\n\n${PROSE_B}`)).toEqual([
        { line: 3, reason: 'repeats the sentence at line 9' },
      ]);
    });

    it('drops every copy of a sentence that no copy of sits inside running text', () => {
      expect(findings(`${PROSE_A}\n\nHome\n${SUMMARY}\n\n${PROSE_B}\n\nNews\n${SUMMARY}`)).toEqual([
        { line: 4, reason: 'printed 2 times on the page' },
        { line: 9, reason: 'printed 2 times on the page' },
      ]);
    });

    it('keeps the copy of a long paragraph inside the article even when another comes first', () => {
      expect(findings(`${LONG}\n\nHome\n\n${PROSE_A}\n\n${LONG}\n\n${PROSE_B}`)).toEqual([{ line: 1, reason: 'repeats the paragraph at line 7' }]);
    });
  });

  it.each([
    ['an article without repeats', `${PROSE_A}\n\n${PROSE_B}`],
    ['a short title that is a common word', `Home\n\n${PROSE_A}\n\nNews`],
    ['the first occurrence of a long paragraph', `${PROSE_A}\n\n${PROSE_B}`],
  ])('does not fire on %s', (_, text) => {
    expect(flagged(repeatedLines, text)).toEqual([]);
  });
});
