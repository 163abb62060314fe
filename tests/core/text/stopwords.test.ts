// The precomputed stop-word index must say exactly what the stopwords-iso lists say.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DETECTED_LANGUAGES, hasStopWordList, NOT_A_STOP_WORD, stopWordIndex, stopWordSet } from '../../../src/core/text/stopwords.js';

describe('stop-word index', () => {
  it('is generated from the installed stopwords-iso (run npm run generate:stopwords when this fails)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/build-stopwords.js', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it.each(DETECTED_LANGUAGES)('holds exactly the list of %s', (language) => {
    const index = stopWordIndex();
    const li = DETECTED_LANGUAGES.indexOf(language);
    const member = index.groupsOfLanguage(li);
    const list = stopWordSet(language);
    for (const word of list) expect(member[index.group(word)], word).toBe(1);
    // And nothing more: every word of a group that claims the language is on its list.
    for (const word of ['the', 'der', 'и', '的', 'zzz', 'cats', 'new', 'news']) {
      const group = index.group(word);
      expect(group !== NOT_A_STOP_WORD && member[group] === 1).toBe(list.has(word));
    }
  });

  it('knows every list of stopwords-iso', () => {
    expect(hasStopWordList('en')).toBe(true);
    expect(hasStopWordList('af')).toBe(true);
    expect(hasStopWordList('xx')).toBe(false);
  });
});
