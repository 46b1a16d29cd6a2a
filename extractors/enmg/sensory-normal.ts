/**
 * enmg.sensory_normal: sensory conduction stated normal or preserved (true) or abnormal
 * (false): a sensory subject (sensory conduction, responses, SNAPs) with the nearest
 * qualifier of its clause, or a sensory/sensorimotor polyneuropathy, which is abnormal by
 * itself. A lone low value without a verdict says nothing here.
 */
import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor } from '../define.js';
import { nearestQualifier } from './lib/qualify.js';
import { studyMentions } from './lib/status.js';

export const sensoryNormal = defineExtractor({
  meta: {
    id: 'enmg/sensory-normal',
    fields: ['enmg.sensory_normal'],
    reportTypes: ['enmg'],
    lexicons: ['enmg/sensory-conduction', 'enmg/qualifiers', 'enmg/clinical-labels'],
    description: 'Sensory conduction stated normal (true) or abnormal (false).',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    for (const m of studyMentions(doc, ctx, 'enmg/sensory-conduction')) {
      let value: boolean | null = null;
      if (m.value === 'abnormal') value = m.assertion.assertion === 'affirmed' ? false : null;
      else {
        const q = nearestQualifier(doc, ctx, m);
        if (!q) continue;
        const normal = q.value === 'normal';
        value = q.negated ? !normal : normal;
      }
      if (value !== null) out.push(ctx.finding({ field: 'enmg.sensory_normal', value, start: m.start, end: m.end, assertion: 'affirmed' }));
    }
    return out;
  },
  reduce: {
    // The conclusion's verdict when it gives one; an abnormal statement outweighs a normal one.
    'enmg.sensory_normal': (findings) => {
      const impression = findings.filter((f) => f.section === 'impression');
      const pool = impression.length ? impression : findings;
      if (!pool.length) return null;
      return !pool.some((f) => f.value === false);
    },
  },
});
