// The worker-thread entry point that piscina loads: a worker imports the core and the file helpers once,
// then runs task after task. The default export cleans files and `cleanRecords` (by name) JSON Lines,
// both with the sites' repeats the pool was started with (--counts), if any; `countTask` counts lines for
// cross-page evidence.
import { workerData } from 'piscina';
import { SiteRepeats, type SiteRepeatsData } from '../core/site/site-repeats.js';
import { cleanRecords as cleanRecordsWith, type RecordTask } from './clean-records.js';
import { cleanTask, type CleanTask } from './clean-task.js';
import { useWriteGate } from './write-output.js';

export { countTask } from './count-task.js';

useWriteGate((workerData as { writeGate?: Int32Array } | undefined)?.writeGate);

export default function cleanFiles(task: CleanTask) {
  return cleanTask(task, workerSites());
}

let sites: SiteRepeats | null | undefined;

/**
 * The sites' repeats the pool was started with (--counts), undefined without. Their lines are on memory
 * all threads share (core/site/site-repeats.ts): each worker makes only its index of site names.
 */
function workerSites(): SiteRepeats | undefined {
  if (sites === undefined) {
    const data = workerData as { repeats?: SiteRepeatsData } | undefined;
    sites = data?.repeats ? new SiteRepeats(data.repeats) : null;
  }
  return sites ?? undefined;
}

export function cleanRecords(task: RecordTask) {
  return cleanRecordsWith(task, workerSites());
}
