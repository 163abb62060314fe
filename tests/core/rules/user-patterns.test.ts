import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePattern } from '../../../src/core/rules/user-patterns.js';
import { strip } from '../../../src/core/strip.js';
import { PROSE_A, PROSE_B } from '../../helpers/page.js';

const seed = readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'fixtures', 'seed', 'input.txt'), 'utf8');
const decisionOf = (text: string, line: string) => strip(text).blocks.find((b) => b.text === line);

describe('user-patterns (keep and drop)', () => {
  // Four article paragraphs, the user's newsletter prompt in the middle.
  const body = [PROSE_A, PROSE_B, PROSE_A.replace('council', 'board'), PROSE_B.replace('plan', 'idea')];
  const page = [...body.slice(0, 2), 'Sign up for the Morning Brief!', ...body.slice(2)].join('\n\n');

  it('drops a whole line given as plain text, ignoring case and surrounding punctuation', () => {
    const result = strip(page, { drop: ['sign up for the morning brief'] });
    expect(result.text).toBe(body.join('\n\n'));
    expect(result.blocks[2]).toMatchObject({ kept: false, rule: 'user-patterns', reason: 'matches --drop "sign up for the morning brief"' });
  });

  it('does not drop a line that only contains the text', () => {
    expect(strip(page, { drop: ['morning brief'] }).blocks[2]!.rule).not.toBe('user-patterns');
  });

  it('drops lines matching a regular expression', () => {
    const result = strip(page, { drop: [/^sign up/i] });
    expect(result.blocks[2]).toMatchObject({ kept: false, rule: 'user-patterns', reason: 'matches --drop /^sign up/i' });
  });

  it('keeps a line a rule would drop, and keep wins over drop', () => {
    const line = 'By Samya Kullab, The Associated Press';
    expect(decisionOf(seed, line)!.kept).toBe(false);
    const result = strip(seed, { keep: [line], drop: [line] });
    expect(result.blocks.find((b) => b.text === line)).toMatchObject({ kept: true, rule: 'user-patterns' });
    expect(result.text).toContain(line);
    expect(result.metadata.author).toBe('Samya Kullab, The Associated Press'); // still read as metadata
  });

  it('keeps a pinned line even outside the main text region', () => {
    const line = 'Unionized faculty at Ontario’s 24 public colleges have voted 79 per cent in favour of strike action. The Ontario Public Service Employees Union (OPSEU) says more than 76 per cent of the membership...';
    expect(decisionOf(seed, line)!.kept).toBe(false);
    expect(strip(seed, { keep: [/^Unionized faculty/] }).text).toContain(line);
  });

  it('is compiled from the CLI syntax, and an invalid expression names itself', () => {
    expect(parsePattern('Read more')).toBe('Read more');
    expect(parsePattern('/^read more$/i')).toEqual(/^read more$/i);
    expect(() => parsePattern('/([a-z/')).toThrow(/invalid regular expression \/\(\[a-z\//u);
    // From plain JavaScript, a pattern that is no string is named as such, not failed on inside.
    expect(() => parsePattern(5 as never)).toThrow(new TypeError('a pattern is a string ("text" or "/source/flags"), not a number'));
  });

  it('refuses an empty pattern given to strip(), as the command line does', () => {
    expect(() => strip(PROSE_A, { keep: ['  '] })).toThrow(new RangeError('option keep[0] is an empty pattern, which matches no line'));
    expect(() => strip(PROSE_A, { drop: ['Read more', ''] })).toThrow(/option drop\[1\] is an empty pattern/u);
  });

  it('matches a plain pattern without letters to that line only, not to every line without letters', () => {
    const lines = ['2024', '6:47', '* * *', '|', '(2024)'];
    const numbers = [PROSE_A, ...lines, PROSE_B].join('\n\n');
    const matched = (keep: string) => strip(numbers, { keep: [keep] }).blocks.filter((b) => b.rule === 'user-patterns').map((b) => b.text);
    expect(matched('2024')).toEqual(['2024']);
    expect(matched(' * *   * ')).toEqual(['* * *']);
    expect(matched('6:47')).toEqual(['6:47']);
  });

  it('reads /source/FLAGS with capital letters as an expression with bad flags, not as plain text', () => {
    expect(() => parsePattern('/^sponsored by/I')).toThrow(/invalid regular expression \/\^sponsored by\/I: .*flags/u);
  });

  it('reads /Word/Word with other capitals as plain text, a breadcrumb line', () => {
    expect(parsePattern('/News/Sport')).toBe('/News/Sport');
    const breadcrumb = `${page}\n\n/News/Sport`;
    expect(strip(breadcrumb, { drop: [parsePattern('/News/Sport')] }).blocks.find((b) => b.text === '/News/Sport')).toMatchObject({ kept: false, rule: 'user-patterns' });
  });

  it('refuses an empty pattern (an unset shell variable), which would match no line', () => {
    expect(() => parsePattern('')).toThrow(/empty pattern/u);
    expect(() => parsePattern('  ')).toThrow(/empty pattern/u);
  });

  it('rejects unknown rule ids and languages instead of ignoring them', () => {
    expect(() => strip(page, { disabledRules: ['teaser'] })).toThrow(/unknown rule id 'teaser'; rules that can be disabled: .*teasers/u);
    // A rule or step that exists but cannot be switched off is not called unknown.
    expect(() => strip(page, { disabledRules: ['recipe-card'] })).toThrow(/^rule 'recipe-card' cannot be switched off; rules that can be disabled: /u);
    expect(() => strip(page, { disabledRules: ['user-patterns'] })).toThrow(/^rule 'user-patterns' cannot be switched off/u);
    expect(() => strip(page, { language: 'xx' })).toThrow(/language 'xx'/u);
  });

  it('main-text can be disabled: a region cut off by a section heading comes back', () => {
    const teaser = `${PROSE_A.replace('council', 'city')} ${PROSE_B.replace('plan', 'scheme')}`; // long enough to be good on its own
    const far = `${body.join('\n\n')}\n\nTop Stories\n\nHome\nNews\nSport\nTravel\nWeather\nBusiness\nCulture\nScience\nHealth\nOpinion\n\n${teaser}`;
    expect(strip(far).blocks.at(-1)).toMatchObject({ kept: false, rule: 'main-text' });
    expect(strip(far, { disabledRules: ['main-text'] }).blocks.at(-1)!.kept).toBe(true);
  });
});
