// The jusText-style classification and its revision by neighbours, through strip().
import { describe, expect, it } from 'vitest';
import { strip } from '../../../src/core/strip.js';
import { applyRules } from '../../../src/core/pipeline/apply-rules.js';
import { classifyByContent } from '../../../src/core/pipeline/classify-by-content.js';
import { RUN_ON_MIN_CHARS } from '../../../src/core/pipeline/run-on-lines.js';
import type { BlockClass } from '../../../src/core/types.js';
import { measuredPage, PROSE_A, PROSE_B } from '../../helpers/page.js';

const decisionOf = (text: string, line: string) => strip(text).blocks.find((b) => b.text === line);

describe('content evidence and neighbours', () => {
  it('keeps a short sentence between two article paragraphs', () => {
    const block = decisionOf(`${PROSE_A}\n\nHe declined to comment.\n\n${PROSE_B}`, 'He declined to comment.');
    expect(block).toMatchObject({ kept: true, rule: 'neighbours' });
  });

  it('drops a lone short line after the article', () => {
    const block = decisionOf(`${PROSE_A}\n\n${PROSE_B}\n\nGreat news, finally!`, 'Great news, finally!');
    expect(block).toMatchObject({ kept: false });
  });

  describe('a whole sentence at the edge of the article', () => {
    const ARTICLE = `${PROSE_A} ${PROSE_B}`;
    const CLOSING = 'Officials did not immediately provide any other details.';
    const OPENING = 'The fire started shortly after midnight on Sunday.';

    it('is kept as the article\'s last line', () => {
      expect(decisionOf(`${ARTICLE}\n\n${CLOSING}\n\nHome\nNews\nSport`, CLOSING)).toMatchObject({ kept: true, rule: 'neighbours' });
    });

    it('is kept as the article\'s first line', () => {
      expect(decisionOf(`Home\nNews\nSport\n\n${OPENING}\n\n${ARTICLE}`, OPENING)).toMatchObject({ kept: true, rule: 'neighbours' });
    });

    it('is dropped when a line stands between it and the article', () => {
      expect(decisionOf(`${ARTICLE}\n\nMore from the city desk\n\n${CLOSING}\n\nHome\nNews\nSport`, CLOSING)).toMatchObject({ kept: false });
    });

    it('is kept when it has too few stop words to be judged alone', () => {
      const dense = 'Michigan health officials on Tuesday confirmed a sixth death linked to Eastern equine encephalitis in Kalamazoo County.';
      expect(decisionOf(`Home\nNews\n\n${ARTICLE}\n\n${dense}\n\nHome\nNews`, dense)).toMatchObject({ kept: true, rule: 'neighbours', reason: 'bad block among article text' });
      // A list that ends with a full stop, so that only its lack of stop words keeps it out.
      const list = 'Apple iPhone 15 Pro Max 256GB Titanium, Samsung Galaxy S24 Ultra 512GB Black, Google Pixel 8 Pro 128GB Obsidian.';
      expect(decisionOf(`Home\nNews\n\n${ARTICLE}\n\n${list}\n\nHome\nNews`, list)).toMatchObject({ kept: false, rule: 'content-evidence' });
    });

    describe('with too few stop words, one line from the article', () => {
      const dense = 'Meanwhile, visiting goalie Peter Hansen, who replaced the injured Mark Olsen, stopped 30 shots. Defenseman Carl Berg spoiled his shutout 17:46 into the third period.';
      const quote = '“We will see how he is tomorrow,” the coach said.';

      /** A paragraph of the article that content-evidence alone calls near-good. */
      const more = 'The team lost a defenseman, who sat out the third period, to an undisclosed injury.';

      it('is kept when a one-line quote stands between it and the article, and the article goes on past it', () => {
        expect(decisionOf(`${ARTICLE}\n\n${quote}\n\n${dense}\n\n${more}\n\nTags:\nHome\nNews`, dense)).toMatchObject({ kept: true, rule: 'neighbours', reason: 'bad block among article text' });
        expect(decisionOf(`Home\nNews\n\n${more}\n\n${dense}\n\n${quote}\n\n${ARTICLE}`, dense)).toMatchObject({ kept: true, rule: 'neighbours' });
        // Short sentences past it do not end the article: it goes on after them.
        const shortOnes = 'He said he was happy to be back on the ice.\n\nThe team plays again at home on Friday night.';
        expect(decisionOf(`${ARTICLE}\n\n${quote}\n\n${dense}\n\n${shortOnes}\n\n${more}\n\nTags:\nHome\nNews`, dense)).toMatchObject({ kept: true });
        // Nor does one short line of any kind: a quip, a subheading; a bare link does.
        for (const line of ['He is back.', 'Injury update']) {
          expect(decisionOf(`${ARTICLE}\n\n${quote}\n\n${dense}\n\n${line}\n\n${more}\n\nTags:\nHome\nNews`, dense)).toMatchObject({ kept: true });
        }
        expect(decisionOf(`${ARTICLE}\n\n${quote}\n\n${dense}\n\nwww.example.com/more\n\n${more}\n\nTags:\nHome\nNews`, dense)).toMatchObject({ kept: false });
      });

      it('is dropped when the sentence between is not short', () => {
        const between = 'The coach said that he was not worried about the result and that the team would be ready on Friday.';
        expect(decisionOf(`${ARTICLE}\n\n${between}\n\n${dense}\n\n${more}\n\nTags:\nHome\nNews`, dense)).toMatchObject({ kept: false });
      });

      it.each([
        ['a credit', '(Reporting by Jane Doe in London; additional reporting by John Roe in Paris; editing by Mark Potter.)'],
        ['a product list', 'Shop the story: Nike Air Max 90 sneakers, Levi’s 501 jeans, Patagonia Better Sweater fleece and a Herschel backpack.'],
      ])('is dropped at the article\'s edge, where it is as often %s', (_, line) => {
        expect(decisionOf(`${ARTICLE}\n\n${quote}\n\n${line}\n\nAbout us\nContact`, line)).toMatchObject({ kept: false });
        expect(decisionOf(`About us\nContact\n\n${line}\n\n${quote}\n\n${ARTICLE}`, line)).toMatchObject({ kept: false });
        // At the page's edge, and before links that lead to more prose.
        expect(decisionOf(`${ARTICLE}\n\n${quote}\n\n${line}`, line)).toMatchObject({ kept: false });
        expect(decisionOf(`${ARTICLE}\n\n${quote}\n\n${line}\n\nWorld\n\nBusiness\n\n${more}`, line)).toMatchObject({ kept: false });
      });

      it.each([
        ['two quotes', `${quote}\n\n${quote.replace('tomorrow', 'on Friday')}`],
        ['a label that is no sentence', 'Season statistics and standings'],
      ])('is dropped when %s stand between', (_, between) => {
        expect(decisionOf(`${ARTICLE}\n\n${between}\n\n${dense}\n\n${more}\n\nTags:\nHome\nNews`, dense)).toMatchObject({ kept: false });
      });

      it('is dropped when it is no whole sentence', () => {
        const list = 'Apple iPhone 15 Pro Max 256GB Titanium, Samsung Galaxy S24 Ultra 512GB Black, Google Pixel 8 Pro 128GB Obsidian';
        expect(decisionOf(`${ARTICLE}\n\n${quote}\n\n${list}\n\n${more}\n\nTags:\nHome\nNews`, list)).toMatchObject({ kept: false });
      });

      it('is dropped on a page joined on one line, whose sentences are all pieces', () => {
        const menu = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
        const sentences = [
          'Opponents of the plan said the council should have spent the money on repairing the roads that the buses use every day.',
          'The mayor said that the first new routes would open in the spring and that fares would not rise this year.',
          'A final vote on the details of the timetable is expected at the next meeting of the council in January.',
        ];
        const joined = [menu, ARTICLE, ...sentences, quote, dense, more, menu].join(' ');
        expect(joined.length).toBeGreaterThan(RUN_ON_MIN_CHARS);
        const piece = strip(joined).blocks.find((b) => b.text.startsWith('Meanwhile'));
        expect(piece).toMatchObject({ kept: false });
      });
    });

    it('is article text for the short lines after it, when its stop words alone called it bad', () => {
      const dense = 'Michigan health officials on Tuesday confirmed a sixth death linked to Eastern equine encephalitis in Kalamazoo County.';
      const quip = 'As one doctor put it, "Better safe than sorry."';
      const text = `Home\nNews\n\n${ARTICLE}\n\n${dense}\n\n${quip}\n\nMosquito season\n\n${PROSE_B} ${PROSE_A}`;
      expect(decisionOf(text, quip)).toMatchObject({ kept: true, rule: 'neighbours' });
      expect(decisionOf(text, 'Mosquito season')).toMatchObject({ kept: true, rule: 'neighbours' });
    });

    it('is dropped when it is too short to be a sentence of running text', () => {
      expect(decisionOf(`${ARTICLE}\n\nShare this story now.\n\nHome\nNews\nSport`, 'Share this story now.')).toMatchObject({ kept: false, rule: 'neighbours' });
    });
  });

  describe('a short sentence right above an article paragraph (a lead-in)', () => {
    const ARTICLE = `${PROSE_A} ${PROSE_B}`;

    it('is kept under boilerplate, where jusText alone would drop it', () => {
      for (const lead of ['Who is the new coach?', 'Retiring early takes discipline.', 'Your mindset matters. Here is why:']) {
        expect(decisionOf(`Home\nNews\nSport\n\n${lead}\n\n${ARTICLE}`, lead)).toMatchObject({ kept: true, rule: 'neighbours', reason: 'short block among article text' });
      }
    });

    it('is kept above another lead-in', () => {
      const leads = ['There is a strange gap in the business world.', 'Most owners are introverts.'];
      const { blocks } = strip(`Home\nNews\nSport\n\n${leads.join('\n\n')}\n\n${ARTICLE}`);
      for (const lead of leads) expect(blocks.find((b) => b.text === lead)).toMatchObject({ kept: true, rule: 'neighbours' });
    });

    it('is dropped when it is no sentence, has under three words or no stop words, or is cut off', () => {
      for (const line of ['Who is the new coach', 'Big news.', 'Kalamazoo County, Michigan, USA.', 'Who is the new coach…', 'Who is the new coach...']) {
        expect(decisionOf(`Home\nNews\nSport\n\n${line}\n\n${ARTICLE}`, line)).toMatchObject({ kept: false });
      }
    });

    it('is dropped below the article, and when a line stands between it and the article', () => {
      expect(decisionOf(`${ARTICLE}\n\nDid you like this story?\n\nHome\nNews\nSport`, 'Did you like this story?')).toMatchObject({ kept: false });
      expect(decisionOf(`Home\nNews\nSport\n\nWho is the new coach?\n\nMore from the city desk\n\n${ARTICLE}`, 'Who is the new coach?')).toMatchObject({ kept: false });
    });
  });

  describe('a sentence ending with a colon over a figure the dump has lost', () => {
    const INTROS: [string, string] = ['This is the breakdown of the vote by district:', 'And this is the breakdown of the turnout:'];

    it('is kept between two article paragraphs when only the figures\' claimed lines stand between', () => {
      const text = `${PROSE_A}\n\n${INTROS[0]}\n\nImage 1 of 2\n\n${INTROS[1]}\n\nImage 2 of 2\n\n${PROSE_B}`;
      for (const intro of INTROS) expect(decisionOf(text, intro)).toMatchObject({ kept: true, rule: 'neighbours', reason: 'short block among article text' });
      expect(decisionOf(text, 'Image 1 of 2')).toMatchObject({ kept: false });
    });

    it('is dropped with no article text below it, or when more than a figure\'s lines stand between', () => {
      expect(decisionOf(`${PROSE_A}\n\n${PROSE_B}\n\nFollow the city desk on:\n\nFacebook\nTwitter\nInstagram`, 'Follow the city desk on:')).toMatchObject({ kept: false });
      const unclaimed = 'Kalamazoo County, Michigan, USA, 2019 figures and 2020 figures compared';
      expect(decisionOf(`${PROSE_A}\n\n${INTROS[0]}\n\nImage 1 of 2\n\n${unclaimed} ${unclaimed}\n\n${PROSE_B}`, INTROS[0])).toMatchObject({ kept: false });
      const claimed = Array.from({ length: 6 }, (_, k) => `Image ${k + 1} of 6`).join('\n\n');
      expect(decisionOf(`${PROSE_A}\n\n${INTROS[0]}\n\n${claimed}\n\n${PROSE_B}`, INTROS[0])).toMatchObject({ kept: false });
    });
  });

  it('keeps long prose on the strength of its own words', () => {
    expect(decisionOf(`${PROSE_A}\n\n${PROSE_B}`, PROSE_A)).toMatchObject({ kept: true, rule: 'content-evidence' });
  });

  it('drops a long line with almost no stop words', () => {
    const list = 'Apple iPhone 15 Pro Max 256GB Titanium, Samsung Galaxy S24 Ultra 512GB Black, Google Pixel 8 Pro 128GB Obsidian';
    expect(decisionOf(`${PROSE_A}\n\n${list}\n\n${PROSE_B}`, list)).toMatchObject({ kept: false, rule: 'content-evidence' });
  });

  it('keeps a run of short prose paragraphs that jusText alone would call near-good', () => {
    const short = ['The fight broke out on the train.', 'Police said the man ran from the station.', 'He was arrested an hour later.', 'No one else was hurt in the attack.'];
    const result = strip(`Menu\nHome\nNews\n\n${short.map((s) => `${s} It happened on Tuesday afternoon in the city.`).join('\n\n')}`);
    expect(result.text.split('\n\n')).toHaveLength(4);
  });
});

