// compileNatively runs a pattern once on a throw-away text: that must change nothing a caller can see.
import { describe, expect, it } from 'vitest';
import { compileNatively, nativeOnFirstUse } from '../../../src/core/text/native-regexp.js';

describe('compileNatively', () => {
  it.each(['', 'g', 'y', 'gu', 'du'])('leaves lastIndex and later matches as they were (flags %j)', (flags) => {
    const plain = new RegExp('\\p{L}+', `${flags}u`.replace(/u(?=.*u)/u, ''));
    const primed = new RegExp(plain.source, plain.flags);
    primed.lastIndex = plain.lastIndex = 2;
    expect(compileNatively(primed)).toBe(primed);
    expect(primed.lastIndex).toBe(2);
    for (const text of ['ab cd', '12 ef', 'ghi']) expect(String(primed.exec(text))).toBe(String(plain.exec(text)));
    expect(primed.lastIndex).toBe(plain.lastIndex);
  });
});

describe('nativeOnFirstUse', () => {
  it('hands back the same pattern every time', () => {
    const pattern = /^top (?:stories|news)$/u;
    const get = nativeOnFirstUse(pattern);
    expect(get()).toBe(pattern);
    expect(get()).toBe(pattern);
    expect(get().test('top news')).toBe(true);
  });
});
