// repeated-lines — Evidence: the same line occurs more than once on the page. Article text is written
// once; what a page prints twice is a headline doubled by its markup (link text + heading), a list such as
// "Top Stories" rendered for two layouts, or the page title repeated above the article. Short repeated
// lines are dropped everywhere they occur. A repeated sentence keeps one copy: the first that sits between
// two sentences of running text, since that is the article quoting it (a summary printed above the story
// repeats one of the story's sentences); a long paragraph with no such copy keeps its first occurrence,
// because a dump can legitimately print the body twice and dropping both copies would lose the article.
// Lines that repeat the page title (the first line, or its longest part around a " | " or " - " separator)
// go too.
import type { Block, Finding, Page } from '../types.js';
import { isWholeSentence } from './prose.js';
import { keyOf, pageTitle } from './page-title.js';
import { hashKey, type Rule } from './rule.js';

/**
 * A repeated block this long that ends like a sentence is a paragraph: one copy stays, the one inside the
 * article if there is one (between two sentences, so never the first or last line), else the first.
 */
const PROSE_WORDS = 25;
/** The same for a sentence cut from a page joined on one line: three words ("It was late.") is a sentence. */
const MIN_PIECE_WORDS = 3;

export const repeatedLines: Rule = {
  id: 'repeated-lines',
  description: 'Lines printed more than once (doubled headlines, lists rendered twice, the page title repeated); a repeated sentence keeps its copy in the article.',
  find(page: Page): Finding[] {
    const findings: Finding[] = [];
    const { blocks } = page;
    const title = pageTitle(page);
    const titleKeys = title.keys;
    // A block's key is its words joined (its normalised text). Keys are compared through their hashes,
    // taken while splitting: only a block whose hash occurs twice, or is a title key's, can repeat a line
    // or the title, so only those blocks' keys are built and compared exactly.
    const hashCounts = new Map<number, number>();
    for (const block of blocks) {
      if (block.wordCount === 0) continue;
      const hash = hashKey(block.wordsHash);
      hashCounts.set(hash, (hashCounts.get(hash) ?? 0) + 1);
    }
    // Most repeated lines are exact copies, and a key is a function of the line's text (its words, cut from
    // its lower-case form; a line of an unspaced script is cut by the segmenter, so it is not looked up): a
    // key is made once per text, since making one cuts the line into words.
    const keyByText = new Map<string, string>();
    const keyOfBlock = (b: Block): string => {
      if (b.unspaced) return keyOf(b);
      let key = keyByText.get(b.text);
      if (key === undefined) keyByText.set(b.text, (key = keyOf(b)));
      return key;
    };
    const keys: (string | undefined)[] = blocks.map((b) =>
      b.wordCount > 0 && (hashCounts.get(hashKey(b.wordsHash))! >= 2 || title.hashes.has(hashKey(b.wordsHash))) ? keyOfBlock(b) : undefined,
    );
    const firstSeen = new Map<string, number>();
    const counts = new Map<string, number>();
    keys.forEach((key, i) => {
      if (key === undefined) return;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (!firstSeen.has(key)) firstSeen.set(key, i);
    });
    const isSentence = (i: number) => isWholeSentence(blocks[i]!.text, page.measures[i]!);
    const isUnrepeatedSentence = (i: number) => i >= 0 && i < blocks.length && (keys[i] === undefined || counts.get(keys[i]!) === 1) && isSentence(i);
    /** For each repeated sentence, the copy that stays: its first between two sentences written once. */
    const inArticle = new Map<string, number>();
    keys.forEach((key, i) => {
      // A sentence ends like one: that measure rules out most repeated lines (menus, headlines) at once.
      if (key === undefined || !page.measures[i]!.endsLikeSentence || counts.get(key)! < 2 || inArticle.has(key)) return;
      if (isSentence(i) && isUnrepeatedSentence(i - 1) && isUnrepeatedSentence(i + 1)) inArticle.set(key, i);
    });

    keys.forEach((key, i) => {
      if (key === undefined) return;
      const m = page.measures[i]!;
      const count = counts.get(key)!;
      if (count >= 2) {
        // A page joined on one line is cut into sentences (pipeline/run-on-lines.ts): there a sentence is what
        // a paragraph is on other pages, and an article printed twice keeps its first copy.
        const isLongParagraph = (m.words >= PROSE_WORDS || (blocks[i]!.runOnPiece && m.words >= MIN_PIECE_WORDS)) && m.endsLikeSentence;
        const kept = inArticle.get(key) ?? (isLongParagraph ? firstSeen.get(key)! : -1);
        if (kept === -1) {
          const finding: Finding = { block: i, verdict: 'boilerplate', reason: `printed ${count} times on the page` };
          // A headline printed twice (heading and link) still marks where the article starts.
          if (i > 0 && titleKeys.has(key)) finding.repeatsTitle = true;
          findings.push(finding);
        } else if (kept !== i) {
          findings.push({ block: i, verdict: 'boilerplate', reason: `repeats the ${isLongParagraph ? 'paragraph' : 'sentence'} at line ${blocks[kept]!.line}` });
        }
        return;
      }
      if (i > 0 && titleKeys.has(key)) {
        findings.push({ block: i, verdict: 'boilerplate', reason: 'repeats the page title', repeatsTitle: true });
      }
    });
    return findings;
  },
};
