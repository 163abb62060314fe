// --input-format jsonl through the built CLI as a real child process, fed the inputs a crawl holds: a
// byte-order mark before the first record, ids too big for a double.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, tempDir } from '../helpers/cli.js';

describe('built CLI, --input-format jsonl', () => {
  it('skips a UTF-8 byte-order mark before the first record, in a file and on standard input', () => {
    const root = tempDir();
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"text":"Hello there, this is a sentence of text that is long enough to be prose.","id":1}\n')]);
    writeFileSync(path.join(root, 'bom.jsonl'), input);
    const file = runBin(['--input-format', 'jsonl', 'bom.jsonl'], { cwd: root });
    expect(file).toEqual({ exitCode: 0, stdout: `{"text":"Hello there, this is a sentence of text that is long enough to be prose.","id":1,"boilerstrip":{"bytesIn":72,"bytesOut":72,"blocksKept":1,"blocksDropped":0}}\n`, stderr: '' });
    expect(runBin(['--input-format', 'jsonl'], { input })).toEqual(file);
  });

  it('passes an id too big for a double, and 1.0, through as written', () => {
    const run = runBin(['--input-format', 'jsonl'], { input: '{"id":12345678901234567891,"w":1.0,"text":"Hello there, this is a sentence of text that is long enough to be prose."}\n' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^\{"id":12345678901234567891,"w":1\.0,"text":"Hello there, [^"]*","boilerstrip":\{[^}]*\}\}\n$/u);
  });
});
