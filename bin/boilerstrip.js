#!/usr/bin/env node
// A reader that closes the pipe early (`boilerstrip page.txt | head`) is not an error.
process.stdout.on('error', (error) => { if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw error; });
// Ctrl-C / SIGTERM: main() stops handing out work and finishes the files in progress (no half-written
// output); a second signal ends the process at once. Exit code 130 (SIGINT) or 143 (SIGTERM).
const stop = new AbortController();
const onSignal = (signal) => {
  if (stop.signal.aborted) process.exit(signal === 'SIGTERM' ? 143 : 130);
  stop.abort(signal);
};
process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
// The bundle of dist/cli/ (scripts/bundle.js): one file to load instead of ~40 modules, for start-up time.
const { main } = await import('../dist/bundle/main.js');
process.exitCode = await main({ argv: process.argv.slice(2), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, signal: stop.signal });
// Interrupted while reading standard input, which would otherwise keep the process alive: leave now.
if (stop.signal.aborted) process.exit(process.exitCode);
process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
