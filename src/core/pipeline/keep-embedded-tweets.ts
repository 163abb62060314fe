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
import { isTweetSignature } from '../rules/tweet-signature.js';
import type { Page } from '../types.js';

export { isTweetSignature };

export function keepEmbeddedTweets(page: Page): void {
  const { blocks, decisions, findings } = page;
  for (let i = 1; i < blocks.length; i++) {
    if (decisions[i]!.kept || !decisions[i - 1]!.kept || !isTweetSignature(blocks[i]!.text)) continue;
    if (findings[i]!.some((f) => f.rule === USER_PATTERNS_ID)) continue;
    decisions[i] = { kept: true, rule: EMBEDDED_TWEET_ID, reason: 'signature of a tweet quoted in the article' };
  }
}
