// The jusText-style classification and its revision by neighbours, through strip().
import { describe, expect, it } from 'vitest';
import { strip } from '../../../src/core/strip.js';
import { PROSE_A, PROSE_B } from '../../helpers/page.js';

const decisionOf = (text: string, line: string) => strip(text).blocks.find((b) => b.text === line);

describe('content evidence and neighbours', () => {
  it('keeps a short sentence between two article paragraphs', () => {
    const block = decisionOf(`${PROSE_A}\n\nHe declined to comment.\n\n${PROSE_B}`, 'He declined to comment.');
    expect(block).toMatchObject({ kept: true, rule: 'neighbours' });
  });

  it('drops a lone short line after the article', () => {
    const block = decisionOf(`${PROSE_A}\n\n${PROSE_B}\n\nGreat news, finally!`, 'Great news, finally!');
    expect(block).toMatchObject({ kept: false });
  });

  describe('a whole sentence at the edge of the article', () => {
    const ARTICLE = `${PROSE_A} ${PROSE_B}`;
    const CLOSING = 'Officials did not immediately provide any other details.';
    const OPENING = 'The fire started shortly after midnight on Sunday.';

    it('is kept as the article\'s last line', () => {
      expect(decisionOf(`${ARTICLE}\n\n${CLOSING}\n\nHome\nNews\nSport`, CLOSING)).toMatchObject({ kept: true, rule: 'neighbours' });
    });

    it('is kept as the article\'s first line', () => {
      expect(decisionOf(`Home\nNews\nSport\n\n${OPENING}\n\n${ARTICLE}`, OPENING)).toMatchObject({ kept: true, rule: 'neighbours' });
    });

    it('is dropped when a line stands between it and the article', () => {
      expect(decisionOf(`${ARTICLE}\n\nMore from the city desk\n\n${CLOSING}\n\nHome\nNews\nSport`, CLOSING)).toMatchObject({ kept: false });
    });

    it('is kept when it has too few stop words to be judged alone', () => {
      const dense = 'Michigan health officials on Tuesday confirmed a sixth death linked to Eastern equine encephalitis in Kalamazoo County.';
      expect(decisionOf(`Home\nNews\n\n${ARTICLE}\n\n${dense}\n\nHome\nNews`, dense)).toMatchObject({ kept: true, rule: 'neighbours', reason: 'bad block among article text' });
      // A list that ends with a full stop, so that only its lack of stop words keeps it out.
      const list = 'Apple iPhone 15 Pro Max 256GB Titanium, Samsung Galaxy S24 Ultra 512GB Black, Google Pixel 8 Pro 128GB Obsidian.';
      expect(decisionOf(`Home\nNews\n\n${ARTICLE}\n\n${list}\n\nHome\nNews`, list)).toMatchObject({ kept: false, rule: 'content-evidence' });
    });

    it('is article text for the short lines after it, when its stop words alone called it bad', () => {
      const dense = 'Michigan health officials on Tuesday confirmed a sixth death linked to Eastern equine encephalitis in Kalamazoo County.';
      const quip = 'As one doctor put it, "Better safe than sorry."';
      const text = `Home\nNews\n\n${ARTICLE}\n\n${dense}\n\n${quip}\n\nMosquito season\n\n${PROSE_B} ${PROSE_A}`;
      expect(decisionOf(text, quip)).toMatchObject({ kept: true, rule: 'neighbours' });
      expect(decisionOf(text, 'Mosquito season')).toMatchObject({ kept: true, rule: 'neighbours' });
    });

    it('is dropped when it is too short to be a sentence of running text', () => {
      expect(decisionOf(`${ARTICLE}\n\nShare this story now.\n\nHome\nNews\nSport`, 'Share this story now.')).toMatchObject({ kept: false, rule: 'neighbours' });
    });
  });

  it('keeps long prose on the strength of its own words', () => {
    expect(decisionOf(`${PROSE_A}\n\n${PROSE_B}`, PROSE_A)).toMatchObject({ kept: true, rule: 'content-evidence' });
  });

  it('drops a long line with almost no stop words', () => {
    const list = 'Apple iPhone 15 Pro Max 256GB Titanium, Samsung Galaxy S24 Ultra 512GB Black, Google Pixel 8 Pro 128GB Obsidian';
    expect(decisionOf(`${PROSE_A}\n\n${list}\n\n${PROSE_B}`, list)).toMatchObject({ kept: false, rule: 'content-evidence' });
  });

  it('keeps a run of short prose paragraphs that jusText alone would call near-good', () => {
    const short = ['The fight broke out on the train.', 'Police said the man ran from the station.', 'He was arrested an hour later.', 'No one else was hurt in the attack.'];
    const result = strip(`Menu\nHome\nNews\n\n${short.map((s) => `${s} It happened on Tuesday afternoon in the city.`).join('\n\n')}`);
    expect(result.text.split('\n\n')).toHaveLength(4);
  });
});

describe('main-text selection', () => {
  it('drops a long paragraph separated from the article by a section heading and a menu', () => {
    const far = 'The park will close for two weeks next month while contractors replace the drainage under the main lawn, which has flooded every winter.';
    const result = strip(`${PROSE_A}\n\n${PROSE_B}\n\nRelated Stories\n\nHome\nNews\nSport\nTravel\n\n${far}`);
    expect(result.text).not.toContain('The park will close');
    expect(result.text).toContain(PROSE_B);
  });

  it('keeps both halves of an article split by an advertisement', () => {
    const result = strip(`${PROSE_A}\n\nAdvertisement\n\n${PROSE_B}`);
    expect(result.text).toBe(`${PROSE_A}\n\n${PROSE_B}`);
  });
});
