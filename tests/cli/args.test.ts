// parseArgs answers a command line of inputs alone (`boilerstrip page.txt`) without commander, from the
// options' defaults: that answer must be commander's, for the options and for where each came from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { MAX_JOBS_PER_PROCESSOR, parseArgs, parseWithCommander } from '../../src/cli/args.js';
import { SEARCH_PLACES } from '../../src/cli/config.js';

const nowhere = (): void => {};

describe('--help', () => {
  it('names every exit code the README lists', () => {
    let help = '';
    parseWithCommander(['--help'], '1.2.3', (s) => (help += s), nowhere);
    const readme = readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const codes = [...readme.matchAll(/^\| (\d+) \|/gmu)].map((m) => m[1]!);
    expect(codes).toEqual(expect.arrayContaining(['0', '1', '2', '129', '130', '143']));
    for (const code of codes) expect(help, code).toMatch(new RegExp(`(?:codes: |, |\\n)${code} `, 'u'));
  });
});

describe('--help on options', () => {
  let help = '';
  parseWithCommander(['--help'], '1.2.3', (s) => (help += s), nowhere);
  /** The help of one option, its lines joined as commander wraps them. */
  const helpOf = (flag: string) => [...help.matchAll(/\n {2}(--[\w-]+)[^\n]*(?:\n {10,}[^\n]*)*/gu)].find((m) => m[1] === flag)![0].replace(/\s+/gu, ' ');

  it('--config names the places searched, in the order they are searched', () => {
    const places = SEARCH_PLACES.map((place) => (place === 'package.json' ? '"boilerstrip" key in package.json' : place));
    expect(helpOf('--config')).toContain(places.join(', '));
  });

  it('--summary says that -q leaves out the summary a terminal gets after a batch', () => {
    expect(helpOf('--summary')).toMatch(/when stderr is a terminal, unless -q\)/u);
    expect(helpOf('--summary')).not.toContain('always');
  });
});

describe('--jobs', () => {
  it('takes at most four jobs per processor: a mistyped -j 99999 does not start thousands of threads', () => {
    const jobs = (value: string) => {
      const parsed = parseWithCommander(['-j', value, 'page.txt'], '1.2.3', nowhere, nowhere);
      return parsed.kind === 'run' ? parsed.options.jobs : undefined;
    };
    const most = MAX_JOBS_PER_PROCESSOR * availableParallelism();
    expect(jobs('1')).toBe(1);
    expect(jobs(String(most))).toBe(most);
    expect(jobs(String(most + 1))).toBe(most);
    expect(jobs('99999')).toBe(most);
  });
});

describe('parseArgs without options', () => {
  it.each([[[]], [['page.txt']], [['a.txt', 'folder', 'crawl/**/*.txt']], [['rules']], [['./rules']], [['']], [['a b.txt', 'ü.txt']]])(
    'gives what commander gives for %j',
    (argv) => {
      expect(parseArgs(argv, '1.2.3', nowhere, nowhere)).toStrictEqual(parseWithCommander(argv, '1.2.3', nowhere, nowhere));
    },
  );

  it('leaves every command line with an option or "-" to commander', () => {
    const out: string[] = [];
    expect(parseArgs(['page.txt', '--version'], '1.2.3', (s) => out.push(s), nowhere)).toEqual({ kind: 'done', exitCode: 0 });
    expect(out).toEqual(['1.2.3\n']);
    expect(() => parseArgs(['page.txt', '--nope'], '1.2.3', nowhere, nowhere)).toThrow(/unknown option '--nope'/u);
    expect(() => parseArgs(['-', '-'], '1.2.3', nowhere, nowhere)).toThrow(/only once/u);
  });

  it('hands out option lists that a run may change without changing the next run', () => {
    const first = parseArgs(['page.txt'], '1.2.3', nowhere, nowhere);
    if (first.kind !== 'run') throw new Error(first.kind);
    first.options.keep.push('x');
    const second = parseArgs(['page.txt'], '1.2.3', nowhere, nowhere);
    expect(second.kind === 'run' && second.options.keep).toEqual([]);
  });
});
