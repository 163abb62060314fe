// markdown-links — Some converters write a page as Markdown (html2text's default output, and the crawlers
// that feed language models): a link is "[its text](its address)", an image "![its description](its
// address)", emphasis "**…**", "_…_", a heading "## …", a quote "> …", a table "a | b" over "---|---".
// The addresses and marks are no one's words, yet the rules and the classifier counted them: a menu line
// ("* [Pop](https://example.com/pop)") read as a line of several odd words, and a paragraph with links in
// it as one poor in stop words. On the aeb dev pages converted so, boilerstrip scored F1 0.55. A page that
// writes links so (MIN_LINKS of them) is read with each link as its text, each image as nothing, the marks
// of emphasis, headings and quotes left out and a table's rows as their cells' words, line for line; the
// output keeps the input's lines (render.ts). A converter that wraps its lines (html2text at 78 columns)
// breaks a link's text between words and its address after a hyphen, over as many lines as it takes, and
// writes a link around a block (a teaser's heading and summary) with blank lines in it: such a link is read
// where it stands, its text on the lines it was printed on, its address left out, and the lines that start
// within an address are marked (LineMap.inAddress): they hold no one's words, their width is an address's
// and not the page's, and the unwrap step reads them so. A list item's bullet left alone on its line by a
// link whose text starts on the next is no line of text either, and is read as blank. How much of each
// line is the text of links is counted (LineMap.linkChars), which the content classifier reads as jusText
// reads link density (classify-by-content.ts).
import type { Block, Page } from '../types.js';
import { textChars } from './run-on-lines.js';
import { LINE_BREAK } from './split-blocks.js';

/** The step's id, as --disable-rule takes it (catalogue.ts). */
export const MARKDOWN_LINKS_ID = 'markdown-links';

/** Markdown links a page must hold to be read as Markdown: a dump of one HTML block a line has none. */
const MIN_LINKS = 5;
/**
 * A link's address: absolute, from the site's root, an anchor, a relative path, mail or data (an image
 * written into the page), brackets in it escaped ("\(", as html2text writes them); an optional title.
 */
const ADDRESS = String.raw`\((?:https?:|\/|#|\.|mailto:|data:)(?:[^()\s\\]|\\.)*(?:\s+"[^"\n]*")?\)`;
const LINK = new RegExp(String.raw`\[([^[\]\n]*)\]${ADDRESS}`, 'gu');
const IMAGE = new RegExp(String.raw`!\[[^[\]\n]*\]${ADDRESS}`, 'gu');
/**
 * The same over several lines: the text broken between words or around a block, the address after a
 * hyphen (in a quote, the next line goes on after its "> "), the title between words. Group 1 is the text, group 2 the address with its title.
 */
const WRAPPED_TEXT = String.raw`[^[\]]*`;
const WRAPPED_ADDRESS = String.raw`(\((?:https?:|\/|#|\.|mailto:|data:)(?:[^()\s\\]|\\.|-\n(?:(?:[ \t]*>)+[ \t]?)?)*(?:\s+"[^"]*")?\))`;
const WRAPPED_LINK = new RegExp(String.raw`\[(${WRAPPED_TEXT})\]${WRAPPED_ADDRESS}`, 'gu');
const WRAPPED_IMAGE = new RegExp(String.raw`!\[(${WRAPPED_TEXT})\]${WRAPPED_ADDRESS}`, 'gu');
/**
 * Marks of emphasis: doubled anywhere, single ones ("_word_", "*word*") where they open a word or close one,
 * not inside a word ("snake_case") nor before a space (a list's bullet, a row of "*   *   *").
 */
