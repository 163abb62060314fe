#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js and the worker entry dist/cli/clean-worker.js) into
// dist/bundle/, which bin/boilerstrip.js loads. Node's ESM loader resolves, reads and compiles every
// module on its own: the ~40 modules of a one-file run and commander's CommonJS files cost about half of
// the start-up time on top of `node -e ''`. One bundle per entry is read and compiled in one go.
//
// - Input is tsc's output, not the sources, so the bundle runs exactly the code the tests check in dist/.
// - Code splitting keeps the lazy loading as it is: each `await import()` of a module used by few runs
//   (the worker pool, --explain, --diff, JSON Lines, counts) becomes a chunk loaded only when needed.
// - All chunks sit in one folder two levels below the package, like dist/cli/, so the paths the code
//   builds from import.meta.url (package.json, the worker beside the pool) resolve the same way.
// - Packages stay external except commander, which every run loads: the lazily loaded ones (chalk, diff,
//   piscina, fast-glob, zod, ...) are imported only when used, and piscina finds its own files on disk.
//
//   node scripts/bundle.js    (run by `npm run build` after tsc)
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const root = (relative) => fileURLToPath(new URL(`../${relative}`, import.meta.url));
const BUNDLED_PACKAGES = new Set(['commander']);
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

rmSync(root('dist/bundle'), { recursive: true, force: true });
await build({
  entryPoints: { main: root('dist/cli/main.js'), 'clean-worker': root('dist/cli/clean-worker.js') },
  outdir: root('dist/bundle'),
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  plugins: [lazyChildProcess],
  // commander is CommonJS and requires Node's built-in modules; an ES module has no `require` of its own.
  banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
