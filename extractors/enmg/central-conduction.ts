/**
 * enmg.central_conduction: central motor conduction time from motor evoked potentials,
 * "prolonged" or "normal", from its verdict word ("CMCT is prolonged", "удлинение ВЦМП",
 * "normal central motor conduction"). Prolonged anywhere in the conclusion wins: a lesion
 * to the legs with normal arms is a prolonged study.
 */
import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor } from '../define.js';
import { nearestQualifier } from './lib/qualify.js';
import { studyMentions } from './lib/status.js';

export const centralConduction = defineExtractor({
  meta: {
    id: 'enmg/central-conduction',
    fields: ['enmg.central_conduction'],
    reportTypes: ['enmg'],
    lexicons: ['enmg/central-conduction', 'enmg/qualifiers', 'enmg/clinical-labels'],
    description: 'Central motor conduction time: prolonged or normal.',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    for (const m of studyMentions(doc, ctx, 'enmg/central-conduction')) {
      if (m.assertion.assertion === 'uncertain' || m.assertion.assertion === 'hypothetical') continue;
      const q = nearestQualifier(doc, ctx, m);
      if (!q) continue;
      const negated = q.negated || m.assertion.assertion === 'negated';
      let value: 'prolonged' | 'normal' | null = null;
      if (q.value === 'prolonged') value = negated ? 'normal' : 'prolonged';
      else if (q.value === 'normal') value = negated ? null : 'normal';
      else if (q.value === 'abnormal' && negated) value = 'normal';
      if (value) out.push(ctx.finding({ field: 'enmg.central_conduction', value, start: m.start, end: m.end, assertion: 'affirmed' }));
    }
    return out;
  },
  reduce: {
    'enmg.central_conduction': (findings) => {
      const impression = findings.filter((f) => f.section === 'impression');
      const pool = impression.length ? impression : findings;
      if (!pool.length) return null;
      return pool.some((f) => f.value === 'prolonged') ? 'prolonged' : 'normal';
    },
  },
});
