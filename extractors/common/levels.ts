/**
 * Vertebral and root levels in every notation the reports use: C5, Th10, T10, D10, Д10,
 * a Cyrillic Т10 (normalize.ts folds letter+digit tokens to Latin), ranges joined by a dash,
 * "to", "through", "до", "по" ("Th11-12": the second end inherits the letter), and
 * "from ... to ..." / "от ... до ...". T1 and T2 next to sequence words are MRI sequences.
 * Pure string functions over the normalized text; offsets are those of the input string.
 */
import { ROOT_LEVELS, VERTEBRAL_LEVELS } from '../../src/schema/enums.js';

export interface LevelMention {
  start: number;
  end: number;
  /** Canonical label: C1..C7 (C8 for roots), T1..T12, L1..L5, S1..S5. */
  level: string;
}

export interface LevelRange {
  start: number;
  end: number;
  /** Most cranial and most caudal level (ordered, whatever the writing order). */
  upper: string;
  lower: string;
  /** True when two ends were written; false for a single level. */
  isRange: boolean;
}

// Th (thoracic, German/Russian usage) and D (dorsal, old French/Italian usage) mean T.
// Cyrillic Т/С/Д are accepted too, for strings that did not pass through normalize.ts.
const LETTER = String.raw`(?:[TТ][hH]|th|[CTLSDСТД]|[cl])`;
const LEVEL_TOKEN = new RegExp(String.raw`(?<![\p{L}\p{N}])(${LETTER})\.?[ ]?(\d{1,2})(?![\p{N}])(?!,\d)(?![.]\d)`, 'gu');
const LETTER_OF: Record<string, string> = { th: 'T', d: 'T', t: 'T', c: 'C', l: 'L', s: 'S' };
const CYR_LETTER: Record<string, string> = { т: 't', с: 'c', д: 'd' };

