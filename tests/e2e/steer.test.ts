// Each seeing-and-steering flag once through the built bin, as a user's shell runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runBin, tempDir } from '../helpers/cli.js';

const SEED = 'fixtures/seed/input.txt';
const seedExpected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');

describe('built CLI: see and steer', () => {
  it('--explain marks every line, without colour in a pipe', () => {
    const run = runBin(['--explain', SEED]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^- +5 {2}metadata-lines +byline +│ By Samya Kullab, The Associated Press$/mu);
    expect(run.stdout).toMatch(/^\+ +11 {2}content-evidence .*│ KYIV, Ukraine \(AP\)/mu);
    expect(run.stdout).not.toMatch(/\u001b\[/u);
  });

  /** The --diff of a copy of the seed page named with a space, in a folder of its own. */
  function diffOfSpacedName(): { root: string; diff: string } {
    const root = tempDir();
    copyFileSync(path.join(FIXTURES, 'seed', 'input.txt'), path.join(root, 'my page.txt'));
    return { root, diff: runBin(['--diff', 'my page.txt'], { cwd: root }).stdout };
  }

  it('--diff of a page whose name has spaces: the label follows a tab, where patch ends the name', () => {
    expect(diffOfSpacedName().diff).toMatch(/^--- my page\.txt\n\+\+\+ my page\.txt\t\(boilerstrip\)\n/mu);
  });

  it.skipIf(spawnSync('patch', ['--version']).status !== 0)('GNU patch applies that diff, leaving the clean text', () => {
    const { root, diff } = diffOfSpacedName();
    writeFileSync(path.join(root, 'page.diff'), diff);
    execFileSync('patch', ['-p0', '-s', '-i', 'page.diff'], { cwd: root });
    expect(readFileSync(path.join(root, 'my page.txt'), 'utf8')).toBe(seedExpected);
  });

  it('--diff prints a unified diff', () => {
    const run = runBin(['--diff'], { input: readFileSync(path.join(FIXTURES, SEED.replace('fixtures/', ''))) });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^--- standard input\n\+\+\+ standard input\t\(boilerstrip\)\n@@ /mu);
    expect(run.stdout).toMatch(/^-Submit a Correction$/mu);
  });

  it('rules lists the rule ids', () => {
    const run = runBin(['rules']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n').filter((l) => /^[a-z-]+ {2,}/u.test(l)).map((l) => l.split(' ')[0])).toEqual([
      'markdown-links', 'browser-marks', 'unwrap', 'user-patterns', 'metadata-lines', 'video-blocks', 'teasers', 'interface-strings', 'repeated-lines', 'section-openers', 'comment-headers', 'menu-runs', 'run-on-fragments', 'organisation-profile', 'site-repeats', 'content-evidence', 'neighbours', 'introduced-list', 'article-table', 'recipe-card', 'repeated-records', 'main-text', 'embedded-tweet',
    ]);
  });

  it('--drop, --keep, --disable-rule and --language steer the result', () => {
    const run = runBin(['--drop', '/^The center claims/', '--keep', 'Submit a Correction', '--disable-rule', 'menu-runs', '--language', 'en', SEED]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toContain('The center claims');
    expect(run.stdout).toContain('Submit a Correction');
    expect(runBin(['--disable-rule', 'nope', SEED])).toMatchObject({ exitCode: 2, stdout: '' });
  });

  it('-f jsonl streams one record per input', () => {
    const run = runBin(['-f', 'jsonl', SEED, 'fixtures/german-article/input.txt']);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ source: SEED, text: seedExpected.trimEnd(), date: '2024-10-19' });
  });

  it('a config file is found and validated; --print-config shows it', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'page.txt'), readFileSync(path.join(FIXTURES, 'seed', 'input.txt')));
    writeFileSync(path.join(root, '.boilerstriprc'), JSON.stringify({ drop: ['/^The center claims/'], withMetadata: true }));
    const run = runBin(['page.txt'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Title: Video published/u);
    expect(run.stdout).not.toContain('The center claims');
    expect(runBin(['--print-config'], { cwd: root }).stdout).toMatch(/^withMetadata +true +\.boilerstriprc$/mu);
    writeFileSync(path.join(root, 'bad.json'), JSON.stringify({ withMetadata: 'yes' }));
    expect(runBin(['--config', 'bad.json', 'page.txt'], { cwd: root })).toEqual({
      exitCode: 2,
      stdout: '',
      // One line: --help cannot mend a file, so it is not pointed at.
      stderr: "boilerstrip: bad.json: key 'withMetadata': expected boolean, received string\n",
    });
  });
});
