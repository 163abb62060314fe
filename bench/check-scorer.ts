// Proves that bench/score.ts gives the same figures as the reference score.py, so a number printed by
// bench:quality means what the benchmark's published numbers mean.
//
//   vite-node bench/check-scorer.ts        (needs python3 on PATH, or $PYTHON; data as for bench:quality)
//
// Three checks, each failing the run (exit 1) if any figure differs by more than 1e-9:
//   1. word characters: the TS token pattern against Python's `\w` on every code point;
//   2. whole sets, end to end: every peer's outputs and every raw dump, written as <id>.txt files and
//      scored by `score.py PRED_DIR DATASET_DIR --json`, against scorePages() on the same outputs;
//   3. page by page: score.py's own page_counts/precision/recall/summarize (imported from the file) on
//      every page of check 2 and on hand-made edge cases (empty sides, texts under 4 tokens, repeated
//      shingles, combining marks, other scripts), against the TS functions.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BenchDataError, inputKinds, locateSet, readGold, readPeers, readTexts, type BenchSet } from './data.js';
import { withTempDir } from './run-cli.js';
import { pageCounts, precision, recall, scorePages, summarize, tokenize, type Summary } from './score.js';

const TOLERANCE = 1e-9;
const PYTHON = process.env['PYTHON'] ?? 'python3';

let failures = 0;
const out = (line = '') => process.stdout.write(`${line}\n`);

/** Largest absolute difference between figures, or Infinity if the lists differ in length. */
function maxDiff(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Infinity;
  return Math.max(0, ...a.map((x, i) => Math.abs(x - b[i]!)));
}

function verdict(diff: number): string {
  if (diff > TOLERANCE || Number.isNaN(diff)) {
    failures++;
    return `DIFFERS (${diff})`;
  }
  return diff === 0 ? 'identical' : `ok (${diff.toExponential(1)})`;
}

function python(args: string[], input?: string): string {
  try {
    return execFileSync(PYTHON, args, { input, maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BenchDataError(`${PYTHON} ${args[0] === '-c' ? '-c ...' : args.join(' ')} failed${stderr ? `: ${stderr.split('\n').pop()}` : ''}`);
  }
}

// ---- 1. word characters --------------------------------------------------------------------------------

type Ranges = [number, number][];

const PY_WORD_CHARS = `
import json, re, sys, unicodedata
word = re.compile(r'\\w')
def ranges(test):
    out = []
    for c in range(0x110000):
        if test(chr(c)):
            if out and out[-1][1] == c - 1: out[-1][1] = c
            else: out.append([c, c])
    return out
print(json.dumps({'python': sys.version.split()[0], 'unicode': unicodedata.unidata_version,
                  'word': ranges(word.match), 'unassigned': ranges(lambda ch: unicodedata.category(ch) == 'Cn')}))
`;

function inRanges(ranges: Ranges): (c: number) => boolean {
  const set = new Set<number>();
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) set.add(c);
  return (c) => set.has(c);
}

function checkWordCharacters(): void {
  const py = JSON.parse(python(['-c', PY_WORD_CHARS])) as { python: string; unicode: string; word: Ranges; unassigned: Ranges };
  const pyWord = inRanges(py.word);
  const pyUnassigned = inRanges(py.unassigned);
  let both = 0;
  let onlyPython = 0;
  let onlyTsAssigned = 0;
  let onlyTsUnassigned = 0;
  for (let c = 0; c < 0x110000; c++) {
    const ch = String.fromCodePoint(c);
    const ts = tokenize(ch)[0] === ch;
    if (ts && pyWord(c)) both++;
    else if (pyWord(c)) onlyPython++;
    else if (ts && pyUnassigned(c)) onlyTsUnassigned++;
    else if (ts) onlyTsAssigned++;
  }
  out(`Python ${py.python} (Unicode ${py.unicode}), Node ${process.versions.node} (Unicode ${process.versions.unicode})`);
  out(`\\w: ${both} code points are word characters in both; Python-only ${onlyPython}; TS-only and assigned in Python ${onlyTsAssigned}: ` +
      verdict(onlyPython + onlyTsAssigned));
  out(`    (TS-only and unassigned in Python's Unicode ${py.unicode}, so absent from any text Python can classify: ${onlyTsUnassigned})`);
}

// ---- 2. whole sets through score.py ---------------------------------------------------------------------

interface Output {
  set: BenchSet;
  name: string;
  /** The predictions as the TS side scores them, keyed by page id. */
  texts: Map<string, string>;
}

/** Every output to compare: aeb's peers and dumps, portal's dumps (read through their site folders). */
async function collectOutputs(): Promise<{ outputs: Output[]; golds: Map<BenchSet, Map<string, string>> }> {
  const outputs: Output[] = [];
  const golds = new Map<BenchSet, Map<string, string>>();
  for (const set of [locateSet('aeb'), locateSet('portal')]) {
    golds.set(set, await readGold(set));
    for (const [name, texts] of await readPeers(set)) outputs.push({ set, name: `${name} (html)`, texts });
    for (const kind of await inputKinds(set)) {
      outputs.push({ set, name: `${kind} dump`, texts: await readTexts(path.join(set.inputsDir, kind), { recursive: true }) });
    }
  }
  return { outputs, golds };
}

const figures = (s: Summary) => [s.f1, s.precision, s.recall];
const show = (x: number) => x.toFixed(12);

async function checkSets(outputs: Output[], golds: Map<BenchSet, Map<string, string>>): Promise<void> {
  out();
  out('whole sets: bench/score.ts scorePages() | score.py PRED_DIR DATASET_DIR --json (outputs written flat as <id>.txt)');
  const width = Math.max(...outputs.map((o) => o.name.length)) + 2;
  out(`${'set'.padEnd(8)}${'output'.padEnd(width)}${'F1 ts | py'.padEnd(32)}${'precision ts | py'.padEnd(32)}${'recall ts | py'.padEnd(32)}max |diff|`);
  await withTempDir('boilerstrip-check-', async (tmp) => {
    for (const [index, output] of outputs.entries()) {
      const dir = path.join(tmp, String(index));
      await mkdir(dir);
      for (const [id, text] of output.texts) await writeFile(path.join(dir, `${id}.txt`), text);
      const py = (JSON.parse(python([output.set.scorePy, dir, output.set.datasetDir, '--json'])) as Record<string, Summary>)['this output'];
      if (!py) throw new BenchDataError('score.py --json printed no "this output" entry');
      const ts = figures(scorePages(golds.get(output.set)!, output.texts));
      const pyFigures = figures(py);
      const cells = ts.map((x, i) => `${show(x)} | ${show(pyFigures[i]!)}`.padEnd(32)).join('');
      out(`${output.set.name.padEnd(8)}${output.name.padEnd(width)}${cells}${verdict(maxDiff(ts, pyFigures))}`);
    }
  });
}

// ---- 3. page by page through score.py's functions -------------------------------------------------------

const PY_PAGES = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location('score', sys.argv[1])
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)
request = json.loads(sys.stdin.buffer.read().decode('utf-8'))
pages = []
for gold, pred in request['pages']:
    c = score.page_counts(gold, pred)
    pages.append([*c, score.precision(*c), score.recall(*c)])
