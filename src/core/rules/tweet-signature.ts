// The signature line of an embedded tweet, "— Name (@handle) November 18, 2019": the embed's own markup, the
// same on every site. Read by keep-embedded-tweets (which keeps it under a kept post) and by run-on-fragments
// (which spares the post's text above it); kept apart from both so that a rule need not import a pipeline
// step, which imports the catalogue of rules.

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
