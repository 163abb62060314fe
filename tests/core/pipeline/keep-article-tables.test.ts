import { describe, expect, it } from 'vitest';
import { rowShape } from '../../../src/core/pipeline/keep-article-tables.js';
import { strip } from '../../../src/core/strip.js';

describe('rowShape', () => {
  it('is the punctuation in order, each number as one 0, letters and spaces left out', () => {
    expect(rowShape('June 14 – Reno, NV @ Lakeside Amphitheatre (Formerly Grand Stage)', 10)).toBe('0–,@()');
    expect(rowShape('DF Tom Ashby 90 100% 4 tackles', 3)).toBe('00%');
    expect(rowShape('* 1 1/2 cups of honey', 10)).toBe('*00/0');
  });

  it('leaves out a full stop or apostrophe that ends a word, which belongs to the word', () => {
    expect(rowShape("CB T.J. Carrie 63 85% 1 tackle", 3)).toBe('00%');
    expect(rowShape('S Sam O’Neil’s 61 68%', 3)).toBe('00%');
    expect(rowShape('1. Fill the pot.', 5)).toBe('0.');
  });

  it('stops at the length asked for', () => {
    expect(rowShape('June 9 – Tampa, FL @ Arena', 2)).toBe('0–');
  });
});

const intro = [
  'Music',
  'Film',
  'Television',
  '',
  'The Lanterns announce a summer tour',
  '',
  'The Lanterns will return to the road next summer for their first tour in six years, the band said on Tuesday, with dates in more than a dozen cities across the country.',
  '',
  "Tickets go on sale to the general public next Friday morning, and members of the band's fan club will be able to buy them two days earlier.",
];
const dates = ['June 9 – Riverside, CA @ The Orange Pavilion', 'June 11 – Fresno, CA @ Valley Arena', 'June 14 – Reno, NV @ Lakeside Amphitheatre (Formerly Grand Stage)', 'June 17 – Boise, ID @ Ford Idaho Center'];
const decisionsOf = (lines: string[], texts: string[]) => {
  const { blocks } = strip(lines.join('\n'));
  return texts.map((text) => blocks.find((b) => b.text === text)!);
};

