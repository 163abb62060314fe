// A batch of JSON Lines records through strip(): parse each line, clean its text field, and write it back
// with every other field untouched plus the removal stats. The other fields are copied as the line spells
// them, not re-serialised: JSON.stringify(JSON.parse(x)) turns 12345678901234567891 into
// 12345678901234567000 and 1.0 into 1, and a crawl's ids and scores must come out as they went in. Like
// clean-task.ts this is plain data in and out, so the same function runs in this thread or in a pool
// worker and the output is the same.
//
// A bad line (not UTF-8, not a JSON object with a string text field, or a text over --max-lines) is
// never dropped silently: it is reported with its line number, then passed through as it came, byte for
// byte (default), or skipped. Blank lines are not records.
import { isUtf8 } from 'node:buffer';
import { strip } from '../core/strip.js';
import type { SiteRepeats } from '../core/site/site-repeats.js';
import { lineLimitProblem } from './clean-file.js';
import { evidenceFor, siteOfUrl } from './site.js';
import { escapeControls } from './visible.js';

export type BadRecordPolicy = 'skip' | 'pass';

export interface RecordTask {
  /**
   * Whole lines as read, UTF-8 with their line breaks: bytes, not strings, so the reading thread never
   * decodes them and a batch in flight is one compact buffer outside its JavaScript heap.
   */
  bytes: Uint8Array;
  /** 1-based line number of `lines[0]` in its input. */
  firstLine: number;
  /** The input's name in messages ("-" for standard input). */
  source: string;
  textField: string;
  /** The field whose URL's host is the record's site, for cross-page evidence. */
  idField?: string;
  onBadRecord: BadRecordPolicy;
  /** A record whose text has more lines is refused (skipped and reported), as a page file would be. */
  maxLines: number;
  /**
   * 'record' (WET input): line n of the batch is record firstLine + n of its file, named "SOURCE: record N"
   * in messages; otherwise lines are named "SOURCE:LINE".
   */
  unit?: 'record';
}

export interface RecordOutcome {
  /** Output lines as UTF-8, each ending in "\n": bytes, so they cross back outside the JavaScript heap. */
  output: Uint8Array;
  /** One line per bad record: "SOURCE:LINE: problem". */
  problems: string[];
  records: number;
  bytesIn: number;
  bytesOut: number;
}

/** The field added to every cleaned record. */
export const STATS_FIELD = 'boilerstrip';

/** Cleans a batch; `sites` (repeat counts per host, see --counts) gives cross-page evidence. */
export function cleanRecords(task: RecordTask, sites?: SiteRepeats): RecordOutcome {
  const outcome: RecordOutcome = { output: EMPTY, problems: [], records: 0, bytesIn: 0, bytesOut: 0 };
  /** Output lines: a record's JSON, or the bytes of a line passed through as it came. */
  const out: (string | Uint8Array)[] = [];
  const buffer = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  // JSON text is UTF-8 (RFC 8259): a line that is not is no record, and its other fields would have had
  // their bad bytes replaced by U+FFFD without a word. Nearly every batch is valid, and checked once whole.
  const allUtf8 = isUtf8(buffer);
  let i = 0;
  for (const [start, end] of lineRanges(buffer)) {
    const lineNumber = task.firstLine + i++;
    const line = buffer.toString('utf8', start, end);
    if (line.trim() === '') continue;
    outcome.records++;
    /** Reports the line, and passes it through as it came (its bytes) or leaves it out, as --on-bad-record says. */
    const refuse = (problem: string) => {
      outcome.problems.push(`${task.unit === 'record' ? `${task.source}: record ` : `${task.source}:`}${lineNumber}: ${problem}; ${task.onBadRecord === 'pass' ? 'passed through unchanged' : 'skipped'}`);
      if (task.onBadRecord === 'pass') out.push(buffer.subarray(start, end));
    };
    if (!allUtf8 && !isUtf8(buffer.subarray(start, end))) {
      refuse('not valid UTF-8, as JSON text must be');
      continue;
    }
    const parsed = parseRecord(line, task.textField);
    if (typeof parsed === 'string') {
      refuse(parsed);
      continue;
    }
    const text = parsed[task.textField] as string;
    // A record whose text has more than --max-lines lines is refused as a malformed one is: it is in
    // memory, so `pass` can keep every record, as a job that counts them expects.
    const overLimit = lineLimitProblem(text, task.maxLines);
    if (overLimit !== undefined) {
      refuse(overLimit);
      continue;
    }
    const result = strip(text, sites && task.idField !== undefined ? evidenceFor(sites, siteOfUrl(parsed[task.idField])) : {});
    const kept = result.blocks.filter((b) => b.kept).length;
    const bytesIn = Buffer.byteLength(text);
    const bytesOut = Buffer.byteLength(result.text);
    outcome.bytesIn += bytesIn;
    outcome.bytesOut += bytesOut;
    const stats = JSON.stringify({ bytesIn, bytesOut, blocksKept: kept, blocksDropped: result.blocks.length - kept });
    out.push(rewriteRecord(line, task.textField, JSON.stringify(result.text), stats));
  }
  outcome.output = linesToBytes(out);
  return outcome;
}

const EMPTY = new Uint8Array(0);

/**
 * The lines of a batch, split as a line reader splits them ("\r\n", "\n" or a lone "\r") and decoded one
 * at a time: a record is seldom large, so its string is short-lived young garbage, where one string of
 * the whole batch would go straight to the old generation and stay there until a full collection.
 */
export function* linesOf(bytes: Uint8Array): Generator<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [start, end] of lineRanges(buffer)) yield buffer.toString('utf8', start, end);
}

