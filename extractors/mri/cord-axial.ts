/**
 * mri.cord_lesion_axial and mri.cord_lesion_tract_specific. An axial term counts when bound to
 * the cord or its lesion (a "dorsal epidural mass" is not) and not negated, in a report with a
 * cord lesion. Tract-specific: an explicit term ("inverted V", "tract-specific"), or "symmetric"
 * in a sentence naming dorsal or lateral columns; "asymmetric" there makes it false.
 */
import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor } from '../define.js';
import { bindStructure, reported } from './anatomy.js';
import { lesionMentions, lesionSentences } from './lesion.js';

const COLUMN_VALUES = ['dorsal', 'lateral'];

export const cordAxial = defineExtractor({
  meta: {
    id: 'mri/cord-axial',
    fields: ['mri.cord_lesion_axial', 'mri.cord_lesion_tract_specific'],
    reportTypes: ['mri'],
    lexicons: ['mri/axial', 'mri/tract-specific', 'mri/anatomy', 'mri/cord-lesion'],
    description: 'Cross-sectional pattern of the cord lesion and tract-specific symmetry.',
  },
  extract(doc, ctx) {
    const lesions = lesionMentions(doc, ctx);
    if (!lesions.some((l) => l.status !== 'absent')) return [];
    const inLesion = lesionSentences(doc, ctx);
    const out: Finding[] = [];
    const columnSentences = new Set<number>();
    for (const m of reported(ctx, 'mri/axial', doc)) {
      const assertion = m.assertion.assertion;
      if (assertion === 'negated' || assertion === 'historical') continue;
      const bound = bindStructure(doc, ctx, m.sentence, m.start, m.end)?.structure ?? null;
      const ok = bound === 'cord' || bound === 'lesion' || (bound === null && inLesion.has(m.sentence.index));
      if (!ok) continue;
      const values = String(m.value).split(',');
      if (values.some((v) => COLUMN_VALUES.includes(v))) columnSentences.add(m.sentence.index);
      out.push(ctx.finding({ field: 'mri.cord_lesion_axial', value: values, start: m.start, end: m.end, assertion }));
    }
    for (const m of reported(ctx, 'mri/tract-specific', doc)) {
      if (m.assertion.assertion === 'negated') continue;
      const i = m.sentence.index;
      if (!inLesion.has(i) && !columnSentences.has(i)) continue;
      if (m.value === 'symmetric' && !columnSentences.has(i)) continue;
      const value = m.value !== 'false';
      out.push(ctx.finding({ field: 'mri.cord_lesion_tract_specific', value, start: m.start, end: m.end, assertion: 'affirmed' }));
    }
    return out;
  },
  reduce: {
    'mri.cord_lesion_tract_specific': (fs) => (fs.length === 0 ? null : fs.some((f) => f.value === true)),
  },
});
