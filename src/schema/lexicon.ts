import { z } from 'zod';

export const ContextCategory = z.enum([
  'negated', 'uncertain', 'historical', 'hypothetical', 'family', 'pseudo', 'terminate',
]);
export type ContextCategory = z.infer<typeof ContextCategory>;

const TermFields = z
  .object({
    literal: z.string().min(1).optional(),
    pattern: z.string().min(1).optional(),
    /** The value this term stands for (an enum value, a unit, a nerve...). */
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    category: ContextCategory.optional(),
    direction: z.enum(['forward', 'backward', 'bidirectional']).optional(),
    /** Scope in words; default: to the end (start) of the sentence or a terminator. */
    maxScope: z.number().int().positive().optional(),
    note: z.string().optional(),
  })
  .strict();

const TermObject = TermFields.refine((t) => (t.literal === undefined) !== (t.pattern === undefined), 'give exactly one of literal or pattern');

/** A term: a literal ("cord swelling", "утолщ*" for a stem) or an object with a regex pattern. */
export const LexiconTerm = z.union([z.string().min(1), TermObject]);
export type LexiconTerm = z.infer<typeof LexiconTerm>;

export const LexiconFile = z
  .object({
    concept: z.string().regex(/^[a-z0-9_]+$/, 'snake_case'),
    lang: z.enum(['en', 'ru']),
    description: z.string().optional(),
    /** Defaults for every term of the file (category, direction, value...). */
    defaults: TermFields.omit({ literal: true, pattern: true }).partial().optional(),
    terms: z.array(LexiconTerm).default([]),
    /** Terms grouped by the value they stand for. */
    values: z.record(z.string(), z.array(LexiconTerm)).optional(),
  })
  .strict();
export type LexiconFile = z.infer<typeof LexiconFile>;
