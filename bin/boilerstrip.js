#!/usr/bin/env node
// A reader that closes the pipe early (`boilerstrip page.txt | head`) is not an error.
process.stdout.on('error', (error) => { if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw error; });
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main({ argv: process.argv.slice(2), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
