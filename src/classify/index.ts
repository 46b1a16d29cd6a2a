// The differential classifier: record lines of a patient -> statuses of nine etiologies and recommendations.
export { classifyPatient, classifyRecords, differentialOf } from './classify-patient.js';
export type { ClassifyOptions } from './classify-patient.js';
export { groupByPatient, patientKey, UNKNOWN_PATIENT } from './group.js';
export type { PatientGroup } from './group.js';
export { summaryCsv, SUMMARY_COLUMNS } from './summary-csv.js';
export { parseOutputJsonl, toOutputLine } from './read-lines.js';
export { statusOf, countingItems } from './status.js';
export { evaluateEtiology } from './criteria.js';
export type { Criterion, EtiologyDef, EtiologyResult } from './criteria.js';
export { ETIOLOGY_DEFS } from './etiologies/index.js';
export { RECOMMENDATION_RULES, recommend } from './recommendations.js';
export { PatientView } from './patient-view.js';
export * from '../schema/patient.js';
