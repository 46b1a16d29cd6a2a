/**
 * Measurement rows of enmg.measurements and how a parameter word, the study in context and
 * the unit combine into the row's study, param and unit (fields.json: enmg.measurements).
 */
import type { Reference } from '../../../src/schema/evidence.js';
import type { Unit, ValueToken } from './cues.js';

export type Study = 'motor' | 'sensory' | 'f_wave' | 'h_reflex' | 'mep';
export type Param =
  | 'amplitude' | 'amplitude_change_pct' | 'distal_latency' | 'residual_latency' | 'conduction_velocity'
  | 'min_latency' | 'persistence_pct' | 'central_conduction_time';

export interface Row {
  nerve: string | null;
  side: 'left' | 'right' | null;
  study: Study;
  param: Param;
  value: number;
  value_max: number | null;
  unit: Unit;
}

export interface RowFinding {
  row: Row;
  start: number;
  end: number;
  reference?: Reference;
  flag?: 'low' | 'normal' | 'high';
}

const STUDIES: readonly string[] = ['motor', 'sensory', 'f_wave', 'h_reflex', 'mep'];
export const isStudy = (s: string): s is Study => STUDIES.includes(s);

const UNITS_OF: Record<string, readonly Unit[]> = {
  amplitude: ['mV', 'uV'],
  latency: ['ms'],
  distal_latency: ['ms'],
  residual_latency: ['ms'],
  min_latency: ['ms'],
  central_conduction_time: ['ms'],
  conduction_velocity: ['m/s'],
  persistence_pct: ['%'],
};

/** Whether a parameter word ("study:param" from lexicons/enmg/params) can carry a value in this unit. */
export function paramFitsUnit(cue: string, unit: Unit | null): boolean {
  const param = cue.split(':')[1] ?? '';
  return unit === null || (UNITS_OF[param]?.includes(unit) ?? false);
}

export interface Resolved {
  study: Study;
  param: Param;
  unit: Unit;
}

/**
 * The concrete study, param and unit of a value: the word's own study wins over the context;
 * "latency" alone is distal for nerve conduction and minimal for F-waves and H-reflexes.
 */
// Nerves that carry only sensory fibres in routine studies.
const SENSORY_NERVES: readonly string[] = ['sural', 'superficial_peroneal'];

export function resolveParam(cue: string, context: Study | null, unit: Unit | null, nerve: string | null = null): Resolved | null {
  const [own, word] = cue.split(':') as [string, string];
  if (!paramFitsUnit(cue, unit)) return null;
  let study: Study | null = own !== '*' && isStudy(own) ? own : context;
  if (nerve && SENSORY_NERVES.includes(nerve) && (study === null || study === 'motor') && unit !== 'mV') study = 'sensory';
  let param: Param;
  switch (word) {
    case 'latency':
      if (study === 'mep') return null;
      param = study === 'f_wave' || study === 'h_reflex' ? 'min_latency' : 'distal_latency';
      break;
    case 'min_latency':
      param = 'min_latency';
      if (study !== 'h_reflex') study = 'f_wave';
      break;
    case 'distal_latency':
    case 'conduction_velocity':
      param = word;
      if (study !== 'sensory') study = 'motor';
      break;
    case 'residual_latency':
      param = word;
      study = 'motor';
      break;
    case 'persistence_pct':
      param = word;
      study = 'f_wave';
      break;
    case 'central_conduction_time':
      param = word;
      study = 'mep';
      break;
    case 'amplitude':
      param = word;
      if (study === null || study === 'f_wave') study = unit === 'uV' ? 'sensory' : 'motor';
      break;
    default:
      return null;
  }
  const resolvedStudy: Study = study ?? 'motor';
  const defaultUnit: Unit = param === 'amplitude' ? (resolvedStudy === 'sensory' ? 'uV' : 'mV')
    : param === 'conduction_velocity' ? 'm/s' : param === 'persistence_pct' ? '%' : 'ms';
  return { study: resolvedStudy, param, unit: unit ?? defaultUnit };
}

/** A reference range from limit values ("≥ 3,5", "< 8.0", "up to 2.5"). */
export function referenceOf(limits: ValueToken[], text: string): Reference {
  let low: number | null = null;
  let high: number | null = null;
  for (const l of limits) {
    if (l.valueMax !== null) {
      low = l.value;
      high = l.valueMax;
    } else if (l.comparator && /[≥>⩾]/.test(l.comparator)) low = l.value;
    else high = l.value;
  }
  return { low, high, text };
}

export function flagOf(value: number, ref: Reference): 'low' | 'normal' | 'high' {
  if (ref.low !== null && value < ref.low) return 'low';
  if (ref.high !== null && value > ref.high) return 'high';
  return 'normal';
}

/** The row for a value; MEP rows name a muscle, not a nerve, so their nerve stays null. */
export function makeRow(nerve: string | null, side: 'left' | 'right' | null, r: Resolved, value: number, valueMax: number | null): Row {
  return { nerve: r.study === 'mep' ? null : nerve, side, study: r.study, param: r.param, value, value_max: valueMax, unit: r.unit };
}
