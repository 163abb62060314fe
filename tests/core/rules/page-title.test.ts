import { describe, expect, it } from 'vitest';
import { PageTitle } from '../../../src/core/rules/page-title.js';
import { measuredPage } from '../../helpers/page.js';

describe('PageTitle', () => {
  it('keys a title without a separator by its normalised text alone', () => {
    const title = new PageTitle(measuredPage('Rail Strike Called Off After Late Talks\n\nBody text.'));
    expect([...title.keys]).toEqual(['rail strike called off after late talks']);
  });

  it('keys a title with separators by the whole and each long enough part', () => {
    const title = new PageTitle(measuredPage('Rail Strike Called Off After Late Talks | The Example Herald\n\nBody text.'));
    expect([...title.keys]).toEqual(['rail strike called off after late talks the example herald', 'rail strike called off after late talks', 'the example herald']);
  });

  it('takes the longest part for the headline, and in a title of three parts also the first', () => {
    const headline = (title: string, line: string) => {
      const page = measuredPage(`${title}\n\n${line}\n\nBody text.`);
      return new PageTitle(page).isHeadline(page, 1);
    };
    // The site's name is longer than the headline here: only its place says which part is which.
    expect(headline('About the Weekly Blog - Weekly Blog - The Example Herald Online', 'About the Weekly Blog')).toBe(true);
    // Two parts: the longest alone.
    expect(headline('About the Weekly Blog - The Example Herald Online', 'About the Weekly Blog')).toBe(false);
    expect(headline('Rail Strike Called Off After Late Talks | The Example Herald', 'Rail Strike Called Off After Late Talks')).toBe(true);
  });
});
