import { z } from 'zod';
import { Language, ReportType } from './enums.js';

/** What an example shows; status extractors need positive, negated and hedged in each language. */
export const ExampleKind = z.enum(['positive', 'negated', 'hedged', 'historical', 'none', 'table']);

export const CorpusExample = z
  .object({
    lang: Language,
    kind: ExampleKind,
    text: z.string().min(1),
    /** Record fields the example must produce (a subset; numbers match within 1%). */
    expect: z.record(z.string(), z.unknown()),
    /** Override the corpus file's report type. */
    reportType: ReportType.optional(),
    note: z.string().optional(),
  })
  .strict();
export type CorpusExample = z.infer<typeof CorpusExample>;

/** An extractor's own small corpus: `extractors/<group>/<name>.corpus.yaml`. */
export const CorpusFile = z
  .object({
    extractor: z.string(),
    reportType: ReportType,
    examples: z.array(CorpusExample).min(1),
  })
  .strict();
export type CorpusFile = z.infer<typeof CorpusFile>;
