import type { RecordLine } from '../../src/schema/output.js';

/** A report of a test case: id, date and dotted record fields; report.type defaults from the field prefix. */
export type CaseReport = { id: string; date?: string; patient?: string } & Record<string, unknown>;

const TYPE_BY_PREFIX: Record<string, string> = { mri: 'mri', enmg: 'enmg', csf: 'csf', lab: 'lab', note: 'note' };

/** Builds a RecordLine (findings: []) from a small partial record; absent fields stay absent (read as null). */
export function caseLine(r: CaseReport, patient = 'case'): RecordLine {
  const { id, date, patient: p, ...fields } = r;
  const record: Record<string, unknown> = { ...fields };
  if (!('report.type' in record)) {
    const prefix = Object.keys(fields).map((k) => k.slice(0, k.indexOf('.'))).find((k) => k in TYPE_BY_PREFIX);
    if (prefix) record['report.type'] = TYPE_BY_PREFIX[prefix];
  }
  if (date !== undefined && !('report.date' in record)) record['report.date'] = String(date);
  return {
    id: String(id), patient: p ?? patient, date: date === undefined ? null : String(date),
    record: record as RecordLine['record'], findings: [], warnings: [],
  };
}
