import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWithExcerptMark, type Glue, gluesPrintedTwice, isGluedTeaser, teasers } from '../../../src/core/rules/teasers.js';
import { flagged, PROSE_A, PROSE_B } from '../../helpers/page.js';

const SUMMARY = 'Union leaders said on Thursday that the planned strike would not go ahead after talks with the operator...';

describe('teasers', () => {
  it.each([
    ['headline, cut-off summary and "4h ago"', `${PROSE_A}\n\nRail strike called off\n${SUMMARY}\n4h ago`, ['Rail strike called off', SUMMARY, '4h ago']],
    ['a summary cut off with "…" and "Yesterday"', `${PROSE_A}\n\nThe path was opened by the mayor in a short ceremony attended by…\nYesterday`, ['The path was opened by the mayor in a short ceremony attended by…', 'Yesterday']],
    ['a relative time on its own', `${PROSE_A}\n\n59m ago`, ['59m ago']],
    ['"2 days ago"', `${PROSE_A}\n\n2 days ago`, ['2 days ago']],
    ['German "vor 3 Stunden"', 'Text.\n\nvor 3 Stunden', ['vor 3 Stunden']],
    ['two cut-off summaries in a list, no time stamps', `First headline\nThe first summary of the story goes on and on until it is cut...\nSecond headline\nThe second summary of another story also goes on until...`, [
      'First headline', 'The first summary of the story goes on and on until it is cut...', 'Second headline', 'The second summary of another story also goes on until...',
    ]],
    [
      'a list whose one short summary needed no cutting',
      `First headline\nThe first summary of the story goes on and on until it is cut...\nSecond headline\nThe second story is told in one short sentence.\nThird headline\nThe third summary of another story also goes on until...`,
      ['First headline', 'The first summary of the story goes on and on until it is cut...', 'Third headline', 'The third summary of another story also goes on until...'],
    ],
    [
      'a list whose headlines are questions, below the article',
      `${PROSE_A}\n\nWhy are so many young people leaving the county?\nA new survey finds that most of them cite the cost of housing and the lack of…\nCan the old mill be saved from the river this winter?\nEngineers say the walls will not last another flood unless the council…`,
      [
        'A new survey finds that most of them cite the cost of housing and the lack of…',
        'Engineers say the walls will not last another flood unless the council…',
      ],
    ],
  ])('fires on %s', (_, text, expected) => {
    expect(flagged(teasers, text)).toEqual(expected);
  });

  it.each([
    ['a lone paragraph that trails off with an ellipsis', `${PROSE_A}\n\nAnd then, as she put it, the waiting began...\n\n${PROSE_A}`],
    ['a sentence mentioning "ago"', `${PROSE_A}\n\nThe bridge was built 150 years ago by the railway company.`],
    ['plain article text', PROSE_A],
    [
      'two lines of an article that trail off, with paragraphs between them',
      `${PROSE_A}\n\nHere is what I want you to remember …\n\n${PROSE_B}\n\n${PROSE_A}\n\nSo start small, and more on that in the next section …\n\n${PROSE_A}`,
    ],
    [
      'quoted speech that trails off after a short sentence',
      `${PROSE_A}\n\n"We will fix it," she said.\n\n"If the state pays for it, we can start in May, but if not…"\n\nShe did not finish the sentence.\n\n"The money is there, and the council knows it, and yet…"\n\nThe council did not reply.\n\n${PROSE_B}`,
    ],
    [
      'two paragraphs in a row that trail off, between sentences of the article',
      `${PROSE_A}\n\nI kept wondering what would have happened if I had fought back…\n\nAnd then I thought about the men I was telling the story to…\n\nAnd you know what is interesting?\n\n${PROSE_B}`,
    ],
  ])('does not fire on %s', (_, text) => {
    expect(flagged(teasers, text)).toEqual([]);
  });

  describe('headlines with one-sentence summaries', () => {
    const pairs = [
      ["Alzheimer's 'genetic signs' found", 'Genetic markers that could show who is at risk of the disease have been found by scientists in the US.'],
      ["Dietary potassium 'cuts stroke risk'", 'More potassium in the diet and less salt will lower blood pressure and the risk of a stroke, say two new studies.'],
      ["Male baldness 'indicates heart risk'", 'Men who lose their hair early may be more likely to have heart problems than their friends, according to a study.'],
      ['China: four more have bird flu', 'Four new cases of the bird flu virus, which had not been seen in humans before, have been found in the east.'],
    ];
    const list = (n: number) => pairs.slice(0, n).flat().join('\n\n');

    it('takes four pairs in a row for a list of teasers', () => {
      expect(flagged(teasers, `${PROSE_A}\n\n${list(4)}`)).toEqual(pairs.flat());
    });

    it.each([
      ['three pairs', list(3)],
      ['sections of an article with two sentences under each heading', pairs.map(([heading, text]) => `${heading}\n\n${text} It was the first time in years.`).join('\n\n')],
      [
        'an explainer whose sections have headings of a word or two',
        ['The vote', 'The cost', 'The critics', 'What comes next'].map((heading, i) => `${heading}\n\n${pairs[i]![1]}`).join('\n\n'),
      ],
      ['pairs with article prose on both sides', `${PROSE_A}\n\n${list(4)}\n\n${PROSE_B}`],
      ['the headline over a one-sentence lede', `City budget explained\n\n${pairs[0]![1]}\n\n${pairs.slice(1).flat().join('\n\n')}\n\nHome\nNews\nSport`],
      ['a numbered list of one-sentence entries', pairs.map(([heading, text], i) => `${i + 1}. ${heading}\n\n${text}`).join('\n\n')],
    ])('leaves %s alone', (_, text) => {
      // Under a title line, so that the first heading is not the page's first line, which is never a teaser's headline.
      expect(flagged(teasers, `City budget explained | Daily News\n\n${text}`)).toEqual([]);
    });
  });

  describe('excerpts ending in "[…]"', () => {
    const excerpts = ['Why the old mill closed People often ask me why the mill by the river had to close […]', 'Notes from the harvest I want to tell you about another change in the orchard, […]'];
    // A page joined on one line, as BeautifulSoup writes it: a menu, the article, then the blog's excerpts.
    const joined = (middle: string[]) =>
      ['Home Blog Recipes Garden Orchard Travel Shop About Contact', PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A, PROSE_B, ...middle, PROSE_A].join(' ');

    it('takes them for teasers on a page joined on one line, where every piece is between sentences', () => {
      expect(flagged(teasers, joined(excerpts))).toEqual(excerpts);
    });

    it('also when only one of the run carries the mark', () => {
      const plain = 'Notes from the harvest I want to tell you about another change in the orchard, …';
      expect(flagged(teasers, joined([excerpts[0]!, plain]))).toEqual([excerpts[0], plain]);
    });

    it('leaves an author\'s quotation that ends with "[…]" alone on a page of lines', () => {
      const quoted = ['"The court finds that the builder failed to meet the terms of the contract […]', '"and that the damages claimed by the owners are justified in full […]'];
      expect(flagged(teasers, `${PROSE_A}\n\n${quoted.join('\n')}\n\nThe builder's lawyers said they would appeal the ruling.\n\n${PROSE_B}`)).toEqual([]);
    });
  });

  it.each([
    ['… the number of players […]', true],
    ['… the number of players [...]', true],
    ['… the number of players …', false],
    ['He said the plan [...] would fail.', false],
    ['See the list [1]', false],
    ['The plan […] was dropped, the minutes say [p. 4]', false],
  ])('reads %j as ending with an excerpt mark: %s', (text, expected) => {
    expect(endsWithExcerptMark(text)).toBe(expected);
  });

  describe('headlines glued to their summaries', () => {
    const glued = [
      'Rail Strike Called Off After Last-Minute DealUnion leaders said on Thursday that the planned strike would not go ahead.',
      'New Cycle Path Links Two VillagesThe path, which runs along an old railway line, was opened by the mayor on Friday.',
      'Is the Old Mill Worth Saving?Engineers say the walls will not last another flood unless the council acts this winter.',
    ];
    /** A list under a heading, with a menu below it: not between two paragraphs of prose. */
    const inList = (lines: string[]) => `${PROSE_A}\n\nLatest Headlines\n${lines.join('\n')}\n\nHome\nNews\nSport`;

    it.each([
      ['three such lines', glued],
      ['two such lines', glued.slice(0, 2)],
    ])('takes %s in a row for a list of teasers', (_, lines) => {
      expect(flagged(teasers, inList(lines))).toEqual(lines);
    });

    it('takes such a list right below the article: prose on one side only', () => {
      expect(flagged(teasers, `${PROSE_A}\n\n${glued.join('\n')}\n\nHome\nNews\nSport`)).toEqual(glued);
    });

    it('takes lines whose summary runs to a few long sentences (some 75 words a line)', () => {
      const long = glued.map((line) => `${line} ${PROSE_A} ${PROSE_B}`);
      expect(flagged(teasers, inList(long))).toEqual(long);
    });

    it.each([
      ['a single such line: one line is not a list', inList(glued.slice(0, 1))],
      ['such lines of more than a hundred words: paragraphs, not teasers', inList(glued.map((line) => `${line} ${PROSE_A} ${PROSE_B} ${PROSE_A} ${PROSE_B}`))],
      ['such lines between two paragraphs of prose: the article', `${PROSE_A}\n\n${glued.join('\n\n')}\n\n${PROSE_B}`],
      [
        'two paragraphs that open with a title-case phrase and a camel-case name',
        'Senate Minority Leader Mitch McConnell said on Tuesday that he would not run again next year.\n\nHouse Speaker Kevin McCarthy told reporters on Wednesday that the vote would take place as planned.',
      ],
      [
        // German capitalises every noun: a title-case phrase is no headline there.
        'German paragraphs with brand names and gender forms',
        'Die Deutsche Telekom und YouTube haben am Montag eine neue Partnerschaft angekündigt, die ab Januar gilt.\n\nDie LehrerInnen und SchülerInnen der Stadt haben am Montag für mehr Personal gestreikt.',
      ],
      [
        'lines whose glued word is a name printed elsewhere on the page',
        `${inList(['Best Console For Families: PlayStation 5 is the one we would buy for a house with young children.', 'Best Console For Travel: PlayStation Portal is the one to take along on a long train journey.'])}\n\nThe PlayStation line-up keeps growing.`,
      ],
      [
        // Each line alone reads as glued ("The new 16-inch Mac" + "Book Pro features …"); the name recurs.
        'two sentences that mention the same camel-case name',
        inList([
          'The new 16-inch MacBook Pro features a redesigned scissor switch keyboard, largely based on the older design.',
          'The new 13-inch MacBook Air was last updated in July, while the larger models were updated in May.',
        ]),
      ],
    ])('leaves alone %s', (_, text) => {
      expect(flagged(teasers, text)).toEqual([]);
    });

    it.each([
      ['a title-case headline, a question mark and a sentence', glued[2]!],
      ['a headline whose last word is a short lower-case one', 'Rail Strike Called offUnion leaders said on Thursday that the strike would not go ahead.'],
      ['a headline whose last word has three letters', 'Heavy Snow Closes The Roads Into RyeThe council said on Monday that the roads would reopen on Tuesday.'],
      ['a headline ending in a number', 'Council To Mail Ballots To 250,000The city will mail ballots to every household next month, officials said.'],
      ['a headline glued to "A"', 'Two Held After Fire At Riverside WarehouseA man and a woman were arrested on Sunday after the blaze.'],
      ['a headline ending in a closing quote', 'Mayor Calls Pay Deal ‘Despicable’The mayor said on Monday that the council had voted for it in haste.'],
      ['a headline ending in "!"', 'Snow Is Finally Here Again!The first flakes fell on Sunday morning across the whole of the valley.'],
      ['a headline ending in ")"', 'Council Votes On New Budget (Again)The council voted on Tuesday to approve the plan it had rejected in May.'],
      ['a summary that opens with a possessive', 'Five Things To Know About The PlanMayor’s office said on Monday that the vote would go ahead as planned.'],
    ])('reads %s as glued', (_, text) => {
      expect(isGluedTeaser(text)).toBe(true);
    });

    it.each([
      ['a title-case phrase with a brand name, then words in title case', 'Apple Unveils The New MacBook Pro Max Ultra Edition Today'],
      ['a sentence that opens with a name of two capitals', 'SoftBank CEO Masayoshi Son has told WeWork executives he wants the company to turn a profit.'],
      ['a name whose capital follows a stem of two letters', 'Senate Minority Leader Mitch McConnell said on Tuesday that he would not run again next year.'],
      ['a name whose capital follows "Mac"', 'Chief Executive Officer Ramsay MacDonald will lead the company from its office in Leeds.'],
      ['a name whose capital follows "Fitz"', 'Chief Financial Officer Anna FitzGerald joins from a rival firm in the spring.'],
      ['a headline with a sentence end inside it', 'There Is No Place Like Home. Here Is A Look At SomeThe best places to visit in the region this autumn are near.'],
      ['a headline of three words', 'Strike Called OffUnion leaders said on Thursday that the strike would not go ahead.'],
      ['a phrase with a lower-case word of four letters, a verb', 'The Mayor Says Plans will Stay In PlaceThe council voted on Tuesday to keep the plan as it stands.'],
      ['a headline glued to a second headline', 'Rail Strike Called Off After Last-Minute DealUnion Leaders Say Talks Went Well On Thursday'],
      ['an opening quote after a space', 'Five Reasons The Council Chose "Green Street" as the name of the new library on the hill'],
      [
        'a title-case phrase longer than a headline',
        'One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen Twenty TwentyoneThe rest of the line is a sentence about the list.',
      ],
    ])('does not read %s as glued', (_, text) => {
      expect(isGluedTeaser(text)).toBe(false);
    });
  });

  describe('gluesPrintedTwice', () => {
    /** Occurrences counted the plain way, overlapping ones included. */
    const naive = (source: string, glues: Glue[]) =>
      new Set(glues.filter(({ word }) => { const first = source.indexOf(word); return first >= 0 && source.indexOf(word, first + 1) >= 0; }).map((g) => g.word));
    // Few characters, so that words recur, overlap and sit inside one another; "eE", "?E", "1E" and "’E" are glue points.
    const piece = fc.constantFrom('e', 'E', 'a', 'A', '?', '1', '’', ' ', 'eE', 'e?E', '1E', '’E');
    const text = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));
    /** A glued word: a stem ending in a glue character, then a capitalised word. */
    const glue = fc.tuple(fc.array(fc.constantFrom('a', 'e', 'E'), { maxLength: 3 }), fc.constantFrom('e', '?', '1', '’'), fc.constantFrom('E', 'A'), fc.array(fc.constantFrom('a', 'e'), { maxLength: 2 }))
      .map(([stem, end, capital, rest]): Glue => ({ word: [...stem, end, capital, ...rest].join(''), stemLength: stem.length + 1 }));

    /** Seventeen more words, none on the pages here: with them, the page is read once rather than searched per word. */
    const many = (glues: Glue[]) => [...glues, ...Array.from({ length: 17 }, (_, i) => ({ word: `zz${i}Q`, stemLength: 3 }))];

    it.each([
      ['looks each one up', (glues: Glue[]) => glues],
      ['reads the page once', many],
    ])('finds the words printed twice, when it %s', (_, wordsOf) => {
      // The page: pieces and glued words (given by their index), so that the words do occur on it.
      const parts = fc.array(fc.oneof(piece, fc.nat()), { maxLength: 40 });
      fc.assert(
        fc.property(fc.array(glue, { minLength: 1, maxLength: 12 }), parts, (glues, partsOfPage) => {
          const source = partsOfPage.map((part) => (typeof part === 'number' ? glues[part % glues.length]!.word : part)).join('');
          expect(gluesPrintedTwice(source, wordsOf(glues))).toEqual(naive(source, glues));
        }),
        { numRuns: 1000 },
      );
    });

    it('counts an occurrence once, and overlapping occurrences apart, on the page-reading path', () => {
      // One "eEeE", whose two glue points each start a shape of it.
      expect(gluesPrintedTwice('eEeE', many([{ word: 'eEeE', stemLength: 1 }, { word: 'eEeE', stemLength: 3 }])).size).toBe(0);
      // "eEeE" at 0 and, overlapping, at 2.
      expect([...gluesPrintedTwice('eEeEeE', many([{ word: 'eEeE', stemLength: 1 }]))]).toEqual(['eEeE']);
    });
  });
});
