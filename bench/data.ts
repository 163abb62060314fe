// Finding and reading the shared benchmark data (../shared/bench/ beside the repo, never committed to it).
// Texts are read the way score.py reads them, so the TypeScript scorer sees the same characters.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in <root>/bench/. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The data is missing or incomplete: reported as one line, not a stack trace. */
export class BenchDataError extends Error {
  override name = 'BenchDataError';
}

/**
 * The shared bench folder (holding aeb/ and portal/). BOILERSTRIP_SHARED names the shared folder that
 * holds bench/ (default: ../shared beside the repo); a path to the bench folder itself is accepted too.
 */
export function benchRoot(): string {
  const override = process.env['BOILERSTRIP_SHARED'];
  const shared = override ? path.resolve(override) : path.resolve(REPO_ROOT, '..', 'shared');
  if (override && !existsSync(path.join(shared, 'bench')) && existsSync(path.join(shared, 'aeb'))) return shared;
  return path.join(shared, 'bench');
}

export type SetName = 'aeb' | 'portal';

export interface BenchSet {
  name: SetName;
  /** Folder that score.py takes as DATASET_DIR (holds gold/, and peers/ for aeb). */
  datasetDir: string;
  /** Folder of dumps per converter (html-text, inscriptis, beautifulsoup). */
  inputsDir: string;
  /** Path of score.py, the reference implementation of the metric. */
  scorePy: string;
}

/** Locates a set, or throws BenchDataError naming what was looked for. */
export function locateSet(name: SetName): BenchSet {
  const root = benchRoot();
  const datasetDir = name === 'aeb' ? path.join(root, 'aeb', 'dev') : path.join(root, 'portal');
  const set: BenchSet = { name, datasetDir, inputsDir: path.join(datasetDir, 'inputs'), scorePy: path.join(root, 'aeb', 'score.py') };
  if (!existsSync(path.join(datasetDir, 'gold'))) {
    throw new BenchDataError(
      `the benchmark data (../shared/bench/) is not present in this checkout: no ${path.join(datasetDir, 'gold')} ` +
        '(set BOILERSTRIP_SHARED to the folder that holds bench/)',
    );
  }
  return set;
}

/** Converters whose dumps a set offers (sub-folders of inputs/). */
export async function inputKinds(set: BenchSet): Promise<string[]> {
  const entries = await readdir(set.inputsDir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/**
 * A text file as score.py's open(path, encoding='utf-8', errors='replace') reads it: malformed bytes
 * become U+FFFD, a BOM is kept as a character, \r\n and lone \r become \n (universal newlines). None of
 * that changes the tokens, but it keeps the two readers' texts identical rather than merely equivalent.
 */
export async function readText(file: string): Promise<string> {
  const bytes = await readFile(file);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/\r\n?/g, '\n');
}

/** `<id>.txt` files anywhere under `dir`, keyed by id (the file name without .txt). */
export async function readTexts(dir: string, options: { recursive?: boolean } = {}): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: options.recursive ?? false })).map(String).sort();
  const texts = new Map<string, string>();
  for (const name of names) {
    if (!name.endsWith('.txt') || path.basename(name).startsWith('.')) continue;
    const id = path.basename(name, '.txt');
    // Mapping by file name would silently drop one of two same-named pages in different folders.
    if (texts.has(id)) throw new BenchDataError(`two files named ${id}.txt under ${dir}`);
    texts.set(id, await readText(path.join(dir, name)));
  }
  return texts;
}

/** The gold bodies of a set, keyed by page id. */
export async function readGold(set: BenchSet): Promise<Map<string, string>> {
  return readTexts(path.join(set.datasetDir, 'gold'));
}

/** Published outputs of other extractors: peers/<name>.json holding {id: articleBody}. Empty if none. */
export async function readPeers(set: BenchSet): Promise<Map<string, Map<string, string>>> {
  const dir = path.join(set.datasetDir, 'peers');
  const names = existsSync(dir) ? (await readdir(dir)).filter((n) => n.endsWith('.json')).sort() : [];
  const peers = new Map<string, Map<string, string>>();
  for (const name of names) {
    const parsed: unknown = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) throw new BenchDataError(`${name}: not a JSON object`);
    const outputs = new Map<string, string>();
    // score.py's `text or ''`: a null body is an empty output.
    for (const [id, body] of Object.entries(parsed)) outputs.set(id, typeof body === 'string' ? body : '');
    peers.set(name.slice(0, -'.json'.length), outputs);
  }
  return peers;
}
