// The built CLI loads its bundle with V8's code cache (bin/load-bundle.cjs, scripts/bundle.js). A cache
// that V8 refuses only costs time, so nothing else would notice a build that stopped making a usable one;
// and a cache made from another bundle must never be used (V8 checks only the source's length).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from '../helpers/cli.js';

const LOADER = path.join(REPO, 'bin', 'load-bundle.cjs');
const BUNDLE = path.join(REPO, 'dist', 'bundle', 'main.cjs');

/** Loads `bundle` in a fresh Node process (the flags of a plain run), cleans the seed page with it. */
function load(bundle: string, env: NodeJS.ProcessEnv = process.env): { rejected: boolean | null; kyiv: boolean } {
  const script = `
    const { Writable } = require('node:stream');
    const { exports, cacheRejected } = require(${JSON.stringify(LOADER)}).loadBundle(${JSON.stringify(bundle)});
    let out = '';
    const stdout = new Writable({ write(chunk, _e, done) { out += chunk; done(); } });
    exports.main({ argv: [${JSON.stringify(path.join(FIXTURES, 'seed', 'input.txt'))}], stdin: process.stdin, stdout, stderr: process.stderr, signal: new AbortController().signal })
      .then((code) => console.log(JSON.stringify({ rejected: cacheRejected ?? null, kyiv: code === 0 && out.startsWith('KYIV') })));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env }));
}

/** A copy of the built bundle and its cache in a folder laid out like the package (package.json, dist/bundle/, its stop-word table). */
function copyOfBundle(edit: (source: string) => string = (s) => s): string {
  const root = tempDir();
  mkdirSync(path.join(root, 'dist', 'bundle', 'generated'), { recursive: true });
  copyFileSync(path.join(REPO, 'package.json'), path.join(root, 'package.json'));
  copyFileSync(path.join(REPO, 'dist', 'bundle', 'generated', 'stopwords.bin'), path.join(root, 'dist', 'bundle', 'generated', 'stopwords.bin'));
  const copy = path.join(root, 'dist', 'bundle', 'main.cjs');
  writeFileSync(copy, edit(readFileSync(BUNDLE, 'utf8')));
  copyFileSync(`${BUNDLE}.cache`, `${copy}.cache`);
  return copy;
}

describe('code cache of the CLI bundle', () => {
  it('is made by the build and accepted by this Node', () => {
    expect(load(BUNDLE)).toEqual({ rejected: false, kyiv: true });
  });

  it('is accepted for an identical copy of the bundle', () => {
    expect(load(copyOfBundle())).toEqual({ rejected: false, kyiv: true });
  });

  it('is not used for a bundle with another build id, which still runs', () => {
    const copy = copyOfBundle((source) => source.replace(/\/\/ build ([0-9a-f]{40})\n$/u, (_line, id: string) => `// build ${[...id].reverse().join('')}\n`));
    expect(readFileSync(copy, 'utf8')).not.toBe(readFileSync(BUNDLE, 'utf8'));
    expect(load(copy)).toEqual({ rejected: null, kyiv: true });
  });

  it('is not used with BOILERSTRIP_NO_CODE_CACHE=1', () => {
    expect(load(BUNDLE, { ...process.env, BOILERSTRIP_NO_CODE_CACHE: '1' })).toEqual({ rejected: null, kyiv: true });
  });

  it('is not used for a bundle without a build id', () => {
    expect(load(copyOfBundle((source) => source.replace(/\/\/ build [0-9a-f]{40}\n$/u, '// no build line\n')))).toEqual({ rejected: null, kyiv: true });
  });
});
