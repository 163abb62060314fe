import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsMostOfPage, RUN_ON_MIN_CHARS, runOnPieces, textChars } from '../../../src/core/pipeline/run-on-lines.js';
import { collapseWhitespace } from '../../../src/core/pipeline/split-blocks.js';
import { words } from '../../../src/core/text/tokens.js';
import { strip } from '../../../src/core/strip.js';
import { parseRepeats, readRepeats } from '../../../src/core/site/site-repeats.js';
import { addPlain, toPlain } from '../../../src/cli/site.js';
import { addPage, countsFileChunks, CountsFormatError, countsReaderInto, evidenceOf, fingerprint, LineCounts, lineKey, MAX_COUNT, mergeCounts, onlyRepeats, pageFingerprints, parseCounts, repeatThreshold, serializeCounts, type CountsBySite, type CountsReader } from '../../../src/core/site/fingerprints.js';

describe('line fingerprints', () => {
  it('fingerprint the normalised line: case, spacing and decoration do not matter, words do', () => {
    expect(lineKey('  » Top   Stories (12) ')).toBe('top stories 12');
    expect(fingerprint(lineKey('Top Stories'))).toBe(fingerprint(lineKey('» top  stories')));
    expect(fingerprint(lineKey('Top Stories'))).not.toBe(fingerprint(lineKey('Top Story')));
    expect(fingerprint('x')).toMatch(/^[0-9a-f]{16}$/u);
    // The counts file format: these are the digits the first release wrote, so its files stay valid.
    expect(fingerprint('top stories')).toBe('00d7cadd2efd4681');
    expect(fingerprint('')).toBe('811c9dc5106e08d9');
  });

  /** The fingerprints the one-scan counter finds in a text, as hex digits. */
  const scanned = (text: string) => {
    const out: string[] = [];
    pageFingerprints(text).forEach((a, b) => out.push(a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')));
    return out.sort();
  };

  it('fingerprint the lines of a page in one scan as they fingerprint their keys, each once (any mix of scripts, marks and line breaks)', () => {
    const pieces = ['a', 'B', 'é', 'Ä', '1', ' ', '  ', '\t', "'", '’', '-', '»', '(', '.', 'ß', 'İ', 'Σ', 'я', 'ก', '中文', 'の', '\u00a0', '\u200b', '😀', 'ﬁ', '\n', '\r\n', '\r'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const keys = new Set(t.split(/\r\n|\r|\n/u).map(lineKey).filter((key) => key !== ''));
        expect(scanned(t)).toEqual([...keys].map(fingerprint).sort());
      }),
      { numRuns: 2000 },
    );
    expect(scanned("  Don't  miss: » TOP stories \n\n » (12) \r\n » – ")).toEqual([fingerprint("don't miss top stories"), fingerprint('12')].sort());
    // The one context-sensitive lower case: a sigma after a zero-width space is not final once collapsed.
    expect(scanned('a\u200bΣ')).toEqual([fingerprint('a σ')]);
  });

  it('count the pieces of a page joined on one line as its lines: they are the blocks site-repeats looks up', () => {
    const menu = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
    const sentence = 'The council voted on Tuesday evening to approve a budget for the coming year.';
    const line = `${menu} ${Array.from({ length: 14 }, (_, i) => `${sentence.replace('Tuesday', `day ${i}`)}`).join(' ')}`;
    const pieces = runOnPieces(line);
    expect(pieces.length).toBeGreaterThan(10);
    // After a lone CR, text in lower case: read as part of the line, it would join its last piece.
    for (const text of [line, `Title\r\n${line}\rand the footer`, `Title\n\n  ${line.replaceAll(' ', ' \t')}`]) {
      const found = new Set(scanned(text));
      for (const piece of pieces) expect(found.has(fingerprint(lineKey(piece)))).toBe(true);
      expect(found.has(fingerprint(lineKey(line)))).toBe(true);
    }
  });

  it('count no piece of a caseless line that holds less than two thirds of its page, as strip() cuts none', () => {
    const menu = '홈 전체뉴스 정치 경제 사회 국제 문화 연예 스포츠 드라마 예능 영화 가요 공연 전시 도서 칼럼 오피니언 인터뷰 포토 영상 기획 연재 이벤트';
    const line = `${menu}. ${Array.from({ length: 24 }, (_, i) => `결국 ${i + 1}화의 둘째 문장은 배우의 감정연기가 폭발하는 이야기 전개를 보여준다.`).join(' ')}`;
    const pieces = runOnPieces(line);
    expect(pieces.length).toBeGreaterThan(10);
    const comments = Array.from({ length: 60 }, (_, i) => `댓글 ${i}: 좋은 기사 잘 읽었습니다`);
    const text = [line, '', ...comments].join('\n');
    expect(strip(text).blocks.some((block) => block.piece)).toBe(false);
    const found = new Set(scanned(text));
    expect(found.has(fingerprint(lineKey(line)))).toBe(true);
    for (const piece of pieces) expect(found.has(fingerprint(lineKey(piece)))).toBe(false);
  });

  it('count every piece that strip() makes a block of, whatever the line breaks and spacing around it', () => {
    const sentence = fc.constantFrom('The council met on Monday.', 'Home News Sport Weather Travel Culture Opinion Business', 'It rained.', 'jane says:', 'November 19, 2019 at 7:19 am');
    const page = fc
      .tuple(
        fc.array(sentence, { minLength: 30, maxLength: 60 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom('', ' ', '\t', '\u00a0', '\u200b'),
        fc.nat(2),
      )
      .map(([sentences, lineBreak, pad, extra]) => ['Title', `${pad}${sentences.join(' ')}${pad}`, ...Array(extra).fill('and more')].join(lineBreak));
    const everyPieceCounted = (text: string) => {
      const found = new Set(scanned(text));
      const pieces = strip(text).blocks.filter((block) => block.piece);
      for (const block of pieces) expect(found.has(fingerprint(lineKey(block.text)))).toBe(true);
      return pieces.length;
    };
    fc.assert(fc.property(page, (text) => void everyPieceCounted(text)), { numRuns: 100 });
    // A line of exactly RUN_ON_MIN_CHARS characters is cut, and counted.
    const exact = `Home News Sport Weather Travel Culture Opinion Business ${'The council met on Monday. '.repeat(40)}`.slice(0, RUN_ON_MIN_CHARS - 1).trimEnd().padEnd(RUN_ON_MIN_CHARS, 'a');
    expect(exact).toHaveLength(RUN_ON_MIN_CHARS);
    expect(everyPieceCounted(`Title\n${exact}\n`)).toBeGreaterThan(1);
  });

  it('find every line long enough to be cut, whatever the lengths of the lines and breaks around it', () => {
    // Lines of about RUN_ON_MIN_CHARS characters, cut at random from a run-on line, between short ones and
    // any kind of break: the counter finds the long lines by looking back over windows of that length.
    const runOn = `Home News Sport Weather Travel Culture Opinion Business ${'The council met on Monday. It rained. '.repeat(60)}`;
    const line = fc.oneof(
      fc.constantFrom('', 'Title', 'Home', 'x'.repeat(RUN_ON_MIN_CHARS - 1)),
      fc.tuple(fc.integer({ min: -3, max: 3 }), fc.nat(40)).map(([d, from]) => runOn.slice(from, from + RUN_ON_MIN_CHARS + d)),
    );
    const page = fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { minLength: 1, maxLength: 8 }).map((lines) => lines.map(([l, end]) => l + end).join(''));
    const expected = (text: string) => {
      const found = new Set(text.split(/\r\n|\r|\n/u).map(lineKey).filter((key) => key !== ''));
      for (const l of text.split(/\r\n|\r|\n/u)) {
        if (l.length < RUN_ON_MIN_CHARS) continue;
        const collapsed = collapseWhitespace(l);
        const pieces = runOnPieces(collapsed, holdsMostOfPage(collapsed, textChars(text)));
        if (pieces.length > 1) for (const piece of pieces) found.add(lineKey(piece));
      }
      return [...found].filter((key) => key !== '').map(fingerprint).sort();
    };
    fc.assert(fc.property(page, (text) => void expect(scanned(text)).toEqual(expected(text))), { numRuns: 300 });
    const exact = runOn.slice(0, RUN_ON_MIN_CHARS);
    for (const text of [exact, `${exact}\r\n`, `a\r${exact}`, `${'x'.repeat(RUN_ON_MIN_CHARS - 2)}\r\n${exact}`, `${'x'.repeat(RUN_ON_MIN_CHARS - 1)}\r\n${exact}`]) {
      expect(scanned(text)).toEqual(expected(text));
      expect(scanned(text).length).toBeGreaterThan(3);
    }
  });

  it("count a line from its words as from its text: countWords(words(lower)) is count(lower), in any script", () => {
    const pieces = ['a', 'B', 'é', '1', ' ', '  ', "'", '’', '-', '»', 'я', 'ก', '中文', 'の', '東京', '\u00a0', '\u200b', '😀', 'Home', 'News'];
    const line = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const counts: CountsBySite = new Map();
        // Every page carries a different number of the lines, so each line has a count of its own.
        lines.forEach((_, k) => addPage(counts, 'site', lines.slice(0, k + 1).join('\n')));
        const evidence = evidenceOf(counts.get('site')!);
        for (const l of [...lines, 'Not on any page', '', ' » ']) {
          const lower = l.toLowerCase();
          expect(evidence.countWords!(words(lower))).toBe(evidence.count(lower));
        }
      }),
      { numRuns: 500 },
    );
    const counts: CountsBySite = new Map([['site', { pages: 1, lines: new LineCounts() }]]);
    addPage(counts, 'site', '東京の天気\nHome');
    const evidence = evidenceOf(counts.get('site')!);
    expect([evidence.countWords!(words('東京の天気')), evidence.countWords!(['home']), evidence.countWords!([])]).toEqual([1, 1, 0]);
  });

  it('keep counts per fingerprint like a map, through growth and a copy as arrays', () => {
    const counts = new LineCounts(4);
    const reference = new Map<string, number>();
    let wrongReturns = 0;
    for (let i = 0; i < 5000; i++) {
      const a = (i * 7919) % 3001;
      const b = (i * 104729) % 2003;
      const n = (i % 3) + 1;
      const expected = (reference.get(`${a},${b}`) ?? 0) + n;
      if (counts.add(a, b, n) !== expected) wrongReturns++;
      reference.set(`${a},${b}`, expected);
    }
    expect(wrongReturns).toBe(0);
    const copy = LineCounts.fromArrays(counts.toArrays());
    for (const table of [counts, copy]) {
      expect(table.size).toBe(reference.size);
      const seen = new Map<string, number>();
      table.forEach((a, b, n) => seen.set(`${a},${b}`, n));
      expect(seen).toEqual(reference);
    }
    expect(counts.get(4000, 4000)).toBe(0);
  });

  it('count a line once per page and skip blank lines', () => {
    expect(pageFingerprints('Home\n\nHome\n  \nNews\r\n').size).toBe(2);
  });

  it('give the same fingerprints in a reused table as in a new one, after a page of many lines too', () => {
    const entries = (counts: LineCounts) => {
      const out: number[][] = [];
      counts.forEach((a, b, n) => out.push([a, b, n]));
      return out.sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
    };
    const reused = new LineCounts();
    const pages = ['Home\nNews', Array.from({ length: 10_000 }, (_, i) => `line ${i}`).join('\n'), 'Home\nSport\nSport', ''];
    for (const page of pages) expect(entries(pageFingerprints(page, reused))).toEqual(entries(pageFingerprints(page)));
  });

  it('stop counts at 2^32 - 1 instead of wrapping round, when adding, merging and reading', () => {
    const table = new LineCounts();
    table.add(1, 2, MAX_COUNT - 1);
    expect(table.add(1, 2, 5)).toBe(MAX_COUNT);
    expect(table.get(1, 2)).toBe(MAX_COUNT);
    const big = (): CountsBySite => new Map([['site', { pages: MAX_COUNT - 1, lines: LineCounts.fromArrays(table.toArrays()) }]]);
    const merged = mergeCounts(big(), big()).get('site')!;
    expect([merged.pages, merged.lines.get(1, 2)]).toEqual([MAX_COUNT, MAX_COUNT]);
    const read = parseCounts(serializeCounts(big()), big()).get('site')!;
    expect([read.pages, read.lines.get(1, 2)]).toEqual([MAX_COUNT, MAX_COUNT]);
  });

  it('need a site of 5 pages, then 4 pages or 30% of them', () => {
    expect([2, 4, 5, 12, 20, 100].map(repeatThreshold)).toEqual([Infinity, Infinity, 4, 4, 6, 30]);
  });
});