// What follows T1/T2 when it names an MRI sequence ("T2-weighted", "T2 WI", "T2-ВИ", "T2*", "T1 FS", "T1+C").
const SEQUENCE_AFTER = new RegExp(
  String.raw`^(?:\*|\s*\+|\s*\/\s*(?:T[12]|STIR|FLAIR|PD|DWI|SWI)|[ ]?-?[ ]?(?:weight\p{L}*|wtd|wi|w|ви|взвеш\p{L}*|fs|fat\p{L}*|tse|fse|se|stir|tirm|flair|dixon|space|vibe|mpr\p{L}*|ffe|gre|swi|signal|сигнал\p{L}*|image\p{L}*|imaging|изображ\p{L}*|sequence\p{L}*|последоват\p{L}*|mode|режим\p{L}*|hyper\p{L}*|hypo\p{L}*|iso\p{L}*|гипер\p{L}*|гипо\p{L}*|изо\p{L}*|high|low|bright\p{L}*|dark|post|post-?contrast|post-?gad\p{L}*|pre|pre-?contrast|c\+|gd|gad\p{L}*|contrast\p{L}*|контраст\p{L}*|ce|sag|sagittal|ax|axial|cor|coronal|tra|transvers\p{L}*|mdeft|map\p{L}*|relax\p{L}*|shortening|prolongation|blooming|marrow|(?:в\s+)?(?:сагиттальн|аксиальн|корональн|фронтальн)\p{L}*)(?![\p{L}\p{N}])|\s*(?:and|и|&|,)\s*T[12](?![\p{N}])(?!\s*-?\s*(?:T|Th|L|C)\d)(?!\s*-?\s*(?:vertebr|level|bod|segment|позвон|уровн|тел|сегмент)))`,
  'iu',
);
// What precedes T1/T2 when it names a sequence ("on T2", "в режиме T2", "sagittal T1", "STIR and T2").
const SEQUENCE_BEFORE = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])(?:on|in|by|sagittal|axial|coronal|sag|ax|cor|по|в|на|режим\p{L}*|sagittal\s+and\s+axial|сагиттальн\p{L}*|аксиальн\p{L}*|фронтальн\p{L}*|корональн\p{L}*|weighted|fat\s*-?\s*sat\p{L}*)|(?:T[12]|STIR|FLAIR|DWI|PD|SWI)\s*(?:and|и|,|\/|&))\s*$`,
  'iu',
);
// "T2 vertebra", "T1 level", "тело T2": an explicit anatomical word keeps T1/T2 a level.
const ANATOMY_AFTER = /^\s*-?\s*(?:vertebr\p{L}*|level\p{L}*|segment\p{L}*|body|bodies|позвон\p{L}*|уров\p{L}*|сегмент\p{L}*|тел\p{L}*)/iu;
const ANATOMY_BEFORE = /(?:level|vertebra|body|уровн\p{L}*|тел\p{L}*|позвон\p{L}*|сегмент\p{L}*|segment)\s*(?:of\s+(?:the\s+)?)?$/iu;

// Joiner between two ends of a range; "(Th10) to the L3 vertebra" keeps a closing bracket.
const RANGE_JOINER = /^[\s)]*(?:-|\/|–|to|through|thru|till|until|down\s+to|до|по)\s*(?:the\s+)?(?:level\s+of\s+(?:the\s+)?)?(?:уровня\s+)?(?:тела\s+|тел\s+)?\(?\s*$/iu;
const FROM_BEFORE = /(?:from|от|с)\s*(?:the\s+)?(?:level\s+of\s+(?:the\s+)?)?(?:уровня\s+)?\(?\s*$/iu;
// A bare number after a dash inherits the letter ("Th11-12", "L4-5"), unless it is a measure.
const BARE_END = /^[\s)]*(?:-|–|to|through|до|по)\s*(\d{1,2})(?![\p{N}.,]\d)(?!\s*(?:mm|cm|мм|см|%|ms|мс|x|х|×))/iu;

export function normalizeLetter(letter: string): string | null {
  const latin = [...letter.toLowerCase()].map((ch) => CYR_LETTER[ch] ?? ch).join('');
  return LETTER_OF[latin] ?? null;
}

/** "Th10" → "T10", "D10" → "T10", "c5" → "C5"; null when not a vertebral level. */
export function parseLevel(token: string): string | null {
  const m = /^\s*([TТtт][hH]|[CTLSDctlsdСТДстд])\.?\s?(\d{1,2})\s*$/u.exec(token);
  if (!m) return null;
  const label = `${normalizeLetter(m[1]!)}${Number(m[2])}`;
  return VERTEBRAL_LEVELS.includes(label) ? label : null;
}

/** As parseLevel, but C8 is allowed: a root level (ENMG radiculopathy). */
export function parseRootLevel(token: string): string | null {
  const m = /^\s*([TТtт][hH]|[CTLSDctlsdСТДстд])\.?\s?(\d{1,2})\s*$/u.exec(token);
  if (!m) return null;
  const label = `${normalizeLetter(m[1]!)}${Number(m[2])}`;
  return ROOT_LEVELS.includes(label) ? label : null;
}

/** Cranio-caudal ordinal of a vertebral level (C1 = 0 ... S5 = 28); -1 for none. */
export function levelOrdinal(level: string): number {
  return VERTEBRAL_LEVELS.indexOf(level);
}

/** Ordinal among root levels (C8 between C7 and T1); -1 for none. */
export function rootOrdinal(level: string): number {
  return ROOT_LEVELS.indexOf(level);
}

/** Vertebral segments spanned, both ends counted: T10 to L3 is 6. Null when a level is unknown. */
export function segmentCount(upper: string, lower: string): number | null {
  const a = levelOrdinal(upper);
  const b = levelOrdinal(lower);
  if (a < 0 || b < 0) return null;
  return Math.abs(b - a) + 1;
}

/** Is the T1/T2 token at [start, end) of `text` an MRI sequence rather than a thoracic level? */
export function isSequenceAt(text: string, start: number, end: number): boolean {
  const m = /^([TТt])\s?([12])$/u.exec(text.slice(start, end));
  return m ? isSequenceToken(text, start, end, m[1]!, m[2]!) : false;
}

function isSequenceToken(text: string, start: number, end: number, letter: string, digits: string): boolean {
  if (letter !== 'T' && letter !== 't' && letter !== 'Т') return false;
  if (digits !== '1' && digits !== '2') return false;
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 40), start);
  if (ANATOMY_AFTER.test(after) || ANATOMY_BEFORE.test(before)) return false;
  if (SEQUENCE_AFTER.test(after)) return true;
  // "on T2" is a sequence, but "on T1-T3"/"в T1-T2" joined to another level is a range of levels.
  if (SEQUENCE_BEFORE.test(before)) return !/^\s*(?:-|to|through|до|по)\s*(?:Th|T|C|L|D)\s?\d/iu.test(after);
  return false;
}

function acceptLevel(label: string, roots: boolean): boolean {
  return (roots ? ROOT_LEVELS : VERTEBRAL_LEVELS).includes(label);
}

/** Every single level token in text[from, to), with sequences (T2-weighted...) left out. */
export function findLevels(text: string, from = 0, to = text.length, opts: { roots?: boolean } = {}): LevelMention[] {
  const out: LevelMention[] = [];
  const hay = text.slice(0, to);
  LEVEL_TOKEN.lastIndex = from;
  for (let m = LEVEL_TOKEN.exec(hay); m; m = LEVEL_TOKEN.exec(hay)) {
    const letterRaw = m[1]!;
    const letter = normalizeLetter(letterRaw);
    if (!letter) continue;
    const label = `${letter}${Number(m[2])}`;
    if (!acceptLevel(label, opts.roots ?? false)) continue;
    if (isSequenceToken(hay, m.index, m.index + m[0].length, letterRaw, m[2]!)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, level: label });
  }
  ROMAN_TOKEN.lastIndex = from;
  for (let m = ROMAN_TOKEN.exec(hay); m; m = ROMAN_TOKEN.exec(hay)) {
    const label = `T${ROMAN.indexOf(m[1]!) + 1}`;
    if (acceptLevel(label, opts.roots ?? false)) out.push({ start: m.index, end: m.index + m[0].length, level: label });
  }
  return out.sort((a, b) => a.start - b.start);
}

// Roman thoracic levels of Russian and German reports: "ThVI-ThIX", "Th XII" (Th only: "CI", "SI", "LV" are words).
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const ROMAN_TOKEN = /(?<![\p{L}\p{N}])[TТ]h\.?[ ]?(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?![\p{L}\p{N}])/gu;

function ordered(a: string, b: string, roots: boolean): [string, string] {
  const ord = roots ? rootOrdinal : levelOrdinal;
  return ord(a) <= ord(b) ? [a, b] : [b, a];
}

/**
 * Level ranges and single levels in text[from, to), in text order. Two levels joined by a
 * dash or "to"/"до" make one range; a bare number after a dash inherits the letter.
 */
export function findLevelRanges(text: string, from = 0, to = text.length, opts: { roots?: boolean } = {}): LevelRange[] {
  const roots = opts.roots ?? false;
  const singles = findLevels(text, from, to, opts);
  const out: LevelRange[] = [];
  for (let i = 0; i < singles.length; i++) {
    const a = singles[i]!;
    const b = singles[i + 1];
    if (b && RANGE_JOINER.test(text.slice(a.end, b.start)) && b.start - a.end <= 30) {
      const [upper, lower] = ordered(a.level, b.level, roots);
      let start = a.start;
      const fromM = FROM_BEFORE.exec(text.slice(Math.max(from, a.start - 30), a.start));
      if (fromM) start = a.start - fromM[0].length;
      out.push({ start, end: b.end, upper, lower, isRange: true });
      i++;
      continue;
    }
    const bare = BARE_END.exec(text.slice(a.end, Math.min(to, a.end + 20)));
    if (bare) {
      const label = `${a.level.replace(/\d+$/, '')}${Number(bare[1])}`;
      const ord = roots ? rootOrdinal : levelOrdinal;
      if (acceptLevel(label, roots) && ord(label) > ord(a.level)) {
        out.push({ start: a.start, end: a.end + bare[0].length, upper: a.level, lower: label, isRange: true });
        continue;
      }
    }
    out.push({ start: a.start, end: a.end, upper: a.level, lower: a.level, isRange: false });
  }
  if (!roots) out.push(...ordinalRanges(text, from, to));
  return out.sort((x, y) => x.start - y.start);
}

// Russian ordinal notation: "тела 4-7 грудных позвонков", "7 шейного позвонка".
const ORDINAL_LEVELS = /(?<![\p{L}\p{N}])(\d{1,2})(?:\s*(?:-|–|и)\s*(\d{1,2}))?\s+(шейн|грудн|поясничн|крестцов)\p{L}*\s+позвон\p{L}*/giu;
const ORDINAL_LETTER: Record<string, string> = { шейн: 'C', грудн: 'T', поясничн: 'L', крестцов: 'S' };

function ordinalRanges(text: string, from: number, to: number): LevelRange[] {
  const out: LevelRange[] = [];
  ORDINAL_LEVELS.lastIndex = from;
  const hay = text.slice(0, to);
  for (let m = ORDINAL_LEVELS.exec(hay); m; m = ORDINAL_LEVELS.exec(hay)) {
    const letter = ORDINAL_LETTER[m[3]!.toLowerCase()]!;
    const a = `${letter}${Number(m[1])}`;
    const b = `${letter}${Number(m[2] ?? m[1])}`;
    if (!VERTEBRAL_LEVELS.includes(a) || !VERTEBRAL_LEVELS.includes(b)) continue;
    const [upper, lower] = ordered(a, b, false);
    out.push({ start: m.index, end: m.index + m[0].length, upper, lower, isRange: a !== b });
  }
  return out;
}

/** Parse a text that is one level or one range ("Th11-12", "от Th10 до L3"); null otherwise. */
export function parseLevelRange(text: string, opts: { roots?: boolean } = {}): { upper: string; lower: string } | null {
  const ranges = findLevelRanges(text, 0, text.length, opts);
  if (ranges.length !== 1) return null;
  const r = ranges[0]!;
  return { upper: r.upper, lower: r.lower };
}

/** The widest extent over several ranges: the most cranial upper and the most caudal lower. */
export function spanOfRanges(ranges: readonly { upper: string; lower: string }[]): { upper: string; lower: string } | null {
  let upper: string | null = null;
  let lower: string | null = null;
  for (const r of ranges) {
    if (upper === null || levelOrdinal(r.upper) < levelOrdinal(upper)) upper = r.upper;
    if (lower === null || levelOrdinal(r.lower) > levelOrdinal(lower)) lower = r.lower;
  }
  return upper && lower ? { upper, lower } : null;
}

/** Every level from upper to lower inclusive ("T11", "T12", "L1" for T11-L1). */
export function expandRange(upper: string, lower: string): string[] {
  const a = levelOrdinal(upper);
  const b = levelOrdinal(lower);
  if (a < 0 || b < 0) return [];
  return VERTEBRAL_LEVELS.slice(Math.min(a, b), Math.max(a, b) + 1) as string[];
}
