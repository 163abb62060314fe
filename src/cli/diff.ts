// --diff: a unified diff from the input to the clean text, written by the `diff` package (jsdiff: the
// maintained implementation of Myers' algorithm that `patch` and git understand), so the output can be
// read in any diff viewer or kept as a record of what a run removed. Imported only for --diff runs.
import type { ChalkInstance } from 'chalk';
import { createTwoFilesPatch } from 'diff';
import { visibleControls } from './visible.js';

export function formatDiff(source: string, input: string, output: string, colour: ChalkInstance, terminal = false): string {
  const name = source === '-' ? 'standard input' : source;
  // The output has LF line endings whatever the input had; jsdiff splits on LF only, so a CRLF page would
  // show every line as changed (and a lone-CR page as one line). The diff is of the lines, not of their ends.
  const lines = input.replace(/\r\n?/gu, '\n');
  const patch = createTwoFilesPatch(name, `${name} (boilerstrip)`, lines, output, undefined, undefined, { context: 1 });
  // A diff in a file or a pipe stays byte for byte what patch reads; on a terminal it is only read, and a
  // page's escape sequences must not reach the terminal (visible.ts).
  if (colour.level === 0 && !terminal) return patch;
  return patch
    .split('\n')
    .map((raw) => {
      const line = terminal ? visibleControls(raw) : raw;
      if (line.startsWith('+++') || line.startsWith('---')) return colour.bold(line);
      if (line.startsWith('@@')) return colour.cyan(line);
      if (line.startsWith('+')) return colour.green(line);
      if (line.startsWith('-')) return colour.red(line);
      return line;
    })
    .join('\n');
}
