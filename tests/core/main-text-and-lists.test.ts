import { describe, expect, it } from 'vitest';
import { strip } from '../../src/core/strip.js';

const para = (n: number) =>
  `The band said on day ${n} that it would return to the road next year, and that the tour was expected to visit more than thirty cities across the country.`;

describe('keep-introduced-lists', () => {
  it('keeps a list that article text introduces with a colon', () => {
    const items = ['June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL', 'June 10 -- Credit Union Amphitheatre, Tampa, FL', 'June 14 -- Ameris Bank Amphitheatre, Alpharetta, GA'];
    const input = [para(1), '', para(2), '', para(3), '', 'The tour dates:', ...items, '', 'Home', 'News', 'Sports', 'Contact'].join('\n');
    const { text } = strip(input);
    for (const item of items) expect(text).toContain(item);
    expect(text).not.toContain('Sports');
  });

  it('keeps the list of a colon line that follows, in the same paragraph, a line too long to be an item', () => {
    const steps = ['Fill the pot with water', 'Add a pinch of salt', 'Boil it for ten minutes'];
    // "You will need:" introduces no list (the long line is among its items), but "The steps:" does.
    const input = [para(1), '', para(2), '', para(3), '', 'You will need:', 'A large pot', `${para(4)} ${para(5)}`, 'The steps:', ...steps, '', 'Home', 'News'].join('\n');
    const { blocks } = strip(input);
    for (const step of steps) expect(blocks.find((b) => b.text === step)).toMatchObject({ kept: true, rule: 'introduced-list', reason: 'item of the list introduced at line 10' });
    expect(blocks.find((b) => b.text === 'A large pot')?.rule).not.toBe('introduced-list');
    // The long line may introduce the list itself.
    const introducing = `${para(4)} ${para(5)} These are the steps:`;
    const byLongLine = strip([para(1), '', para(2), '', para(3), '', 'You will need:', 'A large pot', introducing, ...steps, '', 'Home', 'News'].join('\n'));
    for (const step of steps) expect(byLongLine.blocks.find((b) => b.text === step)).toMatchObject({ rule: 'introduced-list', reason: 'item of the list introduced at line 9' });
  });

  it('does not keep a menu that follows a colon line after the article', () => {
    const input = [para(1), '', para(2), '', para(3), '', 'Share this:', 'Facebook', 'Twitter', 'Email'].join('\n');
    const { text } = strip(input);
    expect(text).not.toContain('Facebook');
  });

  // A shopping list whose items carry their links, broken by the dump after item 3 and after item 5.
  const firstItems = ['1) Lego Star Wars space shuttle set with 75 pieces', 'https://shop.example/1', '2) Electric race track with two cars and a loop', 'https://shop.example/2', '3) Film box set of the trilogy on four discs'];
  const laterItems = ['4) Board game for the whole family, travel edition', 'https://shop.example/4', '5) Instant camera in the style of the eighties'];
  const listPage = (after: string[]) =>
    [para(1), '', para(2), '', para(3), '', 'Here are the best offers of the day:', '', ...firstItems, '', 'https://shop.example/3', '', ...laterItems, 'https://shop.example/5', '', ...after].join('\n');

  it('keeps a numbered list past its paragraph as long as its numbers go on', () => {
    const { text } = strip(listPage(['Home', 'News', 'Sports', 'Contact']));
    for (const item of [...firstItems, 'https://shop.example/3', ...laterItems, 'https://shop.example/5']) expect(text).toContain(item);
    expect(text).not.toContain('Sports');
  });

  it('keeps a numbered list whose every item is a paragraph of its own, from item 1', () => {
    const items = [firstItems.slice(0, 2), firstItems.slice(2, 4), [firstItems[4]!, 'https://shop.example/3'], laterItems.slice(0, 2)];
    const input = [para(1), '', para(2), '', para(3), '', 'Here are the best offers of the day:', '', ...items.flatMap((item) => [...item, '']), 'Home', 'News', 'Sports'].join('\n');
    const { text } = strip(input);
    for (const line of items.flat()) expect(text).toContain(line);
    expect(text).not.toContain('Sports');
  });

  it('does not run a numbered list on into a list whose numbers start again right below it', () => {
    const restarted = ['1) Council votes on the new budget after a long debate', '2) School wins the regional prize for science again', '3) Storm closes the coast road for at least a week'];
    const input = [para(1), '', para(2), '', para(3), '', 'Here are the best offers of the day:', '', ...firstItems, '', laterItems[0], laterItems[1], ...restarted].join('\n');
    const { text } = strip(input);
    expect(text).toContain(laterItems[0]);
    for (const item of restarted) expect(text).not.toContain(item);
  });
});

