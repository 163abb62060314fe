import { describe, expect, it } from 'vitest';
import { opensBox } from '../../../src/core/pipeline/cut-section-headings.js';
import { runOnPieces } from '../../../src/core/pipeline/run-on-lines.js';
import { PROSE_A, PROSE_B } from '../../helpers/page.js';

// The cut is one step of runOnPieces: it is tried on a page joined on one line, as the pipeline runs it.
/** A menu of nine labels: the run of capitalised words that marks a page joined on one line. */
const MENU = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
/** Prose sentences enough to take a line past RUN_ON_MIN_CHARS. */
const BODY = [PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A].join(' ');

function joinedPage(middle: string): string {
  return `${MENU} ${BODY} ${middle} ${BODY}`;
}

describe('sectionHeadingCuts (in runOnPieces)', () => {
  it.each([
    ['after a sentence', 'The road stays shut. Related articles Storm closes the coast road', ['The road stays shut.', 'Related articles', 'Storm closes the coast road']],
    ['after a headline without its mark', 'Officials give green light to crush protests Top stories Armenian church in ruins', ['Officials give green light to crush protests', 'Top stories', 'Armenian church in ruins']],
    ['in capitals with a colon', 'It is spread by fleas. READ MORE: China plague outbreak confirmed', ['It is spread by fleas.', 'READ MORE:', 'China plague outbreak confirmed']],
    ['with an apostrophe', 'It is spread by fleas. DON\'T MISS Plague and zoonotic influenza warning', ['It is spread by fleas.', 'DON\'T MISS', 'Plague and zoonotic influenza warning']],
    ['after a date', 'Is it personal or strictly business? 1 July 2019 Top Stories Wave of strikes hit the border', ['Is it personal or strictly business?', '1 July 2019', 'Top Stories', 'Wave of strikes hit the border']],
    ['in another language', 'Il gioco è uscito ieri. Leggi anche I Cavalieri dello Zodiaco divisi', ['Il gioco è uscito ieri.', 'Leggi anche', 'I Cavalieri dello Zodiaco divisi']],
    ['after a word whose lower case is longer ("İ")', 'Officials in İzmir crush protests Top stories Armenian church in ruins', ['Officials in İzmir crush protests', 'Top stories', 'Armenian church in ruins']],
    ['the shortest phrase that reads as a heading, not a name run on after it', 'It rained all day. More from Sports Daily Lions won the game', ['It rained all day.', 'More from Sports', 'Daily Lions won the game']],
  ])('cuts a section heading out %s', (_, middle, expected) => {
    const pieces = runOnPieces(joinedPage(middle));
    const at = pieces.indexOf(expected[0]!);
    expect(at).toBeGreaterThan(0);
    expect(pieces.slice(at, at + expected.length)).toEqual(expected);
  });

  it.each([
    ['the phrase in lower case', 'The editors said related articles were read less often than before.'],
    ['the phrase with lower case after it', 'The editors said so. Read more about the plan in the report.'],
    ['a heading of one word', 'The editors said so. Latest Apple phones sold out fast.'],
    ['a heading after a separator, the section the page is in', 'The editors said so. Blog - Latest News The Palace opens its doors'],
  ])('does not cut %s', (_, middle) => {
    const pieces = runOnPieces(joinedPage(middle));
    expect(pieces.some((piece) => /^(?:related articles|read more|latest|latest news)$/iu.test(piece))).toBe(false);
  });
});

describe('sectionHeadingCuts on a heading in Chinese or Japanese (in runOnPieces)', () => {
  it.each([
    ['Japanese, after a sentence', '商標です。 関連記事 こちらの記事も合わせてどうぞ 2016年08月03日 商標の判決シリーズ', '商標です。', '関連記事', 'こちらの記事も'],
    ['Chinese, after a word in lower case', 'It was done today 相关文章 地铁新线路年底开通 图书馆延长开放时间', 'It was done today', '相关文章', '地铁新线路年底开通'],
  ])('cuts it out %s: a space on each side sets the phrase apart', (_, middle, before, heading, next) => {
    const pieces = runOnPieces(joinedPage(middle));
    const at = pieces.indexOf(heading);
    expect(at).toBeGreaterThan(0);
    expect(pieces[at - 1]!.endsWith(before)).toBe(true);
    expect(pieces[at + 1]!.startsWith(next)).toBe(true);
  });

  it.each([
    ['prose running on into it', '商標です。 関連記事はこちらからご覧ください 2016年08月03日 商標の判決シリーズ'],
    ['a phrase that only starts like one', '商標です。 関連記事一覧 こちらの記事も合わせてどうぞ'],
  ])('does not cut %s', (_, middle) => {
    const pieces = runOnPieces(joinedPage(middle));
    expect(pieces.some((piece) => piece.startsWith('関連記事') && piece.length <= 6)).toBe(false);
  });

  it('does not take a word in lower case of another script for such a heading', () => {
    const sentence = 'The editors said the related story ran twice.';
    expect(runOnPieces(joinedPage(sentence))).toContain(sentence);
  });
});

describe('opensBox', () => {
  const word = (text: string): boolean => opensBox(`x ${text} y`, 2, 2 + text.length);

  it.each(['-', '–', '—', '|', '/', '\\', '>', '»', '›', ':', '>>', '-|-'])('is false after the separator %s', (separator) => {
    expect(word(separator)).toBe(false);
  });

  it.each(['News', 'fleas.', '2019', '->x', 'a-b', '::x'])('is true after the word %s', (text) => {
    expect(word(text)).toBe(true);
  });
});
