// Which site a text dump says it is from. Crawlers often put the page's URL in a line at the top
// ("url: https://www.example.com/news/1"); that host names the site better than the folder the dump
// was saved in, and the same way on every machine, so cross-page evidence counts and looks up a page
// under it when it is there. JSON Lines records name theirs in a field (--id-field) instead.
import { collapseWhitespace } from '../pipeline/split-blocks.js';
import { LowerCasePattern } from '../rules/lower-case-pattern.js';

/**
 * A crawler's URL line ("url: https://…"); it names the site. Only near the top, where crawlers put it.
 * The path must start with "/": `[^\s/]+\S*$` backtracked in quadratic time on a long line that ends in a
 * space, and matched nothing more.
 */
export const URL_LINE = new LowerCasePattern(String.raw`^(?:url|source|link|canonical)\s*[:=]?\s*(https?:\/\/[^\s/]+)(?:\/\S*)?$`);
/** The URL line is looked for among this many first non-blank lines. */
export const URL_LINE_MAX_BLOCK = 3;
/** A longer line is not a URL line worth reading (and is not copied to be tried). */
const URL_LINE_MAX_CHARS = 2000;

/** The site of a URL: its host in lower case, without "www."; undefined when `url` is not a URL with a host. */
export function siteOfUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    // "www." and a final dot name the same site; nothing left ("https://www./") is no site.
    const site = new URL(url).hostname.toLowerCase().replace(/^www\./u, '').replace(/\.$/u, '');
    return site === '' ? undefined : site;
  } catch {
    return undefined;
  }
}

/**
 * The site of a page for cross-page evidence: the one it names at its top, else `fallback` (its folder;
 * none for standard input).
 */
export function siteOfPage(text: string, fallback: string | undefined): string | undefined {
  return siteOfHeader(text) ?? fallback;
}

/** The site named by a URL line among the first non-blank lines of `text`, or undefined. */
export function siteOfHeader(text: string): string | undefined {
  let start = 0;
  for (let block = 0; block < URL_LINE_MAX_BLOCK && start < text.length; ) {
    // Lines end at \n, \r\n or \r, as split-blocks cuts them.
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    const long = end - start > URL_LINE_MAX_CHARS;
    // Folded as a block's text is, which is what the metadata-lines rule matches this pattern against.
    const line = long ? '' : collapseWhitespace(text.slice(start, end));
    start = end + 1;
    if (line === '' && !long) continue;
    block++;
    // Cheap first: most dumps start with a headline, not a URL line.
    if (long || !line.includes('://')) continue;
    const match = URL_LINE.exec(line);
    if (match) return siteOfUrl(match[1]);
  }
  return undefined;
}
