// Options from a config file, merged with the command line. The file is found from the working directory
// upwards or named with --config, and validated with zod so that a wrong key or type is one line naming
// the file, the key and what was expected; zod is imported only when there is a file. The search is the
// one lilconfig (and cosmiconfig) do, written out here (searchConfig): a few synchronous reads per folder,
// where lilconfig loaded node:fs/promises on every run, a module load that was a few per cent of a
// one-file run.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { DISABLEABLE_RULES, refusedRuleId } from '../core/catalogue.js';
import { parsePattern } from '../core/rules/user-patterns.js';
import { hasStopWordList } from '../core/text/stopwords.js';
import { DEFAULT_THRESHOLDS, resolveThresholds, type Thresholds } from '../core/thresholds.js';
import type { StripOptions } from '../core/types.js';
import type { ZodNumber, ZodOptional } from 'zod';
import type { CliOptions, OptionSources } from './args.js';
import { describeError, SteeringFileError, UsageError } from './errors.js';

export const CONFIG_NAME = 'boilerstrip';
/** Searched in each folder from the working directory up, in this order; package.json counts only with a "boilerstrip" key. */
export const SEARCH_PLACES = ['package.json', 'boilerstrip.config.json', '.boilerstriprc', '.boilerstriprc.json'];

/** The keys a config file may hold: the CLI's steering and output options, in their long camelCase form. */
export interface ConfigValues {
  format?: CliOptions['format'];
  withMetadata?: boolean;
  keep?: string[];
  drop?: string[];
  disableRules?: string[];
  language?: string;
  /** Tuning values for strip() (core/thresholds.ts); only a config file sets them. */
  thresholds?: Partial<Thresholds>;
}

export interface ConfigFile {
  path: string;
  values: ConfigValues;
}

/** Where a value came from: "default", the option that set it ("--keep"), or a config file's path. */
export type Origin = string;

export interface Effective {
  options: CliOptions;
  config?: ConfigFile;
  /** Origin of each scalar option and of each entry of the list options. */
  origins: {
    format: Origin;
    withMetadata: Origin;
    language: Origin;
    keep: Origin[];
    drop: Origin[];
    disabledRules: Origin[];
  };
}

/** Finds and validates the config file; undefined when there is none. Problems are usage errors. */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<ConfigFile | undefined> {
  let found: { path: string; raw: unknown } | undefined;
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    let text: string;
    try {
      text = configText(readFileSync(file));
    } catch (error) {
      throw new SteeringFileError(`${explicit}: cannot read the config file: ${describeError(error)}`);
    }
    const raw = parseJson(explicit, text);
    found = { path: explicit, raw: path.basename(file) === 'package.json' ? (raw as Record<string, unknown> | null)?.[CONFIG_NAME] : raw };
    if (found.raw === undefined) throw new SteeringFileError(`${explicit}: no "${CONFIG_NAME}" key in this package.json`);
  } else {
    const file = searchConfig(cwd);
    if (!file) return undefined;
    found = { path: path.relative(cwd, file.path) || file.path, raw: file.raw };
  }
  return { path: found.path, values: await validate(found.path, found.raw) };
}

/**
 * The first of SEARCH_PLACES in the working directory, then in each folder above it, up to the home
 * folder or the root. A package.json counts only when it has a "boilerstrip" key, and an empty file not at
 * all; the search goes on past them.
 */
