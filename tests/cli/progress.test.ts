// The progress line fits the terminal it is drawn on: cli-progress turns line wrapping off while it
// draws, so a line wider than the terminal lost its figures at the end, unseen.
import { describe, expect, it } from 'vitest';
import { createProgress, layout, mb, summaryLine } from '../../src/cli/progress.js';

/** The text of each line drawn, without the terminal's control sequences. */
function drawnLines(output: string): string[] {
  return output
    .replace(/\u001b(?:\[[0-9;?]*[A-Za-z]|[78])/gu, '\n')
    .split(/[\r\n]/u)
    .filter((line) => line.trim() !== '');
}

describe('the progress line', () => {
  it('narrows the bar on a narrow terminal, and leaves it out where even a short bar does not fit', () => {
    expect(layout('cleaning', 2000, 120)).toMatchObject({ format: expect.stringContaining('{bar}'), barsize: 40 });
    const narrow = layout('cleaning', 2000, 70);
    expect(narrow.format).toContain('{bar}');
    expect(narrow.barsize).toBeLessThan(40);
    expect(narrow.barsize).toBeGreaterThanOrEqual(10);
    expect(layout('cleaning', 2000, 50).format).not.toContain('{bar}');
    expect(layout('counting', 2000, 50).format).not.toContain('{bar}');
    expect(layout('counting', 2000, 80).format).toContain('{bar}');
  });

  it.each([40, 50, 60, 70, 80, 120])('draws lines no wider than a terminal %i columns wide', async (columns) => {
    let output = '';
    const stderr = { isTTY: true, columns, write: (s: string) => ((output += s), true) };
    for (const phase of ['cleaning', 'counting'] as const) {
      const progress = await createProgress(stderr, 12345, phase);
      // No bytes: drawn at once, any count of them would make an unreal speed of many digits.
      progress.update(6000, 0);
      progress.update(12345, 0);
      progress.stop();
    }
    const lines = drawnLines(output);
    expect(lines.length).toBeGreaterThan(0);
    // Every line fits, but where the figures alone are wider than the terminal: those are drawn whole.
    const widest = Math.max(columns - 1, layout('cleaning', 12345, columns).figures, layout('counting', 12345, columns).figures);
    for (const line of lines) expect([columns, line, line.length <= widest]).toEqual([columns, line, true]);
  });

  it('gives sizes in the summary in MB, or in kB and bytes where MB would read 0.0', () => {
    expect([0, 1, 999, 1000, 7377, 999_949, 999_950, 61_300_000].map(mb)).toEqual(['0 bytes', '1 byte', '999 bytes', '1.0 kB', '7.4 kB', '999.9 kB', '1.0 MB', '61.3 MB']);
    expect(summaryLine({ files: 1, failed: 0, bytesIn: 7377, bytesOut: 1853, seconds: 0.04 })).toBe('1 file, 0 failed, 7.4 kB in, 1.9 kB out (74.9% removed), 0.0 s');
  });
});
