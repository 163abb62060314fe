// `boilerstrip rules`: every id a decision can carry, with its description, so users know what
// --disable-rule accepts and what the ids in --explain and -f json mean.
import { CATALOGUE } from '../core/catalogue.js';

export function formatRules(): string {
  const width = Math.max(...CATALOGUE.map((e) => e.id.length));
  const rows = CATALOGUE.map((e) => `${e.id.padEnd(width)}  ${e.canDisable ? ' ' : '*'} ${e.description}`);
  return `${rows.join('\n')}\n\nSwitch a rule off with --disable-rule ID (repeatable). * cannot be switched off.\n`;
}
