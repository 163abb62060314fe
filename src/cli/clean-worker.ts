// The worker-thread entry point that piscina loads: a worker imports the core and the file helpers once,
// then runs task after task. The default export cleans files and `cleanRecords` (by name) JSON Lines,
// both with the site counts the pool was started with (--counts), if any; `countTask` counts lines for
// cross-page evidence.
import { workerData } from 'piscina';
import type { CountsBySite } from '../core/site/fingerprints.js';
import { cleanRecords as cleanRecordsWith, type RecordTask } from './clean-records.js';
import { cleanTask, type CleanTask } from './clean-task.js';
import { fromPlain, type PlainCounts } from './site.js';

export { countTask } from './count-task.js';

export default function cleanFiles(task: CleanTask) {
  const shared = workerSites();
  return cleanTask(task, shared.size > 0 ? shared : undefined);
}

let sites: CountsBySite | undefined;

/** The site counts the pool was started with (--counts), read once; empty without. */
function workerSites(): CountsBySite {
  const data = workerData as { sites?: PlainCounts } | undefined;
  sites ??= data?.sites ? fromPlain(data.sites) : new Map();
  return sites;
}

export function cleanRecords(task: RecordTask) {
  return cleanRecordsWith(task, workerSites());
}
