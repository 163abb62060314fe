import { describe, expect, it } from 'vitest';
import { metadataLines } from '../../../src/core/rules/metadata-lines.js';
import { flagged, measuredPage, PROSE_A, PROSE_B } from '../../helpers/page.js';

describe('metadata-lines', () => {
  it.each([
    ['a byline', 'By Samya Kullab, The Associated Press'],
    ['a "Posted" stamp', 'Posted October 19, 2024 11:51 am.'],
    ['a "Last Updated" stamp', 'Last Updated October 19, 2024 12:10 pm.'],
    ['a date-only line', 'November 18, 2019'],
    ['an AP photo credit', 'Soldiers march in the square. (AP Photo/Ng Han Guan, File)'],
    ['an image credit', 'Image Credit: WeWork'],
    ['a FILE caption', 'FILE - A view of the harbour at dawn.'],
    ['a caption under its screen-reader label', 'Image caption Crowds gathered outside the court on Monday'],
    ["a caption that ends with an agency's credit", 'Workers clear the road after the storm on Tuesday. Photo by Jane Roe/Reuters'],
    ['a photo credit line', 'Michael Conroy, AP'],
    ['a caption with the agency in brackets', 'A cargo ship leaves the port on Aug. 31, 2019. (AP)'],
    ["a caption whose agency follows its last sentence", 'A stock image of a woman holding a joint. Getty'],
    ['a credit after a bar', 'Workers clear the road after the storm. Michael Conroy | AP'],
    ['a credit alone on its line', 'EPA'],
    ['a German stamp', 'Veröffentlicht am 12. März 2024'],
  ])('fires on %s', (_, line) => {
    expect(flagged(metadataLines, `${line}\n\n${PROSE_A}`)).toEqual([line]);
  });

  it("takes the writer's bio after the byline, and no other sentence that starts with a name", () => {
    const bio = 'Jane Roe is a reporter who covers the city council and the courts.';
    const book = "Jane Roe's book about the city, “Old Town”, comes out in May.";
    const other = 'John Smith is the council member who proposed the plan in March.';
    const text = `By Jane Roe 2019-11-18T20:51:19Z City\n\n${PROSE_A}\n\n${other}\n\n${PROSE_B}\n\n${bio}\n\n${book}`;
    expect(flagged(metadataLines, text)).toEqual(['By Jane Roe 2019-11-18T20:51:19Z City', bio, book]);
    // Before any byline, the same sentence is the article's.
    expect(flagged(metadataLines, `${bio}\n\n${PROSE_A}\n\nBy Jane Roe`)).toEqual(['By Jane Roe']);
  });

  it.each([
    ['an agency that wrote the story', 'By Reuters', 'Reuters was unable to verify the footage, which was posted on Monday.'],
    ['a desk', 'By The Associated Press', 'The Associated Press has reached out to the ministry for comment.'],
    ["someone who shares the writer's first name", 'By Anna Smith, The Associated Press', "Anna's mother said she had never seen the river so high."],
    ['a newsroom', 'By Fox News', 'Fox News has reached out to the ministry for comment.'],
  ])('takes no bio for %s', (_, byline, sentence) => {
    expect(flagged(metadataLines, `${byline}\n\n${PROSE_A}\n\n${PROSE_B}\n\n${sentence}`)).toEqual([byline]);
  });

  it("takes the bio of the first of two writers, whose name ends at the byline's comma", () => {
    const bio = 'Anna Smith is a reporter who covers the city council and the courts.';
    expect(flagged(metadataLines, `By Anna Smith, Jane Roe\n\n${PROSE_A}\n\n${PROSE_B}\n\n${bio}`)).toEqual(['By Anna Smith, Jane Roe', bio]);
  });

  it('takes the bio of each of two writers who share a first name, bylined on separate lines', () => {
    const bios = ['Jane Doe is a reporter who covers the city council and the courts.', "Jane Roe's book about the city comes out in May."];
    const text = `By Jane Doe\n\nBy Jane Roe\n\n${PROSE_A}\n\n${PROSE_B}\n\n${bios[0]}\n\n${bios[1]}`;
    expect(flagged(metadataLines, text)).toEqual(['By Jane Doe', 'By Jane Roe', ...bios]);
  });

  it('takes the bio of a writer of three names, one with an apostrophe', () => {
    const bio = 'Ann O’Neil Smith is a reporter who covers the city council and the courts.';
    expect(flagged(metadataLines, `By Ann O’Neil Smith\n\n${PROSE_A}\n\n${PROSE_B}\n\n${bio}`)).toEqual(['By Ann O’Neil Smith', bio]);
  });

  it('takes the bio of a writer with an initial', () => {
    const bio = 'Jane M. Roe is a reporter who covers the city council and the courts.';
    expect(flagged(metadataLines, `By Jane M. Roe\n\n${PROSE_A}\n\n${PROSE_B}\n\n${bio}`)).toEqual(['By Jane M. Roe', bio]);
  });

  describe("an author box: a heading that names the writer, then the bio", () => {
    const bio = 'As a reporter for the city desk, Jane Roe has covered the council and the courts since 2015.';
    const footer = Array.from({ length: 12 }, (_, k) => `Footer link ${k + 1}`).join('\n\n');

    it.each([
      ['About Jane Roe', 'English'],
      ['Über Jane Roe', 'German'],
      ['À propos de Jane Roe', 'French'],
    ])('takes "%s" (%s) and the paragraph under it that names her, even with a long footer below', (heading) => {
      const text = `By Jane Roe\n\n${PROSE_A}\n\n${PROSE_B}\n\n${heading}\n\n${bio}\n\n${footer}`;
      expect(flagged(metadataLines, text)).toEqual(['By Jane Roe', heading, bio]);
    });

    it.each([
      ['a heading about someone who wrote no byline', `By Jane Roe\n\n${PROSE_A}\n\n${PROSE_B}\n\nAbout Ann Smith\n\n${bio}`, ['By Jane Roe']],
      ['a paragraph under the heading that does not name the writer', `By Jane Roe\n\n${PROSE_A}\n\n${PROSE_B}\n\nAbout Jane Roe\n\n${PROSE_A}`, ['By Jane Roe', 'About Jane Roe']],
      ['the heading above the byline', `About Jane Roe\n\n${bio}\n\nBy Jane Roe\n\n${PROSE_A}\n\n${PROSE_B}`, ['By Jane Roe']],
    ])('takes no bio for %s', (_, text, expected) => {
      expect(flagged(metadataLines, text)).toEqual(expected);
    });
  });

  describe('a writer who goes by one name', () => {
    const bio = 'Regan is a Connecticut native who writes about family life, food and the outdoors.';

    it('takes the bio right under the sign-off', () => {
      expect(flagged(metadataLines, `By Regan\n\n${PROSE_A}\n\n${PROSE_B}\n\nRegan\n\n${bio}`)).toEqual(['By Regan', 'Regan', bio]);
    });

    it.each([
      ['without the sign-off above it', `By Regan\n\n${PROSE_A}\n\n${PROSE_B}\n\n${PROSE_A}\n\n${bio}`, ['By Regan']],
      ['a sentence under the sign-off about someone else', `By Regan\n\n${PROSE_A}\n\n${PROSE_B}\n\nRegan\n\nMegan is a friend of the family who grows the apples.`, ['By Regan', 'Regan']],
      ['under a one-word line that is not the writer', `By Jane Roe\n\n${PROSE_A}\n\n${PROSE_B}\n\nRegan\n\n${bio}`, ['By Jane Roe']],
      ['when the sentence under the sign-off says something else of the writer', `By Regan\n\n${PROSE_A}\n\n${PROSE_B}\n\nRegan\n\nRegan said the recipe came from her grandmother in Maine.`, ['By Regan', 'Regan']],
      [
        'under an agency that signs the story',
        `By Reuters\n\n${PROSE_A}\n\n${PROSE_B}\n\nReuters\n\nReuters was unable to independently verify the number of people hurt in the blast.`,
        ['By Reuters', 'Reuters'],
      ],
      ['under a desk that signs the story', `By Staff\n\n${PROSE_A}\n\n${PROSE_B}\n\nStaff\n\nStaff is a word the council used for every worker at the depot.`, ['By Staff', 'Staff']],
      ['before the byline', `Regan\n\n${bio}\n\n${PROSE_A}\n\n${PROSE_B}\n\nBy Regan`, ['Regan', 'By Regan']],
    ])('takes no bio %s', (_, text, expected) => {
      expect(flagged(metadataLines, text)).toEqual(expected);
    });
  });

  it('takes no bio in the first half of the page, where the article is', () => {
    const bio = 'Jane Roe is a reporter who covers the city council and the courts.';
    expect(flagged(metadataLines, `By Jane Roe\n\n${PROSE_A}\n\n${bio}\n\n${PROSE_B}\n\n${PROSE_A}\n\n${PROSE_B}\n\n${PROSE_A}`)).toEqual(['By Jane Roe']);
  });

  it('recognises the crawler header line and the author sign-off', () => {
    const text = ` date 2024-10-19 Video published by Ukraine\n\nBy Jane Roe, The Associated Press\n\n${PROSE_A}\n\nJane Roe, The Associated Press`;
    expect(flagged(metadataLines, text)).toEqual(['date 2024-10-19 Video published by Ukraine', 'By Jane Roe, The Associated Press', 'Jane Roe, The Associated Press']);
  });

  it('captures title, author and date', () => {
    const page = measuredPage(` date 2024-10-19 Video published by Ukraine\n\nBy Jane Roe, The Associated Press\n\nPosted October 20, 2024`);
    const metadata = metadataLines.find(page).map((f) => f.metadata);
    expect(metadata).toEqual([
      { date: '2024-10-19', title: 'Video published by Ukraine' },
      { author: 'Jane Roe, The Associated Press' },
      { date: '2024-10-20' },
    ]);
  });

  it.each([
    ['before a separator', 'By Jane Roe | Staff writer', 'Jane Roe'],
    ['after a separator that starts the byline', 'By | Staff', 'Staff'],
    ['after a part with no letters', 'By — · Staff', 'Staff'],
  ])('reads the author %s', (_, byline, author) => {
    expect(metadataLines.find(measuredPage(`${byline}\n\n${PROSE_A}`)).map((f) => f.metadata)).toEqual([{ author }]);
  });

  it.each([
    ['By Jane Roe, John Smith on Monday, November 18th, 2019 at 11:08 a.m.', 'Jane Roe, John Smith', '2019-11-18'],
    ['By Jane Roe on March 3, 2019 at 11:08 a.m. ET.', 'Jane Roe', '2019-03-03'],
    ['By Jane Roe | Updated: Thu, March 3, 2019', 'Jane Roe', '2019-03-03'],
    ['Von Max Muster am 3. März 2019 um 10:30 Uhr.', 'Max Muster', '2019-03-03'],
  ])('reads the author before the date that follows the names, and the date: %s', (byline, author, date) => {
    expect(metadataLines.find(measuredPage(`${byline}\n\n${PROSE_A}`)).map((f) => f.metadata)).toEqual([{ author, date }]);
  });

  it('reads a crawler URL line as the site, and one whose URL does not parse as no site (it used to throw)', () => {
    expect(metadataLines.find(measuredPage(`url: https://www.news.example/1\n\n${PROSE_A}`)).map((f) => f.metadata)).toEqual([{ site: 'news.example' }]);
    expect(metadataLines.find(measuredPage(`url: https://a.example:abc/1\n\n${PROSE_A}`)).map((f) => [f.reason, f.metadata])).toEqual([['crawler URL line', {}]]);
  });

  it('takes the captions of a gallery behind their slide counters, but not one sentence that starts like one', () => {
    const slides = ['1 of 3 A shopper looks at extension cords at the hardware store on Tuesday.', '2 of 3 Generators are stacked by the door of the store.', '3 of 3 The line outside the store before it opened.'];
    expect(flagged(metadataLines, `${slides.join('\n\n')}\n\n${PROSE_A}`)).toEqual(slides);
    expect(flagged(metadataLines, `${PROSE_A}\n\n3 of 5 voters said they would back the plan in a second vote.\n\n${PROSE_A}`)).toEqual([]);
    // Statistics that share a total are sentences: they go on in lower case after the counter.
    const statistics = ['1 of 4 children in the county lives in a home where nobody has a job.', '3 of 4 parents who took part in the survey said they worried about money.'];
    expect(flagged(metadataLines, `${PROSE_A}\n\n${statistics.join('\n\n')}\n\n${PROSE_A}`)).toEqual([]);
    // Two capitalised ones far apart are too: a gallery's captions stand a few lines from each other.
    const far = ['1 of 4 Americans say they have no savings at all, the report found.', '3 of 4 Britons say the same of their pensions.'];
    expect(flagged(metadataLines, [far[0], PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A, PROSE_B, far[1]].join('\n\n'))).toEqual([]);
  });

    it('takes no line without words for an author sign-off', () => {
    const findings = metadataLines.find(measuredPage(`By | Staff\n\n${PROSE_A}\n\n* * *\n\n${PROSE_A}`));
    expect(findings.map((f) => f.reason)).toEqual(['byline']);
  });

  it.each([
    ['a sentence starting with "By"', 'By the end of the year, the company expects to have hired two hundred new engineers.'],
    ['a sentence that mentions a date', 'On October 19, 2024, the council met for the last time before the election and approved the budget.'],
    ['a "date" word in prose', 'The date of the wedding was set for the spring, after both families had agreed.'],
    ['the signature under an embedded post', '— Jane Roe (@janeroe) November 18, 2019'],
    ['a sentence that cites an agency', '"We are cooperating with the inquiry," a company spokesperson said when contacted by Reuters.'],
    ['a sentence that cites the AP', 'Three people were hurt in the crash, police told the AP.'],
    ['a sentence starting with "By" and a date', 'By the end of March 3, 2019 the plan was dead.'],
    ['a sentence whose date goes on into a clause', 'By Election Day, November 3, 2020, more than 100 million Americans had already cast their ballots.'],
    ['"AP" that is a place', 'Officials said the flood hit villages in Chittoor district of AP.'],
    ['"the Getty" that is a museum', 'The show runs through the end of the year at the Getty.'],
    ['a sentence that cites an interview', 'He said so in an interview with Reuters.'],
    ['a sentence that ends with a name like an agency', 'The museum was founded in 1954 by Mr. Getty.'],
    ['a sentence that ends with a word ending like an agency', 'Der Streit um die Daten dreht sich um die elektronische Patientenakte (PEPA)'],
    ["an agency's initials defined in brackets", 'The new limits were set last year by the Environmental Protection Agency (EPA)'],
  ])('does not fire on %s', (_, line) => {
    expect(flagged(metadataLines, line)).toEqual([]);
  });
});
