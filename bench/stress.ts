// `npm run bench:stress`: the built CLI under load, as a user runs it.
//   1. Scale inside one file: a 10 MB single line, and 10 MB of short lines (about 720,000).
//   2. A batch of 100,000 files, 5 % of them bad (NUL bytes, PNG, PDF, ZIP, gzip, larger than --max-size,
//      broken symbolic links), the good ones in UTF-8, UTF-16 and Windows-1252 with LF/CRLF/CR.
//   3. Pages of one shape repeated for 3 MB, each the worst case of a rule that compares lines with one
//      another: thousands of colon lines, of bylines by different writers (and prose below them), of
//      headlines glued to their summaries. Such a page costs in proportion to its size, as any other page.
// For each run: wall time, peak memory (maximum resident set size of the CLI process, from
// /usr/bin/time -v when present, else from polling /proc), exit code, outputs written, lines on stderr.
//
//   npm run bench:stress -- [--files N] [--only big|batch|shapes] [--extra "--jobs 2"] [--keep]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';

const REPO = path.join(import.meta.dirname, '..');
const BIN = path.join(REPO, 'bin', 'boilerstrip.cjs');
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '100000' },
    only: { type: 'string' },
    extra: { type: 'string', default: '' },
    keep: { type: 'boolean', default: false },
  },
});
const FILES = Number(values.files);
const EXTRA = values.extra.split(/\s+/u).filter(Boolean);

interface Measured {
  exitCode: number;
  seconds: number;
  peakRssMb: number;
  stderrLines: number;
}

