#!/usr/bin/env node
// What `npm run build` does after tsc, for start-up time. Node's ESM loader resolves, reads and compiles
// every module on its own: the ~40 modules of a one-file run and commander's CommonJS files cost about
// half of the start-up time on top of `node -e ''`. So the CLI ships as bundles in dist/bundle/:
//
// - main.cjs, the CLI that bin/boilerstrip.cjs loads: one CommonJS file, with commander and chalk inside.
//   CommonJS because Node can compile a script with V8's code cache (vm.Script) but not an ES module, and
//   the cache spares compiling the code at every run (bin/load-bundle.cjs). The packages used by few runs
//   (piscina, fast-glob, zod, diff, cli-progress, iconv-lite, ...) stay outside and are required on first
//   use; `await import()` becomes a require() so that no ES module loader starts.
// - main.cjs.cache, V8's code cache for main.cjs, made by running the CLI on the seed page
//   (scripts/write-code-cache.cjs) so that it holds the functions a one-file run compiles. It starts with
//   the build id that ends main.cjs: a cache is only used with the bundle it was made from.
// - clean-worker.js, the worker-thread entry, an ES module that piscina loads, with its lazy chunks.
// - generated/stopwords.bin beside them (and beside dist/core/text/stopwords.js), the stop-word table
//   the core reads relative to its own module (scripts/build-stopwords.js).
//
// Input is tsc's output, not the sources, so the bundles run exactly the code the tests check in dist/.
// All bundles sit in one folder two levels below the package, like dist/cli/, so the paths the code
// builds from import.meta.url (package.json, the worker beside the pool) resolve the same way.
//
//   node scripts/bundle.js    (run by `npm run build` after tsc)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const root = (relative) => fileURLToPath(new URL(`../${relative}`, import.meta.url));
/** Loaded by every run (commander), or ES-module-only and small (chalk): inside main.cjs. */
const BUNDLED_PACKAGES = new Set(['commander', 'chalk']);
const external = Object.keys(require('../package.json').dependencies).filter((name) => !BUNDLED_PACKAGES.has(name));

/**
 * commander loads node:child_process only to run executable subcommands, which boilerstrip does not
 * have; loading it (and net, dgram, ...) at start-up costs a few milliseconds. This stand-in loads it
 * on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(builder) {
    builder.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/**
 * dist/cli/version.js reads the version from package.json at load time: resolving, reading and parsing it
 * through require() took about a millisecond of every run. The bundles get the version written in instead,
 * from the package.json they are built with (and shipped beside).
 */
const inlineVersion = {
  name: 'inline-version',
  setup(builder) {
    const { version } = JSON.parse(readFileSync(root('package.json'), 'utf8'));
    builder.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]version\.js$/ }, () => ({
      contents: `export const VERSION = ${JSON.stringify(version)};`,
      loader: 'js',
    }));
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', external, plugins: [lazyChildProcess, inlineVersion], logLevel: 'warning' };

rmSync(root('dist/bundle'), { recursive: true, force: true });
for (const folder of ['dist/core/text/generated', 'dist/bundle/generated']) {
  mkdirSync(root(folder), { recursive: true });
  copyFileSync(root('src/core/text/generated/stopwords.bin'), root(`${folder}/stopwords.bin`));
}

await build({
  ...common,
  entryPoints: [root('dist/cli/main.js')],
  outfile: root('dist/bundle/main.cjs'),
  format: 'cjs',
  supported: { 'dynamic-import': false },
  // The sources locate files from import.meta.url, which a CommonJS file does not have.
  define: { 'import.meta.url': 'bundleUrl' },
  banner: { js: "const bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
const bundle = root('dist/bundle/main.cjs');
// ASCII only: V8 decodes ASCII text quickly into a one-byte string, where one other character made the
// whole source a two-byte string, twice as slow to decode and larger to keep. esbuild escapes other characters in strings but not
// in regular expression literals and String.raw templates; both hold regular expressions only (String.raw
// sources go to LowerCasePattern), where \uXXXX means the character itself. Lower-case hex digits, since
// LowerCasePattern refuses upper-case letters in a source.
const source = readFileSync(bundle, 'utf8');
if (/[\u{10000}-\u{10ffff}]/u.test(source)) throw new Error('bundle: a character outside the BMP in main.cjs needs a surrogate-pair escape');
// After an escaping backslash, \uXXXX would not mean the character: \é would become \\u00e9, an escaped
// backslash followed by "u00e9".
const escaped = /(?<!\\)(?:\\\\)*\\[^\x00-\x7f]/u.exec(source);
if (escaped) {
  const line = source.slice(0, escaped.index).split('\n').length;
  throw new Error(`bundle: a backslash before a non-ASCII character on line ${line} of main.cjs cannot be rewritten: ${JSON.stringify(escaped[0])}`);
}
writeFileSync(bundle, source.replace(/[^\x00-\x7f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
// The build id: a hash of the bundle, on its last line, where bin/load-bundle.cjs reads it.
appendFileSync(bundle, `// build ${createHash('sha1').update(readFileSync(bundle)).digest('hex')}\n`);

await build({
  ...common,
  entryPoints: { 'clean-worker': root('dist/cli/clean-worker.js') },
  outdir: root('dist/bundle'),
  chunkNames: '[name]-[hash]',
  splitting: true,
  format: 'esm',
  // commander is CommonJS and requires Node's built-in modules; an ES module has no `require` of its own.
  banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
});

// A fresh process without NODE_OPTIONS: V8 rejects a cache made under other V8 flags.
const env = { ...process.env };
delete env.NODE_OPTIONS;
const made = spawnSync(process.execPath, [root('scripts/write-code-cache.cjs')], { env, stdio: 'inherit' });
if (made.status !== 0) {
  console.error('bundle: could not write the code cache (the CLI still works, with a slower start)');
  process.exitCode = 1;
}
