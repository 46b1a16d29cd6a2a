import type { LexiconSet } from '../../src/lexicon/load.js';
import type { Finding, Reference } from '../../src/schema/evidence.js';
import type { FieldName } from '../../src/schema/record.js';
import type { Conversion } from '../../src/units/convert.js';
import type { ExtractContext } from '../define.js';
import { NUMBER_PATTERN, parseNumber } from '../../src/text/numbers.js';
import { looksLikeUnit, readUnitAt } from '../../src/units/read-unit.js';

/**
 * Shared value parsing for laboratory lines: the first number after an analyte label,
 * its unit (the units lexicon), a counting-chamber denominator ("20/3"), the reference
 * range beside it and a low/normal/high flag. The analyte binding is the caller's: it
 * passes `limit`, where the next analyte label starts, so a value never crosses to
 * another analyte on the same line.
 */
export interface ValueReading {
  value: number;
  /** Norm offsets of the number (and denominator). */
  start: number;
  end: number;
  /** Canonical unit id from lexicons/units, or null when none is written. */
  unit: string | null;
  /** A unit-like token the table does not know. */
  unknownUnit?: { start: number; end: number };
  /** "20/3": cells counted in 3 uL. */
  denominator?: number;
  reference?: Reference;
  /** Reference numbers in the written unit (the caller converts them with the value). */
  flag?: 'low' | 'normal' | 'high';
  /** End of everything read (number, unit, reference, flag). */
  stop: number;
}

const NUM = `(?:${NUMBER_PATTERN})`;
const NUMBER_AT = new RegExp(`(?<![\\p{L}\\p{N}.,/^])(?:[<>≤≥]\\s*)?(${NUM})`, 'gu');
// The label of a range inside brackets, in both languages.
const REF_LABEL = String.raw`(?:норма|норм\.?|реф\.?|референс\p{L}*|ref\.?|reference(?:\s+range)?|normal(?:\s+range)?|n|нормальн\p{L}*\s+значени\p{L}*|range)?[:\s]*`;
const BELOW = String.raw`(?:<=?|≤|до|less\s+than|below|under|up\s+to|не\s+более|менее|ниже|max\.?)`;
const ABOVE = String.raw`(?:>=?|≥|от|above|more\s+than|over|не\s+менее|более|выше|min\.?)`;
const FRACTION = String.raw`(?:\s*/\s*(\d+)(?![\d\p{L}]))?`;
const RANGE_BODY = String.raw`${REF_LABEL}(?:(${BELOW})|(${ABOVE}))?\s*(${NUM})${FRACTION}(?:\s*(?:-|to|до|\.\.\.?|…)\s*(${NUM})${FRACTION})?`;
const BRACKET_RANGE = new RegExp(String.raw`^[ \t|]*\(\s*${RANGE_BODY}\s*(?:[\p{L}µμ/%^\d]{1,12}\s*)?\)`, 'iu');
const BARE_RANGE = new RegExp(String.raw`^[ \t|]*(?:\[\s*)?${RANGE_BODY}(?:\s*\])?(?![\p{L}\p{N}])`, 'iu');
const FLAG_WORDS = String.raw`(high|low|raised|elevated|decreased|normal|повыш\p{L}*|сниж\p{L}*|норма|в\s+норме)`;
const FLAG_LETTERS = String.raw`(HH|LL|H|L|N|↑|↓)`;
const BRACKET_FLAG = new RegExp(String.raw`^[ \t]*\(\s*${FLAG_WORDS}\s*\)`, 'iu');
const BRACKET_LETTER = new RegExp(String.raw`^[ \t]*\(\s*${FLAG_LETTERS}\s*\)`, 'u');
const BARE_FLAG = new RegExp(String.raw`^[ \t,|]*${FLAG_WORDS}(?![\p{L}\p{N}])`, 'iu');
const BARE_LETTER = new RegExp(String.raw`^[ \t,|]*${FLAG_LETTERS}(?![\p{L}\p{N}])`, 'u');
const SKIP_BRACKETS = /\([^()\n]*\)/g;
// A number after these is a threshold in a comment ("B12 below 150 pmol/l suggests..."), not a result.
const THRESHOLD_GAP = /(?<![\p{L}])(?:below|above|under|over|less\s+than|greater\s+than|more\s+than|exceed\p{L}*|cut-?off|threshold|target|ниже|выше|менее|более|свыше|порог\p{L}*)(?![\p{L}])/iu;
const DATE_OR_TIME = /\d{1,4}(?:[./-]\d{1,2}[./-]\d{2,4}|[./:]\d{1,2})(?!\d)/g;

function flagOf(word: string): 'low' | 'normal' | 'high' {
  const w = word.toLowerCase();
  if (/^(hh|h|↑|high|raised|elevated|повыш)/.test(w)) return 'high';
  if (/^(ll|l|↓|low|decreased|сниж)/.test(w)) return 'low';
  return 'normal';
}

function rangeOf(m: RegExpExecArray): { low: number | null; high: number | null } | null {
  const [, below, above, a, aDen, b, bDen] = m;
  const num = (s: string | undefined, den: string | undefined) => {
    const v = s === undefined ? null : parseNumber(s);
    return v === null ? null : den ? v / Number(den) : v;
  };
  const first = num(a, aDen);
  const second = num(b, bDen);
  if (first === null) return null;
  if (second !== null) return { low: first, high: second };
  if (below) return { low: null, high: first };
  if (above) return { low: first, high: null };
  return null;
}

