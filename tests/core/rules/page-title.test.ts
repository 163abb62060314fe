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
});
