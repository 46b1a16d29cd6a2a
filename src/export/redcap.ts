/**
 * REDCap: the data dictionary (`redcapDictionary`) and the import CSV (`recordsToRedcap`), both
 * from the layout of redcap-layout.ts; `readRedcapBack` (redcap-read.ts) reads an import CSV back
 * through the dictionary. The patient is record_id; every report is an instance of its type's
 * repeating instrument, every ENMG measurement row an instance of enmg_measurement, every error
 * line an instance of report_error (never dropped).
 */
import { stringify } from 'csv-stringify/sync';
import { groupByPatient, UNKNOWN_PATIENT } from '../classify/group.js';
import { isErrorLine, type ErrorLine, type OutputLine, type RecordLine } from '../schema/output.js';
import type { PatientLine } from '../schema/patient.js';
import type { FieldName } from '../schema/record.js';
import {
  choiceCode, DICTIONARY_HEADER, formFields, importColumns, OTHER, redcapFields, reportForm, variableName, type FormType, type RcField,
} from './redcap-layout.js';
import type { ExportWarning } from './warnings.js';

export { readRedcapBack } from './redcap-read.js';
export type { RedcapReadBack } from './redcap-read.js';

/** Form status written to <form>_complete: 1 = Unverified (machine abstraction, not yet reviewed). */
const UNVERIFIED = '1';

/** The REDCap data dictionary CSV (18 standard columns). */
export function redcapDictionary(): string {
  const rows = redcapFields().map((f) => [
    f.name, f.form, f.section ?? '', f.type, f.label,
    (f.choices ?? []).map((c) => `${c.code}, ${c.label}`).join(' | '),
    f.note ?? '', f.validation ?? '', '', '', '', '', '', '', '', '', '', f.annotation,
  ]);
  return stringify([[...DICTIONARY_HEADER], ...rows]);
}

/** REDCap record name of a patient key: "(unknown)" (an error line with no id nor patient) becomes "unknown". */
export const redcapRecordId = (key: string): string => (key === UNKNOWN_PATIENT ? 'unknown' : key);

type Row = Map<string, string>;

function setField(row: Row, f: RcField, value: unknown): void {
  if (f.type === 'checkbox') {
    const have = new Set((Array.isArray(value) ? value : []).map((v) => choiceCode(String(v))));
    for (const c of f.choices ?? []) row.set(`${f.name}___${c.code}`, have.has(c.code) ? '1' : '0');
    return;
  }
  if (value === null || value === undefined) return;
  if (f.type === 'yesno') row.set(f.name, value ? '1' : '0');
  else if (f.type === 'radio' || f.type === 'dropdown') row.set(f.name, choiceCode(String(value)));
  else row.set(f.name, String(value));
}

const formType = (l: RecordLine): FormType => l.record['report.type'] ?? OTHER;

function reportRow(l: RecordLine, byName: Map<string, RcField>, warnings: ExportWarning[]): Row {
  const t = formType(l);
  const row: Row = new Map();
  row.set(`${t}_report_id`, l.id);
  if (l.date) row.set(`${t}_input_date`, l.date);
  const fields = formFields(t);
  for (const f of fields) {
    const rf = byName.get(variableName(t, f));
    if (rf) setField(row, rf, l.record[f]);
  }
  const notes = l.warnings.map((w) => `${w.code}: ${w.message}`);
  for (const [k, v] of Object.entries(l.record)) {
    if (k === 'report.type' || k === 'enmg.measurements' || fields.includes(k as FieldName)) continue;
    if (v === null || (Array.isArray(v) && v.length === 0)) continue;
    const msg = `field ${k} is not part of a ${t} report: not exported`;
    notes.push(`export_field_skipped: ${msg}`);
    warnings.push({ code: 'field_skipped', id: l.id, message: msg });
  }
  if (t !== 'enmg' && (l.record['enmg.measurements']?.length ?? 0) > 0) {
    notes.push('export_field_skipped: enmg.measurements on a report that is not an ENMG: not exported');
    warnings.push({ code: 'field_skipped', id: l.id, message: `enmg.measurements on a ${t} report: not exported` });
  }
  if (notes.length) row.set(`${t}_warnings`, notes.join('\n'));
  row.set(`${reportForm(t)}_complete`, UNVERIFIED);
  return row;
}

