import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor } from '../define.js';
import { clauseAround, treatmentStatus } from './clauses.js';

const VALUE_OF = { given: 'present', not_given: 'absent', uncertain: 'uncertain' } as const;

/**
 * note.radiation and note.radiation_spine. Radiation given / not given / possible, with the
 * treatment cues of clauses.ts; its field from the field words in the same clause. The spine
 * was irradiated when the field is craniospinal, total body or spinal (vertebral levels);
 * a stated non-spinal field (testes, mediastinum, cranium) or no radiation at all means it
 * was not; radiation of unknown field leaves the spine unknown.
 */
export const radiation = defineExtractor({
  meta: {
    id: 'note/radiation',
    fields: ['note.radiation', 'note.radiation_spine'],
    reportTypes: ['note'],
    lexicons: ['note/radiation', 'note/radiation-field', 'note/planned', 'note/not-given'],
    description: 'Radiation therapy given, and whether its field covered the spine.',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    const fields = ctx.mentions('note/radiation-field');
    for (const m of ctx.mentions('note/radiation')) {
      if (m.value === 'pseudo') continue;
      const status = treatmentStatus(doc, ctx, m);
      if (!status) continue;
      const assertion = m.assertion;
      out.push(ctx.finding({ field: 'note.radiation', value: VALUE_OF[status], start: m.start, end: m.end, assertion }));
      const clause = clauseAround(doc, m);
      const here = fields.filter((f) => f.start >= clause.start && f.end <= clause.end);
      const spinal = m.value === 'spine' ? m : here.find((f) => f.value === 'spine');
      const spineFinding = (value: string, at: { start: number; end: number }, implied = false) =>
        out.push(ctx.finding({ field: 'note.radiation_spine', value, start: at.start, end: at.end, assertion, ...(implied ? { implied } : {}) }));
      if (status === 'not_given') spineFinding('absent', spinal ?? m, !spinal);
      else if (spinal) spineFinding(VALUE_OF[status], spinal);
      else if (status === 'given') {
        const other = here.find((f) => f.value === 'other');
        if (other) spineFinding('absent', other, true);
      }
    }
    return out;
  },
});
