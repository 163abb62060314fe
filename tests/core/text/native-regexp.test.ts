// compileNatively runs a pattern once on a throw-away text (ending with the subject it is compiled for): that
// must change nothing a caller can see.
import { describe, expect, it } from 'vitest';
import { compileNatively, nativeOnFirstUse } from '../../../src/core/text/native-regexp.js';

describe('compileNatively', () => {
  it.each(['', 'g', 'y', 'gu', 'du'].flatMap((flags) => [[flags, 'ab cd'], [flags, 'ab \u2014 cd']]))('leaves lastIndex and later matches as they were (flags %j, subject %j)', (flags, subject) => {
    const plain = new RegExp('\\p{L}+', `${flags}u`.replace(/u(?=.*u)/u, ''));
    const primed = new RegExp(plain.source, plain.flags);
    primed.lastIndex = plain.lastIndex = 2;
    expect(compileNatively(primed, subject)).toBe(primed);
    expect(primed.lastIndex).toBe(2);
    for (const text of ['ab cd', '12 ef', 'ghi']) expect(String(primed.exec(text))).toBe(String(plain.exec(text)));
    expect(primed.lastIndex).toBe(plain.lastIndex);
  });
});

describe('nativeOnFirstUse', () => {
  it('hands back the same pattern every time', () => {
    const pattern = /^top (?:stories|news)$/u;
    const get = nativeOnFirstUse(pattern);
    expect(get('top news')).toBe(pattern);
    expect(get('top stories')).toBe(pattern);
    expect(get('top news').test('top news')).toBe(true);
  });
});
