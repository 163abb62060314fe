import { describe, expect, it } from 'vitest';
import { mayStartOpener, OPENERS } from '../../../src/core/rules/section-headings.js';

describe('section-headings', () => {
  // mayStartOpener is a quick look before OPENERS.test: it must say yes to every heading the list knows.
  it.each([
    'Top Stories', "DON'T MISS", 'Editor’s Picks', 'Related articles', 'Most read in World', 'Lesen Sie auch', 'À lire aussi', 'Te puede interesar',
    'También te puede interesar', 'Noticias relacionadas', 'Ti potrebbe interessarti', 'I più letti', 'Sponsored Content', 'Ähnliche Artikel', 'Читайте также', '関連記事', '相关文章',
  ])('lets "%s" through to the whole test, which knows it', (heading) => {
    expect(mayStartOpener(heading, 0)).toBe(true);
    expect(OPENERS.test(heading.toLowerCase())).toBe(true);
  });

  it.each(['Zebra crossings', 'Bridge repairs start', 'Quietly', 'Über uns'])('stops "%s" at the first two characters', (text) => {
    expect(mayStartOpener(text, 0)).toBe(false);
  });

  it('reads the two characters at the offset it is given', () => {
    expect(mayStartOpener('xx Top', 3)).toBe(true);
    expect(mayStartOpener('Top xx', 3)).toBe(false);
  });
});
