// --diff: a unified diff from the input to the clean text, written by the `diff` package (jsdiff: the
// maintained implementation of Myers' algorithm that `patch` and git understand), so the output can be
// read in any diff viewer or kept as a record of what a run removed. Imported only for --diff runs.
import type { ChalkInstance } from 'chalk';
import { createTwoFilesPatch } from 'diff';
import { visibleControls } from './visible.js';

export function formatDiff(source: string, input: string, output: string, colour: ChalkInstance, terminal = false): string {
  const name = source === '-' ? 'standard input' : source;
  // The output has LF line endings whatever the input had, and jsdiff splits on LF only: compared as they
  // are, a CRLF page would show every line as changed, and a lone-CR page as one line. A page written with
  // CRLF throughout is compared with the clean text written with CRLF too (what --crlf writes), so the diff
  // shows the decisions and still applies to the page with patch; other pages are compared line by line,
  // their ends folded to LF.
  const crlf = input.includes('\r\n') && !LONE_CR_OR_LF.test(input);
  const from = crlf ? input : input.replace(/\r\n?/gu, '\n');
  const to = crlf ? output.replaceAll('\n', '\r\n') : output;
  // The label goes after a tab, where patch ends a file name: after a space it was read as part of a name
  // with spaces in it ("+++ my page.txt (boilerstrip)"), and patch found no file to patch.
  // jsdiff heads a diff between two equal names with an svn-style "Index:" line and a rule of "=" under
  // it, which neither patch nor git needs; both are left out, so the diff starts as GNU diff -u's does.
  const patch = createTwoFilesPatch(name, name, from, to, undefined, '(boilerstrip)', { context: 1 }).replace(/^Index: .*\n=+\n/u, '');
  // A diff in a file or a pipe stays byte for byte what patch reads; on a terminal it is only read, and a
  // page's escape sequences must not reach the terminal (visible.ts).
  if (colour.level === 0 && !terminal) return patch;
  return patch
    .split('\n')
    .map((raw) => {
      // A CRLF page's CR ends each line, which a terminal shows anyway: it is not a control to picture.
      const line = terminal ? visibleControls(raw.endsWith('\r') ? raw.slice(0, -1) : raw) : raw;
      if (line.startsWith('+++') || line.startsWith('---')) return colour.bold(line);
      if (line.startsWith('@@')) return colour.cyan(line);
      if (line.startsWith('+')) return colour.green(line);
      if (line.startsWith('-')) return colour.red(line);
      return line;
    })
    .join('\n');
}

/** A CR not followed by LF, or an LF not after a CR: a page whose lines do not all end with CRLF. */
const LONE_CR_OR_LF = /\r(?!\n)|(?<!\r)\n/u;