describe('main-text selection', () => {
  it('drops a long paragraph separated from the article by a section heading and a menu', () => {
    const far = 'The park will close for two weeks next month while contractors replace the drainage under the main lawn, which has flooded every winter.';
    const result = strip(`${PROSE_A}\n\n${PROSE_B}\n\nRelated Stories\n\nHome\nNews\nSport\nTravel\n\n${far}`);
    expect(result.text).not.toContain('The park will close');
    expect(result.text).toContain(PROSE_B);
  });

  it('keeps both halves of an article split by an advertisement', () => {
    const result = strip(`${PROSE_A}\n\nAdvertisement\n\n${PROSE_B}`);
    expect(result.text).toBe(`${PROSE_A}\n\n${PROSE_B}`);
  });
});

describe('whole sentences in a row on a page joined on one line', () => {
  /** The classes content-evidence gives, with the rules' findings filed first, as strip() runs them. */
  function classesOf(text: string, language?: string, coverage?: number): Map<string, BlockClass> {
    const page = measuredPage(text, language);
    // As if calibration had found this coverage; the densities stay as measured.
    if (coverage !== undefined) page.stopWordCoverage = coverage;
    applyRules(page, language ? { language } : {});
    classifyByContent(page);
    return new Map(page.blocks.map((b, i) => [b.text, page.classes[i]!]));
  }

  /** A Korean menu: no capitals, no sentence end or comma in 26 words (a run-on line's mark). */
  const MENU = '홈 전체뉴스 정치 경제 사회 국제 문화 연예 스포츠 드라마 예능 영화 가요 공연 전시 도서 칼럼 오피니언 인터뷰 포토 영상 기획 연재 이벤트 공지사항 고객센터';
  const paragraph = (n: number) =>
    `게다가 첫째 문장은 드라마의 분위기를 만드는 여주인공 연기 ${n}번째 장면이다. 결국 ${n}화의 둘째 문장은 배우의 감정연기가 폭발하는 이야기 전개를 보여준다. 셋째 문장은 거의 ${n}회 작품의 색다른 긴장감과 호기심을 불러일으킨다.`;
  const BODY = Array.from({ length: 9 }, (_, i) => paragraph(i + 1));
  /** Short whole sentences (under lengthLow each, so content-evidence alone calls them short). */
  const SHORT = [
    '게다가 이 사이트에 실린 모든 기사와 사진은 회원만 볼 수 있도록 보호된 내용입니다.',
    '그리고 기사 내용을 회사의 허락 없이 다른 웹사이트에 옮겨 싣는 일은 금지됩니다.',
    '또한 기사에 대한 정정 보도 요청은 고객센터를 통해 언제든지 접수할 수 있습니다.',
    '결국 모든 댓글은 담당자가 거의 하루 안에 내용을 검토한 뒤에 게시판에 게시됩니다.',
    '하지만 광고 문의는 광고팀 전화로만 받으며 평일 오전과 오후에만 상담할 수 있습니다.',
  ];
  /** The Korean page joined on one line, `middle` after the article between a teaser cut off with ".." and a menu. */
  const joinedKorean = (middle: string[]) => [MENU, ...BODY, MENU, '관객들의 반응이..', ...middle, MENU].join(' ');

  it('calls five short whole sentences in a row good where the stop-word list covers the language poorly', () => {
    const classes = classesOf(joinedKorean(SHORT), 'ko');
    for (const s of SHORT) expect(classes.get(s)).toBe('good');
  });

  it('calls a run of exactly three good, and counts a sentence of five words in it', () => {
    // Each under lengthLow (70), together over lengthHigh (200).
    const three = [
      '게다가 이 사이트에 실린 모든 기사와 사진은 회원만 볼 수 있도록 보호된 내용이며 비회원은 그 내용을 전혀 볼 수 없습니다.',
      '그리고 기사 내용을 회사의 허락 없이 다른 웹사이트에 옮겨 싣는 일은 법으로 엄격하게 금지되어 있으니 꼭 주의해야 합니다.',
      '결국 모든 댓글은 곧 게시됩니다.',
      '또한 기사에 대한 정정 보도 요청은 고객센터를 통해 언제든지 접수할 수 있으며 담당 기자가 최대한 빠르게 답변을 드립니다.',
    ];
    for (const s of three) expect(s.length).toBeLessThan(70);
    const classes = classesOf(joinedKorean(three.filter((_, i) => i !== 2)), 'ko');
    for (const s of three.filter((_, i) => i !== 2)) expect(classes.get(s)).toBe('good');
    const withFiveWords = classesOf(joinedKorean(three), 'ko');
    for (const s of three) expect(withFiveWords.get(s)).toBe('good');
  });

  it('counts sentences with no listed stop word in the run, where the list covers the language this poorly', () => {
    // No word of these is in the Korean list: content-evidence alone calls the long ones bad.
    const bare = [
      '서울시는 내년 상반기까지 공청회를 열어 시민 의견을 듣고 최종안을 확정할 계획이다.',
      '급행 노선은 정류장 수를 절반 가까이 줄여 운행 시간을 단축하는 방식으로 운영되며 요금은 일반 노선과 같은 수준으로 유지될 예정이다.',
      '정기권이 도입되면 한 달에 일정 금액을 내고 대중교통을 무제한으로 이용할 수 있게 된다.',
      '시민단체들은 대체로 환영하는 분위기지만 노선이 없어지는 지역 주민들의 불편을 덜어 줄 대책이 필요하다는 입장이다.',
    ];
    const classes = classesOf(joinedKorean(bare), 'ko');
    for (const s of bare) expect(classes.get(s)).toBe('good');
    // Where the list covers more than half of what it should, a sentence that few stop words is no prose.
    const covered = classesOf(joinedKorean(bare), 'ko', 0.6);
    expect(covered.get(bare[1]!)).toBe('bad');
    expect(classesOf(joinedKorean(bare), 'ko', 0.45).get(bare[1]!)).toBe('good');
  });

  it('leaves out of the run a menu that runs into a sentence, which holds 24 words with no sentence end', () => {
    const first = '서울시는 내년 상반기까지 공청회를 열어 시민 의견을 듣고 최종안을 확정할 계획이다.';
    const classes = classesOf([`${MENU} ${first}`, ...SHORT, ...BODY, MENU].join(' '), 'ko');
    expect(classes.get(`${MENU} ${first}`)).toBe('bad');
    for (const s of SHORT) expect(classes.get(s)).toBe('good');
  });

  it('leaves out of the run a piece a rule claimed', () => {
    const notice = '저작권자 © 예시일보 무단전재 및 재배포 금지.';
    const classes = classesOf(joinedKorean([SHORT[0]!, SHORT[1]!, SHORT[2]!, notice, SHORT[3]!, SHORT[4]!]), 'ko');
    expect(classes.get(notice)).toBe('bad');
    expect(classes.get(SHORT[3]!)).toBe('short');
  });

  it('leaves out of the run a piece that does not end like a sentence', () => {
    const tail = '그리고 이 기사에 대한 더 많은 이야기는 다음 주에 다시 전해 드립니다';
    const classes = classesOf([MENU, ...BODY, MENU, '관객들의 반응이..', ...SHORT, tail].join(' '), 'ko');
    for (const s of SHORT) expect(classes.get(s)).toBe('good');
    expect(classes.get(tail)).not.toBe('good');
  });

  it.each([
    ['a run shorter than a long block', SHORT.map((s) => s.slice(0, s.indexOf(' ', 12)) + '.'), 'short'],
    ['two sentences, however long', [SHORT[0]!.replace('.', ', 그리고 그 내용은 거의 모두 회원 가입 뒤에 볼 수 있으며 가입 절차는 누구나 몇 분 안에 마칠 수 있을 만큼 간단합니다.'), SHORT[1]!.replace('.', ', 또한 그 일은 법으로 엄격하게 금지되어 있으며 이를 어길 때는 법적인 책임을 질 수도 있습니다.')], 'near-good'],
    ['labels of four words that end with a full stop', Array.from({ length: 16 }, (_, i) => `결국 사진 제공 엔터미디어${i}.`), 'short'],
  ])('leaves alone %s', (_, middle, expected) => {
    const classes = classesOf(joinedKorean(middle), 'ko');
    for (const s of middle) expect(classes.get(s)).toBe(expected);
  });

  it.each([
    ['a sentence cut off with an ellipsis', '하지만 배우 김철수가 새 드라마에서 보여준 연기는…'],
    ['a headline cut off with two dots before a closing quote', '하지만 배우 김철수가 “새 드라마에서 보여준 연기는..”'],
    ['a menu that runs into a sentence', `${MENU} 게다가 회원 가입은 무료입니다.`],
  ])('breaks the run at %s', (_, breaker) => {
    const middle = [SHORT[0]!, SHORT[1]!, SHORT[2]!, breaker, SHORT[3]!, SHORT[4]!];
    const classes = classesOf(joinedKorean(middle), 'ko');
    for (const s of SHORT) expect(classes.get(s)).toBe('short');
  });

  it('leaves the same sentences alone on a page printed in lines', () => {
    const lines = [MENU.split(' ').join('\n'), ...BODY, MENU.split(' ').join('\n'), ...SHORT, MENU.split(' ').join('\n')].join('\n\n');
    const classes = classesOf(lines, 'ko');
    for (const s of SHORT) expect(classes.get(s)).toBe('short');
  });

  it('leaves them alone on a page whose stop-word list covers its language well', () => {
    const english = [
      'You must be logged in to report a comment here.',
      'Sign in here if you want to recommend a comment.',
      'All comments are posted in the All Comments tab.',
      'Post contributors may write articles or columns.',
      'In some cases they are experts quoted in a story.',
    ];
    const menu = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
    const text = [menu, PROSE_A, PROSE_B, PROSE_A.replace('Tuesday', 'Monday'), PROSE_B.replace('buses', 'trams'), menu, 'Read more..', ...english, menu].join(' ');
    const classes = classesOf(text);
    for (const s of english) expect(classes.get(s)).toBe('short');
  });
});
