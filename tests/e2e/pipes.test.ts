// Pipes and devices named as inputs: bash's process substitution (`boilerstrip <(zcat page.gz)`), named
// FIFOs, /dev/stdin, /dev/zero. Their bytes can be read only once (and some never end), so these tests run
// the built CLI under bash, as a user's shell would.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, tempDir } from '../helpers/cli.js';
import { PROSE_A, PROSE_B } from '../helpers/page.js';

const seedInput = path.join(FIXTURES, 'seed', 'input.txt');
const seedExpected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');
const PROMO = 'Read the latest from our newsroom';

/** Page `i` of a site: two paragraphs of its own around the site's promo line. */
function sitePage(i: number): string {
  return `Story ${i}\n\n${PROSE_A.replace('Tuesday', `day ${i}`)} ${PROSE_B}\n\n${PROMO}\n\n${PROSE_B.replace('buses', `buses (${i})`)} ${PROSE_A}\n`;
}

/** `script` run by bash in `cwd`, with $CLI the built CLI and $SEED the seed page. */
function bash(script: string, cwd: string) {
  const result = spawnSync('bash', ['-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CLI: `"${process.execPath}" "${BIN}"`, SEED: seedInput },
    timeout: 30_000,
  });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('pipes and devices as inputs', () => {
  it('cleans a process substitution to standard output, as it cleans the file', () => {
    expect(bash('eval "$CLI" "<(cat "$SEED")"', tempDir())).toEqual({ exitCode: 0, stdout: seedExpected, stderr: '' });
  });

  it('cleans a named FIFO whose writer is still writing when the run starts', () => {
    const root = tempDir();
    const run = bash('mkfifo page.fifo && { sleep 0.3; cat "$SEED"; } > page.fifo & eval "$CLI" page.fifo', root);
    expect(run).toEqual({ exitCode: 0, stdout: seedExpected, stderr: '' });
  });

  const READ_PATHS = [
    ['alone, to standard output', 'page.fifo'],
    ['in a batch cleaned in this thread', 'page.fifo page.txt -o out -j 1'],
    ['in a batch of worker threads', 'page.fifo pages -o out -j 2'],
    ['as a stream of JSON Lines records', '--input-format jsonl page.fifo'],
  ];
  it.each(['slow', 'never there'].flatMap((writer) => READ_PATHS.map(([where, args]) => [writer, where, args])))('stops at once on SIGTERM while a pipe\'s writer is %s: %s', (writer, _, args) => {
    const root = tempDir();
    writeFileSync(path.join(root, 'page.txt'), readFileSync(seedInput));
    mkdirSync(path.join(root, 'pages'));
    for (let i = 0; i < 10; i++) writeFileSync(path.join(root, 'pages', `${i}.txt`), readFileSync(seedInput));
    // The writer holds the FIFO open for 30 s without writing, or never opens it (opening a FIFO to read
    // waits for a writer); the run must not wait for either.
    const script = [
      'mkfifo page.fifo',
      writer === 'slow' ? 'sleep 30 > page.fifo 2>/dev/null & writer=$!' : 'writer=',
      `(eval exec "$CLI" ${args}) & run=$!`,
      'sleep 1; kill -TERM $run; started=$(date +%s%N); wait $run; status=$?',
      'echo "$status $(( ($(date +%s%N) - started) / 1000000 ))"; [ -z "$writer" ] || kill $writer',
    ].join('\n');
    const run = bash(script, root);
    const [status, waitedMs] = run.stdout.trim().split(' ').map(Number);
    expect([status, run.stderr]).toEqual([143, '']);
    expect(waitedMs).toBeLessThan(10_000);
  }, 40_000);

  it('reads /dev/stdin as standard input', () => {
    expect(bash('eval "$CLI" /dev/stdin < "$SEED"', tempDir())).toEqual({ exitCode: 0, stdout: seedExpected, stderr: '' });
  });

  it('cleans pipes into -o beside files, leaving them out of the cross-page counting pass, which would use them up', () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'site'));
    // Enough pages of one folder for the counting pass to run, each with the site's promo line.
    for (let i = 0; i < 8; i++) writeFileSync(path.join(root, 'site', `${i}.txt`), sitePage(i));
    const run = bash('eval "$CLI" site "<(cat site/0.txt)" -o out -j 1 && ls out', root);
    expect([run.exitCode, run.stderr]).toEqual([0, '']);
    const piped = run.stdout.split('\n').filter((name) => /^\d+$/.test(name));
    expect(piped).toHaveLength(1);
    // The folder's pages were counted: the promo line they share is gone from them.
    const counted = readFileSync(path.join(root, 'out', '0.txt'), 'utf8');
    expect(counted).toContain('day 0');
    expect(counted).not.toContain(PROMO);
    // The pipe's page has no folder of pages behind it: it is cleaned as the page alone is, promo and all.
    const alone = bash('eval "$CLI" --no-cross-page site/0.txt', root);
    expect(alone.stdout).toContain(PROMO);
    expect(readFileSync(path.join(root, 'out', piped[0]!), 'utf8')).toBe(alone.stdout);
  });

  it('stops reading a device that never ends at --max-size, in one run and in a batch', () => {
    const alone = bash('eval "$CLI" --max-size 100k /dev/zero', tempDir());
    expect(alone).toEqual({ exitCode: 1, stdout: '', stderr: 'boilerstrip: /dev/zero: larger than --max-size 100 KiB; skipped\n' });
    const root = tempDir();
    writeFileSync(path.join(root, 'page.txt'), readFileSync(seedInput));
    const batch = bash('eval "$CLI" --max-size 100k /dev/zero page.txt -o out', root);
    expect(batch).toEqual({ exitCode: 1, stdout: '', stderr: 'boilerstrip: /dev/zero: larger than --max-size 100 KiB; skipped\n' });
    expect(readFileSync(path.join(root, 'out', 'page.txt'), 'utf8')).toBe(seedExpected);
  });

  it('refuses to clean a pipe in place or beside itself, and cleans the other inputs', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'page.txt'), readFileSync(seedInput));
    const inPlace = bash('eval "$CLI" --in-place "<(cat "$SEED")" page.txt', root);
    expect(inPlace.exitCode).toBe(1);
    expect(inPlace.stderr).toMatch(/^boilerstrip: \/dev\/fd\/\d+: a pipe or device, not a file: --in-place cannot replace it; use --out-dir \(-o\)\n$/);
    expect(readFileSync(path.join(root, 'page.txt'), 'utf8')).toBe(seedExpected);
    const beside = bash('eval "$CLI" --suffix .clean.txt "<(cat "$SEED")"', root);
    expect(beside.exitCode).toBe(1);
    expect(beside.stderr).toMatch(/^boilerstrip: \/dev\/fd\/\d+: a pipe or device, not a file: --suffix cannot write beside it; use --out-dir \(-o\)\n$/);
    expect(existsSync(path.join(root, 'page.clean.txt'))).toBe(false);
  });
});
