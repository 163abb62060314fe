// run-on-fragments — Evidence: a piece of a run-on line (a page joined on one line, see
// pipeline/run-on-lines.ts) that runs on for many words without a single sentence mark. The line is cut at
// sentence ends and around runs of labels, so what remains between cuts is a sentence, a run of labels, or
// a stretch of headlines and link texts joined without punctuation ("Tesla to build factory near Berlin GM
// and UAW reach tentative contract agreement Electric cars need …"). The last kind has the stop words of
// prose and would pass for it; but writers end their sentences, and more than twenty words without a full
// stop, question or exclamation mark is headlines joined together, not the article. Unless it ends with a
// comma, an article, a preposition or a clause-opening word, or the run of labels cut out after it ends the
// sentence: then the labels were a long name inside a sentence, and the piece is its opening. A piece that
// ends with the full stop of a script the measures do not know ("।") is a sentence too.
import { endsWithSentenceMark } from '../pipeline/run-on-lines.js';
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

/** Words that a sentence or a headline does not end with: what follows them is part of the phrase they open. */
const CONTINUING_WORDS = new Set([
  'the', 'a', 'an', 'of', 'at', 'in', 'on', 'to', 'from', 'by', 'for', 'with', 'and', 'or', 'as', 'into', 'than',
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'von', 'zu', 'zum', 'zur', 'mit', 'und', 'im', 'am', 'beim',
  'le', 'la', 'les', 'un', 'une', 'de', 'du', 'au', 'aux', 'et', 'el', 'los', 'las', 'del', 'al', 'y', 'il', 'lo', 'gli', 'di',
  'da', 'dei', 'della', 'e', 'o', 'do', 'dos', 'das', 'na', 'no', 'het', 'een', 'van', 'en', 'op', 'met',
  // Pronouns and conjunctions that open a clause
  'that', 'which', 'who', 'whose', 'when', 'while', 'after', 'before', 'because', 'if', 'his', 'her', 'its', 'their', 'this',
  'these', 'those', 'our', 'your', 'my', 'dass', 'wie', 'weil', 'wenn', 'als', 'ob', 'nachdem', 'bevor', 'sein', 'seine', 'ihr',
  'ihre', 'que', 'qui', 'quand', 'dont', 'où', 'son', 'sa', 'ses', 'leur', 'che', 'cui', 'quando', 'suo', 'sua', 'cuando',
  'donde', 'como', 'su', 'sus', 'dat', 'wanneer', 'zijn', 'haar',
]);

export const runOnFragments: Rule = {
  id: 'run-on-fragments',
  description: 'On a page joined on one line: stretches of more than twenty words without a sentence mark (headlines and links run together).',
  find(page: Page): Finding[] {
    const findings: Finding[] = [];
    const { blocks, measures } = page;
    for (let i = 0; i < blocks.length; i++) {
      if (!blocks[i]!.runOnPiece) continue;
      const m = measures[i]!;
      // endsWithSentenceMark knows the full stops of more scripts than the measures do (Devanagari's "।").
      if (m.sentenceMarks > 0 || m.words <= MAX_WORDS_WITHOUT_MARK || endsWithSentenceMark(blocks[i]!.text)) continue;
      if (continuesSentence(page, i)) continue;
      findings.push({ block: i, verdict: 'boilerplate', reason: `${m.words} words without a sentence end on a page joined on one line` });
    }
    return findings;
  },
};
