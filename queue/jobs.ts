/** Job ids and payloads. Ids are derived from content, so enqueueing the same input twice adds nothing. */
import { createHash, createHmac } from 'node:crypto';
import { z } from 'zod';
import { seal, unseal } from './crypto.js';
import type { ErrorLine, ReportInput } from './core.js';

const hex = (s: string, key?: Buffer): string =>
  (key ? createHmac('sha256', key).update(s, 'utf8') : createHash('sha256').update(s, 'utf8')).digest('hex');

/**
 * r-<hash of the report id>-<hash of the text>. With an encryption key the text hash is an HMAC,
 * so the id reveals nothing about the text. (BullMQ ids must not be integers nor contain ':'.)
 */
export function reportJobId(reportId: string, text: string, key?: Buffer): string {
  return `r-${hex(reportId).slice(0, 20)}-${hex(text, key).slice(0, 20)}`;
}

/** A malformed input item: e-<hash of where it came from and what was wrong>. */
export function errorJobId(source: string, line: ErrorLine): string {
  return `e-${hex(`${source}\n${line.error.line ?? ''}\n${line.id ?? ''}\n${line.error.code}`).slice(0, 40)}`;
}

/** The ledger id of a malformed item without a report id. */
export function errorItemId(source: string, line: ErrorLine): string {
  return line.id ?? `${source}${line.error.line !== undefined ? `:${line.error.line}` : ''}`;
}

/** p-<hash of the patient>-<hash of its report job ids>: a new report for a patient means a new classification. */
export function patientJobId(patient: string, reportJobIds: string[]): string {
  return `p-${hex(patient).slice(0, 20)}-${hex([...reportJobIds].sort().join(',')).slice(0, 20)}`;
}

export const jobAad = (jobId: string): string => `myelex:job:${jobId}`;

/** Report job: the id in clear (it keys the ledger), everything else sealed. */
export const ReportJobData = z.object({
  v: z.literal(1),
  id: z.string(),
  /** sealed {patient, date, text} */
  payload: z.string().optional(),
  /** sealed ErrorLine: the item was malformed at read time and fails at once with its reason */
  inputError: z.string().optional(),
});
export type ReportJobData = z.infer<typeof ReportJobData>;

export const PatientJobData = z.object({
  v: z.literal(1),
  patient: z.string(),
  reports: z.array(z.object({ id: z.string(), jobId: z.string() })),
});
export type PatientJobData = z.infer<typeof PatientJobData>;

const SealedReport = z.object({ patient: z.string().nullable(), date: z.string().nullable(), text: z.string() });

export function reportJobData(input: ReportInput, jobId: string, key?: Buffer): ReportJobData {
  const body = { patient: input.patient ?? null, date: input.date ?? null, text: input.text };
  return { v: 1, id: input.id, payload: seal(body, key, jobAad(jobId)) };
}

export function errorJobData(id: string, line: ErrorLine, jobId: string, key?: Buffer): ReportJobData {
  return { v: 1, id, inputError: seal(line, key, jobAad(jobId)) };
}

/** The raw report for processReportSafe, as extract would pass it. */
export function openReport(data: ReportJobData, jobId: string, key?: Buffer): { id: string; patient: string | null; date: string | null; text: string } {
  const body = SealedReport.parse(unseal(data.payload ?? '', key, jobAad(jobId)));
  return { id: data.id, ...body };
}

export function openInputError(data: ReportJobData, jobId: string, key?: Buffer): ErrorLine {
  return unseal(data.inputError ?? '', key, jobAad(jobId)) as ErrorLine;
}
