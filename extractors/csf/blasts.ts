import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor, statusOfAssertion } from '../define.js';
import { csfZones, inZones, otherSpecimenAt } from './zone.js';
import { isSegmentBreak } from '../common/segments.js';
import { isAsciiDigit } from '../../src/text/chars.js';

// "бластные клетки: не найдены", "blasts - not seen": a result after the cells, within its clause.
const RESULT_REACH = 40;
const ZERO_COUNT = /^[\s:=-]*0(?:[.,]0+)?\s*%?(?![\d.,])/;

/**
 * csf.blasts: blast / leukaemic cells in the CSF (cytospin, cytology, flow cytometry, CNS
 * status 1-3), with ConText for negation and hedging plus the result word written after
 * the cells ("not found", "не найдены"), and a zero count as absent. In a laboratory report
 * only the CSF block counts (blood-film blasts are not CSF blasts); the clinical question
 * never does.
 */
export const csfBlasts = defineExtractor({
  meta: {
    id: 'csf/blasts',
    fields: ['csf.blasts'],
    reportTypes: ['csf', 'lab'],
    lexicons: ['csf/blasts', 'csf/specimen', 'csf/other-specimen', 'lab/results'],
    description: 'Blast (leukaemic) cells in the CSF: present, absent or uncertain.',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    const zones = csfZones(doc, ctx);
    const results = ctx.mentions('lab/results');
    for (const m of ctx.mentions('csf/blasts')) {
      if (!inZones(zones, m.start) || m.sentence.section === 'clinical' || otherSpecimenAt(doc, ctx, m.start)) continue;
      let value: string | undefined = typeof m.value === 'string' ? m.value : statusOfAssertion(m.assertion.assertion);
      if (value === 'present' && typeof m.value !== 'string') {
        const clauseEnd = clauseEndOf(doc.norm, m.end, Math.min(m.sentence.end, m.end + RESULT_REACH));
        const word = results.find((r) => r.start >= m.end && r.end <= clauseEnd);
        if (word?.value === 'negative') value = 'absent';
        else if (word?.value === 'uncertain') value = 'uncertain';
        if (ZERO_COUNT.test(doc.norm.slice(m.end, m.end + 12))) value = 'absent';
      }
      if (!value) continue;
      out.push(ctx.finding({ field: 'csf.blasts', value, start: m.start, end: m.end, assertion: m.assertion }));
    }
    return out;
  },
});

function clauseEndOf(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isSegmentBreak(c) || (c === 46 && !isAsciiDigit(text.charCodeAt(i + 1)))) return i;
  }
  return limit;
}
