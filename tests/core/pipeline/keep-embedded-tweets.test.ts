import { describe, expect, it } from 'vitest';
import { isTweetSignature } from '../../../src/core/pipeline/keep-embedded-tweets.js';
import { strip } from '../../../src/core/strip.js';

const para = (n: number) =>
  `The council said on day ${n} that the coastal road would stay closed while crews cleared the fallen trees and the gravel that the storm had washed across both lanes.`;
const signature = '— County Roads (@CountyRoadsTeam) March 4, 2025';
const tweet = 'Crews are clearing the road at the lighthouse bend. Please stay away until we have finished.';

describe('isTweetSignature', () => {
  it('reads the signature line of an embedded tweet', () => {
    expect(isTweetSignature(signature)).toBe(true);
    expect(isTweetSignature('— tall glass of coquito 🎄 (@_orabora) November 19, 2019')).toBe(true);
    expect(isTweetSignature('— Le Conseil (@conseil_general) 9 octobre 2018')).toBe(true);
    // A page joined on one line carries the next sentence after it.
    expect(isTweetSignature(`${signature} Drivers are asked to use the inland route.`)).toBe(true);
  });

  it('takes no other line', () => {
    expect(isTweetSignature('County Roads (@CountyRoadsTeam) March 4, 2025')).toBe(false); // no em dash
    expect(isTweetSignature('— County Roads, March 4, 2025')).toBe(false); // no handle
    expect(isTweetSignature('— County Roads (@CountyRoadsTeam)')).toBe(false); // no date
    expect(isTweetSignature('— County Roads (@CountyRoadsTeam) on roads and bridges in 2025')).toBe(false);
    expect(isTweetSignature('— “We will see,” the coach said.')).toBe(false);
    expect(isTweetSignature('Follow us (@CountyRoadsTeam) — March 4, 2025')).toBe(false);
  });
});

describe('embedded-tweet', () => {
  const page = (...body: string[]) => [para(1), '', para(2), '', ...body, '', 'Latest tweets', 'Tide tables are online.', '— Harbour Office (@HarbourOffice) March 3, 2025', '', 'Share', 'Contact us'].join('\n');

  it('keeps the signature of a tweet the article quotes, also when it repeats and at the article end', () => {
    const { blocks } = strip(page(tweet, '', signature, '', para(3), '', 'The sea wall has been checked and is safe. We hope to reopen the road at noon.', '', signature));
    const signatures = blocks.filter((b) => b.text === signature);
    expect(signatures).toHaveLength(2);
    for (const b of signatures) expect(b).toMatchObject({ kept: true, rule: 'embedded-tweet', reason: 'signature of a tweet quoted in the article' });
  });

  it('leaves the signatures of a feed of tweets outside the article dropped', () => {
    const { blocks } = strip(page(tweet, '', signature));
    expect(blocks.find((b) => b.text.startsWith('— Harbour Office'))?.kept).toBe(false);
  });

  it('can be disabled, and the user’s --drop still wins', () => {
    const input = page(para(3), '', tweet, '', signature);
    expect(strip(input).blocks.find((b) => b.text === signature)?.kept).toBe(true);
    expect(strip(input, { disabledRules: ['embedded-tweet'] }).blocks.find((b) => b.text === signature)?.kept).toBe(false);
    expect(strip(input, { drop: [signature] }).blocks.find((b) => b.text === signature)).toMatchObject({ kept: false, rule: 'user-patterns' });
  });
});
