/**
 * The word that qualifies a conduction subject in its clause ("sensory conduction is
 * normal", "удлинение ВЦМП"): the nearest qualifier from lexicons/enmg/qualifiers, outside
 * brackets (a bracket holds a normal range, not a verdict).
 */
import type { ParsedReport } from '../../../src/pipeline/document.js';
import type { Mention } from '../../define.js';

const CLAUSE_BREAK = /;|\bwhereas\b|\bbut\b|\bwhile\b|,\s*но\b|,\s*а\b|\bоднако\b/giu;

export interface Qualifier {
  value: string;
  start: number;
  end: number;
  /** "not prolonged", "не удлинено": a negation word right before the qualifier. */
  negated: boolean;
}

// Local, not ConText: a negation elsewhere in a long conclusion ("absent H-reflex") must
// not flip "normal sensory responses".
const NEGATED_BEFORE = /(?:^|[^\p{L}])(?:not|no|non|не|нет|без)\s+(?:[\p{L}-]+\s+)?$/iu;

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

export function nearestQualifier(doc: ParsedReport, m: Mention): Qualifier | null {
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
      const before = doc.norm.slice(Math.max(clause.start, q.start - 20), q.start);
      best = { value: String(q.term.value), start: q.start, end: q.end, negated: NEGATED_BEFORE.test(before) };
    }
  }
  return best;
}
