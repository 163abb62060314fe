// Writes the kept blocks as the body: lines of one input paragraph stay together, paragraphs are
// separated by one blank line (the convention of the benchmark and of trafilatura). The pieces of a
// run-on line (pipeline/run-on-lines.ts) that are kept one after another are joined again with a space,
// as they were in the line; where a piece between them was dropped, the next kept piece starts a new
// paragraph. On a page whose text was rewritten for the rules (a Markdown page's links read as their text,
// a wrapped page's lines joined: page.lineMap), a block is written as the input's lines it holds: the clean
// text keeps the page's own lines, links and wrapping, and a diff shows only what was dropped.
import type { Block, Page } from '../types.js';
import { collapseWhitespace } from './split-blocks.js';

export function render(page: Page): string {
  const { blocks, decisions } = page;
  const paragraphs: string[][] = [];
  let lastKept = -1;
  blocks.forEach((block, i) => {
    if (!decisions[i]!.kept) return;
    const previous = lastKept >= 0 ? blocks[lastKept] : undefined;
    const lines = paragraphs.at(-1);
    const text = textOf(page, block);
    if (lines && previous?.line === block.line && lastKept === i - 1) lines[lines.length - 1] += ` ${text}`;
    else if (lines && previous?.line !== block.line && previous?.paragraph === block.paragraph) lines.push(text);
    else paragraphs.push([text]);
    lastKept = i;
  });
  return paragraphs.map((lines) => lines.join('\n')).join('\n\n');
}

/** The block as the input wrote it: the input lines it holds (a Markdown line with its links, a wrapped paragraph's lines). */
function textOf(page: Page, block: Block): string {
  if (block.runOnPiece || page.lineMap === undefined) return block.text;
  const { inputLines, hidden } = page.lineMap;
  const lines = inputLines.slice(block.line - 1, block.lastLine);
  // A text browser's marks that the block's range takes in (hide-browser-marks.ts) are not printed.
  const shown = hidden === undefined ? lines : lines.filter((_, k) => !hidden.has(block.line - 1 + k));
  return shown.map(collapseWhitespace).join('\n');
}
