// Cleans many files into --out-dir. Each file is independent: a failure is reported and counted, and
// the batch goes on. Outputs are written atomically and never over an input.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { CliOptions } from './args.js';
import { cleanFile } from './clean-file.js';
import { describeError } from './errors.js';
import { outputExtension } from './format.js';
import type { InputFile } from './inputs.js';
import { writeFileAtomic } from './write-output.js';

export interface BatchResult {
  failed: number;
}

export async function runBatch(files: readonly InputFile[], options: CliOptions & { outDir: string }, cwd: string, report: (message: string) => void): Promise<BatchResult> {
  const outDir = path.resolve(cwd, options.outDir);
  const inputPaths = new Set(await Promise.all(files.map((f) => resolveReal(path.resolve(cwd, f.path)))));
  let failed = 0;
  for (const file of files) {
    const destination = outputPath(outDir, file, options.format, options.view);
    try {
      if (inputPaths.has(await resolveReal(destination))) {
        throw new Error(`output ${destination} would overwrite an input; choose another --out-dir`);
      }
      await writeFileAtomic(destination, await cleanFile(file, options, cwd));
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
