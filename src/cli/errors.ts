// The two kinds of failure a user can cause. Both are reported as one line without a stack trace; what
// differs is the exit code: a usage error stops the run (2), an input error fails one file (1).

/** The command line itself is wrong: nothing is processed. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** Whether pointing at --help helps: not when the fault is inside a file the run was given. */
  readonly helpHelps: boolean = true;
}

/**
 * A file that steers the run (a config file, a counts file) cannot be read or is malformed: a usage error
 * (nothing is processed, exit 2), but one line naming the file and the fault, since --help cannot mend a
 * file.
 */
export class SteeringFileError extends UsageError {
  override name = 'SteeringFileError';
  override readonly helpHelps = false;
}

/** One input could not be cleaned; the run goes on with the others. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** An input that could be read but is refused as it is (too large, not text); the message says why. */
export class RefusedInputError extends Error {
  override name = 'RefusedInputError';
}

/** An output could not be written; the message names it, since the line starts with the input's name. */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    readonly output: string,
    readonly reason: unknown,
  ) {
    super(`cannot write ${output}: ${describeError(reason)}`);
  }
}

const ERRNO_MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  ELOOP: 'too many levels of symbolic links',
  EEXIST: 'a file of that name already exists',
  EIO: 'input/output error',
};

/** A short human description of a Node.js system error, e.g. "permission denied". */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && ERRNO_MESSAGES[code]) return ERRNO_MESSAGES[code]!;
    return error.message;
  }
  return String(error);
}
