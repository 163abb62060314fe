import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsLabelRun, isCaselessWord, isHeadlineRestart, isSentenceMarkCode, RUN_ON_MIN_CHARS, runOnPieces, runsIntoHeadline, textChars } from '../../../src/core/pipeline/run-on-lines.js';
import { measuredPage, PROSE_A, PROSE_B } from '../../helpers/page.js';
import { OTHER_SCRIPT_SENTENCE_MARKS } from '../../../src/core/text/tokens.js';
import { strip } from '../../../src/core/strip.js';

/** A menu of nine labels: the run of capitalised words that marks a page joined on one line. */
const MENU = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
/** Prose sentences enough to take a line past RUN_ON_MIN_CHARS. */
const BODY = [PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A].join(' ');

/** A page joined on one line: the menu, a sentence, then `middle`, then the body. */
function joinedPage(middle: string): string {
  return `${MENU} ${OPENING} ${middle} ${BODY}`;
}
const OPENING = 'Top story of the day.';
/** Forty-one different words, the first capitalised. */
const LONG_STRETCH = Array.from({ length: 41 }, (_, i) => `${i === 0 ? 'W' : 'w'}ord${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');

describe('runOnPieces', () => {
  it('leaves a line shorter than RUN_ON_MIN_CHARS whole, whatever it holds', () => {
    const line = `${MENU} ${PROSE_A} ${PROSE_B}`;
    expect(line.length).toBeLessThan(RUN_ON_MIN_CHARS);
    expect(runOnPieces(line)).toEqual([line]);
  });

  it('leaves a long paragraph whole when no run of labels is in it', () => {
    const paragraph = `${BODY} ${BODY}`;
    expect(paragraph.length).toBeGreaterThan(RUN_ON_MIN_CHARS);
    expect(runOnPieces(paragraph)).toEqual([paragraph]);
  });

  it('leaves a long paragraph whole when its capitalised words are interrupted by sentence ends', () => {
    // Seven capitalised words, then a full stop, then more: never eight in a row without a sentence end.
    const paragraph = `${BODY} The New York State Attorney General Said. Then The Meeting Ended Early On Monday. ${BODY}`;
    expect(runOnPieces(paragraph)).toEqual([paragraph]);
  });

  it.each([
    ['a list of names with commas', 'Among those who will hand out the awards are Tom Hanks, Meg Ryan, Denzel Washington, Viola Davis, Emma Stone, Ryan Gosling, Octavia Spencer, Meryl Streep, Brad Pitt and Julia Roberts.'],
    ['German nouns and names with commas', 'Finanzminister Christian Lindner, Wirtschaftsminister Robert Habeck, Außenministerin Annalena Baerbock und Innenministerin Nancy Faeser trafen sich.'],
    ['seven capitalised words in a row', 'The report came from the New York State Attorney General Office Staff on Monday.'],
    ['capitalised words and figures with no letter', `The results were ${'6:47 '.repeat(40)}in the end.`],
    ['Korean prose', '시작은 엘제이의 일방적인 사진 공개로부터 비롯됐다. '.repeat(30).trim()],
  ])('leaves a long paragraph whole with %s in it', (_, text) => {
    const paragraph = `${BODY} ${text} ${BODY}`;
    expect(paragraph.length).toBeGreaterThan(RUN_ON_MIN_CHARS);
    expect(runOnPieces(paragraph)).toEqual([paragraph]);
  });

  describe('in a script without case', () => {
    /** Korean labels: no capitals to tell a menu by. */
    const LABELS = '홈 전체뉴스 정치 경제 사회 국제 문화 연예 스포츠 드라마 예능 영화 가요 공연 전시 도서 칼럼 오피니언 인터뷰 포토 영상 기획 연재 이벤트 공지사항 고객센터'.split(' ');
    const SENTENCES = Array.from({ length: 24 }, (_, i) => `결국 ${i + 1}화의 둘째 문장은 배우의 감정연기가 폭발하는 이야기 전개를 보여준다.`);
    /** The labels (a full stop after the last ends their run), then the sentences. */
    const line = (labels: string[]) => `${labels.join(' ')}. ${SENTENCES.join(' ')}`;

    it('takes a line for run-on when 24 words stand in a row with no sentence end, comma or semicolon', () => {
      expect(line(LABELS.slice(0, 24)).length).toBeGreaterThan(RUN_ON_MIN_CHARS);
      expect(runOnPieces(line(LABELS.slice(0, 24)))).toEqual([`${LABELS.slice(0, 24).join(' ')}.`, ...SENTENCES]);
    });

    it('leaves it whole with 23', () => {
      expect(runOnPieces(line(LABELS.slice(0, 23)))).toEqual([line(LABELS.slice(0, 23))]);
    });

    it('takes a line for run-on when 12 words of Chinese or Japanese stand in a row, which put spaces between labels only', () => {
      const labels = 'HOME 商標登録の基礎知識 サービスのご案内 お客様の声 ブログ 事務所案内 アクセス よくあるご質問 お知らせ 料金表 採用情報 サイトマップ'.split(' ');
      const sentences = Array.from({ length: 30 }, (_, i) => `先日、第${i + 1}回の相談会で弁理士が商標登録の手続きについて詳しく説明しました。`);
      const japanese = (n: number) => `${labels.slice(0, n).join(' ')}。 ${sentences.join(' ')}`;
      expect(japanese(12).length).toBeGreaterThan(RUN_ON_MIN_CHARS);
      expect(runOnPieces(japanese(12))).toEqual([`${labels.join(' ')}。`, ...sentences]);
      expect(runOnPieces(japanese(11))).toEqual([japanese(11)]);
      // Korean words are words, not phrases: twelve of them are no menu.
      const korean = `${LABELS.slice(0, 12).join(' ')}. ${SENTENCES.join(' ')}`;
      expect(runOnPieces(korean)).toEqual([korean]);
    });

    it.each([
      ['an Arabic comma', '،'],
      ['an Arabic semicolon', '؛'],
      ['a full-width comma', '，'],
      ['an ideographic comma', '、'],
      ['a word in lower case', ' and'],
      ['a comma inside a word of a script written without spaces', '，苹果公司'],
    ])('leaves it whole when %s breaks the 24 words', (_, comma) => {
      const labels = LABELS.slice(0, 24).map((word, i) => (i === 11 ? `${word}${comma}` : word));
      expect(runOnPieces(line(labels))).toEqual([line(labels)]);
    });

    it('counts words that open with a quote or bracket of these scripts', () => {
      const labels = LABELS.slice(0, 24).map((word, i) => (i % 8 === 3 ? `「${word}」` : i % 8 === 5 ? `‹${word}›` : word));
      expect(runOnPieces(line(labels)).length).toBeGreaterThan(1);
    });

    it('leaves whole a line with fewer than three sentence ends, whose text could not be cut anyway (Thai marks none)', () => {
      const thai = 'การประชุม ครั้งนี้ มี ผู้เข้าร่วม จำนวนมาก และ ทุกคน ต่าง แสดง ความคิดเห็น อย่าง กว้างขวาง '.repeat(14);
      const text = `${thai}Smart Card EMV Contactless Payment System ${thai}`;
      expect(text.length).toBeGreaterThan(RUN_ON_MIN_CHARS);
      expect(runOnPieces(text)).toEqual([text]);
    });

    it('needs three sentence ends on the line', () => {
      const filler = '가나다라 마바사 아자차 카타파하 '.repeat(60);
      const withEnds = (n: number) => `${LABELS.slice(0, 24).join(' ')}. ${filler}${Array.from({ length: n - 1 }, (_, i) => `끝${i}.`).join(' ')}`;
      expect(withEnds(2).length).toBeGreaterThan(RUN_ON_MIN_CHARS);
      expect(runOnPieces(withEnds(2))).toEqual([withEnds(2)]);
      expect(runOnPieces(withEnds(3)).length).toBeGreaterThan(1);
    });

    it('leaves whole a line that holds less than two thirds of its page: a long paragraph, not a page joined on one line', () => {
      const long = line(LABELS.slice(0, 24));
      expect(runOnPieces(long, false)).toEqual([long]);
      /** The long line and lines of other text, `share` of the page's text (characters other than spaces) in the line. */
      const pageWith = (share: number) => {
        const other = Math.round((textChars(long) * (1 - share)) / share);
        const rest = Array.from({ length: Math.ceil(other / 9) }, (_, i) => `다른줄${String(i).padStart(4, '0')}입니다`);
        return [long, '', ...rest].join('\r\n');
      };
      expect(measuredPage(pageWith(0.6)).blocks.some((b) => b.runOnPiece)).toBe(false);
      expect(measuredPage(pageWith(0.7)).blocks.some((b) => b.runOnPiece)).toBe(true);
      // The same with \n line ends, whose lines splitBlocks finds without split().
      expect(measuredPage(pageWith(0.6).replaceAll('\r\n', '\n')).blocks.some((b) => b.runOnPiece)).toBe(false);
      expect(measuredPage(pageWith(0.7).replaceAll('\r\n', '\n')).blocks.some((b) => b.runOnPiece)).toBe(true);
    });

    it('asks whether the line holds most of its page only when a caseless run would decide, and answers as the boolean does', () => {
      const long = line(LABELS.slice(0, 24));
      let asked = 0;
      const ask = (answer: boolean) => () => (asked++, answer);
      expect(runOnPieces(long, ask(false))).toEqual(runOnPieces(long, false));
      expect(runOnPieces(long, ask(true))).toEqual(runOnPieces(long, true));
      expect(asked).toBe(2);
      // A run of capitals decides alone; a line with no run at all needs no answer either.
      const joined = joinedPage('');
      expect(runOnPieces(joined, ask(false))).toEqual(runOnPieces(joined, true));
      expect(runOnPieces(BODY, ask(true))).toEqual([BODY]);
      expect(asked).toBe(2);
    });

    it('counts a page\'s text without white space, zero-width spaces included, which collapseWhitespace folds too', () => {
      expect(textChars(' a\u200b b\r\n\tc\u3000\ufeff')).toBe(3);
    });

    it('counts letters past the surrogates: Arabic presentation forms, halfwidth Hangul', () => {
      const forms = Array.from({ length: 24 }, (_, i) => (i % 2 ? 'ﻻﺑﺖ' : 'ﾡﾢﾣ'));
      expect(runOnPieces(line(forms)).length).toBeGreaterThan(1);
    });

    it('does not count emoji, which the tokeniser takes for letters', () => {
      const text = `${BODY} ${'😂 '.repeat(30)}${BODY}`;
      expect(runOnPieces(text)).toEqual([text]);
    });

    it('breaks a run of capitalised words, as a word in lower case does', () => {
      const text = `${BODY} Apple Watch Series Ultra 한국 Model GPS Cellular Edition ${BODY}`;
      expect(runOnPieces(text)).toEqual([text]);
    });
  });

  it('takes a line with eight capitalised words in a row for run-on, figures between them included', () => {
    const eight = 'Home News 1 Sport 2 Weather Travel Culture Opinion Business and so on.';
    expect(runOnPieces(`${BODY} ${eight} ${BODY}`).length).toBeGreaterThan(1);
  });

  it('cuts a page joined on one line at sentence ends and around its menu', () => {
    const pieces = runOnPieces(joinedPage('It was a quiet day.'));
    expect(pieces).toEqual([MENU, OPENING, 'It was a quiet day.', PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A, PROSE_B, PROSE_A]);
  });

  it.each([
    ['an initial', 'The report by J. Smith was read aloud.'],
    ['a title', 'The report by Mr. Smith was read aloud.'],
    ['an abbreviated month', 'The report of Nov. 19 was read aloud.'],
    ['a decimal number', 'The report cost 3.5 million and was read aloud.'],
    ['a sentence mark before lower case', 'Who knew? not the council, which read it aloud.'],
    ['an ordinal', 'Sie tagte am 12. Oktober im Rathaus der Stadt.'],
    ['an abbreviation before a number', 'Das steht so in Kap. 5 des Berichts.'],
    ['a German abbreviation', 'Das sagte Dipl. Ingenieur Hans Weber am Montag.'],
  ])('does not cut after %s', (_, sentence) => {
    expect(runOnPieces(joinedPage(sentence))).toContain(sentence);
  });

  it('cuts after a run of marks and closing quotes', () => {
    const pieces = runOnPieces(joinedPage('Read the full story.. “It was done,” she said.” Then it ended.'));
    expect(pieces.slice(2, 5)).toEqual(['Read the full story..', '“It was done,” she said.”', 'Then it ended.']);
  });

  it('leaves words in a script without case inside their sentence', () => {
    const sentence = 'The title was 시작은 엘제이의 일방적인 사진 공개로부터 비롯됐다 in the original.';
    expect(runOnPieces(joinedPage(sentence))).toContain(sentence);
  });

  it.each([
    ['a year', 'It was built in 2019.', 'Then it was opened.'],
    ['a Devanagari full stop', 'यह एक वाक्य है।', 'यह दूसरा वाक्य है।'],
    ['an Arabic question mark', 'هل هذا صحيح؟', 'نعم هذا صحيح.'],
    ['a Chinese full stop before a Latin word in lower case', '今天开会。', 'the meeting ended.'],
  ])('cuts after %s', (_, first, second) => {
    expect(runOnPieces(joinedPage(`${first} ${second}`)).slice(2, 4)).toEqual([first, second]);
  });

  it('cuts after ".." even after a single letter, which a single full stop would leave alone', () => {
    const pieces = runOnPieces(joinedPage('It was plan B.. Then it ended.'));
    expect(pieces.slice(2, 4)).toEqual(['It was plan B..', 'Then it ended.']);
  });

  it('cuts after a Chinese full stop before a space, and only there: pieces are joined with spaces again', () => {
    const pieces = runOnPieces(joinedPage('今天开会。明天休息。 后天上班。'));
    expect(pieces.slice(2, 4)).toEqual(['今天开会。明天休息。', '后天上班。']);
  });

  it('cuts a run of labels out of a sentence piece, and gives its last capitalised word to the sentence that follows', () => {
    const pieces = runOnPieces(joinedPage('Local News Town Hall Approves Budget For Next Year The council met on Monday to agree it.'));
    expect(pieces.slice(2, 4)).toEqual(['Local News Town Hall Approves Budget For Next Year', 'The council met on Monday to agree it.']);
  });

  it('leaves a name of four capitalised words in its sentence, and cuts one of five out', () => {
    const four = 'The line would reopen, officials told the San Francisco Chronicle Staff.';
    expect(runOnPieces(joinedPage(four))).toContain(four);
    const pieces = runOnPieces(joinedPage('The line would reopen, officials told the San Francisco Chronicle Staff Writers.'));
    expect(pieces.slice(2, 4)).toEqual(['The line would reopen, officials told the', 'San Francisco Chronicle Staff Writers.']);
  });

  it.each([
    ['commas after the names', 'To celebrate, founding members Tom Johnston, Michael McDonald, Pat Simmons And John McFee will reunite next year.'],
    ['commas standing alone, as a converter prints them between links', 'The senator representing Yobe North , Ahmad Lawan , On Tuesday moved a motion.'],
    ['dates after the places', 'The band will play at Coral Sky Amphitheatre, West Palm Beach, FL June 10 Credit Union Amphitheatre West in the summer.'],
  ])('leaves in its sentence a run of names with %s', (_, sentence) => {
    expect(runOnPieces(joinedPage(sentence))).toContain(sentence);
  });

  it('does not cut inside a pair of brackets: a link a converter printed with a space inside each bracket', () => {
    const pieces = runOnPieces(joinedPage('Stocks were mixed, while South Korea\'s Kospi Index ( KOSPI ) fell 0.5% on the day.'));
    expect(pieces).toContain('South Korea\'s Kospi Index ( KOSPI ) fell 0.5% on the day.');
  });

  it.each([
    ['a bracket left open', 'Stocks were mixed, while South Korea\'s Kospi Index ( KOSPI fell 0.5% on the day.'],
    ['brackets too far apart', `Stocks were mixed, while South Korea\'s Kospi Index ( KOSPI and ${'more words '.repeat(8)}) fell on the day.`],
    ['a bracket opened again before the first closes', 'Stocks were mixed, while South Korea\'s Kospi Index ( KOSPI (y) fell 0.5% on the day.'],
  ])('still cuts a run of labels with %s', (_, sentence) => {
    expect(runOnPieces(joinedPage(sentence))).toContain('South Korea\'s Kospi Index (');
  });

  it('still cuts before a closing bracket whose pair closed before the cut', () => {
    const pieces = runOnPieces(joinedPage('Stocks were mixed (as expected), while South Korea\'s Kospi Index KOSPI ) fell 0.5% on the day.'));
    expect(pieces).toContain(') fell 0.5% on the day.');
  });

  it('does not cut after a title of address ("Rt. Hon.")', () => {
    const sentence = 'They mourned the Rt. Hon. Ada Obi and moved on.';
    expect(runOnPieces(joinedPage(sentence))).toContain(sentence);
  });

  it.each([
    ['one comma only', 'Read the report by Home News Sport, Weather Travel Culture Opinion today.', 'Home News Sport, Weather Travel Culture'],
    ['no word in lower case before it', 'Done. Arts, Culture, Books Home News Sport Weather Travel today.', 'Arts, Culture, Books Home News Sport Weather'],
    ['commas after weekdays and days, as dates write them', 'Updated on Tuesday, November 19, 2019 Wednesday, November 20, 2019 Politics White House Congress Campaigns today.', 'Tuesday, November 19, 2019 Wednesday, November 20, 2019 Politics White House Congress'],
    ['commas after numbers', 'The scores were 12, 15, 21 Home News Sport Weather Travel Culture today.', '12, 15, 21 Home News Sport Weather Travel'],
    // A list of tags or places that a menu follows: the labels after the list's last comma are a run still.
    ['a list of tags in a sentence before it', 'The story is filed under Harbour, Ferry, Council, Islands, Winter Home News Sport Business Weather Travel today.', 'Winter Home News Sport Business Weather'],
  ])('still cuts out a run of labels with %s', (_, sentence, run) => {
    expect(runOnPieces(joinedPage(sentence))).toContain(run);
  });

  it('keeps the sentence that a list of tags and a menu run on from (through strip)', () => {
    const last = 'The ferry is due back in service by the end of February, and the story is filed under Harbour, Ferry, Council, Islands,';
    const page = `${MENU} ${OPENING} ${BODY} ${last} Winter ${MENU} Share this article Facebook Twitter Email About Us Contact Privacy Policy`;
    // Glued to the menu, the sentence was dropped with it as a fragment of labels.
    expect(strip(page).text).toContain('The ferry is due back in service by the end of February, and the story is filed under');
  });

  it('cuts after a posting stamp and after a commenter\'s "says:"', () => {
    const pieces = runOnPieces(joinedPage('Great story. Jane Roe says: November 19, 2019 at 7:19 am Another view of the plan.'));
    expect(pieces.slice(2, 6)).toEqual(['Great story.', 'Jane Roe says:', 'November 19, 2019 at 7:19 am', 'Another view of the plan.']);
  });

  it.each([
    ['a relative time without a joiner', 'Posted 2 days ago 7:19 am'],
    ['a short relative time', 'Updated 3h ago 7:19'],
    ['a relative time and a French joiner', 'Publié hier à 7:19'],
    ['a relative time and a comma', 'Posted 2 days ago, 7:19 am'],
    ['a relative time and a joiner of two words', 'Publicado hace 2 días a las 7:19'],
  ])('cuts after a stamp of %s', (_, stamp) => {
    const pieces = runOnPieces(joinedPage(`${stamp} Great article about the plan.`));
    expect(pieces.at(pieces.indexOf('Great article about the plan.') - 1)!.endsWith(stamp.slice(-4))).toBe(true);
  });

  it('cuts after a stamp with a relative time, and gives the numbers ending a run of labels to what follows', () => {
    const pieces = runOnPieces(joinedPage('Rating: 36 Votes Nick Adams 2 days ago at 07:47 am I think the council is right.'));
    expect(pieces.slice(2, 5)).toEqual(['Rating: 36 Votes Nick Adams', '2 days ago at 07:47 am', 'I think the council is right.']);
  });

  it('cuts before and after each copy of a stretch printed twice in a row', () => {
    const headline = 'Stock indexes edge mostly down as retailers sink';
    const pieces = runOnPieces(joinedPage(`Business ${headline} ${headline} Shares in the largest chains fell on Monday.`));
    expect(pieces.slice(2, 6)).toEqual(['Business', headline, headline, 'Shares in the largest chains fell on Monday.']);
    // At a sentence piece's start, and printed three times.
    const thrice = runOnPieces(joinedPage(`${headline} ${headline} ${headline} Shares fell on Monday.`));
    expect(thrice.slice(2, 6)).toEqual([headline, headline, headline, 'Shares fell on Monday.']);
  });

  it.each([
    ['three words', 'He said it was good in the end in the end and then he said it again to them.'],
    ['forty-one words', `${LONG_STRETCH} ${LONG_STRETCH} and more.`],
  ])('does not cut a stretch of %s printed twice', (_, sentence) => {
    expect(runOnPieces(joinedPage(sentence))).toContain(sentence.trim());
  });

  it('cuts around a list of controls printed in the same words, a phrase of three words starting four times or more', () => {
    const controls = 'Share this with Facebook Share this with Messenger Share this with Twitter Share this with Email';
    const pieces = runOnPieces(joinedPage(`The court ruled on Monday ${controls} Copy this link and read more about it.`));
    expect(pieces.slice(2, 5)).toEqual(['The court ruled on Monday', controls, 'Copy this link and read more about it.']);
    // The copy is taken as long as it matches the one before: the closing "window)" is in the list.
    const popups = 'Click to print (Opens in new window) Click to email this to a friend (Opens in new window) Click to share on Reddit (Opens in new window) Click to share on Twitter (Opens in new window)';
    expect(runOnPieces(joinedPage(`Related ${popups} The story goes on here.`))).toContain('(Opens in new window) Click to email this to a friend (Opens in new window) Click to share on Reddit (Opens in new window) Click to share on Twitter (Opens in new window)');
  });

  it.each([
    ['a phrase starting three times', 'It was a love song to her mother and a love song to her city and a love song to the people there.'],
    ['a phrase starting four times, far apart', 'We went to the sea with our bags and a dog, then we went to the hills with the old maps, then we went to the town for lunch at noon, and then we went to the sea once more.'],
  ])('does not cut %s', (_, sentence) => {
    expect(runOnPieces(joinedPage(sentence))).toContain(sentence);
  });

  it.each([
    ['a stamp that a sentence goes on after in lower case', 'On November 19, 2019 at 7:19 am the river burst its banks.'],
    ['a verb of saying before a quotation', 'The mayor said: “We cannot wait any longer for the money.”'],
    ['a verb of saying that no posting stamp follows', 'The mayor said: Germany will pay for the new walls in full.'],
    ['a verb of saying that a posting stamp follows only far off', 'The mayor said: Germany will pay for all of the new walls in full and on time, as agreed at the meeting of November 19, 2019 at 7:19 am in the hall.'],
    ['a German clock time', 'Die Feuerwehr wurde am 3. Mai 2023 um 2:30 Uhr alarmiert, wie ein Sprecher sagte.'],
    ['a clock time with its time zone', 'The final starts on May 3, 2024 at 3:00 PM ET at Wembley in London.'],
  ])('does not cut after %s', (_, sentence) => {
    expect(runOnPieces(joinedPage(sentence))).toContain(sentence);
  });

  it('cuts before the first word of a headline run on from the one before', () => {
    const pieces = runOnPieces(joinedPage('Democrats think so The secret ingredient that transforms sweet potatoes How a small town rebuilt its bridge The council met on Monday.'));
    expect(pieces.slice(2, 6)).toEqual(['Democrats think so', 'The secret ingredient that transforms sweet potatoes', 'How a small town rebuilt its bridge', 'The council met on Monday.']);
  });

  it.each([
    ['a question word before a name', 'This is the worst case for the economy How Jack Ma changed China.', 'This is the worst case for the economy'],
    ['the article "A"', 'Officials warn of a long winter ahead A seasonal job can be a good career strategy.', 'Officials warn of a long winter ahead'],
  ])('cuts before %s', (_, sentence, first) => {
    const pieces = runOnPieces(joinedPage(sentence));
    expect(pieces.slice(2, 4)).toEqual([first, sentence.slice(first.length + 1)]);
  });

  it.each([
    ['a word a headline does not end with', 'The plan was praised in The Washington Post last week.'],
    ['an article that opens a name', 'The plan was praised by editors who told The Hollywood Reporter about it.'],
    ['an article that opens a name in quotes', 'The plan was praised by the host of The “Daily” show last week.'],
    ['a word with a mark before it', 'The plan was praised by everyone, The mayor said so too.'],
    ['a capitalised word before it', 'The plan was praised across China The mayor said so too.'],
    ['an opener in capitals', 'The plan was praised by everyone THE mayor said so too.'],
    ['a capitalised word that opens no headline', 'The plan was praised by everyone Secret meetings were held.'],
    ['a word in lower case', 'The plan was praised by everyone the mayor said so too.'],
    ['a French article, which opens titles written in sentence case', 'Le conseil a présenté hier le film La vita è bella au public.'],
  ])('does not cut before an opener after %s', (_, sentence) => {
    expect(runOnPieces(joinedPage(sentence))).toContain(sentence);
  });

  it('does not cut after a clock time without a date before it', () => {
    const sentence = 'The meeting began at 7:19 am and ended before noon.';
    expect(runOnPieces(joinedPage(sentence))).toContain(sentence);
  });

  it('gives back pieces that, joined with single spaces, are the line again', () => {
    const word = fc.constantFrom('Home', 'News', 'the', 'council', 'met', 'on', 'Monday.', 'Mr.', 'J.', '“It', 'was.”', '7:19', 'am', 'says:', '2019', '今天。', '研究。专家', '..', '?', 'and', 'Weather', 'The', 'How');
    const line = fc.array(word, { minLength: 250, maxLength: 600 }).map((words) => `${MENU} ${words.join(' ')}`);
    fc.assert(
      fc.property(line, (text) => {
        const pieces = runOnPieces(text);
        expect(pieces.every((piece) => piece !== '' && piece === piece.trim())).toBe(true);
        expect(pieces.join(' ')).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('splitBlocks on a page joined on one line', () => {
  it('makes each piece a block of the line, one after another in its paragraph, measured as a line would be', () => {
    const line = joinedPage('It was a quiet day.');
    const page = measuredPage(`Title line\n${line}\nLast line\n\nNext paragraph`);
    const pieces = runOnPieces(line);
    expect(page.blocks.map((b) => b.text)).toEqual(['Title line', ...pieces, 'Last line', 'Next paragraph']);
    expect(page.blocks.map((b) => b.line)).toEqual([1, ...pieces.map(() => 2), 3, 5]);
    expect(page.blocks.map((b) => b.paragraph)).toEqual([...pieces.map(() => 0), 0, 0, 1]);
    expect(page.blocks.map((b) => b.lineInParagraph)).toEqual([...pieces.map((_, k) => k), pieces.length, pieces.length + 1, 0]);
    expect(page.blocks.map((b) => b.runOnPiece)).toEqual([false, ...pieces.map(() => true), false, false]);
    // First in its paragraph, then a blank line: the next line opens a new paragraph.
    expect(measuredPage(`${line}\n\nNext paragraph`).blocks.at(-1)!.paragraph).toBe(1);
    // Each piece is measured as the same text on a line of its own.
    for (const [k, piece] of pieces.entries()) expect(page.measures[k + 1]).toEqual(measuredPage(piece).measures[0]);
  });
});

describe('isHeadlineRestart', () => {
  it.each([
    ['abs', 'The', false, true],
    ['car', 'How', true, true],
    ['ahead', 'A', false, true],
    ['soir', 'La', false, false],
    ['guy’s', 'These', false, true],
    ['abs', 'The', true, false],
    ['abs', 'the', false, false],
    ['abs', 'THE', false, false],
    ['abs', 'Secret', false, false],
    ['in', 'The', false, false],
    ['abs,', 'The', false, false],
    ['abs2', 'The', false, false],
    ['China', 'The', false, false],
    ['', 'The', false, false],
  ])('after "%s", "%s" (next word capitalised: %s) begins a headline: %s', (before, word, nextCapitalised, expected) => {
    expect(isHeadlineRestart(before, word, nextCapitalised)).toBe(expected);
  });

  it('reads the words at the pieces\' edge, and the case of the word after the opener past its quotes', () => {
    expect(runsIntoHeadline('Democrats think so', 'The secret ingredient')).toBe(true);
    expect(runsIntoHeadline('Democrats think so', 'The “Daily” show')).toBe(false);
    expect(runsIntoHeadline('Democrats think so', 'The')).toBe(true);
  });
});

describe('reading a word past its opening quotes and brackets', () => {
  it('finds a letter without case after ASCII and other openers, and none in an ASCII word', () => {
    for (const word of ['中文', '"中文', "'한국", '(한국', '[中文]', '“中文', '「中文」', '("中']) expect(isCaselessWord(word, 0), word).toBe(true);
    for (const word of ['abc', 'Abc', '-中文', '1中', '"abc', '[Abc', '😀', '']) expect(isCaselessWord(word, 0), word).toBe(false);
  });

  it('counts labels in quotes and brackets as capitalised words for a long run of labels', () => {
    const labels = [...MENU.split(' '), ...MENU.split(' '), ...MENU.split(' ')].map((label, i) => `${['"', "'", '(', '[', '“', '«'][i % 6]}${label}`);
    expect(holdsLabelRun(labels.join(' '))).toBe(true);
    expect(holdsLabelRun(labels.map((label) => label.toLowerCase()).join(' '))).toBe(false);
  });

  it('reads a menu of labels in brackets or quotes as capitalised words', () => {
    const menu = MENU.split(' ').map((label, i) => (i % 2 === 0 ? `[${label}]` : `"${label}"`)).join(' ');
    expect(runOnPieces(`${menu} ${OPENING} ${BODY}`).length).toBeGreaterThan(1);
  });
});

describe('isSentenceMarkCode', () => {
  it('is true for exactly the sentence marks the line is cut after, spaced and unspaced', () => {
    const marks = new Set([...`.!?…${OTHER_SCRIPT_SENTENCE_MARKS}。！？`].map((c) => c.charCodeAt(0)));
    const found: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isSentenceMarkCode(code)) found.push(code);
    expect(found).toEqual([...marks].sort((a, b) => a - b));
  });
});
