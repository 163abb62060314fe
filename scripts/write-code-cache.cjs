'use strict';
// Writes dist/bundle/main.cjs.cache (see scripts/bundle.js): loads the bundle as bin/boilerstrip.cjs does,
// cleans the seed page with the default options into a sink, and saves V8's cache of every function
// compiled by then. Run by scripts/bundle.js in a fresh process, so that the V8 flags are those of a
// plain `boilerstrip` run.
const path = require('node:path');
const { Writable } = require('node:stream');
const { loadBundle } = require('../bin/load-bundle.cjs');

const SEED = path.join(__dirname, '..', 'fixtures', 'seed', 'input.txt');

async function write() {
  const { exports, writeCache } = loadBundle();
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  const code = await exports.main({ argv: [SEED], stdin: process.stdin, stdout: sink(), stderr: sink(), signal: new AbortController().signal });
  if (code !== 0) throw new Error(`cleaning the seed page exited ${code}`);
  writeCache();
}

write().catch((error) => {
  process.stderr.write(`write-code-cache: ${error.message}\n`);
  process.exitCode = 1;
});
