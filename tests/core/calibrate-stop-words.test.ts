import { describe, expect, it } from 'vitest';
import { strip } from '../../src/core/strip.js';
import { measuredPage } from '../helpers/page.js';

// Korean-like prose: sentences whose words are mostly not in the stop-word list.
const sentence = (n: number) =>
  `게다가 첫째 문장은 드라마의 분위기를 만드는 여주인공 연기 ${n}번째 장면이다. 결국 둘째 문장은 배우의 감정연기가 폭발하는 이야기 전개를 보여준다. 셋째 문장은 거의 작품의 색다른 긴장감과 호기심을 불러일으킨다.`;

describe('calibrate-stop-words', () => {
  it('keeps prose in a language whose stop-word list covers little of the text', () => {
    const body = Array.from({ length: 6 }, (_, i) => sentence(i + 1));
    const input = ['메뉴', '', '전체뉴스', '드라마', '예능', '', ...body.flatMap((p) => [p, '']), '뒤로가기 인쇄하기 목록'].join('\n');
    const result = strip(input, { language: 'ko' });
    for (const p of body) expect(result.text).toContain(p);
    expect(result.text).not.toContain('전체뉴스');
  });

  it('leaves well-covered English prose at its measured density', () => {
    const p = 'The council said on Monday that it would review the plan, and that the decision was expected within weeks. It was not clear whether the vote would be held in public.';
    const result = strip([p, '', p.replace('Monday', 'Tuesday'), '', p.replace('Monday', 'Friday'), '', p.replace('Monday', 'Sunday'), '', p.replace('Monday', 'Saturday')].join('\n'));
    for (const b of result.blocks) expect(b.kept).toBe(true);
  });
});

describe('a page in a script without case, joined on one line', () => {
  /** A site menu of 26 labels: no capitals to tell it by, only its length without a sentence end or comma. */
  const MENU = '홈 전체뉴스 정치 경제 사회 국제 문화 연예 스포츠 드라마 예능 영화 가요 공연 전시 도서 칼럼 오피니언 인터뷰 포토 영상 기획 연재 이벤트 공지사항 고객센터';
  /** Headlines of a teaser list, each cut off with "..". */
  const TEASERS = '배우 김철수, 새 드라마에서 보여준.. 올해 가장 많이 본 예능 프로그램은.. 영화제 개막작 발표, 관객들의 반응이..';
  /** Paragraphs of three sentences, each sentence different (repeated-lines would drop copies). */
  const paragraph = (n: number) =>
    `게다가 첫째 문장은 드라마의 분위기를 만드는 여주인공 연기 ${n}번째 장면이다. 결국 ${n}화의 둘째 문장은 배우의 감정연기가 폭발하는 이야기 전개를 보여준다. 셋째 문장은 거의 ${n}회 작품의 색다른 긴장감과 호기심을 불러일으킨다.`;
  const BODY = Array.from({ length: 9 }, (_, i) => paragraph(i + 1));
  const joined = [MENU, ...BODY, TEASERS].join(' ');

  it('is cut at its sentence ends, and its sentences are kept as prose', () => {
    expect(joined.length).toBeGreaterThan(1000);
    const result = strip(joined, { language: 'ko' });
    // The menu has no sentence end after it, so the first sentence goes with it; the rest is kept.
    for (const p of BODY.slice(1)) expect(result.text).toContain(p);
    expect(result.text).toContain(BODY[0]!.slice(BODY[0]!.indexOf('결국')));
    expect(result.text).not.toContain('공지사항');
  });

  it('drops the headlines cut off with ".." after the article', () => {
    const result = strip(joined, { language: 'ko' });
    expect(result.text).not.toContain('관객들의 반응이');
    expect(result.text).not.toContain('예능 프로그램은');
  });

  it('calibrates the stop-word density from pieces of one sentence each', () => {
    const page = measuredPage(joined, 'ko');
    expect(page.blocks.filter((b) => b.runOnPiece).length).toBeGreaterThan(BODY.length);
    expect(page.stopWordCoverage).toBeLessThan(1);
  });

  /** Two whole sentences of a footer, between two menus below the article. */
  const NOTICE = '이 사이트의 모든 기사는 회원만 볼 수 있도록 보호된 내용입니다. 기사 내용을 허락 없이 다른 곳에 옮겨 싣는 일은 금지됩니다.';

  it('drops fewer than three whole sentences in a row between menus', () => {
    const result = strip([MENU, ...BODY, MENU, NOTICE, MENU].join(' '), { language: 'ko' });
    expect(result.text).toContain(BODY[4]!);
    expect(result.text).not.toContain('옮겨 싣는');
  });

  it('reads sentences of a page printed in lines by their lines, not as a run of pieces', () => {
    const lines = ['메뉴', '', ...BODY.flatMap((p) => [p, '']), MENU.split(' ').join('\n'), '', ...NOTICE.split('. ').map((s) => s.endsWith('.') ? s : `${s}.`), '이 글도 그렇습니다 모두 한 문장입니다.', '', MENU.split(' ').join('\n')];
    const result = strip(lines.join('\n'), { language: 'ko' });
    expect(result.text).toContain(BODY[4]!);
    expect(result.text).not.toContain('옮겨 싣는');
  });
});

