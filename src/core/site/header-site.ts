// Which site a text dump says it is from. Crawlers often put the page's URL in a line at the top
// ("url: https://www.example.com/news/1"); that host names the site better than the folder the dump
// was saved in, and the same way on every machine, so cross-page evidence counts and looks up a page
// under it when it is there. JSON Lines records name theirs in a field (--id-field) instead.
import { LowerCasePattern } from '../rules/lower-case-pattern.js';

/** A crawler's URL line ("url: https://…"); it names the site. Only near the top, where crawlers put it. */
export const URL_LINE = new LowerCasePattern(String.raw`^(?:url|source|link|canonical)\s*[:=]?\s*(https?:\/\/[^\s/]+)\S*$`);
/** The URL line is looked for among this many first non-blank lines. */
export const URL_LINE_MAX_BLOCK = 3;

/** The site of a URL: its host in lower case, without "www."; undefined when `url` is not a URL with a host. */
export function siteOfUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === '' ? undefined : host.replace(/^www\./u, '');
  } catch {
    return undefined;
  }
}

/** The site named by a URL line among the first non-blank lines of `text`, or undefined. */
export function siteOfHeader(text: string): string | undefined {
  let start = 0;
  for (let block = 0; block < URL_LINE_MAX_BLOCK && start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    block++;
    // Cheap first: most dumps start with a headline, not a URL line.
    if (!line.includes('://')) continue;
    const match = URL_LINE.exec(line.replace(/\s+/gu, ' '));
    if (match) return siteOfUrl(match[1]);
  }
  return undefined;
}