/** Runs the CLI in `cwd`, measuring wall time and peak RSS. */
async function measure(args: string[], cwd: string): Promise<Measured> {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const command = timeBin ?? process.execPath;
  const argv = timeBin ? ['-f', 'MAXRSS_KB=%M', process.execPath, BIN, ...args] : [BIN, ...args];
  const started = performance.now();
  const child = spawn(command, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let polledPeakKb = 0;
  const poll = timeBin
    ? undefined
    : setInterval(() => {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        polledPeakKb = Math.max(polledPeakKb, Number(/VmHWM:\s+(\d+)/u.exec(status)?.[1] ?? 0));
      }, 50);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  if (poll) clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  const rssMatch = /MAXRSS_KB=(\d+)/u.exec(stderr);
  const peakKb = rssMatch ? Number(rssMatch[1]) : polledPeakKb;
  // GNU time adds its own lines: the figure asked for, and "Command exited with non-zero status N".
  const lines = stderr.split('\n').filter((l) => l !== '' && !l.startsWith('MAXRSS_KB=') && !l.startsWith('Command exited with'));
  return { exitCode, seconds, peakRssMb: peakKb / 1024, stderrLines: lines.length };
}

const report = (name: string, m: Measured, extra = '') =>
  console.log(`${name.padEnd(34)} ${m.seconds.toFixed(1).padStart(7)} s  peak RSS ${m.peakRssMb.toFixed(0).padStart(5)} MB  exit ${m.exitCode}  stderr lines ${m.stderrLines}${extra}`);

/** Lines made by `line(0)`, `line(1)`, … up to `size` characters. */
function linesOf(size: number, line: (i: number) => string): string {
  const lines: string[] = [];
  for (let i = 0, length = 0; length < size; i++) {
    lines.push(line(i));
    length += lines.at(-1)!.length + 1;
  }
  return lines.join('\n');
}

/** `i` in letters, a different word for each number: a, b, …, z, ab, bb, … */
function lettersOf(i: number): string {
  let word = '';
  do {
    word += String.fromCharCode(0x61 + (i % 26));
    i = Math.floor(i / 26);
  } while (i > 0);
  return word;
}

const SENTENCE = 'The council said on Monday that it would review the plan again, and that residents could comment on it until the end of March';
const byline = (i: number) => `By Jane Ro${lettersOf(i)}`;
const SHAPES: Record<string, (size: number) => string> = {
  'colon lines': (size) => `${SENTENCE}.\n\n${linesOf(size, (i) => `and q${i}:`)}\n${SENTENCE}, when the board votes on it for the last time.`,
  'bylines': (size) => linesOf(size, byline),
  'bylines, then prose': (size) => `${linesOf(size / 2, byline)}\n\n${linesOf(size / 2, () => 'The council said it would review the plan again, officials said.')}`,
  'glued headlines': (size) => linesOf(size, (i) => `Rail Strike Called Off${lettersOf(i)}Union leaders said the strike would not go ahead after the talks`),
};

const root = mkdtempSync(path.join(os.tmpdir(), 'boilerstrip-stress-'));
try {
  if (!existsSync(path.join(REPO, 'dist', 'cli', 'main.js'))) throw new Error('build first: npm run build');

  if (values.only === undefined || values.only === 'shapes') {
    const MB3 = 3_000_000;
    for (const [name, page] of Object.entries(SHAPES)) {
      writeFileSync(path.join(root, `${name}.txt`), page(MB3));
      report(`3 MB of ${name}`, await measure([...EXTRA, `${name}.txt`], root));
    }
  }

  if (values.only === undefined || values.only === 'big') {
    const MB10 = 10_000_000;
    writeFileSync(path.join(root, 'one-line.txt'), 'word '.repeat(MB10 / 5));
    const lines = Array.from({ length: 1_000_000 }, (_, i) => `Menu item ${i % 1000}`).join('\n');
    writeFileSync(path.join(root, 'million-lines.txt'), lines.padEnd(MB10, ' ').slice(0, MB10));
    report('10 MB, one line', await measure([...EXTRA, 'one-line.txt'], root));
    report('10 MB of short lines (719,942)', await measure([...EXTRA, 'million-lines.txt'], root));
  }

  if (values.only === undefined || values.only === 'batch') {
    const fixtures = readdirSync(path.join(REPO, 'fixtures')).map((n) => readFileSync(path.join(REPO, 'fixtures', n, 'input.txt'), 'utf8'));
    const encodings: ((t: string) => Buffer)[] = [(t) => Buffer.from(t), (t) => iconv.encode(t, 'utf-16le', { addBOM: true }), (t) => iconv.encode(t, 'windows-1252')];
    const badKinds: (() => Buffer | 'link')[] = [
      () => Buffer.from('a\u0000b'),
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      () => Buffer.from('%PDF-1.4\n'),
      () => Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      () => Buffer.from([0x1f, 0x8b, 8, 0]),
      () => Buffer.alloc(300 * 1024, 'x '),
      () => 'link',
    ];
    let bad = 0;
    const started = performance.now();
    for (let i = 0; i < FILES; i++) {
      const folder = path.join(root, 'pages', `d${i % 100}`);
      if (i < 100) mkdirSync(folder, { recursive: true });
      const file = path.join(folder, `f${i}.txt`);
      if (i % 20 === 19) {
        const content = badKinds[bad++ % badKinds.length]!();
        if (content === 'link') symlinkSync(`missing-${i}`, file);
        else writeFileSync(file, content);
      } else {
        const text = fixtures[i % fixtures.length]!.replaceAll('\n', ['\n', '\r\n', '\r'][i % 3]!);
        writeFileSync(file, encodings[i % encodings.length]!(text));
      }
    }
    console.log(`(${FILES} files written in ${((performance.now() - started) / 1000).toFixed(0)} s: ${FILES - bad} good, ${bad} bad)`);
    const m = await measure([...EXTRA, 'pages', '-o', 'out', '--max-size', '256k'], root);
    const outputs = readdirSync(path.join(root, 'out'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
    report(`${FILES} files, 5 % bad`, m, `  outputs ${outputs} (expected ${FILES - bad}), failures reported ${m.stderrLines} (expected ${bad})`);
  }
} finally {
  if (values.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
