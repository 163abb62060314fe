// The first pass of cross-page evidence over a few files: which lines each page carries, added up per
// site. Like clean-task.ts it runs in this thread or in a pool worker; a file that cannot be read or is
// not text is left out, and its problem handed back (counts build reports it; a cleaning batch ignores
// it, since its cleaning pass fails and reports the same file). A page whose top names
// its URL is counted under that site (core/site/header-site.ts), and the batch is told so, since the
// cleaning pass hands each page its site's counts.
import { addPage, type CountsBySite } from '../core/site/fingerprints.js';
import { siteOfHeader } from '../core/site/header-site.js';
import { turnOfTheEventLoop } from './clean-task.js';
import { readInput, refuseManyLines } from './clean-file.js';
import { decodeInput } from './decode.js';
import { describeError } from './errors.js';
import { toPlain, type PlainCounts } from './site.js';
import { stopBeforeNext } from './stop.js';

export interface CountTask {
  /**
   * `site`: the page's folder, its site unless the page names another. `skip`: not read, because it is a
   * pipe (InputFile.readOnce) that the cleaning pass after this one must read.
   */
  items: { input: string; site: string; skip?: true }[];
  /**
   * Read as the cleaning pass reads: --encoding, and no file over --max-size or --max-lines.
   * `leaveReadOnce`: a cleaning pass follows, so pipes are skipped (counted, a pipe would be empty then).
   * `disabledRules`: the cleaning pass's, so that a page is counted as read with the same steps.
   */
  read: { encoding?: string; maxSize: number; maxLines: number; leaveReadOnce?: boolean; disabledRules?: string[] };
  /** The batch's stop flag (stop.ts): raised, the files not yet counted are left. */
  stop?: Int32Array;
}

export interface CountResult {
  counts: PlainCounts;
  /** [position in the task's items, site] of the pages that name their site in a URL line. */
  headerSites: [number, string][];
  /** [position in the task's items, problem] of the files that could not be counted. */
  failures: [number, string][];
}

export async function countTask(task: CountTask): Promise<CountResult> {
  await turnOfTheEventLoop();
  const headerSites: [number, string][] = [];
  const failures: [number, string][] = [];
  const counts = await countPages(task, new Map(), headerSites, failures);
  return { counts: toPlain(counts), headerSites, failures };
}

/**
 * Adds the pages of the task to `counts` (the batch's own counts when there is no pool to hand them
 * to), to `headerSites` the pages whose site is named in their text, and to `failures` the files that
 * could not be counted. Stopped (task.stop), it leaves the rest: the counts of a stopped run are not used.
 */
export async function countPages(task: CountTask, counts: CountsBySite, headerSites: [number, string][], failures: [number, string][]): Promise<CountsBySite> {
  for (const [k, item] of task.items.entries()) {
    if (await stopBeforeNext(task.stop)) break;
    if (item.skip) continue;
    let text: string;
    try {
      text = decodeInput(readInput(item.input, task.read.maxSize), { encoding: task.read.encoding });
      refuseManyLines(text, task.read.maxLines);
    } catch (error) {
      failures.push([k, describeError(error)]);
      continue;
    }
    const named = siteOfHeader(text);
    if (named !== undefined) headerSites.push([k, named]);
    addPage(counts, named ?? item.site, text, task.read.disabledRules);
  }
  return counts;
}
