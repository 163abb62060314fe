import { describe, expect, it } from 'vitest';
import { NamedSites } from '../../src/cli/counts.js';

describe('named sites (the site each file names, by index)', () => {
  it('give back the site set for a file, and none for the files without one', () => {
    const sites = new NamedSites(5);
    sites.set(0, 'news.example');
    sites.set(3, 'blog.example');
    sites.set(4, 'news.example');
    expect([0, 1, 2, 3, 4].map((i) => sites.get(i))).toEqual(['news.example', undefined, undefined, 'blog.example', 'news.example']);
    // A file named twice keeps the last site it was given.
    sites.set(3, 'news.example');
    expect(sites.get(3)).toBe('news.example');
    expect(sites.get(5)).toBeUndefined();
  });
});