/** `text` (a counts file) with its end lines dropped and one at its end that counts its lines again. */
function recountEnd(text: string): string {
  const body = text.replace(/^end\t\d+\t\d+\n/gmu, '');
  const lines = body.split('\n').slice(1, -1);
  const lineCounts = lines.filter((line) => line.startsWith('\t')).length;
  return `${body}end\t${lines.length - lineCounts}\t${lineCounts}\n`;
}

/** The sites and page counts of a counts file, as the cleaning pass reads it (only the repeats, in order). */
function repeatsOfText(text: string): [string, number][] {
  const { sites, pages } = parseRepeats(text).data;
  return sites.map((site, k) => [site, pages[k]!]);
}

describe('counts files', () => {
  const page = fc.array(fc.constantFrom('Home', 'News', 'Sport', 'A line of text.', 'Another line', '© 2024', ''), { maxLength: 8 }).map((lines) => lines.join('\n'));
  const pages = fc.array(fc.tuple(fc.constantFrom('a.example', 'b.example', 'c'), page), { maxLength: 30 });

  it('merging the counts of shards gives exactly the counts of one pass over all pages', () => {
    fc.assert(
      fc.property(pages, fc.nat(30), (all, cut) => {
        const count = (list: typeof all) => {
          const counts: CountsBySite = new Map();
          for (const [site, text] of list) addPage(counts, site, text);
          return counts;
        };
        const merged = mergeCounts(parseCounts(serializeCounts(count(all.slice(cut)))), parseCounts(serializeCounts(count(all.slice(0, cut)))));
        expect(serializeCounts(merged)).toBe(serializeCounts(count(all)));
        // Reading one file into the counts of another is the same merge.
        const readInto = parseCounts(serializeCounts(count(all.slice(cut))), parseCounts(serializeCounts(count(all.slice(0, cut)))));
        expect(serializeCounts(readInto)).toBe(serializeCounts(count(all)));
        // And adding the arrays a worker thread hands back (cli/site.ts addPlain) into counts.
        expect(serializeCounts(addPlain(count(all.slice(0, cut)), toPlain(count(all.slice(cut)))))).toBe(serializeCounts(count(all)));
      }),
    );
  });

  it('round-trip through the file format', () => {
    const counts: CountsBySite = new Map();
    addPage(counts, 'news.example', 'Home\nNews');
    addPage(counts, 'news.example', 'Home');
    const text = serializeCounts(counts);
    expect(text.split('\n')[0]).toBe('boilerstrip-counts 2');
    expect(text.split('\n').slice(-2)).toEqual(['end\t1\t2', '']);
    expect(parseCounts(text)).toEqual(counts);
  });

  it('round-trip site names with tabs, line breaks and backslashes (folder names may hold them), and read a lone backslash as itself', () => {
    const names = ['a\tb', 'c\nd', 'e\r', '\\', 'f\\tg', 'h\\', 'news.example'];
    const counts: CountsBySite = new Map();
    for (const [i, site] of names.entries()) {
      for (let page = 0; page <= i; page++) addPage(counts, site, 'Home\nNews');
    }
    const text = serializeCounts(counts);
    expect(text.split('\n')).toHaveLength(1 + names.length * 3 + 1 + 1);
    expect(parseCounts(text)).toEqual(counts);
    expect(serializeCounts(parseCounts(text))).toBe(text);
    expect(repeatsOfText(text)).toEqual(names.map((site, i): [string, number] => [site, i + 1]).sort(([x], [y]) => (x < y ? -1 : 1)));
    // A backslash before any other character, as a file written before escaping spells a folder's name.
    expect([...parseCounts('boilerstrip-counts 1\na\\b\\\t3\n').keys()]).toEqual(['a\\b\\']);
    // Version 1 files were written before the escapes: there a backslash is itself whatever follows it.
    expect([...parseCounts('boilerstrip-counts 1\nc\\new\t3\nd\\\\e\t1\n').keys()]).toEqual(['c\\new', 'd\\\\e']);
  });

  it('write a site named "/" (pages in the root folder) as any other, and refuse to write one without a name, which would read back as a line count', () => {
    const counts: CountsBySite = new Map();
    addPage(counts, '/', 'Home\nNews');
    expect(serializeCounts(counts).split('\n')[1]).toBe('/\t1');
    expect(parseCounts(serializeCounts(counts))).toEqual(counts);
    addPage(counts, '', 'Home\nNews');
    expect(() => serializeCounts(counts)).toThrow('a counts file cannot hold a site without a name');
  });

  /** Where a text is cut into the pieces a reader is given. */
  const cuts = fc.array(fc.nat(), { maxLength: 6 });
  /** Gives `text` to `reader` cut at the positions `cutAt` (modulo its length), then ends it. */
  const inPieces = (text: string, cutAt: number[], reader: CountsReader) => {
    let from = 0;
    for (const at of [...cutAt.map((c) => c % (text.length + 1)).sort((x, y) => x - y), text.length]) {
      reader.push(text.slice(from, at));
      from = at;
    }
    reader.end();
  };
  /** A count field: 1 to 10 digits, at most 2^32 - 1. */
  const isCount = (field: string) => /^\d{1,10}$/u.test(field) && Number(field) <= MAX_COUNT;
  /** The file format written plainly, a string per line: what serializeCounts and parseCounts must agree with. */
  const reference = {
    serialize(counts: CountsBySite): string {
      const out = ['boilerstrip-counts 2'];
      let lineCounts = 0;
      for (const site of [...counts.keys()].sort()) {
        out.push(`${site}\t${counts.get(site)!.pages}`);
        const lines: string[] = [];
        counts.get(site)!.lines.forEach((a, b, n) => lines.push(`\t${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}\t${n}`));
        for (const line of lines.sort()) out.push(line);
        lineCounts += lines.length;
      }
      out.push(`end\t${counts.size}\t${lineCounts}`);
      return `${out.join('\n')}\n`;
    },
    /**
     * The counts, or the message of the error a malformed file must give. Version 2 ends with
     * `end<TAB>sites<TAB>lines` (only blank lines after it), counting the site lines and line counts
     * before it; version 1, written before the end line, has none.
     */
    parse(text: string): CountsBySite | string {
      const lines = text.split('\n');
      const version = lines[0] === 'boilerstrip-counts 2' ? 2 : lines[0] === 'boilerstrip-counts 1' ? 1 : 0;
      if (version === 0) return 'not a boilerstrip counts file (line 1 is not "boilerstrip-counts 2")';
      const counts: CountsBySite = new Map();
      let current: { pages: number; lines: LineCounts } | undefined;
      let [siteLines, lineCounts, endLine] = [0, 0, 0];
      const isTotal = (field: string) => /^\d{1,15}$/u.test(field);
      for (const [i, line] of lines.entries()) {
        if (i === 0 || line === '') continue;
        if (endLine !== 0) return `line ${i + 1} follows the end line (line ${endLine}); join counts files with counts merge`;
        const fields = line.split('\t');
        if (fields[0] === '' && fields.length === 3 && /^[0-9a-f]{16}$/u.test(fields[1]!) && isCount(fields[2]!) && current) {
          current.lines.add(parseInt(fields[1]!.slice(0, 8), 16), parseInt(fields[1]!.slice(8), 16), Number(fields[2]));
          lineCounts++;
        } else if (version === 2 && fields[0] === 'end' && fields.length === 3 && isTotal(fields[1]!) && isTotal(fields[2]!)) {
          const [sites, total] = [Number(fields[1]), Number(fields[2])];
          if (sites !== siteLines || total !== lineCounts) return `cut short or edited: the end line counts ${sites} sites and ${total} line counts, the file has ${siteLines} and ${lineCounts} (was it copied whole?)`;
          endLine = i + 1;
        } else if (fields.length === 2 && fields[0] !== '' && isCount(fields[1]!)) {
          if (!counts.has(fields[0]!)) counts.set(fields[0]!, { pages: 0, lines: new LineCounts() });
          current = counts.get(fields[0]!)!;
          current.pages += Number(fields[1]);
          siteLines++;
        } else if (version === 2 && endLine === 0 && i === lines.length - 1) {
          // A half line at the end, where the end line should be: the file was cut inside a line.
          return `cut short in line ${i + 1}: no end line (was it copied whole?)`;
        } else {
          return `line ${i + 1} is not a site or a line count`;
        }
      }
      if (version === 2 && endLine === 0) return `cut short: no end line after line ${text.endsWith('\n') ? lines.length - 1 : lines.length} (was it copied whole?)`;
      return counts;
    },
  };
  /** Random fingerprints (full 32-bit halves, so that sign and padding matter) and counts per site. */
  const rawCounts = fc
    .array(fc.tuple(fc.constantFrom('a.example', 'b.example', 'ü.example', '😀.example', `${'long-'.repeat(40)}.example`), fc.nat(40), fc.array(fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), fc.integer({ min: 1, max: 999 })), { maxLength: 60 })))
    .map((sites) => {
      const counts: CountsBySite = new Map();
      for (const [site, pages, lines] of sites) {
        const entry = counts.get(site) ?? { pages: 0, lines: new LineCounts() };
        entry.pages += pages;
        for (const [a, b, n] of lines) entry.lines.add(a, b, n);
        counts.set(site, entry);
      }
      return counts;
    });

  it('write the format as the plain definition does, sorted by fingerprint, in UTF-8 pieces that join to it', () => {
    fc.assert(
      fc.property(rawCounts, (counts) => {
        const text = serializeCounts(counts);
        expect(text).toBe(reference.serialize(counts));
        // Any piece size, down to pieces smaller than one line: the pieces join to the same bytes.
        for (const chunkBytes of [1, 29, 64, 1000, 1 << 16]) {
          const chunks = [...countsFileChunks(counts, chunkBytes)];
          expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
          expect(chunks.every((chunk) => chunk.length > 0)).toBe(true);
        }
      }),
    );
  });

  it('read what the plain definition reads, and refuse what it refuses, whole or in pieces', () => {
    const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '\t', '\n', '\r', 'x', 'F', '0', '9', 'a', ' ')), { maxLength: 3 });
    fc.assert(
      fc.property(rawCounts, edits, fc.boolean(), cuts, (counts, changes, dropFinalNewline, cutAt) => {
        let text = serializeCounts(counts);
        // A few characters replaced, inserted or removed: most results are malformed, some still valid.
        for (const [at, piece] of changes) {
          const i = at % (text.length + 1);
          text = at % 2 === 0 ? text.slice(0, i) + piece + text.slice(i + 1) : text.slice(0, i) + piece + text.slice(i);
        }
        if (dropFinalNewline) text = text.replace(/\n$/u, '');
        const expected = reference.parse(text);
        const readInPieces = () => inPieces(text, cutAt, countsReaderInto(new Map()));
        if (typeof expected === 'string') {
          expect(() => parseCounts(text)).toThrow(new CountsFormatError(expected));
          expect(readInPieces).toThrow(new CountsFormatError(expected));
        } else {
          // Compared through one writer: a damaged site name may hold half a surrogate pair, which UTF-8 output replaces.
          expect(serializeCounts(parseCounts(text))).toBe(serializeCounts(expected));
          const into: CountsBySite = new Map();
          inPieces(text, cutAt, countsReaderInto(into));
          expect(serializeCounts(into)).toBe(serializeCounts(expected));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('read only the repeats as reading everything and then keeping the repeats does, also from files joined or edited by hand', () => {
    const repeatsOf = (counts: CountsBySite) => new Map([...counts].map(([site, c]) => [site, onlyRepeats(c)]));
    fc.assert(
      fc.property(rawCounts, rawCounts, fc.constantFrom('as written', 'joined', 'lines doubled', 'lines reversed'), cuts, (first, second, how, cutAt) => {
        let text = serializeCounts(first);
        // Files joined by hand name their common sites twice; edited ones may repeat a line or reorder them.
        // Whoever joins or edits a file by hand must make its end line count the lines again.
        if (how === 'joined') text = recountEnd(text + serializeCounts(second).replace(/^[^\n]*\n/u, ''));
        if (how === 'lines doubled') text = recountEnd(text.replace(/^(\t.*\n)/gmu, '$1$1'));
        if (how === 'lines reversed') text = text.replace(/((?:^\t.*\n)+)/gmu, (run: string) => run.split(/(?<=\n)/u).reverse().join(''));
        const expected = serializeCounts(repeatsOf(parseCounts(text)));
        expect(serializeCounts(parseRepeats(text).toCounts())).toBe(expected);
        // Read in pieces, as from a file: a reader that stops for a file out of order leaves it to parseCounts.
        const reading = readRepeats();
        inPieces(text, cutAt, reading.reader);
        if (how === 'as written') expect(reading.reader.stopped).toBe(false);
        expect(reading.repeats() === undefined).toBe(reading.reader.stopped);
        if (!reading.reader.stopped) expect(serializeCounts(reading.repeats()!.toCounts())).toBe(expected);
      }),
    );
    const site = (pages: number, counts: number[]) => `site\t${pages}\n${counts.map((n, i) => `\t${String(i).padStart(16, '0')}\t${n}\n`).join('')}`;
    // 10 pages: a line must be on 4; 4 pages: too few for any evidence.
    expect(serializeCounts(parseRepeats(`boilerstrip-counts 1\n${site(10, [3, 4, 9])}`).toCounts())).toBe(`boilerstrip-counts 2\n${site(10, [0, 4, 9]).replace(/\t0000000000000000\t0\n/u, '')}end\t1\t2\n`);
    expect(parseRepeats(`boilerstrip-counts 1\n${site(4, [4, 4])}`).toCounts().get('site')!.lines.size).toBe(0);
  });

  it('round-trip 200,000 lines of one site, written in many pieces', () => {
    const counts: CountsBySite = new Map([['big.example', { pages: 3, lines: new LineCounts() }]]);
    for (let i = 0; i < 200_000; i++) counts.get('big.example')!.lines.add(Math.imul(i, 0x9e3779b1) >>> 0, i, 1 + (i % 1_000_000_000));
    const text = serializeCounts(counts);
    expect(text).toBe(reference.serialize(counts));
    expect([...countsFileChunks(counts)].length).toBeGreaterThan(50);
    expect(serializeCounts(parseCounts(text))).toBe(text);
  });

  it.each([
    ['a count of 9 digits', 'boilerstrip-counts 1\nsite\t123456789\n\t0123456789abcdef\t999999999\n', 123456789, 999999999],
    ['counts of 10 digits, up to 2^32 - 1', 'boilerstrip-counts 1\nsite\t1234567890\n\t0123456789abcdef\t4294967295\n', 1234567890, 4294967295],
    // Version 1 has no end line, so its last line may lack its line break (a file edited by hand).
    ['no final newline', 'boilerstrip-counts 1\nsite\t7\n\t0123456789abcdef\t5', 7, 5],
    // Version 2: a cut that loses only the end line's line break loses nothing.
    ['version 2, no final newline after the end line', 'boilerstrip-counts 2\nsite\t7\n\t0123456789abcdef\t5\nend\t1\t1', 7, 5],
    ['version 2, blank lines', 'boilerstrip-counts 2\n\nsite\t7\n\t0123456789abcdef\t5\nend\t1\t1\n\n', 7, 5],
    ['version 2, a site named "end"', 'boilerstrip-counts 2\nend\t9\nsite\t7\n\t0123456789abcdef\t5\nend\t2\t1\n', 7, 5],
    ['a count of 0 (nothing stored)', 'boilerstrip-counts 1\nsite\t7\n\t0123456789abcdef\t0\n', 7, 0],
  ])('read %s', (_, text, pages, count) => {
    const site = parseCounts(text).get('site')!;
    expect(site.pages).toBe(pages);
    expect(site.lines.get(0x01234567, 0x89abcdef)).toBe(count);
    expect(site.lines.size).toBe(count === 0 ? 0 : 1);
  });

  it.each([
    ['', /not a boilerstrip counts file/u],
    ['boilerstrip-counts 1\r\nsite\t1\r\n', /not a boilerstrip counts file/u],
    ['boilerstrip-counts 1\nsite\t1\r\n', /line 2 is not a site or a line count/u],
    ['boilerstrip-counts 1\nsite\t1\n\t0123456789abcdef\t4294967296\n', /line 3 is not a site or a line count/u],
    ['boilerstrip-counts 1\nsite\t1\n\t0123456789abcdef\t10000000000\n', /line 3 is not a site or a line count/u],
    ['boilerstrip-counts 1\nsite\t4294967296\n', /line 2 is not a site or a line count/u],
    ['boilerstrip-counts 1\nsite\t1\t2\n', /line 2 is not a site or a line count/u],
    ['boilerstrip-counts 1\n\n\t0123456789abcdef\t1\n', /line 3 is not a site or a line count/u],
    ['boilerstrip-counts 1\nsite\t1\n\t0123456789ABCDEF\t1\n', /line 3 is not a site or a line count/u],
    ['boilerstrip-counts 1\n\tabc\t1\n', /line 2 is not a site or a line count/u],
    ['boilerstrip-counts 1\nsite\tmany\n', /line 2/u],
    ['boilerstrip-counts 3\nend\t0\t0\n', /not a boilerstrip counts file \(line 1 is not "boilerstrip-counts 2"\)/u],
    // Version 1 never had an end line: there it is a malformed site line.
    ['boilerstrip-counts 1\nsite\t7\nend\t1\t0\n', /line 3 is not a site or a line count/u],
    ['boilerstrip-counts 2\n', /^cut short: no end line after line 1 \(was it copied whole\?\)$/u],
    ['boilerstrip-counts 2\nsite\t7\n\t0123456789abcdef\t5', /^cut short: no end line after line 3 /u],
    ['boilerstrip-counts 2\nsite\t7\n\t0123456789abcdef\t5\nend\t1\t12\n', /^cut short or edited: the end line counts 1 sites and 12 line counts, the file has 1 and 1 /u],
    ['boilerstrip-counts 2\nsite\t7\nend\t2\t0\n', /^cut short or edited: the end line counts 2 sites and 0 line counts, the file has 1 and 0 /u],
    ['boilerstrip-counts 2\nsite\t7\nend\t1\t0\nother\t3\n', /^line 4 follows the end line \(line 3\)/u],
    ['boilerstrip-counts 2\nend\t0\t0\nboilerstrip-counts 2\nend\t0\t0\n', /^line 3 follows the end line \(line 2\)/u],
    ['boilerstrip-counts 2\nsite\t7\nend\t1\t0\t0\n', /line 3 is not a site or a line count/u],
    ['boilerstrip-counts 2\nsite\t7\nend\t1\tx\n', /line 3 is not a site or a line count/u],
    ['boilerstrip-counts 2\nsite\t7\n\t0123456789a', /^cut short in line 3: no end line \(was it copied whole\?\)$/u],
    ['boilerstrip-counts 2\nsite\t7\nend\t1\t', /^cut short in line 3: no end line /u],
    ['boilerstrip-counts 2\nsite\t7\nend\t1\t0\nsi', /^line 4 follows the end line \(line 3\)/u],
    ['boilerstrip-counts 2\nsite\t7\n\t0123456789abcdef\t5\nend\t1\t12', /^cut short or edited: the end line counts 1 sites and 12 line counts/u],
    ['boilerstrip-counts 1\nsite\t7\n\t0123456789a', /^line 3 is not a site or a line count$/u],
  ])('refuse a malformed file %j', (text, message) => {
    expect(() => parseCounts(text)).toThrow(message);
    expect(() => parseRepeats(text)).toThrow(message);
  });

  it('refuse a file cut short at any point (a copy stopped half-way, a full disk), whole or in pieces, also when reading only the repeats', () => {
    // Cut inside the header, it is no counts file; after it, the error says it was cut short.
    const refused = (text: string, cutAt: number[]) => {
      const message = text.length < 'boilerstrip-counts 2'.length ? /^not a boilerstrip counts file/u : /^cut short.* \(was it copied whole\?\)$/u;
      for (const read of [() => parseCounts(text), () => parseRepeats(text), () => inPieces(text, cutAt, countsReaderInto(new Map())), () => inPieces(text, cutAt, readRepeats().reader)]) {
        expect(read).toThrow(CountsFormatError);
        expect(read).toThrow(message);
      }
    };
    fc.assert(
      fc.property(rawCounts, fc.nat(), cuts, (counts, at, cutAt) => {
        const text = serializeCounts(counts);
        // Everything but the last line break: losing that loses nothing.
        refused(text.slice(0, at % (text.length - 1)), cutAt);
        expect(serializeCounts(parseCounts(text.slice(0, -1)))).toBe(text);
      }),
    );
    // Every cut of a small file, among them those after a count's first digit and at a line's end,
    // which version 1 could not tell from a whole file.
    const counts: CountsBySite = new Map();
    for (let page = 0; page < 12; page++) addPage(counts, page % 3 === 0 ? 'b.example' : 'a.example', `Home\nNews\nStory ${page % 4}`);
    const text = serializeCounts(counts);
    expect(text).toMatch(/\t12\n/u);
    for (let at = 0; at < text.length - 1; at++) refused(text.slice(0, at), []);
  });

  it('read version 1 files, written before the end line, as before: merged, they are written as version 2', () => {
    const counts: CountsBySite = new Map();
    for (let page = 0; page < 6; page++) addPage(counts, 'a.example', `Home\nStory ${page}`);
    const text = serializeCounts(counts);
    const v1 = text.replace('boilerstrip-counts 2\n', 'boilerstrip-counts 1\n').replace(/end\t\d+\t\d+\n$/u, '');
    expect(v1.split('\n')).toHaveLength(text.split('\n').length - 1);
    expect(serializeCounts(parseCounts(v1))).toBe(text);
    expect(serializeCounts(parseRepeats(v1).toCounts())).toBe(serializeCounts(parseRepeats(text).toCounts()));
  });
});
