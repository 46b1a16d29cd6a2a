/**
 * The queue's only window on the rest of myelex: everything medical comes from src/index.ts.
 * The queue never imports extractors/, lexicons/ or src/pipeline/.
 */
import * as api from '../src/index.js';
import type { ErrorLine, OutputLine, ReportInput } from '../src/index.js';

export type { ErrorLine, OutputLine, RecordLine, ReportInput } from '../src/index.js';
export { DETERMINISTIC_CODES, ERROR_CODES, isErrorLine, ReportInput as ReportInputSchema } from '../src/index.js';

/** One item of the readers that `extract` uses. */
export type InputItem =
  | { kind: 'report'; input: ReportInput; source: string }
  | { kind: 'error'; line: ErrorLine; source: string };

/** The patient line of the classifier: opaque to the queue, stored and exported as JSON. */
export type PatientResult = { patient: string } & Record<string, unknown>;

interface PublicApi {
  processReportSafe?: (raw: unknown) => OutputLine;
  readInputs?: (paths: string[], opts?: unknown) => AsyncIterable<InputItem>;
  classifyPatient?: (lines: readonly OutputLine[], options?: { patient?: string }) => PatientResult;
  classifyRecords?: (lines: readonly OutputLine[]) => PatientResult[];
  recordsToCsv?: (lines: readonly OutputLine[]) => string;
}
const pub = api as unknown as PublicApi;

function missing(name: string): never {
  throw new Error(`${name} is not exported by src/index.ts`);
}

/** The same per-report function as `extract`: synchronous, CPU-bound, never throws for bad input. */
export function processReportSafe(raw: unknown): OutputLine {
  return (pub.processReportSafe ?? missing('processReportSafe'))(raw);
}

/** The same readers as `extract` (txt, pdf, jsonl, csv, directories, '-'). */
export function readInputs(paths: string[]): AsyncIterable<InputItem> {
  return (pub.readInputs ?? missing('readInputs'))(paths);
}

/** Classifies one patient from all of its output lines. */
export function classifyPatient(patient: string, lines: readonly OutputLine[]): PatientResult {
  if (pub.classifyPatient) return pub.classifyPatient(lines, { patient });
  const all = (pub.classifyRecords ?? missing('classifyRecords'))(lines);
  const one = all.find((p) => p.patient === patient) ?? all[0];
  if (!one) throw new Error('the classifier returned no patient line');
  return { ...one, patient };
}

export const hasRecordsToCsv = (): boolean => typeof pub.recordsToCsv === 'function';
