import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownAsText } from '../../../src/core/pipeline/read-markdown-links.js';
import { fingerprint, lineKey, pageFingerprints } from '../../../src/core/site/fingerprints.js';
import { strip } from '../../../src/core/strip.js';
import { FIXTURES } from '../../helpers/cli.js';

const MENU = ['  * [Home](https://news.example/)', '  * [News](https://news.example/news/)', '  * [Sport](/sport/)', '  * [Weather](/weather/)', '  * [Contact](mailto:desk@news.example)'];

describe('markdown-links', () => {
  it('reads each link as its text, each image as nothing, and leaves out emphasis and heading marks, line for line', () => {
    const page = [
      ...MENU,
      '',
      '![The ferry at the quay](/img/ferry.jpg)',
      '## Harbour ferry returns',
      'The small [ferry](/ferries/island "The island ferry") went **back** into __service__ on Monday.',
      '  * [![Logo](https://news.example/logo.png) News Example](/)',
    ].join('\r\n');
    const text = markdownAsText(page)!;
    expect(text.split('\n')).toEqual(['  * Home', '  * News', '  * Sport', '  * Weather', '  * Contact', '', '', 'Harbour ferry returns', 'The small ferry went back into service on Monday.', '  *  News Example']);
  });

  it('leaves a page alone that writes fewer than five links so: a dump of one HTML block a line', () => {
    expect(markdownAsText(MENU.slice(0, 4).join('\n'))).toBeUndefined();
    // Brackets that are no links: an editor's insertion, a footnote, a citation.
    expect(markdownAsText('[Syrian] forces [1] said (Reuters).\n[2] A note (2019).\n'.repeat(10))).toBeUndefined();
  });

  it('does not read "](" that is no link: an address must follow', () => {
    const page = `${MENU.join('\n')}\nA quote [sic](2019) stays, and so does [this](that is no address).`;
    expect(markdownAsText(page)!.split('\n').at(-1)).toBe('A quote [sic](2019) stays, and so does [this](that is no address).');
  });

  it('counts a Markdown page for cross-page evidence by its lines read as text', () => {
    const keys = new Set<string>();
    pageFingerprints(MENU.join('\n')).forEach((a, b) => void keys.add(a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')));
    expect([...keys].sort()).toEqual(['Home', 'News', 'Sport', 'Weather', 'Contact'].map((w) => fingerprint(lineKey(w))).sort());
  });
});

describe('strip() on a Markdown page', () => {
  const input = readFileSync(path.join(FIXTURES, 'markdown-links-read-as-their-text', 'input.txt'), 'utf8');
  const inputLines = input.split('\n');

  it('judges the lines read as text, and writes them as the input has them, links and all', () => {
    const result = strip(input);
    expect(result.text).toContain('[shipyard](https://www.example-courier.org/tags/shipyard/)');
    const kept = result.blocks.filter((b) => b.kept);
    expect(kept.length).toBe(3);
    for (const block of kept) expect(result.text).toContain(inputLines[block.lines[0] - 1]);
    expect(kept[0]!.text).toContain('after four months in the shipyard.');
  });

  it('reads a link whose text the converter wrapped over two lines once the lines are joined', () => {
    const paragraph = [
      'The town council voted on Tuesday to approve a new budget for the [public',
      'library](https://news.example/library), ending months of uncertainty for the',
      'staff, and the mayor said the vote showed how much the town values reading.',
    ];
    const page = [...MENU, ...Array.from({ length: 6 }, () => ['', ...paragraph]).flat()].join('\n');
    const block = strip(page).blocks.find((b) => b.text.startsWith('The town council'))!;
    expect(block.text).toContain('for the public library, ending');
  });

  it('tests --keep and --drop against the input\'s lines too: a pattern for a link\'s address still matches', () => {
    const page = `${input}\n[Read more…](https://ads.example.com/track?id=1)\n`;
    const result = strip(page, { drop: [/ads\.example/u] });
    const ad = result.blocks.find((b) => b.text === 'Read more…')!;
    expect(ad.rule).toBe('user-patterns');
    expect(ad.kept).toBe(false);
  });

  it('judges the Markdown as it is with the step switched off', () => {
    const result = strip(input, { disabledRules: ['markdown-links'] });
    expect(result.blocks.some((b) => b.text.includes('](https://'))).toBe(true);
  });

  it('reads a wrapped Markdown page\'s widths on the input\'s lines, where the links still are', () => {
    const paragraph = [
      'The small [ferry](/ferries/island-ferry) that links the old harbour with the',
      'island village went back into service on Monday morning, after four months in',
      'the shipyard where its engine, its hull and the worn wooden benches on its',
      'upper deck were all replaced.',
    ];
    const page = [...MENU, '', ...paragraph, '', ...paragraph, '', ...paragraph, '', ...paragraph].join('\n');
    const result = strip(page);
    const block = result.blocks.find((b) => b.text.startsWith('The small ferry'))!;
    expect(block.lines[1] - block.lines[0]).toBe(3);
    expect(block.text).toBe(paragraph.join(' ').replace('[ferry](/ferries/island-ferry)', 'ferry'));
  });

  it('does not join an image that stands right under a full line to the paragraph: it is read as nothing', () => {
    const paragraph = [
      'The small [ferry](/ferries/island-ferry) that links the old harbour with the',
      'island village went back into service on Monday morning, after four months in',
      'the shipyard where its engine, its hull and the worn wooden benches on its',
      'upper deck were all replaced.',
    ];
    const withImage = [...paragraph.slice(0, 3), '![](/img/the-ferry-at-the-quay-in-the-morning-light.jpg)', ''];
    const page = [...MENU, '', ...paragraph, '', ...paragraph, '', ...paragraph, '', ...withImage].join('\n');
    const result = strip(page);
    const last = result.blocks.filter((b) => b.text.startsWith('The small ferry')).at(-1)!;
    expect(last.lines[1] - last.lines[0]).toBe(2);
  });
});

describe('strip() on a Markdown page joined on one line', () => {
  const sentence = (k: number) =>
    `The council met on the ${k}th day to discuss the [ferry timetable](https://news.example/ferry-${k}) and the cost of repairs, which the harbour master said would be higher than planned this year.`;
  const page = [
    '[Home](/) [News](/news) [Sport](/sport) [Weather](/weather) [Travel](/travel) [Culture](/culture) [Opinion](/opinion) [Business](/business)',
    ...Array.from({ length: 9 }, (_, k) => sentence(k + 1)),
    '[Contact us](/contact) [Privacy](/privacy) [Terms of use](/terms) [Cookie settings](/cookies) [Advertise](/ads) [Careers](/careers)',
  ].join(' ');

  it('cuts the line as written, so that every line of the output is a stretch of the input, links and all', () => {
    const { text, blocks } = strip(page);
    expect(blocks.filter((b) => b.piece).length).toBeGreaterThan(1);
    expect(text).toContain('[ferry timetable](https://news.example/ferry-1)');
    for (const line of text.split('\n').filter((l) => l !== '')) expect(page).toContain(line);
  });
});
