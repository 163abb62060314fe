// Writes the kept blocks as the body: lines of one input paragraph stay together, paragraphs are
// separated by one blank line (the convention of the benchmark and of trafilatura).
import type { Page } from '../types.js';

export function render(page: Page): string {
  const paragraphs: string[][] = [];
  let lastParagraph = -1;
  page.blocks.forEach((block, i) => {
    if (!page.decisions[i]!.kept) return;
    if (block.paragraph !== lastParagraph) paragraphs.push([]);
    paragraphs[paragraphs.length - 1]!.push(block.text);
    lastParagraph = block.paragraph;
  });
  return paragraphs.map((lines) => lines.join('\n')).join('\n\n');
}
