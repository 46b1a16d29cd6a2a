import { z } from 'zod';
import type { AssertionResult } from '../src/pipeline/context.js';
import type { ParsedReport, SectionName, Sentence } from '../src/pipeline/document.js';
import type { Assertion, Finding, Reference } from '../src/schema/evidence.js';
import type { Language, ReportType } from '../src/schema/enums.js';
import type { FieldName } from '../src/schema/record.js';

export const ExtractorMeta = z
  .object({
    /** Equals the path below extractors/ without extension: `mri/cord-swelling`. */
    id: z.string().regex(/^[a-z]+\/[a-z0-9-]+$/),
    fields: z.array(z.string()).min(1),
    reportTypes: z.array(z.enum(['mri', 'enmg', 'csf', 'lab', 'note'])).min(1),
    locales: z.array(z.enum(['en', 'ru'])).default(['en', 'ru']),
    /** Lexicon ids (`group/concept`) the extractor reads. */
    lexicons: z.array(z.string()).default([]),
    description: z.string().min(1),
  })
  .strict();
export type ExtractorMeta = z.output<typeof ExtractorMeta> & { fields: FieldName[] };

/** One mention of a lexicon term with its sentence and ConText assertion. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  value: string | number | boolean | undefined;
  sentence: Sentence;
  assertion: AssertionResult;
}

export interface FindingInit {
  field: FieldName;
  value: unknown;
  /** Norm offsets of the evidence text. */
  start: number;
  end: number;
  assertion?: Assertion | AssertionResult;
  implied?: boolean;
  reference?: Reference;
  flag?: 'low' | 'normal' | 'high';
  unit?: string;
}

export interface ExtractContext {
  readonly lang: Language;
  /** ConText assertion of the norm range [start, end). */
  assertion(start: number, end: number): AssertionResult;
  /** Mentions of a lexicon's terms in the given sections (all sections when omitted). */
  mentions(lexiconId: string, sections?: readonly SectionName[]): Mention[];
  /** Build a finding stamped with span, text, section and rule id. */
  finding(init: FindingInit): Finding;
  /** Cache a per-report computation shared by extractors (dimensions such as levels). */
  memo<T>(key: string, compute: () => T): T;
  warn(code: string, message: string, start?: number, end?: number): void;
}

/** How several findings of one field become one record value; the default depends on the field type. */
export type Reducer = (findings: Finding[], doc: ParsedReport) => unknown;

export interface Extractor {
  meta: ExtractorMeta;
  extract(doc: ParsedReport, ctx: ExtractContext): Finding[];
  reduce?: Partial<Record<FieldName, Reducer>>;
}

export function defineExtractor(def: {
  meta: z.input<typeof ExtractorMeta> & { fields: FieldName[] };
  extract: Extractor['extract'];
  reduce?: Extractor['reduce'];
}): Extractor {
  const meta = ExtractorMeta.parse(def.meta) as ExtractorMeta;
  return { meta, extract: def.extract, ...(def.reduce ? { reduce: def.reduce } : {}) };
}

/** Sections where a finding is reported (the clinical question and the header are not findings). */
export const REPORTED_SECTIONS: readonly SectionName[] = ['findings', 'impression', 'other', 'technique'];

export interface StatusFieldOptions {
  id: string;
  field: FieldName;
  /** Lexicon id whose terms name the finding. */
  lexicon: string;
  reportTypes: ReportType[];
  description: string;
  sections?: readonly SectionName[];
  /** Extra lexicons the mention must share its sentence with (e.g. the cord for "swelling"). */
  requireInSentence?: string[];
  /** Value per assertion; a missing entry drops the mention. */
  statusOf?: Partial<Record<Assertion, 'present' | 'absent' | 'uncertain'>>;
}

export type StatusValue = 'present' | 'absent' | 'uncertain';

/** The status a ConText assertion gives a finding; historical and hypothetical give none. */
const DEFAULT_STATUS_OF: Partial<Record<Assertion, StatusValue>> = {
  affirmed: 'present',
  negated: 'absent',
  uncertain: 'uncertain',
};

export function statusOfAssertion(assertion: Assertion): StatusValue | undefined {
  return DEFAULT_STATUS_OF[assertion];
}

/** A status field (present/absent/uncertain) driven by a concept lexicon and ConText: the rule is data. */
export function statusField(opts: StatusFieldOptions): Extractor {
  const statusOf = opts.statusOf ?? DEFAULT_STATUS_OF;
  return defineExtractor({
    meta: {
      id: opts.id,
      fields: [opts.field],
      reportTypes: opts.reportTypes,
      lexicons: [opts.lexicon, ...(opts.requireInSentence ?? [])],
      description: opts.description,
    },
    extract(doc, ctx) {
      const out: Finding[] = [];
      const required = (opts.requireInSentence ?? []).map((id) => ctx.mentions(id, opts.sections ?? REPORTED_SECTIONS));
      for (const m of ctx.mentions(opts.lexicon, opts.sections ?? REPORTED_SECTIONS)) {
        if (!required.every((list) => list.some((r) => r.sentence === m.sentence))) continue;
        const value = statusOf[m.assertion.assertion];
        if (!value) continue;
        out.push(ctx.finding({ field: opts.field, value, start: m.start, end: m.end, assertion: m.assertion }));
      }
      return out;
    },
  });
}
