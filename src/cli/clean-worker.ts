// The worker-thread entry point that piscina loads: a worker imports the core and the file helpers once,
// then runs task after task. The default export cleans files; `cleanRecords` (by name) cleans JSON Lines
// (with the site counts the pool was started with, if any) and `countTask` counts lines for cross-page
// evidence.
import { workerData } from 'piscina';
import type { CountsBySite } from '../core/site/fingerprints.js';
import { cleanRecords as cleanRecordsWith, type RecordTask } from './clean-records.js';
import { cleanTask } from './clean-task.js';
import { fromPlain, type PlainCounts } from './site.js';

export { countTask } from './count-task.js';
export default cleanTask;

let sites: CountsBySite | undefined;

export function cleanRecords(task: RecordTask) {
  const data = workerData as { sites?: PlainCounts } | undefined;
  sites ??= data?.sites ? fromPlain(data.sites) : new Map();
  return cleanRecordsWith(task, sites);
}
