// interleaved-repeat — Finds the lines that the neighbour pass (revise-by-neighbours.ts) looks past. A line
// printed four times or more, with article prose between at least three pairs of its copies, is a label the
// article's own layout repeats: the same caption or credit under every photo of a photo story ("Festival
// performance, photo by the theater team"), a gallery's caption printed again under each of its images.
// repeated-lines rightly drops it, but as a neighbour it is no evidence that the page has left the article:
// the short lines beside it ("The crowd was already waiting!") are the article's text between two photos,
// and jusText's rule, which reads them from their nearest decided neighbours, dropped them as lines among
// boilerplate. Navigation printed for two layouts, a menu repeated in the footer and a headline printed as
// heading and link have no prose between their copies, or between one pair only (the article between
// header and footer), and a list of related links printed in the article, beside it and below it has prose
// between two pairs; those stay neighbours as before. Only lines that nothing but repeated-lines claimed are
// looked past (and never one that repeats the page title): what another rule recognised (a share bar, a
// "Related:" link, a credit line) still ends the article. The lines themselves stay dropped.
import type { BlockClass, Page } from '../types.js';

/**
 * Gaps between consecutive copies that must hold prose (so four copies at least): one is just the article
 * between a header and a footer; two, a list of related links printed in the article, beside it and below it.
 */
const MIN_GAPS_WITH_PROSE = 3;

/**
 * The blocks that are copies of an interleaved repeat (see above), given the content classes of the first
 * pass; undefined when there are none, as on most pages. The few blocks that only repeated-lines claimed are
 * grouped by their text, and only a group with enough copies is read further.
 */
export function findInterleavedRepeats(page: Page, classes: readonly BlockClass[]): Set<number> | undefined {
  const { blocks, findings } = page;
  // Grouped by the hash of the words, as repeated-lines compares them (a Map of strings cost ten times more).
  const groups = new Map<number, number[]>();
  for (let i = 0; i < blocks.length; i++) {
    if (!onlyRepeated(findings[i]!)) continue;
    const key = blocks[i]!.wordsHash;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  let result: Set<number> | undefined;
  for (const copies of groups.values()) {
    if (copies.length <= MIN_GAPS_WITH_PROSE) continue;
    // Two lines whose hashes collide are no copies: such a group is passed over.
    const text = blocks[copies[0]!]!.lower;
    if (copies.some((i) => blocks[i]!.lower !== text)) continue;
    let gapsWithProse = 0;
    for (let k = 1; k < copies.length; k++) if (holdsProse(classes, copies[k - 1]! + 1, copies[k]!)) gapsWithProse++;
    if (gapsWithProse < MIN_GAPS_WITH_PROSE) continue;
    result ??= new Set();
    for (const i of copies) result.add(i);
  }
  return result;
}

/** Claimed by repeated-lines alone, and not as a copy of the page title. */
function onlyRepeated(findings: Page['findings'][number]): boolean {
  if (findings.length === 0) return false;
  for (let k = 0; k < findings.length; k++) if (findings[k]!.rule !== 'repeated-lines' || findings[k]!.repeatsTitle) return false;
  return true;
}

function holdsProse(classes: readonly BlockClass[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (classes[i] === 'good') return true;
  return false;
}
