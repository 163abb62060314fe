// The command line: options, help text with examples, and validation. Parsing never exits the process;
// help and version are written to the given streams and reported back as "done".
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from './errors.js';
import type { OutputFormat } from './format.js';

export interface CliOptions {
  inputs: string[];
  outDir?: string;
  format: OutputFormat;
  withMetadata: boolean;
  quiet: boolean;
  color: boolean;
}

export type ParsedArgs = { kind: 'run'; options: CliOptions } | { kind: 'done'; exitCode: number };

const EXAMPLES = `
Examples:
  $ boilerstrip < page.txt > clean.txt            clean standard input to standard output
  $ boilerstrip page.txt                          clean one file to standard output
  $ boilerstrip pages/ -o clean/                  clean a folder, mirroring its paths under clean/
  $ boilerstrip 'crawl/**/*.txt' -o clean/        clean the files a glob pattern matches
  $ boilerstrip -f json page.txt                  JSON with metadata and every removed line
  $ boilerstrip --with-metadata page.txt          title, author and date above the body

Exit codes: 0 every input cleaned, 1 some input failed (one line each on stderr), 2 usage error.`;

export function parseArgs(argv: readonly string[], version: string, out: (s: string) => void, err: (s: string) => void): ParsedArgs {
  const program = new Command()
    .name('boilerstrip')
    .description('Strip boilerplate (menus, related-story lists, video blocks, bylines, share prompts, footers) from text dumps of web pages.')
    .argument('[inputs...]', 'files, folders or glob patterns; none or "-" reads standard input')
    .option('-o, --out-dir <dir>', 'write each output under this folder, at the input\'s relative path (required for several inputs)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--with-metadata', 'put the title, author and date found above the text output', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('--no-color', 'never colour messages')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err, outputError: () => {} });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return { kind: 'done', exitCode: 0 };
      }
      throw new UsageError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  const opts = program.opts<{ outDir?: string; format: OutputFormat; withMetadata: boolean; quiet: boolean; color: boolean }>();
  const inputs = program.args;
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
  if (inputs.includes('-') && inputs.length > 1) throw new UsageError('"-" (standard input) cannot be combined with other inputs');
  if (opts.outDir !== undefined && opts.outDir.trim() === '') throw new UsageError('--out-dir needs a folder name');
  return { kind: 'run', options: { inputs, outDir: opts.outDir, format: opts.format, withMetadata: opts.withMetadata, quiet: opts.quiet, color: opts.color } };
}
