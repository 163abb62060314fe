#!/usr/bin/env node
// Regenerates fixtures/<case>/expected.txt from the built library (run `npm run build` first, or use
// `npm run fixtures:update`). Every change this makes is a behaviour change: review `git diff fixtures/`.
// With case names as arguments, only those cases are rewritten.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strip } from '../dist/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const wanted = process.argv.slice(2);
for (const name of readdirSync(root).sort()) {
  const input = path.join(root, name, 'input.txt');
  if (!existsSync(input) || (wanted.length > 0 && !wanted.includes(name))) continue;
  const text = strip(readFileSync(input, 'utf8')).text;
  writeFileSync(path.join(root, name, 'expected.txt'), text === '' ? '' : `${text}\n`);
  console.log(`updated ${name}`);
}
