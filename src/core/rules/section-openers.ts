// section-openers — Evidence: a short line that names a list of other content ("Top Stories", "Most
// Watched Today", "Related Articles", "You may also like", "Lesen Sie auch", "Les plus lus", 関連記事 …).
// Such a heading introduces teasers, not article text, so the heading and everything after it are
// boilerplate until article-like text resumes (two prose paragraphs in a row, at least one of them long, or
// three short ones) or the article's headline (a line that repeats the page title) begins the story.
// Teaser lists never look like that (headline, cut-off summary, time stamp), articles nearly always do.
// A heading with its one item on the same line ("Read more: Storm closes the coast road", "Related: …")
// points to another article in the same way; it opens no run, since its item is on the line.
import type { Finding, Page } from '../types.js';
import { effectiveWords, isLongProse, isProse } from './prose.js';
import { bareForm } from '../pipeline/split-blocks.js';
import { pageTitle } from './page-title.js';
import { wholeLine, type Rule } from './rule.js';

const OPENERS = wholeLine([
  // English
  'top (?:stories|news|headlines|articles|videos|picks)',
  'most (?:watched|read|popular|viewed|shared|commented|emailed|recent)(?: (?:today|this week|now|stories|articles|videos|news|posts|in \\S+(?: \\S+)?))?',
  'more (?:videos|stories|news|articles|headlines|posts|to read|to explore|in \\S+(?: \\S+)?|on this(?: story| topic)?)',
  'more from [\\p{L}\\p{N}\'’&. -]{1,40}',
  'related(?: (?:articles|stories|posts|news|content|coverage|topics|links|videos|reading|items))?',
  'trending(?: (?:now|stories|news|articles|topics|videos|in \\S+(?: \\S+)?))?',
  'recommended(?: (?:for you|stories|articles|reading|videos|posts))?',
  'latest(?: (?:news|stories|articles|headlines|videos|posts|updates))?',
  'read (?:more|next|this next)', 'up next', 'what to read next', 'next up',
  'you (?:may|might) (?:also )?(?:like|enjoy|be interested in)', 'you may have missed',
  'popular(?: (?:now|stories|posts|articles|today|on \\S+))?',
  'editor[\'’]?s[\'’]? (?:picks?|choice)', 'don[\'’]t miss', 'also (?:read|see|on \\S+)', 'see also', 'further reading',
  'in other news', 'around the (?:web|site)', 'from the web', '(?:promoted|sponsored) (?:stories|content|links)',
  'recent (?:posts|stories|articles|news)', 'related posts', 'similar (?:articles|stories|posts)', 'in case you missed it',
  'headlines', 'featured(?: (?:stories|articles|videos|posts))?', 'top picks', 'must read', 'keep reading',
  // German
  'mehr zum thema', 'weitere (?:artikel|nachrichten|themen|meldungen|beiträge|videos)', 'das könnte sie auch interessieren',
  'meistgelesen(?:e)?(?: artikel)?', 'meistgesehen', 'beliebteste(?: artikel)?', 'top-?(?:artikel|themen|meldungen)',
  '(?:verwandte|ähnliche|empfohlene|neueste) (?:artikel|beiträge|themen)', 'aktuelle nachrichten', 'auch interessant',
  'lesen sie auch', 'mehr aus [\\p{L} -]{1,30}', 'neueste nachrichten',
  // French
  'à lire aussi', 'a lire aussi', 'lire aussi', 'les plus (?:lus|partagés|commentés|vus)', 'articles (?:similaires|liés|récents)',
  'sur le même sujet', 'vous aimerez aussi', 'vous (?:aimerez|pourriez aimer) aussi', 'dernières (?:actualités|infos|nouvelles)',
  'à la une', 'tendances', 'recommandés?', 'populaires?', 'plus d[\'’]actualités',
  // Spanish
  'lo más (?:leído|visto|compartido)', 'más (?:leídas|leídos|vistos|noticias)', '(?:noticias|artículos) relacionad[oa]s',
  '(?:también )?te puede interesar', 'últimas noticias', 'tendencias', 'lee también', 'recomendados', 'te recomendamos',
  // Italian
  'i più (?:letti|visti|condivisi)', 'più (?:letti|visti)', '(?:articoli|notizie) correlat[ie]', '(?:ti )?potrebbe (?:anche )?interessarti',
  'ultime notizie', 'leggi anche(?: su)?', 'altri articoli', 'consigliati', 'potrebbero interessarti',
  // Portuguese
  'mais (?:lidas|lidos|vistos|vistas)', '(?:notícias|artigos) relacionad[oa]s', 'você (?:também )?pode gostar', 'leia (?:também|mais)',
  'últimas notícias', 'veja também', 'recomendad[oa]s',
  // Dutch
  'meest (?:gelezen|bekeken)', 'gerelateerde (?:artikelen|berichten)', 'lees ook', 'meer nieuws', 'laatste nieuws', 'ook interessant',
  'aanbevolen', 'populair',
  // Polish
  'najczęściej (?:czytane|oglądane)', 'najpopularniejsze', 'powiązane artykuły', 'zobacz (?:też|także)', 'czytaj (?:też|także)',
  'polecane', 'najnowsze', 'więcej z [\\p{L} -]{1,30}',
  // Russian
  'самое (?:читаемое|популярное)', 'популярное', 'похожие (?:статьи|новости)', 'читайте (?:также|еще|ещё)', 'смотрите также',
  'последние новости', 'рекомендуем', 'новости по теме', 'ещё по теме', 'еще по теме', 'главное',
  // Chinese, Japanese
  '相关(?:文章|新闻|阅读)', '热门(?:文章|新闻)?', '推荐阅读', '最新(?:文章|新闻)', '猜你喜欢', '延伸阅读',
  '関連(?:記事|ニュース)', '人気(?:記事|ランキング)', 'おすすめ(?:記事)?', '最新(?:記事|ニュース)', 'あわせて読みたい', 'こちらもおすすめ',
]);

