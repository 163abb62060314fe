// The README's GNU parallel example, run as written: boilerstrip as a JSON Lines filter under
// `parallel --pipe` gives the same output as one boilerstrip over the whole file. CI installs parallel
// (.ci/run); on a machine without it, the set-up installs the Debian package when it can.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, REPO, tempDir } from '../helpers/cli.js';

const hasParallel = () => spawnSync('sh', ['-c', 'command -v parallel'], { encoding: 'utf8' }).status === 0;

/** The `parallel --pipe …` line of the README. */
function readmeCommand(): string {
  const line = readFileSync(path.join(REPO, 'README.md'), 'utf8').split('\n').find((l) => l.startsWith('parallel --pipe '));
  if (!line) throw new Error('README has no `parallel --pipe` example');
  return line;
}

describe('under GNU parallel --pipe', () => {
  beforeAll(() => {
    if (!hasParallel()) spawnSync('sh', ['-c', 'apt-get install -y parallel || (apt-get update && apt-get install -y parallel)'], { stdio: 'ignore' });
    if (!hasParallel()) throw new Error('GNU parallel is needed for this test: apt-get install -y parallel');
  }, 300_000);

  it('the README command gives the same records as one process', () => {
    const root = tempDir();
    // `boilerstrip` on PATH, as after `npm install -g`.
    writeFileSync(path.join(root, 'boilerstrip'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(path.join(root, 'boilerstrip'), 0o755);
    const cases = readdirSync(FIXTURES).filter((n) => existsSync(path.join(FIXTURES, n, 'input.txt')));
    const records: string[] = [];
    for (let i = 0; i < 40; i++) {
      for (const name of cases) records.push(JSON.stringify({ url: `https://example.org/${name}/${i}`, text: readFileSync(path.join(FIXTURES, name, 'input.txt'), 'utf8') }));
    }
    records.splice(7, 0, '{"url": "broken');
    writeFileSync(path.join(root, 'crawl.jsonl'), `${records.join('\n')}\n`);
    // Small blocks (the README's 10M would make one block of this 2 MB file) so several processes run.
    const command = readmeCommand().replace('--block 10M', '--block 200k');
    const env = { ...process.env, PATH: `${root}:${process.env.PATH}` };
    const viaParallel = spawnSync('sh', ['-c', command], { cwd: root, env, encoding: 'utf8' });
    // spawnSync ends a child that writes more than maxBuffer (1 MB by default) with SIGTERM: the output is
    // as large as the fixtures, 40 times over.
    const single = spawnSync(process.execPath, [BIN, '--input-format', 'jsonl', '--text-field', 'text'], { cwd: root, input: readFileSync(path.join(root, 'crawl.jsonl')), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(single.status).toBe(1); // the broken line
    expect(viaParallel.status).toBe(1); // parallel exits with the number of failed jobs
    expect(viaParallel.stderr).toMatch(/^boilerstrip: -:8: not valid JSON/mu);
    const out = readFileSync(path.join(root, 'clean.jsonl'), 'utf8');
    expect(out.split('\n')).toHaveLength(records.length + 1);
    expect(out).toBe(single.stdout);
  }, 120_000); // ~20 processes of node and perl: slow on a busy machine, not a speed check
});
