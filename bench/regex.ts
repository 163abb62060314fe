// `npm run bench:regex`: every rule against adversarial 1 MB inputs, to catch regular expressions that
// backtrack. Each input is a long run of the characters some pattern repeats on (spaces, dots, digits,
// colons, letters, separators), as one line or as many lines, often with the start of a pattern in
// front (so the engine commits to it) and a character that makes it fail at the end.
//
//   npm run bench:regex -- [--size BYTES] [--limit MS] [--lines-limit MS] [--json]
//
// A regular expression runs on one line at a time, so backtracking shows on the one-line inputs: they
// must each finish under --limit (100 ms). The many-line inputs (a megabyte of short lines is some
// 150,000 blocks) measure the per-block cost of every step instead, and are held to --lines-limit. So are
// the "run-on:" inputs, pages joined on one line, which pipeline/run-on-lines.ts cuts into as many pieces as
// such a page has lines, and the cutting itself on every input (it makes a string per piece); a pattern
// that backtracks still shows there, as time that grows faster than the input.
//
// The page is split and measured outside the timing; what is timed is one rule's find(), plus the
// pipeline steps that run regular expressions on every block or line (the cutting of run-on lines,
// measure-blocks) and the date parser.
// Sizes grow 64 KB → 256 KB → 1 MB and stop growing once a case is over the limit, so a pattern that
// backtracks shows up as "over the limit at 64 KB" instead of hanging the bench.
// Exit code: 0 all under the limit, 1 some case over it.
import { parseArgs } from 'node:util';
import { newPage } from '../src/core/page.js';
import { detectLanguage } from '../src/core/pipeline/detect-language.js';
import { measureBlocks } from '../src/core/pipeline/measure-blocks.js';
import { RUN_ON_MIN_CHARS, runOnPieces } from '../src/core/pipeline/run-on-lines.js';
import { collapseWhitespace, splitBlocks } from '../src/core/pipeline/split-blocks.js';
import { RULES } from '../src/core/rules/index.js';
import { strip } from '../src/core/strip.js';
import { parseDate } from '../src/core/text/dates.js';
import type { Page } from '../src/core/types.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: String(1 << 20) },
    limit: { type: 'string', default: '100' },
    'lines-limit': { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false },
  },
});
const SIZE = Number(values.size);
const LIMIT_MS = Number(values.limit);
const LINES_LIMIT_MS = Number(values['lines-limit']);
/**
 * A one-line input is held to --limit, except where it is cut into pieces: a page joined on one line
 * ("run-on:" inputs) has as many pieces as a page has lines, so the rules and the cutting itself are held to
 * --lines-limit there, as on many-line inputs.
 */
const limitFor = (input: string, step: string) => (input.startsWith('line:') && step !== 'run-on-lines' ? LIMIT_MS : LINES_LIMIT_MS);

/** `unit` repeated to `bytes` characters, between `head` and `tail`. */
const run = (unit: string, bytes: number, head = '', tail = '') => head + unit.repeat(Math.max(1, Math.floor((bytes - head.length - tail.length) / unit.length))) + tail;

/** Eight capitalised words: what makes a long line a page joined on one line. */
const MENU = 'Home News Sport Business Weather Travel Culture Opinion ';

