/**
 * enmg.radiculopathy, enmg.radiculopathy_levels, enmg.radiculopathy_side: a root lesion
 * stated in the findings or conclusion, the root levels of its sentence (roots, so C8 too;
 * "L4-S1" gives every root between) and its side ("bilateral" wins over "worse on the left").
 * Levels and side are read only from stated or possible radiculopathy, never a ruled-out one.
 */
import type { ParsedReport } from '../../src/pipeline/document.js';
import { ROOT_LEVELS } from '../../src/schema/enums.js';
import type { Finding } from '../../src/schema/evidence.js';
import { findLevelRanges, rootOrdinal } from '../common/levels.js';
import { defineExtractor, type Mention } from '../define.js';
import { findCues } from './lib/cues.js';
import { reduceConclusionFirst, statusOf, studyMentions } from './lib/status.js';

function clauseOf(doc: ParsedReport, m: Mention): { start: number; end: number } {
  const { start, end } = m.sentence;
  const before = doc.norm.lastIndexOf(';', m.start);
  const after = doc.norm.indexOf(';', m.end);
  return { start: before >= start ? before + 1 : start, end: after >= 0 && after < end ? after : end };
}

function rootsOf(doc: ParsedReport, clause: { start: number; end: number }): string[] {
  const out: string[] = [];
  for (const r of findLevelRanges(doc.norm, clause.start, clause.end, { roots: true })) {
    const a = rootOrdinal(r.upper);
    const b = rootOrdinal(r.lower);
    if (a < 0 || b < 0) continue;
    for (const level of ROOT_LEVELS.slice(Math.min(a, b), Math.max(a, b) + 1)) if (!out.includes(level)) out.push(level);
  }
  return out;
}

function sideOf(doc: ParsedReport, clause: { start: number; end: number }): 'left' | 'right' | 'bilateral' | null {
  const sides = findCues(doc, clause.start, clause.end).sides;
  if (sides.some((s) => s.value === 'both' || s.value === 'pair')) return 'bilateral';
  const first = sides[0]?.value;
  return first === 'left' || first === 'right' ? first : null;
}

export const radiculopathy = defineExtractor({
  meta: {
    id: 'enmg/radiculopathy',
    fields: ['enmg.radiculopathy', 'enmg.radiculopathy_levels', 'enmg.radiculopathy_side'],
    reportTypes: ['enmg'],
    lexicons: ['enmg/radiculopathy', 'enmg/sides', 'enmg/clinical-labels'],
    description: 'Radiculopathy stated, with its root levels and side.',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    for (const m of studyMentions(doc, ctx, 'enmg/radiculopathy')) {
      const status = statusOf(m);
      if (!status) continue;
      out.push(ctx.finding({ field: 'enmg.radiculopathy', value: status, start: m.start, end: m.end, assertion: m.assertion }));
      if (status === 'absent') continue;
      const clause = clauseOf(doc, m);
      const levels = rootsOf(doc, clause);
      if (levels.length) out.push(ctx.finding({ field: 'enmg.radiculopathy_levels', value: levels, start: clause.start, end: clause.end, assertion: m.assertion }));
      const side = sideOf(doc, clause);
      if (side) out.push(ctx.finding({ field: 'enmg.radiculopathy_side', value: side, start: clause.start, end: clause.end, assertion: m.assertion }));
    }
    return out;
  },
  reduce: {
    'enmg.radiculopathy': reduceConclusionFirst,
    // The conclusion's levels when it names any; the description's otherwise.
    'enmg.radiculopathy_levels': (findings) => {
      const impression = findings.filter((f) => f.section === 'impression');
      const pool = impression.length ? impression : findings;
      return [...new Set(pool.flatMap((f) => f.value as string[]))];
    },
  },
});
