/**
 * The small vocabulary of conduction values, found in a range of the normalized text:
 * nerve, side, study, parameter, reference and change words (from lexicons/enmg/*) and
 * numeric values with their unit. Both the table reader and the narrative reader use it.
 */
import type { ParsedReport } from '../../../src/pipeline/document.js';
import { parseNumber } from '../../../src/text/numbers.js';

export type Unit = 'mV' | 'uV' | 'ms' | 'm/s' | '%';
export type SideValue = 'right' | 'left' | 'both' | 'pair';

export interface Cue {
  start: number;
  end: number;
  text: string;
  value: string;
}

export interface ValueToken {
  start: number;
  end: number;
  value: number;
  valueMax: number | null;
  unit: Unit | null;
  /** "≥", "<"...: the number is a limit (a reference), not a measured value. */
  comparator: string | null;
}

export interface Cues {
  nerves: Cue[];
  sides: Cue[];
  studies: Cue[];
  params: Cue[];
  refs: Cue[];
  changes: Cue[];
  values: ValueToken[];
}

const NUM = String.raw`\d+(?:[.,]\d+)?`;
const COMPARATOR = String.raw`[≤≥<>⩽⩾]=?|=<|>=|<=`;

function lexCues(doc: ParsedReport, id: string, from: number, to: number): Cue[] {
  return doc.lex.get(id).find(doc.norm, from, to).map((m) => ({
    start: m.start, end: m.end, text: m.text, value: String(m.term.value ?? ''),
  }));
}

const unitRegexCache = new WeakMap<object, { re: RegExp; pair: RegExp; units: Array<{ exact: RegExp; value: Unit }> }>();

/** The value regex of the report's language: a number or range, then an optional unit from the units lexicon. */
function valueRegex(doc: ParsedReport): { re: RegExp; pair: RegExp; units: Array<{ exact: RegExp; value: Unit }> } {
  const matcher = doc.lex.get('enmg/units');
  const hit = unitRegexCache.get(matcher);
  if (hit) return hit;
  const terms = [...matcher.terms].sort((a, b) => b.source.length - a.source.length);
  const unitAlt = terms.map((t) => `(?:${t.source})`).join('|');
  // A unit may stick to the number ("4.2ms"); it must not run into a following word.
  const re = new RegExp(
    String.raw`(?<![\p{L}\p{N}.,/])(?:(${COMPARATOR})\s*)?(${NUM})(?:\s*-\s*(${NUM}))?(?![.,]?\d)(?:\s*(${unitAlt})(?![\p{L}\p{N}]))?`,
    'giu',
  );
  // "38/40 м/с", "4,1/3,8 мВ": two values (right/left) sharing the unit after the second.
  const pair = new RegExp(String.raw`\s*/\s*(${NUM})(?![.,]?\d)\s*(${unitAlt})(?![\p{L}\p{N}])`, 'iuy');
  const built = { re, pair, units: terms.map((t) => ({ exact: t.exact, value: String(t.value) as Unit })) };
  unitRegexCache.set(matcher, built);
  return built;
}

export function findValues(doc: ParsedReport, from: number, to: number): ValueToken[] {
  const { re, pair, units } = valueRegex(doc);
  const out: ValueToken[] = [];
  const hay = doc.norm.slice(0, to);
  re.lastIndex = from;
  for (let m = re.exec(hay); m; m = re.exec(hay)) {
    const value = parseNumber(m[2]!);
    if (value === null) continue;
    const max = m[3] !== undefined ? parseNumber(m[3]) : null;
    const unitText = m[4];
    const unit = unitText ? (units.find((u) => u.exact.test(unitText))?.value ?? null) : null;
    pair.lastIndex = m.index + m[0].length;
    const second = !unitText && m[3] === undefined ? pair.exec(hay) : null;
    const secondValue = second ? parseNumber(second[1]!) : null;
    if (second && secondValue !== null) {
      const u = units.find((x) => x.exact.test(second[2]!))?.value ?? null;
      const at = second.index + second[0].indexOf(second[1]!);
      out.push({ start: m.index, end: m.index + m[0].length, value, valueMax: null, unit: u, comparator: m[1] ?? null });
      out.push({ start: at, end: pair.lastIndex, value: secondValue, valueMax: null, unit: u, comparator: null });
      re.lastIndex = pair.lastIndex;
      continue;
    }
    // A number glued to a level or an ordinal ("L5", "2nd") is not a value; the lookbehind covers letters.
    out.push({ start: m.index, end: m.index + m[0].length, value, valueMax: max !== null && max > value ? max : null, unit, comparator: m[1] ?? null });
  }
  return out;
}

/** Single-letter sides (R, L, D, S) count only where written in capitals. */
function keepSide(c: Cue, lettersAllowed: string): boolean {
  if (c.text.length > 1) return true;
  return lettersAllowed.includes(c.text);
}

export interface CueOptions {
  /** Capital single letters accepted as sides: "RL" in prose, "RLDS" in table cells. */
  sideLetters?: string;
}

export function findCues(doc: ParsedReport, from: number, to: number, opts: CueOptions = {}): Cues {
  const letters = opts.sideLetters ?? 'RL';
  return {
    nerves: lexCues(doc, 'enmg/nerves', from, to),
    sides: lexCues(doc, 'enmg/sides', from, to).filter((c) => keepSide(c, letters)),
    studies: lexCues(doc, 'enmg/studies', from, to),
    params: lexCues(doc, 'enmg/params', from, to),
    refs: lexCues(doc, 'enmg/reference', from, to),
    changes: lexCues(doc, 'enmg/change', from, to),
    values: findValues(doc, from, to),
  };
}

/** The sides a side cue stands for, in order. */
export function sidesOf(value: string): Array<'right' | 'left'> {
  if (value === 'right') return ['right'];
  if (value === 'left') return ['left'];
  return ['right', 'left'];
}
