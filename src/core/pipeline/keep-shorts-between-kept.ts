// neighbours, second round — Short lines between two kept lines are kept, also when the lines around them
// were kept only after the neighbour pass. That pass (revise-by-neighbours.ts) gives a short line the class
// of the nearest decided lines around it, but the lists and tables the article holds are kept later
// (introduced-list, article-table): at the time, a heading over a table ("Tour Dates"), a line between two
// parts of a list or the list's last item still had boilerplate on one side and was dropped. Run again on the
// final decisions, jusText's rule keeps it: article on both sides. Only lines that were short to the
// classifier (a line a rule claimed never is); a run of them between the same two kept lines is kept whole.
import type { Page } from '../types.js';

export function keepShortsBetweenKept(page: Page, initialClasses: Page['classes']): void {
  const { decisions } = page;
  const isDroppedShort = (i: number) => !decisions[i]!.kept && initialClasses[i] === 'short';
  for (let i = 1; i < decisions.length; i++) {
    if (!isDroppedShort(i) || !decisions[i - 1]!.kept) continue;
    let end = i;
    while (end < decisions.length && isDroppedShort(end)) end++;
    if (end < decisions.length && decisions[end]!.kept) {
      for (let k = i; k < end; k++) decisions[k] = { kept: true, rule: 'neighbours', reason: 'short block between kept lines' };
    }
    i = end;
  }
}