describe('a page in English joined on one line', () => {
  const PRODUCTS = 'Apple iPhone 15 Pro Max 256GB Titanium, Samsung Galaxy S24 Ultra 512GB Black, Google Pixel 8 Pro 128GB Obsidian.';
  it('keeps lists that end with full stops out, however many stand in a row: its stop words tell prose', () => {
    const prose = 'The council said on Monday that it would review the plan, and that the decision was expected within weeks. It was not clear whether the vote would be held in public.';
    const menu = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
    const joined = [menu, prose, prose.replace('Monday', 'Tuesday'), prose.replace('Monday', 'Friday'), prose.replace('Monday', 'Sunday'), menu, PRODUCTS, PRODUCTS.replace('15', '14'), PRODUCTS.replace('15', '13'), menu].join(' ');
    const page = measuredPage(joined);
    expect(page.stopWordCoverage).toBe(1);
    expect(strip(joined).text).not.toContain('Obsidian');
  });
});

describe('which blocks sample the density of prose', () => {
  const paragraph = (day: string) =>
    `The council said on ${day} that it would review the plan, and that the decision was expected within weeks. It was not clear whether the vote would be held in public.`;
  /** One sentence of eight words or more, with almost no stop words: a caption, a credit, a product line. */
  const dense = (n: number) => `Apple iPhone ${n} Pro Max 256GB Titanium Edition Black Friday Deal.`;

  it('on a page printed in lines, only blocks of two sentences or more: a one-sentence line may be a caption', () => {
    // Fifteen words or more, one sentence mark: enough words to sample, were it not for the marks.
    const caption = (n: number) => `${dense(n).slice(0, -1)} Sale Amazon Walmart Target Best Buy Costco.`;
    const lines = [paragraph('Monday'), paragraph('Tuesday'), paragraph('Friday'), ...Array.from({ length: 6 }, (_, i) => caption(i + 10))];
    expect(measuredPage(lines.join('\n\n')).stopWordCoverage).toBe(1);
  });

  it('on a page printed in lines, only blocks of fifteen words or more', () => {
    // Two sentence marks, twelve words: enough marks to sample, were it not for the words.
    const pair = (n: number) => `Apple iPhone ${n} Pro Max. Samsung Galaxy S24 Ultra 512GB Black Friday Deal.`;
    const lines = [paragraph('Monday'), paragraph('Tuesday'), paragraph('Friday'), ...Array.from({ length: 6 }, (_, i) => pair(i + 10))];
    expect(measuredPage(lines.join('\n\n')).stopWordCoverage).toBe(1);
  });

  it('on a page joined on one line, pieces of one sentence with eight words: they pull the median down here', () => {
    const menu = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
    // Short words: effectiveWords takes a short line of long words for unspaced text, and counts it otherwise.
    const eight = Array.from({ length: 12 }, (_, i) => `Stocks ${i + 10} fell sharply in markets on Friday.`);
    const joined = [menu, paragraph('Monday'), paragraph('Tuesday'), paragraph('Friday'), ...eight, menu].join(' ');
    expect(measuredPage(joined).stopWordCoverage).toBeLessThan(1);
    const seven = eight.map((s) => s.replace(' on Friday', ' today'));
    expect(measuredPage([menu, paragraph('Monday'), paragraph('Tuesday'), paragraph('Friday'), ...seven, menu].join(' ')).stopWordCoverage).toBe(1);
  });

  it('on a page joined on one line, pieces of one sentence with eight words or more, not shorter ones', () => {
    const menu = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
    const short = Array.from({ length: 12 }, (_, i) => `Photo ${i + 1}: Reuters.`);
    const joined = [menu, paragraph('Monday'), paragraph('Tuesday'), paragraph('Friday'), paragraph('Sunday'), ...short, menu].join(' ');
    expect(measuredPage(joined).blocks.filter((b) => b.runOnPiece).length).toBeGreaterThan(12);
    expect(measuredPage(joined).stopWordCoverage).toBe(1);
  });
});