const evidenceNote = (ev: PatientLine['differential'][number]['evidence']): string =>
  ev.map((e) => `${e.role ?? ''}${e.role ? ' ' : ''}${e.report}: ${e.field} = ${typeof e.value === 'string' ? e.value : JSON.stringify(e.value)}`).join('\n');

function patientRow(p: PatientLine | undefined, byName: Map<string, RcField>): Row {
  const row: Row = new Map();
  row.set('patient_complete', UNVERIFIED);
  if (!p) return row;
  row.set('patient_reports', p.reports.join('\n'));
  for (const d of p.differential) {
    const f = byName.get(`dx_${d.etiology}`);
    if (f) setField(row, f, d.status);
    if (d.evidence.length) row.set(`dx_${d.etiology}_evidence`, evidenceNote(d.evidence));
  }
  const rec = byName.get('recommendations');
  if (rec) setField(row, rec, p.recommendations.map((r) => r.code));
  for (const r of p.recommendations) row.set(`rec_${r.code}_why`, r.why);
  if (p.warnings.length) row.set('differential_warnings', p.warnings.map((w) => `${w.code}: ${w.message}`).join('\n'));
  row.set('differential_complete', UNVERIFIED);
  return row;
}

export interface RedcapOptions { warnings?: ExportWarning[] }

/**
 * The REDCap import CSV (flat, raw values) for report lines and, optionally, their patient lines.
 * One non-repeating row per patient, then its repeating instances.
 */
export function recordsToRedcap(lines: readonly OutputLine[], patients: readonly PatientLine[] = [], opts: RedcapOptions = {}): string {
  const fields = redcapFields();
  const byName = new Map(fields.map((f) => [f.name, f]));
  const columns = importColumns(fields);
  const warnings = opts.warnings ?? [];
  const pByKey = new Map(patients.map((p) => [p.patient, p]));
  const groups = groupByPatient(lines);
  const keys = [...groups.map((g) => g.patient), ...patients.map((p) => p.patient).filter((k) => !groups.some((g) => g.patient === k))];
  const linesOf = new Map(groups.map((g) => [g.patient, [...g.records, ...g.errors] as OutputLine[]]));
  const out: string[][] = [columns];
  const push = (recordId: string, instrument: string, instance: number | '', row: Row) =>
    out.push(columns.map((c) => (c === 'record_id' ? recordId : c === 'redcap_repeat_instrument' ? instrument : c === 'redcap_repeat_instance' ? String(instance) : row.get(c) ?? '')));

  for (const key of keys) {
    const rid = redcapRecordId(key);
    push(rid, '', '', patientRow(pByKey.get(key), byName));
    const instance = new Map<string, number>();
    const next = (form: string) => { const n = (instance.get(form) ?? 0) + 1; instance.set(form, n); return n; };
    for (const l of linesOf.get(key) ?? []) {
      if (isErrorLine(l)) { push(rid, 'report_error', next('report_error'), errorRow(l)); continue; }
      const t = formType(l);
      push(rid, reportForm(t), next(reportForm(t)), reportRow(l, byName, warnings));
      if (t !== 'enmg') continue;
      for (const m of l.record['enmg.measurements'] ?? []) {
        const row: Row = new Map([['meas_report_id', l.id], ['enmg_measurement_complete', UNVERIFIED]]);
        for (const k of ['study', 'param', 'nerve', 'side', 'value', 'value_max', 'unit'] as const) {
          const f = byName.get(`meas_${k}`);
          if (f) setField(row, f, m[k]);
        }
        push(rid, 'enmg_measurement', next('enmg_measurement'), row);
      }
    }
  }
  return stringify(out);
}

function errorRow(l: ErrorLine): Row {
  return new Map([
    ['error_report_id', l.id ?? ''], ['error_code', l.error.code],
    ['error_message', l.error.message], ['error_input_line', l.error.line === undefined ? '' : String(l.error.line)],
    ['report_error_complete', UNVERIFIED],
  ]);
}
