import type { ErrorLine, OutputLine, RecordLine } from '../schema/output.js';
import { isErrorLine } from '../schema/output.js';
import type { Warning } from '../schema/evidence.js';
import type { DifferentialStatus, Etiology, PatientLine } from '../schema/patient.js';
import { evaluateEtiology } from './criteria.js';
import type { EtiologyResult } from './criteria.js';
import { ETIOLOGY_DEFS } from './etiologies/index.js';
import { groupByPatient, patientKey } from './group.js';
import { PatientView } from './patient-view.js';
import { recommend } from './recommendations.js';

export interface ClassifyOptions {
  /** The patient key to report; defaults to the key of the first line (see group.ts). */
  readonly patient?: string;
}

function errorWarning(e: ErrorLine): Warning {
  return {
    code: 'skipped_error_line',
    message: `report ${e.id ?? '(no id)'} was skipped: ${e.error.code}: ${e.error.message}`,
  };
}

/** The differential alone (no recommendations), one result per etiology in table order. */
export function differentialOf(view: PatientView): EtiologyResult[] {
  return ETIOLOGY_DEFS.map((def) => evaluateEtiology(def, view));
}

/**
 * Classifies one patient from all of its record lines (any order: they are combined in
 * date order, record['report.date'] else the line date). Error lines among them are
 * skipped and reported as warnings.
 */
export function classifyPatient(lines: readonly (RecordLine | ErrorLine)[], options: ClassifyOptions = {}): PatientLine {
  const records = lines.filter((l): l is RecordLine => !isErrorLine(l));
  const errors = lines.filter((l): l is ErrorLine => isErrorLine(l));
  const first = lines[0];
  const patient = options.patient ?? (first ? patientKey(first) : '(unknown)');
  const view = new PatientView(records);
  const results = differentialOf(view);
  const byEtiology = new Map<Etiology, DifferentialStatus>(results.map((r) => [r.etiology, r.status]));
  const recommendations = recommend({ p: view, status: (e) => byEtiology.get(e) ?? 'insufficient_data' });

  const warnings: Warning[] = errors.map(errorWarning);
  for (const e of view.entries) {
    if (e.date === null) warnings.push({ code: 'undated_report', message: `report ${e.id} has no date; it is placed last` });
  }
  if (records.length === 0) warnings.push({ code: 'no_records', message: 'no usable record line for this patient' });

  return {
    patient,
    reports: view.entries.map((e) => e.id),
    differential: results.map((r) => ({ etiology: r.etiology, status: r.status, evidence: r.evidence })),
    recommendations,
    warnings,
  };
}

/** Groups output lines (records and errors) by patient and classifies each; one patient line per patient. */
export function classifyRecords(lines: readonly OutputLine[]): PatientLine[] {
  return groupByPatient(lines).map((g) => classifyPatient([...g.records, ...g.errors], { patient: g.patient }));
}
