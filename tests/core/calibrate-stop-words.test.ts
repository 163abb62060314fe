import { describe, expect, it } from 'vitest';
import { strip } from '../../src/core/strip.js';

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
