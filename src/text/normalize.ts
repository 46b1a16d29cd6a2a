import { isLowerUnit, isWordUnitU, SURROGATE, unitScript } from './chars.js';

/**
 * Normalized text with a map back to the original: every extractor matches on `norm`,
 * every finding's span is reported in the original text through `toOrig`.
 * Changes made: ё→е, dash and space variants unified, Latin/Cyrillic look-alikes folded
 * to the word's script (and to Latin inside letter+digit tokens such as levels and
 * sequences), words hyphenated across a line break joined, PDF page furniture dropped.
 */
export interface NormalizedText {
  readonly original: string;
  readonly norm: string;
  /** Original offset of each norm character, plus one entry for the end. */
  readonly offsets: readonly number[];
}

const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

// Look-alike pairs: Cyrillic letter ↔ Latin letter of the same shape.
const CYR_TO_LAT: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', к: 'k', м: 'm', т: 't', н: 'h', в: 'b',
};
const LAT_TO_CYR: Record<string, string> = {
  A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у',
};
/** Dashes, spaces, ё, quotes, micro signs, form feeds and returns; е or Е with a combining diaeresis. */
const SPECIAL_UNITS = /[еЕ]\u0308|[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u00A0\u2000-\u200A\u202F\u205F\u3000\tёЁ\u2018\u2019\u201A\u201B\u2032\u201C-\u201F\u00AB\u00BB\u2033\u00B5\u03BC\f\r]/g;

/** The same-length replacements of normalization, in one pass (the input itself when there is none). */
export function replaceSpecialUnits(text: string): string {
  SPECIAL_UNITS.lastIndex = 0;
  return SPECIAL_UNITS.test(text) ? text.replace(SPECIAL_UNITS, specialReplacement) : text;
}

function specialReplacement(m: string): string {
  if (m.length === 2) return `${m[0]}\u0000`;
  if (DASHES.test(m)) return '-';
  if (SPACES.test(m)) return ' ';
  switch (m) {
    case 'ё': return 'е';
    case 'Ё': return 'Е';
    case '\u00B5': case '\u03BC': return 'u';
    case '\f': return '\n';
    case '\r': return ' ';
    default: return /[\u2018\u2019\u201A\u201B\u2032]/.test(m) ? "'" : '"';
  }
}
const IS_CYR = /\p{Script=Cyrillic}/u;
const IS_LAT = /\p{Script=Latin}/u;

// Lines a PDF export repeats on every page: "Page 2 of 3", "Страница 1 из 2", "- 2 -".
const PAGE_LINE = /^[ \t]*(?:(?:page|стр\.?|страница|лист)\s*\d+(?:\s*(?:of|из|\/)\s*\d+)?|-\s*\d+\s*-|\d+\s*(?:\/|of|из)\s*\d+)[ \t]*$/i;

/** A token of a text with surrogate pairs folded to its script, one code point at a time (see foldTokens). */
function foldToken(token: string): string {
  let cyr = 0;
  let lat = 0;
  let digits = false;
  for (const ch of token) {
    if (IS_CYR.test(ch)) cyr++;
    else if (IS_LAT.test(ch)) lat++;
    else if (ch >= '0' && ch <= '9') digits = true;
  }
  if (cyr === 0 || (lat === 0 && !digits)) return token;
  return foldMixed(token, cyr, lat, digits);
}

function foldMixed(token: string, cyr: number, lat: number, digits: boolean): string {
  // Letter+digit tokens are levels and sequence names (Тh10, Т2, С5): always Latin.
  const toLatin = digits || lat >= cyr;
  let out = '';
  for (const ch of token) {
    const mapped = toLatin ? CYR_TO_LAT[ch] : LAT_TO_CYR[ch];
    out += mapped && (toLatin ? IS_CYR.test(ch) : IS_LAT.test(ch)) ? mapped : ch;
  }
  // A Cyrillic letter with no Latin twin stays: the token is then genuinely Cyrillic.
  return out.length === token.length ? out : token;
}

/**
 * `text.replace(/[\p{L}\p{N}]+/gu, foldToken)` for a text without surrogates, one unit at a
 * time: most tokens are in one script and are left alone without a callback per token.
 */
function foldTokens(text: string): string {
  let out: string[] | null = null;
  let last = 0;
  let start = -1;
  let cyr = 0;
  let lat = 0;
  let digits = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c >= 0 && isWordUnitU(c)) {
      if (start < 0) {
        start = i;
        cyr = lat = 0;
        digits = false;
      }
      const s = unitScript(c);
      if (s === 1) cyr++;
      else if (s === 2) lat++;
      else if (s === 3) digits = true;
      continue;
    }
    if (start >= 0 && cyr > 0 && (lat > 0 || digits)) {
      const token = text.slice(start, i);
      const folded = foldMixed(token, cyr, lat, digits);
      if (folded !== token) {
        (out ??= []).push(text.slice(last, start), folded);
        last = i;
      }
    }
    start = -1;
  }
  return out ? out.join('') + text.slice(last) : text;
}

/**
 * Ranges of `/(?<=\p{Ll})-[ ]*\n[ ]*(?=\p{Ll})/gu` in a text without surrogates, found from
 * each hyphen (the regex tested its lookbehind at every position).
 */
