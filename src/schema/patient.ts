import { z } from 'zod';
import { Span, Warning } from './evidence.js';

/** The nine candidate causes of differential.md, in the table's order. */
export const ETIOLOGIES = [
  'toxic_intrathecal', 'neuroleukemia', 'paraneoplastic', 'dysmetabolic', 'radiation',
  'compression', 'hemorrhage', 'vascular_ischemia', 'polyradiculoneuropathy',
] as const;
export const Etiology = z.enum(ETIOLOGIES);
export type Etiology = z.infer<typeof Etiology>;

export const DIFFERENTIAL_STATUSES = ['supported', 'possible', 'unlikely', 'insufficient_data'] as const;
export const DifferentialStatus = z.enum(DIFFERENTIAL_STATUSES);
export type DifferentialStatus = z.infer<typeof DifferentialStatus>;

/** The seven recommendation codes of differential.md, in the table's order. */
export const RECOMMENDATION_CODES = [
  'repeat_mri_6w', 'mri_protocol', 'check_b12', 'check_folate_homocysteine',
  'lumbar_puncture', 'paraneoplastic_panel', 'enmg_mep',
] as const;
export const RecommendationCode = z.enum(RECOMMENDATION_CODES);
export type RecommendationCode = z.infer<typeof RecommendationCode>;

/** How a criterion counts: a strong or weak "for" item, or an "against" item. */
export const CriterionRole = z.enum(['strong', 'weak', 'against']);
export type CriterionRole = z.infer<typeof CriterionRole>;

/**
 * One piece of evidence: a field value of one report, with the span and text of the
 * Finding it rests on when the record line carries one.
 */
export const EvidenceItem = z.object({
  report: z.string(),
  date: z.string().nullable(),
  field: z.string(),
  value: z.unknown(),
  span: Span.optional(),
  text: z.string().optional(),
  /** Id of the criterion (or recommendation rule) this item was collected for. */
  criterion: z.string().optional(),
  role: CriterionRole.optional(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const DifferentialEntry = z.object({
  etiology: Etiology,
  status: DifferentialStatus,
  evidence: z.array(EvidenceItem),
});
export type DifferentialEntry = z.infer<typeof DifferentialEntry>;

export const Recommendation = z.object({
  code: RecommendationCode,
  why: z.string(),
  evidence: z.array(EvidenceItem),
});
export type Recommendation = z.infer<typeof Recommendation>;

/** One line per patient: the differential over all nine causes and the recommendations that fire. */
export const PatientLine = z.object({
  patient: z.string(),
  /** Ids of the record lines used, in date order. */
  reports: z.array(z.string()),
  differential: z.array(DifferentialEntry),
  recommendations: z.array(Recommendation),
  warnings: z.array(Warning),
});
export type PatientLine = z.infer<typeof PatientLine>;
