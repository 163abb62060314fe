// Restores the blocks the user pinned with --keep after main-text selection, which judges regions by
// their size and distance and may have cut one off: the user's word is final.
import type { Page } from '../types.js';

export function keepPinned(page: Page): void {
  const { findings, decisions } = page;
  for (let i = 0; i < findings.length; i++) {
    // Most blocks have no finding (and only a --keep pins one): a plain loop, no callback per block.
    if (findings[i]!.length === 0 || decisions[i]!.kept) continue;
    const pinned = pinnedOf(findings[i]!);
    if (pinned) decisions[i] = { kept: true, rule: pinned.rule, reason: pinned.reason };
  }
}

/** The first pinned finding of a block, if any. */
export function pinnedOf<F extends { pinned?: boolean }>(findings: readonly F[]): F | undefined {
  for (const f of findings) if (f.pinned) return f;
  return undefined;
}