describe('keep-introduced-lists on a page joined on one line', () => {
  // The whole page is one line of 1,000 characters or more, cut into pieces (pipeline/run-on-lines.ts).
  const MENU = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
  const FOOTER = 'About Us Contact Privacy Policy Terms of Use Advertise With Us';
  const body = [para(1), para(2), para(3), para(4), para(5)].join(' ');
  const numbered = [
    '1) Space Shuttle Lego Set Model with 75 pieces https://shop.example/a1',
    '2) Electric Race Track Grand Prix with two cars https://shop.example/b2',
    '3) Film Trilogy Box Set Special Edition on four discs https://shop.example/c3',
  ];
  const dated = ['June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre', 'June 10 – Tampa, FL @ Riverside Amphitheatre', 'June 14 – Alpharetta, GA @ North Park Arena'];
  const kept = (line: string) => strip(line).blocks.filter((b) => b.kept).map((b) => b.text);

  it('keeps a numbered list that article text introduces with a colon', () => {
    const text = kept(`${MENU} ${body} Here are the offers of the week: ${numbered.join(' ')} ${FOOTER}`);
    for (const item of numbered) expect(text).toContain(item);
    expect(text.join(' ')).not.toContain('Privacy');
  });

  it('keeps a dated list and its heading right after the article', () => {
    const text = kept(`${MENU} ${body} The Band Summer Tour Dates ${dated.join(' ')} ${FOOTER}`);
    for (const item of ['The Band Summer Tour Dates', ...dated.slice(0, -1)]) expect(text).toContain(item);
    // The last item has at most as many words as the longest before it, and ends before the footer's
    // controls ("About Us"): no footer word is kept.
    expect(text).toContain(dated.at(-1)!);
    expect(text.join(' ')).not.toMatch(/About|Contact|Privacy/u);
  });

  it('does not keep a numbered teaser list under a heading that a rule claims', () => {
    const teasers = ['1. Council Votes On The New Budget After Long Debate', '2. School Wins The Regional Science Prize Again', '3. Storm Closes The Coast Road For A Week'];
    const text = kept(`${MENU} ${body} Related Articles ${teasers.join(' ')} ${FOOTER}`);
    expect(text.join(' ')).not.toContain('Council Votes');
  });

  it('does not keep an item a rule claims, nor the items of a list it breaks', () => {
    // The interface-strings rule claims the second item as a cookie notice: the list ends before it, with one item.
    const items = [numbered[0]!, '2) We use cookies to give you the best experience https://shop.example/b2', numbered[2]!];
    const text = kept(`${MENU} ${body} Here are the offers of the week: ${items.join(' ')} ${FOOTER}`);
    expect(text.join(' ')).not.toMatch(/cookies|Space Shuttle|Film Trilogy/u);
  });

  it('does not keep a list under a heading that a rule claims, though no rule claims its items', () => {
    const text = kept(`${MENU} ${body} Advertisement ${numbered.join(' ')} ${FOOTER}`);
    expect(text.join(' ')).not.toMatch(/Advertisement|Space Shuttle/u);
  });

  it.each([
    ['of 13 words or more', 'Best Selling Toys Games Puzzles Books Gadgets Gifts Ideas Deals Offers Bargains Sale'],
    ['ending with a full stop', 'Best Selling Toys Games Puzzles.'],
  ])('does not keep a "heading" %s, nor the list under it', (_, heading) => {
    const text = kept(`${MENU} ${body} ${heading} ${numbered.join(' ')} ${FOOTER}`);
    expect(text.join(' ')).not.toMatch(/Best Selling|Space Shuttle/u);
  });

  it('does not keep a list that comes before the article', () => {
    const text = kept(`Our Favourite Toys ${numbered.join(' ')} ${body} ${MENU} ${FOOTER}`);
    for (const item of numbered) expect(text).not.toContain(item);
  });
});

