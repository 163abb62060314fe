#!/usr/bin/env node
'use strict';
// CommonJS, like the bundle it loads (bin/load-bundle.cjs): an ES module entry would start Node's ES module
// loader, which costs several milliseconds of every run.

// A reader that closes the pipe early (`boilerstrip page.txt | head`) is not an error. Any other failure to
// write the output (a full disk, an I/O error) ends the run with one line and exit code 1, not a stack trace.
function onOutputError(error) {
  // The run stops there: its exit code is 1 if it had reported a failure, as it would have been at the end.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? (anyFailureReported?.() ? 1 : 0));
  stopWrites?.();
  process.stderr.write(`boilerstrip: standard output: ${describeError ? describeError(error) : error.message}\n`);
  process.exit(1);
}
// Ctrl-C / SIGTERM: main() stops handing out work and finishes the files in progress (no half-written
// output); a second signal ends the process at once, once the output files being written (a millisecond
// or so) are complete, so that no temporary file is left. Exit code 130 (SIGINT) or 143 (SIGTERM).
const stop = new AbortController();
/** The bundle's stopWrites, describeError and anyFailureReported, once it is loaded. */
let stopWrites;
let describeError;
let anyFailureReported;
const onSignal = (signal) => {
  if (stop.signal.aborted) {
    stopWrites?.();
    process.exit(signal === 'SIGTERM' ? 143 : 130);
  }
  stop.abort(signal);
};
process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
// SIGHUP (the terminal closed, an ssh session dropped) killed the process by default, in the middle of
// writing an output: its hidden temporary file stayed beside it, in the input's folder with --in-place.
// No one is left to read messages or wait for the files in flight, so it ends the run at once, as a
// second Ctrl-C does, once the writes under way are complete. Exit code 129, as a shell reports a hang-up.
const onHangUp = () => {
  stopWrites?.();
  process.exit(129);
};
process.on('SIGHUP', onHangUp);

async function run() {
  let main;
  try {
    ({ main, stopWrites, describeError, anyFailureReported } = require('./load-bundle.cjs').loadBundle().exports);
  } catch (error) {
    const message = error.message.startsWith('cannot read ') ? error.message : `cannot load dist/bundle/main.cjs: ${error.message}; run npm run build`;
    process.stderr.write(`boilerstrip: ${message}\n`);
    return 2;
  }
  return main({
    argv: process.argv.slice(2),
    // Made on first use: setting up standard input or error loads modules (net, tty) that a run over files
    // without messages never needs.
    get stdin() {
      return standardInput();
    },
    stdout: standardOutput(),
    get stderr() {
      return process.stderr;
    },
    signal: stop.signal,
  });
}

/**
 * Standard output. For a regular file or /dev/null, process.stdout is a stream that writes each chunk with
 * fs.writeSync, and it is never a terminal; but creating it loads Node's stream modules, 3 ms of a one-file
 * run. Such an output is written with fs.writeSync here, as process.stdout would, and its errors are the
 * same. Anything else (a pipe, which may block where process.stdout would queue the write and leave the
 * process free to handle a signal; a terminal; another device) gets process.stdout.
 */
function standardOutput() {
  const fs = require('node:fs');
  let file = false;
  try {
    const stats = fs.fstatSync(1);
    file = stats.isFile() || (stats.isCharacterDevice() && stats.rdev === fs.statSync('/dev/null').rdev);
  } catch {
    // No standard output to look at: process.stdout says what there is.
  }
  if (!file) return process.stdout.on('error', onOutputError);
  return {
    isTTY: false,
    write(chunk) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      try {
        for (let written = 0; written < bytes.length; ) written += fs.writeSync(1, bytes, written);
      } catch (error) {
        onOutputError(error);
      }
      return true;
    },
  };
}

/**
 * Standard input. A folder (`boilerstrip < pages`, meant as `boilerstrip pages`), which Node reads as empty
 * input that was cleaned into nothing with exit code 0, fails as reading a folder fails (EISDIR), so that
 * the run says so. A regular file (`boilerstrip < page.txt`) is read with fs.readSync: process.stdin is
 * then a file stream, whose modules (streams, fs/promises, readline) cost a few milliseconds to load.
 * Anything else (a pipe, a terminal) is process.stdin.
 */
function standardInput() {
  const fs = require('node:fs');
  let stats;
  try {
    stats = fs.fstatSync(0);
  } catch {
    // No standard input to look at: process.stdin says what there is.
  }
  if (stats?.isDirectory()) {
    return {
      async *[Symbol.asyncIterator]() {
        throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
      },
    };
  }
  if (!stats?.isFile()) return process.stdin;
  return {
    isTTY: false,
    async *[Symbol.asyncIterator]() {
      for (;;) {
        // Chunks of 64 kB, as process.stdin reads a file, with a turn of the event loop between them so that
        // a signal is handled while a large file is read.
        const chunk = Buffer.allocUnsafe(65536);
        const read = fs.readSync(0, chunk, 0, chunk.length, null);
        if (read === 0) return;
        yield chunk.subarray(0, read);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

run().then((code) => {
  process.exitCode = code;
  // Interrupted while reading standard input, which would otherwise keep the process alive: leave now.
  if (stop.signal.aborted) process.exit(code);
  process.off('SIGINT', onSignal).off('SIGTERM', onSignal).off('SIGHUP', onHangUp);
});
