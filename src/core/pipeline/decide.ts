// Turns the classes and findings into one decision per block, naming the rule or step that decided and why.
import type { Decision, Page } from '../types.js';
import { isMostlyLinkText } from './classify-by-content.js';

export function decide(page: Page, initialClasses: Page['classes']): void {
  page.decisions = page.blocks.map((_, i): Decision => {
    const findings = page.findings[i]!;
    // Most blocks have no finding: they skip the search.
    if (findings.length > 0) {
      const finding = findings.find((f) => f.verdict !== 'content') ?? findings[0]!;
      return { kept: finding.verdict === 'content', rule: finding.rule, reason: finding.reason };
    }
    const m = page.measures[i]!;
    const before = initialClasses[i];
    const after = page.classes[i];
    // The density is formatted only for the reasons that show it: toFixed was a fifth of this step.
    if (after === 'good') {
      return before === 'good'
        ? { kept: true, rule: 'content-evidence', reason: `prose: ${m.chars} characters, stop-word density ${m.stopWordDensity.toFixed(2)}` }
        : page.sentencesBetweenProse?.has(i)
          ? { kept: true, rule: 'neighbours', reason: `${before} block: a sentence between two article paragraphs on a page joined on one line` }
          : page.keptPastRepeats?.has(i)
          ? { kept: true, rule: 'neighbours', reason: `${before} block among article text, seen past a line repeated inside the article` }
          : { kept: true, rule: 'neighbours', reason: `${before} block among article text` };
    }
    if (before === 'bad') {
      const reason = m.isLink ? 'a bare link' : isMostlyLinkText(page, i) ? 'mostly the text of links' : `few stop words: density ${m.stopWordDensity.toFixed(2)}`;
      return { kept: false, rule: 'content-evidence', reason };
    }
    return { kept: false, rule: 'neighbours', reason: `${before} block among boilerplate` };
  });
}
