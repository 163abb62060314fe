// sentences-between-prose: sentences poor in stop words between two good pieces of a page joined on one line.
import { describe, expect, it } from 'vitest';
import { strip } from '../../../src/core/strip.js';

const MENU = 'Home News Sport Business Weather Travel Culture Opinion Podcasts';
// Three sentences of prose in a row: each near-good or better, so the run of them is good.
const BEFORE = [
  'The four schools of law that most Muslims follow today were founded by scholars who taught one another over several generations, and their teachings spread along the trade routes of the time.',
  'Each of the schools was named after the scholar who had first written down its rules, and each of them is still taught in the colleges that were built for it centuries ago.',
  'Their followers have always agreed on most of the questions that matter in daily life, even where they disagree about how a rule should be worked out from the sources.',
].join(' ');
// Whole sentences dense with names: too few stop words for prose, and short ones between them.
const NAMES = [
  'Imam Malik, teacher of Imam Shafii, founded the Maliki school.',
  'Imam Abu Hanifa founded the Hanafi school.',
  'Imam Shafii, teacher of Imam Ahmad ibn Hanbal, founded the Shafii school.',
];
const AFTER = [
  'The students of each scholar carried his teaching to other cities, where they opened schools of their own and wrote long commentaries on the books they had brought with them.',
  'Many of those commentaries are still read today, and the oldest of them have been printed again and again since the first presses came to the region in the last century.',
  'Scholars of every school still quote one another in their own work, and it is common for a student to learn from teachers of two or three schools before settling on one.',
].join(' ');
const FOOTER = 'About Us Contact Privacy Policy Terms of Use Advertise With Us Careers';

function decisions(middle: string[]) {
  const line = [MENU, BEFORE, ...middle, AFTER, FOOTER].join(' ');
  expect(line.length).toBeGreaterThan(1000);
  const { blocks } = strip(line);
  return middle.map((text) => blocks.find((b) => b.text === text));
}

describe('sentences-between-prose', () => {
  it('keeps whole sentences poor in stop words between two good pieces of a page joined on one line', () => {
    for (const block of decisions(NAMES)) expect(block).toMatchObject({ kept: true, rule: 'neighbours', piece: true, reason: expect.stringContaining('a sentence between two article paragraphs') as unknown });
  });

  it('does not keep a heading over links, written with a label and a colon, between them', () => {
    const heading = 'Partner sites: RTVI: Amnesty International, Iran protests, death toll.';
    const [block] = decisions([heading, ...NAMES]);
    expect(block).toMatchObject({ kept: false });
  });

  it('does not keep a run of labels that happens to end with a full stop: a sentence has words in lower case', () => {
    const labels = 'Maliki Hanafi Shafii Hanbali Jafari Zaidi Ibadi Zahiri Awzai Thawri Laythi Jariri Tabari Sufyani Ismaili Nizari Mustali.';
    const [block] = decisions([NAMES[0]!, labels, NAMES[1]!]).slice(1);
    expect(block).toMatchObject({ kept: false });
  });

  describe('under a near-good piece', () => {
    // One sentence of prose, near-good alone (under 200 characters), and one over 200 characters, good alone.
    const NEAR_GOOD = 'The schools have been taught side by side in the same cities for a very long time.';
    const GOOD =
      'The students of each scholar carried his teaching to other cities, where they opened schools of their own, wrote long commentaries on the books they had brought with them, and taught a new generation of scholars.';
    const run = [NAMES[2]!, 'It was a long road.'];
    const around = (lines: string[]) => {
      const line = [MENU, ...lines, AFTER, FOOTER].join(' ');
      expect(line.length).toBeGreaterThan(1000);
      return strip(line).blocks;
    };

    it('keeps the run when a good piece stands below it: the article goes on there', () => {
      const blocks = around([BEFORE, MENU, NEAR_GOOD, ...run, GOOD]);
      for (const text of run) expect(blocks.find((b) => b.text === text)).toMatchObject({ kept: true, reason: expect.stringContaining('a sentence between two article paragraphs') as unknown });
    });

    it('does not keep it when the near-good piece is below and the good one above (a bio under the article)', () => {
      const blocks = around([BEFORE, MENU, GOOD, ...run, NEAR_GOOD, MENU]);
      expect(blocks.find((b) => b.text === run[0])).toMatchObject({ kept: false });
    });
  });
});

