// comment-headers — Evidence: the furniture of a reader-comment thread. Each comment is introduced by a
// header that names its writer or its posting time: "jane42 says:", "Bob wrote:", or a line that is only
// a date or a relative time with a clock time ("November 19, 2019 at 6:34 am", "2 days ago at 07:52 am"),
// and the thread itself by a count such as "34 responses to “…”" or "6 thoughts on “…”". Comments are
// written as prose, so the content classifier keeps them; what marks them is that every one starts with
// such a header. Each header opens a section, so that the main-text step sees every comment as a
// separate region cut off from the article instead of one long region that outweighs it.
import type { Finding, Page } from '../types.js';
import { LowerCasePattern } from './lower-case-pattern.js';
import { findDate, MONTH_NAME, startsWithDigit, WRITER_VERBS } from './patterns.js';
import type { Rule } from './rule.js';

/** "<name> says:" and its equivalents: a short name and a verb of saying, nothing after the colon. */
const WRITER = new LowerCasePattern(String.raw`^\S(?:.{0,40}\S)? ${WRITER_VERBS}\s*:$`);
/** A clock time closing a comment's posting stamp: "at 6:34 am", "at 19:02", "@ 7:02 pm". */
const AT_CLOCK = new LowerCasePattern(String.raw`^(.{4,40}?),? (?:at|@|um|à|a las|alle|às|om|o|в) \d{1,2}[:.h]\d{2}(?: ?[ap]\.? ?m\.?)?$`);
const RELATIVE = new LowerCasePattern(String.raw`^(?:\d+|an?|one) (?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?) ago$|^(?:yesterday|today)$`);
const MONTH_ONLY = new LowerCasePattern(`^${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?$`);
/** "34 responses to “…”", "6 thoughts on “…”", "12 comments on “…”": the heading of a comment thread. */
const THREAD_HEADING = new LowerCasePattern(String.raw`^\d+ (?:responses?|thoughts?|comments?|replies|reactions?) (?:to|on) \S`);

/** Headers are short; a longer line that ends with a time is a sentence. */
const MAX_HEADER_WORDS = 10;
/** A thread heading quotes the article's headline, which may be long. */
const MAX_THREAD_HEADING_WORDS = 30;

export const commentHeaders: Rule = {
  id: 'comment-headers',
  description: 'Reader-comment headers ("jane says:", "November 19, 2019 at 6:34 am") and thread headings ("34 responses to …").',
  find(page: Page): Finding[] {
    const findings: Finding[] = [];
    page.blocks.forEach((block, i) => {
      const m = page.measures[i]!;
      const text = block.text;
      let reason: string | undefined;
      if (m.words <= MAX_THREAD_HEADING_WORDS && m.digitShare > 0 && startsWithDigit(text) && THREAD_HEADING.test(text, block.lower)) reason = 'heading of a comment thread';
      else if (m.words > MAX_HEADER_WORDS || m.endsLikeSentence) return;
      else if (text.endsWith(':') && WRITER.test(text, block.lower)) reason = 'comment header naming its writer';
      else if (m.digitShare > 0 && isPostingStamp(text, block.lower)) reason = 'posting time of a comment';
      if (reason) findings.push({ block: i, verdict: 'boilerplate', reason, opensSection: true });
    });
    return findings;
  },
};

/** A line that is only a date or a relative time followed by a clock time. */
function isPostingStamp(text: string, lower: string): boolean {
  const match = AT_CLOCK.exec(text, lower);
  if (!match) return false;
  const day = match[1]!;
  if (RELATIVE.test(day) || MONTH_ONLY.test(day)) return true;
  const date = findDate(day);
  return date !== null && date[0].length === day.length;
}
