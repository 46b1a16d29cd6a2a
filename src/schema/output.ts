import { z } from 'zod';
import { Finding, Warning } from './evidence.js';
import { RecordSchema } from './record.js';

export const RecordLine = z.object({
  id: z.string(),
  patient: z.string().nullable(),
  date: z.string().nullable(),
  record: RecordSchema,
  findings: z.array(Finding),
  warnings: z.array(Warning),
});
export type RecordLine = z.infer<typeof RecordLine>;

export const ErrorLine = z.object({
  id: z.string().nullable(),
  patient: z.string().nullable().optional(),
  error: z.object({ code: z.string(), message: z.string(), line: z.number().int().optional() }),
});
export type ErrorLine = z.infer<typeof ErrorLine>;

export type OutputLine = RecordLine | ErrorLine;
export const isErrorLine = (l: OutputLine): l is ErrorLine => 'error' in l;
