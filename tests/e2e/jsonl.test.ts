// --input-format jsonl through the built CLI as a real child process, fed the inputs a crawl holds: a
// byte-order mark before the first record, ids too big for a double, a line too long for a string.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runBin, tempDir } from '../helpers/cli.js';

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

  // 600 MB in one line: over the default --max-size of 64 MB, and longer than V8's longest string, which
  // once ended the whole run with no record written. Made by the shell, so this test holds none of it.
  it('drops a 600 MB line as it reads it, reports it, and writes the records around it', () => {
    const line = `printf '{"text":"'; head -c 600000000 /dev/zero | tr '\\0' a; printf '"}\\n'`;
    const input = `(printf '{"text":"First record.","n":1}\\n'; ${line}; printf '{"text":"Last.","n":3}\\n')`;
    const run = spawnSync('sh', ['-c', `${input} | "${process.execPath}" "${BIN}" --input-format jsonl`], { encoding: 'utf8' });
    expect(run.stderr).toBe('boilerstrip: -:2: 572.2 MiB, larger than --max-size 64 MiB; skipped\n');
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).n)).toEqual([1, 3]);
  }, 60_000);
});
