import { z } from 'zod';
import type { Reducer } from '../../extractors/define.js';
import type { Finding, Warning } from '../schema/evidence.js';
import { emptyValue, RecordShape, type FieldName } from '../schema/record.js';
import type { ParsedReport } from './document.js';

const STATUS_RANK: Record<string, number> = { present: 3, uncertain: 2, absent: 1 };
/** Where a stated value is most trustworthy: the conclusion sums up the description. */
const SECTION_RANK: Record<string, number> = {
  impression: 6, findings: 5, technique: 4, other: 3, header: 2, clinical: 1,
};

const isStatusField = (field: FieldName): boolean => {
  const schema = RecordShape[field];
  return schema instanceof z.ZodNullable && schema.unwrap() instanceof z.ZodEnum
    && (schema.unwrap() as z.ZodEnum).options.includes('present' as never);
};
const isArrayField = (field: FieldName): boolean => RecordShape[field] instanceof z.ZodArray;

/** Status: the strongest claim wins (present over uncertain over absent). */
export const reduceStatus: Reducer = (findings) => {
  let best: Finding | undefined;
  for (const f of findings) if (!best || (STATUS_RANK[String(f.value)] ?? 0) > (STATUS_RANK[String(best.value)] ?? 0)) best = f;
  return best ? best.value : null;
};

/** Sets: the union of the values, de-duplicated by JSON form, in text order. */
export const reduceSet: Reducer = (findings) => {
  const seen = new Map<string, unknown>();
  for (const f of [...findings].sort((a, b) => a.span[0] - b.span[0])) {
    for (const v of Array.isArray(f.value) ? f.value : [f.value]) {
      const key = JSON.stringify(v);
      if (!seen.has(key)) seen.set(key, v);
    }
  }
  return [...seen.values()];
};

/** Orders findings by trust: stated before implied, conclusion before description, then text order. */
export function byTrust(a: Finding, b: Finding): number {
  return (
    Number(a.implied ?? false) - Number(b.implied ?? false) ||
    (SECTION_RANK[b.section] ?? 0) - (SECTION_RANK[a.section] ?? 0) ||
    a.span[0] - b.span[0]
  );
}

/** Scalars: the most trusted finding. */
export const reduceScalar: Reducer = (findings) => {
  const best = [...findings].sort(byTrust)[0];
  return best === undefined ? null : best.value;
};

// A field's schema never changes: its default reducer is found once (schema class tests per report added up).
const defaults = new Map<FieldName, Reducer>();

export function defaultReducer(field: FieldName): Reducer {
  let reducer = defaults.get(field);
  if (!reducer) {
    reducer = isArrayField(field) ? reduceSet : isStatusField(field) ? reduceStatus : reduceScalar;
    defaults.set(field, reducer);
  }
  return reducer;
}

/**
 * One record value per field from the findings, each validated against its schema: a
 * value an extractor got wrong is dropped with a warning rather than failing the report.
 */
export function assembleRecord(
  doc: ParsedReport,
  fields: readonly FieldName[],
  findings: readonly Finding[],
  reducers: Map<FieldName, Reducer>,
  warnings: Warning[],
): Record<string, unknown> {
  const byField = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byField.get(f.field);
    if (list) list.push(f);
    else byField.set(f.field, [f]);
  }
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    const list = byField.get(field);
    if (!list?.length) {
      record[field] = emptyValue(field);
      continue;
    }
    const value = (reducers.get(field) ?? defaultReducer(field))(list, doc);
    const checked = RecordShape[field].safeParse(value);
    if (checked.success) record[field] = checked.data ?? emptyValue(field);
    else {
      warnings.push({ code: 'E_EXTRACTOR_CRASHED', message: `${field}: invalid value dropped (${checked.error.issues[0]?.message})` });
      record[field] = emptyValue(field);
    }
  }
  return record;
}
