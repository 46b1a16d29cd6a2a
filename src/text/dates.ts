import type { LexiconSet } from '../lexicon/load.js';
import { textIndex } from '../lexicon/text-index.js';
import { isLetterUnit, isWordUnit } from './chars.js';

export interface FoundDate {
  start: number;
  end: number;
  /** YYYY-MM-DD, or YYYY-MM for a month without a day. */
  iso: string;
  precision: 'day' | 'month';
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const year4 = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** The patterns of a language: two of figures, then three with a month name. */
const cache = new WeakMap<LexiconSet, RegExp[]>();
const MONTH_PATTERNS_FROM = 2;
/**
 * A month name in place (flag y), for `mayNameMonth`; null when a month name of the lexicon
 * begins with a letter outside ASCII and basic Cyrillic (then the month patterns always run).
 */
const monthHere = new WeakMap<LexiconSet, RegExp | null>();
/** The lookbehind a pattern's match must also satisfy at its start. */
const BOUNDARY_BEFORE = new WeakMap<RegExp, RegExp>();

/** Date patterns of a language; month names come from the lexicon `report/months`. */
function patterns(lex: LexiconSet): RegExp[] {
  const hit = cache.get(lex);
  if (hit) return hit;
  const month = `(?<mon>${lex.get('report/months').terms.map((t) => t.source).join('|')})\\.?`;
  const list = [
    /(?<![\d.])(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?![\d])/g,
    /(?<![\d./])(?<d>\d{1,2})(?<sep>[./])(?<m>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\d])/g,
    // These three take the boundary before their start from BOUNDARY_BEFORE, checked in
    // findDates: a leading lookbehind made the regex test it at every position of the text
    // (the month-first two ran three times slower with it, this one a third slower).
    new RegExp(`(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of\\s+|[\\s-]+)${month}(?![\\p{L}]),?[\\s-]+(?<y>\\d{4})(?!\\d)`, 'giu'),
    new RegExp(`${month}(?![\\p{L}])\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4})(?!\\d)`, 'giu'),
    new RegExp(`${month}(?![\\p{L}]),?\\s+(?<y>\\d{4})(?!\\d)`, 'giu'),
  ];
  BOUNDARY_BEFORE.set(list[2]!, /(?<![\p{L}\d])/uy);
  BOUNDARY_BEFORE.set(list[3]!, /(?<![\p{L}])/uy);
  BOUNDARY_BEFORE.set(list[4]!, /(?<![\p{L}\d])/uy);
  cache.set(lex, list);
  const basicFirst = lex.get('report/months').terms.every((t) => /^[a-z\u0430-\u044f]/i.test(t.source));
  monthHere.set(lex, basicFirst ? new RegExp(month, 'iuy') : null);
  return list;
}

/**
 * The month-name patterns can match only where a month name begins. The months lexicon finds
 * every one at a word start (its matcher reads the text index, built once per report). The
 * patterns also take one right after a number ("5March 24, 2019": their lookbehinds exclude
 * letters only), which is no word start: such places are tried in place. Where the index
 * cannot see (a text with surrogates, a unit that folds into ASCII or basic Cyrillic, "ſ"),
 * the patterns run. Their three scans of the text cost more than the rest of findDates, and
 * most reports name no month.
 */
function mayNameMonth(norm: string, lex: LexiconSet): boolean {
  if (lex.get('report/months').find(norm).length > 0) return true;
  const index = textIndex(norm);
  if (index.surrogates || index.unsure.length > 0) return true;
  const here = monthHere.get(lex);
  if (!here) return true;
  // A month name's first letter is ASCII or basic Cyrillic (checked in `patterns`; any other
  // letter that a pattern would take for one folds into them, and is in index.unsure).
  BEFORE_LETTER.lastIndex = 0;
  for (let m = BEFORE_LETTER.exec(norm); m; m = BEFORE_LETTER.exec(norm)) {
    const c = norm.charCodeAt(m.index);
    // A word unit to the index that no lookbehind of the patterns counts as a letter.
    if (c >= 0x80 && (!isWordUnit(c) || isLetterUnit(c))) continue;
    here.lastIndex = m.index + 1;
    if (here.test(norm)) return true;
  }
  return false;
}

/** A digit, or any unit outside ASCII and basic Cyrillic, before an ASCII or basic Cyrillic letter. */
const BEFORE_LETTER = /(?:[0-9]|[^\x00-\x7f\u0400-\u045f])(?=[A-Za-z\u0400-\u045f])/g;

/** The month number (1-12) of a month name of the lexicon `report/months`; 0 for none. */
export function monthOf(lex: LexiconSet, text: string): number {
  const term = lex.get('report/months').terms.find((t) => t.exact.test(text.replace(/\.$/, '')));
  return Number(term?.value ?? 0);
}

/**
 * Every date in the text: ISO, day.month.year, slashed dates (month/day/year in English
 * unless the numbers rule it out), "24 April 2019", "April 24, 2019", "5 декабря 2019 г.",
 * and month-only "March 2019".
 */
export function findDates(norm: string, lex: LexiconSet): FoundDate[] {
  const found: FoundDate[] = [];
  // A slashed date with a first number over 12 shows the document writes day/month/year.
  const dayFirst = lex.lang === 'ru' || /(?<![\d/])(1[3-9]|2\d|3[01])\/(0?[1-9]|1[0-2])\/\d{2,4}/.test(norm);
  const taken = (s: number, e: number) => found.some((f) => s < f.end && f.start < e);
  const list = patterns(lex);
  const last = mayNameMonth(norm, lex) ? list.length : MONTH_PATTERNS_FROM;
  for (let k = 0; k < last; k++) {
    const re = list[k]!;
    re.lastIndex = 0;
    const before = BOUNDARY_BEFORE.get(re);
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      const g = m.groups!;
      const start = m.index;
      if (before) {
        before.lastIndex = start;
        if (!before.test(norm)) {
          // as the lookbehind would: no match here, try from the next position
          re.lastIndex = start + 1;
          continue;
        }
      }
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const y = year4(g['y']!);
      let mo = g['mon'] ? monthOf(lex, g['mon']) : Number(g['m']);
      let d = g['d'] ? Number(g['d']) : 0;
      if (g['sep'] === '/' && !dayFirst && mo <= 12 && d <= 12) [mo, d] = [d, mo];
      else if (g['sep'] === '/' && mo > 12 && d <= 12) [mo, d] = [d, mo];
      if (!g['d']) {
        if (valid(y, mo, 1)) found.push({ start, end, iso: `${y}-${pad(mo)}`, precision: 'month' });
        continue;
      }
      if (valid(y, mo, d)) found.push({ start, end, iso: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
