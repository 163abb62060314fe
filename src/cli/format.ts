// Renders a strip() result in the formats the CLI offers.
import type { StripResult } from '../core/types.js';

export type OutputFormat = 'text' | 'json' | 'jsonl';

export interface FormatOptions {
  format: OutputFormat;
  withMetadata: boolean;
  /** Name of the input, for the json `source` field ("-" for standard input). */
  source: string;
  bytesIn: number;
}

export function formatResult(result: StripResult, options: FormatOptions): string {
  if (options.format === 'json') return `${JSON.stringify(toJson(result, options), null, 2)}\n`;
  if (options.format === 'jsonl') return `${JSON.stringify(toJson(result, options))}\n`;
  const body = result.text === '' ? '' : `${result.text}\n`;
  return options.withMetadata ? metadataHeader(result) + body : body;
}

/** "Title: …", "Author: …", "Date: …", "Site: …" lines for what was found, then a blank line. */
function metadataHeader(result: StripResult): string {
  const { title, author, date, site } = result.metadata;
  const lines = [title && `Title: ${title}`, author && `Author: ${author}`, date && `Date: ${date}`, site && `Site: ${site}`].filter(Boolean);
  return lines.length > 0 ? `${lines.join('\n')}\n\n` : '';
}

export function toJson(result: StripResult, options: Pick<FormatOptions, 'source' | 'bytesIn'>) {
  const kept = result.blocks.filter((b) => b.kept).length;
  return {
    source: options.source,
    title: result.metadata.title ?? null,
    author: result.metadata.author ?? null,
    date: result.metadata.date ?? null,
    site: result.metadata.site ?? null,
    language: result.language,
    text: result.text,
    // A piece of a run-on line says so: the rest of its line may have been kept.
    removed: result.blocks.filter((b) => !b.kept).map((b) => ({ line: b.lines[0], ...(b.piece ? { piece: true } : {}), text: b.text, rule: b.rule, reason: b.reason })),
    stats: {
      bytesIn: options.bytesIn,
      bytesOut: Buffer.byteLength(result.text),
      blocksKept: kept,
      blocksDropped: result.blocks.length - kept,
    },
  };
}

/** The extension an output file under --out-dir takes instead of the input's, if any. */
export function outputExtension(format: OutputFormat, view: 'explain' | 'diff' | undefined): string | undefined {
  if (view === 'explain') return '.explain.txt';
  if (view === 'diff') return '.diff';
  return format === 'text' ? undefined : `.${format}`;
}
