import { z } from 'zod';

/** A report as it enters: one JSONL line, one CSV row, or one file. */
export const ReportInput = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  patient: z.union([z.string(), z.number()]).transform(String).nullish(),
  date: z.string().nullish(),
  text: z.string(),
});
export type ReportInput = z.output<typeof ReportInput>;