function searchConfig(cwd: string): { path: string; raw: unknown } | undefined {
  const stop = homedir();
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const place of SEARCH_PLACES) {
      const file = path.join(dir, place);
      const shown = path.relative(cwd, file) || file;
      let text: string;
      try {
        // Most places hold no file: asking first spares the error object a failed read makes (a dozen of
        // them, with their stack traces, cost a few tenths of a millisecond of a run in a deep folder).
        if (statSync(file, { throwIfNoEntry: false }) === undefined) continue;
        text = configText(readFileSync(file));
      } catch (error) {
        // Only a file that is not there is passed over; one that is there but cannot be read is an error.
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') continue;
        throw new SteeringFileError(`${shown}: cannot read the config file: ${describeError(error)}`);
      }
      if (place === 'package.json') {
        // A "boilerstrip" key that is false, 0 or "" counts as none, as in lilconfig.
        const config = (parseJson(shown, text) as Record<string, unknown> | null)?.[CONFIG_NAME];
        if (config) return { path: file, raw: config };
      } else if (text.trim() !== '') {
        return { path: file, raw: parseJson(shown, text) };
      }
    }
    if (dir === stop || dir === path.dirname(dir)) return undefined;
  }
}

/**
 * A config file's text. Windows editors save UTF-8 with a byte-order mark, and PowerShell's `>` writes
 * UTF-16: JSON.parse refuses the mark (its message quotes it, an invisible U+FEFF) and UTF-16
 * altogether, though the file is fine. So a mark is read, and dropped.
 */
function configText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16().toString('utf16le');
  const text = bytes.toString('utf8');
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SteeringFileError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

async function validate(file: string, raw: unknown): Promise<ConfigValues> {
  const { z } = await import('zod');
  const schema = z.strictObject({
    format: z.enum(['text', 'json', 'jsonl']).optional(),
    withMetadata: z.boolean().optional(),
    keep: z.array(z.string()).optional(),
    drop: z.array(z.string()).optional(),
    disableRules: z.array(z.string()).optional(),
    language: z.string().optional(),
    thresholds: z
      .strictObject(Object.fromEntries(Object.keys(DEFAULT_THRESHOLDS).map((key) => [key, z.number().nonnegative().optional()])) as Record<keyof Thresholds, ZodOptional<ZodNumber>>)
      .optional(),
  });
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path[0] === 'thresholds' ? Object.keys(DEFAULT_THRESHOLDS) : Object.keys(schema.shape);
    throw new SteeringFileError(`${file}: unknown key '${[...issue.path, issue.keys[0]].join('.')}' (expected one of: ${known.join(', ')})`);
  }
  const key = issue.path.length > 0 ? `key '${issue.path.join('.')}'` : 'the top level';
  const expected = issue.message.replace(/^Invalid (?:input|option): /u, '');
  throw new SteeringFileError(`${file}: ${key}: ${expected}`);
}

/**
 * The command line over the config file over the defaults. Single values given on the command line win;
 * lists (keep, drop, disable-rule) are the config file's entries followed by the command line's, so a
 * one-off --drop adds to a site's list instead of replacing it.
 */
export function mergeOptions(cli: CliOptions, sources: OptionSources, config: ConfigFile | undefined): Effective {
  const values = config?.values ?? {};
  const from = config?.path ?? 'default';
  const pick = <K extends 'format' | 'withMetadata' | 'language'>(key: K, flag: string): [CliOptions[K], Origin] => {
    if (sources[key] === 'cli') return [cli[key], flag];
    if (values[key] !== undefined) return [values[key] as CliOptions[K], from];
    return [cli[key], 'default'];
  };
  const list = (own: string[] | undefined, given: string[], flag: string): [string[], Origin[]] => [
    [...(own ?? []), ...given],
    [...(own ?? []).map(() => from), ...given.map(() => flag)],
  ];
  const [format, formatFrom] = pick('format', '--format');
  const [withMetadata, withMetadataFrom] = pick('withMetadata', '--with-metadata');
  const [language, languageFrom] = pick('language', '--language');
  const [keep, keepFrom] = list(values.keep, cli.keep, '--keep');
  const [drop, dropFrom] = list(values.drop, cli.drop, '--drop');
  const [disabledRules, disabledFrom] = list(values.disableRules, cli.disabledRules, '--disable-rule');
  return {
    options: { ...cli, format, withMetadata, language, keep, drop, disabledRules, thresholds: values.thresholds },
    config,
    origins: { format: formatFrom, withMetadata: withMetadataFrom, language: languageFrom, keep: keepFrom, drop: dropFrom, disabledRules: disabledFrom },
  };
}

