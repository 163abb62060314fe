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

  it('reads a link whose text and address a converter wrapped over several lines where it stands, line for line', () => {
    const page = [
      ...MENU,
      'Forecasters warn the air is likely to reach [“severe” or',
      '“emergency”](https://news.example/2019/11/already-severe-pollution-likely-to-',
      'enter-emergency-zone-',
      'today.html) levels on Wednesday, and the [US',
      'Embassy](https://embassy.example/air-quality-',
      'data/) keeps its own monitor.',
    ].join('\n');
    expect(markdownAsText(page)!.split('\n').slice(5)).toEqual([
      'Forecasters warn the air is likely to reach “severe” or',
      '“emergency”',
      '',
      ' levels on Wednesday, and the US',
      'Embassy',
      ' keeps its own monitor.',
    ]);
  });

  it('reads an image wrapped over lines, with brackets escaped or written into the page, as nothing', () => {
    const page = [
      ...MENU,
      '![A view of the gate in the',
      'smog.](https://cdn.example/thumbor/0x0:2268x1517/filters:focal\\(560x560:922x922\\)/cdn.example-',
      'cdn.com/uploads/gate.jpg) Air pollution is',
      '![](data:image/gif;base64,R0lGODlhAQABAAAAACw=)surging again.',
    ].join('\n');
    expect(markdownAsText(page)!.split('\n').slice(5)).toEqual(['', '', ' Air pollution is', 'surging again.']);
    // A link on one line, brackets in its address escaped.
    expect(markdownAsText([...MENU, 'See [the pier](https://wiki.example/Pier_\\(Ryde\\)) today.'].join('\n'))!.split('\n')[5]).toBe('See the pier today.');
    // In a quote, the address goes on after the next line's "> "; the quote's marks are no text.
    const quoted = [...MENU, '> ![](http://theatre.example/wp-', '> content/uploads/2018/10/stage.jpeg)', '> “The show was really great.”'].join('\n');
    expect(markdownAsText(quoted)!.split('\n').slice(5)).toEqual(['', '', '“The show was really great.”']);
  });

  it('reads a link written around a block, blank lines and all, and a bullet left alone on its line as blank', () => {
    const page = [...MENU, '  * [', '', '#### Ferry returns to service', 'after four months', '', '](/story/ferry-returns-', 'to-service)'].join('\n');
    expect(markdownAsText(page)!.split('\n').slice(5)).toEqual(['', '', 'Ferry returns to service', 'after four months', '', '', '']);
  });

  it('reads a table\'s rows as their cells\' words and its row of dashes as blank', () => {
    const page = [...MENU, 'Pos | Player | Plays', '---|---|---', 'DL | Larry Ogunjobi | 63', 'DL | Myles Garrett | 57', '', 'A | line | after'].join('\n');
    expect(markdownAsText(page)!.split('\n').slice(5)).toEqual(['Pos Player Plays', '', 'DL Larry Ogunjobi 63', 'DL Myles Garrett 57', '', 'A | line | after']);
  });

  it('leaves out single marks of emphasis, but not a bullet, a row of stars or a mark inside a word', () => {
    const page = [...MENU, '_Follow us on_ [Instagram](https://instagram.example/)', '*   *   *', 'snake_case, 2*3*4 and *one* word', '  * an _item_'].join('\n');
    expect(markdownAsText(page)!.split('\n').slice(5)).toEqual(['Follow us on Instagram', '*   *   *', 'snake_case, 2*3*4 and one word', '  * an item']);
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

  it('measures a wrapped page\'s width without the lines that hold pieces of addresses or list items, and joins the pieces', () => {
    const paragraph = [
      'The small [ferry](https://news.example/ferries/the-island-ferry-that-links-the-',
      'old-harbour-with-the-village-across-the-bay-and-back-every-hour-of-the-day/) that links the',
      'old harbour with the island village went back into service on Monday, after four',
      'months in the shipyard where its engine, its hull and the worn wooden benches on',
      'its upper deck were all replaced.',
    ];
    const item = '  * A list item that html2text does not wrap, however long it runs, past the width of the page, and on.';
    const page = [...MENU, '', ...[1, 2, 3, 4].flatMap(() => [...paragraph, '', item, item, '']), ''].join('\n');
    const result = strip(page);
    const block = result.blocks.find((b) => b.text.startsWith('The small ferry'))!;
    expect(block.lines[1] - block.lines[0]).toBe(4);
    expect(block.text).toBe('The small ferry that links the old harbour with the island village went back into service on Monday, after four months in the shipyard where its engine, its hull and the worn wooden benches on its upper deck were all replaced.');
  });

  it('goes on past a line that holds only the end of a link, and under a first line indented by a space', () => {
    const paragraph = [
      ' **Visit** the island, where the council [approved the plan to rebuild the old pier',
      'this winter',
      '](https://news.example/2019/11/18/island-council-approves-the-plan-to-rebuild-',
      'the-old-pier/) on Monday after a long debate on the cost of the work and on the',
      'harm it would do to the birds that nest on the rocks under the pier each spring.',
    ];
    const page = [...MENU, '', ...[1, 2, 3, 4].flatMap(() => [...paragraph, '']), ''].join('\n');
    const block = strip(page).blocks.find((b) => b.text.startsWith('Visit the island'))!;
    expect(block.lines[1] - block.lines[0]).toBe(4);
    expect(block.text).toContain('rebuild the old pier this winter on Monday after');
  });

  it('drops a paragraph-length block that is mostly the text of links: teasers written inside their links', () => {
    const article = [
      'The town council voted on Tuesday to approve a new budget for the public library, which',
      'had been closed for two months, and the mayor said that the vote showed how much the town',
      'values reading and the people who work there.',
    ];
    const teasers = [
      '[**Harbour ferry returns** _The small ferry went back into service on Monday after',
      'four months in the shipyard where its engine was replaced._](/story/ferry-',
      'returns)[**Council votes on pier** _The council will vote on the plan to rebuild',
      'the old pier this winter, after a long debate on its cost._](/story/pier-vote)',
    ];
    const page = [...MENU, '', ...[1, 2, 3].flatMap(() => [...article, '']), ...teasers, ''].join('\n');
    const result = strip(page);
    const teaser = result.blocks.find((b) => b.text.startsWith('Harbour ferry returns'))!;
    expect(teaser.kept).toBe(false);
    expect(teaser.reason).toBe('mostly the text of links');
    expect(result.blocks.find((b) => b.text.startsWith('The town council'))!.kept).toBe(true);
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

describe('markdown-links on hostile input', () => {
  it('reads an address broken inside a quote whose next line holds many spaced quote marks in linear time', () => {
    // Each "> " with a second space could be split two ways by a pattern that repeats "spaces, >, a space":
    // 40 of them before an address that never closes took hours.
    const links = Array.from({ length: 6 }, (_, i) => `[l${i}](/x${i})`).join(' ');
    const page = `${links}\n\n[a](http://x-\n${'>  '.repeat(40)}b\n\nSome text here.\n`;
    const started = performance.now();
    strip(page);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