/** Adversarial inputs of about `n` characters. */
const INPUTS: [string, (n: number) => string][] = [
  // one long line
  ['line: dots', (n) => run('.', n)],
  ['line: dots then x', (n) => run('.', n, '', 'x')],
  ['line: ". " repeated', (n) => run('. ', n)],
  ['line: digits', (n) => run('1', n)],
  ['line: "1 " repeated', (n) => run('1 ', n)],
  ['line: colons', (n) => run(':', n)],
  ['line: "6:47 " repeated', (n) => run('6:47 ', n)],
  ['line: "1:" repeated', (n) => run('1:', n)],
  ['line: "1." / "1/" repeated', (n) => run('1.1/', n)],
  ['line: letters', (n) => run('a', n)],
  ['line: "a " repeated', (n) => run('a ', n)],
  ['line: "A " repeated', (n) => run('A ', n)],
  ['line: letters then a date', (n) => run('a', n, 'Posted ', ' 2024-10-19')],
  ['line: "a " then a date', (n) => run('a ', n, 'Updated ', ' October 19, 2024')],
  ['line: stamp + letters', (n) => run('a', n, 'Posted ')],
  ['line: byline + names', (n) => run('Ab ', n, 'By ')],
  ['line: byline + letters', (n) => run('a', n, 'By ')],
  ['line: crawler header', (n) => run('a ', n, 'date 2024-10-19 ')],
  ['line: words ending with ...', (n) => run('word ', n, '', '...')],
  ['line: dots ending with ... and x', (n) => run('...', n, '', ' x')],
  ['line: ellipses "… "', (n) => run('… ', n)],
  ['line: "a / " breadcrumb-like', (n) => run('a / ', n, '', '!')],
  ['line: "a > " breadcrumb-like', (n) => run('a > ', n)],
  ['line: "a › a » " separators', (n) => run('a › a » ', n, '', '|')],
  ['line: slashes', (n) => run('/', n)],
  ['line: pipes with spaces', (n) => run(' | ', n)],
  ['line: "(photo " then letters', (n) => run('a ', n, '(Photo by ')],
  ['line: "(" repeated', (n) => run('(', n)],
  ['line: credit ... then letters', (n) => run('a', n, 'credit ... ')],
  ['line: copyright + letters', (n) => run('a ', n, '© ')],
  ['line: e-mail-like', (n) => run('a', n, 'a@')],
  ['line: e-mail-like with dots', (n) => run('a.', n, 'a@b.')],
  ['line: word characters and dots', (n) => run('a.', n, '', '@')],
  ['line: url-like', (n) => run('a', n, 'www.', ' x')],
  ['line: "http://" + dashes', (n) => run('-', n, 'http://')],
  ['line: quotes after ...', (n) => run('"', n, 'word...', 'x')],
  ['line: "share on " repeated', (n) => run('share on ', n)],
  ['line: "follow " repeated', (n) => run('follow ', n)],
  ['line: "subscribe to " repeated', (n) => run('subscribe to ', n)],
  ['line: "vor 3 " repeated', (n) => run('vor 3 ', n)],
  ['line: Chinese characters', (n) => run('中文', n)],
  ['line: Chinese dates', (n) => run('2024年10月', n)],
  ['line: combining marks', (n) => run('\u0301', n, 'e')],
  // one line joined from a whole page (pipeline/run-on-lines.ts cuts it): a menu, then a repeated unit
  ['run-on: menu + "A. " initials', (n) => run('A. ', n, MENU)],
  ['run-on: menu + "Mr. " abbreviations', (n) => run('Mr. ', n, MENU)],
  ['run-on: menu + "a 7:19 " clock times', (n) => run('a 7:19 ', n, MENU)],
  ['run-on: menu + "2 days ago at 7:19 "', (n) => run('2 days ago at 7:19 ', n, MENU)],
  ['run-on: menu + "Jane says: "', (n) => run('Jane says: ', n, MENU)],
  ['run-on: menu + capitalised words', (n) => run('Home ', n, MENU)],
  ['run-on: menu + a stretch printed twice, cut short', (n) => run(`${Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')} `, n, MENU, 'x')],
  ['run-on: menu + "?!… " marks', (n) => run('?!… ', n, MENU)],
  // many lines
  ['lines: "6:4"', (n) => run('6:4\n', n)],
  ['lines: "6:47" durations', (n) => run('6:47\n', n)],
  ['lines: "4h ago"', (n) => run('4h ago\n', n)],
  ['lines: teaser summaries…', (n) => run('A summary of a story that is cut off…\n', n)],
  ['lines: "By A B"', (n) => run('By A B\n', n)],
  ['lines: short menu items', (n) => run('News\nSport\n\n', n)],
  ['lines: repeated headline', (n) => run('Top Stories\nA headline\n\n', n)],
  ['lines: dots', (n) => run('...\n', n)],
  ['lines: blank', (n) => run('\n', n)],
  ['lines: "a > b > c"', (n) => run('a > b > c\n', n)],
];