/** Reference range and flag written after position `pos` (before `limit`). */
export function readReference(norm: string, pos: number, limit: number, value: number): Pick<ValueReading, 'reference' | 'flag' | 'stop'> {
  let at = pos;
  let reference: Reference | undefined;
  let flag: ValueReading['flag'];
  for (let round = 0; round < 3; round++) {
    const rest = norm.slice(at, limit);
    if (!reference) {
      const hit = BRACKET_RANGE.exec(rest) ?? BARE_RANGE.exec(rest);
      const range = hit ? rangeOf(hit) : null;
      if (hit && range) {
        reference = { low: range.low, high: range.high, text: hit[0].trim().replace(/^[([]\s*|\s*[)\]]$/g, '') };
        at += hit[0].length;
        continue;
      }
    }
    if (!flag) {
      const f = BRACKET_FLAG.exec(rest) ?? BRACKET_LETTER.exec(rest) ?? BARE_FLAG.exec(rest) ?? BARE_LETTER.exec(rest);
      if (f?.[1]) {
        flag = flagOf(f[1]);
        at += f[0].length;
        continue;
      }
    }
    break;
  }
  if (!flag && reference) {
    if (reference.low !== null && value < reference.low) flag = 'low';
    else if (reference.high !== null && value > reference.high) flag = 'high';
    else flag = 'normal';
  }
  // Keys set one by one, not spread from conditional objects (a runtime call per object in V8).
  const out: Pick<ValueReading, 'reference' | 'flag' | 'stop'> = {} as Pick<ValueReading, 'reference' | 'flag' | 'stop'>;
  if (reference) out.reference = reference;
  if (flag) out.flag = flag;
  out.stop = at;
  return out;
}

/**
 * The value that follows an analyte label ending at `from`: only brackets, punctuation
 * and words may come between (no other number outside brackets, no line break), at most
 * `maxGap` characters. Dates in the gap are stepped over.
 */
export function readValueAfter(norm: string, from: number, limit: number, lex: LexiconSet, maxGap = 60): ValueReading | null {
  const lang = lex.lang;
  const lineEnd = norm.indexOf('\n', from);
  const end = Math.min(limit, lineEnd < 0 ? norm.length : lineEnd);
  NUMBER_AT.lastIndex = from;
  for (let m = NUMBER_AT.exec(norm); m && m.index < end; m = NUMBER_AT.exec(norm)) {
    const numText = m[1]!;
    const numStart = m.index + m[0].length - numText.length;
    let numEnd = m.index + m[0].length;
    const gap = norm
      .slice(from, m.index)
      .replace(SKIP_BRACKETS, (s) => ' '.repeat(s.length))
      .replace(DATE_OR_TIME, (s) => ' '.repeat(s.length));
    if (gap.length > maxGap) return null;
    // Inside brackets: a bracket still open before the number.
    if (gap.includes('(')) continue;
    // A date or a time is not the value ("B12 on 06.06.2019: ...").
    if (/^(?:[.:]\d|\/\d{1,2}\/)/.test(norm.slice(numEnd, numEnd + 4))) {
      NUMBER_AT.lastIndex = numEnd + 1;
      continue;
    }
    if (/\d/.test(gap) || THRESHOLD_GAP.test(gap)) return null;
    // English writes thousands with a comma ("protein 1,342"); Russian never does.
    const value = lang === 'en' && /^\d{1,3}(?:,\d{3})+$/.test(numText) ? Number(numText.replace(/,/g, '')) : parseNumber(numText);
    if (value === null) return null;
    let denominator: number | undefined;
    const den = /^[ \t]*\/[ \t]*(\d+)(?![\d\p{L}^])/u.exec(norm.slice(numEnd, end));
    if (den) {
      denominator = Number(den[1]);
      numEnd += den[0].length;
    }
    let unit = readUnitAt(norm, numEnd, lex);
    // A flag column between the result and its unit ("182  L  pg/mL", "28,4 H мкмоль/л").
    let preFlag: ValueReading['flag'];
    if (!unit) {
      const f = BARE_LETTER.exec(norm.slice(numEnd, end)) ?? BARE_FLAG.exec(norm.slice(numEnd, end));
      const flagged = f?.[1] ? readUnitAt(norm, numEnd + f[0].length, lex) : null;
      if (f?.[1] && flagged) {
        unit = flagged;
        preFlag = flagOf(f[1]);
      }
    }
    const unknown = unit ? null : looksLikeUnit(norm, numEnd);
    const after = unit ? unit.end : numEnd;
    const ref = readReference(norm, after, end, denominator ? value / denominator : value);
    if (preFlag) ref.flag = preFlag;
    const reading: ValueReading = { value, start: numStart, end: numEnd, unit: unit ? unit.unit : null } as ValueReading;
    if (unknown) reading.unknownUnit = unknown;
    if (denominator) reading.denominator = denominator;
    return Object.assign(reading, ref);
  }
  return null;
}

/** Convert a reference range with the factor its value took. */
export function scaleReference(ref: Reference | undefined, factor: number): Reference | undefined {
  if (!ref) return undefined;
  const s = (v: number | null) => (v === null ? null : Math.round(v * factor * 1000) / 1000);
  return { low: s(ref.low), high: s(ref.high), text: ref.text };
}

/**
 * The finding of a value read after a label and converted to the dictionary unit: evidence from
 * the label to the end of the reading, the reference range in the same unit, the flag; implied
 * when no unit was written.
 */
export function convertedValueFinding(
  ctx: ExtractContext,
  field: FieldName,
  labelStart: number,
  reading: ValueReading,
  converted: Extract<Conversion, { ok: true }>,
): Finding {
  const reference = scaleReference(reading.reference, converted.factor);
  return ctx.finding({
    field,
    value: converted.value,
    start: labelStart,
    end: Math.max(reading.end, reading.stop),
    assertion: 'affirmed',
    unit: converted.unit,
    ...(reference ? { reference } : {}),
    ...(reading.flag ? { flag: reading.flag } : {}),
    ...(reading.unit ? {} : { implied: true }),
  });
}
