// `boilerstrip counts build|merge` in-process, and the parts of src/cli/counts.ts they are made of: which
// files a build reads (as cleaning reads them), what it reports, and where it may write.
import { accessSync, constants, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatSize } from '../../src/cli/args.js';
import { NamedSites } from '../../src/cli/counts.js';
import { siteOfFile } from '../../src/cli/site.js';
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

/** The `SITE<TAB>PAGES` lines of a counts file (a site's name holds no tab: it is written `\t`; the end line has two). */
const sitesOf = (counts: string) => counts.split('\n').filter((line) => /^[^\t]+\t\d+$/u.test(line));

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

describe('counts build reads the pages cleaning reads, as it reads them', () => {
  const outputs = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]);

  it('--encoding: shards counted and merged, then cleaned with the counts, give the cleaning of the whole crawl', async () => {
    const root = tempDir();
    // UTF-16 without a byte-order mark: read as binary (NUL bytes) unless --encoding says what it is.
    for (const site of ['news.example', 'blog.example']) {
      for (const file of writeSite(root, site, 8)) writeFileSync(file, Buffer.from(readFileSync(file, 'utf8'), 'utf16le'));
    }
    const run = (...args: string[]) => runMain([...args, '--encoding', 'utf-16le'], { cwd: root });
    expect(await run('crawl', '-o', 'whole')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(outputs(path.join(root, 'whole')).some(([, text]) => text!.includes(PROMO))).toBe(false);
    for (const site of ['news.example', 'blog.example']) expect(await run('counts', 'build', '-o', `${site}.counts`, `crawl/${site}`)).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect((await runMain(['counts', 'merge', 'news.example.counts', 'blog.example.counts', '-o', 'all.counts'], { cwd: root })).exitCode).toBe(0);
    for (const site of ['news.example', 'blog.example']) {
      expect(await run(`crawl/${site}`, '-o', `shard-${site}`, '--counts', 'all.counts')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      expect(outputs(path.join(root, `shard-${site}`))).toEqual(outputs(path.join(root, 'whole', site)));
    }
    // Without --encoding nothing is counted: each page is reported as binary.
    const unread = await runMain(['counts', 'build', '-o', 'unread.counts', 'crawl/news.example'], { cwd: root });
    expect([unread.exitCode, unread.stderr.split('\n')[0]]).toEqual([1, 'boilerstrip: crawl/news.example/0.txt: binary file (contains NUL bytes), not text']);
  });

  it('a site named by a folder with a tab or a line break in its name: the counts file reads back, and cleaning with it gives what counting for itself gives', async () => {
    const root = tempDir();
    // The first is counted through its folder, the second named by its folder when its files are given one
    // by one. (A walk of crawl/ finds both since folders with a line break in their names are walked into.)
    writeSite(root, 'tab\there', 6);
    const lineBreak = writeSite(root, 'line\nbreak', 6).map((file) => path.relative(root, file));
    expect(await runMain(['counts', 'build', '-o', 'tab.counts', 'crawl/tab\there'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(sitesOf(readFileSync(path.join(root, 'tab.counts'), 'utf8'))).toEqual(['tab\\there\t6']);
    expect(await runMain(['counts', 'build', '-o', 'both.counts', 'crawl'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(sitesOf(readFileSync(path.join(root, 'both.counts'), 'utf8'))).toEqual(['line\\nbreak\t6', 'tab\\there\t6']);
    expect(await runMain(['counts', 'build', '-o', 'break.counts', ...lineBreak], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await runMain(['counts', 'merge', 'tab.counts', 'break.counts', '-o', 'all.counts'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(sitesOf(readFileSync(path.join(root, 'all.counts'), 'utf8'))).toEqual(['line\\nbreak\t6', 'tab\\there\t6']);
    expect(await runMain(['crawl/tab\there', '-o', 'given', '--counts', 'all.counts'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await runMain(['crawl/tab\there', '-o', 'counted'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(outputs(path.join(root, 'given'))).toEqual(outputs(path.join(root, 'counted')));
    expect(outputs(path.join(root, 'given')).some(([, text]) => text!.includes(PROMO))).toBe(false);
    const [first] = lineBreak;
    // One page of the second site to standard output: the promo goes with the counts only.
    const single = await runMain([first!, '--counts', 'all.counts'], { cwd: root });
    const alone = await runMain([first!], { cwd: root });
    expect([single.exitCode, single.stderr, single.stdout.includes(PROMO), alone.stdout.includes(PROMO)]).toEqual([0, '', false, true]);
  });

  it('a version 1 counts file (written before sites were escaped) names a folder with a backslash as it is: `c\\new` stays that folder, not "c", a line break, "ew"', async () => {
    const root = tempDir();
    writeSite(root, 'c\\new', 6);
    expect(await runMain(['counts', 'build', '-o', 'now.counts', 'crawl'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const now = readFileSync(path.join(root, 'now.counts'), 'utf8');
    expect(sitesOf(now)).toEqual(['c\\\\new\t6']);
    // As boilerstrip wrote it before the end line and the escapes: the name as it is, no end line.
    const v1 = now.replace(/^boilerstrip-counts 2\n/u, 'boilerstrip-counts 1\n').replace('c\\\\new\t', 'c\\new\t').replace(/end\t\d+\t\d+\n$/u, '');
    writeFileSync(path.join(root, 'old.counts'), v1);
    expect(await runMain(['counts', 'merge', 'old.counts', '-o', 'merged.counts'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(root, 'merged.counts'), 'utf8')).toBe(now);
    expect(await runMain(['crawl', '-o', 'given', '--counts', 'old.counts'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(outputs(path.join(root, 'given')).some(([, text]) => text!.includes(PROMO))).toBe(false);
  });

  it('--max-size: a larger page is reported and not counted', async () => {
    const root = tempDir();
    writeSite(root, 's', 6);
    writeFileSync(path.join(root, 'crawl', 's', 'big.txt'), `${PROSE_A}\n`.repeat(20));
    const run = await runMain(['counts', 'build', '--max-size', '2k', '-o', 'b.counts', 'crawl'], { cwd: root });
    expect([run.exitCode, run.stderr]).toEqual([1, 'boilerstrip: crawl/s/big.txt: 3.3 KiB, larger than --max-size 2 KiB; skipped\n']);
    expect(sitesOf(readFileSync(path.join(root, 'b.counts'), 'utf8'))).toEqual(['s\t6']);
  });

  it('--max-lines: a page of more lines is reported and not counted, in counts build and in a batch\'s own counting', async () => {
    const root = tempDir();
    writeSite(root, 's', 6);
    const pageLines = readFileSync(path.join(root, 'crawl', 's', '0.txt'), 'utf8').split('\n').length;
    writeFileSync(path.join(root, 'crawl', 's', 'long.txt'), `${PROSE_A}\n`.repeat(pageLines + 1));
    const run = await runMain(['counts', 'build', '--max-lines', String(pageLines), '-o', 'b.counts', 'crawl'], { cwd: root });
    expect([run.exitCode, run.stderr]).toEqual([1, `boilerstrip: crawl/s/long.txt: more than ${pageLines} lines (--max-lines); skipped\n`]);
    expect(sitesOf(readFileSync(path.join(root, 'b.counts'), 'utf8'))).toEqual(['s\t6']);
    // Cleaning with those counts gives what a batch that counts for itself gives, the long page refused by both.
    const given = await runMain(['crawl', '--max-lines', String(pageLines), '--counts', 'b.counts', '-o', 'given'], { cwd: root });
    const counted = await runMain(['crawl', '--max-lines', String(pageLines), '-o', 'counted'], { cwd: root });
    expect([given.exitCode, counted.exitCode, counted.stderr]).toEqual([1, 1, run.stderr]);
    expect(outputs(path.join(root, 'given'))).toEqual(outputs(path.join(root, 'counted')));
  });

  it.each([
    ['--out-dir', 'crawl/clean', ['crawl', '-o', 'crawl/clean']],
    ['--suffix', '.clean.txt', ['crawl', '--suffix', '.clean.txt']],
  ])("%s: cleaning's outputs among the pages are not counted, as cleaning does not read them", async (option, value, clean) => {
    const root = tempDir();
    writeSite(root, 's', 6);
    expect((await runMain(['counts', 'build', '-o', 'before.counts', 'crawl'], { cwd: root })).exitCode).toBe(0);
    expect((await runMain(clean, { cwd: root })).exitCode).toBe(0);
    expect(await runMain(['counts', 'build', option, value, '-o', 'after.counts', 'crawl'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(root, 'after.counts'), 'utf8')).toBe(readFileSync(path.join(root, 'before.counts'), 'utf8'));
    // Without the option the outputs are counted as pages.
    expect((await runMain(['counts', 'build', '-o', 'all.counts', 'crawl'], { cwd: root })).exitCode).toBe(0);
    expect(readFileSync(path.join(root, 'all.counts'), 'utf8')).not.toBe(readFileSync(path.join(root, 'before.counts'), 'utf8'));
  });

  it('JSON Lines are read as cleaning reads them: a byte-order mark skipped, any line end, a record over --max-size or --max-lines reported and not counted', async () => {
    const root = tempDir();
    const record = (i: number) => JSON.stringify({ url: `https://news.example/${i}`, text: `Story ${i}\n\n${PROSE_A}\n\n${PROMO}\n\n${PROSE_B}` });
    const good = Array.from({ length: 6 }, (_, i) => record(i));
    const long = JSON.stringify({ url: 'https://news.example/long', text: 'Menu\n'.repeat(20) });
    const big = JSON.stringify({ url: 'https://news.example/big', text: PROSE_A.repeat(40) });
    // A mark, then "\r\n" and lone "\r" line ends: the lines are numbered as an editor numbers them.
    const input = `\ufeff${[good[0], good[1], long, good[2], big].join('\r\n')}\r${[good[3], good[4], good[5]].join('\n')}\n`;
    mkdirSync(path.join(root, 'parts'));
    writeFileSync(path.join(root, 'parts', 'a.jsonl'), input);
    const run = await runMain(['counts', 'build', '--input-format', 'jsonl', '--id-field', 'url', '--max-size', '4k', '--max-lines', '10', '-o', 'r.counts', 'parts'], { cwd: root });
    expect([run.exitCode, run.stderr]).toEqual([1, `boilerstrip: parts/a.jsonl:3: more than 10 lines (--max-lines); not counted\nboilerstrip: parts/a.jsonl:5: ${formatSize(Buffer.byteLength(big))}, larger than --max-size 4 KiB; not counted\n`]);
    writeFileSync(path.join(root, 'parts', 'a.jsonl'), `${good.join('\n')}\n`);
    // A compressed copy among them is refused whole, in one line.
    writeFileSync(path.join(root, 'parts', 'b.jsonl.gz'), gzipSync(`${good.join('\n')}\n`));
    const withGz = await runMain(['counts', 'build', '--input-format', 'jsonl', '--id-field', 'url', '-o', 'plain.counts', 'parts'], { cwd: root });
    expect([withGz.exitCode, withGz.stderr]).toEqual([1, 'boilerstrip: parts/b.jsonl.gz: binary file (gzip archive), not JSON Lines; not counted\n']);
    expect(readFileSync(path.join(root, 'r.counts'), 'utf8')).toBe(readFileSync(path.join(root, 'plain.counts'), 'utf8'));
  });

  it.each([
    [['--encoding', 'klingon'], /^boilerstrip: unknown encoding 'klingon' for --encoding/u],
    [['--max-size', 'lots'], /^boilerstrip: option '--max-size <size>' argument 'lots' is invalid/u],
    [['--suffix', 'a/b'], /^boilerstrip: --suffix needs a file-name ending/u],
    [['--out-dir', 'x', '--suffix', '.c'], /^boilerstrip: --out-dir and --suffix cannot be combined/u],
    [['--input-format', 'jsonl', '--id-field', 'url', '--out-dir', 'x'], /^boilerstrip: --input-format jsonl cleans records to standard output; --out-dir is for page files/u],
    [['--input-format', 'jsonl', '--id-field', 'url', '--encoding', 'latin1'], /^boilerstrip: --input-format jsonl reads UTF-8, as JSON is written; --encoding is for page files/u],
    [['--input-format', 'jsonl', '--id-field', 'url', '--text-field', ''], /^boilerstrip: --text-field needs a field name/u],
    [['--id-field', 'url'], /^boilerstrip: --id-field is for records: add --input-format jsonl \(page files are counted whole\)/u],
    [['--text-field', 'body'], /^boilerstrip: --text-field is for records: add --input-format jsonl/u],
    [['--text-field', 'text'], /^boilerstrip: --text-field is for records: add --input-format jsonl/u],
    [['--input-format', 'jsonl', '--id-field', ''], /^boilerstrip: --id-field needs a field name/u],
  ])('refuses %j as cleaning does, with exit 2 and one line', async (options, message) => {
    const root = tempDir();
    writeSite(root, 's', 1);
    const run = await runMain(['counts', 'build', ...options, '-o', 'b.counts', 'crawl'], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(path.join(root, 'b.counts'))).toBe(false);
  });
});

describe('where counts build and merge write (-o)', () => {
  /** A crawl of one site, and its counts built to `all.counts` beside it. */
  async function counted(): Promise<string> {
    const root = tempDir();
    writeSite(root, 's', 6);
    expect((await runMain(['counts', 'build', '-o', 'all.counts', 'crawl'], { cwd: root })).exitCode).toBe(0);
    return root;
  }

  it.each([
    ['found in a folder', ['crawl']],
    ['named', ['crawl/s/3.txt', 'crawl/s/4.txt']],
  ])('refuses an -o that is one of the pages to count (%s), which is left as it was', async (_, inputs) => {
    const root = await counted();
    const page = readFileSync(path.join(root, 'crawl', 's', '3.txt'), 'utf8');
    const run = await runMain(['counts', 'build', '-o', 'crawl/s/3.txt', ...inputs], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('boilerstrip: crawl/s/3.txt: -o names one of the pages to count; write the counts to another file');
    expect(readFileSync(path.join(root, 'crawl', 's', '3.txt'), 'utf8')).toBe(page);
  });

  it('never counts its own earlier output: a counts file written into the crawl is skipped the next time', async () => {
    const root = await counted();
    for (const run of [1, 2]) {
      expect([run, await runMain(['counts', 'build', '-o', 'crawl/s/all.counts', 'crawl'], { cwd: root })]).toEqual([run, { exitCode: 0, stdout: '', stderr: '' }]);
      expect([run, readFileSync(path.join(root, 'crawl', 's', 'all.counts'), 'utf8')]).toEqual([run, readFileSync(path.join(root, 'all.counts'), 'utf8')]);
    }
  });

  it('does the same for JSON Lines: an -o that is a records file is refused, an earlier counts file skipped', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'parts'));
    const records = Array.from({ length: 6 }, (_, i) => JSON.stringify({ url: `https://s.example/${i}`, text: `${PROSE_A}\n\n${PROMO}\n` }));
    writeFileSync(path.join(root, 'parts', 'a.jsonl'), `${records.join('\n')}\n`);
    const build = (output: string) => runMain(['counts', 'build', '--input-format', 'jsonl', '--id-field', 'url', '-o', output, 'parts'], { cwd: root });
    const refused = await build('parts/a.jsonl');
    expect([refused.exitCode, refused.stderr.split('\n')[0]]).toEqual([2, 'boilerstrip: parts/a.jsonl: -o names one of the pages to count; write the counts to another file']);
    expect(readFileSync(path.join(root, 'parts', 'a.jsonl'), 'utf8')).toBe(`${records.join('\n')}\n`);
    for (const run of [1, 2]) expect([run, await build('parts/all.counts')]).toEqual([run, { exitCode: 0, stdout: '', stderr: '' }]);
    expect(sitesOf(readFileSync(path.join(root, 'parts', 'all.counts'), 'utf8'))).toEqual(['s.example\t6']);
  });

  it('cleaning with --counts leaves out the counts file when a folder or a pattern finds it among the pages', async () => {
    const root = tempDir();
    writeSite(root, 's', 6);
    expect((await runMain(['counts', 'build', '-o', 'crawl/all.counts', 'crawl'], { cwd: root })).exitCode).toBe(0);
    copyFileSync(path.join(root, 'crawl', 'all.counts'), path.join(root, 'elsewhere.counts'));
    for (const input of ['crawl', 'crawl/**/*']) {
      const run = await runMain([input, '-o', `clean-${input.length}`, '--counts', 'crawl/all.counts', '--summary'], { cwd: root });
      expect([input, run.exitCode, run.stderr]).toEqual([input, 0, expect.stringMatching(/^boilerstrip: 6 files, 0 failed/u)]);
      expect(readdirSync(path.join(root, `clean-${input.length}`), { recursive: true }).map(String).sort()).toEqual(['s', ...[0, 1, 2, 3, 4, 5].map((i) => path.join('s', `${i}.txt`))]);
    }
    // Another counts file there is still a page (only the one in use is known to be counts).
    const other = await runMain(['crawl', '-o', 'clean-other', '--counts', 'elsewhere.counts', '--summary'], { cwd: root });
    expect(other.stderr).toMatch(/^boilerstrip: 7 files, 0 failed/u);
  });

  it('merges a counts file named twice (again, by another path, or through a link) once', async () => {
    const root = await counted();
    symlinkSync('all.counts', path.join(root, 'link.counts'));
    const once = readFileSync(path.join(root, 'all.counts'), 'utf8');
    const run = await runMain(['counts', 'merge', 'all.counts', './all.counts', path.join(root, 'all.counts'), 'link.counts', '-o', 'merged.counts'], { cwd: root });
    expect(run).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(sitesOf(readFileSync(path.join(root, 'merged.counts'), 'utf8'))).toEqual(['s\t6']);
    expect(readFileSync(path.join(root, 'merged.counts'), 'utf8')).toBe(once);
    // A path that cannot be looked at is named, as any unreadable counts file is.
    const through = await runMain(['counts', 'merge', 'all.counts/x', '-o', 'bad.counts'], { cwd: root });
    expect([through.exitCode, through.stderr]).toEqual([2, 'boilerstrip: all.counts/x: a part of the path is a file, not a folder\n']);
  });

  it('refuses to merge into one of the files being merged (named, or through a link), which is left as it was', async () => {
    const root = await counted();
    const before = readFileSync(path.join(root, 'all.counts'), 'utf8');
    symlinkSync('all.counts', path.join(root, 'link.counts'));
    for (const inputs of [['all.counts'], ['link.counts']]) {
      const run = await runMain(['counts', 'merge', ...inputs, '-o', 'all.counts'], { cwd: root });
      expect([inputs, run.exitCode, run.stderr.split('\n')[0]]).toEqual([inputs, 2, 'boilerstrip: all.counts: -o names one of the counts files to merge; write the merged counts to another file']);
    }
    expect(readFileSync(path.join(root, 'all.counts'), 'utf8')).toBe(before);
  });

  it.each([
    ['a folder', 'cdir', 'is a folder, not a file'],
    ['in a folder that does not exist', 'nodir/x.counts', 'the folder nodir does not exist'],
    ['below a file', 'crawl/s/1.txt/x.counts', 'a part of the path is a file, not a folder'],
    ['a link to nothing', 'dangling', 'a broken symbolic link (its target does not exist)'],
  ])('names the output and the problem when it cannot write %s, and exits 1 before reading (build and merge)', async (_, output, problem) => {
    const root = await counted();
    // Not read: the output is looked at first, so a count that could not be written is not even begun.
    writeFileSync(path.join(root, 'crawl', 's', 'image.txt'), Buffer.from('\x89PNG\r\n\x1a\n\0\0', 'latin1'));
    mkdirSync(path.join(root, 'cdir'));
    symlinkSync('nowhere', path.join(root, 'dangling'));
    for (const command of [['build', 'crawl'], ['merge', 'all.counts']]) {
      const run = await runMain(['counts', ...command, '-o', output], { cwd: root });
      expect([command, run]).toEqual([command, { exitCode: 1, stdout: '', stderr: `boilerstrip: ${output}: ${problem}\n` }]);
    }
    expect(existsSync(path.join(root, 'nodir'))).toBe(false);
    expect(readdirSync(path.join(root, 'cdir'))).toEqual([]);
  });

  it('names the output when writing it fails (a full disk), and exits 1 (build and merge)', async () => {
    const root = await counted();
    // A link to /dev/full, which is written into as a device is (below), and fails as a full disk does.
    symlinkSync('/dev/full', path.join(root, 'full'));
    for (const command of [['build', 'crawl'], ['merge', 'all.counts']]) {
      const run = await runMain(['counts', ...command, '-o', 'full'], { cwd: root });
      expect([command, run]).toEqual([command, { exitCode: 1, stdout: '', stderr: 'boilerstrip: full: no space left on the device\n' }]);
    }
    expect(lstatSync(path.join(root, 'full')).isSymbolicLink()).toBe(true);
  });

  it('writes into a character device instead of replacing it, and through a link to a counts file instead of replacing the link', async () => {
    const root = await counted();
    // Links, so that a wrong replacement replaces the link here, never /dev/null itself.
    symlinkSync('/dev/null', path.join(root, 'null'));
    expect(await runMain(['counts', 'build', '-o', 'null', 'crawl'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(statSync(path.join(root, 'null')).isCharacterDevice()).toBe(true);
    writeFileSync(path.join(root, 'old.counts'), 'boilerstrip-counts 1\n');
    symlinkSync('old.counts', path.join(root, 'latest.counts'));
    expect(await runMain(['counts', 'merge', 'all.counts', '-o', 'latest.counts'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(lstatSync(path.join(root, 'latest.counts')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(root, 'old.counts'), 'utf8')).toBe(readFileSync(path.join(root, 'all.counts'), 'utf8'));
  });
});

describe('counts files cut short (a copy stopped half-way, a full disk)', () => {
  /** A crawl of two sites, its counts in `all.counts`, and that file's text. */
  async function counted(): Promise<{ root: string; text: string }> {
    const root = tempDir();
    writeSite(root, 's', 6);
    writeSite(root, 't', 12);
    expect((await runMain(['counts', 'build', '-o', 'all.counts', 'crawl'], { cwd: root })).exitCode).toBe(0);
    return { root, text: readFileSync(path.join(root, 'all.counts'), 'utf8') };
  }
  /** What a file cut at `at` is refused with: cut inside the header, it is no counts file; after it, cut short. */
  const refusal = (at: number) => expect.stringMatching(at < 'boilerstrip-counts 2'.length ? /^boilerstrip: cut\.counts: not a boilerstrip counts file/u : /^boilerstrip: cut\.counts: cut short.* \(was it copied whole\?\)$/u);
  const outputs = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]);

  it('counts merge refuses a counts file cut at any byte with exit 2 and names it, writing nothing', async () => {
    const { root, text } = await counted();
    // Cuts after a count's first digit and at a line's end are among them: those read as valid files before.
    expect(text).toMatch(/\t12\n/u);
    for (let at = 0; at < text.length - 1; at++) {
      writeFileSync(path.join(root, 'cut.counts'), text.slice(0, at));
      const run = await runMain(['counts', 'merge', 'all.counts', 'cut.counts', '-o', 'merged.counts'], { cwd: root });
      expect([at, run.exitCode, run.stdout, run.stderr.split('\n')[0]]).toEqual([at, 2, '', refusal(at)]);
      expect(run.stderr).not.toMatch(/\n\s+at /u);
      expect(existsSync(path.join(root, 'merged.counts'))).toBe(false);
    }
    // A cut at a line's end, after the header: the file is told to be cut short, not malformed.
    writeFileSync(path.join(root, 'cut.counts'), text.slice(0, text.indexOf('\n', text.indexOf('\t12\n') + 1) + 1));
    const run = await runMain(['counts', 'merge', 'cut.counts', '-o', 'merged.counts'], { cwd: root });
    // One line, without a pointer to --help, which cannot mend a file.
    expect(run.stderr).toMatch(/^boilerstrip: cut\.counts: cut short: no end line after line \d+ \(was it copied whole\?\)\n$/u);
  });

  it.each([
    ['a batch', ['crawl', '-o', 'out']],
    ['a batch with -j 2', ['crawl', '-o', 'out', '-j', '2']],
    ['one file to standard output', ['crawl/s/1.txt']],
    ['standard input', ['-']],
    ['JSON Lines', ['--input-format', 'jsonl', '--id-field', 'url', '-']],
  ])('--counts refuses a counts file cut short when cleaning %s, with exit 2, before cleaning anything', async (_, args) => {
    const { root, text } = await counted();
    // At a line's end, after a count's first digit, and in a fingerprint.
    const lineEnd = text.lastIndexOf('\n', text.length - 2) + 1;
    const digit = text.indexOf('\t12\n') + 2;
    for (const at of [lineEnd, digit, 40]) {
      writeFileSync(path.join(root, 'cut.counts'), text.slice(0, at));
      const run = await runMain([...args, '--counts', 'cut.counts'], { cwd: root, stdin: `${JSON.stringify({ url: 'https://s/1', text: 'Home' })}\n` });
      expect([at, run.exitCode, run.stdout, run.stderr.split('\n')[0]]).toEqual([at, 2, '', refusal(at)]);
      expect(run.stderr).not.toMatch(/\n\s+at /u);
      // (A batch makes its -o folder before it reads the counts file; nothing is written in it.)
      expect(existsSync(path.join(root, 'out')) ? outputs(path.join(root, 'out')) : []).toEqual([]);
    }
    // The whole file is taken.
    writeFileSync(path.join(root, 'cut.counts'), text);
    expect((await runMain([...args, '--counts', 'cut.counts'], { cwd: root, stdin: `${JSON.stringify({ url: 'https://s/1', text: 'Home' })}\n` })).exitCode).toBe(0);
  });

  it('reads counts files of version 1 (written before the end line) as before: merged, used with --counts', async () => {
    const { root, text } = await counted();
    const v1 = text.replace(/^boilerstrip-counts 2\n/u, 'boilerstrip-counts 1\n').replace(/end\t\d+\t\d+\n$/u, '');
    expect(v1).not.toBe(text);
    writeFileSync(path.join(root, 'old.counts'), v1);
    expect(await runMain(['counts', 'merge', 'old.counts', '-o', 'new.counts'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(root, 'new.counts'), 'utf8')).toBe(text);
    expect(await runMain(['crawl', '-o', 'old', '--counts', 'old.counts'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await runMain(['crawl', '-o', 'new', '--counts', 'all.counts'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(outputs(path.join(root, 'old'))).toEqual(outputs(path.join(root, 'new')));
    // An earlier version's counts file at -o, found among the pages, is skipped as this version's is.
    writeFileSync(path.join(root, 'crawl', 'old.counts'), v1);
    expect(await runMain(['counts', 'build', '-o', 'crawl/old.counts', 'crawl'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(root, 'crawl', 'old.counts'), 'utf8')).toBe(text);
  });
});

describe('pages directly in the root folder', () => {
  it('are site "/", not "" (whose counts line read as a line count): a name no other folder or host can have', () => {
    expect(siteOfFile({ path: '/page.txt', relative: 'page.txt' }, '/tmp')).toBe('/');
    expect(siteOfFile({ path: 'page.txt', relative: 'page.txt' }, '/')).toBe('/');
    // Unchanged: a file directly in any other folder is in that folder's site, one below an input in its path's.
    expect(siteOfFile({ path: '/crawl/page.txt', relative: 'page.txt' }, '/')).toBe('crawl');
    expect(siteOfFile({ path: 'crawl/a.example/page.txt', relative: 'a.example/page.txt' }, '/')).toBe('a.example');
  });

  const rootWritable = (() => {
    try {
      accessSync('/', constants.W_OK);
      return true;
    } catch {
      return false;
    }
  })();

  // Only where / may be written (as root): pages are made there for the run and removed after it.
  it.skipIf(!rootWritable)('are counted into a counts file that counts merge and --counts read back, and cleaned as in a batch of them', async () => {
    const root = tempDir();
    const pages = Array.from({ length: 6 }, (_, i) => `/boilerstrip-test-${process.pid}-${i}.txt`);
    try {
      for (const [i, page] of pages.entries()) writeFileSync(page, `Story ${i}\n\n${PROSE_A.replace('Tuesday', `day ${i}`)}\n\n${PROMO}\n\n${PROSE_B.replace('buses', `buses (${i})`)}\n`);
      expect(await runMain(['counts', 'build', '-o', 'all.counts', ...pages], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      expect(sitesOf(readFileSync(path.join(root, 'all.counts'), 'utf8'))).toEqual(['/\t6']);
      expect(await runMain(['counts', 'merge', 'all.counts', '-o', 'merged.counts'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      expect(readFileSync(path.join(root, 'merged.counts'), 'utf8')).toBe(readFileSync(path.join(root, 'all.counts'), 'utf8'));
      expect(await runMain([...pages, '-o', 'batch'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      const batch = readFileSync(path.join(root, 'batch', path.basename(pages[0]!)), 'utf8');
      expect(batch).not.toContain(PROMO);
      const one = await runMain([pages[0]!, '--counts', 'all.counts'], { cwd: root });
      expect([one.exitCode, one.stderr, one.stdout]).toEqual([0, '', batch]);
    } finally {
      for (const page of pages) rmSync(page, { force: true });
    }
  });
});
