// run-on-fragments — Evidence: a piece of a run-on line (a page joined on one line, see
// pipeline/run-on-lines.ts) that runs on for many words without a single sentence mark. The line is cut at
// sentence ends and around runs of labels, so what remains between cuts is a sentence, a run of labels, or
// a stretch of headlines and link texts joined without punctuation ("Tesla to build factory near Berlin GM
// and UAW reach tentative contract agreement Electric cars need …"). The last kind has the stop words of
// prose and would pass for it; but writers end their sentences, and more than twenty words without a full
// stop, question or exclamation mark is headlines joined together, not the article. Unless it ends with a
// comma, an article, a preposition or a clause-opening word, or the run of labels cut out after it ends the
// sentence: then the labels were a long name inside a sentence, and the piece is its opening. A piece that
// ends with the full stop of a script the measures do not know ("।") is a sentence too. Headlines that ran
// into one another are cut apart where the next one begins ("… this guy's abs | The secret ingredient …",
// see run-on-lines' isHeadlineRestart), which leaves pieces shorter than twenty words: such pieces count
// together, as the one stretch without a sentence mark that they are. The last of them may still open the
// sentence after it, as above, unless it is one of several such pieces and another headline begins after
// it too; a single piece cut off this way may be the opening of a long sentence with a title or a letter
// label in it ("… likely to develop vitamin | A deficiency later in life.").
import { endsWithSentenceMark, runsIntoHeadline } from '../pipeline/run-on-lines.js';
import { CONTINUING_WORDS } from './patterns.js';
import type { Finding, Page } from '../types.js';
import type { Rule } from './rule.js';

/** Words a piece may run without a sentence mark (anywhere in it, end included) before it is taken for joined headlines. */
const MAX_WORDS_WITHOUT_MARK = 20;

/**
 * Whether piece `i` is the opening of a sentence that a long name, cut out after it as a run of labels, goes
 * on with: the piece ends with a comma, semicolon or colon, or with an article, a preposition or a
 * clause-opening word ("… to look again at the | International Monetary Fund …"), or the name ends the
 * sentence. Headlines end with a content word.
 */
function continuesSentence(page: Page, i: number): boolean {
  const { blocks, measures } = page;
  if (blocks[i + 1]?.line !== blocks[i]!.line) return false;
  if (/[,;:]$/u.test(blocks[i]!.text)) return true;
  return measures[i + 1]!.endsLikeSentence || CONTINUING_WORDS.has(blocks[i]!.words.at(-1)!);
}

export const runOnFragments: Rule = {
  id: 'run-on-fragments',
  description: 'On a page joined on one line: stretches of more than twenty words without a sentence mark (headlines and links run together, also where a new headline was cut off).',
  find(page: Page): Finding[] {
    const findings: Finding[] = [];
    const { blocks, measures } = page;
    // endsWithSentenceMark knows the full stops of more scripts than the measures do (Devanagari's "।").
    const isMarkless = (i: number) => blocks[i]!.runOnPiece && measures[i]!.sentenceMarks === 0 && !endsWithSentenceMark(blocks[i]!.text);
    for (let i = 0; i < blocks.length; ) {
      if (!isMarkless(i)) {
        i++;
        continue;
      }
      // Headlines run into one another (cut apart where the next begins) count as one stretch.
      let end = i + 1;
      let words = measures[i]!.words;
      while (end < blocks.length && blocks[end]!.line === blocks[i]!.line && isMarkless(end) && runsIntoHeadline(blocks[end - 1]!.text, blocks[end]!.text)) {
        words += measures[end]!.words;
        end++;
      }
      if (words > MAX_WORDS_WITHOUT_MARK) {
        // Only the stretch's last piece can open a sentence, unless it is one of several headlines and a new
        // one begins after it too. A single piece cut off before an opener may be the opening of a long
        // sentence with a title in it ("… the long-running series This Is Us was …", "vitamin A").
        const lastEndsHeadline = end - i > 1 && blocks[end]?.line === blocks[i]!.line && runsIntoHeadline(blocks[end - 1]!.text, blocks[end]!.text);
        for (let k = i; k < end; k++) {
          if (k === end - 1 && !lastEndsHeadline && continuesSentence(page, k)) continue;
          findings.push({ block: k, verdict: 'boilerplate', reason: `${words} words without a sentence end on a page joined on one line` });
        }
      }
      i = end;
    }
    return findings;
  },
};
