// Poll results, a part of interface-strings. Evidence: an answer followed by its share of the votes in
// brackets, "Yes, the game is cool (29%, 1,186 Votes)", as poll widgets print their results. Writers
// quote a survey's figures in their own words ("29% of the 1,186 people asked said yes"); only a widget
// prints the percentage and the count of votes together in brackets after each answer. A page joined on
// one line runs all the answers of a poll into one piece, so a block with two such counts is a poll's
// results whatever its length; a block with one is one answer when it is short and ends with the count
// (each answer on its own line). The words for votes cover the languages the stop-word lists cover best.

/** "(29%, 1,186 Votes)", "(3.5 %, 12 Stimmen)", "(41% - 1680 votos)": a share and a count of votes in brackets. */
const VOTE_COUNT = /\(\s*\d{1,3}(?:[.,]\d+)?\s?%\s?[,;–-]\s?\d[\d,.\s]*\s(?:votes?|stimmen|voix|votos?|voti|stemmen|głos(?:y|ów)?|голос(?:а|ов)?)\s*\)/giu;

/** Words an answer of a poll has at most, counted with its vote count: a line longer than that is prose. */
const ANSWER_MAX_WORDS = 20;

/** Whether the block is a poll's results (see the comment at the top). `words`: the block's word count. */
export function isPollResults(text: string, words: number): boolean {
  if (!text.includes('%')) return false;
  const counts = text.match(VOTE_COUNT);
  if (counts === null) return false;
  if (counts.length >= 2) return true;
  return words <= ANSWER_MAX_WORDS && text.trimEnd().endsWith(counts[0]!.trimEnd());
}
