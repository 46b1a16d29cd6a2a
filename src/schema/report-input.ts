import { z } from 'zod';
import { ReportType } from './enums.js';

/** A report as it enters: one JSONL line, one CSV row, or one file. */
export const ReportInput = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  patient: z.union([z.string(), z.number()]).transform(String).nullish(),
  date: z.string().nullish(),
  text: z.string(),
  /** The report type when the source system knows it; detected from the text otherwise. */
  type: ReportType.optional(),
  /** A title kept apart from the text by the source system (an EHR document title): a type cue. */
  title: z.string().optional(),
});
export type ReportInput = z.output<typeof ReportInput>;
