// Public API: the CLI and queue/ use only this module.
export * from './schema/enums.js';
export * from './schema/record.js';
export * from './schema/evidence.js';
export * from './schema/report-input.js';
export * from './schema/output.js';
export * from './errors.js';
export { processReport, processReportSafe, type ProcessOptions } from './pipeline/process.js';
export { parseReport, type ParseOptions } from './pipeline/parse.js';
export { parseOutputJsonl, classifyRecords, classifyPatient, summaryCsv } from './classify/index.js';
export type { PatientLine } from './schema/patient.js';
export { readInputs, countInputs, READABLE_EXTENSIONS, type InputItem, type ReadOptions } from './io/read-inputs.js';
export { recordsToCsv, recordCsvHeader, recordCsvRow, RECORD_CSV_COLUMNS } from './io/records-csv.js';
export { runBulk, runBulkJson, type BulkOptions, type JsonLine } from './bulk/run-bulk.js';
