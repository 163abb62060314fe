// A batch of JSON Lines records through strip(): parse each line, clean its text field, and write it back
// with every other field untouched plus the removal stats. Like clean-task.ts this is plain data in and
// out, so the same function runs in this thread or in a pool worker and the output is the same.
//
// A line that is not a JSON object with a string text field is never dropped silently: it is reported
// with its line number, then passed through unchanged (default) or skipped. Blank lines are not records.
import { strip } from '../core/strip.js';
import type { SiteRepeats } from '../core/site/site-repeats.js';
import { evidenceFor, siteOfUrl } from './site.js';

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
  const out: string[] = [];
  let i = 0;
  for (const line of linesOf(task.bytes)) {
    const lineNumber = task.firstLine + i++;
    if (line.trim() === '') continue;
    outcome.records++;
    const parsed = parseRecord(line, task.textField);
    if (typeof parsed === 'string') {
      outcome.problems.push(`${task.source}:${lineNumber}: ${parsed}; ${task.onBadRecord === 'pass' ? 'passed through unchanged' : 'skipped'}`);
      if (task.onBadRecord === 'pass') out.push(line);
      continue;
    }
    const text = parsed[task.textField] as string;
    const result = strip(text, sites && task.idField !== undefined ? evidenceFor(sites, siteOfUrl(parsed[task.idField])) : {});
    const kept = result.blocks.filter((b) => b.kept).length;
    const bytesIn = Buffer.byteLength(text);
    const bytesOut = Buffer.byteLength(result.text);
    outcome.bytesIn += bytesIn;
    outcome.bytesOut += bytesOut;
    parsed[task.textField] = result.text;
    parsed[STATS_FIELD] = { bytesIn, bytesOut, blocksKept: kept, blocksDropped: result.blocks.length - kept };
    out.push(JSON.stringify(parsed));
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
function* linesOf(bytes: Uint8Array): Generator<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
      yield buffer.toString('utf8', start, lineReturn);
      start = buffer[lineReturn + 1] === NEWLINE ? lineReturn + 2 : lineReturn + 1;
    } else {
      yield buffer.toString('utf8', start, end);
      start = end + 1;
    }
  }
}

/** Output lines, each ended by "\n", as UTF-8 written straight into one buffer (no joined string). */
function linesToBytes(lines: readonly string[]): Uint8Array {
  if (lines.length === 0) return EMPTY;
  let total = 0;
  for (const line of lines) total += Buffer.byteLength(line) + 1;
  const bytes = Buffer.allocUnsafeSlow(total);
  let at = 0;
  for (const line of lines) {
    at += bytes.write(line, at);
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
    return `not valid JSON (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const text = (value as Record<string, unknown>)[textField];
  if (typeof text !== 'string') return text === undefined ? `no "${textField}" field` : `field "${textField}" is not a string`;
  return value as Record<string, unknown>;
}
