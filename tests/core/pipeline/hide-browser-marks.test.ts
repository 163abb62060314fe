import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBrowserMarkLine } from '../../../src/core/pipeline/hide-browser-marks.js';
import { strip } from '../../../src/core/strip.js';
import { FIXTURES } from '../../helpers/cli.js';

const PARAGRAPHS = [
  'The small ferry that links the old harbour with the island village went back into service on Monday morning, after four months in the shipyard.',
  'About forty passengers were waiting on the quay when the boat pulled in a few minutes before eight, most of them commuters who had taken the bus all winter.',
  'The operator said the repairs cost more than planned, because the shipyard found rust under the old deck that had to be cut out before the new benches went in.',
];

describe('browser-marks', () => {
  it.each([
    '[ferry-quay-2025.jpg]',
    '   [blank_1x1.gif]',
    '[IMG]',
    '[e151e5]',
    '[INS: :INS]',
    '[Unknown INPUT type]',
    '[ ]',
    '[____________________]',
    '[                    ] [Search.png]',
    '____________________ (BUTTON) Search',
    '(BUTTON) Close',
    'IFRAME: https://ads.example.com/frame.html',
    '( ) (*)',
  ])('reads %j as a mark', (line) => {
    expect(isBrowserMarkLine(line)).toBe(true);
  });

  it.each([
    // A rule (<hr>), a label beside a check box, alt text of words, a one-word alt text, a line of text.
    '________________________________________',
    '[ ] Save my name and e-mail for the next time I comment.',
    '[Map of the flooded area]',
    '[Avatar]',
    'Photo [ferry.jpg] by Dana Whitfield',
    '',
    // Words of a script with combining marks, or with an apostrophe (html2text writes an alt text's spaces as
    // underscores), are words as much as [Avatar]; an elision or a footnote's star has no file name in it.
    '[समाचार]',
    "[Today's_Birthdays]",
    '[O’Brien]',
    '[…]',
    '[...]',
    '[*]',
  ])('reads %j as no mark', (line) => {
    expect(isBrowserMarkLine(line)).toBe(false);
  });

  it('keeps a subheading that stands between a mark printed over each photo and the article', () => {
    const page = [
      'Home',
      'News',
      '',
      PARAGRAPHS[0],
      '',
      '[divider.gif]',
      '',
      'Back on the water',
      '',
      PARAGRAPHS[1],
      '',
      '[divider.gif]',
      '',
      'The cost',
      '',
      PARAGRAPHS[2],
      '',
      '[divider.gif]',
    ].join('\n');
    const { text } = strip(page);
    expect(text).toBe([PARAGRAPHS[0], 'Back on the water', PARAGRAPHS[1], 'The cost', PARAGRAPHS[2]].join('\n\n'));
    // Seen as lines, the marks repeat on the page and take the subheadings down with them.
    expect(strip(page, { disabledRules: ['browser-marks'] }).text).not.toContain('The cost');
  });

  it('does not print a mark inside a kept paragraph, and keeps the lines around it', () => {
    const page = ['Home', '', PARAGRAPHS[0], '[IMG]', PARAGRAPHS[1], '', PARAGRAPHS[2]].join('\n');
    expect(strip(page).text).toBe([`${PARAGRAPHS[0]}\n${PARAGRAPHS[1]}`, PARAGRAPHS[2]].join('\n\n'));
  });

  it('reads a line of a mark and a long run of underscores that is no mark in time', () => {
    // Each run of four underscores or more could be a field of its own: read as such, the runs of a line
    // that fails at its end were tried in every split (60 underscores took 2 s, each 4 more doubled it).
    const line = `[ ] ${'_'.repeat(100)}.`;
    expect(isBrowserMarkLine(line)).toBe(false);
    expect(strip(['Contact us', '', PARAGRAPHS[0], '', line].join('\n')).text).toBe(PARAGRAPHS[0]);
    expect(isBrowserMarkLine(`[ ] ${'_'.repeat(100)} ____ [IMG]`)).toBe(true);
  });

  it('reports a line that a mark follows as that line alone, not as a paragraph over the mark', () => {
    const page = ['Home', '', PARAGRAPHS[0], '[ferry-quay.jpg]', '[IMG]', '', PARAGRAPHS[1]].join('\n');
    const { blocks } = strip(page);
    expect(blocks.map((b) => b.lines)).toEqual([[1, 1], [3, 3], [4, 4], [5, 5], [7, 7]]);
  });

  it('keeps the mark of an elision between the paragraphs of a quoted text', () => {
    const page = ['Home', '', PARAGRAPHS[0], '', '[…]', '', PARAGRAPHS[1], '', PARAGRAPHS[2]].join('\n');
    expect(strip(page).text).toBe([PARAGRAPHS[0], '[…]', PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n'));
  });

  it("keeps a mark that the user's --keep names, as it keeps any line", () => {
    const page = ['Home', '', PARAGRAPHS[0], '', '[ferry-quay.jpg]', '', PARAGRAPHS[1]].join('\n');
    for (const keep of [/\.jpg\]$/u, 'ferry-quay.jpg']) {
      const { text, blocks } = strip(page, { keep: [keep] });
      expect(text).toBe([PARAGRAPHS[0], '[ferry-quay.jpg]', PARAGRAPHS[1]].join('\n\n'));
      expect(blocks.find((b) => b.text === '[ferry-quay.jpg]')).toMatchObject({ kept: true, rule: 'user-patterns' });
    }
  });

  it("tests the user's patterns against a line without the marks read as absent under it", () => {
    // The line's block reaches down to the next line the rules read, over the mark: as written, it held the
    // mark, and a pattern for the mark dropped the paragraph above it.
    const page = ['Home', '', PARAGRAPHS[0], '[ferry-quay.jpg]', '', PARAGRAPHS[1]].join('\n');
    expect(strip(page, { drop: [/jpg/u] }).text).toBe([PARAGRAPHS[0], PARAGRAPHS[1]].join('\n\n'));
  });

  it('leaves a Markdown page as it is: its images are read by markdown-links', () => {
    const page = ['[Home](/) [News](/news) [Sport](/sport) [Weather](/weather) [Travel](/travel) [About](/about)', '', PARAGRAPHS[0], '', '[IMG]', '', PARAGRAPHS[1]].join('\n');
    expect(strip(page).text).toBe(strip(page, { disabledRules: ['browser-marks'] }).text);
  });
});

describe('browser-marks on a wrapped page', () => {
  /** Greedy wrapping at 78 columns, indented by three spaces, as lynx prints a paragraph. */
  const wrap = (paragraph: string): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && 3 + line.length + 1 + word.length > 78) {
        lines.push(`   ${line}`);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    return [...lines, `   ${line}`];
  };
  const LONG = PARAGRAPHS.map((p) => `${p} ${p.toLowerCase()}`);

  it('joins the lines of a paragraph around a photo set into it, and prints neither the mark nor the one under the paragraph', () => {
    const [first, second, third] = LONG.map(wrap) as [string[], string[], string[]];
    const page = ['     * Home', '     * News', '', ...first.slice(0, 2), '   [ferry-1.jpg]', ...first.slice(2), '   [ferry-2.jpg]', '', ...second, '', ...third, ''].join('\n');
    const { text, blocks } = strip(page);
    expect(text).toBe([first, second, third].map((lines) => lines.map((l) => l.trim()).join('\n')).join('\n\n'));
    // The paragraph around the first photo is one block, read as one paragraph.
    expect(blocks.find((b) => b.text.startsWith('The small ferry'))!.text).toBe(LONG[0]);
  });

  it('reports each mark among the blocks, dropped by browser-marks, in line order, inside the paragraph it was joined through too', () => {
    const [first, second] = LONG.map(wrap) as [string[], string[]];
    const page = ['     * Home', '     * News', '', ...first.slice(0, 2), '   [ferry-1.jpg]', ...first.slice(2), '', '   [ferry-2.jpg]', '', ...second, ''].join('\n');
    const { blocks } = strip(page);
    const markLines = [6, 4 + first.length + 2];
    expect(blocks.filter((b) => b.rule === 'browser-marks')).toEqual(
      markLines.map((line, k) => ({ lines: [line, line], piece: false, text: `[ferry-${k + 1}.jpg]`, kept: false, rule: 'browser-marks', reason: "a text browser's mark, read as absent" })),
    );
    const starts = blocks.map((b) => b.lines[0]);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // The paragraph joined through the first mark still spans it.
    const paragraph = blocks.find((b) => b.text.startsWith('The small ferry'))!;
    expect(paragraph.lines).toEqual([4, 4 + first.length]);
  });
});

describe('browser-marks on a page joined on one line', () => {
  it('cuts the line into pieces as it would without the mark under it', () => {
    const line = readFileSync(path.join(FIXTURES, 'page-joined-on-one-line', 'input.txt'), 'utf8').trimEnd();
    const pieces = (text: string) => strip(text).blocks.filter((b) => b.piece).length;
    expect(pieces(line)).toBeGreaterThan(1);
    expect(pieces(`${line}\n[IMG]`)).toBe(pieces(line));
  });
});
