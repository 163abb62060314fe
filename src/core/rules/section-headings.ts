// The headings that open a list of other content rather than article text ("Top Stories", "Related
// Articles", "You may also like", "Lesen Sie auch", 関連記事 …), in the languages the stop-word lists cover.
// Shared by the section-openers rule, which drops such a heading and the run it opens, and by the cut of
// run-on lines (pipeline/cut-section-headings.ts), which parts such a heading from the text it was joined to.
import { wholeLine } from './rule.js';

/** Lower-case phrases matched against a block's bare form as a whole (see wholeLine). */
const PHRASES = [
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
];

export const OPENERS = wholeLine(PHRASES);

/**
 * The first two characters (lower case) that a phrase of OPENERS can start with, for a quick look before
 * the whole test (cut-section-headings tries every capitalised word of a page joined on one line).
 */
const OPENER_STARTS: ReadonlySet<string> = new Set(PHRASES.flatMap(starts));
/** OPENER_STARTS of two ASCII characters as numbers (startKey), looked up without making a string. */
const ASCII_STARTS: ReadonlySet<number> = new Set([...OPENER_STARTS].filter((start) => start.charCodeAt(0) < 0x80 && start.charCodeAt(1) < 0x80).map((start) => start.charCodeAt(0) * 0x10000 + start.charCodeAt(1)));

/** Whether a phrase of OPENERS may start with the two characters of `text` at `at`, read in lower case. */
export function mayStartOpener(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  if (a < 0x80 && b < 0x80) return ASCII_STARTS.has(asciiLower(a) * 0x10000 + asciiLower(b));
  return OPENER_STARTS.has(text.slice(at, at + 2).toLowerCase());
}

function asciiLower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/** The first two characters of every text the pattern `source` matches, read off its leading alternatives. */
function starts(source: string): string[] {
  if (source.startsWith('(?:')) {
    let depth = 0;
    let end = 0;
    const alternatives: string[] = [];
    let from = 3;
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) {
        end = i;
        break;
      } else if (c === '|' && depth === 1) {
        alternatives.push(source.slice(from, i));
        from = i + 1;
      }
    }
    alternatives.push(source.slice(from, end));
    const optional = source[end + 1] === '?';
    const rest = source.slice(end + (optional ? 2 : 1));
    return [...alternatives.flatMap((a) => starts(a + rest)), ...(optional ? starts(rest) : [])];
  }
  const start = source.slice(0, 2);
  if (/[\\^$.|?*+()[\]{}]/u.test(start) || start.length < 2) throw new Error(`section-headings: cannot read the start of ${source}`);
  return [start];
}
