// The options that let users see and steer what is removed, in-process: --explain, --diff, rules,
// --keep/--drop/--disable-rule/--language, config files and --print-config, -f jsonl.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runMain, tempDir } from '../helpers/cli.js';
import type { CliCase as Case } from '../helpers/cli.js';
import { main } from '../../src/cli/main.js';
import { Readable } from 'node:stream';

const seedInput = readFileSync(path.join(FIXTURES, 'seed', 'input.txt'), 'utf8');
const seedExpected = readFileSync(path.join(FIXTURES, 'seed', 'expected.txt'), 'utf8');
const SEED = path.join(FIXTURES, 'seed', 'input.txt');
const BYLINE = 'By Samya Kullab, The Associated Press';

const CASES: Case[] = [
  { name: '--explain marks a dropped line with its rule and reason', args: ['--explain'], stdin: seedInput, exitCode: 0, stdout: /^- +1 {2}metadata-lines +crawler header line +│ date 2024-10-19 Video/mu },
  { name: '--explain marks a kept line', args: ['--explain', SEED], exitCode: 0, stdout: /^\+ +11 {2}content-evidence +prose: \d+ characters, stop-word density [\d.]+ +│ KYIV, Ukraine/mu },
  { name: '--explain ends with a summary', args: ['--explain'], stdin: seedInput, exitCode: 0, stdout: /\n# 8 of \d+ lines kept, \d+ dropped; language en\n$/u },
  {
    name: '--explain shows the pieces of a page joined on one line a row each, with the line number',
    args: ['--explain', path.join(FIXTURES, 'page-joined-on-one-line', 'input.txt')],
    exitCode: 0,
    stdout: /^- +1 {2}content-evidence +few stop words[^\n]*│ Home News Sport Business Weather[^\n]*\n(?:.*\n)*\+ +1 {2}content-evidence +prose[^\n]*│ Three towns along the lower river[^\n]*twice\.\n\+ +1 {2}content-evidence +prose[^\n]*│ The plan, approved[\s\S]*\n# \d+ of \d+ lines kept, \d+ dropped \(each piece of a run-on line counted as a line\); language en\n$/mu,
  },
  {
    name: '--explain marks a text browser\'s mark as read as absent, and the subheading under it as kept',
    args: ['--explain', path.join(FIXTURES, 'text-browser-marks-between-subheadings', 'input.txt')],
    exitCode: 0,
    stdout: /^- +27 {2}browser-marks +a text browser's mark, read as absent +│ \[divider\.gif\]\n\n\+ +29 {2}neighbours +[^\n]*│ The cost$/mu,
  },
  {
    name: '--explain shows each input line of a wrapped paragraph, numbered as in the input, with the paragraph\'s decision',
    args: ['--explain', path.join(FIXTURES, 'article-wrapped-at-80-columns', 'input.txt')],
    exitCode: 0,
    stdout: /^\+ 13 {2}content-evidence +prose: 234 characters[^\n]*│ The small ferry that links[^\n]*went\n\+ 14 {2}content-evidence +prose: 234 characters[^\n]*│ back into service[^\n]*\n\+ 15 [^\n]*\n\+ 16 [^\n]*│ deck were all replaced\.\n\n[\s\S]*\n# \d+ of \d+ lines kept, \d+ dropped \(each paragraph joined from wrapped lines counted as a line\); language en\n$/mu,
  },
  {
    name: '-f json marks a removed piece of a page joined on one line',
    args: ['-f', 'json', path.join(FIXTURES, 'page-joined-on-one-line', 'input.txt')],
    exitCode: 0,
    stdout: /\{\n\s+"line": 1,\n\s+"piece": true,\n\s+"text": "Home News Sport Business Weather/u,
  },
  {
    name: '-f json lists a text browser\'s mark among the removed lines',
    args: ['-f', 'json', path.join(FIXTURES, 'text-browser-marks-between-subheadings', 'input.txt')],
    exitCode: 0,
    stdout: /\{\n\s+"line": 27,\n\s+"text": "\[divider\.gif\]",\n\s+"rule": "browser-marks",\n\s+"reason": "a text browser's mark, read as absent"\n\s+\}/u,
  },
  { name: '-f json has no piece field for whole lines', args: ['-f', 'json', SEED], exitCode: 0, stdout: /^(?![\s\S]*"piece")[\s\S]*"removed"/u },
  { name: '--diff is a unified diff from input to output, starting as diff -u does', args: ['--diff', SEED], exitCode: 0, stdout: /^--- [^\n]*seed\/input\.txt\n\+\+\+ [^\n]*seed\/input\.txt\t\(boilerstrip\)\n@@ -1,\d+ \+1,\d+ @@\n- date 2024-10-19/u },
  { name: '--explain and --diff together', args: ['--explain', '--diff'], exitCode: 2, stderr: /choose one/u },
  { name: '--explain with -f json', args: ['--explain', '-f', 'json'], exitCode: 2, stderr: /--explain shows the decisions as text; it cannot be combined with -f json/u },
  { name: 'rules lists every id with its description', args: ['rules'], exitCode: 0, stdout: /^user-patterns +\* Lines matching[\s\S]*^teasers +Teaser list items[\s\S]*^main-text +Keeps the article's region/mu },
  { name: '--drop plain text removes a whole line', args: ['--explain', '--drop', 'the center claims the footage was shot by a russian soldier in recent days'], stdin: seedInput, exitCode: 0, stdout: /^- +19 {2}user-patterns +matches --drop "the center claims/mu },
  { name: '--drop /regex/flags', args: ['--drop', '/^the center claims/i'], stdin: seedInput, exitCode: 0, stdout: /^(?![\s\S]*The center claims)[\s\S]*KYIV/u },
  { name: '--keep wins over a rule and over --drop', args: ['--keep', BYLINE, '--drop', BYLINE], stdin: seedInput, exitCode: 0, stdout: new RegExp(`^${BYLINE}\\n\\nKYIV`, 'u') },
  { name: 'an invalid --drop regex is a usage error naming it', args: ['--drop', '/([a-z/'], exitCode: 2, stderr: /^boilerstrip: --drop: invalid regular expression \/\(\[a-z\/: Unterminated character class\n/u },
  { name: '--disable-rule switches a rule off', args: ['--disable-rule', 'metadata-lines', '--explain'], stdin: seedInput, exitCode: 0, stdout: /^(?![\s\S]*metadata-lines)/u },
  { name: 'an unknown --disable-rule id lists the valid ones', args: ['--disable-rule', 'teaser'], exitCode: 2, stderr: /^boilerstrip: --disable-rule: unknown rule id 'teaser'; valid ids: markdown-links, browser-marks, unwrap, metadata-lines, video-blocks, teasers,.* main-text, embedded-tweet\n/u },
  { name: 'a rule that cannot be switched off is said to be one', args: ['--disable-rule', 'neighbours'], exitCode: 2, stderr: /^boilerstrip: --disable-rule: rule 'neighbours' cannot be switched off; valid ids: /u },
  { name: '--language forces the stop-word list', args: ['-f', 'json', '--language', 'de'], stdin: seedInput, exitCode: 0, stdout: /"language": "de"/u },
  { name: 'an unknown --language', args: ['--language', 'xx'], exitCode: 2, stderr: /--language: no stop-word list for language 'xx'/u },
  { name: '-f jsonl writes one compact record', args: ['-f', 'jsonl'], stdin: seedInput, exitCode: 0, stdout: /^\{"source":"-","title":"Video published by Ukraine[^\n]*\}\n$/u },
  { name: '-f jsonl refuses -o', args: ['-f', 'jsonl', SEED, '-o', 'out'], exitCode: 2, stderr: /-f jsonl writes one stream/u },
  { name: '--with-metadata names the site', args: ['--with-metadata', path.join(FIXTURES, 'german-article', 'input.txt')], exitCode: 0, stdout: /^Title: Neue Radwege für die Innenstadt\nAuthor: Anna Becker\nDate: 2024-03-12\nSite: Stadtanzeiger\n\n/u },
  { name: '-f json carries the site', args: ['-f', 'json', path.join(FIXTURES, 'german-article', 'input.txt')], exitCode: 0, stdout: /"site": "Stadtanzeiger"/u },
  { name: '--print-config shows defaults and command-line values with their origin', args: ['--print-config', '--drop', 'Sign up'], exitCode: 0, stdout: /^format +"text" +default$[\s\S]*^drop +"Sign up" +--drop$/mu },
];

describe('seeing and steering, in-process', () => {
  it.each(CASES)('$name', async ({ args, stdin, exitCode, stdout, stderr }) => {
    const run = await runMain(args, { stdin, cwd: tempDir() });
    expect(run.exitCode).toBe(exitCode);
    if (typeof stdout === 'string') expect(run.stdout).toBe(stdout);
    else if (stdout) expect(run.stdout).toMatch(stdout);
    if (stderr) expect(run.stderr).toMatch(stderr);
    if (exitCode === 0) expect(run.stderr).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it('--explain colours dropped lines only on a terminal, and never with --no-color', async () => {
    const runTty = async (argv: string[]) => {
      let stdout = '';
      // env: {}, so that a NO_COLOR in the shell running the tests does not turn the colour off.
      await main({ argv, stdin: Readable.from([Buffer.from(seedInput)]), stdout: { isTTY: true, write: (s: string) => (stdout += s) }, stderr: { write: () => true }, env: {} });
      return stdout;
    };
    const coloured = await runTty(['--explain']);
    expect(coloured).toMatch(/^\u001b\[31m- +1 {2}metadata-lines/mu);
    expect(coloured).toMatch(/^\+ +11 {2}content-evidence/mu); // kept: default colour
    expect(await runTty(['--explain', '--no-color'])).not.toMatch(/\u001b\[/u);
    // NO_COLOR (no-color.org) is --no-color, for --diff and for the messages too.
    for (const argv of [['--explain'], ['--diff'], ['--bad-option']]) {
      let out = '';
      const write = (s: string) => (out += s);
      await main({ argv, stdin: Readable.from([Buffer.from(seedInput)]), stdout: { isTTY: true, write }, stderr: { isTTY: true, write }, env: { NO_COLOR: '1' } });
      expect(out).toMatch(argv[0] === '--bad-option' ? /^boilerstrip: unknown option/u : /^(?:- |--- )/u);
      expect(out).not.toMatch(/\u001b\[/u);
    }
    expect((await runMain(['--explain'], { stdin: seedInput })).stdout).not.toMatch(/\u001b\[/u);
  });

  it('FORCE_COLOR: "0" turns colour off on a terminal, another value gives it to a pipe (not to files); NO_COLOR still wins', async () => {
    const run = async (argv: string[], env: Record<string, string>, tty: boolean) => {
      let out = '';
      const write = (s: string) => (out += s);
      await main({ argv, stdin: Readable.from([Buffer.from(seedInput)]), stdout: { isTTY: tty, write }, stderr: { isTTY: tty, write }, env });
      return out;
    };
    const escape = /\u001b\[/u;
    expect(await run(['--explain'], {}, true)).toMatch(escape);
    expect(await run(['--explain'], { FORCE_COLOR: '0' }, true)).not.toMatch(escape);
    expect(await run(['--explain'], {}, false)).not.toMatch(escape);
    expect(await run(['--explain'], { FORCE_COLOR: '1' }, false)).toMatch(escape);
    expect(await run(['--bogus'], { FORCE_COLOR: '1' }, false)).toMatch(/^\u001b\[31mboilerstrip:/u);
    expect(await run(['--explain'], { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).not.toMatch(escape);
    const root = tempDir();
    writeFileSync(path.join(root, 'a.txt'), seedInput);
    await main({ argv: ['--explain', '--suffix', '.explain.txt', 'a.txt'], cwd: root, stdin: Readable.from([]), stdout: { write: () => true }, stderr: { write: () => true }, env: { FORCE_COLOR: '1' } });
    expect(readFileSync(path.join(root, 'a.explain.txt'), 'utf8')).not.toMatch(escape);
  });

  it('--no-color holds for a usage error too, which is reported before the options are read', async () => {
    const usageError = async (argv: string[]) => {
      let err = '';
      await main({ argv, stdin: Readable.from([]), stdout: { write: () => true }, stderr: { isTTY: true, write: (s: string) => (err += s) }, env: {} });
      return err;
    };
    expect(await usageError(['--bogus'])).toMatch(/^\u001b\[31mboilerstrip:/u);
    for (const argv of [['--no-color', '--bogus'], ['--bogus', '--no-color'], ['-j', 'abc', '--no-color']]) expect(await usageError(argv)).toMatch(/^boilerstrip: /u);
    // After "--", it is a file's name.
    expect(await usageError(['--bogus', '--', '--no-color'])).toMatch(/^\u001b\[31mboilerstrip:/u);
  });

  it('--explain and --diff write no colour into the files of --suffix, even when run from a terminal', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'a.txt'), seedInput);
    for (const [view, suffix] of [['--explain', '.explain.txt'], ['--diff', '.diff']] as const) {
      let stdout = '';
      const argv = [view, '--suffix', suffix, 'a.txt'];
      const exitCode = await main({ argv, stdin: Readable.from([]), stdout: { isTTY: true, write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd: root });
      expect(exitCode).toBe(0);
      const written = readFileSync(path.join(root, `a${suffix}`), 'utf8');
      expect(written).toMatch(view === '--diff' ? /^-By Samya Kullab/mu : /^- +5 {2}metadata-lines/mu);
      expect(written).not.toMatch(/\u001b\[/u);
    }
  });

  it('--explain and --diff on a terminal show the escape sequences of a page instead of sending them to it', async () => {
    const hostile = `${seedInput}\nClick \u001b]52;c;ZWNobyBoaQ==\u0007here \u001b[2J\u009b31m now \u007f\n`;
    const runTty = async (argv: string[]) => {
      let stdout = '';
      await main({ argv, stdin: Readable.from([Buffer.from(hostile)]), stdout: { isTTY: true, write: (s: string) => (stdout += s) }, stderr: { write: () => true } });
      return stdout;
    };
    // Only the tool's own colour codes (ESC [ digits m) may remain, and no other control character.
    const ownColour = /\u001b\[\d+m/gu;
    for (const argv of [['--explain'], ['--explain', '--no-color'], ['--diff'], ['--diff', '--no-color']]) {
      const out = await runTty(argv);
      expect(out).toContain('Click ␛]52;c;ZWNobyBoaQ==␇here ␛[2J\\x9B31m now ␡');
      expect(out.replace(ownColour, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    }
    // A .explain.txt file is read later with cat: the same there. A diff in a pipe stays what patch reads.
    expect((await runMain(['--explain'], { stdin: hostile })).stdout).toContain('Click ␛]52;c;');
    expect((await runMain(['--diff'], { stdin: hostile })).stdout).toContain('Click \u001b]52;c;ZWNobyBoaQ==\u0007here');
  });

  it('--diff of a CRLF page on a terminal shows its lines without a picture of their CR', async () => {
    let stdout = '';
    const crlfInput = seedInput.replaceAll('\n', '\r\n');
    await main({ argv: ['--diff'], stdin: Readable.from([Buffer.from(crlfInput)]), stdout: { isTTY: true, write: (s: string) => (stdout += s) }, stderr: { write: () => true } });
    expect(stdout).toMatch(/^.*-.*By Samya Kullab, The Associated Press.*$/mu);
    expect(stdout).not.toMatch(/[\r␍]/u);
  });

  it('--explain cuts a long reason between characters, not inside an emoji', async () => {
    const line = `Follow us ${'🎉'.repeat(30)}`;
    for (const cut of [0, 1]) {
      // The pattern's label fills the reason; one more space (folded when matching) moves the cut by one code unit.
      const run = await runMain(['--explain', '--drop', `Follow${' '.repeat(1 + cut)}us ${'🎉'.repeat(30)}`], { stdin: `${line}\n` });
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/matches --drop .*… +│ Follow us/u);
      // No half of a surrogate pair without its other half.
      expect(run.stdout).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u);
      expect(run.stdout).not.toContain('\ufffd');
    }
  });

  it('-f jsonl takes several inputs without -o: one record per line, in input order', async () => {
    const run = await runMain(['-f', 'jsonl', 'seed/input.txt', 'german-article/input.txt'], { cwd: FIXTURES });
    expect(run.exitCode).toBe(0);
    const records = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.map((r) => r.source)).toEqual(['seed/input.txt', 'german-article/input.txt']);
    expect(records[0].text).toBe(seedExpected.trimEnd());
  });

  it('--diff shows the same decisions whatever line endings the input has', async () => {
    const lf = await runMain(['--diff'], { stdin: seedInput, cwd: tempDir() });
    const loneCr = await runMain(['--diff'], { stdin: seedInput.replaceAll('\n', '\r'), cwd: tempDir() });
    expect(loneCr).toMatchObject({ exitCode: 0, stderr: '', stdout: lf.stdout });
    // A CRLF page keeps its CRs in the diff, so that the diff still applies to it: to the clean text with
    // CRLF line endings, what --crlf writes.
    const crlfInput = seedInput.replaceAll('\n', '\r\n');
    const crlf = await runMain(['--diff'], { stdin: crlfInput, cwd: tempDir() });
    expect(crlf).toMatchObject({ exitCode: 0, stderr: '' });
    expect(crlf.stdout.replaceAll('\r\n', '\n')).toBe(lf.stdout);
    // Every line of the hunks ends with its CR, but the page's last line, which has no line end at all.
    const hunkLines = crlf.stdout.split('\n').filter((line) => /^[-+ ]/u.test(line) && !/^(?:---|\+\+\+) /u.test(line));
    expect(hunkLines.length).toBeGreaterThan(10);
    expect(hunkLines.filter((line) => !line.endsWith('\r'))).toEqual([`-${seedInput.slice(seedInput.lastIndexOf('\n') + 1)}`]);
    const clean = await runMain(['--crlf'], { stdin: crlfInput, cwd: tempDir() });
    expect(applyPatch(crlfInput, crlf.stdout)).toBe(clean.stdout);
    expect(applyPatch(seedInput, lf.stdout)).toBe((await runMain([], { stdin: seedInput, cwd: tempDir() })).stdout);
  });

  it('--explain and --diff with -o write .explain.txt and .diff files', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'pages'));
    writeFileSync(path.join(root, 'pages', 'a.txt'), seedInput);
    expect((await runMain(['pages', '--explain', '-o', 'out'], { cwd: root })).exitCode).toBe(0);
    expect(readFileSync(path.join(root, 'out', 'a.explain.txt'), 'utf8')).toMatch(/^- +1 {2}metadata-lines/u);
    expect((await runMain(['pages', '--diff', '-o', 'out'], { cwd: root })).exitCode).toBe(0);
    expect(readFileSync(path.join(root, 'out', 'a.diff'), 'utf8')).toMatch(/^-By Samya Kullab/mu);
  });
});

describe('config files', () => {
  function project(files: Record<string, string>): string {
    const root = tempDir();
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), content);
    }
    return root;
  }
  const dropCenter = JSON.stringify({ drop: ['/^The center claims/'] });

  it.each([
    ['boilerstrip.config.json', dropCenter],
    ['.boilerstriprc', dropCenter],
    ['.boilerstriprc.json', dropCenter],
    ['package.json', JSON.stringify({ name: 'x', boilerstrip: { drop: ['/^The center claims/'] } })],
  ])('is found in %s from a subfolder of the working directory upwards', async (name, content) => {
    const root = project({ [name]: content, 'deep/er/.keep': '' });
    const run = await runMain([], { stdin: seedInput, cwd: path.join(root, 'deep', 'er') });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(run.stdout).not.toContain('The center claims');
    expect(run.stdout).toContain('KYIV');
  });

  it.each([
    ['an unknown language', { language: 'xx' }, "boilerstrip.config.json: key 'language': no stop-word list for language 'xx' (use an ISO 639-1 code such as en, de, fr)"],
    ['an unknown rule id', { disableRules: ['teaser'] }, /^boilerstrip\.config\.json: key 'disableRules\.0': unknown rule id 'teaser'; valid ids: /u],
    ['a pattern that does not compile', { drop: ['/(/'] }, /^boilerstrip\.config\.json: key 'drop\.0': invalid regular expression \/\(\/: /u],
  ])('reports %s in a config file in one line, naming the file', async (_, config, message) => {
    const root = project({ 'boilerstrip.config.json': JSON.stringify(config) });
    const run = await runMain([], { stdin: seedInput, cwd: root });
    expect(run.exitCode).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.replace(/^boilerstrip: /u, '')).toMatch(message);
    // The same value on the command line is a usage error, with the pointer to --help.
    const flag = await runMain(['--language', 'xx'], { stdin: seedInput, cwd: tempDir() });
    expect(flag.exitCode).toBe(2);
    expect(flag.stderr).toMatch(/^boilerstrip: --language: no stop-word list for language 'xx'.*\nTry 'boilerstrip --help' for usage\.\n$/u);
  });

  it('thresholds in a config file reach strip() and --print-config says where they came from', async () => {
    const lone = 'The regional airline will add three new routes next spring, connecting the city with two islands in the south and a ski resort in the north.\n\nThe airline expects the routes to carry forty thousand passengers in their first year, most of them tourists.\n\nGreat news for the city, finally!\n';
    const plain = await runMain([], { stdin: lone, cwd: project({}) });
    expect(plain.stdout).not.toContain('Great news');
    const root = project({ 'boilerstrip.config.json': JSON.stringify({ thresholds: { lengthLow: 20, stopwordsLow: 0.1, stopwordsHigh: 0.1 } }) });
    const tuned = await runMain([], { stdin: lone, cwd: root });
    expect(tuned).toMatchObject({ exitCode: 0, stderr: '' });
    expect(tuned.stdout).toContain('Great news for the city, finally!');
    const printed = await runMain(['--print-config'], { cwd: root });
    expect(printed.stdout).toMatch(/^thresholds\.lengthLow +20 +boilerstrip\.config\.json$/mu);
    expect(printed.stdout).toMatch(/^thresholds\.lengthHigh +200 +default$/mu);
  });

  it('reads a config file saved with a byte-order mark (UTF-8 or UTF-16, as Windows editors and PowerShell write)', async () => {
    const json = JSON.stringify({ drop: ['/^The center claims/'] });
    const utf16be = Buffer.from(`\ufeff${json}`, 'utf16le').swap16();
    for (const bytes of [Buffer.from(`\ufeff${json}`), Buffer.from(`\ufeff${json}`, 'utf16le'), utf16be]) {
      const root = project({});
      writeFileSync(path.join(root, 'boilerstrip.config.json'), bytes);
      writeFileSync(path.join(root, 'named.json'), bytes);
      for (const args of [[], ['--config', 'named.json']]) {
        const run = await runMain(args, { stdin: seedInput, cwd: root });
        expect(run).toMatchObject({ exitCode: 0, stderr: '' });
        expect(run.stdout).not.toContain('The center claims');
      }
    }
  });

  it('--config FILE is used instead of searching', async () => {
    const root = project({ 'boilerstrip.config.json': JSON.stringify({ drop: ['/^KYIV/'] }), 'site.json': dropCenter });
    const run = await runMain(['--config', 'site.json'], { stdin: seedInput, cwd: root });
    expect(run.stdout).not.toContain('The center claims');
    expect(run.stdout).toContain('KYIV');
  });

  it('the command line wins for single values; lists add up; --print-config says where each came from', async () => {
    const root = project({ 'boilerstrip.config.json': JSON.stringify({ format: 'json', drop: ['Sign up'], language: 'de' }) });
    const run = await runMain(['--print-config', '--drop', 'Read more', '--language', 'fr'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^config file +boilerstrip\.config\.json$/mu);
    expect(run.stdout).toMatch(/^format +"json" +boilerstrip\.config\.json$/mu);
    expect(run.stdout).toMatch(/^language +"fr" +--language$/mu);
    expect(run.stdout).toMatch(/^drop +"Sign up" +boilerstrip\.config\.json\n +"Read more" +--drop$/mu);
  });

  it.each([
    ['a wrong key', { dorp: ['x'] }, /^boilerstrip: boilerstrip\.config\.json: unknown key 'dorp' \(expected one of: format, withMetadata, keep, drop, disableRules, language, thresholds\)\n/u],
    ['a wrong type', { drop: 'x' }, /^boilerstrip: boilerstrip\.config\.json: key 'drop': expected array, received string\n/u],
    ['a wrong list item', { keep: ['ok', 3] }, /^boilerstrip: boilerstrip\.config\.json: key 'keep\.1': expected string, received number\n/u],
    ['a wrong format', { format: 'xml' }, /^boilerstrip: boilerstrip\.config\.json: key 'format': expected one of "text"\|"json"\|"jsonl"\n/u],
    ['an unknown rule id', { disableRules: ['menu-runs', 'teaser'] }, /^boilerstrip: boilerstrip\.config\.json: key 'disableRules\.1': unknown rule id 'teaser'; valid ids: /u],
    ['a rule that cannot be switched off', { disableRules: ['user-patterns'] }, /^boilerstrip: boilerstrip\.config\.json: key 'disableRules\.0': rule 'user-patterns' cannot be switched off/u],
    ['an invalid regex', { drop: ['ok', '/(/'] }, /^boilerstrip: boilerstrip\.config\.json: key 'drop\.1': invalid regular expression \/\(\/: /u],
    ['a bad flag', { keep: ['/x/I'] }, /^boilerstrip: boilerstrip\.config\.json: key 'keep\.0': /u],
    ['an unknown language', { language: 'xx' }, /^boilerstrip: boilerstrip\.config\.json: key 'language': no stop-word list for language 'xx'/u],
    ['a misspelt threshold', { thresholds: { lenghtLow: 3 } }, /^boilerstrip: boilerstrip\.config\.json: unknown key 'thresholds\.lenghtLow' \(expected one of: lengthLow, lengthHigh, stopwordsLow, stopwordsHigh, maxRegionGap, minRegionShare\)\n/u],
    ['a threshold of the wrong type', { thresholds: { lengthLow: '70' } }, /^boilerstrip: boilerstrip\.config\.json: key 'thresholds\.lengthLow': expected number, received string\n/u],
    ['thresholds that contradict each other', { thresholds: { lengthLow: 300 } }, /^boilerstrip: boilerstrip\.config\.json: key 'thresholds\.lengthLow': threshold lengthLow must not exceed lengthHigh\n/u],
  ])('%s is one line naming the file and the key, exit 2', async (_, config, stderr) => {
    const root = project({ 'boilerstrip.config.json': JSON.stringify(config) });
    const run = await runMain([], { stdin: seedInput, cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(stderr);
    expect(run.stdout).toBe('');
  });

  it('a format from the config file that --explain cannot use is named with its file', async () => {
    const root = project({ '.boilerstriprc.json': JSON.stringify({ format: 'json' }) });
    const run = await runMain(['--explain'], { stdin: seedInput, cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^boilerstrip: --explain shows the decisions as text; it cannot be combined with format "json" from \.boilerstriprc\.json\n/u);
  });

  it('passes over empty files and package.json files without a usable "boilerstrip" key, up to the next config', async () => {
    const root = project({
      '.boilerstriprc.json': dropCenter,
      'deep/package.json': JSON.stringify({ name: 'x', boilerstrip: false }),
      'deep/er/package.json': JSON.stringify({ name: 'y' }),
      'deep/er/boilerstrip.config.json': '  \n',
    });
    const run = await runMain(['--print-config'], { cwd: path.join(root, 'deep', 'er') });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(run.stdout).toContain(path.join('..', '..', '.boilerstriprc.json'));
  });

  it('a config file that is there but cannot be read is a usage error, not passed over', async () => {
    const root = project({ '.boilerstriprc.json': dropCenter, 'deep/.keep': '' });
    mkdirSync(path.join(root, 'deep', 'boilerstrip.config.json'));
    expect(await runMain([], { stdin: seedInput, cwd: path.join(root, 'deep') })).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/^boilerstrip: boilerstrip\.config\.json: cannot read the config file: /u),
    });
  });

  it('invalid JSON and a missing --config file are usage errors naming the file', async () => {
    const root = project({ '.boilerstriprc': '{ drop: [' });
    expect(await runMain([], { stdin: seedInput, cwd: root })).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^boilerstrip: \.boilerstriprc: not valid JSON: /u) });
    expect(await runMain(['--config', 'nope.json'], { cwd: root })).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^boilerstrip: nope\.json: cannot read the config file: no such file or folder\n/u) });
  });
});

describe('README', () => {
  it("the newsletter list example is a valid config that drops the newsletter's prompts", async () => {
    const readme = readFileSync(path.join(FIXTURES, '..', 'README.md'), 'utf8');
    const example = /For a list you use every time[\s\S]*?```json\n([\s\S]*?)```/u.exec(readme)![1]!;
    const root = tempDir();
    writeFileSync(path.join(root, 'boilerstrip.config.json'), example);
    const page = seedInput.replace('The center claims', 'Sign up for the Morning Brief!\n\nThis story first appeared in the Morning Brief newsletter.\n\nThe center claims');
    const run = await runMain(['-f', 'json'], { stdin: page, cwd: root });
    expect(run.exitCode).toBe(0);
    const removed = JSON.parse(run.stdout).removed.filter((r: { rule: string }) => r.rule === 'user-patterns');
    expect(removed.map((r: { text: string }) => r.text)).toEqual(['Sign up for the Morning Brief!', 'This story first appeared in the Morning Brief newsletter.']);
  });
});

describe('README --explain example', () => {
  it('is an excerpt of the real output: every row it shows is a row of --explain on the seed page', async () => {
    const readme = readFileSync(path.join(FIXTURES, '..', 'README.md'), 'utf8');
    const example = /```text\n\$ boilerstrip --explain fixtures\/seed\/input\.txt\n([\s\S]*?)```/u.exec(readme)![1]!;
    const run = await runMain(['--explain'], { stdin: seedInput });
    const real = new Set(run.stdout.split('\n'));
    const rows = example.split('\n').filter((row) => row !== '' && row !== '…');
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect([row, real.has(row)]).toEqual([row, true]);
  });
});

describe('--explain on a page of many blocks', () => {
  it('formats 200,000 blocks without running out of stack', async () => {
    const { formatExplain } = await import('../../src/cli/explain.js');
    const { Chalk } = await import('chalk');
    const count = 200_000;
    const input = 'x\n'.repeat(count);
    const blocks = Array.from({ length: count }, (_, i) => ({ lines: [i + 1, i + 1] as [number, number], piece: false, text: 'x', kept: i % 2 === 0, rule: 'content-evidence', reason: 'a reason' }));
    const out = formatExplain(input, { text: '', metadata: {}, language: 'en', blocks }, new Chalk({ level: 0 }));
    expect(out.endsWith(`# ${count / 2} of ${count} lines kept, ${count / 2} dropped; language en\n`)).toBe(true);
  });

  it('gives a line inside a joined paragraph that has a report of its own (a browser mark) that report, and the paragraph\'s to the others', async () => {
    const { formatExplain } = await import('../../src/cli/explain.js');
    const { Chalk } = await import('chalk');
    const input = 'The ferry went\n[IMG]\nback into service.\n';
    const blocks = [
      { lines: [1, 3] as [number, number], piece: false, text: 'The ferry went back into service.', kept: true, rule: 'content-evidence', reason: 'prose' },
      { lines: [2, 2] as [number, number], piece: false, text: '[IMG]', kept: false, rule: 'browser-marks', reason: 'a mark' },
    ];
    const out = formatExplain(input, { text: '', metadata: {}, language: 'en', blocks }, new Chalk({ level: 0 }));
    expect(out.split('\n').slice(0, 3)).toEqual([
      '+ 1  content-evidence  prose  │ The ferry went',
      '- 2  browser-marks     a mark │ [IMG]',
      '+ 3  content-evidence  prose  │ back into service.',
    ]);
  });
});
