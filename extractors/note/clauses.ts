import type { ParsedReport } from '../../src/pipeline/document.js';
import type { ExtractContext, Mention } from '../define.js';

/** The clause around a mention: its sentence, cut at ';' and line breaks. */
export function clauseAround(doc: ParsedReport, m: Mention): { start: number; end: number } {
  const text = doc.norm;
  let start = m.start;
  while (start > m.sentence.start && !/[;\n]/.test(text[start - 1]!)) start--;
  let end = m.end;
  while (end < m.sentence.end && !/[;\n]/.test(text[end]!)) end++;
  return { start, end };
}

const within = (c: { start: number; end: number }) => (x: { start: number; end: number }) => x.start >= c.start && x.end <= c.end;

export type TreatmentStatus = 'given' | 'not_given' | 'uncertain';

/**
 * Whether a treatment mention says it was given. A clause that plans, proposes or defers
 * the treatment says nothing (null); a "not received / не проводилась" cue in the clause,
 * or a ConText negation, says it was not; history counts as given.
 */
export function treatmentStatus(doc: ParsedReport, ctx: ExtractContext, m: Mention): TreatmentStatus | null {
  const clause = clauseAround(doc, m);
  const inClause = within(clause);
  if (ctx.mentions('note/planned').some(inClause)) return null;
  if (ctx.mentions('note/not-given').some(inClause)) return 'not_given';
  switch (m.assertion.assertion) {
    case 'affirmed':
    case 'historical':
      return 'given';
    case 'negated':
      return 'not_given';
    case 'uncertain':
      return 'uncertain';
    default:
      return null;
  }
}
