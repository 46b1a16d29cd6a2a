import type { ErrorLine } from '../schema/output.js';
import type { ReportInput } from '../schema/report-input.js';

/** One item of the readers: a report to process, or an input that could not become one. */
export type InputItem =
  | { kind: 'report'; input: ReportInput; source: string }
  | { kind: 'error'; line: ErrorLine; source: string };

export interface ReadOptions {
  idCol?: string;
  textCol?: string;
  patientCol?: string;
  dateCol?: string;
  /** Standard input, for '-' (a test seam). */
  stdin?: NodeJS.ReadableStream;
}
