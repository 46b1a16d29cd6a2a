import type { ErrorLine, OutputLine, RecordLine } from '../schema/output.js';
import { isErrorLine } from '../schema/output.js';

/** All lines of one patient, in input order. */
export interface PatientGroup {
  readonly patient: string;
  readonly records: RecordLine[];
  readonly errors: ErrorLine[];
}

/** Key used for an error line that names neither a patient nor a report. */
export const UNKNOWN_PATIENT = '(unknown)';

/**
 * The patient key of a line. A line with a non-empty `patient` belongs to that patient.
 * A line without one is a patient of its own, keyed by its report id: reports that do not
 * name a patient are never pooled, because mixing strangers' findings would invent a
 * differential. An error line with neither patient nor id goes to UNKNOWN_PATIENT.
 */
export function patientKey(line: OutputLine): string {
  const patient = line.patient;
  if (typeof patient === 'string' && patient.trim() !== '') return patient;
  return line.id ?? UNKNOWN_PATIENT;
}

/** Groups record and error lines by patient; groups come in order of first appearance. */
export function groupByPatient(lines: readonly OutputLine[]): PatientGroup[] {
  const groups = new Map<string, PatientGroup>();
  for (const line of lines) {
    const key = patientKey(line);
    let g = groups.get(key);
    if (!g) {
      g = { patient: key, records: [], errors: [] };
      groups.set(key, g);
    }
    if (isErrorLine(line)) g.errors.push(line);
    else g.records.push(line);
  }
  return [...groups.values()];
}
