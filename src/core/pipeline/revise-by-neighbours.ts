// content-evidence, second pass — jusText's context-sensitive revision. A short or near-good block cannot
// be judged on its own words, so it takes its class from the nearest decided blocks around it: "He
// declined to comment." between two article paragraphs is article; a lone "Comments" between menus is
// not. The page's edges count as bad, as in jusText. Two additions to jusText: a whole sentence right
// before or after a good paragraph is the article's first or last line, however short, and even when it
// has too few stop words to be judged good alone; also with a one-line quote between them when the article
// goes on past it. And a short sentence right above a good paragraph leads into it (isLeadInSentence), and
// a sentence ending with a colon between two good paragraphs, with only a figure's remains between, introduces
// a figure the dump has lost (isFigureIntroduction).
// Neighbours are sought past the copies of a label the article repeats under each photo
// (find-interleaved-repeats.ts), which say nothing of where the article ends.
import { isTruncated, isWholeSentence } from '../rules/prose.js';
import type { BlockClass, Page } from '../types.js';
import { findInterleavedRepeats } from './find-interleaved-repeats.js';
import { findSentencesBetweenProse } from './find-sentences-between-prose.js';

export function reviseByNeighbours(page: Page): void {
  const given = page.classes;
  // A block called bad for its stop words alone (no rule claimed it, not a bare link) that is written in
  // whole sentences beside a good paragraph is the article's too: sentences dense with names and numbers
  // ("ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting …") have few stop words. Limiting
  // this to one sentence lost more body text on the dev pages (aeb F1 0.948 -> 0.946) than it saved; a
  // list of names has too few stop words for isWholeSentence (under 0.2), and legal notices are claimed
  // by interface-strings first. Such a sentence is article text for the short lines around it as well
  // (a one-line quip after it, a subheading under it), so it is settled before they are.
  const initial = [...given];
  for (let i = 0; i < given.length; i++) {
    if (given[i] !== 'bad' || page.findings[i]!.length > 0 || page.measures[i]!.isLink) continue;
    if (isSentenceBesideArticle(page, given, i) || isSentenceAQuoteFromArticle(page, given, i)) initial[i] = 'good';
  }
  const between = findSentencesBetweenProse(page, given);
  if (between.length > 0) {
    page.sentencesBetweenProse = new Set(between);
    for (const i of between) initial[i] = 'good';
  }
  const classes = [...initial];
  // A label the article repeats under each photo is looked past: it says nothing of where the article ends.
  const seePast = findInterleavedRepeats(page, initial);

  // Short blocks first, seeing near-good blocks as good (jusText: ignore_neargood=True for the outer test).
  // The nearest neighbours are found for all blocks in two linear sweeps, not by walking out from each
  // block: a page of 300,000 short lines would otherwise take minutes.
  // Bottom up, so that a lead-in sentence above another one is judged after it (isLeadInSentence).
  const isDecided = (c: BlockClass) => c === 'good' || c === 'bad';
  const isNotShort = (c: BlockClass) => c !== 'short';
  const neighbours = (lookPast: ReadonlySet<number> | undefined) => ({
    prev: nearest(initial, -1, isDecided, lookPast),
    next: nearest(initial, 1, isDecided, lookPast),
    prevAny: nearest(initial, -1, isNotShort, lookPast),
    nextAny: nearest(initial, 1, isNotShort, lookPast),
  });
  const reviseShort = (i: number, n: ReturnType<typeof neighbours>, revised: readonly BlockClass[]): BlockClass => {
    const prev = n.prev[i]!;
    const next = n.next[i]!;
    if (prev === 'good' && next === 'good') return 'good';
    if (isSentenceBesideArticle(page, initial, i)) return 'good';
    if (isLeadInSentence(page, initial, revised, i)) return 'good';
    if (isFigureIntroduction(page, initial, i)) return 'good';
    if (prev === 'bad' && next === 'bad') return 'bad';
    if ((prev === 'bad' && n.prevAny[i] === 'near-good') || (next === 'bad' && n.nextAny[i] === 'near-good')) return 'good';
    return 'bad';
  };
  // Near-good blocks next: kept unless both sides are bad. As in jusText they are revised in page order,
  // so the block before is already decided; after it, still-unrevised near-good blocks are passed over.
  const reviseNearGood = (revised: BlockClass[], lookPast: ReadonlySet<number> | undefined) => {
    const nextAfterShorts = nearest(revised, 1, isDecided, lookPast);
    for (let i = 0; i < revised.length; i++) {
      if (revised[i] !== 'near-good') continue;
      let before = i - 1;
      while (before >= 0 && lookPast?.has(before)) before--;
      const prev = before >= 0 ? revised[before]! : 'bad';
      revised[i] = prev === 'bad' && nextAfterShorts[i] === 'bad' ? 'bad' : 'good';
    }
  };
  const seen = neighbours(seePast);
  for (let i = classes.length - 1; i >= 0; i--) if (initial[i] === 'short') classes[i] = reviseShort(i, seen, classes);
  reviseNearGood(classes, seePast);
  // Where copies were looked past, the page is revised again as plain jusText sees it, so that --explain
  // can name the blocks kept only because of them. Rare: most pages have no such copies.
  if (seePast) {
    const plain = neighbours(undefined);
    const plainClasses = [...initial];
    for (let i = plainClasses.length - 1; i >= 0; i--) if (initial[i] === 'short') plainClasses[i] = reviseShort(i, plain, plainClasses);
    reviseNearGood(plainClasses, undefined);
    page.keptPastRepeats = new Set();
    for (let i = 0; i < classes.length; i++) if (classes[i] === 'good' && plainClasses[i] !== 'good') page.keptPastRepeats.add(i);
  }
  page.classes = classes;
}