function lineBreakHyphens(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) {
    if (i === 0 || !isLowerUnit(text.charCodeAt(i - 1))) continue;
    let j = i + 1;
    while (text.charCodeAt(j) === 32) j++;
    if (text.charCodeAt(j) !== 10) continue;
    j++;
    while (text.charCodeAt(j) === 32) j++;
    if (j >= text.length || !isLowerUnit(text.charCodeAt(j))) continue;
    out.push([i, j]);
    i = j - 1;
  }
  return out;
}

/** Blank out (with the removal recorded) lines that are PDF page furniture. */
function pageFurnitureRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const pages = text.includes('\f');
  const seen = new Map<string, number>();
  const lines: Array<[number, number, string]> = [];
  // Lines with their breaks (as text.split(/(?<=\n)/)), read by indexOf: the lookbehind split
  // was tried at every position of every report.
  for (let pos = 0; pos < text.length; ) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    let bodyEnd = end;
    while (bodyEnd > pos && isLineEndUnit(text.charCodeAt(bodyEnd - 1))) bodyEnd--;
    // Without pages, only a PAGE_LINE can be furniture, and each of its forms holds a digit.
    if (pages || hasDigit(text, pos, bodyEnd)) {
      const body = text.slice(pos, bodyEnd).trim();
      lines.push([pos, end, body]);
      if (pages && body) seen.set(body, (seen.get(body) ?? 0) + 1);
    }
    pos = end;
  }
  const pageCount = pages ? text.split('\f').length : 1;
  for (const [start, end, body] of lines) {
    if (!body) continue;
    if (PAGE_LINE.test(body) || (pageCount > 1 && (seen.get(body) ?? 0) >= pageCount && body.length < 120)) {
      ranges.push([start, end]);
    }
  }
  return ranges;
}

const isLineEndUnit = (c: number): boolean => c === 13 || c === 10 || c === 12;

function hasDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

export function normalizeText(original: string): NormalizedText {
  // Unicode NFC first would change lengths; instead compose only what we must: ё/й forms.
  // One pass for every same-length replacement (none produces a character another one reads).
  let work = replaceSpecialUnits(original);
  const surrogates = SURROGATE.test(work);
  work = surrogates ? work.replace(/[\p{L}\p{N}]+/gu, foldToken) : foldTokens(work);

  const ranges: Array<[number, number]> = pageFurnitureRanges(original);
  // Combining marks and zero-width characters carry nothing for matching.
  for (const m of work.matchAll(INVISIBLE)) ranges.push([m.index, m.index + 1]);
  for (const m of work.matchAll(/\u0000/g)) ranges.push([m.index, m.index + 1]);
  for (const m of work.matchAll(/[\u0300-\u0305\u0307-\u036F]/g)) ranges.push([m.index, m.index + 1]);
  // "infil-\ntration": the hyphen and the break go, the word is joined.
  if (surrogates) for (const m of work.matchAll(/(?<=\p{Ll})-[ ]*\n[ ]*(?=\p{Ll})/gu)) ranges.push([m.index, m.index + m[0].length]);
  else ranges.push(...lineBreakHyphens(work));
  // Most texts drop nothing: their offsets are the identity, built only if read (see IdentityText).
  if (ranges.length === 0) return new IdentityText(original, work);

  // A plain array: a typed array of a report's size is allocated outside the heap, and
  // thousands of those per second kept the garbage collector busy.
  const drop: number[] = new Array<number>(work.length).fill(0);
  for (const [s, e] of ranges) drop.fill(1, s, e);
  const offsets: number[] = [];
  const kept: string[] = [];
  let runStart = -1;
  for (let i = 0; i <= work.length; i++) {
    const keep = i < work.length && !drop[i];
    if (keep) {
      if (runStart < 0) runStart = i;
      offsets.push(i);
    } else if (runStart >= 0) {
      kept.push(work.slice(runStart, i));
      runStart = -1;
    }
  }
  offsets.push(work.length);
  return { original, norm: kept.join(''), offsets };
}

/**
 * A text whose normalization dropped no character: each norm offset is its own original
 * offset. The array is made on first read; `toOriginalSpan` needs none.
 */
class IdentityText implements NormalizedText {
  private table: number[] | undefined;
  constructor(
    readonly original: string,
    readonly norm: string,
  ) {}
  get offsets(): readonly number[] {
    if (!this.table) {
      const table = new Array<number>(this.norm.length + 1);
      for (let i = 0; i <= this.norm.length; i++) table[i] = i;
      this.table = table;
    }
    return this.table;
  }
}

/** Map a half-open norm range to the original text. */
export function toOriginalSpan(t: NormalizedText, start: number, end: number): [number, number] {
  if (t instanceof IdentityText) {
    // As the table would give: offsets[i] = i for 0 <= i <= n, the original's length past it.
    const n = t.norm.length;
    const s = start >= 0 && start <= n ? start : t.original.length;
    return [s, end > start ? (end - 1 >= 0 && end - 1 <= n ? end : t.original.length) : s];
  }
  const s = t.offsets[start] ?? t.original.length;
  const e = end > start ? (t.offsets[end - 1] ?? t.original.length - 1) + 1 : s;
  return [s, e];
}