const EMPHASIS = /\*\*|__|[_*]/gu;
/** What a single mark of emphasis may not have on the side of its word: a letter or digit (it is inside a word). */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const HEADING = /^(\s*)#{1,6}\s+/u;
/** A quote's marks at a line's start ("> > "): the text is what follows them. */
const QUOTE = /^[ \t]*(?:>[ \t]?)+/u;
/** What marks a link's text while the page is read (noncharacters, which no text holds): see readMarkdown. */
const LINK_START = '\uFDD0';
const LINK_END = '\uFDD1';
const LINK_START_CODE = 0xfdd0;
const LINK_END_CODE = 0xfdd1;
const LINK_TEXT = `${LINK_START}$1${LINK_END}`;
const LINK_MARKS = /[\uFDD0\uFDD1]/gu;
/** A Markdown table's row of dashes under its header, with or without bars at its ends, and the bars between a row's cells. */
const TABLE_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/u;
const CELL_BARS = /\s*\|\s*/gu;
/** A list item's bullet with nothing after it: an item whose link's text starts on the next line. */
const BULLET_ONLY = /^\s*[*+-]\s*$/u;

/** Reads a Markdown page as its text (see above): `page.source` becomes that text, `page.lineMap` maps its lines to the input's, one to one. */
export function readMarkdownLinks(page: Page): void {
  const read = readMarkdown(page.source);
  if (read === undefined) return;
  const inputLines = page.source.split(LINE_BREAK);
  page.source = read.text;
  page.lineMap = {
    inputLines,
    firstLines: Int32Array.from(inputLines, (_, i) => i),
    lineForLine: true,
    inAddress: read.inAddress,
    textChars: read.textChars,
    linkChars: read.linkChars,
  };
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
  return readMarkdown(source)?.text;
}

/** The page read as text (see markdownAsText), and which of its lines start within a link's address. */
function readMarkdown(source: string): ReadMarkdown | undefined {
  if (!source.includes('](') || !hasLinks(source, MIN_LINKS)) return undefined;
  const read = readWrappedLinks(source.split(LINE_BREAK).join('\n'));
  const lines = read.text.split('\n').map(readLine);
  const lineChars = new Uint32Array(lines.length);
  const linkChars = new Uint32Array(lines.length);
  // The links' texts were read between LINK_START and LINK_END: each line's characters, and those of link
  // text among them, are counted (a link's text may run over lines), and the marks taken out.
  let inLink = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (!inLink && !line.includes(LINK_START)) {
      lineChars[k] = textChars(line);
      continue;
    }
    let from = 0;
    for (let at = 0; at <= line.length; at++) {
      const code = at < line.length ? line.charCodeAt(at) : -1;
      if (code !== LINK_START_CODE && code !== LINK_END_CODE && code !== -1) continue;
      const chars = textChars(line, from, at);
      lineChars[k]! += chars;
      if (inLink) linkChars[k]! += chars;
      if (code !== -1) inLink = code === LINK_START_CODE;
      from = at + 1;
    }
    lines[k] = line.replace(LINK_MARKS, '');
  }
  const text = readTables(lines.map((line) => (BULLET_ONLY.test(line) ? '' : line))).join('\n');
  return { text, inAddress: read.inAddress, textChars: lineChars, linkChars };
}

/** A Markdown page read as text, line for line, with what LineMap keeps of how its lines were written. */
interface ReadMarkdown {
  text: string;
  inAddress: Uint8Array;
  textChars: Uint32Array;
  linkChars: Uint32Array;
}

/**
 * The share of a block's characters that are the text of links, on a page read as Markdown (0 on any
 * other page): the block's input lines' counts (readMarkdown).
 */
export function linkTextShare(page: Page, block: Block): number {
  const map = page.lineMap;
  if (map?.linkChars === undefined || map.textChars === undefined) return 0;
  let link = 0;
  let text = 0;
  for (let k = block.line - 1; k < block.lastLine; k++) {
    link += map.linkChars[k]!;
    text += map.textChars[k]!;
  }
  return text > 0 ? link / text : 0;
}

/**
 * The rows of a Markdown table ("Pos | Player | Plays" over "---|---|---") read as their cells' words, as a
 * dump of the page's HTML prints them: the bars between the cells are no one's words, and a line with a
 * few short words between bars reads as a breadcrumb trail. The row of dashes under the header is read as
 * blank. A table runs from its header to the next blank line (a converter that wraps lines wraps long rows).
 */
