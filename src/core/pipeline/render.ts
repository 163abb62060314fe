// Writes the kept blocks as the body: lines of one input paragraph stay together, paragraphs are
// separated by one blank line (the convention of the benchmark and of trafilatura). The pieces of a
// run-on line (pipeline/run-on-lines.ts) that are kept one after another are joined again with a space,
// as they were in the line; where a piece between them was dropped, the next kept piece starts a new
// paragraph.
import type { Page } from '../types.js';

export function render(page: Page): string {
  const { blocks, decisions } = page;
  const paragraphs: string[][] = [];
  let lastKept = -1;
  blocks.forEach((block, i) => {
    if (!decisions[i]!.kept) return;
    const previous = lastKept >= 0 ? blocks[lastKept] : undefined;
    const lines = paragraphs.at(-1);
    if (lines && previous?.line === block.line && lastKept === i - 1) lines[lines.length - 1] += ` ${block.text}`;
    else if (lines && previous?.line !== block.line && previous?.paragraph === block.paragraph) lines.push(block.text);
    else paragraphs.push([block.text]);
    lastKept = i;
  });
  return paragraphs.map((lines) => lines.join('\n')).join('\n\n');
}
