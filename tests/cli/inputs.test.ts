// Where a pattern's files are placed under --out-dir: below the base its alternatives share, and never
// outside the output folder (run-batch's last check against that is in batch.test.ts).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { climbsOut, patternBase } from '../../src/cli/inputs.js';
import { runMain, tempDir } from '../helpers/cli.js';

describe('patternBase', () => {
  it('is the base itself for a pattern without alternatives', () => {
    expect(patternBase(['crawl/site'], '/work')).toBe('crawl/site');
    expect(patternBase([], '/work')).toBe('.');
  });

  it('is the folder that the bases of a brace pattern share', () => {
    expect(patternBase(['crawl/beta', 'crawl/alpha'], '/work')).toBe('crawl');
    expect(patternBase(['crawl/a/x', 'crawl/b'], '/work')).toBe('crawl');
    expect(patternBase(['crawl', 'other'], '/work')).toBe('.');
    // Not a shared prefix of characters: "crawl/al" is no folder of "crawl/alpha".
    expect(patternBase(['crawl/al', 'crawl/alpha'], '/work')).toBe('crawl');
    expect(patternBase(['../a', 'b'], '/work/repo')).toBe('..');
    expect(patternBase(['/data/crawl/a', '/data/crawl/b'], '/work')).toBe('/data/crawl');
  });
});

describe('a brace pattern mixing absolute and relative alternatives', () => {
  it('applies --ignore and leaves out the output folder below either kind', async () => {
    const root = tempDir();
    for (const site of ['alpha', 'beta']) {
      mkdirSync(path.join(root, 'crawl', site), { recursive: true });
      for (const page of ['a', 'b']) writeFileSync(path.join(root, 'crawl', site, `${page}.txt`), 'An article sentence that is long enough to be read as the body of a page.\n');
    }
    const pattern = `{crawl/beta,${path.join(root, 'crawl', 'alpha')}}/**/*.txt`;
    for (const run of [1, 2]) {
      const result = await runMain([pattern, '-o', 'crawl/alpha/clean', '--ignore', 'alpha/b.txt', '--ignore', 'beta/b.txt'], { cwd: root });
      expect([run, result.exitCode, result.stderr]).toEqual([run, 0, '']);
    }
    const written = readdirSync(path.join(root, 'crawl', 'alpha', 'clean'), { recursive: true }).map(String).filter((f) => f.endsWith('.txt')).sort();
    expect(written).toEqual([path.join('alpha', 'a.txt'), path.join('beta', 'a.txt')]);
  });
});

describe('climbsOut', () => {
  it('tells a path that leaves its base', () => {
    for (const relative of ['../a.txt', '..', '../../x/b.txt', path.resolve('/x/a.txt')]) expect(climbsOut(relative), relative).toBe(true);
    for (const relative of ['a.txt', 'sub/a.txt', '..a.txt', 'x/../a.txt']) expect(climbsOut(relative), relative).toBe(false);
  });
});
