'use strict';
// Loads the CLI bundle (dist/bundle/main.cjs, see scripts/bundle.js) with V8's code cache. Compiling the
// bundle's functions is a good part of a one-file run; the cache, made at build time by running the CLI
// on a page, holds them already compiled.
//
// What guards the cache: V8 refuses one made by another Node version or under other V8 flags, or that is
// cut short, and the code is then compiled as usual (`cachedDataRejected`): that costs time only. V8
// checks the source only by its length, so the cache starts with the build id that ends the bundle (a
// hash of it): a cache made from another build is never used. Two cases remain unguarded, since hashing
// the cache and the bundle at every start would cost several per cent of a one-file run: a bundle edited
// by hand to the same length runs the old bundle's compiled code, and bytes damaged inside the cache end
// the process in V8. `npm run build` makes both files again; BOILERSTRIP_NO_CODE_CACHE=1 turns the cache off.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle', 'main.cjs');
const BUILD_LINE = '\n// build ';

/**
 * Compiles and runs the bundle (its cache is the file beside it, with .cache added); returns its exports,
 * whether V8 refused the cache, and a function that writes the code cache of what has been compiled so far
 * (scripts/write-code-cache.cjs).
 */
function loadBundle(bundle = BUNDLE) {
  const cacheFile = `${bundle}.cache`;
  let source;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${bundle} (${error.code ?? error.message}): run npm run build`);
  }
  const buildAt = source.lastIndexOf(BUILD_LINE);
  const build = buildAt < 0 ? '' : source.slice(buildAt + BUILD_LINE.length).trim();
  let cachedData;
  try {
    if (process.env.BOILERSTRIP_NO_CODE_CACHE === '1') throw new Error('the code cache is turned off');
    const cache = readFileSync(cacheFile);
    if (build !== '' && cache.subarray(0, build.length).toString('latin1') === build) cachedData = cache.subarray(build.length);
  } catch {
    // No cache: compile as usual.
  }
  const script = new vm.Script(wrap(source), {
    filename: bundle,
    cachedData,
    // Only for an `import()` left in the bundle; undefined before Node 20.12.
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return {
    exports: module.exports,
    /** undefined: no cache for this bundle; true: V8 refused it; false: used. */
    cacheRejected: cachedData === undefined ? undefined : script.cachedDataRejected === true,
    writeCache: () => {
      // Through a temporary file: an interrupted build leaves the old cache or none, not half of one.
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, Buffer.concat([Buffer.from(build, 'latin1'), script.createCachedData()]));
      renameSync(temporary, cacheFile);
    },
  };
}

module.exports = { loadBundle };