/**
 * The options strip() takes, checked and compiled once per run: each regular expression is compiled
 * here, not per file. A bad pattern, rule id or language is a usage error naming where it came from.
 */
export function toStripOptions(effective: Effective): StripOptions {
  const { options, origins } = effective;
  // A bad value from the command line is a usage error naming the option; one from a config file is
  // that file's fault, named as a wrong type is (validate): `FILE: key 'drop.1': problem`.
  const fault = (origin: Origin, key: string, message: string) =>
    origin.startsWith('-') ? new UsageError(`${origin}: ${message}`) : new SteeringFileError(`${origin}: key '${key}': ${message}`);
  // The config file's entries come first in each list (mergeOptions), so an entry's index is its index in the file.
  const compile = (name: 'keep' | 'drop', patterns: string[], originsOf: Origin[]) =>
    patterns.map((pattern, i) => {
      try {
        return parsePattern(pattern);
      } catch (error) {
        throw fault(originsOf[i]!, `${name}.${i}`, (error as Error).message);
      }
    });
  options.disabledRules.forEach((id, i) => {
    if (!DISABLEABLE_RULES.includes(id)) throw fault(origins.disabledRules[i]!, `disableRules.${i}`, `${refusedRuleId(id)}; valid ids: ${DISABLEABLE_RULES.join(', ')}`);
  });
  if (options.language !== undefined && !hasStopWordList(options.language)) {
    throw fault(origins.language, 'language', `no stop-word list for language '${options.language}' (use an ISO 639-1 code such as en, de, fr)`);
  }
  try {
    resolveThresholds(options.thresholds);
  } catch (error) {
    // Only a config file sets thresholds, and its validation has let through only known keys with numbers
    // of at least 0: what is left is a pair that contradicts itself, named by its first threshold.
    const message = (error as Error).message;
    const key = /threshold '?(\w+)/u.exec(message)?.[1];
    throw new SteeringFileError(`${effective.config?.path ?? 'the configuration'}: key 'thresholds${key ? `.${key}` : ''}': ${message}`);
  }
  return {
    ...(options.thresholds !== undefined ? { thresholds: options.thresholds } : {}),
    keep: compile('keep', options.keep, origins.keep),
    drop: compile('drop', options.drop, origins.drop),
    disabledRules: options.disabledRules,
    ...(options.language !== undefined ? { language: options.language } : {}),
  };
}

/** --print-config: one line per value, with where it came from. */
export function formatConfig(effective: Effective): string {
  const { options, origins, config } = effective;
  const rows: [string, string, string][] = [['config file', config ? config.path : '(none found)', '']];
  rows.push(['format', JSON.stringify(options.format), origins.format]);
  rows.push(['withMetadata', JSON.stringify(options.withMetadata), origins.withMetadata]);
  rows.push(['language', options.language === undefined ? '(detected per page)' : JSON.stringify(options.language), origins.language]);
  for (const [key, values, from] of [
    ['keep', options.keep, origins.keep],
    ['drop', options.drop, origins.drop],
    ['disableRules', options.disabledRules, origins.disabledRules],
  ] as const) {
    if (values.length === 0) rows.push([key, '[]', 'default']);
    values.forEach((value, i) => rows.push([i === 0 ? key : '', JSON.stringify(value), from[i]!]));
  }
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  for (const [key, value] of Object.entries(thresholds) as [keyof Thresholds, number][]) {
    rows.push([`thresholds.${key}`, JSON.stringify(value), options.thresholds?.[key] !== undefined ? config!.path : 'default']);
  }
  const keyWidth = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([k, v, o]) => `${k.padEnd(keyWidth)}  ${o ? v.padEnd(valueWidth) : v}${o ? `  ${o}` : ''}`.trimEnd()).join('\n') + '\n';
}
