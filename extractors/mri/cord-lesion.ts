/**
 * mri.cord_lesion and its extent (upper, lower, segments). The status comes from lesion.ts; the
 * extent is the widest span of the level ranges bound to the cord in the sentences describing
 * the lesion (a range bound to a mass, a disc or the marrow in the same sentence is left out).
 * The conclusion outranks the description for the status: "equivocal" there wins.
 */
import type { Finding } from '../../src/schema/evidence.js';
import { reduceStatus } from '../../src/pipeline/assemble.js';
import { defineExtractor } from '../define.js';
import { segmentCount, spanOfRanges, type LevelRange } from '../common/levels.js';
import { bindRange, rangesIn } from './anatomy.js';
import { lesionMentions } from './lesion.js';

export const cordLesion = defineExtractor({
  meta: {
    id: 'mri/cord-lesion',
    fields: ['mri.cord_lesion', 'mri.cord_lesion_upper', 'mri.cord_lesion_lower', 'mri.cord_lesion_segments'],
    reportTypes: ['mri'],
    lexicons: ['mri/cord-lesion', 'mri/cord-normal', 'mri/anatomy', 'mri/regions'],
    description: 'Intramedullary signal abnormality and its cranio-caudal extent.',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    const lesions = lesionMentions(doc, ctx);
    for (const l of lesions) {
      out.push(ctx.finding({ field: 'mri.cord_lesion', value: l.status, start: l.mention.start, end: l.mention.end, assertion: l.mention.assertion }));
    }
    const seen = new Set<number>();
    const ranges: LevelRange[] = [];
    for (const l of lesions) {
      const s = l.mention.sentence;
      if (l.status === 'absent' || seen.has(s.index)) continue;
      seen.add(s.index);
      for (const r of rangesIn(doc, s)) {
        const bound = bindRange(doc, ctx, s, r);
        if (bound === null || bound === 'cord') ranges.push(r);
      }
    }
    const extent = spanOfRanges(ranges);
    if (!extent) return out;
    const first = ranges.find((r) => r.upper === extent.upper) ?? ranges[0]!;
    const last = ranges.find((r) => r.lower === extent.lower) ?? first;
    out.push(ctx.finding({ field: 'mri.cord_lesion_upper', value: extent.upper, start: first.start, end: first.end, assertion: 'affirmed' }));
    out.push(ctx.finding({ field: 'mri.cord_lesion_lower', value: extent.lower, start: last.start, end: last.end, assertion: 'affirmed' }));
    const segments = segmentCount(extent.upper, extent.lower);
    if (segments !== null) {
      out.push(ctx.finding({
        field: 'mri.cord_lesion_segments', value: segments, implied: true, assertion: 'affirmed',
        start: Math.min(first.start, last.start), end: Math.max(first.end, last.end),
      }));
    }
    return out;
  },
  reduce: {
    // One extent over the whole report: the widest span, not the most trusted single range.
    'mri.cord_lesion_upper': (fs) => fs[0]?.value ?? null,
    'mri.cord_lesion_lower': (fs) => fs[0]?.value ?? null,
    'mri.cord_lesion_segments': (fs) => fs[0]?.value ?? null,
    'mri.cord_lesion': (fs, doc) => {
      const concluded = fs.filter((f) => f.section === 'impression');
      return reduceStatus(concluded.length ? concluded : fs, doc);
    },
  },
});
