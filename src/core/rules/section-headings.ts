// The headings that open a list of other content rather than article text ("Top Stories", "Related
// Articles", "You may also like", "Lesen Sie auch", 関連記事 …), in the languages the stop-word lists cover.
// Shared by the section-openers rule, which drops such a heading and the run it opens, and by the cut of
// run-on lines (pipeline/cut-section-headings.ts), which parts such a heading from the text it was joined to.
import { wholeLine } from './rule.js';

/** Lower-case phrases matched against a block's bare form as a whole (see wholeLine). */
export const OPENERS = wholeLine([
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