groups = [score.summarize([score.page_counts(g, p) for g, p in group]) for group in request['groups']]
print(json.dumps({'pages': pages, 'groups': [[s['f1'], s['precision'], s['recall']] for s in groups]}))
`;

type Pair = [gold: string, pred: string];

/** Cases real pages may never hit; each is scored alone and the lists below are summarized as groups. */
const EDGE_CASES: Pair[] = [
  ['', ''],
  ['', 'output where the gold is empty'],
  ['a gold body with no output', ''],
  ['two words', 'two words'],
  ['one two three', 'one two'],
  ['a', 'b'],
  ['x x x x x x x', 'x x x x'],
  ['the cat sat on the mat', 'the cat sat on the mat the cat sat on the mat'],
  ['café au lait avec du sucre', 'cafe\u0301 au lait avec du sucre'],
  ['नमस्ते दुनिया यह एक परीक्षण है', 'नमस्ते दुनिया यह एक परीक्षण'],
  ['日本語のテキストです。これはテストです。', '日本語のテキストです。'],
  ['foo_bar 123 ٣٤٥ x²³ ½ Ⅻ 一二三 end', 'foo_bar 123 ٣٤٥ x²³ ½ Ⅻ'],
  ['a‿b c⁀d e f g h', 'a b c d e f g h'],
  ['𝐀𝐁𝐂 𝒜 test 𐐀𐐁 more words here', '𝐀𝐁𝐂 𝒜 test more words here'],
  ["don't won't it's John's car", 'don t won t it s John s car'],
  ['line one\r\nline two\rline three', 'line one\nline two\nline three'],
  ['\ud800lone surrogate \udfff here and there', 'lone surrogate here and there'],
  ['\ufeffbom first words of the text', 'first words of the text'],
  ['!!! ??? ...', '--- ***'],
];

const EDGE_GROUPS: Pair[][] = [
  [['', ''], ['', '']],
  [['', 'x y z w'], ['a b c d e', 'a b c d e']],
  [['a b c d e', ''], ['', '']],
  [['', 'only output'], ['', 'more output here']],
  EDGE_CASES,
];

function checkPages(outputs: Output[], golds: Map<BenchSet, Map<string, string>>): void {
  const pages: Pair[] = [...EDGE_CASES];
  for (const output of outputs) {
    for (const [id, gold] of golds.get(output.set)!) pages.push([gold, output.texts.get(id) ?? '']);
  }
  const py = JSON.parse(python(['-c', PY_PAGES, locateSet('aeb').scorePy], JSON.stringify({ pages, groups: EDGE_GROUPS }))) as {
    pages: number[][];
    groups: number[][];
  };
  let pageDiff = 0;
  pages.forEach(([gold, pred], i) => {
    const c = pageCounts(gold, pred);
    pageDiff = Math.max(pageDiff, maxDiff([c.tp, c.fp, c.fn, precision(c), recall(c)], py.pages[i] ?? []));
  });
  let groupDiff = 0;
  EDGE_GROUPS.forEach((group, i) => {
    groupDiff = Math.max(groupDiff, maxDiff(figures(summarize(group.map(([g, p]) => pageCounts(g, p)))), py.groups[i] ?? []));
  });
  out();
  out(`page by page: tp/fp/fn/precision/recall of ${pages.length} pages (${EDGE_CASES.length} edge cases + every page above) ` +
      `against score.page_counts/precision/recall: ${verdict(pageDiff)}`);
  out(`summarize() of ${EDGE_GROUPS.length} edge-case page groups (empty gold, empty outputs, nothing to average): ${verdict(groupDiff)}`);
}

async function main(): Promise<number> {
  try {
    checkWordCharacters();
    const { outputs, golds } = await collectOutputs();
    await checkSets(outputs, golds);
    checkPages(outputs, golds);
  } catch (error) {
    if (error instanceof BenchDataError) {
      process.stderr.write(`check-scorer: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  out();
  out(failures === 0 ? 'PASS: the TypeScript scorer agrees with score.py' : `FAIL: ${failures} check(s) differ by more than ${TOLERANCE}`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();
