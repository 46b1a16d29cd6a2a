import type { ParsedReport } from '../../src/pipeline/document.js';
import type { ExtractContext, Mention } from '../define.js';
import { segmentAround } from '../common/segments.js';

/** The clause around a mention: its sentence, cut at ';' and line breaks. */
export function clauseAround(doc: ParsedReport, m: Mention): { start: number; end: number } {
  return segmentAround(doc.norm, m.start, m.end, m.sentence.start, m.sentence.end);
}

const within = (c: { start: number; end: number }) => (x: { start: number; end: number }) => x.start >= c.start && x.end <= c.end;

export type TreatmentStatus = 'given' | 'not_given' | 'uncertain';

/**
 * Whether a treatment mention says it was given. A clause that plans, proposes or defers
 * the treatment says nothing (null); a "not received / не проводилась" cue in the clause,
 * or a ConText negation, says it was not; history counts as given.
 */
export function treatmentStatus(doc: ParsedReport, ctx: ExtractContext, m: Mention, peers: readonly Mention[] = []): TreatmentStatus | null {
  const clause = clauseAround(doc, m);
  const inClause = within(clause);
  // A cue with another treatment mention on it or between it and this one is that mention's
  // ("PCI 12 Gy, spine not irradiated").
  const nearer = (c: Mention) => peers.some((p) => p !== m && (p.start < c.end && p.end > c.start
    || (p.start >= Math.min(m.end, c.end) && p.end <= Math.max(m.start, c.start))));
  if (ctx.mentions('note/not-given').some((c) => inClause(c) && !nearer(c))) return 'not_given';
  // "planned but not given" is not given (above); a plan alone says nothing.
  if (ctx.mentions('note/planned').some(inClause)) return null;
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
