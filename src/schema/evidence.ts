import { z } from 'zod';

/** ConText assertion of a mention. 'affirmed' is the default when no trigger scopes over it. */
export const Assertion = z.enum(['affirmed', 'negated', 'uncertain', 'historical', 'hypothetical']);
export type Assertion = z.infer<typeof Assertion>;

/** Half-open character range [start, end) into the ORIGINAL report text. */
export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;

export const Trigger = z.object({ text: z.string(), span: Span, category: z.string() });
export type Trigger = z.infer<typeof Trigger>;

/** A reference range stated beside a value ("(133-675)", "норма 4,0"). */
export const Reference = z.object({
  low: z.number().nullable(),
  high: z.number().nullable(),
  text: z.string(),
});
export type Reference = z.infer<typeof Reference>;

/** One piece of evidence for one field: what the record value rests on. */
export const Finding = z.object({
  field: z.string(),
  value: z.unknown(),
  assertion: Assertion,
  section: z.string(),
  span: Span,
  text: z.string(),
  ruleId: z.string(),
  implied: z.boolean().optional(),
  trigger: Trigger.optional(),
  reference: Reference.optional(),
  flag: z.enum(['low', 'normal', 'high']).optional(),
  unit: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

export const Warning = z.object({ code: z.string(), message: z.string(), span: Span.optional() });
export type Warning = z.infer<typeof Warning>;
