// interface-strings — Evidence: the words of the site's controls rather than of its authors. Share, follow,
// subscribe, newsletter and sign-in prompts, cookie notices, "Advertisement", "Skip to content", "Submit a
// Correction", copyright and legal lines. They are the same on every page of every site and carry no
// article content, so a line that is one of them is boilerplate wherever it stands. Short controls are
// matched as whole lines; cookie, newsletter and copyright notices, which can be full sentences, are
// matched by phrases that articles do not use; so are the legal disclaimers of a footer (trademark notices,
// "not evaluated by the Food and Drug Administration"), the messages a video player prints in place of its
// clip ("This video is no longer available"), which often sit right above the story, calls to follow the
// site on a social network or join its forums, notices that the reader's browser is too old for the page
// ("best viewed in an up-to-date web browser"), requests to write to the writer at an e-mail address
// ("Email Jane Roe at jroe@news.example"), and the site's appeals, in its own voice and outside quotation
// marks, for the reader's money or for switching off an ad blocker ("support our journalism", "we need your
// financial support"), which it prints under every article. Also a poll's results (poll-results.ts), and a
// web form: its fields marked "(required)", with its prompt above and its notes down to its buttons (web-forms.ts).
import type { Finding, Page } from '../types.js';
import { nativeOnFirstUse, patternOnFirstUse } from '../text/native-regexp.js';
import { isPollResults } from './poll-results.js';
import { findWebForms } from './web-forms.js';
import { wholeLine, type Rule } from './rule.js';

