import type { Language, ReportType } from '../schema/enums.js';
import type { LexiconSet } from '../lexicon/load.js';
import { countScripts, SURROGATE } from '../text/chars.js';

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
const LETTER = /\p{L}/gu;

/**
 * en or ru by the share of Cyrillic letters. Russian reports are full of Latin tokens
 * (T2, STIR, Th10, n. peroneus), so a quarter of Cyrillic letters already means Russian.
 * Null when neither script dominates the letters (another language).
 */
export function detectLanguage(norm: string): Language | null {
  const counts = SURROGATE.test(norm) ? null : countScripts(norm);
  const letters = counts ? counts.letters : norm.match(LETTER)?.length ?? 0;
  if (letters === 0) return null;
  const cyr = counts ? counts.cyr : norm.match(CYRILLIC)?.length ?? 0;
  const lat = counts ? counts.lat : norm.match(LATIN)?.length ?? 0;
  if (cyr + lat < letters * 0.6) return null;
  return cyr >= (cyr + lat) * 0.25 ? 'ru' : 'en';
}

const TITLE_LINES = 4;
const TITLE_MAX_CHARS = 100;
const TITLE_WEIGHT = 6;
const BODY_CAP = 8;
const TYPE_ORDER: readonly ReportType[] = ['mri', 'enmg', 'csf', 'lab', 'note'];

/**
 * Ranges of the title lines: among the first few non-empty lines, those that read as a
 * heading (short, and not a sentence ending in a full stop unless in capitals).
 */
function titleRanges(norm: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let seen = 0;
  let pos = 0;
  while (pos < norm.length && seen < TITLE_LINES) {
    const nl = norm.indexOf('\n', pos);
    const end = nl < 0 ? norm.length : nl;
    const line = norm.slice(pos, end).trim();
    if (line) {
      seen++;
      // "... 1 марта 2022 г.", "Date: 03.03.2021.": a dated label line, not a sentence; a line
      // ending in any other figure ("Ликвор: белок 0,52 г/л, цитоз 5/3.") is one.
      const sentence = /\.$/.test(line) && !/(?:\sг|(?<![\d/,])\d{1,4})\.$/u.test(line) && /\p{Ll}/u.test(line);
      if (line.length <= TITLE_MAX_CHARS && !sentence) out.push([pos, end]);
    }
    pos = end + 1;
  }
  return out;
}

/**
 * The report type by its cues (lexicon `report/type`): a cue in the title lines counts
 * TITLE_WEIGHT, one in the body 1 (capped, so a long note citing an MRI stays a note).
 */
export function detectReportType(norm: string, lex: LexiconSet): ReportType | null {
  const matcher = lex.get('report/type');
  const titles = titleRanges(norm);
  const title = new Map<string, number>();
  const body = new Map<string, number>();
  for (const m of matcher.find(norm)) {
    const value = String(m.term.value);
    const map = titles.some(([s, e]) => m.start >= s && m.start < e) ? title : body;
    map.set(value, (map.get(value) ?? 0) + 1);
  }
  let best: ReportType | null = null;
  let bestScore = 0;
  for (const type of TYPE_ORDER) {
    const score = (title.get(type) ?? 0) * TITLE_WEIGHT + Math.min(body.get(type) ?? 0, BODY_CAP);
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  return best;
}
