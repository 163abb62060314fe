// user-patterns — Evidence: the user's own word. `keep` and `drop` (the CLI's --keep/--drop, a config
// file's lists) name lines the user knows to be body or boilerplate on their sites: their newsletter
// prompt, a house sign-off, a disclaimer. No heuristic can know these, so they outrank every rule:
// a dropped line is boilerplate whatever the classifier thinks, and a kept line is body — it survives
// the rules, the content classification and main-text selection. Keep wins when both match.
import type { Block, Finding, Page, StripOptions } from '../types.js';
import { bareForm, collapseWhitespace } from '../pipeline/split-blocks.js';
import { kindOf } from '../kind-of.js';
import type { Rule } from './rule.js';

export const USER_PATTERNS_ID = 'user-patterns';

/** What a pattern reads of a line: its text (white space folded), in lower case, and its bare form. */
type LineText = Pick<Block, 'text' | 'lower' | 'bare'>;

/** A compiled pattern: how to test a line, and how to name it in a reason. */
interface Matcher {
  label: string;
  test(line: LineText): boolean;
}

/**
 * Reads a user's pattern the way the CLI and config files write them: `/source/flags` is a regular
 * expression, anything else is plain text. Throws a SyntaxError naming the pattern when the expression
 * does not compile, so callers can report it as a usage error.
 */
export function parsePattern(text: string): string | RegExp {
  if (typeof text !== 'string') throw new TypeError(`a pattern is a string ("text" or "/source/flags"), not ${kindOf(text)}`);
  // An empty pattern is almost always an unset variable (--drop "$PROMPT"); it would match no line.
  if (text.trim() === '') throw new SyntaxError('empty pattern: give the text of a line, or /source/flags');
  // Lower-case letters after the last slash are flags, as in JavaScript. Capitals are too when all of them
  // are flag letters, so that /x/I is refused as a bad flag instead of becoming plain text that never
  // matches; other capitals make plain text, such as the breadcrumb "/News/Sport".
  const match = /^\/(.+)\/([a-z]*)$/su.exec(text) ?? /^\/(.+)\/([dgimsuvy]+)$/isu.exec(text);
  if (!match) return text;
  try {
    return new RegExp(match[1]!, match[2]);
  } catch (error) {
    throw new SyntaxError(`invalid regular expression ${text}: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /su, '')}`);
  }
}

/**
 * Plain text matches a whole line, ignoring case, runs of spaces and the punctuation around it ("Sign up
 * for our newsletter" matches "» Sign up for our newsletter!"). A regular expression is tested against the
 * line as written (whitespace folded), so `^` and `$` mean the line's ends; its g and y flags are dropped
 * because they make `test()` stateful.
 */
function compile(pattern: string | RegExp): Matcher {
  if (typeof pattern === 'string') {
    const folded = collapseWhitespace(pattern).toLowerCase();
    const wanted = bareForm(folded);
    // The bare form drops counts and symbols, so a pattern without letters ("2024", "* * *") has an
    // empty one, which every line without letters shares ("6:47", "|"): such a pattern is the whole line.
    if (wanted === '') return { label: `"${pattern}"`, test: (line) => line.lower === folded };
    return { label: `"${pattern}"`, test: (line) => line.bare === wanted };
  }
  const regex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/gu, ''));
  return { label: String(pattern), test: (line) => regex.test(line.text) };
}

/**
 * A block of a rewritten page as the input writes it: its input lines joined by spaces (one line, for a
 * Markdown page's; a paragraph's, for a wrapped page's), so that `^` and `$` still mean its ends and a
 * pattern for a link's address still finds it. Made only when a pattern asks for it.
 */
function asWritten(page: Page, block: Block): LineText {
  const { inputLines, hidden } = page.lineMap!;
  // Not the marks of a text browser that the block's lines take in (hide-browser-marks.ts): its own lines are not them.
  const lines = inputLines.slice(block.line - 1, block.lastLine);
  const text = collapseWhitespace((hidden === undefined ? lines : lines.filter((_, k) => !hidden.has(block.line - 1 + k))).join(' '));
  let lower: string | undefined;
  let bare: string | undefined;
  return {
    text,
    get lower() {
      return (lower ??= text.toLowerCase());
    },
    get bare() {
      return (bare ??= bareForm(this.lower));
    },
  };
}

/**
 * Whether the user's `keep` names an input line, tested before the page is read (a text browser's mark,
 * which the rules never see, hide-browser-marks.ts); undefined when there is no pattern to keep.
 */
export function keepsLine(keep: StripOptions['keep']): ((line: string) => boolean) | undefined {
  const matchers = (keep ?? []).map(compile);
  if (matchers.length === 0) return undefined;
  return (line) => {
    const text = collapseWhitespace(line);
    const lower = text.toLowerCase();
    const written: LineText = { text, lower, bare: bareForm(lower) };
    return matchers.some((m) => m.test(written));
  };
}

/** The rule for one call of strip(): undefined when the user gave no patterns (nothing to run). */
export function userPatterns(options: Pick<StripOptions, 'keep' | 'drop'>): Rule | undefined {
  const keep = (options.keep ?? []).map(compile);
  const drop = (options.drop ?? []).map(compile);
  if (keep.length === 0 && drop.length === 0) return undefined;
  return {
    id: USER_PATTERNS_ID,
    description: USER_PATTERNS_DESCRIPTION,
    find(page: Page): Finding[] {
      const findings: Finding[] = [];
      for (const block of page.blocks) {
        // On a page whose text was rewritten (a Markdown page's links read as their text, a wrapped page's
        // lines joined), a pattern is tested against the block as the input writes it too: the user wrote
        // it for that.
        const lines = page.lineMap === undefined ? [block] : [block, asWritten(page, block)];
        const kept = keep.find((m) => lines.some((line) => m.test(line)));
        if (kept) {
          findings.push({ block: block.index, verdict: 'content', reason: `matches --keep ${kept.label}`, pinned: true });
          continue;
        }
        const dropped = drop.find((m) => lines.some((line) => m.test(line)));
        if (dropped) findings.push({ block: block.index, verdict: 'boilerplate', reason: `matches --drop ${dropped.label}` });
      }
      return findings;
    },
  };
}

export const USER_PATTERNS_DESCRIPTION = 'Lines matching your --drop patterns are removed; lines matching --keep are always kept (keep wins).';
