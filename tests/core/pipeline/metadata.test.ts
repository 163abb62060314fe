// Metadata from what the text carries: one case per form a page states its title, author, date or site in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strip } from '../../../src/core/strip.js';
import { PROSE_A, PROSE_B } from '../../helpers/page.js';

const FIXTURES = path.join(import.meta.dirname, '..', '..', '..', 'fixtures');
const body = [PROSE_A, PROSE_B, PROSE_A.replace('council', 'board')].join('\n\n');
const metadataOf = (head: string, foot = '') => strip(`${head}\n\n${body}${foot ? `\n\n${foot}` : ''}`).metadata;

describe('metadata', () => {
  it.each([
    ['"Written by" and "Published:"', 'Written by Jane Roe\n\nPublished: 3 March 2024', { author: 'Jane Roe', date: '2024-03-03' }],
    ['"Author:" and "Updated"', 'Author: Jane Roe\n\nUpdated 12 March 2024, 10:00', { author: 'Jane Roe', date: '2024-03-12' }],
    ['"Last Updated" with a weekday', 'By Jane Roe\n\nLast Updated: Tuesday, 12 March 2024', { author: 'Jane Roe', date: '2024-03-12' }],
    ['several authors and a date in the byline', 'By Jane Roe and John Doe | March 12, 2024', { author: 'Jane Roe and John Doe', date: '2024-03-12' }],
    ['a French byline and stamp', 'Par Jeanne Dupont\n\nPublié le 12 mars 2024 à 10h00', { author: 'Jeanne Dupont', date: '2024-03-12' }],
    ['a German stamp', 'Von Anna Becker\n\nVeröffentlicht am 12. März 2024', { author: 'Anna Becker', date: '2024-03-12' }],
    ['a Spanish stamp', 'Por Ana García\n\nPublicado el 5 de mayo de 2024', { author: 'Ana García', date: '2024-05-05' }],
    ['the headline above the byline', 'Home\nNews\nSport\n\nCouncil approves transport budget\n\nBy Jane Roe', { title: 'Council approves transport budget', author: 'Jane Roe' }],
    ['a crawler URL line', 'url https://www.example.org/news/2024/budget\n\nBy Jane Roe', { site: 'example.org', author: 'Jane Roe' }],
  ])('reads %s', (_, head, expected) => {
    expect(metadataOf(head)).toEqual(expected);
  });

  it('reads the site from a copyright line at the foot', () => {
    expect(metadataOf('By Jane Roe', '© 2024 Example News. All rights reserved.')).toEqual({ author: 'Jane Roe', site: 'Example News' });
    expect(metadataOf('By Jane Roe', '© 2024 Stadtanzeiger. Alle Rechte vorbehalten.').site).toBe('Stadtanzeiger');
  });

  it('does not take a menu line, a sentence or a section heading for the title', () => {
    expect(metadataOf('Home\nNews\nSport and Leisure Guide\nWeather').title).toBeUndefined();
    expect(metadataOf('The council met again on Tuesday.').title).toBeUndefined();
    expect(metadataOf('Top Stories').title).toBeUndefined();
  });

  it('prefers the crawler header to a heading, and reads the seed page', () => {
    expect(metadataOf(' date 2024-10-19 The header title\n\nA different heading here\n\nBy Jane Roe')).toEqual({ title: 'The header title', date: '2024-10-19', author: 'Jane Roe' });
    expect(strip(readFileSync(path.join(FIXTURES, 'seed', 'input.txt'), 'utf8')).metadata).toEqual({
      title: 'Video published by Ukraine purports to show North Korean soldiers in Russia',
      author: 'Samya Kullab, The Associated Press',
      date: '2024-10-19',
    });
  });

  it('reads the title of a headline printed twice', () => {
    expect(strip(readFileSync(path.join(FIXTURES, 'headline-printed-twice', 'input.txt'), 'utf8')).metadata.title).toBe('Scientists map the seafloor of a remote lake');
  });
});
