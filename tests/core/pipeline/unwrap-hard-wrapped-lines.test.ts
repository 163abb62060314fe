import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrapText } from '../../../src/core/pipeline/unwrap-hard-wrapped-lines.js';
import { pageFingerprints, fingerprint, lineKey } from '../../../src/core/site/fingerprints.js';
import { strip } from '../../../src/core/strip.js';
import { FIXTURES } from '../../helpers/cli.js';

/** Greedy wrapping, as a text browser does: as many words on each line as fit in `width` columns. */
function wrap(paragraph: string, width: number, indent = '', columns = (s: string) => s.length): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && columns(indent + candidate) > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

const PARAGRAPHS = [
  'The small ferry that links the old harbour with the island village went back into service on Monday morning, after four months in the shipyard where its engine and hull were replaced.',
  'About forty passengers were waiting on the quay when the boat pulled in a few minutes before eight. Most of them were commuters who had spent the winter on the replacement bus around the bay.',
  'The operator said the repairs cost more than planned, because the shipyard found rust under the old deck that had to be cut out before the new benches could be fitted. Fares will not rise.',
];
const MENU = ['     * Home', '     * News', '     * Sport', '     * Weather'];

/** A page as lynx prints it: a menu, then paragraphs wrapped at 78 columns and indented by three spaces. */
function wrappedPage(width = 78): string {
  return [...MENU, '', ...PARAGRAPHS.flatMap((p) => [...wrap(p, width, '   '), ''])].join('\n');
}

