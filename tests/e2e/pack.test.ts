// The library as a user installs it: `npm pack`, install the tarball into an empty project (from npm's
// cache when it can), import `strip` by the package name and type-check a TypeScript consumer against
// the shipped declarations. This catches a missing `files` entry, a broken `exports` map or .d.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from '../helpers/cli.js';
import { CATALOGUE } from '../../src/core/catalogue.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const INSTALL_TIMEOUT = 180_000;
let project = '';

describe('packed library', () => {
  beforeAll(() => {
    project = tempDir();
    // --ignore-scripts: dist/ is already built by `npm test`; rebuilding it here would race the other
    // end-to-end tests that run the bin from dist/.
    execFileSync(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], { cwd: REPO, stdio: 'pipe' });
    const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'))!;
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync(NPM, ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--silent', `./${tarball}`], { cwd: project, stdio: 'pipe' });
  }, INSTALL_TIMEOUT);

  it('imports strip by package name and cleans the seed page', () => {
    writeFileSync(
      path.join(project, 'use.js'),
      `import { readFileSync } from 'node:fs';
import { strip, CATALOGUE } from 'boilerstrip';
const result = strip(readFileSync(process.argv[2], 'utf8'), { drop: [/^The center claims/], disabledRules: ['menu-runs'] });
console.log(JSON.stringify({ metadata: result.metadata, kyiv: result.text.startsWith('KYIV'), center: result.text.includes('The center claims'), rules: CATALOGUE.length }));`,
    );
    const out = execFileSync(process.execPath, ['use.js', path.join(FIXTURES, 'seed', 'input.txt')], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      metadata: { title: 'Video published by Ukraine purports to show North Korean soldiers in Russia', author: 'Samya Kullab, The Associated Press', date: '2024-10-19' },
      kyiv: true,
      center: false,
      // The packed catalogue is the source's: a number written here went stale when rules were added.
      rules: CATALOGUE.length,
    });
  });

  it('ships the MIT licence that package.json names', () => {
    const installed = path.join(project, 'node_modules', 'boilerstrip');
    expect(JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')).license).toBe('MIT');
    expect(readFileSync(path.join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 The boilerstrip authors\n/);
  });

  it('runs the installed command on a folder with worker threads, without the unbundled dist/cli that it never loads', () => {
    const installed = path.join(project, 'node_modules', 'boilerstrip');
    expect(existsSync(path.join(installed, 'dist', 'cli'))).toBe(false);
    const seed = readFileSync(path.join(FIXTURES, 'seed', 'input.txt'));
    const pages = path.join(project, 'pages');
    mkdirSync(pages, { recursive: true });
    // 8 pages or more with -j 2 start the worker pool (dist/bundle/clean-worker.js).
    for (let i = 0; i < 9; i++) writeFileSync(path.join(pages, `${i}.txt`), seed);
    const bin = path.join(project, 'node_modules', '.bin', 'boilerstrip');
    execFileSync(bin, ['-j', '2', 'pages', '-o', 'out'], { cwd: project, stdio: 'pipe' });
    const expected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');
    for (let i = 0; i < 9; i++) expect(readFileSync(path.join(project, 'out', `${i}.txt`), 'utf8')).toBe(expected);
    expect(execFileSync(bin, ['--explain', path.join(pages, '0.txt')], { cwd: project, encoding: 'utf8' })).toMatch(/\n# 8 of \d+ lines kept/u);
  });

  it('ships type declarations that a strict TypeScript consumer compiles against', () => {
    expect(existsSync(path.join(project, 'node_modules', 'boilerstrip', 'dist', 'index.d.ts'))).toBe(true);
    writeFileSync(
      path.join(project, 'use.ts'),
      `import { strip, type StripOptions, type StripResult } from 'boilerstrip';
const options: StripOptions = { keep: ['Editor’s note', /^Update:/i], drop: ['Sign up for our newsletter'], language: 'en' };
const result: StripResult = strip('text', options);
const rule: string = result.blocks[0]?.rule ?? '';
// @ts-expect-error keep takes strings and regular expressions only
strip('text', { keep: [42] });
export { rule };`,
    );
    // No @types/node in the consumer: the declarations must not need it.
    const compilerOptions = { noEmit: true, strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [] };
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['use.ts'] }));
    const compile = () => execFileSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    expect(compile).not.toThrow();
  });
});
