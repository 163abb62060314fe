import { describe, expect, it } from 'vitest';
import { runTask, startPool, workerExecArgv } from '../../src/cli/pool.js';

describe('worker options', () => {
  it('switch require(esm) off in the workers only where Node has it', () => {
    expect(workerExecArgv({ require_module: true })).toEqual(['--no-experimental-require-module']);
    expect(workerExecArgv({})).toEqual([]);
  });

  it('start workers that load the worker module and run its named tasks', async () => {
    const pool = await startPool(2);
    try {
      const fail = () => {
        throw new Error('the task ran in this thread, not in a worker');
      };
      // Both names at once, as a batch with cross-page evidence asks for them: each worker loads the module for each.
      const [counted, cleaned] = await Promise.all([
        runTask(pool, { items: [] }, 'countTask', fail),
        runTask(pool, { items: [], options: {}, keepMode: false }, undefined, fail),
      ]);
      expect(counted).toBeDefined();
      expect(cleaned).toEqual([]);
    } finally {
      await pool.destroy();
    }
  });
});