/** Where each line of `buffer` starts and ends (its line end left out), split as linesOf splits them. */
function* lineRanges(buffer: Buffer): Generator<[number, number]> {
  let start = 0;
  /** The next "\r" at or after `start`, looked for again only once passed (most inputs have none). */
  let lineReturn = -1;
  while (start < buffer.length) {
    let end = buffer.indexOf(NEWLINE, start);
    if (end === -1) end = buffer.length;
    if (lineReturn !== buffer.length && lineReturn < start) {
      lineReturn = buffer.indexOf(RETURN, start);
      if (lineReturn === -1) lineReturn = buffer.length;
    }
    if (lineReturn < end) {
      yield [start, lineReturn];
      start = buffer[lineReturn + 1] === NEWLINE ? lineReturn + 2 : lineReturn + 1;
    } else {
      yield [start, end];
      start = end + 1;
    }
  }
}

/** Output lines, each ended by "\n", as UTF-8 written straight into one buffer (no joined string). */
function linesToBytes(lines: readonly (string | Uint8Array)[]): Uint8Array {
  if (lines.length === 0) return EMPTY;
  let total = 0;
  for (const line of lines) total += (typeof line === 'string' ? Buffer.byteLength(line) : line.length) + 1;
  const bytes = Buffer.allocUnsafeSlow(total);
  let at = 0;
  for (const line of lines) {
    if (typeof line === 'string') {
      at += bytes.write(line, at);
    } else {
      bytes.set(line, at);
      at += line.length;
    }
    bytes[at++] = NEWLINE;
  }
  return bytes;
}

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** The record, or why it is not one. */
function parseRecord(line: string, textField: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    // The engine's message quotes the line: its control characters (a NUL, an escape) would reach the terminal.
    const message = escapeControls(error instanceof Error ? error.message.split('\n')[0]! : String(error));
    return `not valid JSON (${message})`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const text = (value as Record<string, unknown>)[textField];
  if (typeof text !== 'string') return text === undefined ? `no "${textField}" field` : `field "${textField}" is not a string`;
  return value as Record<string, unknown>;
}

interface Member {
  /** The key as the line spells it, quotes and escapes included. */
  rawKey: string;
  /** Where the value's JSON text starts and ends in the line. */
  valueStart: number;
  valueEnd: number;
}

/**
 * The record on `line` with the text field's value replaced by `text` and the stats field by `stats`
 * (added last when the record has none), both JSON text; every other member is copied from the line as
 * it is. As JSON.parse and JSON.stringify would, a key given twice is written once, where it first
 * appears, with the value it last has; keys are compared unescaped ("t\u0065xt" is "text"). Between
 * members the output is compact, as JSON.stringify writes it.
 */
export function rewriteRecord(line: string, textField: string, text: string, stats: string): string {
  const members = membersOf(line);
  let out = '{';
  let hasStats = false;
  for (const [key, member] of members) {
    if (out.length > 1) out += ',';
    out += member.rawKey;
    out += ':';
    if (key === STATS_FIELD) {
      hasStats = true;
      out += stats;
    } else if (key === textField) {
      out += text;
    } else {
      out += line.slice(member.valueStart, member.valueEnd);
    }
  }
  if (!hasStats) out += `${out.length > 1 ? ',' : ''}"${STATS_FIELD}":${stats}`;
  return `${out}}`;
}

/**
 * The members of the object on `line`, by unescaped key, in the order the keys first appear. The line
 * has passed JSON.parse, so this only finds where each key and value begins and ends, in one pass, a
 * string value (the page text is most of the line) crossed from quote to quote with indexOf. Its only
 * checks keep a mistake here from looping for ever: it throws or stops at the end of the line.
 */
function membersOf(line: string): Map<string, Member> {
  const members = new Map<string, Member>();
  let at = skipSpace(line, skipSpace(line, 0) + 1);
  if (line.charCodeAt(at) === CLOSE_BRACE) return members;
  for (;;) {
    const keyStart = at;
    at = stringEnd(line, at);
    const rawKey = line.slice(keyStart, at);
    at = skipSpace(line, skipSpace(line, at) + 1);
    const valueStart = at;
    at = valueEnd(line, at);
    const key = rawKey.includes('\\') ? (JSON.parse(rawKey) as string) : rawKey.slice(1, -1);
    const first = members.get(key);
    if (first) {
      first.valueStart = valueStart;
      first.valueEnd = at;
    } else {
      members.set(key, { rawKey, valueStart, valueEnd: at });
    }
    at = skipSpace(line, at);
    if (line.charCodeAt(at) === CLOSE_BRACE || at >= line.length) return members;
    at = skipSpace(line, at + 1);
  }
}

/** The index just past the string whose opening quote is at `at`. */
function stringEnd(line: string, at: number): number {
  for (let quote = line.indexOf('"', at + 1); ; quote = line.indexOf('"', quote + 1)) {
    if (quote === -1) throw new Error('unterminated string in a record JSON.parse accepted');
    // A quote is escaped when an odd number of backslashes stands before it.
    let before = quote - 1;
    while (line.charCodeAt(before) === BACKSLASH) before--;
    if ((quote - 1 - before) % 2 === 0) return quote + 1;
  }
}

/** The index just past the value that starts at `at`. */
function valueEnd(line: string, at: number): number {
  const first = line.charCodeAt(at);
  if (first === QUOTE) return stringEnd(line, at);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let i = at; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === QUOTE) i = stringEnd(line, i) - 1;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
    }
    throw new Error('unclosed value in a record JSON.parse accepted');
  }
  // A number, true, false or null: it runs to the next delimiter.
  let i = at + 1;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) break;
    i++;
  }
  return i;
}

function skipSpace(line: string, at: number): number {
  while (isSpace(line.charCodeAt(at))) at++;
  return at;
}

/** JSON's whitespace: space, tab, line feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
