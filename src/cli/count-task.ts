// The first pass of cross-page evidence over a few files: which lines each page carries, added up per
// site. Like clean-task.ts it runs in this thread or in a pool worker; a file that cannot be read is
// left out here (the cleaning pass reports it), and binary files are not counted.
import { readFileSync } from 'node:fs';
import { addPage, type CountsBySite } from '../core/site/fingerprints.js';
import { turnOfTheEventLoop } from './clean-task.js';
import { decodeInput } from './decode.js';
import { toPlain, type PlainCounts } from './site.js';

export interface CountTask {
  items: { input: string; site: string }[];
}

export async function countTask(task: CountTask): Promise<PlainCounts> {
  await turnOfTheEventLoop();
  return toPlain(countPages(task.items, new Map()));
}

/** Adds the pages of `items` to `counts` (the batch's own counts when there is no pool to hand them to). */
export function countPages(items: CountTask['items'], counts: CountsBySite): CountsBySite {
  for (const item of items) {
    let text: string;
    try {
      text = decodeInput(readFileSync(item.input));
    } catch {
      continue;
    }
    addPage(counts, item.site, text);
  }
  return counts;
}
