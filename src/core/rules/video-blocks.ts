// video-blocks — Evidence: the furniture of video players and video lists. A line that is only a
// duration ("6:47", "1:02:33") labels a clip thumbnail; the short lines right after it, up to the end of
// its paragraph, are the clip's title (often printed twice); a title may also carry the duration in
// brackets at its end ("… (3:04)"). Player labels such as "Watch", "Play", "More Videos" or "Now
// Playing" are controls. None of these is ever running article text. (The messages a player prints in
// place of its clip, "This video is no longer available", are notices: see interface-strings.)
import type { Finding, Page } from '../types.js';
import { isDuration } from './patterns.js';
import { wholeLine, type Rule } from './rule.js';

const PLAYER_LABELS = wholeLine([
  'watch(?: (?:now|video|live|the video|full video|more|again))?', 'play(?: (?:video|now|all))?', 'replay', 'pause', 'mute', 'unmute',
  'more videos?', 'videos?', 'now playing', 'autoplay', 'full ?screen', 'captions?', 'live(?: ?stream| tv| video)?', 'watch: .{1,80}',
  'video (?:player|ad)', 'skip ad', 'closed captions?',
  'ansehen', 'abspielen', 'weitere videos', 'regarder', 'lire la vidéo', 'vidéos?', 'ver vídeo', 'reproducir', 'guarda', 'guarda il video',
  'assistir', 'bekijk(?: video)?', 'odtwórz', 'смотреть', '播放', '再生',
]);

/** A clip's title with its running time in brackets at the end: "What Did the Rebel Yell Sound Like? (4:22)". */
const TITLED_DURATION = /\((?:\d{1,2}:)?\d{1,2}:\d{2}\)$/;
/** A titled clip is a headline, not a paragraph. */
const TITLED_MAX_WORDS = 20;

/** Title lines under a duration: short and not sentences. */
const TITLE_MAX_WORDS = 20;

export const videoBlocks: Rule = {
  id: 'video-blocks',
  description: 'Video furniture: durations such as "6:47", the clip titles under them, player labels like "Watch".',
  find(page: Page): Finding[] {
    const { blocks, measures } = page;
    const findings: Finding[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (isDuration(block.text, block.lower)) {
        findings.push({ block: i, verdict: 'boilerplate', reason: `video duration "${block.text}"` });
        let j = i + 1;
        while (
          j < blocks.length &&
          blocks[j]!.paragraph === block.paragraph &&
          measures[j]!.words <= TITLE_MAX_WORDS &&
          !measures[j]!.endsLikeSentence &&
          !isDuration(blocks[j]!.text, blocks[j]!.lower)
        ) {
          findings.push({ block: j, verdict: 'boilerplate', reason: 'title of a video item' });
          j++;
        }
        i = j - 1;
      } else if (measures[i]!.words <= TITLED_MAX_WORDS && block.text.endsWith(')') && TITLED_DURATION.test(block.text)) {
        findings.push({ block: i, verdict: 'boilerplate', reason: 'video title with its running time' });
      } else if (measures[i]!.words <= 8 && PLAYER_LABELS.test(block.bare)) {
        findings.push({ block: i, verdict: 'boilerplate', reason: `video player label "${block.text}"` });
      }
    }
    return findings;
  },
};
