/**
 * Conduction values written as prose, sentence by sentence: a nerve word sets the nerve, a
 * parameter word the parameter, a study word the study; each value takes the side written
 * right next to it ("справа 2,3 мВ", "6.2 mV on the right", "4.2 ms (R)"), else a list order
 * ("44 и 45 м/с справа и слева соответственно"), else the side said earlier in the sentence.
 * A percentage after a decrease word is an amplitude change (negative). Values inside a
 * normal-range bracket, after a comparator or in a "Reference:" sentence are references.
 */
import type { ParsedReport } from '../../../src/pipeline/document.js';
import { isSpaceUnit } from '../../../src/text/chars.js';
import { findCues, sidesOf, type Cue, type Cues, type ValueToken } from './cues.js';
import { flagOf, isStudy, makeRow, paramFitsUnit, referenceOf, resolveParam, type RowFinding, type Study } from './rows.js';

interface Range {
  start: number;
  end: number;
}

interface State {
  nerve: string | null;
  study: Study | null;
  param: string | null;
}

const FORWARD_GAP = /^\.?\s*(?:[:\-]\s*)?(?:(?:by|на|to|до|of|at)\s+)?$/iu;
const BACKWARD_GAP = /^\s*(?:\(\s*)?(?:to\s+(?:the\s+)?)?(?:(?:lower|higher|less|ниже|выше|меньше|больше)\s+)?(?:(?:on|in|at)\s+(?:the\s+)?)?$/iu;
const LIST_JOINER = /^\s*(?:and|и|\/|,|or|или|versus|vs\.?)\s*$/iu;
const RESPECTIVELY = /respectively|соответственно/iu;
const TO_NOT_BY = /(?:^|\s)(?:to|до)\s*$/iu;
const COMPARATIVE_AFTER = /^\s*(?:lower|less|smaller|ниже|меньше)/iu;
const RESPONSE_WORD = /response|ответ|potential|потенциал|ПД|wave|волн/iu;
const LIMIT_WORD = /limit|границ|нормы|ULN|LLN|referen|референ|cut/iu;

/** Bracketed spans stating a normal range: "(N > 3.5 mV)", "(≤ 4,2)", "нормы (3,7 мВ)". */
function referenceSpans(doc: ParsedReport, range: Range, cues: Cues): Range[] {
  const out: Range[] = [];
  const text = doc.norm;
  for (let i = text.indexOf('(', range.start); i >= 0 && i < range.end; i = text.indexOf('(', i + 1)) {
    const close = text.indexOf(')', i);
    if (close < 0 || close > range.end) continue;
    const inner = text.slice(i + 1, close);
    const startsRef = cues.refs.some((r) => r.start >= i && /^\s*$/.test(text.slice(i + 1, r.start)))
      || /^\s*[≤≥<>⩽⩾]/.test(inner);
    // "lower limit of normal (3.7 mV)" is a reference; "are normal (18 uV right)" is not.
    const afterRef = cues.refs.some((r) => r.end <= i && /^\s*$/.test(text.slice(r.end, i)) && LIMIT_WORD.test(r.text));
    if (startsRef || afterRef) out.push({ start: i, end: close + 1 });
  }
  // "норма 4,0", "normal up to 2.5 ms" without brackets: the value right after the word.
  for (const r of cues.refs) {
    const v = cues.values.find((x) => x.start >= r.end);
    if (v && /^\s*[:=]?\s*(?:(?:up\s+to|до|не\s+более|не\s+менее|more\s+than|less\s+than|above|below|>|<|≥|≤)\s*)?$/iu.test(text.slice(r.end, v.start))) {
      out.push({ start: r.start, end: v.end });
    }
  }
  return out;
}

/** A sentence that only lists normal values ("Reference: ...", "Нормативы: ..."). */
function isReferenceSentence(doc: ParsedReport, range: Range, cues: Cues): boolean {
  const colon = doc.norm.indexOf(':', range.start);
  if (colon < 0 || colon - range.start > 40) return false;
  return cues.refs.some((r) => r.start < colon && r.start - range.start < 25);
}

interface Bound {
  sides: Array<'right' | 'left'>;
}

/** Lines inside a "Right ... Left" table: the side of a value by its column. */
export interface SideColumns {
  start: number;
  end: number;
  bounds: Array<{ col: number; side: 'right' | 'left' }>;
}

export function readNarrative(doc: ParsedReport, skip: Range[], layouts: SideColumns[] = []): RowFinding[] {
  const out: RowFinding[] = [];
  let state: State = { nerve: null, study: null, param: null };
  let heading: Study | null = null;
  let previous: Range | null = null;
  for (const sentence of units(doc)) {
    const carry = previous && (!doc.norm.slice(previous.end, sentence.start).includes('\n') || endsWithMark(doc.norm, previous.start, previous.end, ':;,'));
    if (!carry) state = { nerve: null, study: heading, param: null };
    if (previous && doc.sections.find((s) => s.start <= sentence.start && sentence.start < s.end && s.start > previous!.start)) heading = null;
    for (const part of unmasked(sentence, skip)) {
      const result = readSentence(doc, part, state, out, layouts);
      state = result.state;
      if (result.heading) heading = result.heading;
    }
    previous = sentence;
  }
  return out;
}

/** Does [start, end) end in one of `marks`, spaces after it aside? Read from the end: a `/[:;,]\s*$/` tries every position. */
function endsWithMark(text: string, start: number, end: number, marks: string): boolean {
  let i = end;
  while (i > start && isSpaceUnit(text.charCodeAt(i - 1))) i--;
  return i > start && marks.includes(text[i - 1]!);
}

/** Sentences, with a split after an abbreviation undone ("n. medianus dex. - 8 мкВ"). */
function units(doc: ParsedReport): Range[] {
  const out: Range[] = [];
  for (const s of doc.sentences) {
    const last = out[out.length - 1];
    if (last && !doc.norm.slice(last.end, s.start).includes('\n') && /^[-:\d(]/.test(doc.norm.slice(s.start, s.start + 1))) last.end = s.end;
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function unmasked(range: Range, skip: Range[]): Range[] {
  let parts: Range[] = [range];
  for (const s of skip) {
    parts = parts.flatMap((p) => (s.end <= p.start || s.start >= p.end ? [p]
      : [{ start: p.start, end: s.start }, { start: s.end, end: p.end }].filter((r) => r.end > r.start)));
  }
  return parts;
}

function readSentence(doc: ParsedReport, range: Range, init: State, out: RowFinding[], layouts: SideColumns[]): { state: State; heading: Study | null } {
  const cues = findCues(doc, range.start, range.end);
  const state: State = { ...init };
  const refSpans = referenceSpans(doc, range, cues);
  const inRef = (v: ValueToken) => v.comparator !== null || refSpans.some((r) => v.start >= r.start && v.end <= r.end);
  const refSentence = isReferenceSentence(doc, range, cues);
  const values = cues.values.filter((v) => !inRef(v) && !refSentence);
  const refs = cues.values.filter((v) => inRef(v) && !refSentence);
  const text = doc.norm;
  const between = (a: number, b: number) => text.slice(a, b);
  const cueBetween = (a: number, b: number) =>
    [...cues.nerves, ...cues.params, ...cues.studies].some((c) => c.start >= a && c.end <= b);

  // "CMCT (ms): APB R 7.2 / L 7.0": a unit in brackets after a measuring word serves its bare numbers.
  for (const p of cues.params) {
    const declared = /^\s*\(([^()\d]{1,8})\)/.exec(between(p.end, range.end));
    const unit = declared ? doc.lex.get('enmg/units').find(text, p.end, p.end + declared[0].length)[0]?.term.value as ValueToken['unit'] | undefined : undefined;
    if (!unit) continue;
    const next = cues.params.find((q) => q.start > p.end)?.start ?? range.end;
    for (const v of values) if (v.unit === null && v.start > p.end && v.start < next) v.unit = unit;
  }

  // Lists "4.8 and 6.1 mV": earlier members take the unit of the last.
  const listOf = new Map<ValueToken, ValueToken[]>();
  for (let i = 0; i < values.length; i++) {
    const list = [values[i]!];
    while (i + 1 < values.length && LIST_JOINER.test(between(list[list.length - 1]!.end, values[i + 1]!.start))
      && (list[list.length - 1]!.unit === null || list[list.length - 1]!.unit === values[i + 1]!.unit)) list.push(values[++i]!);
    const unit = list[list.length - 1]!.unit;
    for (const v of list) {
      if (v.unit === null) v.unit = unit;
      listOf.set(v, list);
    }
  }

  // Sides written right next to a value bind to it (forward first, "справа 2,3 мВ").
  const bound = new Map<ValueToken, Bound>();
  const unboundSides: Cue[] = [];
  // Sides written after their value ("6.2 mV on the right") end a series: they set no side for
  // what follows; "on both sides" goes on covering the sentence.
  const trailing = new Set<Cue>();
  for (const side of cues.sides) {
    const next = values.find((v) => v.start >= side.end);
    if (next && FORWARD_GAP.test(between(side.end, next.start)) && !bound.has(next)) {
      bind(next, side);
      continue;
    }
    const prev = [...values].reverse().find((v) => v.end <= side.start);
    if (prev && BACKWARD_GAP.test(between(prev.end, side.start)) && !bound.has(prev)) {
      bind(prev, side);
      if (side.value !== 'both') trailing.add(side);
      continue;
    }
    unboundSides.push(side);
  }
  function bind(v: ValueToken, side: Cue): void {
    const list = listOf.get(v) ?? [v];
    if (side.value === 'pair' && list.length > 1) list.forEach((m, i) => bound.set(m, { sides: [sidesOf('pair')[i] ?? 'left'] }));
    else bound.set(v, { sides: sidesOf(side.value) });
  }
  // The order "respectively" refers to: a "right and left" phrase, else the sides as written.
  const ordered: Array<'right' | 'left'> = unboundSides.some((s) => s.value === 'pair')
    ? ['right', 'left'] : cues.sides.flatMap((s) => (s.value === 'right' || s.value === 'left' ? [s.value] : []));
  const respectively = RESPECTIVELY.test(between(range.start, range.end)) || unboundSides.some((s) => s.value === 'pair');

  type Event = { at: number; kind: 'nerve' | 'side' | 'study' | 'param' | 'change'; cue: Cue } | { at: number; kind: 'value'; v: ValueToken };
  const events: Event[] = [
    ...cues.nerves.map((cue) => ({ at: cue.start, kind: 'nerve' as const, cue })),
    ...cues.sides.map((cue) => ({ at: cue.start, kind: 'side' as const, cue })),
    ...cues.studies.map((cue) => ({ at: cue.start, kind: 'study' as const, cue })),
    ...cues.params.map((cue) => ({ at: cue.start, kind: 'param' as const, cue })),
    ...cues.changes.map((cue) => ({ at: cue.start, kind: 'change' as const, cue })),
    ...values.map((v) => ({ at: v.start, kind: 'value' as const, v })),
  ].sort((a, b) => a.at - b.at);

  let side: Array<'right' | 'left'> | null = null;
  let valueSinceSide = false;
  let change: { sign: number; at: number } | null = null;
  let changeRun = false;
  let lastWasParam = false;
  const params: Cue[] = [];
  let sawValue = false;
  let headingStudy: Study | null = null;
  for (const e of events) {
    if ('v' in e) {
      sawValue = true;
      valueSinceSide = true;
      const v = e.v;
      const list = listOf.get(v) ?? [v];
      let sides: Array<'right' | 'left' | null> = bound.get(v)?.sides ?? [];
      if (!sides.length && list.length > 1 && respectively && ordered.length >= list.length) {
        const pairSide = ordered[list.indexOf(v)];
        if (pairSide) sides = [pairSide];
      }
      if (!sides.length) sides = side ?? [columnSide(v.start, layouts)];
      const finding = valueRow(v);
      if (!finding) continue;
      for (const s of sides) out.push({ ...finding, row: { ...finding.row, side: s } });
    } else if (e.kind === 'nerve') {
      // A side said before any value still belongs to this nerve ("Справа: ... срединного нерва 4,1 мВ").
      // The same nerve named again ("fibular head", a stimulation site) keeps the side.
      if (valueSinceSide && e.cue.value !== state.nerve) side = null;
      state.nerve = e.cue.value;
    } else if (e.kind === 'side') {
      side = trailing.has(e.cue) ? null : sidesOf(e.cue.value);
      valueSinceSide = false;
    } else if (e.kind === 'study') {
      if (isStudy(e.cue.value)) state.study = e.cue.value;
    } else if (e.kind === 'param') {
      params.push(e.cue);
      state.param = e.cue.value;
      const own = e.cue.value.split(':')[0]!;
      if (isStudy(own)) state.study = own;
      lastWasParam = true;
      changeRun = false;
    } else if (e.kind === 'change') {
      change = { sign: e.cue.value === 'increase' ? 1 : -1, at: e.cue.end };
      lastWasParam = false;
    }
  }
  function valueRow(v: ValueToken): RowFinding | null {
    if (v.unit === '%') {
      const after = text.slice(v.end, v.end + 12);
      const amplitudeContext = state.param === null || state.param.endsWith(':amplitude');
      // "decreased amplitudes of M-responses by 51%": a change word before the parameter still governs "by N%".
      const byWord = /(?:by|на)\s*$/iu.test(text.slice(Math.max(range.start, v.start - 6), v.start));
      const byChange = change !== null && (!lastWasParam || byWord) && !TO_NOT_BY.test(between(change.at, v.start));
      const comparative = COMPARATIVE_AFTER.test(after);
      if (amplitudeContext && (byChange || comparative || changeRun)) {
        changeRun = true;
        const sign = comparative ? -1 : (change?.sign ?? -1);
        const study = state.param?.split(':')[0];
        const r = { study: (study && isStudy(study) ? study : state.study ?? 'motor'), param: 'amplitude_change_pct' as const, unit: '%' as const };
        return { row: makeRow(state.nerve, null, r, sign * v.value, v.valueMax === null ? null : sign * v.valueMax), start: v.start, end: v.end };
      }
      if (state.param?.endsWith(':persistence_pct')) {
        const r = resolveParam(state.param, state.study, '%', state.nerve);
        return r ? { row: makeRow(state.nerve, null, r, v.value, v.valueMax), start: v.start, end: v.end } : null;
      }
      return null;
    }
    if (v.unit === null) {
      // A bare number right after a measuring word ("amplitude 2.5", "DL 4.1") takes the word's default unit.
      const cue = [...params].reverse().find((p) => p.end <= v.start);
      if (!cue || !/^\s*[:=]?\s*$/.test(between(cue.end, v.start)) || RESPONSE_WORD.test(cue.text)) return null;
      const r = resolveParam(cue.value, state.study, null, state.nerve);
      return r ? { row: makeRow(state.nerve, null, r, v.value, v.valueMax), start: v.start, end: v.end } : null;
    }
    const fitting = [...params].reverse().find((p) => p.end <= v.start && paramFitsUnit(p.value, v.unit))?.value
      ?? (state.param && paramFitsUnit(state.param, v.unit) ? state.param : null)
      ?? (v.unit === 'm/s' ? '*:conduction_velocity' : v.unit === 'mV' ? '*:amplitude' : v.unit === 'uV' ? 'sensory:amplitude' : null);
    if (!fitting) return null;
    const r = resolveParam(fitting, state.study, v.unit, state.nerve);
    if (!r) return null;
    const finding: RowFinding = { row: makeRow(state.nerve, null, r, v.value, v.valueMax), start: v.start, end: v.end };
    const limits = refs.filter((x) => x.start > v.end && x.start - v.end < 40 && !values.some((y) => y.start > v.end && y.start < x.start) && (x.unit === null || x.unit === v.unit));
    if (limits.length) {
      finding.reference = referenceOf(limits.slice(0, 1), text.slice(limits[0]!.start, limits[0]!.end));
      finding.flag = flagOf(v.value, finding.reference);
    }
    return finding;
  }
  // A line that names a study and gives no value heads what follows ("Сенсорные волокна:").
  if (!sawValue && cues.studies.length && !cues.nerves.length) {
    const short = text.slice(range.start, range.end).split(/\s+/).length <= 6;
    if (short || endsWithMark(text, range.start, range.end, ':')) {
      const s = cues.studies[cues.studies.length - 1]!.value;
      if (isStudy(s)) headingStudy = s;
    }
  }
  return { state, heading: headingStudy };
}

function columnSide(pos: number, layouts: SideColumns[]): 'right' | 'left' | null {
  const line = layouts.find((l) => pos >= l.start && pos < l.end);
  if (!line) return null;
  let side: 'right' | 'left' | null = null;
  for (const b of line.bounds) if (pos - line.start >= b.col - 2) side = b.side;
  return side;
}
