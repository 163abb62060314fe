import { describe, expect, it } from 'vitest';
import { runOnPieces } from '../../../src/core/pipeline/run-on-lines.js';

// The cut is one step of runOnPieces: it is tried on a page joined on one line, as the pipeline runs it.
const SENTENCES = [
  '先日、不正に改造した電話を販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。',
  '報道によると、今回販売されたのは、いわゆる改造した電話でした。',
  '商標には、同じ商標が付された商品は同じ提供元のものであるという、商品の出所を表示する機能があります。',
  '通常、権利者により正規のルートで販売された商品をそのまま転売する場合は、商標権侵害にはなりません。',
];
const BODY = Array.from({ length: 6 }, () => SENTENCES.join(' ')).join(' ');
const MENU = 'HOME 商標登録の基礎知識 サービスのご案内 お客様の声 ブログ 事務所案内 アクセス よくあるご質問 お知らせ 料金表 採用情報 サイトマップ';

describe('unspacedLabelRunCuts (in runOnPieces)', () => {
  it('cuts twelve Chinese or Japanese phrases in a row apart from the sentence they run into', () => {
    const pieces = runOnPieces(`${MENU} ${BODY}`);
    expect(pieces.slice(0, 2)).toEqual([MENU, SENTENCES[0]]);
  });

  it('cuts them apart from the text before them too, at the first phrase after a mark', () => {
    const before = '関連記事 類似する？－商標の判決シリーズ';
    const pieces = runOnPieces(`${BODY} ${before} ${MENU} ${BODY}`);
    const at = pieces.indexOf(MENU);
    expect(at).toBeGreaterThan(0);
    // The run starts after the title with the mark; the heading before that title is a piece of its own
    // (cut-section-headings: a heading of the list standing between spaces).
    expect(pieces.slice(at - 2, at)).toEqual(['関連記事', '類似する？－商標の判決シリーズ']);
    expect(pieces[at + 1]).toBe(SENTENCES[0]);
  });

  it('leaves eleven phrases with the sentence after them', () => {
    const eleven = MENU.split(' ').slice(1).join(' ');
    const pieces = runOnPieces(`${MENU} ${BODY} ${eleven} ${BODY}`);
    expect(pieces).toContain(`${eleven} ${SENTENCES[0]}`);
  });

  it('needs half the run in Chinese or Japanese: capitalised words count, but are not enough', () => {
    const mixed = 'HOME NEWS SPORT MUSIC ブログ 事務所案内 アクセス よくあるご質問 お知らせ 料金表 採用情報 サイトマップ';
    const mostlyLatin = 'HOME NEWS SPORT MUSIC VIDEO TRAVEL STYLE FOOD ブログ 事務所案内 アクセス よくあるご質問';
    expect(runOnPieces(`${mixed} ${BODY}`).slice(0, 2)).toEqual([mixed, SENTENCES[0]]);
    expect(runOnPieces(`${mostlyLatin} ${BODY}`).some((piece) => piece.endsWith('よくあるご質問'))).toBe(false);
  });
});
