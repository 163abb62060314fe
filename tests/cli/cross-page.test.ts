// Cross-page evidence through the CLI: on by default for a folder of a site's pages, off with
// --no-cross-page, the same with any -j, and counts files that merge exactly and can replace counting.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { PROSE_A, PROSE_B } from '../helpers/page.js';
import { BIN, FIXTURES, runMain, tempDir } from '../helpers/cli.js';

const PROMO = 'Read the latest from our newsroom';

/** Two sites of 8 pages; every page has the site's promo line between two paragraphs of its own. */
function makeCrawl(): string {
  const root = tempDir();
  for (const site of ['news.example', 'blog.example']) {
    mkdirSync(path.join(root, 'crawl', site), { recursive: true });
    for (let i = 0; i < 8; i++) {
      // Paragraphs of two sentences: long enough to be article text on their own (jusText's "good").
      const text = `Story ${i} of ${site}\n\n${PROSE_A.replace('Tuesday', `day ${i}`)} ${PROSE_B}\n\n${PROMO}\n\n${PROSE_B.replace('buses', `buses (${i})`)} ${PROSE_A}\n`;
      writeFileSync(path.join(root, 'crawl', site, `${i}.txt`), text);
    }
  }
  return root;
}

const outputs = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));

/**
 * One site's 8 pages saved into 4 folders of 2 (too few per folder to give evidence), each naming its
 * URL in a crawler's line at the top.
 */
function makeScatteredCrawl({ urlLines = true } = {}): string {
  const root = tempDir();
  // Listed first, so that the site's pages come in a later counting task (128 files each) than the first.
  mkdirSync(path.join(root, 'scattered', 'a-filler'), { recursive: true });
  for (let i = 0; i < 130; i++) writeFileSync(path.join(root, 'scattered', 'a-filler', `${i}.txt`), `Filler page ${i}\n\n${PROSE_A}\n`);
  for (let i = 0; i < 8; i++) {
    const folder = path.join(root, 'scattered', `batch-${i % 4}`);
    mkdirSync(folder, { recursive: true });
    const text = `${urlLines ? `url: https://www.News.Example/story/${i}\n\n` : ''}Story ${i}\n\n${PROSE_A.replace('Tuesday', `day ${i}`)} ${PROSE_B}\n\n${PROMO}\n\n${PROSE_B.replace('buses', `buses (${i})`)} ${PROSE_A}\n`;
    writeFileSync(path.join(folder, `${i}.txt`), text);
  }
  return root;
}

