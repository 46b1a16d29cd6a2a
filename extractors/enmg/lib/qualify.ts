/**
 * The word that qualifies a conduction subject in its clause ("sensory conduction is
 * normal", "удлинение ВЦМП"): the nearest qualifier from lexicons/enmg/qualifiers, outside
 * brackets (a bracket holds a normal range, not a verdict).
 */
import type { ParsedReport } from '../../../src/pipeline/document.js';
import type { ExtractContext, Mention } from '../../define.js';

const CLAUSE_BREAK = /;|\bwhereas\b|\bbut\b|\bwhile\b|,\s*но\b|,\s*а\b|\bоднако\b/giu;

export interface Qualifier {
  value: string;
  start: number;
  end: number;
  /** "not prolonged", "не удлинено": ConText negates the qualifier from within its clause. */
  negated: boolean;
}

export function clauseAround(doc: ParsedReport, m: Mention): { start: number; end: number } {
  const { start, end } = m.sentence;
  let s = start;
  let e = end;
  CLAUSE_BREAK.lastIndex = start;
  const text = doc.norm.slice(0, end);
  for (let b = CLAUSE_BREAK.exec(text); b; b = CLAUSE_BREAK.exec(text)) {
    if (b.index + b[0].length <= m.start) s = b.index + b[0].length;
    else if (b.index >= m.end) {
      e = b.index;
      break;
    }
  }
  return { start: s, end: e };
}

function bracketAt(text: string, from: number, pos: number): number {
  const open = text.lastIndexOf('(', pos);
  return open >= from && text.indexOf(')', open) >= pos ? open : -1;
}

export function nearestQualifier(doc: ParsedReport, ctx: ExtractContext, m: Mention): Qualifier | null {
  const clause = clauseAround(doc, m);
  let best: Qualifier | null = null;
  let bestDistance = Infinity;
  for (const q of doc.lex.get('enmg/qualifiers').find(doc.norm, clause.start, clause.end)) {
    if (q.end > m.start && q.start < m.end) continue;
    const bracket = bracketAt(doc.norm, clause.start, q.start);
    if (bracket >= 0 && bracket !== bracketAt(doc.norm, clause.start, m.start)) continue;
    const distance = q.start >= m.end ? q.start - m.end : m.start - q.end;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { value: String(q.term.value), start: q.start, end: q.end, negated: false };
    }
  }
  if (best) {
    // A verdict word is negated by a trigger before it in its own clause ("not prolonged",
    // "не удлинено"); a postposed one ("reduced ... and absent") speaks of the subject.
    const a = ctx.assertion(best.start, best.end);
    const t = a.trigger;
    best.negated = a.assertion === 'negated' && !!t && t.start >= clause.start && t.end <= best.start;
  }
  return best;
}
