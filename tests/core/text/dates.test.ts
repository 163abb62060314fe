import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/core/text/dates.js';

describe('parseDate', () => {
  it.each([
    ['Posted October 19, 2024 11:51 am.', '2024-10-19'],
    ['19 Oct 2024', '2024-10-19'],
    ['2024-10-19T10:00:00Z', '2024-10-19'],
    ['Veröffentlicht am 12. März 2024', '2024-03-12'],
    ['publié le 3 février 2023', '2023-02-03'],
    ['12 de marzo de 2024', '2024-03-12'],
    ['19.10.2024', '2024-10-19'],
    ['10/19/2024', '2024-10-19'],
    ['19/10/2024', '2024-10-19'],
    ['2024年10月19日', '2024-10-19'],
  ])('reads %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['no date here', 'Version 2.0.1', '45/67/2024'])('finds nothing in %s', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});
