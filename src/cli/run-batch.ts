// Cleans many files into --out-dir. Each file is independent: a failure is reported and counted, and
// the batch goes on. Outputs are written atomically and never over an input.
import { mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { CliOptions } from './args.js';
import { cleanFile } from './clean-file.js';
import { describeError, OutputError } from './errors.js';
import { outputExtension } from './format.js';
import type { InputFile } from './inputs.js';
import { writeFileAtomic } from './write-output.js';

export interface BatchResult {
  failed: number;
}

export async function runBatch(files: readonly InputFile[], options: CliOptions & { outDir: string }, cwd: string, report: (message: string) => void): Promise<BatchResult> {
  const outDir = path.resolve(cwd, options.outDir);
  // One line for an output folder that cannot exist, rather than the same error once per input.
  if (files.length > 0) {
    try {
      await mkdir(outDir, { recursive: true });
    } catch (error) {
      report(`${options.outDir}: cannot create the output folder: ${describeError(error)}; no input was cleaned`);
      return { failed: files.length };
    }
  }
  const inputPaths = new Set(await Promise.all(files.map((f) => resolveReal(path.resolve(cwd, f.path)))));
  /** Outputs written in this run, and by which input: a second input with the same output must not replace it. */
  const written = new Map<string, string>();
  let failed = 0;
  for (const file of files) {
    const destination = outputPath(outDir, file, options.format, options.view);
    const shown = path.relative(cwd, destination) || destination;
    try {
      if (inputPaths.has(await resolveReal(destination))) {
        throw new Error(`output ${destination} would overwrite an input; choose another --out-dir`);
      }
      const earlier = written.get(destination);
      if (earlier !== undefined) throw new Error(`output ${shown} was already written for ${earlier}; not replaced`);
      const output = await cleanFile(file, options, cwd);
      await writeFileAtomic(destination, output).catch((error: unknown) => {
        throw new OutputError(shown, error);
      });
      written.set(destination, file.path);
    } catch (error) {
      failed++;
      report(`${file.path}: ${describeError(error)}`);
    }
  }
  return { failed };
}

/** The real path of a file, or the path itself when it does not exist (yet). */
async function resolveReal(file: string): Promise<string> {
  return realpath(file).catch(() => file);
}

/** Where the output of `file` goes: same relative path; json, --explain and --diff output take their own extension. */
export function outputPath(outDir: string, file: InputFile, format: CliOptions['format'], view?: CliOptions['view']): string {
  const extension = outputExtension(format, view);
  const relative = extension ? replaceExtension(file.relative, extension) : file.relative;
  return path.join(outDir, relative);
}

function replaceExtension(file: string, extension: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, parsed.name + extension);
}