const CONTROLS = wholeLine([
  // sharing and following
  'share(?: (?:this|on \\S+|via \\S+|the story|this (?:article|story|page|post)|article|story))?', 'shares?', 'tweet(?: this)?', 'pin(?: it)?', 'e-?mail(?: this)?',
  'print(?: this)?(?: article| page)?', 'copy(?: the)? link', 'link copied', 'whatsapp', 'facebook', 'twitter', 'linkedin', 'reddit', 'pinterest',
  'flipboard', 'telegram', 'messenger', 'instagram', 'youtube', 'tiktok', 'x', 'rss', 'sms', 'comments?', '\\d+ comments?', 'no comments',
  'follow(?: us)?(?: on .{1,40})?', 'like us on facebook', 'follow .{1,40} on (?:facebook|twitter|instagram|linkedin|flipboard|rss|x|youtube|tiktok)',
  'share on (?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|x)', 'save(?: (?:article|story|for later))?', 'bookmark', 'gift (?:this )?article',
  // accounts and subscriptions
  'sign (?:in|up|out)', 'log ?(?:in|out)', 'register', 'subscribe(?: now| today| for .{1,30})?', 'my account', 'account', 'create (?:a free )?account',
  'newsletters?', 'get the newsletter', 'sign up for .{1,40}newsletters?', 'subscribe to .{1,40}', 'already a subscriber\\?.{0,30}', 'become a member',
  'support (?:us|independent journalism|our journalism)', 'donate', 'contribute',
  // page furniture
  'advertisement', 'advertising', 'ad', 'ads', 'sponsored(?: content)?', 'promoted', 'paid (?:content|post)', 'partner content',
  'skip to (?:main )?(?:content|navigation|search|site index|footer)', 'skip to content skip to site index', 'back to top', 'go to top', 'top of page', 'scroll to top', 'jump to',
  'menu', 'main menu', 'close', 'open', 'search', 'search icon', 'go', 'home(?: ?page)?', 'go to home page', 'next', 'previous', 'prev', 'more', 'less',
  'show (?:more|less|all)', 'see (?:more|all)', 'view (?:more|all)', 'load more', 'loading', 'continue reading(?: the main story)?', 'continue', 'expand', 'collapse',
  'submit a correction', 'accessibility feedback', 'report (?:an error|a typo|a correction|this ad)', 'corrections?', 'feedback', 'contact us', 'about us',
  'privacy(?: policy| notice| settings)?', 'terms(?: of (?:use|service|sale))?', 'terms (?:and|&) conditions', 'cookie (?:policy|settings|preferences)',
  'your ad choices', 'ad ?choices', 'do not sell my (?:personal )?info(?:rmation)?', 'site ?map', 'help', 'faq', 'careers', 'jobs', 'press', 'legal', 'imprint',
  'all rights reserved\\.?', 'tags?', 'topics?', 'categories', 'filed under', 'posted in', 'toggle navigation', 'navigation', 'site navigation', 'site index',
  'site information navigation', 'today[\'’]s paper', 'leave a (?:comment|reply)', 'reply', 'cancel reply', 'post comment', 'add comment', 'comment',
  'view comments', 'show comments', 'join the conversation', 'click here', 'read the full (?:story|article)', 'listen(?: to (?:this )?article)?', 'audio',
  'enlarge (?:this )?image', 'toggle caption', 'hide caption', 'image', 'photo', 'photos', 'gallery', 'view gallery', 'fullscreen', 'zoom',
  // a gallery's slide counter, "Image 2 of 5" (the bare form has lost the total)
  '(?:image|photo|picture|slide) \\d+ of', '\\d+ of',
  // other languages
  'teilen', 'drucken', 'anmelden', 'abmelden', 'registrieren', 'abonnieren', 'anzeige', 'werbung', 'kommentare?', 'startseite', 'suche', 'impressum', 'datenschutz(?:erklärung)?',
  'partager', 'imprimer', 'se connecter', "s[’']abonner", 'publicité', 'commentaires?', 'accueil', 'rechercher', 'mentions légales',
  'compartir', 'imprimir', 'iniciar sesión', 'suscríbete', 'publicidad', 'comentarios?', 'inicio', 'buscar',
  'condividi', 'stampa', 'accedi', 'registrati', 'iscriviti', 'pubblicità', 'commenti', 'cerca(?: ?: ?search)?',
  'compartilhar', 'entrar', 'assine', 'publicidade', 'comentários',
  'delen', 'inloggen', 'abonneren', 'advertentie', 'reacties', 'zoeken',
  'udostępnij', 'zaloguj(?: się)?', 'reklama', 'komentarze', 'szukaj',
  'поделиться', 'войти', 'подписаться', 'реклама', 'комментарии', 'поиск',
  '分享', '登录', '注册', '广告', '评论', '搜索', 'シェア', 'ログイン', '広告', 'コメント', '検索',
]);

/** Whether `bare` (a line's lower-case text without punctuation around it) is one of the site's controls. */
export function isControl(bare: string): boolean {
  return CONTROLS.test(bare);
}

/** Notices that may be full sentences but are recognisable by their phrasing. */
const NOTICES = new RegExp(
  [
    '\\b(?:this|our) (?:web)?site uses cookies\\b', '\\bwe use cookies\\b', '\\buses? cookies to\\b', '\\baccept (?:all )?cookies\\b',
    '\\bcookie (?:policy|settings|preferences|consent)\\b', '\\bby (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site\\b',
    'utilizziamo i cookie', 'wir verwenden cookies', 'nous utilisons des cookies', 'utilizamos cookies', 'usamos cookies',
    '\\bsign up (?:for|to) (?:our|the) [\\w\\s]{0,30}newsletter', '\\bsubscribe to (?:our|the) [\\w\\s]{0,30}newsletter',
    '\\bget (?:our|the) [\\w\\s]{0,30}newsletter\\b', '\\bdelivered (?:straight )?(?:to|through) your (?:inbox|letterbox|door)\\b', '\\benter your e-?mail\\b',
    '\\bare (?:registered )?trademarks of\\b', '\\bnot been evaluated by the food and drug administration\\b',
    '\\bthe information (?:provided|contained) (?:on|in) this (?:web)?site\\b',
    '\\bunsubscribe at any time\\b', '\\bno spam\\b', '\\bsubscribe to our\\b',
    '^(?:©|\\(c\\)|copyright\\b)', '©\\s*(?:\\d{4}|\\p{L})', '\\ball rights reserved\\b', '\\balle rechte vorbehalten\\b', '\\btous droits réservés\\b',
    '\\btodos los derechos reservados\\b', '\\btutti i diritti riservati\\b',
    '\\bthis (?:material|article) may not be (?:published|reproduced)', '\\byou (?:have|can read) \\d+ (?:free )?articles? left\\b',
    '\\bhas been (?:automatically )?(?:generated|published) from a syndicated feed\\b', '\\bclick here to\\b',
  ].join('|'),
  'u',
);

