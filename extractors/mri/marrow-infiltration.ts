/**
 * mri.marrow_infiltration and its levels: infiltration bound to the vertebral marrow or a
 * vertebral body ("leukaemic infiltration of the cord" is not), and the marrow said to be normal
 * (absent). The levels are the widest span of the ranges bound to marrow or bone in the
 * sentences stating infiltration. Brain studies (calvarial marrow) leave it null.
 */
import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor, statusOfAssertion } from '../define.js';
import { spanOfRanges, type LevelRange } from '../common/levels.js';
import { anchors, bindRange, bindStructure, rangesIn, reported } from './anatomy.js';
import { isBrainOnly } from './study.js';

export const marrowInfiltration = defineExtractor({
  meta: {
    id: 'mri/marrow-infiltration',
    fields: ['mri.marrow_infiltration', 'mri.marrow_infiltration_upper', 'mri.marrow_infiltration_lower'],
    reportTypes: ['mri'],
    lexicons: ['mri/marrow-infiltration', 'mri/anatomy', 'mri/regions'],
    description: 'Vertebral bone marrow infiltration and its extent.',
  },
  extract(doc, ctx) {
    if (isBrainOnly(doc, ctx)) return [];
    const out: Finding[] = [];
    const stated = new Set<number>();
    for (const m of reported(ctx, 'mri/marrow-infiltration', doc)) {
      const bound = bindStructure(doc, ctx, m.sentence, m.start, m.end, ['lesion'])?.structure;
      const assertion = m.assertion.assertion;
      if (m.value === 'normal') {
        // "Vertebral marrow signal is normal": stated of the marrow itself.
        const marrowNamed = anchors(doc, ctx).some((a) => a.structure === 'marrow' && a.start >= m.sentence.start && a.end <= m.sentence.end);
        if (!(bound === 'marrow' || (bound === 'vertebra' && marrowNamed)) || assertion !== 'affirmed') continue;
        out.push(ctx.finding({ field: 'mri.marrow_infiltration', value: 'absent', start: m.start, end: m.end, assertion }));
        continue;
      }
      if (bound !== 'marrow' && bound !== 'vertebra') continue;
      // "No marrow lesion": no infiltration; an affirmed marrow lesion may be benign.
      if (m.value === 'lesion' && assertion !== 'negated') continue;
      const status = statusOfAssertion(assertion);
      if (!status) continue;
      out.push(ctx.finding({ field: 'mri.marrow_infiltration', value: status, start: m.start, end: m.end, assertion }));
      if (status !== 'absent') stated.add(m.sentence.index);
    }
    const ranges: LevelRange[] = [];
    for (const index of stated) {
      const s = doc.sentences[index]!;
      for (const r of rangesIn(doc, s)) {
        const bound = bindRange(doc, ctx, s, r);
        if (bound === null || bound === 'marrow' || bound === 'vertebra') ranges.push(r);
      }
    }
    const extent = spanOfRanges(ranges);
    if (extent) {
      const first = ranges.find((r) => r.upper === extent.upper)!;
      const last = ranges.find((r) => r.lower === extent.lower)!;
      out.push(ctx.finding({ field: 'mri.marrow_infiltration_upper', value: extent.upper, start: first.start, end: first.end, assertion: 'affirmed' }));
      out.push(ctx.finding({ field: 'mri.marrow_infiltration_lower', value: extent.lower, start: last.start, end: last.end, assertion: 'affirmed' }));
    }
    return out;
  },
  reduce: {
    'mri.marrow_infiltration_upper': (fs) => fs[0]?.value ?? null,
    'mri.marrow_infiltration_lower': (fs) => fs[0]?.value ?? null,
  },
});
