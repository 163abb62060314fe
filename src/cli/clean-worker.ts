// The worker-thread entry point that piscina loads: a worker imports the core and the file helpers once,
// then runs task after task. The default export cleans files; `cleanRecords` (by name) cleans JSON Lines.
import { cleanTask } from './clean-task.js';

export { cleanRecords } from './clean-records.js';
export default cleanTask;
