// Which site a page belongs to, for cross-page evidence. A file's site is the host of a URL line at its
// top when it has one (core/site/header-site.ts; only reading the file tells, so the counting pass and
// the workers look), else the folder it sits in, named by its path below the input folder or glob base
// (`crawl/bbc.co.uk/a.txt` given as `crawl` is in site `bbc.co.uk`), or by the folder's own name for
// files directly in it (`/` for the root folder's): names that are the same on every machine, so the
// counts of shards cleaned in different places add up. A JSON Lines record's site is the host of the URL
// in its --id-field.
import path from 'node:path';
import { addLineArrays, type CountsBySite, type LineCounts } from '../core/site/fingerprints.js';
import type { SiteRepeats } from '../core/site/site-repeats.js';
import type { StripOptions } from '../core/types.js';
import type { InputFile } from './inputs.js';

/** The site of a file by its folder (see above): its site unless the page names another. */
export function siteOfFile(file: InputFile, cwd: string): string {
  const folder = path.dirname(file.relative);
  if (folder !== '.' && folder !== '') return folder.split(path.sep).join('/');
  // The root folder has no name of its own (basename ''): its files are site "/", the same on every
  // machine and no other site's name (a folder's name and a path below an input have no lone slash, a
  // host none at all). An empty name wrote a site line that read as a line count, a file that could not
  // be read back.
  return path.basename(path.dirname(path.resolve(cwd, file.path))) || '/';
}

export { siteOfUrl } from '../core/site/header-site.js';

/** The strip options that give a page the evidence of its site's repeats in `sites` (none without them). */
export function evidenceFor(sites: SiteRepeats, site: string | undefined): StripOptions {
  const evidence = sites.evidence(site);
  return evidence ? { siteEvidence: evidence } : {};
}

/** Counts (of the counting pass) in a form that crosses from a worker thread cheaply (typed arrays, not maps). */
export type PlainCounts = [site: string, pages: number, lines: ReturnType<LineCounts['toArrays']>][];

export function toPlain(counts: CountsBySite): PlainCounts {
  return [...counts].map(([site, entry]) => [site, entry.pages, entry.lines.toArrays()]);
}

/** Adds counts in plain form (toPlain's) to `into`, straight from their arrays. */
export function addPlain(into: CountsBySite, plain: PlainCounts): CountsBySite {
  for (const [site, pages, lines] of plain) addLineArrays(into, site, pages, lines);
  return into;
}
