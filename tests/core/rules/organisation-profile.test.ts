import { describe, expect, it } from 'vitest';
import { metadataLines } from '../../../src/core/rules/metadata-lines.js';
import { organisationProfile } from '../../../src/core/rules/organisation-profile.js';
import { RULES } from '../../../src/core/rules/index.js';
import { flagged, measuredPage, PROSE_A, PROSE_B } from '../../helpers/page.js';

const TITLE = 'Acme opens a new plant in Leeds | Acme';
const PROFILE = 'Acme is a global provider of industrial pumps and valves, with customers in more than forty countries.';
const SECOND = 'Acme is headquartered in Leeds and employs around 1,300 people worldwide.';
const release = (...after: string[]) => [TITLE, PROSE_A, PROSE_B, ...after].join('\n\n');

describe('organisation-profile', () => {
  it.each([
    ['the profile below a release, named in the title', release(PROFILE), [PROFILE]],
    ['the paragraphs after it that start with the name', release(PROFILE, SECOND, PROSE_A), [PROFILE, SECOND]],
    ['the profile but not a paragraph after it that starts with a longer word', release(PROFILE, 'Acmeco, its former parent, was sold in 2004 to a group of investors.'), [PROFILE]],
    ['a ticker between the name and "is"', release('Acme (NYSE: ACM) is the leading maker of pumps in Europe, founded in 1901.'), ['Acme (NYSE: ACM) is the leading maker of pumps in Europe, founded in 1901.']],
    ['a German profile', release('Acme ist ein weltweit tätiger Hersteller von Pumpen und Ventilen mit Sitz in Leeds.'), ['Acme ist ein weltweit tätiger Hersteller von Pumpen und Ventilen mit Sitz in Leeds.']],
  ])('fires on %s', (_, text, expected) => {
    expect(flagged(organisationProfile, text)).toEqual(expected);
  });

  it('takes the name from a copyright line when the title has none', () => {
    const page = measuredPage(['Acme opens a new plant in Leeds', PROSE_A, PROSE_B, PROFILE, '© 2019 Acme. All rights reserved.'].join('\n\n'));
    // As in the pipeline: metadata-lines' findings are filed before this rule runs.
    page.findings = page.blocks.map(() => []);
    for (const f of metadataLines.find(page)) page.findings[f.block]!.push({ ...f, rule: metadataLines.id });
    expect(organisationProfile.find(page).map((f) => page.blocks[f.block]!.text)).toEqual([PROFILE]);
  });

  it('runs after metadata-lines, whose copyright names it reads', () => {
    expect(RULES.indexOf(organisationProfile)).toBeGreaterThan(RULES.indexOf(metadataLines));
  });

  it('takes at most four paragraphs that start with the name', () => {
    const more = ['Acme was founded in 1901.', 'Acme employs 1,300 people.', 'Acme has plants in four countries.', 'Acme is listed in London.'];
    expect(flagged(organisationProfile, release(PROSE_A, PROSE_B, PROFILE, ...more))).toEqual([PROFILE, ...more.slice(0, 3)]);
  });

  it.each([
    ['a page about the organisation itself, where the profile opens the text', [TITLE, PROFILE, PROSE_A, PROSE_B].join('\n\n')],
    ['the same page below its menu: menu items are not prose', [TITLE, 'Home\nProducts\nAbout us\nContact', PROFILE, PROSE_A].join('\n\n')],
    ['a release that opens with the name in apposition', release('Acme, a global provider of industrial pumps, announced on Monday that it would build a plant.')],
    ['another organisation described below the article', release('Globex is a global provider of industrial pumps and valves, with customers in many countries.')],
    ['a longer word that starts with the name', release('Acmeco is a global provider of industrial pumps and valves, with customers in many countries.')],
    ['a page whose title has no site name', ['Acme opens a new plant in Leeds', PROSE_A, PROSE_B, PROFILE].join('\n\n')],
    ['a profile in the upper half of the page', [TITLE, PROSE_A, PROSE_B, PROFILE, PROSE_A, PROSE_B, PROSE_A, PROSE_B].join('\n\n')],
    ['a profile after one paragraph of prose', [TITLE, 'Home\nNews', PROSE_A, PROFILE].join('\n\n')],
    ['"is a" followed by no word for an organisation', release('Acme is a small town in the hills north of Leeds, with a church, two pubs and a station.')],
    ['a name from the middle of a title of three parts (a section)', ['Acme opens a new plant in Leeds | Acme | Daily News', PROSE_A, PROSE_B, PROFILE].join('\n\n')],
    ['a first line of more than three parts (a menu)', ['Home | News | Sport | Acme', PROSE_A, PROSE_B, PROFILE].join('\n\n')],
    ['a name longer than a site name', release().replace(TITLE, 'Acme opens a new plant in Leeds to build pumps for the North Sea fields | Acme Pumps and Valves Group of Companies Ltd') + `\n\nAcme Pumps and Valves Group of Companies Ltd is a global provider of pumps.`],
    ['a first line too long to be a title (a page on one line)', [`${'A long line of words '.repeat(120)}| Acme`, PROSE_A, PROSE_B, PROFILE].join('\n\n')],
    ['a person named first in the title', ['Keir Starmer | The Guardian', PROSE_A, PROSE_B, PROSE_A, PROSE_B, 'Keir Starmer is the leader of the Labour Party and has led it since April 2020.'].join('\n\n')],
    ['a word for an organisation too far after "is a"', release('Acme is a name that people in the valley have known for more than a century as a company.')],
    ['a name in lower case', release().replace(TITLE, 'Acme opens a new plant in Leeds | acme') + '\n\nacme is a global provider of industrial pumps and valves.'],
  ])('does not fire on %s', (_, text) => {
    expect(flagged(organisationProfile, text)).toEqual([]);
  });

  it('does not take a photographer credited under a picture for an organisation', () => {
    const page = measuredPage(['A life behind the lens', PROSE_A, PROSE_B, '© Maria Lopez', 'Maria Lopez is a documentary photographer who has worked in forty countries.'].join('\n\n'));
    page.findings = page.blocks.map(() => []);
    for (const f of metadataLines.find(page)) page.findings[f.block]!.push({ ...f, rule: metadataLines.id });
    expect(organisationProfile.find(page)).toEqual([]);
  });
});