describe('select-main-text', () => {
  it('joins the article across a small "Related" box set into it', () => {
    const before = [para(1), para(2), para(3)];
    const after = [para(4), para(5), para(6), para(7)];
    const input = [...before.flatMap((p) => [p, '']), 'Related', '', 'Some other story headline here', '', 'Another story headline here', '', ...after.flatMap((p) => [p, ''])].join('\n');
    const { text } = strip(input);
    for (const p of [...before, ...after]) expect(text).toContain(p);
    expect(text).not.toContain('Another story headline');
  });

  // One long paragraph against sixteen short ones is under the share a separate region needs (minRegionShare).
  const intro = `${para(0)} ${para(0)}`;
  const body = Array.from({ length: 16 }, (_, i) => para(i + 1));
  const box = ['Related', '', 'Some other story headline here', 'Another story headline here', '', 'Related', '', 'A third story headline here'];

  it('keeps the article\'s short opening above a box set into it, however small beside the rest', () => {
    const input = [intro, '', ...box, '', ...body.flatMap((p) => [p, ''])].join('\n');
    const { text } = strip(input);
    for (const p of [intro, ...body]) expect(text).toContain(p);
    expect(text).not.toContain('story headline');
  });

  it('still drops a small region below the article after a box', () => {
    const teaser = `${para(20)} ${para(20)}`;
    const input = [...body.flatMap((p) => [p, '']), ...box, '', teaser, '', 'Home', 'News', 'Sports'].join('\n');
    const { text } = strip(input);
    for (const p of body) expect(text).toContain(p);
    expect(text).not.toContain(teaser);
  });

  it('still drops a small region that more than the box cuts off from the article', () => {
    const input = [intro, '', 'Home', 'News', 'Sports', 'Weather', '', ...box, '', ...body.flatMap((p) => [p, ''])].join('\n');
    const { text } = strip(input);
    expect(text).not.toContain(intro);
    for (const p of body) expect(text).toContain(p);
  });

  // The page title, then the headline that repeats it, then the article's first paragraph, cut off from the
  // rest by four dropped lines (more than JOIN_GAP) that open no section.
  const title = 'Council names a new chief of the harbour board – Daily News';
  const headline = 'Council names a new chief of the harbour board';
  const controls = ['Share', 'Facebook', 'Twitter', 'Email'];

  it('keeps a short region between the headline and the article, however small beside the rest', () => {
    const input = [title, '', 'Home', 'News', 'Sports', 'Weather', '', headline, '', intro, '', ...controls, '', ...body.flatMap((p) => [p, ''])].join('\n');
    const { text, blocks } = strip(input);
    expect(text).toContain(intro);
    for (const p of body) expect(text).toContain(p);
    expect(blocks.find((b) => b.text === 'Facebook')?.kept).toBe(false);
  });

  it('still drops a small region above the headline', () => {
    const input = [title, '', intro, '', ...controls, '', headline, '', ...body.flatMap((p) => [p, ''])].join('\n');
    const { text } = strip(input);
    expect(text).not.toContain(intro);
    for (const p of body) expect(text).toContain(p);
  });
});

describe('select-main-text headline weighting', () => {
  it('prefers the short article under its headline to longer teaser text above it', () => {
    const teasers = Array.from(
      { length: 5 },
      (_, i) => `Story number ${i + 1} tells of a town that voted on a new plan for its roads, and the people who said that they would fight it in court.`,
    );
    const article = Array.from({ length: 3 }, (_, i) => `The health department said on day ${i + 1} that the victim was one of two people who had contracted the virus this year.`);
    const input = ['Virus case reported in the county – Daily News', '', ...teasers, '', 'More', '', 'Home', 'News', 'Sports', 'Weather', 'Contact', '', 'Virus case reported in the county', '', ...article.flatMap((p) => [p, ''])].join('\n');
    const { text } = strip(input);
    for (const p of article) expect(text).toContain(p);
    expect(text).not.toContain('Story number 1');
  });
});

describe('main-text on a page joined on one line', () => {
  const menu = 'Home News Sport Weather Travel Culture Opinion Business Science';
  const sentence = (n: number) => `The council said on day ${n} that the harbour bridge would close to traffic for six weeks while engineers replace the joints that hold its deck.`;
  /** The article: eight sentences, more text than what may follow it, so the walk goes down from it. */
  const article = Array.from({ length: 8 }, (_, k) => sentence(k + 1));
  const after = [sentence(9), sentence(10), sentence(11)];
  /** `count` dropped pieces of `words` different labels each (no stop words; a full stop ends each piece). */
  const labelPieces = (count: number, words: number) =>
    Array.from({ length: count }, (_, k) => `${Array.from({ length: words }, (_, i) => `Town${String.fromCharCode(65 + ((i + k) % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}${k}`).join(' ')}.`);
  const page = (gap: string[], rest: string[]) => [menu, ...article, ...gap, ...rest].join(' ');

  // Every dropped piece counts as min(5, words / 3) lines; more than maxRegionGap (30) lines ends the article.
  it.each([
    [7, 15, '35 lines', false],
    [7, 12, '28 lines', true],
    [6, 30, '30 lines at the cap of five a piece', true],
    [8, 30, '40 lines at the cap', false],
  ])('counts %i dropped pieces of %i labels as %s: the text beyond is kept: %s', (count, words, _, kept) => {
    const { text } = strip(page(labelPieces(count, words), after));
    expect(text).toContain(sentence(8));
    expect(text.includes(sentence(10))).toBe(kept);
  });

  it('drops a cookie notice below a long footer', () => {
    const cookies = [
      'This website uses cookies to improve your experience while you navigate through the website.',
      'Out of these cookies, the cookies that are categorized as necessary are stored on your browser as they are essential for the working of basic functionalities of the website.',
      'We also use third-party cookies that help us analyze and understand how you use this website.',
      'These cookies will be stored in your browser only with your consent, and you also have the option to opt out of these cookies at any time you like.',
    ];
    // Nine dropped pieces, 45 lines: without the weight, nine blocks.
    const { text } = strip(page(labelPieces(9, 20), cookies));
    expect(text).toContain(sentence(8));
    expect(text).not.toContain('third-party cookies');
  });
});