interface Result {
  input: string;
  step: string;
  /** The largest size tried, in bytes. */
  bytes: number;
  ms: number;
}

function preparedPage(text: string): Page {
  const page = newPage(text);
  splitBlocks(page);
  detectLanguage(page, {});
  return page;
}

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** The steps timed on each input: the cutting of run-on lines, measure-blocks, every rule, and the date parser on every block. */
function steps(page: Page): [string, () => unknown][] {
  const lines = page.source.split(/\r\n|\r|\n/u);
  return [
    ['run-on-lines', () => lines.forEach((line) => line.length >= RUN_ON_MIN_CHARS && runOnPieces(collapseWhitespace(line)))],
    ['measure-blocks', () => measureBlocks(page)],
    ...RULES.map((rule): [string, () => unknown] => [rule.id, () => rule.find(page)]),
    ['parse-date', () => page.blocks.forEach((b) => parseDate(b.text))],
  ];
}

const SIZES = [64 * 1024, 256 * 1024, SIZE].filter((s, i, all) => s <= SIZE && all.indexOf(s) === i);
const results: Result[] = [];
for (const [name, make] of INPUTS) {
  const over = new Set<string>();
  for (const bytes of SIZES) {
    const page = preparedPage(make(bytes));
    measureBlocks(page);
    for (const [step, fn] of steps(page)) {
      if (process.env.BENCH_TRACE) console.error(`${name} / ${step} / ${bytes}`); // which case hangs, if one does
      if (over.has(step)) continue;
      const ms = time(fn);
      const result = { input: name, step, bytes, ms };
      const previous = results.findIndex((r) => r.input === name && r.step === step);
      if (previous >= 0) results[previous] = result;
      else results.push(result);
      if (ms > limitFor(name, step)) over.add(step);
    }
  }
}

const failed = results.filter((r) => r.ms > limitFor(r.input, r.step));
if (values.json) {
  console.log(JSON.stringify({ limitMs: LIMIT_MS, size: SIZE, results }, null, 2));
} else {
  const kinds = [['line:', 'one-line'], ['run-on:', 'page-joined-on-one-line'], ['lines:', 'many-line']] as const;
  for (const [kind, label] of kinds) {
    const byStep = new Map<string, Result>();
    for (const r of results) if (r.input.startsWith(kind) && (byStep.get(r.step)?.ms ?? -1) < r.ms) byStep.set(r.step, r);
    console.log(`\nWorst case per step, ${label} inputs of up to ${(SIZE / 1024).toFixed(0)} KB (limit ${LIMIT_MS} or ${LINES_LIMIT_MS} ms, see limitFor):`);
    for (const [step, r] of byStep) {
      const limit = limitFor(r.input, step);
      console.log(`${r.ms > limit ? 'OVER' : 'ok  '}  ${step.padEnd(18)} ${r.ms.toFixed(1).padStart(8)} ms   ${r.input} (${(r.bytes / 1024).toFixed(0)} KB)`);
    }
  }
  const wholeWorst = INPUTS.map(([name, make]) => {
    const text = make(SIZE);
    return { name, ms: time(() => strip(text)) };
  }).sort((a, b) => b.ms - a.ms)[0]!;
  console.log(`\nwhole strip(), slowest input: ${wholeWorst.ms.toFixed(0)} ms (${wholeWorst.name}; not bound by a limit: it includes splitting and measuring)`);
  if (failed.length > 0) {
    console.log(`\n${failed.length} over the limit:`);
    for (const r of failed) console.log(`  ${r.step} on ${r.input}: ${r.ms.toFixed(0)} ms at ${(r.bytes / 1024).toFixed(0)} KB`);
  }
}
process.exitCode = failed.length > 0 ? 1 : 0;
