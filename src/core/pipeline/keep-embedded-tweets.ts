// embedded-tweet — Keeps the signature line of a tweet that the article quotes. A post embedded in a page
// prints as its text, then a line "— Name (@handle) November 18, 2019" (the embed's own markup, the same
// on every site). That line is short and poor in stop words, so the content classifier calls it
// boilerplate, and when two posts of one account on one day are quoted, repeated-lines does too; yet it
// says who wrote the quoted words and when, as a quote's attribution does. The evidence is the shape (an
// em dash, a name, an @handle in brackets, a date right after it) and where the line stands: right under
// a line the article kept (the post's text). A feed of posts in a sidebar stands under no article text,
// so its signatures stay dropped. The user's --drop still wins.
import { EMBEDDED_TWEET_ID } from '../catalogue.js';
import { USER_PATTERNS_ID } from '../rules/user-patterns.js';
import type { Page } from '../types.js';

/** An em dash opens the signature; most lines are ruled out by their first character, before any pattern. */
const EM_DASH = 0x2014;

/**
 * "— Name (@handle) Month D, YYYY" or "— Name (@handle) D Month YYYY" at the start of the line: a name of at
 * most 80 characters (emoji allowed), a handle as the service allows it (letters, digits, _; 15 at most),
 * then a date whose month is a word of 3 to 12 letters. A page joined on one line may carry the next
 * sentence after the date, so only the start is matched.
 */
const SIGNATURE =
  /^—\s?.{1,80}?\s\(@[A-Za-z0-9_]{1,15}\)\s+(?:\p{L}{3,12}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,12}\.?\s+(?:de\s+)?\d{4})/u;

/** Whether the line is the signature of an embedded tweet (see above). */
export function isTweetSignature(text: string): boolean {
  return text.charCodeAt(0) === EM_DASH && SIGNATURE.test(text);
}

export function keepEmbeddedTweets(page: Page): void {
  const { blocks, decisions, findings } = page;
  for (let i = 1; i < blocks.length; i++) {
    if (decisions[i]!.kept || !decisions[i - 1]!.kept || !isTweetSignature(blocks[i]!.text)) continue;
    if (findings[i]!.some((f) => f.rule === USER_PATTERNS_ID)) continue;
    decisions[i] = { kept: true, rule: EMBEDDED_TWEET_ID, reason: 'signature of a tweet quoted in the article' };
  }
}
