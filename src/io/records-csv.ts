import { stringify } from 'csv-stringify/sync';
import { FIELD_NAMES } from '../schema/record.js';
import { isErrorLine, type OutputLine } from '../schema/output.js';

/** One row per report, one column per field; sets joined with '|', ENMG rows as JSON. */
export const RECORD_CSV_COLUMNS: readonly string[] = ['id', 'patient', 'date', 'error_code', 'error_message', ...FIELD_NAMES];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.some((v) => typeof v === 'object') ? JSON.stringify(value) : value.join('|');
  return String(value);
}

export function recordCsvHeader(): string {
  return stringify([RECORD_CSV_COLUMNS]);
}

export function recordCsvRow(line: OutputLine): string {
  if (isErrorLine(line)) {
    return stringify([[line.id ?? '', line.patient ?? '', '', line.error.code, line.error.message, ...FIELD_NAMES.map(() => '')]]);
  }
  const record = line.record as Record<string, unknown>;
  return stringify([[line.id, line.patient ?? '', line.date ?? '', '', '', ...FIELD_NAMES.map((f) => cell(record[f]))]]);
}

export function recordsToCsv(lines: readonly OutputLine[]): string {
  return recordCsvHeader() + lines.map(recordCsvRow).join('');
}