/**
 * A block that is a whole sentence (isWholeSentence: it ends like one and has eight words or more, some
 * of them stop words) directly above or below a good paragraph opens or closes the article: "Officials did
 * not immediately provide any other details." jusText drops such a line at the article's edge, because the
 * page beyond it is boilerplate. Controls and notices written as sentences ("Sign up for our newsletter …")
 * are claimed by rules before this pass, and a block a rule claimed is never short.
 */
function isSentenceBesideArticle(page: Page, initial: readonly BlockClass[], i: number): boolean {
  return (initial[i - 1] === 'good' || initial[i + 1] === 'good') && isWholeSentence(page.blocks[i]!.text, page.measures[i]!);
}

/** Words a short sentence needs to lead into the paragraph below it ("Read more." and "Sign up." have two). */
const LEAD_IN_MIN_WORDS = 3;
/** Stop words a lead-in needs, as prose does (rules/prose.ts): "Photo: Jane Roe/AP." has none. */
const LEAD_IN_MIN_STOP_DENSITY = 0.2;

/**
 * A short sentence right above a good paragraph leads into it: a question the paragraph answers ("For whom
 * is this game?"), a topic sentence set as its own line ("Retiring early takes time and discipline."), a
 * subheading written as a sentence, a line ending with a colon ("Here's why:", read as introduced-list reads
 * one). So does one right above such a lead-in or above a short line kept as article text, when the article
 * opens with two or three of them ("There's a strange disconnect …" / "Owners tend to be introverts."). jusText
 * drops it when the block above it is boilerplate (the article's first lines sit under a byline), as it
 * does any short block between bad and good. Written as a sentence (it ends like one or with a colon, is not
 * cut off with "…", has three words or more and some stop words), it is not a label, a menu item or a byline,
 * and headlines, captions and bylines that end with a full stop are claimed by rules before this pass (a
 * block a rule claimed is never short). Only above: a short sentence below the article's last paragraph is
 * as often a credit ("Keith Bradsher contributed reporting.") or a prompt ("Like this article?") as the
 * article's last line.
 */
function isLeadInSentence(page: Page, initial: readonly BlockClass[], revised: readonly BlockClass[], i: number): boolean {
  const m = page.measures[i]!;
  return (
    (initial[i + 1] === 'good' || (initial[i + 1] === 'short' && revised[i + 1] === 'good')) &&
    (m.endsLikeSentence || page.blocks[i]!.text.endsWith(':')) &&
    m.words >= LEAD_IN_MIN_WORDS &&
    m.relativeStopWordDensity >= LEAD_IN_MIN_STOP_DENSITY &&
    !isTruncated(page.blocks[i]!.text)
  );
}