describe('unwrap-hard-wrapped-lines', () => {
  it('joins the lines of each wrapped paragraph, and maps each joined line to the input lines it holds', () => {
    const input = wrappedPage();
    const unwrapped = unwrapText(input)!;
    expect(unwrapped).toBeDefined();
    const lines = unwrapped.text.split('\n');
    for (const paragraph of PARAGRAPHS) expect(lines).toContain(`   ${paragraph}`);
    // The menu's lines leave room for the next word: each stays a line.
    expect(lines.slice(0, 4)).toEqual(MENU);
    const inputLines = input.split('\n');
    const first = lines.indexOf(`   ${PARAGRAPHS[1]}`);
    const from = unwrapped.lineMap.firstLines[first]!;
    const to = unwrapped.lineMap.firstLines[first + 1]!;
    expect(inputLines.slice(from, to).map((l) => l.trim()).join(' ')).toBe(PARAGRAPHS[1]);
    expect(unwrapped.lineMap.inputLines).toEqual(inputLines);
  });

  it('leaves a page alone whose lines run past any wrapping width (one HTML block a line)', () => {
    const page = [...MENU, '', ...PARAGRAPHS, ...PARAGRAPHS, ...PARAGRAPHS].join('\n');
    expect(unwrapText(page)).toBeUndefined();
  });

  it('leaves a short note alone: a few lines show no width', () => {
    const note = wrap(PARAGRAPHS[0]!, 60).slice(0, 3).join('\n');
    expect(unwrapText(note)).toBeUndefined();
  });

  it('tolerates a line or two longer than the width, and any number that hold an address (a wrapper cannot break one)', () => {
    const long = [wrappedPage(), wrappedPage(), wrappedPage(), wrappedPage()].join('\n');
    const unbroken = `   ${'Supercalifragilisticexpialidocious'.repeat(4)}`;
    expect(unwrapText(`${long}\n${unbroken}\n`)?.text.split('\n')).toContain(`   ${PARAGRAPHS[2]}`);
    expect(unwrapText(`${long}\n${[unbroken, unbroken, unbroken].join('\n\n')}\n`)).toBeUndefined();
    const url = `   https://example.org/${'a'.repeat(120)}`;
    const link = `   see [the timetable](https://example.org/${'b'.repeat(120)})`;
    expect(unwrapText(`${long}\n${[url, link, url, link].join('\n\n')}\n`)?.text.split('\n')).toContain(`   ${PARAGRAPHS[2]}`);
  });

  it('does not join a line that leaves room for the next line\'s first word: a headline, a paragraph\'s end', () => {
    const page = [
      ...wrap(PARAGRAPHS[0]!, 72),
      'Council approves cycle lanes',
      ...wrap(PARAGRAPHS[1]!, 72),
      ...wrap(PARAGRAPHS[2]!, 72),
      ...wrap(PARAGRAPHS[0]!, 72),
    ].join('\n');
    const lines = unwrapText(page)!.text.split('\n');
    expect(lines).toContain('Council approves cycle lanes');
    expect(lines).toContain(PARAGRAPHS[1]);
    expect(lines).toContain(PARAGRAPHS[2]);
  });

  it('leaves alone a page of lines of one length that each start a sentence: a list of headlines and summaries', () => {
    const glued = readFileSync(path.join(FIXTURES, 'teasers-glued-to-headlines', 'input.txt'), 'utf8');
    expect(unwrapText(glued)).toBeUndefined();
    const headlines = [
      'Council Approves New Cycle Lanes On The River Road After A Long Debate',
      'Bakery On The High Street Wins Regional Prize For Its Rye Bread Again',
      'School Choir To Sing At The Cathedral On Easter Sunday Morning Service',
      'Harbour Ferry Returns To Service After Four Months Of Winter Repairs',
    ];
    const page = [...MENU, '', ...headlines, ...headlines, ...headlines].join('\n');
    expect(unwrapText(page)).toBeUndefined();
  });

  it('leaves alone lines of one length that are joined only before a digit or a mark (cut-off summaries over their "4h ago")', () => {
    expect(unwrapText('A summary of another story that stops short…\n4h ago\n'.repeat(40))).toBeUndefined();
  });

  it('joins wrapped lines of a script without capitals when the breaks cut sentences', () => {
    // Running text: commas and full stops inside the lines, as a headline has not.
    const hebrew = 'המעבורת הקטנה, שמחברת את הנמל הישן עם הכפר באי, חזרה לשירות ביום שני בבוקר. אחרי ארבעה חודשים במספנה, שבה הוחלפו המנוע, הגוף והספסלים, היא שטה שוב.';
    const page = [...wrap(hebrew, 60), '', ...wrap(hebrew, 60), '', ...wrap(hebrew, 60), '', ...wrap(hebrew, 60)].join('\n');
    expect(unwrapText(page)?.text.split('\n')).toEqual([hebrew, '', hebrew, '', hebrew, '', hebrew]);
  });

  it('does not join a list item to the line above, but joins its own wrapped lines at its text\'s indentation', () => {
    const item = 'Bakery on the high street wins the regional prize for its rye bread, the third time in a row that a baker from the town has won it';
    const [firstLine, ...rest] = wrap(item, 78, '       ');
    const page = [wrappedPage(), `     * ${firstLine!.trim()}`, ...rest, '     * Short item'].join('\n');
    const lines = unwrapText(page)!.text.split('\n');
    expect(lines).toContain(`     * ${item}`);
    expect(lines.at(-1)).toBe('     * Short item');
  });

  it('does not join lines that change indentation (a new block, a quotation)', () => {
    const quote = wrap(PARAGRAPHS[2]!, 78, '         ');
    const page = `${wrappedPage()}\n${[...wrap(PARAGRAPHS[0]!, 78, '   ').slice(0, 1), ...quote].join('\n')}`;
    const lines = unwrapText(page)!.text.split('\n');
    expect(lines).toContain(`         ${PARAGRAPHS[2]}`);
  });

  it('reads Chinese, Japanese and Korean as two columns a character when the wrapper did (w3m), and joins them without a space', () => {
    const wide = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uac00-\ud7a3]/u.test(c) ? 2 : 1), 0);
    const sentence = '東京の小さな渡し船が冬の修理を終えて月曜日の朝に運航を再開した。';
    const text = sentence.repeat(12);
    // Wrapped between any two characters at 78 columns: 39 characters a line.
    const lines: string[] = [];
    for (let i = 0; i < text.length; i += 39) lines.push(text.slice(i, i + 39));
    expect(wide(lines[0]!)).toBe(78);
    const unwrapped = unwrapText([...lines, '', ...lines].join('\n'))!;
    expect(unwrapped.text.split('\n')).toEqual([text, '', text]);
  });

  it('reads a page in a wide script as wrapped with a line or two of several hundred characters on it', () => {
    const text = '東京の小さな渡し船が冬の修理を終えて月曜日の朝に、運航を再開した。'.repeat(12);
    const lines: string[] = [];
    for (let i = 0; i < text.length; i += 39) lines.push(text.slice(i, i + 39));
    // Two lines of 450 code units hold an eighth of the page's code units but, the rest being two columns
    // a character, a fifteenth of its columns: within what a wrapped page may hold past its width.
    const long = `${'a long line of words '.repeat(22)}and more`;
    const paragraphs = Array.from({ length: 16 }, () => [...lines, '']).flat();
    const page = [...paragraphs, long, '', long].join('\n');
    expect(unwrapText(page)?.text.split('\n')).toContain(text);
  });

  it('reads them as one column a character when that is how the page was wrapped (lynx)', () => {
    const text = '東京の小さな渡し船が冬の修理を終えて月曜日の朝に運航を再開した。'.repeat(12);
    const lines: string[] = [];
    for (let i = 0; i < text.length; i += 78) lines.push(text.slice(i, i + 78));
    expect(unwrapText([...lines, '', ...lines].join('\n'))?.text.split('\n')).toEqual([text, '', text]);
  });

  it('joins English and Japanese on one page when the wrapper counted every character as one column', () => {
    const japanese = '東京の小さな渡し船が冬の修理を終えて月曜日の朝に運航を再開した。'.repeat(6);
    const lines: string[] = [];
    for (let i = 0; i < japanese.length; i += 78) lines.push(japanese.slice(i, i + 78));
    const page = [...PARAGRAPHS.flatMap((p) => [...wrap(p, 78), '']), ...lines].join('\n');
    expect(unwrapText(page)?.text.split('\n')).toEqual([...PARAGRAPHS.flatMap((p) => [p, '']), japanese]);
  });

  it('leaves alone a page with a few long lines among shorter ones of every length (a poem, a list)', () => {
    const long = 'the harbour master walked along the quay and counted the boats that came in';
    const short = ['gulls over the water', 'nets drying in the sun and wind', 'a bell', 'evening falls over the town', 'lanterns on the old pier', 'the tide turns again'];
    const page = [long, 'incredibly', long, 'unbelievably', long, 'remarkably', ...Array.from({ length: 10 }, () => short).flat()].join('\n');
    expect(unwrapText(page)).toBeUndefined();
  });

  it('leaves alone a page whose text is mostly in lines far longer than the rest', () => {
    const paragraph = PARAGRAPHS.join(' ');
    const wrapped = [wrappedPage(), wrappedPage(), wrappedPage(), wrappedPage()].join('\n');
    expect(unwrapText(wrapped)).toBeDefined();
    expect(unwrapText(`${wrapped}\n${paragraph}\n\n${paragraph}\n`)).toBeUndefined();
  });

  it('leaves alone lines narrower than any wrapping width (40 columns)', () => {
    const narrow = PARAGRAPHS.flatMap((p) => [...wrap(p, 30), '']).join('\n');
    expect(unwrapText(narrow)).toBeUndefined();
    expect(unwrapText(PARAGRAPHS.flatMap((p) => [...wrap(p, 45), '']).join('\n'))).toBeDefined();
  });

  it('does not join a line to a list item that follows it at the same indentation', () => {
    const [full] = wrap(PARAGRAPHS[0]!, 78);
    const page = `${wrappedPage(78).replaceAll('   ', '')}\n${full}\n- Students travel free on weekdays\n- Bicycles are carried free of charge\n`;
    const lines = unwrapText(page)!.text.split('\n');
    expect(lines).toContain('- Students travel free on weekdays');
  });

  it('leaves alone lines of a script without capitals that run past no sentence: a list of headlines', () => {
    const headlines = ['الحكومة تعلن عن خطة جديدة لدعم قطاع الصناعة والتجارة في البلاد خلال العام المقبل', 'وزير الخارجية يلتقي نظيره في العاصمة لبحث التعاون بين البلدين في مجالات عديدة'];
    const chinese = ['国务院常务会议部署进一步推动经济持续回升向好的政策措施并研究其他事项', '北京市发布最新交通管理规定涉及多条主要道路和地铁线路的调整安排细则'];
    expect(unwrapText(Array.from({ length: 8 }, () => headlines).flat().join('\n'))).toBeUndefined();
    expect(unwrapText(Array.from({ length: 8 }, () => chinese).flat().join('\n'))).toBeUndefined();
  });

  it('leaves alone lines of a wide script that each end a sentence (a list of one-line summaries)', () => {
    const summaries = ['東京の小さな渡し船が冬の修理を終えて月曜日の朝に運航を再開した', '市議会は川沿いの道に新しい自転車専用レーンを設けることを承認した'];
    const lines = summaries.map((s) => `${s.padEnd(38, 'た')}。`);
    expect(unwrapText([...lines, ...lines, ...lines, ...lines, ...lines, ...lines].join('\n'))).toBeUndefined();
  });

  it('reads CRLF and lone CR line ends', () => {
    const input = wrappedPage().replaceAll('\n', '\r\n');
    expect(unwrapText(input)?.text.split('\n')).toContain(`   ${PARAGRAPHS[0]}`);
    expect(unwrapText(wrappedPage().replaceAll('\n', '\r'))?.text.split('\n')).toContain(`   ${PARAGRAPHS[0]}`);
  });

  it('does not join a row of data, a time code or a rule: a first word wider than a word, or no letters', () => {
    const rows = Array.from({ length: 12 }, (_, k) => `open,closed,2024-06-${String(k + 1).padStart(2, '0')},${'1234567890,'.repeat(6)}${k}`);
    expect(unwrapText(rows.join('\n'))).toBeUndefined();
    const full = wrap(PARAGRAPHS[1]!, 78, '   ')[0];
    const page = `${wrappedPage()}\n${full}\n   ${'-'.repeat(70)}\n${full}\n   00:00:01,000 --> 00:00:04,500\n`;
    const lines = unwrapText(page)!.text.split('\n');
    expect(lines).toContain(`   ${'-'.repeat(70)}`);
    expect(lines).toContain('   00:00:01,000 --> 00:00:04,500');
  });

  it('does not join quoted lines of an e-mail to the reply under them', () => {
    const quoted = wrap(PARAGRAPHS[0]!, 72, '> ');
    const reply = wrap(PARAGRAPHS[1]!, 72);
    const lines = unwrapText([...quoted, ...reply, '', ...quoted, ...reply].join('\n'))!.text.split('\n');
    expect(lines[0]).toBe(`> ${quoted.map((l) => l.slice(2)).join(' ')}`);
    expect(lines[1]).toBe(PARAGRAPHS[1]);
  });

  it('does not run a full last line of a paragraph on into a short capitalised line under it (no blank line between: html2text)', () => {
    const full = 'The council will meet again next month to vote on the final plan for it.';
    expect(full.length).toBeGreaterThan(78 - 6 - 'Advertisement'.length);
    const page = [...wrap(PARAGRAPHS[0]!, 78), full, 'Advertisement', ...wrap(PARAGRAPHS[1]!, 78), ...wrap(PARAGRAPHS[2]!, 78)].join('\n');
    const lines = unwrapText(page)!.text.split('\n');
    expect(lines).toContain('Advertisement');
  });

  it('joins a line that ends a sentence to a capitalised line under it that is full itself: the paragraph goes on', () => {
    const first = 'The ferry went back into service on Monday after four months of repairs.';
    const second = 'Passengers who had waited on the quay since seven cheered when the boat pulled';
    const page = [...wrap(PARAGRAPHS[0]!, 78), '', first, second, 'in, and the captain sounded the horn twice.', '', ...wrap(PARAGRAPHS[1]!, 78), '', ...wrap(PARAGRAPHS[2]!, 78)].join('\n');
    expect(unwrapText(page)!.text.split('\n')).toContain(`${first} ${second} in, and the captain sounded the horn twice.`);
  });

  it('does not join the line under one that ends as code does ("{" or "}")', () => {
    const code = 'if the harbour master says the tide is too strong for the boats to sail {';
    const page = [...wrappedPage().split('\n'), code, 'cancel the crossing and tell the passengers on the quay', ''].join('\n');
    expect(unwrapText(page)!.text.split('\n')).toContain(code);
  });

  it('passes over a page of many lines that hold addresses in linear time', () => {
    const started = performance.now();
    unwrapText(Array.from({ length: 100_000 }, (_, k) => `Item ${k} see http://example.com/${k}`).join('\n'));
    unwrapText(Array.from({ length: 100_000 }, (_, k) => `Item ${k} see [x](/${k})`).join('\n'));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('counts a wrapped page line by line for cross-page evidence when the unwrap step is switched off, as strip() then reads it', () => {
    const keys = new Set<string>();
    pageFingerprints(wrappedPage(), undefined, ['unwrap']).forEach((a, b) => void keys.add(a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')));
    const blocks = strip(wrappedPage(), { disabledRules: ['unwrap'] }).blocks.map((b) => fingerprint(lineKey(b.text)));
    expect([...keys].sort()).toEqual([...new Set(blocks)].sort());
    expect(keys.has(fingerprint(lineKey(PARAGRAPHS[0]!)))).toBe(false);
  });

  it('counts a wrapped page\'s paragraphs for cross-page evidence as the blocks strip() judges', () => {
    const keys = new Set<string>();
    pageFingerprints(wrappedPage()).forEach((a, b) => void keys.add(a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')));
    const blocks = strip(wrappedPage()).blocks.map((b) => fingerprint(lineKey(b.text)));
    expect([...keys].sort()).toEqual([...new Set(blocks)].sort());
    expect(keys.has(fingerprint(lineKey(PARAGRAPHS[0]!)))).toBe(true);
  });
});

describe('strip() on a wrapped page', () => {
  const input = readFileSync(path.join(FIXTURES, 'article-wrapped-at-80-columns', 'input.txt'), 'utf8');
  const inputLines = input.split('\n');

  it('judges each paragraph whole and writes it with the input\'s own line breaks', () => {
    const result = strip(input);
    const paragraphs = result.text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(4);
    for (const paragraph of paragraphs) {
      const lines = paragraph.split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(inputLines.map((l) => l.trim())).toContain(line);
    }
  });

  it('reports each block with the first and last input line it holds, and its joined text', () => {
    const result = strip(input);
    const kept = result.blocks.filter((b) => b.kept);
    expect(kept.length).toBeGreaterThan(0);
    for (const block of kept) {
      expect(block.lines[1]).toBeGreaterThan(block.lines[0]);
      const held = inputLines.slice(block.lines[0] - 1, block.lines[1]).map((l) => l.trim());
      expect(block.text).toBe(held.join(' '));
    }
    const menu = result.blocks.find((b) => b.text === '* Home')!;
    expect(menu.lines).toEqual([1, 1]);
  });

  it('does not cut a long joined paragraph into pieces as it cuts a page joined on one line', () => {
    const words = 'The Greater Springfield Public Library Board Of Trustees Annual General Meeting Hall was full on Tuesday, and the vote was close'.split(' ');
    const long = Array.from({ length: 12 }, () => words.join(' ')).join(', and then ');
    const page = [...MENU, '', ...wrap(long, 75), '', ...wrap(PARAGRAPHS[0]!, 75)].join('\n');
    const result = strip(page);
    expect(result.blocks.some((b) => b.piece)).toBe(false);
    const block = result.blocks.find((b) => b.text.startsWith('The Greater'))!;
    expect(block.lines[1] - block.lines[0]).toBe(wrap(long, 75).length - 1);
  });

  it('tests --keep and --drop against a joined paragraph as the input writes it, not line by line', () => {
    const block = strip(input).blocks.find((b) => b.text.startsWith('The small ferry'))!;
    const written = inputLines.slice(block.lines[0] - 1, block.lines[1]).map((l) => l.trim()).join(' ');
    expect(strip(input, { keep: [written] }).blocks.find((b) => b.text.startsWith('The small ferry'))!.rule).toBe('user-patterns');
    // A pattern anchored to a line's start does not match where a wrapper happened to break the line.
    const second = inputLines[block.lines[0]]!.trim();
    const dropped = strip(input, { drop: [new RegExp(`^${second.split(' ').slice(0, 3).join(' ')}`, 'u')] });
    expect(dropped.blocks.find((b) => b.text.startsWith('The small ferry'))!.rule).not.toBe('user-patterns');
  });

  it('judges the page line by line, as printed, with the unwrap step switched off', () => {
    const result = strip(input, { disabledRules: ['unwrap'] });
    expect(result.blocks.every((b) => b.lines[0] === b.lines[1])).toBe(true);
    expect(result.blocks.length).toBe(inputLines.filter((l) => l.trim() !== '').length);
  });
});

describe('unwrap: an item the page numbered in its text', () => {
  it('goes on at the item\'s own indentation, as w3m and html2text print it, and is joined there too', () => {
    const item = '3) The Complete Harbour Ferry Collection: Spring/Summer/Autumn/Winter Crossings (Blu-Ray)';
    const lines = wrap(item, 78);
    expect(lines.length).toBe(2);
    const page = [...PARAGRAPHS.flatMap((p) => [...wrap(p, 78), '']), '1) A Ferry Timetable', '2) Harbour Map', ...lines, '4) Island Walks'].join('\n');
    const text = unwrapText(page)!.text.split('\n');
    expect(text).toContain(item);
    // The lines under a bullet that leave room for the next word stay lines.
    expect(text).toContain('1) A Ferry Timetable');
    expect(text).toContain('4) Island Walks');
  });
});
