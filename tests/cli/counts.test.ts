// `boilerstrip counts build|merge` in-process, and the parts of src/cli/counts.ts they are made of: which
// files a build reads (as cleaning reads them), what it reports, and where it may write.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NamedSites } from '../../src/cli/counts.js';
import { runMain, tempDir } from '../helpers/cli.js';
import { PROSE_A, PROSE_B } from '../helpers/page.js';

const PROMO = 'Read the latest from our newsroom';

/** `pages` pages of one site in `root/crawl/SITE`, each with the site's promo line between paragraphs of its own. */
function writeSite(root: string, site: string, pages: number): string[] {
  const folder = path.join(root, 'crawl', site);
  mkdirSync(folder, { recursive: true });
  return Array.from({ length: pages }, (_, i) => {
    const file = path.join(folder, `${i}.txt`);
    writeFileSync(file, `Story ${i}\n\n${PROSE_A.replace('Tuesday', `day ${i}`)}\n\n${PROMO}\n\n${PROSE_B.replace('buses', `buses (${i})`)}\n`);
    return file;
  });
}

/** The `SITE<TAB>PAGES` lines of a counts file. */
const sitesOf = (counts: string) => counts.split('\n').filter((line) => /^[^\t].*\t\d+$/u.test(line));

describe('named sites (the site each file names, by index)', () => {
  it('give back the site set for a file, and none for the files without one', () => {
    const sites = new NamedSites(5);
    sites.set(0, 'news.example');
    sites.set(3, 'blog.example');
    sites.set(4, 'news.example');
    expect([0, 1, 2, 3, 4].map((i) => sites.get(i))).toEqual(['news.example', undefined, undefined, 'blog.example', 'news.example']);
    // A file named twice keeps the last site it was given.
    sites.set(3, 'news.example');
    expect(sites.get(3)).toBe('news.example');
    expect(sites.get(5)).toBeUndefined();
  });
});

describe('counts build', () => {
  // 4 pages and 3 bad files are counted in this thread, 20 and 3 in the worker pool (from 8 files on, with 2 CPUs).
  it.each([[4], [20]])('reports each file it cannot count, in input order, counts the others and exits 1 (%i pages)', async (pages) => {
    const root = tempDir();
    writeSite(root, 's', pages);
    writeFileSync(path.join(root, 'crawl', 's', '00-image.txt'), Buffer.from('\x89PNG\r\n\x1a\n\0\0', 'latin1'));
    writeFileSync(path.join(root, 'crawl', 's', '5-nul.txt'), Buffer.from('text\0more', 'latin1'));
    const run = await runMain(['counts', 'build', '-o', 'b.counts', 'crawl', '/proc/self/mem'], { cwd: root });
    expect(run.stderr).toBe(
      [
        'boilerstrip: crawl/s/00-image.txt: binary file (PNG image), not text',
        'boilerstrip: crawl/s/5-nul.txt: binary file (contains NUL bytes), not text',
        'boilerstrip: /proc/self/mem: input/output error',
        '',
      ].join('\n'),
    );
    expect(run.exitCode).toBe(1);
    expect(sitesOf(readFileSync(path.join(root, 'b.counts'), 'utf8'))).toEqual([`s\t${pages}`]);
  });
});
