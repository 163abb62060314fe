// run-on-fragments — Evidence: a piece of a run-on line (a page joined on one line, see
// pipeline/run-on-lines.ts) that runs on for many words without a single sentence mark. The line is cut at
// sentence ends and around runs of labels, so what remains between cuts is a sentence, a run of labels, or
// a stretch of headlines and link texts joined without punctuation ("Tesla to build factory near Berlin GM
// and UAW reach tentative contract agreement Electric cars need …"). The last kind has the stop words of
// prose and would pass for it; but writers end their sentences, and twenty words or more without a full
// stop, question or exclamation mark is headlines joined together, not the article.
import type { Finding, Page } from '../types.js';
import type { Rule } from './rule.js';

/** Words a piece may run without a sentence mark before it is taken for joined headlines. */
const MAX_WORDS_WITHOUT_MARK = 20;

export const runOnFragments: Rule = {
  id: 'run-on-fragments',
  description: 'On a page joined on one line: stretches of many words without a sentence mark (headlines and links run together).',
  find(page: Page): Finding[] {
    const findings: Finding[] = [];
    const { blocks, measures } = page;
    for (let i = 0; i < blocks.length; i++) {
      if (!blocks[i]!.runOnPiece) continue;
      const m = measures[i]!;
      if (m.sentenceMarks > 0 || m.endsLikeSentence || m.words <= MAX_WORDS_WITHOUT_MARK) continue;
      findings.push({ block: i, verdict: 'boilerplate', reason: `${m.words} words without a sentence end on a page joined on one line` });
    }
    return findings;
  },
};
