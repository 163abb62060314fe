// Preloaded into a CLI child by bench/speed.ts (`node --import ./bench/peak-rss.mjs`): on exit, writes the
// process's peak resident memory (all threads, in KB) and the processor time it used (user and system,
// all threads, in µs) to the file named by BOILERSTRIP_PEAK_RSS_FILE, as "maxRSS user system".
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BOILERSTRIP_PEAK_RSS_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime}`);
});
