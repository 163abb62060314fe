// Preloaded into a CLI child by bench/speed.ts (`node --import ./bench/peak-rss.mjs`): on exit, writes the
// process's peak resident memory (all threads, in KB) to the file named by BOILERSTRIP_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BOILERSTRIP_PEAK_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
