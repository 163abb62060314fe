import { describe, expect, it } from 'vitest';
import { runOnFragments } from '../../../src/core/rules/run-on-fragments.js';
import { flagged, PROSE_A, PROSE_B } from '../../helpers/page.js';

const MENU = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
/** Headlines run together with no punctuation: 26 words, none ending a sentence. */
const JOINED_HEADLINES =
  'Local news today Town hall approves budget for next year local team wins cup final after extra time new bakery opens on high street road closures expected';
const BODY = [PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A, PROSE_B].join(' ');
/** The first 22 words of a sentence, none capitalised after the first, the last a content word. */
const LONG_OPENING = 'The plan was drawn up after a study by engineers from the three towns who were asked by the councils to study';

describe('run-on-fragments', () => {
  it('fires on a stretch of more than twenty words without a sentence mark on a page joined on one line', () => {
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${JOINED_HEADLINES}`)).toEqual([JOINED_HEADLINES]);
    const twentyOne = JOINED_HEADLINES.split(' ').slice(0, 21).join(' ');
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${twentyOne}`)).toEqual([twentyOne]);
  });

  it('fires on such a stretch at the end of its line, whatever the next line is', () => {
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${JOINED_HEADLINES}\nThe end.`)).toEqual([JOINED_HEADLINES]);
  });

  it('fires on such a stretch before a run of labels that a new sentence follows', () => {
    const opening = JOINED_HEADLINES.split(' ').slice(0, 23).join(' ');
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${opening} Devin Nunes Jim Jordan Adam Schiff The hearing went on for hours.`)).toEqual([opening]);
  });

  it('fires on headlines run into one another, more than twenty words in all, each cut apart where the next begins', () => {
    const headlines = ['Democrats think the plan is too costly', 'The secret ingredient that transforms sweet potatoes', 'How a small town rebuilt its old bridge'];
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${headlines.join(' ')} ${BODY}`)).toEqual(headlines);
  });

  it('takes headlines together only on an English page: the openers the cut looks for are English words', () => {
    const headlines = ['Democrats think the plan is too costly', 'The secret ingredient that transforms sweet potatoes', 'How a small town rebuilt its old bridge'];
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${headlines.join(' ')} ${BODY}`, 'pt')).toEqual([]);
  });

  it('judges one or two pieces alone when together they are longer than the opening of a sentence', () => {
    const opening = `${JOINED_HEADLINES} and the long report on every school in the district that the inspectors published last week after visiting all of them in turn found that in the end eleven received grade`;
    expect(opening.split(' ').length + 'A and four received grade'.split(' ').length).toBeGreaterThan(60);
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${opening} A and four received grade A minus, while none failed. ${BODY}`)).toEqual([opening]);
  });

  it('takes pieces that all begin with the same word for an enumeration in the article, not for headlines', () => {
    const list = 'Before you set out on the long walk over the hills you will need a good map of the whole area A sturdy pair of walking boots A waterproof jacket with a hood A torch with spare batteries';
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${list} ${BODY}`)).toEqual([]);
    const varied = list.replace('A waterproof', 'The waterproof');
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${varied} ${BODY}`)).not.toEqual([]);
  });

  it('needs three items after the first to begin with the same word: two headlines often both begin with "The"', () => {
    const headlines = ['Councillors think the new car park is far too costly for the town', 'The secret ingredient that keeps the old bakery busy', 'The small town that rebuilt its bridge'];
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${headlines.join(' ')} How the ferry will run this winter. ${BODY}`)).toEqual(headlines);
  });

  it('counts as the last item of an enumeration the piece after it, when it opens with the same word', () => {
    const list = 'Before you set out, check that you have everything you need: A sturdy pair of walking boots with a good grip A waterproof jacket that packs down small A paper map of the area and a compass';
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${list} A torch and spare batteries Most walkers start at the car park by the old mill. ${BODY}`)).toEqual([]);
  });

  it.each([
    ['the first piece of the next line', '\nThe ferry will run all winter, the operator said on Monday. '],
    ['a piece parted from them by another cut (a run of labels)', ' The Daily Courier Weekend Magazine Special Edition '],
  ])('does not count as the last item %s', (_, after) => {
    const headlines = ['Councillors think the new car park is far too costly for the town', 'The secret ingredient that keeps the old bakery busy', 'The small town that rebuilt its bridge'];
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${headlines.join(' ')}${after}${MENU} ${BODY}`)).toEqual(headlines);
  });

  it('reads "A" and "An" as one opener, and spares an enumeration that ends a sentence whatever its length', () => {
    const list = 'Before you set out on the long walk over the hills you will need a good map of the whole area A sturdy pair of walking boots An umbrella A waterproof jacket with a hood A torch with spare batteries';
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${list} ${BODY}`)).toEqual([]);
    const stretch = `${list} A flask of hot tea for the top of the hill A whistle in case you lose the path in the fog`;
    expect(stretch.split(' ').length).toBeGreaterThan(60);
    const long = `${stretch} A first-aid kit with plasters and bandages.`;
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${long} ${BODY}`)).toEqual([]);
  });

  it('leaves the last of them when it opens the sentence that follows', () => {
    const headlines = ['Democrats think the plan is too costly', 'The secret ingredient that transforms sweet potatoes', 'How a small town rebuilt its bridge over the'];
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${headlines.join(' ')} International Monetary Fund Climate Resilience Report. ${BODY}`)).toEqual(headlines.slice(0, 2));
  });

  it.each([
    ['headlines run into one another, twenty words in all', `${MENU} ${BODY} Democrats think the plan is too costly The secret ingredient that transforms potatoes How a small town rebuilt its bridge ${BODY}`],
    ['a long opening and a short piece cut before letter labels in one sentence', `${MENU} ${BODY} In the long and careful report that the inspectors published on Tuesday after visiting all of the schools in the district, eleven received grade A and four received grade A minus, while none failed. ${BODY}`],
    ['a long opening and a short piece, 51 words in all, cut before letter labels in one sentence', `${MENU} ${BODY} In the long and careful report that the inspectors published on Tuesday evening after visiting every one of the schools in the whole of the northern district over the course of the spring and the early summer of this year, eleven of the schools received grade A and four received grade A minus, while none failed. ${BODY}`],
    ['two pieces cut before titles in one sentence, more than twenty words in all', `${MENU} ${BODY} Viewers in all four regions told the researchers in a long survey last spring that the family drama This Is Us and the reality film Here Comes the Sun were the programmes they talked about most. ${BODY}`],
    ['a short piece and the sentence it runs into', `${MENU} ${BODY} Democrats think the plan is too costly The secret ingredient that transforms sweet potatoes is a good pinch of salt and a little more time in a hot oven. ${BODY}`],
    ['a long sentence with a letter label in it, cut before the label', `${MENU} ${BODY} Researchers who followed more than two thousand children in rural districts for a decade found that those who ate little fruit were far more likely to develop vitamin A deficiency later in life. ${BODY}`],
    ['headlines that a line break parts', `${MENU} ${BODY} Democrats think the plan is too costly\nThe secret ingredient that transforms sweet potatoes How a small town rebuilt its old bridge ${MENU} ${BODY}`],
    ['short pieces joined by no new headline, more than twenty words in all', `${MENU} ${BODY} Democrats think the plan is too costly Devin Nunes Jim Jordan Adam Schiff the secret ingredient that transforms sweet potatoes every single time ${BODY}`],
    ['the same stretch on a line of its own', `${PROSE_A}\n\n${JOINED_HEADLINES}\n\n${PROSE_B}`],
    ['a page joined on one line whose pieces are sentences', `${MENU} ${BODY}`],
    ['a stretch ending with a full stop', `${MENU} ${BODY} ${JOINED_HEADLINES}.`],
    ['a stretch with a sentence mark inside', `${MENU} ${BODY} Who knew? not the council ${JOINED_HEADLINES}`],
    ['the opening of a sentence with a long name in it after "the"', `${MENU} ${BODY} ${LONG_OPENING} the International Monetary Fund Climate Resilience Report published last spring.`],
    ['the opening of a sentence that a long name ends', `${MENU} ${BODY} ${LONG_OPENING} International Monetary Fund Climate Resilience Report.`],
    ['the opening of a sentence that ends with a comma', `${MENU} ${BODY} ${LONG_OPENING}, International Monetary Fund Climate Resilience Report published last spring.`],
    ['the opening of a sentence that ends with a conjunction', `${MENU} ${BODY} ${LONG_OPENING} after International Monetary Fund Climate Resilience Report published last spring.`],
    ['a sentence ending with a Devanagari full stop', `${MENU} ${BODY} यह एक बहुत लंबा वाक्य है जो किसी लेख का हिस्सा है और इसमें कई शब्द हैं जिनमें से कोई भी बड़े अक्षर से शुरू नहीं होता क्योंकि इस लिपि में बड़े अक्षर नहीं होते।`],
    ['a stretch of twenty words', `${MENU} ${BODY} ${JOINED_HEADLINES.split(' ').slice(0, 20).join(' ')}`],
  ])('does not fire on %s', (_, text) => {
    expect(flagged(runOnFragments, text)).toEqual([]);
  });
  it('spares the text of a quoted tweet, which often has no sentence mark, when its signature follows', () => {
    const post = 'Through our schools we have started handing out five million masks today and I urge all of you to wear them whenever needed pic.twitter.com/AbC123xYz';
    const signature = '— Jane Roe (@janeroe) November 1, 2019';
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${post} ${signature} ${BODY}`)).toEqual([]);
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${post} ${signature}`)).toEqual([]);
    // Without the signature it is a stretch of words without a sentence mark like any other.
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${post}`)).toEqual([post]);
  });
  it('fires on a list of controls printed in the same words, whatever its marks and stop words', () => {
    const controls = 'Share this with Facebook Share this with Messenger Share this with Twitter Share this with Email';
    expect(flagged(runOnFragments, `${MENU} ${BODY} The court ruled on Monday ${controls} Copy this link and read more about it. ${BODY}`)).toEqual([controls]);
    const popups = '(Opens in new window) Click to share on Reddit (Opens in new window) Click to print (Opens in new window) Click to email this to a friend (Opens in new window)';
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${popups} ${BODY}`)).toEqual([popups]);
  });
  describe('headlines in sentence case run together into a piece of more than 80 words', () => {
    const HEADLINES = [
      'Queen spends wedding anniversary apart after health concerns', 'Riley says it really matters a lot', 'Dent speaks out on co-star role',
      'Major discovery sparks bidding war after ring unearthed', 'Rocket faced a catastrophic failure seconds after launch', 'Engineers begin testing on groundbreaking rocket',
      'Meteors are about to burst out in rare display', 'Expert finds evidence of bugs in rover photos', 'Lucky hunter finds sea creature on the coast',
      'Supermassive hole creating stars at furious rate found', 'Agency tracks three large space rocks heading towards us', 'Scientists explain what actually happens when you die',
    ];
    const piece = (n: number) => `${HEADLINES.slice(0, n).join(' ')} and more.`;

    it('fires on ten places where a capitalised word runs on from a word in lower case, whatever mark ends the piece', () => {
      expect(piece(11).split(' ').length).toBeGreaterThan(80);
      expect(flagged(runOnFragments, `${MENU} ${BODY} ${piece(11)} ${BODY}`)).toEqual([piece(11)]);
    });

    it('passes over a count between two headlines: a list\'s numbers, a headline\'s comments', () => {
      const counted = `${HEADLINES.slice(0, 11).map((h, i) => (i === 0 ? h : i % 2 ? `${i + 1} ${h}` : `(${i * 17}) ${h}`)).join(' ')} and more.`;
      expect(flagged(runOnFragments, `${MENU} ${BODY} ${counted} ${BODY}`)).toEqual([counted]);
    });

    it('reads a headline ending with a quotation as ending with its last word', () => {
      const quoted = `${HEADLINES.slice(0, 11).map((h, i) => (i % 2 ? `${h.split(' ').slice(0, -1).join(' ')} “${h.split(' ').at(-1)}”` : h)).join(' ')} and more.`;
      expect(flagged(runOnFragments, `${MENU} ${BODY} ${quoted} ${BODY}`)).toEqual([quoted]);
    });

    it.each([
      // Twelve headlines, two of them opening in lower case: 95 words, nine such places.
      ['nine such places', `${HEADLINES.map((h, i) => (i === 3 || i === 6 ? h[0]!.toLowerCase() + h.slice(1) : h)).join(' ')} and more.`],
      // The same twelve headlines, two words shorter each: 71 words, eleven such places.
      ['80 words or fewer', `${HEADLINES.map((h) => h.split(' ').filter((_, i) => i !== 1 && i !== 2).join(' ')).join(' ')} and more.`],
    ])('does not fire with %s', (_, text) => {
      expect(flagged(runOnFragments, `${MENU} ${BODY} ${text} ${BODY}`)).toEqual([]);
    });

    it('does not fire on a page in another language: German writes its nouns capitalised', () => {
      expect(flagged(runOnFragments, `${MENU} ${BODY} ${piece(12)} ${BODY}`, 'de')).toEqual([]);
    });
  });
});
