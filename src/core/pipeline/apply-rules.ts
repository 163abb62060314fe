// Runs every enabled rule over the measured page and files each finding under its block.
import { RULES } from '../rules/index.js';
import type { Page, StripOptions } from '../types.js';

const NO_FINDINGS: Page['findings'][number] = Object.freeze([]) as unknown as Page['findings'][number];

export function applyRules(page: Page, options: StripOptions): void {
  const disabled = new Set(options.disabledRules ?? []);
  // Most blocks get no finding: they share one frozen empty list instead of allocating their own.
  page.findings = new Array(page.blocks.length).fill(NO_FINDINGS);
  for (const rule of RULES) {
    if (disabled.has(rule.id)) continue;
    for (const finding of rule.find(page, options)) {
      const list = page.findings[finding.block]!;
      const filed = { ...finding, rule: rule.id };
      if (list === NO_FINDINGS) page.findings[finding.block] = [filed];
      else list.push(filed);
    }
  }
  // Metadata is read in page order, so the first byline or date on the page wins.
  for (const findings of page.findings) {
    for (const f of findings) {
      if (f.verdict !== 'metadata' || !f.metadata) continue;
      page.metadata.title ??= f.metadata.title;
      page.metadata.author ??= f.metadata.author;
      page.metadata.date ??= f.metadata.date;
    }
  }
  for (const key of ['title', 'author', 'date'] as const) if (page.metadata[key] === undefined) delete page.metadata[key];
}
