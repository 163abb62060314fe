// strip() called from plain JavaScript, where nothing checks the types: a wrong argument is a TypeError
// that names it, thrown before the pipeline starts, never a crash deep inside a step.
import { describe, expect, it } from 'vitest';
import { strip } from '../../src/core/strip.js';
import { PROSE_A, PROSE_B } from '../helpers/page.js';

const PAGE = `${PROSE_A}\n\nSign up for our newsletter\n\n${PROSE_B}`;
/** strip() as JavaScript may call it. */
const looseStrip = strip as (text: unknown, options?: unknown) => ReturnType<typeof strip>;

describe('strip() arguments from plain JavaScript', () => {
  it.each([
    [42, /^strip\(\) takes the page's text as a string, not a number/u],
    [undefined, /^strip\(\) takes the page's text as a string, not undefined/u],
    [null, /^strip\(\) takes the page's text as a string, not null/u],
    [new TextEncoder().encode('bytes'), /not a Uint8Array: decode it first/u],
    [{ text: 'x' }, /not an object/u],
  ])('refuses a page that is not a string: %o', (text, message) => {
    expect(() => looseStrip(text)).toThrow(TypeError);
    expect(() => looseStrip(text)).toThrow(message);
  });

  it.each([
    ['en', /^strip\(\) takes its options as an object, not a string/u],
    [[], /not an array/u],
    [{ keep: 'Sign up for our newsletter' }, /^option keep must be a list of strings and regular expressions, not a string/u],
    [{ keep: [null] }, /^option keep\[0\] must be a string or a regular expression, not null/u],
    [{ drop: ['x', 42] }, /^option drop\[1\] must be a string or a regular expression, not a number/u],
    [{ disabledRules: 'teasers' }, /^option disabledRules must be a list of rule ids, not a string/u],
    [{ disabledRules: [1] }, /^option disabledRules\[0\] must be a rule id \(a string\), not a number/u],
    [{ language: 42 }, /^option language must be an ISO 639-1 code \(a string\), not a number/u],
    [{ thresholds: 'x' }, /^option thresholds must be an object of numbers, not a string/u],
    [{ disableRules: ['teasers'] }, /^unknown option 'disableRules' \(did you mean 'disabledRules'\?\); options: /u],
    [{ kep: ['x'] }, /^unknown option 'kep'; options: language, disabledRules, keep, drop, siteEvidence, thresholds$/u],
  ])('refuses wrong options with a TypeError naming them: %o', (options, message) => {
    expect(() => looseStrip(PAGE, options)).toThrow(TypeError);
    expect(() => looseStrip(PAGE, options)).toThrow(message);
  });

  it('takes null or undefined as "not given", for the options and for each of them', () => {
    const plain = strip(PAGE);
    expect(looseStrip(PAGE, null)).toEqual(plain);
    expect(looseStrip(PAGE, { keep: null, drop: undefined, disabledRules: null, language: null, thresholds: null })).toEqual(plain);
    // Partial<Thresholds> allows an undefined value: it leaves that threshold at its default.
    expect(strip(PAGE, { thresholds: { lengthLow: undefined } })).toEqual(plain);
  });

  it('still reads patterns made in another realm (a vm context) as regular expressions', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('/^sign up for our newsletter$/i') as RegExp;
    expect(strip(PAGE, { drop: [foreign] }).text).not.toContain('Sign up');
  });
});
