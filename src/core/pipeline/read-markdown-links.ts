// markdown-links — Some converters write a page as Markdown (html2text's default output, and the crawlers
// that feed language models): a link is "[its text](its address)", an image "![its description](its
// address)", emphasis "**…**" or "__…__", a heading "## …". The addresses are no one's words, yet the rules
// and the classifier counted them: a menu line ("* [Pop](https://example.com/pop)") read as a line of
// several odd words, and a paragraph with links in it as one poor in stop words. On the aeb dev pages
// converted so, boilerstrip scored F1 0.55. A page that writes links so (MIN_LINKS of them) is read with
// each link as its text, each image as nothing, and the marks of emphasis and headings left out, line for
// line; the output keeps the input's lines (render.ts). A link the converter wrapped over two lines is read
// once the unwrap step has joined them (readJoinedMarkdownLinks).
import type { Page } from '../types.js';
import { LINE_BREAK } from './split-blocks.js';

/** The step's id, as --disable-rule takes it (catalogue.ts). */
export const MARKDOWN_LINKS_ID = 'markdown-links';

/** Markdown links a page must hold to be read as Markdown: a dump of one HTML block a line has none. */
const MIN_LINKS = 5;
/** A link's address: absolute, from the site's root, an anchor, a relative path or mail; an optional title. */
const ADDRESS = String.raw`\((?:https?:|\/|#|\.|mailto:)[^()\s]*(?:\s+"[^"\n]*")?\)`;
const LINK = new RegExp(String.raw`\[([^[\]\n]*)\]${ADDRESS}`, 'gu');
const IMAGE = new RegExp(String.raw`!\[[^[\]\n]*\]${ADDRESS}`, 'gu');
const EMPHASIS = /\*\*|__/gu;
const HEADING = /^(\s*)#{1,6}\s+/u;

/** Reads a Markdown page as its text (see above): `page.source` becomes that text, `page.lineMap` maps its lines to the input's, one to one. */
export function readMarkdownLinks(page: Page): void {
  const text = markdownAsText(page.source);
  if (text === undefined) return;
  const inputLines = page.source.split(LINE_BREAK);
  page.source = text;
  page.lineMap = { inputLines, firstLines: Int32Array.from(inputLines, (_, i) => i), lineForLine: true };
  page.markdown = true;
}

/**
 * Reads the links of the lines the unwrap step joined (unwrap-hard-wrapped-lines.ts): a link whose text
 * the converter wrapped over two lines is whole only then. The other lines were read already, and are left.
 */
export function readJoinedMarkdownLinks(page: Page): void {
  const map = page.lineMap;
  if (!page.markdown || map === undefined || map.lineForLine || !page.source.includes('](')) return;
  const lines = page.source.split('\n');
  page.source = lines
    .map((line, i) => {
      const next = i + 1 < map.firstLines.length ? map.firstLines[i + 1]! : map.inputLines.length;
      return next - map.firstLines[i]! > 1 ? readLine(line) : line;
    })
    .join('\n');
}

/** The page with its links, images and marks read as text, line for line; undefined when it is not Markdown. */
export function markdownAsText(source: string): string | undefined {
  if (!source.includes('](') || !hasLinks(source, MIN_LINKS)) return undefined;
  return source.split(LINE_BREAK).map(readLine).join('\n');
}

/** One line with its links, images and marks read as text. */
function readLine(line: string): string {
  if (!line.includes('](') && !line.includes('**') && !line.includes('__') && !line.includes('#')) return line;
  // Images first: a linked image, "[![logo](…) Site](/)", is a link whose text holds an image.
  return line.replace(IMAGE, '').replace(LINK, '$1').replace(EMPHASIS, '').replace(HEADING, '$1');
}

/** Whether `source` holds at least `count` Markdown links (stops counting there). */
function hasLinks(source: string, count: number): boolean {
  const links = new RegExp(LINK.source, 'gu');
  let found = 0;
  while (found < count && links.exec(source) !== null) found++;
  return found >= count;
}

