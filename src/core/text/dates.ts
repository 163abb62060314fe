// Reads a calendar date out of a metadata line and writes it as ISO 8601 (YYYY-MM-DD).
import { nativeOnFirstUse } from './native-regexp.js';

const MONTH_NUMBERS: Record<string, number> = {};
const NAMES: [number, string[]][] = [
  [1, ['jan', 'january', 'januar', 'janvier', 'enero', 'gennaio', 'janeiro', 'januari', 'stycznia', 'января', 'jänner']],
  [2, ['feb', 'february', 'februar', 'février', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari', 'lutego', 'февраля']],
  [3, ['mar', 'march', 'märz', 'mars', 'marzo', 'março', 'maart', 'marca', 'марта']],
  [4, ['apr', 'april', 'avril', 'abril', 'aprile', 'kwietnia', 'апреля']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'maja', 'мая']],
  [6, ['jun', 'june', 'juni', 'juin', 'junio', 'giugno', 'junho', 'czerwca', 'июня']],
  [7, ['jul', 'july', 'juli', 'juillet', 'julio', 'luglio', 'julho', 'lipca', 'июля']],
  [8, ['aug', 'august', 'août', 'aout', 'agosto', 'augustus', 'sierpnia', 'августа']],
  [9, ['sep', 'sept', 'september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'września', 'сентября']],
  [10, ['oct', 'october', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'października', 'октября']],
  [11, ['nov', 'november', 'novembre', 'noviembre', 'novembro', 'listopada', 'ноября']],
  [12, ['dec', 'december', 'dezember', 'décembre', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'grudnia', 'декабря']],
];
for (const [n, names] of NAMES) for (const name of names) MONTH_NUMBERS[name] = n;

// A month name is at most 12 letters ("października") and starts a word. Unbounded (\p{L}+) and free to
// start mid-word, the pattern retried every letter of a long word and took quadratic time on a line of
// letters (a 64 KB one ran for minutes); bounded and anchored it is linear and matches the same dates.
const MONTH = '(\\p{L}{1,12})\\.?';
const NAME_DAY_YEAR = nativeOnFirstUse(new RegExp(`(?<!\\p{L})${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'u'));
const DAY_NAME_YEAR = nativeOnFirstUse(new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?${MONTH}\\s+(?:de\\s+)?(\\d{4})`, 'u'));
const ISO = /(\d{4})-(\d{2})-(\d{2})/;
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;
const SLASHED = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
const CJK = /(\d{4})年(\d{1,2})月(\d{1,2})日/;

/** The first date found in `text`, as YYYY-MM-DD, or undefined. */
export function parseDate(text: string): string | undefined {
  const lower = text.toLowerCase();
  let m = ISO.exec(lower);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = NAME_DAY_YEAR(lower).exec(lower);
  if (m && MONTH_NUMBERS[m[1]!]) return iso(+m[3]!, MONTH_NUMBERS[m[1]!]!, +m[2]!);
  m = DAY_NAME_YEAR(lower).exec(lower);
  if (m && MONTH_NUMBERS[m[2]!]) return iso(+m[3]!, MONTH_NUMBERS[m[2]!]!, +m[1]!);
  m = CJK.exec(lower);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = DOTTED.exec(lower);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  m = SLASHED.exec(lower);
  // 10/19/2024 is American; 19/10/2024 is not: a first number above 12 decides.
  if (m) return +m[1]! > 12 ? iso(+m[3]!, +m[2]!, +m[1]!) : iso(+m[3]!, +m[1]!, +m[2]!);
  return undefined;
}

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
