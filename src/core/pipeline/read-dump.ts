// The steps that rewrite a page's text before it is split into blocks, in order: a Markdown page's links
// read as their text, a text browser's marks for images, frames and fields taken out, a wrapped page's
// lines joined, and then the links that the wrapping had cut in two.
// strip() runs them on its page, and the cross-page counts on every page they count (site/fingerprints.ts),
// so that both see the same lines. A batch's own counting pass switches off the steps its cleaning pass
// does; `counts build` takes no --disable-rule, and reads every page with both steps on.
import type { Page } from '../types.js';
import { BROWSER_MARKS_ID, hideBrowserMarks } from './hide-browser-marks.js';
import { MARKDOWN_LINKS_ID, readJoinedMarkdownLinks, readMarkdownLinks } from './read-markdown-links.js';
import { unwrapHardWrappedLines, UNWRAP_ID } from './unwrap-hard-wrapped-lines.js';

export function readDump(page: Page, disabledRules: readonly string[] = [], keeps?: (line: string) => boolean): void {
  if (!disabledRules.includes(MARKDOWN_LINKS_ID)) readMarkdownLinks(page);
  if (!disabledRules.includes(BROWSER_MARKS_ID)) hideBrowserMarks(page, keeps);
  const hidden = page.lineMap?.hidden;
  if (!disabledRules.includes(UNWRAP_ID)) {
    unwrapHardWrappedLines(page);
    readJoinedMarkdownLinks(page);
  }
  // The unwrap step maps its lines onto the input's anew: the marks stay out of the output.
  if (hidden !== undefined && page.lineMap !== undefined) page.lineMap.hidden = hidden;
}
