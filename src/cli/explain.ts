// --explain: the input, line by line, each marked with the decision about it — `+` kept, `-` dropped —
// and in the left margin the rule or step that decided and its reason. The margin is on the left because
// page lines are long: reasons in a right margin would land far off screen. Blank lines are kept so the
// page's paragraphs stay recognisable. In colour, dropped lines are red in the margin and dim in the text,
// kept lines are left in the terminal's default colour; the markers stay, for readers without colour. A
// run-on line that the core cut into pieces (a page joined on one line) is shown a piece per row, each
// with the line's number. The lines of a wrapped page that the core joined into one (a paragraph) are
// shown as the input has them, each with the decision about their paragraph. Control characters are shown as pictures (␛), never sent to the terminal
// (visible.ts).
import type { ChalkInstance } from 'chalk';
import type { BlockReport, StripResult } from '../core/types.js';
import { visibleControls } from './visible.js';

/** Reasons longer than this are cut with "…": the margin must leave room for the line itself. */
const MAX_REASON_WIDTH = 48;
const LINE_BREAK = /\r\n|\r|\n/;

export function formatExplain(input: string, result: StripResult, colour: ChalkInstance): string {
  const lines = input.split(LINE_BREAK);
  if (lines.at(-1) === '') lines.pop();
  const byLine = new Map<number, BlockReport[]>();
  for (const block of result.blocks) {
    const pieces = byLine.get(block.lines[0]);
    if (pieces) pieces.push(block);
    else byLine.set(block.lines[0], [block]);
  }
  // A paragraph joined from wrapped lines speaks for each of its lines but those with a report of their
  // own (a text browser's mark between them, which the core read as absent).
  for (const block of result.blocks) {
    if (!block.piece) for (let line = block.lines[0] + 1; line <= block.lines[1]; line++) if (!byLine.has(line)) byLine.set(line, [block]);
  }
  const numberWidth = String(lines.length).length;
  // A loop, not Math.max(...): spreading some 100,000 blocks' widths as arguments overflows the stack.
  let ruleWidth = 0;
  let longestReason = 0;
  for (const b of result.blocks) {
    ruleWidth = Math.max(ruleWidth, b.rule.length);
    longestReason = Math.max(longestReason, b.reason.length);
  }
  const reasonWidth = Math.min(MAX_REASON_WIDTH, longestReason);
  const row = (block: BlockReport, line: number, text: string): string => {
    const reason = visibleControls(block.reason.length > reasonWidth ? `${cutAt(block.reason, reasonWidth - 1)}…` : block.reason);
    const margin = `${block.kept ? '+' : '-'} ${String(line).padStart(numberWidth)}  ${block.rule.padEnd(ruleWidth)}  ${reason.padEnd(reasonWidth)} │`;
    // Always, not only on a terminal: an .explain.txt file is read with cat or less later.
    const shown = visibleControls(text);
    return block.kept ? `${margin} ${shown}` : `${colour.red(margin)} ${colour.dim(shown)}`;
  };
  const out = lines.map((line, i) => {
    const blocks = byLine.get(i + 1);
    if (!blocks) return '';
    return blocks.length === 1 ? row(blocks[0]!, i + 1, line.trim()) : blocks.map((block) => row(block, i + 1, block.text)).join('\n');
  });
  const kept = result.blocks.filter((b) => b.kept).length;
  const counted = [
    ...(result.blocks.some((b) => b.piece) ? ['each piece of a run-on line'] : []),
    ...(result.blocks.some((b) => !b.piece && b.lines[1] > b.lines[0]) ? ['each paragraph joined from wrapped lines'] : []),
  ];
  const pieces = counted.length > 0 ? ` (${counted.join(' and ')} counted as a line)` : '';
  out.push(`# ${kept} of ${result.blocks.length} lines kept, ${result.blocks.length - kept} dropped${pieces}; language ${result.language}`);
  return `${out.join('\n')}\n`;
}

/**
 * The first `length` code units of `text`, one fewer when the last would be the first half of a surrogate
 * pair (an emoji in a quoted line): half a pair cannot be written as UTF-8 and would come out as U+FFFD.
 */
function cutAt(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
