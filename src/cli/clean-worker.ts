// The worker-thread entry point that piscina loads: a worker imports the core and the file helpers once,
// then runs task after task. The default export cleans files; `cleanRecords` (by name) cleans JSON Lines
// and `countTask` counts lines for cross-page evidence.
import { cleanTask } from './clean-task.js';

export { cleanRecords } from './clean-records.js';
export { countTask } from './count-task.js';
export default cleanTask;
