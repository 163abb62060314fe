// Text dumps made here, from the aeb pages' HTML, by a tool that wraps its lines at a width: the text
// browsers `lynx -dump` and `w3m -dump`, two of the commonest ways a crawl is turned into text, the
// html2text converter (the Debian package's, 1.3), and Python's html2text, which writes Markdown. The shared set
// holds dumps of three converters that print one HTML block a line; these show how boilerstrip does on
// a dump whose paragraphs are wrapped (see src/core/pipeline/unwrap-hard-wrapped-lines.ts). The tools
// are Debian packages (`apt-get install lynx w3m html2text python3-html2text`); the bench says so when
// one is missing.
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { BenchDataError, type BenchSet } from './data.js';

const run = promisify(execFile);

/** The tools the bench can dump with, and how: about 80 columns, links not listed, UTF-8 in and out. */
export const DUMPERS = {
  lynx: { label: 'lynx -dump', command: (file: string) => ['lynx', ['-dump', '-nolist', '-width=80', '-assume_charset=utf-8', '-display_charset=utf-8', file]] },
  w3m: { label: 'w3m -dump', command: (file: string) => ['w3m', ['-dump', '-T', 'text/html', '-I', 'utf-8', '-O', 'utf-8', '-cols', '80', file]] },
  // A converter, not a browser: 79 columns, and no blank line between paragraphs.
  html2text: { label: 'html2text', command: (file: string) => ['html2text', ['-utf8', '-width', '79', file]] },
  // Python's html2text (Debian: python3-html2text): Markdown, links and images written out, 78 columns.
  markdown: { label: 'html2markdown (Markdown)', command: (file: string) => ['html2markdown', [file]] },
} as const satisfies Record<string, { label: string; command: (file: string) => readonly [string, readonly string[]] }>;

export type Dumper = keyof typeof DUMPERS;

export function isDumper(name: string): name is Dumper {
  return Object.hasOwn(DUMPERS, name);
}

/** Writes `<id>.txt`, the dump by `dumper` of each `<id>.html.gz` of the set, into `outDir`. */
export async function makeDumps(set: BenchSet, dumper: Dumper, outDir: string): Promise<void> {
  const htmlDir = path.join(set.datasetDir, 'html');
  const pages = (await readdir(htmlDir).catch(() => [])).filter((name) => name.endsWith('.html.gz'));
  if (pages.length === 0) throw new BenchDataError(`--dump-with needs the pages' HTML, and ${htmlDir} has none`);
  const htmlOut = path.join(outDir, 'html');
  const dumpOut = path.join(outDir, 'dumps');
  await mkdir(htmlOut, { recursive: true });
  await mkdir(dumpOut, { recursive: true });
  for (const page of pages) {
    const id = page.slice(0, -'.html.gz'.length);
    const html = path.join(htmlOut, `${id}.html`);
    await writeFile(html, gunzipSync(await readFile(path.join(htmlDir, page))));
    const [command, args] = DUMPERS[dumper].command(html);
    try {
      const { stdout } = await run(command, args, { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
      await writeFile(path.join(dumpOut, `${id}.txt`), stdout);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new BenchDataError(`--dump-with ${dumper}: ${command} is not installed (Debian: apt-get install ${command})`);
      }
      throw new BenchDataError(`--dump-with ${dumper}: ${command} failed on ${page}: ${(error as Error).message}`);
    }
  }
}

/** Where makeDumps put the dumps. */
export function dumpsDir(outDir: string): string {
  return path.join(outDir, 'dumps');
}