describe('keep-article-tables', () => {
  it('keeps rows of one shape that start with a number right after the article, below a subheading', () => {
    for (const row of decisionsOf([...intro, 'The Lanterns Tour Dates', ...dates], dates)) {
      expect(row).toMatchObject({ kept: true, rule: 'article-table', reason: 'row of a table in the article (rows start "0–")' });
    }
  });

  it('is switched off by disabledRules', () => {
    const { blocks } = strip([...intro, 'The Lanterns Tour Dates', ...dates].join('\n'), { disabledRules: ['article-table'] });
    for (const text of dates) expect(blocks.find((b) => b.text === text)!.kept).toBe(false);
  });

  it('does not keep them further from the article than a subheading', () => {
    for (const row of decisionsOf([...intro, '', 'Upcoming', 'The Lanterns Tour Dates', ...dates], dates)) expect(row.kept).toBe(false);
  });

  it('starts a table at the line that ended the run before it', () => {
    // The subheading's shape ("(0") is read to end its one-line run; the table's first row ends the next
    // one, so each is the start of a run as soon as the run before it ends.
    const lines = [...intro, 'Tour Dates (2025)', ...dates];
    for (const row of decisionsOf(lines, dates)) {
      expect(row).toMatchObject({ kept: true, rule: 'article-table', reason: 'row of a table in the article (rows start "0–")' });
    }
    expect(decisionsOf(lines, ['Tour Dates (2025)'])[0]!.rule).not.toBe('article-table');
  });

  it('needs three rows of the same shape', () => {
    const mixed = [dates[0]!, dates[1]!, 'Boise, ID: June 17 at the Ford Idaho Center', dates[3]!];
    for (const row of decisionsOf([...intro, 'The Lanterns Tour Dates', ...mixed], mixed)) expect(row.rule).not.toBe('article-table');
  });

  it('does not keep rows after the article whose shape has no number, such as a share bar', () => {
    const share = ['Click to share on Facebook (Opens in new window)', 'Click to share on Twitter (Opens in new window)', 'Click to email this to a friend (Opens in new window)'];
    for (const row of decisionsOf([...intro, ...share], share)) expect(row.kept).toBe(false);
  });

  it('needs two characters of shape: a list of headlines with one number each is no table', () => {
    const headlines = ['The 10 best gifts for runners', 'Our 5 favourite apps for cooks', 'All 3 films in one box at last'];
    for (const row of decisionsOf([...intro, ...headlines], headlines)) expect(row.kept).toBe(false);
  });

  it('keeps the reason of a row that was kept already, and keeps the other rows of its table', () => {
    const rows = [
      'June 9 – Riverside, CA @ The Orange Pavilion',
      'June 11 – Fresno, CA @ Valley Arena, where the band played its very first show, and it is the only date of the tour that was sold out within an hour of the sale',
      'June 14 – Reno, NV @ Lakeside Amphitheatre',
    ];
    const [first, middle, last] = decisionsOf([...intro, ...rows], rows);
    // The first row is short between two kept blocks, so the neighbour pass keeps it: it keeps that reason too.
    expect(first).toMatchObject({ kept: true, rule: 'neighbours' });
    expect(middle).toMatchObject({ kept: true, rule: 'content-evidence' });
    expect(last).toMatchObject({ kept: true, rule: 'article-table' });
  });

  it('does not count a line of more than forty words as a row', () => {
    const cities = 'Riverside Fresno Reno Boise Eugene Salem Tacoma Spokane Helena Billings Casper Laramie Ogden Provo Moab Tucson Yuma Flagstaff Sedona Prescott';
    const tagLines = [1, 2, 3].map((n) => `2019 – Tour ${n}, cities ${cities} ${cities}`);
    for (const row of decisionsOf([...intro, ...tagLines], tagLines)) expect(row.kept).toBe(false);
  });

  it('does not keep a table above the article: the article must come before it', () => {
    const scores = ['Lakers 102 – 99 Celtics', 'Bulls 88 – 91 Knicks', 'Heat 110 – 104 Nets', 'Suns 97 – 95 Jazz'];
    for (const row of decisionsOf(['Scores', ...scores, ...intro.slice(4)], scores)) expect(row.kept).toBe(false);
  });

  it('keeps rows of figures right on top of the first paragraph when no article text stands above them', () => {
    // A stat table that opens the article, under a lead-in and a subheading the classifier did not keep.
    const stats = ['DF Tom Ashby 90 100% 4 tackles (4 combined).', 'DF Sam Reid 81 90% 2 tackles, 1 assist.', 'DF Joe Hart 40 44% No stats registered.'];
    const opening = ['Music', 'Film', 'Television', '', 'Below, the snaps and stats of the defence.', '', 'Defence', ''];
    const body = intro.slice(6);
    for (const row of decisionsOf([...opening, ...stats, '', ...body], stats)) {
      expect(row).toMatchObject({ kept: true, rule: 'article-table', reason: 'row of a table in the article (rows start "00")' });
    }
    // Not with a line between them and the paragraph (a headline: a box of figures above the article) ...
    for (const row of decisionsOf([...opening, ...stats, '', 'The Lanterns announce a summer tour', '', ...body], stats)) expect(row.kept).toBe(false);
    // ... nor when the rows are a numbered list, which above the article is a breadcrumb or other stories.
    const numbered = ['1. How the band found its sound in a barn', '2. Ten years of the festival in pictures', '3. The best albums of the spring so far'];
    for (const row of decisionsOf([...opening, ...numbered, '', ...body], numbered)) expect(row.kept).toBe(false);
  });

  it('leaves rows that a rule claimed to that rule, such as the time stamps of comments', () => {
    const stamps = ['June 9, 2019 at 8:40 am', 'June 10, 2019 at 9:15 am', 'June 11, 2019 at 7:02 pm'];
    for (const row of decisionsOf([...intro, '', ...stamps], stamps)) expect(row).toMatchObject({ kept: false, rule: 'metadata-lines' });
  });

  it('needs a kept line with a sentence mark next to the rows, not a list item', () => {
    const photos = ['Photo 1 / 3: the cards on a table', 'Photo 2 / 3: the dice in a cup', 'Photo 3 / 3: the timer running'];
    const page = [...intro, 'The game comes with:', 'A deck of 120 cards', 'Two dice', 'A sand timer', '', ...photos];
    expect(decisionsOf(page, ['A sand timer'])[0]).toMatchObject({ kept: true, rule: 'introduced-list' });
    for (const row of decisionsOf(page, photos)) expect(row.kept).toBe(false);
  });

  it('keeps rows without a number between two paragraphs of the article, where the neighbour pass drops them', () => {
    // The first row is long and poor in stop words, so the classifier calls it bad, and the short rows after it
    // take its class; the subheading and the header row printed twice stand between the rows and the article.
    const rows = [
      'Anna Berg (vocals, guitar, harmonica, mandolin, keyboards, percussion, backing vocals, songwriting, production)',
      'Tom Ruiz (drums, percussion)',
      'Lee Park (bass, keyboards)',
      'Mia Stone (violin, vocals)',
    ];
    const outro =
      'The band recorded the new album in a barn outside the city over the winter, and the singer said that the songs on it would make up most of the set on every night of the tour.';
    const page = [...intro, 'The band', 'Name Instruments', 'Name Instruments', ...rows, '', outro];
    for (const row of decisionsOf(page, rows)) expect(row).toMatchObject({ kept: true, rule: 'article-table', reason: 'row of a table in the article (rows start "(,")' });
  });
});
