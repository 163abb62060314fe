// One test per fixtures/<case>/ folder: the default text output equals expected.txt.
// Regenerate with `npm run fixtures:update` and review the diff: every change there is a behaviour change.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strip } from '../src/core/strip.js';

const root = path.join(import.meta.dirname, '..', 'fixtures');
const cases = readdirSync(root).filter((name) => existsSync(path.join(root, name, 'input.txt')));

describe('golden fixtures', () => {
  it('has the seed and at least twelve more cases', () => {
    expect(cases).toContain('seed');
    expect(cases.length).toBeGreaterThanOrEqual(13);
  });

  it.each(cases)('%s', (name) => {
    const input = readFileSync(path.join(root, name, 'input.txt'), 'utf8');
    const expected = readFileSync(path.join(root, name, 'expected.txt'), 'utf8');
    const text = strip(input).text;
    expect(text === '' ? '' : `${text}\n`).toBe(expected);
  });
});
