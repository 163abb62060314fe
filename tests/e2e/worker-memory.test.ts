// A page too large for a worker thread's heap (a small --max-old-space-size): the worker dies, and the
// task used to be redone in the main thread, whose heap has the same limit, which ended the whole run
// with a fatal V8 error (exit 134). Now that page alone fails, in one line, and the rest is cleaned.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, tempDir } from '../helpers/cli.js';

const seedInput = readFileSync(path.join(FIXTURES, 'seed', 'input.txt'));
const seedExpected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');

/**
 * 25 pages, and in their middle a page of one 9 MB line, which takes far more than 20 MB to clean. Tasks
 * hold two files, and the large one comes second in its task: the first was written before the worker died.
 */
function pagesWithAHugeOne(root: string): void {
  mkdirSync(path.join(root, 'pages'));
  for (let i = 0; i < 25; i++) writeFileSync(path.join(root, 'pages', `${i < 13 ? 'a' : 'c'}${String(i).padStart(2, '0')}.txt`), seedInput);
  const words = seedInput.toString('utf8').split(/\s+/u).filter(Boolean);
  writeFileSync(path.join(root, 'pages', 'b.txt'), Array.from({ length: 1_500_000 }, (_, i) => words[(i * 7919) % words.length]).join(' '));
}

describe('a worker that runs out of memory', () => {
  it('fails its page alone, writes every other page once, and the batch and counts build go on (exit 1)', () => {
    const root = tempDir();
    pagesWithAHugeOne(root);
    // Logs every output renamed into place: a page written twice would have been cleaned twice.
    writeFileSync(
      path.join(root, 'log-renames.cjs'),
      `const fs = require('node:fs');
       const rename = fs.renameSync;
       fs.renameSync = (from, to) => { fs.appendFileSync(${JSON.stringify(path.join(root, 'renames.log'))}, to + '\\n'); return rename(from, to); };
       require('node:module').syncBuiltinESMExports();`,
    );
    const env = { ...process.env, NODE_OPTIONS: '--max-old-space-size=20' };
    const clean = spawnSync(process.execPath, ['-r', './log-renames.cjs', BIN, '--in-place', 'pages', '-j', '2'], { cwd: root, env, encoding: 'utf8' });
    expect({ status: clean.status, stderr: clean.stderr }).toEqual({
      status: 1,
      stderr: 'boilerstrip: pages/b.txt: ran out of memory while being cleaned (the JavaScript heap limit, --max-old-space-size); skipped\n',
    });
    const renamed = readFileSync(path.join(root, 'renames.log'), 'utf8').trimEnd().split('\n');
    expect(renamed).toHaveLength(25);
    expect(new Set(renamed).size).toBe(25);
    for (const file of readdirSync(path.join(root, 'pages')).filter((f) => f !== 'b.txt')) expect(readFileSync(path.join(root, 'pages', file), 'utf8')).toBe(seedExpected);

    const count = spawnSync(process.execPath, [BIN, 'counts', 'build', '-o', 'pages.counts', 'pages'], { cwd: root, env, encoding: 'utf8' });
    expect({ status: count.status, stderr: count.stderr }).toEqual({
      status: 1,
      stderr: 'boilerstrip: pages/b.txt: ran out of memory while being counted (the JavaScript heap limit, --max-old-space-size); not counted\n',
    });
    // The counts of the 25 pages that could be counted, in a whole file (version 2, with its end line).
    expect(readFileSync(path.join(root, 'pages.counts'), 'utf8')).toMatch(/^boilerstrip-counts 2\npages\t25\n[\s\S]*\nend\t1\t\d+\n$/u);
  });
});
