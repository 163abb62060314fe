import { describe, expect, it } from 'vitest';
import { sectionOpeners } from '../../../src/core/rules/section-openers.js';
import { flagged, PROSE_A, PROSE_B } from '../../helpers/page.js';

describe('section-openers', () => {
  it.each([
    ['Top Stories and its list', `${PROSE_A}\n\nTop Stories\n\nBridge repairs start\nSchool wins prize`, ['Top Stories', 'Bridge repairs start', 'School wins prize']],
    ['Most Watched (Today)', `${PROSE_A}\n\nMost Watched Today\nClip one`, ['Most Watched Today', 'Clip one']],
    ['Related Articles with a colon', `${PROSE_A}\n\nRelated Articles:\nOne more story`, ['Related Articles:', 'One more story']],
    ['You may also like', `${PROSE_A}\n\nYou may also like\nA story`, ['You may also like', 'A story']],
    ['More from a named section', `${PROSE_A}\n\nMore from Business\nA story`, ['More from Business', 'A story']],
    ['Trending in a named section', `${PROSE_A}\n\nTrending in Entertainment\nA story`, ['Trending in Entertainment', 'A story']],
    ['Most read in a named section', `${PROSE_A}\n\nMost read in World\nA story`, ['Most read in World', 'A story']],
    ['Editor’s picks', `${PROSE_A}\n\nEditor’s Picks\nA story`, ['Editor’s Picks', 'A story']],
    ['German "Mehr zum Thema"', 'Die Stadt baut neue Radwege.\n\nMehr zum Thema\nNeue Buslinie ab Mai', ['Mehr zum Thema', 'Neue Buslinie ab Mai']],
    ['French "À lire aussi"', 'Texte.\n\nÀ lire aussi\nUn autre article', ['À lire aussi', 'Un autre article']],
    ['Spanish "Noticias relacionadas"', 'Texto.\n\nNoticias relacionadas\nOtra noticia', ['Noticias relacionadas', 'Otra noticia']],
    ['Japanese 関連記事', '本文です。\n\n関連記事\n別の記事', ['関連記事', '別の記事']],
    ['a "Read more:" pointer to another article', `${PROSE_A}\n\nREAD MORE: Storm closes the coastal road for a week\n\n${PROSE_B}`, ['READ MORE: Storm closes the coastal road for a week']],
    ['a "Related:" pointer', `${PROSE_A}\n\nRelated: How the new bus routes were chosen`, ['Related: How the new bus routes were chosen']],
    ['a German "Lesen Sie auch:" pointer', `${PROSE_A}\n\nLesen Sie auch: Neue Buslinie ab Mai\n\n${PROSE_B}`, ['Lesen Sie auch: Neue Buslinie ab Mai']],
  ])('fires on %s', (_, text, expected) => {
    expect(flagged(sectionOpeners, text)).toEqual(expected);
  });

  it('ends the run where two prose paragraphs resume', () => {
    const text = `Trending\nHome\nNews\n\n${PROSE_A}\n\n${PROSE_B}`;
    expect(flagged(sectionOpeners, text)).toEqual(['Trending', 'Home', 'News']);
  });

  // Three short sentences after a box set into the article: none is long, so the two-paragraph test alone
  // would run the section on to the end of the page.
  const SHORT_SENTENCES = [
    'She said the road would stay shut for at least a week.',
    'Crews are out there now and will work on it day and night.',
    'Some of the people who live near it had to leave their homes.',
  ];
  it('ends the run where three short prose paragraphs resume', () => {
    const text = `Don't Miss\nStorm closes the coast road\nTown hall to get a new roof\n\n${SHORT_SENTENCES.join('\n\n')}`;
    expect(flagged(sectionOpeners, text)).toEqual(["Don't Miss", 'Storm closes the coast road', 'Town hall to get a new roof']);
  });

  it('runs on past short prose paragraphs with a label between each', () => {
    const text = `More from Sports\nFootball\n\n${SHORT_SENTENCES[0]}\n\nTennis\n\n${SHORT_SENTENCES[1]}\n\nGolf\n\n${SHORT_SENTENCES[2]}`;
    expect(flagged(sectionOpeners, text)).toHaveLength(7);
  });

  it("does not end the run at the site's name, which is also part of the page title", () => {
    const text = `Storm closes the coast road | Springfield Daily News\n\nSponsored Content\nFive ways to save on heating\nSpringfield Daily News\nThree ways to cut your bills`;
    expect(flagged(sectionOpeners, text)).toEqual(['Sponsored Content', 'Five ways to save on heating', 'Springfield Daily News', 'Three ways to cut your bills']);
  });

  it("ends the run at the article's headline (a line that repeats the page title)", () => {
    const text = `Storm closes the coast road | Daily News\n\nSponsored Content\nFive ways to save on heating\n\nStorm closes the coast road\n\nUpdated 10:01 pm\n\n${SHORT_SENTENCES[0]}`;
    expect(flagged(sectionOpeners, text)).toEqual(['Sponsored Content', 'Five ways to save on heating']);
  });

  it('runs on past two short prose paragraphs between teaser headlines', () => {
    const [first, second] = SHORT_SENTENCES;
    const text = `Top Stories\nStorm closes the coast road\n\n${first}\n\n${second}\n\nTown hall to get a new roof`;
    expect(flagged(sectionOpeners, text)).toHaveLength(5);
  });

  it.each([
    ['a sentence that starts with "Related"', `Related research has shown that walking after meals lowers blood sugar in most adults.\n\n${PROSE_A}`],
    ['an article with no section heading', `${PROSE_A}\n\n${PROSE_B}`],
    ['"Popular" inside a longer heading', `Popular uprising topples the government of a small island nation\n\n${PROSE_A}`],
    ['a sentence that mentions reading more', `${PROSE_A}\n\nRead more about the plan in the council's report, published on Monday.`],
    ['a long paragraph that starts with "More:"', `More: ${PROSE_A}`],
    ['a sentence after a heading\'s words and a colon', `${PROSE_A}\n\nIn other news: the council voted to raise the parking fees again.\n\n${PROSE_B}`],
  ])('does not fire on %s', (_, text) => {
    expect(flagged(sectionOpeners, text)).toEqual([]);
  });
});

describe('section-openers on a page joined on one line', () => {
  const MENU = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
  // Teaser titles run together, one "sentence" of more than 45 words with the last title's question mark.
  const TITLES =
    'Chancellor was the prime minister’s nightmare: Inside story of how the budget failed UK weather forecast: Terrifying map shows the polar vortex freezing the country in December Flights: Passengers can fly for up to 80 percent less by travelling on this day Royal wedding: Will the princess be allowed to wear a tiara?';
  const FOOTER = 'Contact Us Advertise Privacy Policy Terms Archive Newsletters Careers';
  const page = (titles: string) => `${MENU} ${[PROSE_A, PROSE_B, PROSE_A].join(' ')} Top stories. ${titles} ${FOOTER} ${[PROSE_A, PROSE_B, PROSE_A, PROSE_B].join(' ')}`;

  it('runs on past a long piece with one sentence mark, teaser titles run together, when no prose follows it', () => {
    expect(flagged(sectionOpeners, page(TITLES))).toEqual(['Top stories.', TITLES, FOOTER]);
  });

  it('ends the run at such a line on a page printed in lines, where a paragraph so long is the article', () => {
    expect(flagged(sectionOpeners, `${PROSE_A}\n\nTop stories.\n\n${TITLES}\n\n${FOOTER}\n\n${PROSE_B}`)).toEqual(['Top stories.']);
  });
});