/** Section headings are short; a longer line that happens to start with "Related" is a sentence. */
const MAX_OPENER_WORDS = 7;
/** A heading and its item on one line: the heading's words and a title. */
const MAX_POINTER_WORDS = 25;
/** The heading's colon comes this early ("das könnte sie auch interessieren" is 33 characters). */
const MAX_HEADING_CHARS = 40;

export const sectionOpeners: Rule = {
  id: 'section-openers',
  description: 'Headings such as "Top Stories" or "Related Articles" and the teaser run they open, until prose resumes.',
  find(page: Page): Finding[] {
    const findings: Finding[] = [];
    const { blocks, measures } = page;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const m = measures[i]!;
      if (m.words <= MAX_POINTER_WORDS && !m.endsLikeSentence && isPointer(block.lower)) {
        findings.push({ block: i, verdict: 'boilerplate', reason: `link to another article after "${block.text.slice(0, block.lower.indexOf(':') + 1)}"` });
        continue;
      }
      if (m.words > MAX_OPENER_WORDS || !OPENERS.test(block.bare)) continue;
      findings.push({ block: i, verdict: 'boilerplate', reason: `section heading "${block.text}"`, opensSection: true });
      let j = i + 1;
      for (; j < blocks.length && !proseResumes(page, j); j++) {
        if (measures[j]!.words <= MAX_OPENER_WORDS && OPENERS.test(blocks[j]!.bare)) break;
        // The article's headline (a line that repeats the page title) starts the article, not another item.
        if (pageTitle(page).isHeadline(page, j)) break;
        findings.push({ block: j, verdict: 'boilerplate', reason: `inside the "${block.text}" section` });
      }
      i = j - 1;
    }
    return findings;
  },
};

/**
 * "Read more: <title>": a section heading, a colon, and the title of the one article it points to. A title
 * does not end like a sentence (checked by the caller), so "In other news: the council voted …" stays text.
 */
function isPointer(lower: string): boolean {
  const colon = lower.indexOf(':');
  if (colon < 1 || colon > MAX_HEADING_CHARS || colon + 1 === lower.length) return false;
  return OPENERS.test(bareForm(lower.slice(0, colon)));
}

/** A prose paragraph this long ends the run alone: teaser summaries are cut off well before it. */
const SELF_STANDING_PROSE_WORDS = 45;
/** Lines this short between two paragraphs ("Advertisement", "3h ago") do not interrupt prose. */
const INTERRUPTION_WORDS = 3;

/**
 * Article text resumes at block j when j is prose and so is the next block that is more than a short
 * interruption, and one of the two is long; or when three short paragraphs of prose follow one another
 * with nothing between them: three sentences in a row are a passage of the article, however short each is
 * (an AP-style story), while a teaser list puts a headline or a label between its summaries.
 */
function proseResumes(page: Page, j: number): boolean {
  const a = page.blocks[j]!;
  const ma = page.measures[j]!;
  if (!isProse(a.text, ma)) return false;
  if (effectiveWords(a.text, ma) >= SELF_STANDING_PROSE_WORDS) return true;
  const k = nextParagraph(page, j);
  const b = page.blocks[k];
  const mb = page.measures[k];
  // One paragraph at the very end of the page is more likely the list's last item than the article.
  if (!b || !mb || !isProse(b.text, mb)) return false;
  if (isLongProse(a.text, ma) || isLongProse(b.text, mb)) return true;
  // Three short ones must follow one another with nothing between: a teaser list may put a short label
  // ("Tennis", "Golf") between its summaries.
  const c = j + 2;
  return k === j + 1 && c < page.blocks.length && isProse(page.blocks[c]!.text, page.measures[c]!);
}

/** The next block after j that is not a short interruption between paragraphs. */
function nextParagraph(page: Page, j: number): number {
  let k = j + 1;
  while (k < page.blocks.length && page.measures[k]!.words <= INTERRUPTION_WORDS && !isProse(page.blocks[k]!.text, page.measures[k]!)) k++;
  return k;
}
