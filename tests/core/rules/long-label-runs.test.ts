import { describe, expect, it } from 'vitest';
import { longLabelRuns } from '../../../src/core/rules/long-label-runs.js';
import { runOnFragments } from '../../../src/core/rules/run-on-fragments.js';
import { flagged, measuredPage, PROSE_A, PROSE_B } from '../../helpers/page.js';

// Japanese sentences, each ending with a full stop and a space: where a page joined on one line is cut.
const SENTENCES = [
  '先日、不正に改造した電話を販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。',
  '報道によると、今回販売されたのは、いわゆる改造した電話でした。',
  '商標には、同じ商標が付された商品は同じ提供元のものであるという、商品の出所を表示する機能があります。',
  '通常、権利者により正規のルートで販売された商品をそのまま転売する場合は、商標権侵害にはなりません。',
];
const BODY = [...SENTENCES, ...SENTENCES, ...SENTENCES, ...SENTENCES, ...SENTENCES, ...SENTENCES].join(' ');
/** Related titles and dates, separated by spaces only, with a title's "？" inside: 13 phrases in a row after it. */
const RELATED = '関連記事 こちらの記事も合わせてどうぞ 2013年04月09日 「あずきバー」事件 体重計は類似する？－商標の判決シリーズ 検索 カテゴリー 商標 判例事例 コラム 人気記事 新着記事 月別 年別 お問い合わせ サイトマップ 運営者情報 プライバシーポリシー';
const MENU = 'HOME 商標登録の基礎知識 サービスのご案内 お客様の声 ブログ 事務所案内 アクセス よくあるご質問 お知らせ 料金表 採用情報 サイトマップ';

describe('long-label-runs (in run-on-fragments)', () => {
  it('fires on a piece of a Japanese page joined on one line that holds twelve phrases in a row, not on the sentences', () => {
    const run = RELATED.slice(RELATED.indexOf('検索'));
    expect(flagged(runOnFragments, `${MENU} ${BODY} ${RELATED}`, 'ja')).toEqual([MENU, run]);
  });

  it('does not fire on eleven phrases, nor on the sentences', () => {
    const eleven = RELATED.split(' ').slice(5, 16).join(' ');
    expect(eleven.split(' ')).toHaveLength(11);
    const page = measuredPage(`${MENU} ${BODY} ${eleven}。 ${BODY}`, 'ja');
    const texts = longLabelRuns(page).map((f) => page.blocks[f.block]!.text);
    expect(texts).toEqual([MENU]);
  });

  it('does not fire on a page printed in lines, which the cut leaves alone', () => {
    const page = measuredPage(`${SENTENCES.join('\n')}\n${RELATED}`, 'ja');
    expect(longLabelRuns(page)).toEqual([]);
  });

  it('fires on 24 capitalised words in a row that the cut left glued to a sentence mark, on an English page joined on one line', () => {
    const links = 'Platform Features Ad Networks Group Publishers DSPs About Join Us Contact Us Privacy Policy Menu About Join Us Contact Us Privacy Policy Facebook Twitter';
    expect(links.split(' ')).toHaveLength(24);
    const page = measuredPage(`${PROSE_A} ${PROSE_B} ${PROSE_A} ${PROSE_B} ${PROSE_A} ${PROSE_B} ${PROSE_A} Read it. ${links}.`);
    const texts = longLabelRuns(page).map((f) => page.blocks[f.block]!.text);
    expect(texts).toEqual([`${links}.`]);
    const fewer = links.split(' ').slice(1).join(' ');
    const fewerPage = measuredPage(`${PROSE_A} ${PROSE_B} ${PROSE_A} ${PROSE_B} ${PROSE_A} ${PROSE_B} ${PROSE_A} Read it. ${fewer}.`);
    expect(longLabelRuns(fewerPage)).toEqual([]);
  });

  it('does not fire on 24 words of a script without case that writes its sentences with spaces', () => {
    const hindi = 'यह एक बहुत लंबा वाक्य है जो किसी लेख का हिस्सा है और इसमें कई शब्द हैं जिनमें से कोई भी बड़े अक्षर से शुरू नहीं होता';
    expect(hindi.split(' ').length).toBeGreaterThanOrEqual(24);
    const page = measuredPage(`${PROSE_A} ${PROSE_B} ${PROSE_A} ${PROSE_B} ${PROSE_A} ${PROSE_B} ${PROSE_A} Home News Sport Business Weather Travel Culture Opinion Podcasts ${hindi}।`);
    expect(longLabelRuns(page)).toEqual([]);
  });
});