describe('cross-page evidence', () => {
  it('takes the site of a page from a URL line at its top, over its folder: in counts, in a batch with any -j, and with --counts', async () => {
    const root = makeScatteredCrawl();
    expect((await runMain(['counts', 'build', '-o', 'scattered.counts', 'scattered'], { cwd: root })).exitCode).toBe(0);
    expect(readFileSync(path.join(root, 'scattered.counts'), 'utf8')).toMatch(/^news\.example\t8$/mu);
    for (const [out, extra] of [['one', ['-j', '1']], ['two', ['-j', '2']], ['given-one', ['-j', '1', '--counts', 'scattered.counts']], ['given-two', ['-j', '2', '--counts', 'scattered.counts']]] as const) {
      expect((await runMain(['scattered', '-o', out, ...extra], { cwd: root })).exitCode).toBe(0);
      const cleaned = outputs(path.join(root, out)).filter((o) => o.includes('buses ('));
      expect(cleaned).toHaveLength(8);
      expect(cleaned.some((o) => o.includes(PROMO))).toBe(false);
      expect(cleaned.every((o) => o.includes('day ') && o.includes('buses ('))).toBe(true);
    }
    // One page to standard output, with the counts file, named as a file or read from standard input.
    const single = await runMain(['scattered/batch-1/5.txt', '--counts', 'scattered.counts'], { cwd: root });
    expect(single.stdout).toContain('buses (5)');
    expect(single.stdout).not.toContain(PROMO);
    const page = readFileSync(path.join(root, 'scattered', 'batch-1', '5.txt'), 'utf8');
    expect((await runMain(['--counts', 'scattered.counts'], { cwd: root, stdin: page })).stdout).toBe(single.stdout);
    expect((await runMain(['--counts', 'scattered.counts'], { cwd: root, stdin: page.replace(/^url: .*\n/u, '') })).stdout).toContain(PROMO);
    expect(outputs(path.join(root, 'one'))).toEqual(outputs(path.join(root, 'two')));
    expect(outputs(path.join(root, 'given-one'))).toEqual(outputs(path.join(root, 'given-two')));
    // Without the URL lines, the folders (2 pages each) are the sites and give no evidence: the promo stays.
    const unnamed = makeScatteredCrawl({ urlLines: false });
    expect((await runMain(['scattered', '-o', 'out'], { cwd: unnamed })).exitCode).toBe(0);
    expect(outputs(path.join(unnamed, 'out')).filter((o) => o.includes('buses (')).every((o) => o.includes(PROMO))).toBe(true);
  });

  it('removes a line on every page of a site by default, keeps it with --no-cross-page, and -j does not matter', async () => {
    const root = makeCrawl();
    expect((await runMain(['crawl', '-o', 'single', '--no-cross-page'], { cwd: root })).exitCode).toBe(0);
    expect((await runMain(['crawl', '-o', 'one', '-j', '1'], { cwd: root })).exitCode).toBe(0);
    expect((await runMain(['crawl', '-o', 'two', '-j', '2'], { cwd: root })).exitCode).toBe(0);
    expect(outputs(path.join(root, 'single')).every((o) => o.includes(PROMO))).toBe(true);
    expect(outputs(path.join(root, 'one')).some((o) => o.includes(PROMO))).toBe(false);
    expect(outputs(path.join(root, 'one')).every((o) => o.includes('day ') && o.includes('buses ('))).toBe(true);
    expect(outputs(path.join(root, 'two'))).toEqual(outputs(path.join(root, 'one')));
  });

  it('counts pages read as the cleaning reads them: with --encoding', async () => {
    const root = makeCrawl();
    // The same crawl in UTF-16 without a byte-order mark, which only --encoding decodes.
    for (const file of readdirSync(path.join(root, 'crawl'), { recursive: true }).map(String).filter((f) => f.endsWith('.txt'))) {
      mkdirSync(path.dirname(path.join(root, 'crawl16', file)), { recursive: true });
      writeFileSync(path.join(root, 'crawl16', file), Buffer.from(readFileSync(path.join(root, 'crawl', file), 'utf8'), 'utf16le'));
    }
    for (const jobs of ['1', '2']) {
      expect((await runMain(['crawl16', '-o', `out16-${jobs}`, '--encoding', 'utf-16le', '-j', jobs], { cwd: root })).exitCode).toBe(0);
      const cleaned = outputs(path.join(root, `out16-${jobs}`));
      expect(cleaned).toHaveLength(16);
      expect(cleaned.some((o) => o.includes(PROMO))).toBe(false);
    }
  });

  it('-f jsonl over a crawl gives the records -f json -o writes, cross-page evidence included, with any -j', async () => {
    const root = makeCrawl();
    expect((await runMain(['crawl', '-f', 'json', '-o', 'json'], { cwd: root })).exitCode).toBe(0);
    const files = readdirSync(path.join(root, 'json'), { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort();
    const expected = files.map((f) => JSON.parse(readFileSync(path.join(root, 'json', f), 'utf8')));
    for (const jobs of ['1', '2']) {
      const run = await runMain(['crawl', '-f', 'jsonl', '-j', jobs], { cwd: root });
      expect(run.exitCode).toBe(0);
      const records = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(records.map((r) => r.source).sort()).toEqual(expected.map((r) => r.source).sort());
      for (const record of records) expect(record).toEqual(expected.find((r) => r.source === record.source));
      expect(records.some((r) => r.text.includes(PROMO))).toBe(false);
    }
  });

  it('leaves duplicate captures alone: a folder of copies of one page is cleaned as the page alone', async () => {
    const root = tempDir();
    const cases = readdirSync(FIXTURES).filter((n) => existsSync(path.join(FIXTURES, n, 'input.txt')));
    for (const name of cases) {
      mkdirSync(path.join(root, 'copies', name), { recursive: true });
      for (let i = 0; i < 6; i++) writeFileSync(path.join(root, 'copies', name, `${i}.txt`), readFileSync(path.join(FIXTURES, name, 'input.txt')));
    }
    expect((await runMain(['copies', '-o', 'out'], { cwd: root })).exitCode).toBe(0);
    for (const name of cases) expect([name, readFileSync(path.join(root, 'out', name, '5.txt'), 'utf8')]).toEqual([name, readFileSync(path.join(FIXTURES, name, 'expected.txt'), 'utf8')]);
  });

  it('merging the counts of shards gives the counts of the whole crawl, and --counts replaces counting', async () => {
    const root = makeCrawl();
    const build = (out: string, ...inputs: string[]) => runMain(['counts', 'build', '-o', out, ...inputs], { cwd: root });
    expect(await build('all.counts', 'crawl')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect((await build('a.counts', 'crawl/news.example')).exitCode).toBe(0);
    expect((await build('b.counts', 'crawl/blog.example')).exitCode).toBe(0);
    expect((await runMain(['counts', 'merge', 'b.counts', 'a.counts', '-o', 'merged.counts'], { cwd: root })).exitCode).toBe(0);
    expect(readFileSync(path.join(root, 'merged.counts'), 'utf8')).toBe(readFileSync(path.join(root, 'all.counts'), 'utf8'));

    // A shard cleaned with the merged counts is cleaned as in one run over the whole crawl.
    await runMain(['crawl', '-o', 'whole'], { cwd: root });
    const shard = await runMain(['crawl/news.example', '-o', 'shard', '--counts', 'merged.counts'], { cwd: root });
    expect(shard.exitCode).toBe(0);
    expect(outputs(path.join(root, 'shard'))).toEqual(outputs(path.join(root, 'whole', 'news.example')));
    const one = await runMain(['crawl/news.example/3.txt', '--counts', 'merged.counts'], { cwd: root });
    expect(one.stdout).toBe(readFileSync(path.join(root, 'whole', 'news.example', '3.txt'), 'utf8'));
  });

  it('reads counts files piece by piece: a character or a line cut between two pieces is read whole', async () => {
    const root = makeCrawl();
    // A site name whose "ü" (2 bytes in UTF-8) straddles byte 65,536, where the first 64 KB piece ends.
    const head = 'boilerstrip-counts 2\na.example\t9\n';
    const line = (i: number, count: string) => `\t${i.toString(16).padStart(16, '0')}\t${count}\n`;
    const lines: string[] = [];
    let length = head.length;
    for (let i = 0; length < 65_535; i++) {
      // Lines of 20 bytes, and at the end longer ones (counts of more digits) to land on byte 65,535.
      const rest = 65_535 - length;
      const count = rest >= 40 || rest === 20 ? '1' : '1'.padStart(Math.min(10, rest - 19), '1');
      lines.push(line(i, count));
      length += line(i, count).length;
    }
    const text = `${head}${lines.join('')}üü.example\t7\n${line(1, '5')}${line(2, '6')}end\t2\t${lines.length + 2}\n`;
    expect(Buffer.byteLength(`${head}${lines.join('')}`)).toBe(65_535);
    writeFileSync(path.join(root, 'big.counts'), text);
    expect(await runMain(['counts', 'merge', 'big.counts', '-o', 'again.counts'], { cwd: root })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(root, 'again.counts'), 'utf8')).toBe(text);
  });

  it('reads a counts file out of order (edited by hand) in full, also from a pipe, which can be read only once', async () => {
    const root = makeCrawl();
    await runMain(['counts', 'build', '-o', 'all.counts', 'crawl'], { cwd: root });
    const text = readFileSync(path.join(root, 'all.counts'), 'utf8');
    // Each site's line counts in falling order: the reader that keeps only repeats as it reads stops there.
    const reversed = text.replace(/((?:^\t.*\n)+)/gmu, (run: string) => run.split(/(?<=\n)/u).reverse().join(''));
    expect(reversed).not.toBe(text);
    writeFileSync(path.join(root, 'reversed.counts'), reversed);
    await runMain(['crawl', '-o', 'whole'], { cwd: root });
    const fromFile = await runMain(['crawl/news.example', '-o', 'from-file', '--counts', 'reversed.counts'], { cwd: root });
    // A shell pipe, as `--counts <(cat a.counts b.counts)` gives (a child's standard input from Node is a socket).
    const fromPipe = spawnSync('sh', ['-c', 'cat reversed.counts | "$0" "$1" crawl/news.example -o from-pipe --counts /dev/stdin', process.execPath, BIN], { cwd: root, encoding: 'utf8' });
    expect([fromFile.exitCode, fromFile.stderr, fromPipe.status, fromPipe.stderr]).toEqual([0, '', 0, '']);
    expect(outputs(path.join(root, 'from-file'))).toEqual(outputs(path.join(root, 'whole', 'news.example')));
    expect(outputs(path.join(root, 'from-pipe'))).toEqual(outputs(path.join(root, 'whole', 'news.example')));
  });

  it.each([
    [['counts'], /counts needs "build" or "merge"/u],
    [['counts', 'build', 'crawl'], /required option '-o, --output <file>'/u],
    [['crawl', '-o', 'x', '--counts', 'missing.counts'], /^boilerstrip: missing\.counts: no such file or folder/u],
    [['crawl', '-o', 'x', '--counts', 'crawl/news.example/1.txt'], /1\.txt: not a boilerstrip counts file/u],
    [['crawl', '-o', 'x', '--counts', 'crawl'], /^boilerstrip: crawl: is a folder, not a file/u],
    [['crawl', '-o', 'x', '--counts', 'a', '--no-cross-page'], /contradict/u],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const root = makeCrawl();
    const run = await runMain(args, { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it('works for JSON Lines records too: sites are URL hosts, counted with counts build --input-format jsonl', async () => {
    const root = makeCrawl();
    const records = ['news.example', 'blog.example'].flatMap((site) =>
      Array.from({ length: 8 }, (_, i) => JSON.stringify({ url: `https://www.${site}/${i}`, text: readFileSync(path.join(root, 'crawl', site, `${i}.txt`), 'utf8') })),
    );
    const input = `${records.join('\n')}\n`;
    const built = await runMain(['counts', 'build', '--input-format', 'jsonl', '--id-field', 'url', '-o', 'records.counts', '-'], { cwd: root, stdin: input });
    expect(built).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    // The same pages as files in folders named by host give the same counts.
    await runMain(['counts', 'build', '-o', 'files.counts', 'crawl'], { cwd: root });
    expect(readFileSync(path.join(root, 'records.counts'), 'utf8')).toBe(readFileSync(path.join(root, 'files.counts'), 'utf8'));

    await runMain(['crawl', '-o', 'whole'], { cwd: root });
    const wanted = ['news.example', 'blog.example'].flatMap((site) => Array.from({ length: 8 }, (_, i) => readFileSync(path.join(root, 'whole', site, `${i}.txt`), 'utf8')));
    // 20 copies: more than one batch, so -j 2 sends records to the worker pool (with the counts).
    for (const [jobs, copies] of [['1', 1], ['2', 20]] as const) {
      const run = await runMain(['--input-format', 'jsonl', '--id-field', 'url', '--counts', 'records.counts', '-j', jobs], { cwd: root, stdin: input.repeat(copies) });
      expect(run.exitCode).toBe(0);
      const texts = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).text as string);
      // Each record is cleaned exactly as its page in a folder run with cross-page evidence.
      expect(texts.map((t) => `${t}\n`)).toEqual(Array.from({ length: copies }, () => wanted).flat());
      expect(texts.some((t) => t.includes(PROMO))).toBe(false);
      expect(texts.every((t) => t.includes('buses ('))).toBe(true);
    }
    const plain = await runMain(['--input-format', 'jsonl'], { cwd: root, stdin: input });
    expect(plain.stdout).toContain(PROMO);
    const noId = await runMain(['--input-format', 'jsonl', '--counts', 'records.counts'], { cwd: root, stdin: input });
    expect(noId.exitCode).toBe(2);
    expect(noId.stderr).toMatch(/needs --id-field/u);
  });
});