/**
 * The three kinds of notice below are told by how a sentence starts, and each has a pattern of its own: a
 * page without such a line never compiles them (compiling them into NOTICES made every one-page run about
 * 3 % slower to start).
 */
const PLAYER_MESSAGES = nativeOnFirstUse(
  new RegExp(
    [
      // What a video player prints in place of its clip: it is unavailable, unsupported, or needs JavaScript.
      // A message is a sentence or two without an attribution ("…, a spokesman said"), so each pattern
      // reaches the end of the line and takes no comma or quotation mark on the way.
      '^(?:sorry, )?(?:this|the) video is (?:currently )?(?:unavailable|not available|no longer available)\\b[^,"“”]{0,80}$',
      '^(?:sorry, )?this video has been (?:removed|made private)\\b[^,"“”]{0,80}$',
      '^(?:this|the) video is (?:not )?playable (?:on|across|in) [^,"“”]{1,60}$', '^video (?:unavailable|not available)\\.?$',
      '^(?:your|this) browser does not support (?:the )?(?:html5 )?video(?: tag| element| playback)?\\.?$',
      '^to view this video,? please enable javascript.{0,120}$',
    ].join('|'),
    'u',
  ),
);
/**
 * Notices that the reader's browser is too old for the page: "This page is best viewed in an up-to-date web
 * browser …", "For the best experience, please update to a modern browser." Each starts a sentence, and a
 * line that quotes or attributes one ("Please update your browser now, the company said") is a story about
 * browsers instead.
 */