function readTables(lines: string[]): string[] {
  for (let k = 1; k < lines.length; k++) {
    if (!TABLE_DELIMITER.test(lines[k]!) || !lines[k - 1]!.includes('|')) continue;
    lines[k] = '';
    lines[k - 1] = readRow(lines[k - 1]!);
    for (k++; k < lines.length && lines[k]!.trim() !== ''; k++) if (lines[k]!.includes('|')) lines[k] = readRow(lines[k]!);
  }
  return lines;
}

/** A table row's cells, with single spaces between them. */
function readRow(row: string): string {
  return row.replace(CELL_BARS, ' ').trim();
}

/**
 * The links and images that run over several lines read as their text, line for line: a link's text stays
 * on its lines, an image's lines are left empty, and so is an address's but for what follows it on its
 * last line. The lines that start within an address are marked in `inAddress`.
 */
function readWrappedLinks(source: string): { text: string; inAddress: Uint8Array } {
  const inAddress = new Uint8Array(countLines(source));
  // Images first: a linked image is a link whose text holds an image. Each pass leaves the lines where they were.
  let text = source;
  for (const [pattern, image] of [[WRAPPED_IMAGE, true], [WRAPPED_LINK, false]] as const) {
    const from = text;
    // The line of `from` at offset `at`, counted on from the last match's.
    let at = 0;
    let line = 0;
    text = from.replace(pattern, (match: string, linkText: string, address: string, offset: number) => {
      if (!image && !match.includes('\n')) return match;
      const breaks = countLines(address) - 1;
      const addressAt = offset + match.length - address.length;
      line += countLines(from.slice(at, addressAt)) - 1;
      at = addressAt;
      for (let k = 1; k <= breaks; k++) inAddress[line + k] = 1;
      return image ? '\n'.repeat(countLines(match) - 1) : LINK_START + linkText + LINK_END + '\n'.repeat(breaks);
    });
  }
  return { text, inAddress };
}

/** How many lines `text` holds: its line breaks, and one. */
function countLines(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** One line with its links, images and marks read as text. */
function readLine(line: string): string {
  if (!line.includes('](') && !line.includes('*') && !line.includes('_') && !line.includes('#') && !line.includes('>')) return line;
  // Images first: a linked image, "[![logo](…) Site](/)", is a link whose text holds an image.
  return line.replace(QUOTE, '').replace(IMAGE, '').replace(EMPHASIS, readEmphasis).replace(LINK, LINK_TEXT).replace(HEADING, '$1');
}

/**
 * A mark of emphasis read as nothing, for String.replace: a doubled one, and a single one that opens a word
 * (after neither a word's character nor a mark, before neither a space nor a mark) or closes one (the other
 * way round). A single mark is matched alone, its neighbours looked at here: a pattern that looked behind
 * for them at every position of every line was most of the time it took to read a page.
 */
function readEmphasis(mark: string, at: number, line: string): string {
  if (mark.length === 2) return '';
  const before = at > 0 ? line[at - 1]! : ' ';
  const after = at + 1 < line.length ? line[at + 1]! : ' ';
  const isMark = (c: string) => c === '_' || c === '*' || c === '\\';
  const opens = !isMark(before) && !WORD_CHAR.test(before) && after.trim() !== '' && after !== '_' && after !== '*';
  const closes = !isMark(before) && before.trim() !== '' && after !== '_' && after !== '*' && !WORD_CHAR.test(after);
  return opens || closes ? '' : mark;
}

/** Whether `source` holds at least `count` Markdown links (stops counting there). */
function hasLinks(source: string, count: number): boolean {
  const links = new RegExp(LINK.source, 'gu');
  let found = 0;
  while (found < count && links.exec(source) !== null) found++;
  return found >= count;
}

