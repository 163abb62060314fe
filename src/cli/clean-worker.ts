// The worker-thread entry point that piscina loads: it only re-exports the batch task, so a worker
// imports the core and the file helpers once and then cleans task after task.
import { cleanTask } from './clean-task.js';

export default cleanTask;
