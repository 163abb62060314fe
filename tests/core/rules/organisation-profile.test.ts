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

  it.each([
    ['a page about the organisation itself, where the profile opens the text', [TITLE, PROFILE, PROSE_A, PROSE_B].join('\n\n')],
    ['the same page below its menu: menu items are not prose', [TITLE, 'Home\nProducts\nAbout us\nContact', PROFILE, PROSE_A].join('\n\n')],
    ['a release that opens with the name in apposition', release('Acme, a global provider of industrial pumps, announced on Monday that it would build a plant.')],
    ['another organisation described below the article', release('Globex is a global provider of industrial pumps and valves, with customers in many countries.')],
    ['a longer word that starts with the name', release('Acmeco is a global provider of industrial pumps and valves, with customers in many countries.')],
    ['a page whose title has no site name', ['Acme opens a new plant in Leeds', PROSE_A, PROSE_B, PROFILE].join('\n\n')],
  ])('does not fire on %s', (_, text) => {
    expect(flagged(organisationProfile, text)).toEqual([]);
  });
});