/** Blocks a figure may take between an introducing line and the article around it: captions, credits, slide counters. */
const FIGURE_MAX_BLOCKS = 6;

/**
 * A sentence ending with a colon inside the article, with what it introduces missing from the dump: "This is
 * the breakdown of the vote by state:" over a chart, "The newly selected five are:" over a gallery. The
 * figure leaves only lines a rule claimed (its caption, its credit, "Image 1 of 5") or short lines, so the
 * colon line has no good paragraph right below it for isLeadInSentence. When a good paragraph stands above it
 * and another below, with nothing between but such lines (and other lines like it, one over each figure)
 * within FIGURE_MAX_BLOCKS blocks on each side, it is the article's. A prompt after the article ("Follow us
 * on:", "Please log in using one of these methods to post your comment:") has no article text below it.
 */
function isFigureIntroduction(page: Page, initial: readonly BlockClass[], i: number): boolean {
  const text = page.blocks[i]!.text;
  if (!text.endsWith(':')) return false;
  const m = page.measures[i]!;
  if (m.words < LEAD_IN_MIN_WORDS || m.relativeStopWordDensity < LEAD_IN_MIN_STOP_DENSITY) return false;
  const reachesArticle = (step: 1 | -1) => {
    for (let k = i + step, n = 0; k >= 0 && k < initial.length && n < FIGURE_MAX_BLOCKS; k += step, n++) {
      if (initial[k] === 'good') return true;
      // Only a figure's remains stand between: lines a rule claimed, and short lines.
      if (initial[k] !== 'short' && page.findings[k]!.length === 0) return false;
    }
    return false;
  };
  return reachesArticle(-1) && reachesArticle(1);
}

/**
 * isSentenceBesideArticle with one short whole sentence between the block and the good paragraph, when the
 * article goes on beyond it on the other side: the article's closing paragraphs often alternate with
 * one-line quotes ("“We will see,” the coach said."), and a paragraph dense with names between such a quote
 * and more of the article is still the article's. At the article's edge, such a paragraph after its last
 * quote is as often a credit ("Reporting by …; editing by …"), a writer's bio or a product list. Not
 * on a page joined on one line, whose pieces are single sentences: there a short sentence between two
 * pieces says nothing of where a paragraph ends.
 */
function isSentenceAQuoteFromArticle(page: Page, initial: readonly BlockClass[], i: number): boolean {
  if (page.blocks[i]!.runOnPiece || !isWholeSentence(page.blocks[i]!.text, page.measures[i]!)) return false;
  const isShortSentence = (k: number) => initial[k] === 'short' && isWholeSentence(page.blocks[k]!.text, page.measures[k]!);
  /**
   * Whether the article goes on past block i on this side: a block of prose, past short whole sentences and
   * at most one other short line ("He is back.", a subheading); two labels in a row are a menu, and a bare
   * link is no short line (content-evidence calls it bad).
   */
  const articleGoesOn = (step: 1 | -1) => {
    let k = i + step;
    let otherShortLines = 0;
    while (initial[k] === 'short') {
      if (!isShortSentence(k) && ++otherShortLines > 1) break;
      k += step;
    }
    return initial[k] === 'good' || initial[k] === 'near-good';
  };
  return (isShortSentence(i - 1) && initial[i - 2] === 'good' && articleGoesOn(1)) || (isShortSentence(i + 1) && initial[i + 2] === 'good' && articleGoesOn(-1));
}

/**
 * For every block, the class of the nearest block on one side (-1 before, 1 after) that passes `counts`
 * and is not looked past (`seePast`, find-interleaved-repeats.ts); 'bad' past the page's edge.
 */
function nearest(classes: readonly BlockClass[], side: -1 | 1, counts: (c: BlockClass) => boolean, seePast: ReadonlySet<number> | undefined): BlockClass[] {
  const out = new Array<BlockClass>(classes.length);
  let seen: BlockClass = 'bad';
  for (let k = 0; k < classes.length; k++) {
    const i = side < 0 ? k : classes.length - 1 - k;
    out[i] = seen;
    if (counts(classes[i]!) && !seePast?.has(i)) seen = classes[i]!;
  }
  return out;
}
