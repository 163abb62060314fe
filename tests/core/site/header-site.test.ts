import { describe, expect, it } from 'vitest';
import { siteOfHeader, siteOfUrl } from '../../../src/core/site/header-site.js';

describe('the site a page names at its top', () => {
  it.each([
    ['a url line', 'url: https://www.News.Example/world/1\n\nHeadline', 'news.example'],
    ['a source line with "=" and no www', 'Source = http://blog.example.org/post?id=4\nHeadline', 'blog.example.org'],
    ['a canonical line after a headline and a blank line', 'Headline\n\n  canonical https://shop.example/item  \nText', 'shop.example'],
    ['a link line as the third non-blank line', 'One\n\n\nTwo\nlink: https://third.example/\nFour', 'third.example'],
    ['lines that end in \\r alone', 'Headline\rurl: https://cr.example/1\rText', 'cr.example'],
    ['a host with a final dot', 'url: https://www.news.example./a', 'news.example'],
  ])('reads %s', (_, text, site) => {
    expect(siteOfHeader(text)).toBe(site);
  });

  it.each([
    ['a url line as the fourth non-blank line', 'One\nTwo\nThree\nurl: https://late.example/'],
    ['a sentence that mentions a URL', 'Read more at https://news.example/ today.\nText'],
    ['a URL without a host', 'url: https://[oops/\nText'],
    ['a host that is only "www."', 'url: https://www./\nText'],
    ['a URL with a bad port', 'url: https://a.example:abc/\nText'],
    ['a url line after a first line too long to be one', `${'x'.repeat(3000)}\nTwo\nThree\nurl: https://late.example/`],
    ['a page without a URL line', 'Headline\n\nA paragraph of text.'],
    ['an empty page', ''],
  ])('reads nothing from %s', (_, text) => {
    expect(siteOfHeader(text)).toBeUndefined();
  });

  it('names a site by its host in lower case, without www., as JSON Lines records are', () => {
    expect(siteOfUrl('https://WWW.Example.COM:8080/a')).toBe('example.com');
    expect(siteOfUrl('not a url')).toBeUndefined();
    expect(siteOfUrl(42)).toBeUndefined();
  });
});