const BROWSER_NOTICES = nativeOnFirstUse(
  new RegExp(
    '(?:^|[.!?] )(?:' +
      [
        '(?:this (?:page|site|website) is )?best viewed (?:in|with|using) (?:an? |the )?(?:[\\w-]+ ){0,3}browser',
        '(?:for the best [^,]{0,60}, )?please (?:consider )?(?:updat|upgrad)(?:e|ing) (?:to )?(?:your|an?|the) (?:[\\w-]+ ){0,2}browser',
        'your (?:web )?browser is (?:out of date|outdated|not supported|no longer supported)\\b',
        'you are using an? (?:outdated|unsupported|old) (?:web )?browser\\b',
      ].join('|') +
      ')',
    'u',
  ),
);
const ATTRIBUTION = /\b(?:said|says|told|according to)\b|["“”]/u;

/** Calls to follow the site or its writers elsewhere, or to join its forums. */
const READER_PROMPTS = nativeOnFirstUse(
  new RegExp(
    [
      '^follow (?:us|[^.!?]{1,60}?) on (?:facebook|twitter|instagram|linkedin|youtube|tiktok|x|threads|bluesky|mastodon)\\b',
      '^join (?:our|us (?:in|on) (?:our|the)) (?:[\\w-]+ ){0,2}(?:forums?|newsletter|mailing list|conversation)\\b',
    ].join('|'),
    'u',
  ),
);

/**
 * Words at least one of which every NOTICES and APPEALS phrase contains (with "©" and "(c)", see hasCopyrightSign).
 * Grouped by first letter, the alternatives are tried once per position instead of one after another,
 * about twice as fast: this pattern runs on nearly every line and was the costliest of all.
 */
const NOTICE_WORDS_SOURCE =
  'c(?:ookie|opyright|lick here to)|n(?:ewsletter|o spam|ot been evaluated)|d(?:elivered|roits réservés|erechos reservados|iritti riservati|isable your ad)|s(?:ubscribe to|yndicated|upport our journalism|mall favou?r to ask)|unsubscribe at any time|trademarks of|information (?:provided|contained)|enter your e|r(?:ights reserved|echte vorbehalten)|may not be|articles? left|by (?:continuing|using)|we need your|your inbox';
/** NOTICES' words alone: whether a line that starts like a player message or a prompt has a notice later. */
const NOTICE_WORDS = new RegExp(NOTICE_WORDS_SOURCE);
/** How every line of PLAYER_MESSAGES starts. */
const PLAYER_STARTS = '(?:sorry, )?(?:this |the )?video |(?:your|this) browser does not|to view this video';
/** How every line of READER_PROMPTS starts. */
const PROMPT_STARTS = '(?:follow|join) ';
/**
 * NOTICES' words (group 1), the starts of PLAYER_MESSAGES (group 2), the word BROWSER_NOTICES all contain
 * (group 3) and the starts of READER_PROMPTS (the rest), in one plain pattern that rejects nearly every
 * line cheaply: only a line that has one meets the full, slower pattern, which is compiled only then. The
 * starts are anchored, so that an article sentence that mentions "this video is" in passing does not
 * compile NOTICES on a page that has no notice.
 */
const NOTICE_KEYWORDS = nativeOnFirstUse(new RegExp(`(${NOTICE_WORDS_SOURCE})|(^(?:${PLAYER_STARTS}))|(browser)|^${PROMPT_STARTS}`));

/**
 * What every line that noticeReason calls a notice holds, looked for only where it can stand. In each of
 * the patterns it runs (NOTICES, NEWSLETTER_PITCH, APPEALS, PLAYER_MESSAGES, BROWSER_NOTICES,
 * READER_PROMPTS), a word of NOTICE_WORDS or "browser" starts a word (a space or a `\b` comes before it),
 * except in NOTICES' two named newsletters, where `[\w\s]{0,30}` may join "newsletter" to the word before
 * it ("sign up for our enewsletter"): those start with "sign up for our" or "get the", which the gate looks
 * for instead. Tried only where a word starts, the words are rejected at once inside a word, while
 * NOTICE_KEYWORDS tries them at every position: it ran on nearly every line and was the costliest pattern
 * of all, about 7 % of a pass. On the aeb dev pages this gate takes 5 ms a pass where NOTICE_KEYWORDS and
 * hasCopyrightSign took 8-10 ms, and lets 969 of 25,782 lines through to them.
 */
const NOTICE_GATE_WORDS = nativeOnFirstUse(new RegExp(`\\b(?:${NOTICE_WORDS_SOURCE}|browser|sign up (?:for|to) |get (?:our|the) )`));
/** The other ways a notice can be told: a copyright notice's "(c)" opening the line, a player message's or a prompt's start. */
const NOTICE_GATE_STARTS = new RegExp(`^(?:\\(c\\)|${PLAYER_STARTS}|${PROMPT_STARTS})`);

/**
 * False when noticeReason(lower) is certainly undefined (see NOTICE_GATE_WORDS); true for every line
 * it calls a notice, and for a few others. Exported for its tests.
 */
export function mayBeNotice(lower: string): boolean {
  return NOTICE_GATE_WORDS(lower).test(lower) || NOTICE_GATE_STARTS.test(lower) || lower.includes('©');
}

const NOTICE = 'notice (cookies, newsletter, copyright, appeal)';

/**
 * The site asking its reader for money or to let its ads show, in its own voice ("we", "our", "please"):
 * "we need your financial support", "support our journalism", "please disable your ad blocker", "we have
 * a small favour to ask". Not in a line with quotation marks: there the words are someone's the article
 * quotes ("'We need your support,' the mayor said").
 */
const APPEALS = /\bwe need your (?:financial )?support\b|\bsupport our journalism\b|\bplease disable your ad ?blocker\b|\bwe have a small favou?r to ask\b/u;
/** Quotation marks, single ones only where they open a word (not the apostrophe of "paper's"). */
const QUOTATION_MARKS = /["“”„«»‘]|(?:^|\s)'/u;

/**
 * A newsletter's pitch that does not name the newsletter ("Get the latest headlines in your inbox every
 * morning"): it starts with a verb of offering and, within a word of it, offers what the site sends in its
 * own words ("our", "the", "latest", "best", "top", "breaking", "more", "local" news, stories, headlines,
 * updates or alerts, a word between at most), then "your inbox" in the same sentence with no quotation
 * mark, and that sentence ends within two words of it. How-tos and stories about e-mail name another
 * sender or no offer ("Receive Google Alerts in your inbox", "Let Feedly send the latest stories to your
 * inbox", "Get a confirmation code sent to your inbox", "Get rid of old newsletters in your inbox"), or
 * say "get fewer", "get less", "get on top of"; "Get the news stories in your inbox sorted by sender" goes on. Missed: pitches that offer
 * by name ("Get the Morning Brief in your inbox") or with more words ("Get the day's biggest stories …");
 * taken: "Get top stories from a news app in your inbox".
 */
const NEWSLETTER_PITCH =
  /^(?:get(?! (?:fewer|less|on top)\b)|let|receive) (?:\S+ )?(?:our|the|latest|best|top|breaking|more|local) (?:\S+ )?(?:news|stories|headlines|updates|newsletters?|alerts)\b[^.!?"“”]{0,30}\b(?:in|into|to|meet) your inbox(?: \w+){0,2}(?:[.!]|$)/u;
/** A pitch is a sentence or two: "Let our news meet your inbox. The stories that matter, every morning." */
const PITCH_MAX_CHARS = 160;

/** A notice of NOTICES, a newsletter's pitch (NEWSLETTER_PITCH), or the site's appeal (APPEALS). */
function isNotice(lower: string): boolean {
  return (
    NOTICES.test(lower) ||
    (lower.length <= PITCH_MAX_CHARS && NEWSLETTER_PITCH.test(lower)) ||
    (APPEALS.test(lower) && !QUOTATION_MARKS.test(lower))
  );
}

/** Why the line (lower case) is a notice, or undefined. */
function noticeReason(lower: string): string | undefined {
  return mayBeNotice(lower) ? ungatedNoticeReason(lower) : undefined;
}

/**
 * noticeReason without its gate. Each full pattern runs only on lines that have one of its keywords, so
 * that most pages compile none of them. Exported for the gate's tests.
 */
export function ungatedNoticeReason(lower: string): string | undefined {
  const keyword = NOTICE_KEYWORDS(lower).exec(lower);
  if (keyword !== null && keyword[1] === undefined) {
    // The line starts like a player message or a prompt, or has a browser notice's word; NOTICES' own
    // words may come later in it.
    if (keyword[2] !== undefined) {
      if (PLAYER_MESSAGES(lower).test(lower)) return 'video player message';
    } else if (keyword[3] !== undefined) {
      if (BROWSER_NOTICES(lower).test(lower) && !ATTRIBUTION.test(lower)) return "notice that the reader's browser is too old";
    } else if (READER_PROMPTS(lower).test(lower)) {
      return 'call to follow or join the site';
    }
    return (NOTICE_WORDS.test(lower) || hasCopyrightSign(lower)) && isNotice(lower) ? NOTICE : undefined;
  }
  return (keyword !== null || hasCopyrightSign(lower)) && isNotice(lower) ? NOTICE : undefined;
}

function hasCopyrightSign(lower: string): boolean {
  return lower.includes('©') || lower.includes('(c)');
}

/** Notices are boilerplate up to this length; a longer paragraph that mentions cookies is an article about them. */
const NOTICE_MAX_WORDS = 150;
/** A breadcrumb: three or more short items joined by ›, », >, / or |. */
const BREADCRUMB = /^[^›»>/|]{1,30}(?:\s*[›»>/|]\s*[^›»>/|]{1,30}){2,}$/u;

export const interfaceStrings: Rule = {
  id: 'interface-strings',
  description: 'Controls and notices: share, follow, subscribe, sign-in, cookies, "Advertisement", copyright, old browsers, contact requests, slide counters, breadcrumbs, poll results, web forms.',
  find(page: Page): Finding[] {
    const findings: Finding[] = [];
    page.blocks.forEach((block, i) => {
      const m = page.measures[i]!;
      let reason: string | undefined;
      if (m.words <= 10 && CONTROLS.test(block.bare)) {
        findings.push({ block: i, verdict: 'boilerplate', reason: `interface text "${block.text}"` });
      } else if (m.words <= NOTICE_MAX_WORDS && (reason = noticeReason(block.lower)) !== undefined) {
        findings.push({ block: i, verdict: 'boilerplate', reason });
      } else if (m.words <= CONTACT_MAX_WORDS && block.text.includes('@') && isContactLine(block.text)) {
        findings.push({ block: i, verdict: 'boilerplate', reason: 'request to write to the writer' });
      } else if (m.words <= 15 && !m.endsLikeSentence && hasTwoSeparators(block.text) && BREADCRUMB.test(block.text) && !m.isLink) {
        findings.push({ block: i, verdict: 'boilerplate', reason: 'breadcrumb trail' });
      } else if (isPollResults(block.text, m.words)) {
        findings.push({ block: i, verdict: 'boilerplate', reason: "a poll's results: answers with their share of the votes" });
      }
    });
    const forms = findWebForms(page);
    if (forms.length > 0) {
      const claimed = new Set(findings.map((f) => f.block));
      for (const { block, reason } of forms) if (!claimed.has(block)) findings.push({ block, verdict: 'boilerplate', reason });
    }
    return findings;
  },
};

/** A contact line is a sentence or two; a longer paragraph that quotes an address is the article's. */
const CONTACT_MAX_WORDS = 40;
/**
 * An e-mail address. A match starts only where a run of address characters starts, and each part is
 * bounded (RFC 5321's 64 and 63), so a line of one huge token is not tried at every position.
 */
const EMAIL_ADDRESS = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+/u;
const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}`;
/**
 * A sentence that asks the reader to write to a named person: "Email Jane Roe at", "Write to Jane Roe at",
 * "Jane Roe may be reached at", "Have a tip?". It starts the line or a sentence, and is read from the line
 * as written: the name is what tells it from "feel free to e-mail feedback@…" in a post about the site's
 * own feedback, and the sentence start from a story's "police asked anyone to contact Detective Jane Roe at …".
 */
const CONTACT_REQUEST = patternOnFirstUse(
  String.raw`(?:^|[.!?] )(?:(?:E-?mail|Write to|Contact|Reach) ${NAME} at |${NAME} (?:may|can) be reached at )|^Have a (?:news )?tip\?`,
  'u',
);

/**
 * "Email Jane Roe at jroe@news.example or follow her @janeroe", "Have a tip? Jane Roe may be reached at …":
 * an e-mail address and a request to write to the writer. It ends an article, but is the site's
 * signature, not the story.
 */
function isContactLine(text: string): boolean {
  // The request first: it rejects a line at its sentence starts, while the address pattern tries every position.
  return CONTACT_REQUEST(text).test(text) && EMAIL_ADDRESS.test(text);
}

/** BREADCRUMB needs at least two separators; a character scan rules out most lines before the pattern runs. */
function hasTwoSeparators(text: string): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // › » > / |
    if ((code === 0x203a || code === 0xbb || code === 0x3e || code === 0x2f || code === 0x7c) && ++seen === 2) return true;
  }
  return false;
}
