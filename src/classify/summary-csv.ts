import { stringify } from 'csv-stringify/sync';
import { ETIOLOGIES } from '../schema/patient.js';
import type { PatientLine } from '../schema/patient.js';

/** CSV header: patient, the nine etiologies in table order, recommendations, warnings. */
export const SUMMARY_COLUMNS = ['patient', ...ETIOLOGIES, 'recommendations', 'warnings'] as const;

/**
 * A CSV summary, one row per patient: the status of each etiology, the recommendation
 * codes joined by ';', and the number of warnings.
 */
export function summaryCsv(patients: readonly PatientLine[]): string {
  const rows = patients.map((p) => {
    const status = new Map(p.differential.map((d) => [d.etiology, d.status]));
    return [
      p.patient,
      ...ETIOLOGIES.map((e) => status.get(e) ?? 'insufficient_data'),
      p.recommendations.map((r) => r.code).join(';'),
      String(p.warnings.length),
    ];
  });
  return stringify([[...SUMMARY_COLUMNS], ...rows]);
}
