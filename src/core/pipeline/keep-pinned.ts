// Restores the blocks the user pinned with --keep after main-text selection, which judges regions by
// their size and distance and may have cut one off: the user's word is final.
import type { Page } from '../types.js';

export function keepPinned(page: Page): void {
  page.findings.forEach((findings, i) => {
    const pinned = findings.find((f) => f.pinned);
    if (pinned && !page.decisions[i]!.kept) page.decisions[i] = { kept: true, rule: pinned.rule, reason: pinned.reason };
  });
}
