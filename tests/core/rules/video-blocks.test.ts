import { describe, expect, it } from 'vitest';
import { videoBlocks } from '../../../src/core/rules/video-blocks.js';
import { flagged, PROSE_A } from '../../helpers/page.js';

describe('video-blocks', () => {
  it.each([
    ['a duration and the doubled title under it', `${PROSE_A}\n\n6:47\nBoats return after the storm\nBoats return after the storm`, ['6:47', 'Boats return after the storm', 'Boats return after the storm']],
    ['an hour-long duration', `${PROSE_A}\n\n1:02:33`, ['1:02:33']],
    ['"More Videos"', `${PROSE_A}\n\nMore Videos`, ['More Videos']],
    ['"Watch" and "Play"', `${PROSE_A}\n\nWatch\n\nPlay`, ['Watch', 'Play']],
  ])('fires on %s', (_, text, expected) => {
    expect(flagged(videoBlocks, text)).toEqual(expected);
  });

  it.each([
    ['a time of day inside a sentence', 'The train left at 6:47 in the morning and arrived two hours late.'],
    ['a sentence that starts with "Watch"', 'Watch the skies tonight: the meteor shower will peak around midnight.'],
    ['a score line in prose', `${PROSE_A}\n\nThe final score was 2:1 after extra time.`],
  ])('does not fire on %s', (_, text) => {
    expect(flagged(videoBlocks, text)).toEqual([]);
  });
});
