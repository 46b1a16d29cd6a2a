import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor, type Mention } from '../define.js';
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
    const mentions = ctx.mentions('note/radiation');
    const dist = (a: Mention, b: Mention) => Math.max(0, a.start - b.end, b.start - a.end);
    for (const m of mentions) {
      if (m.value === 'pseudo') continue;
      const status = treatmentStatus(doc, ctx, m, mentions);
      if (!status) continue;
      const assertion = m.assertion;
      const clause = clauseAround(doc, m);
      // A field word belongs to the nearest radiation mention ("PCI 12 Gy, spine not irradiated").
      const here = fields.filter((f) => f.start >= clause.start && f.end <= clause.end
        && !mentions.some((p) => p !== m && p.value !== 'pseudo' && dist(p, f) < dist(m, f)));
      const spinal = m.value === 'spine' ? m : here.find((f) => f.value === 'spine');
      // "spine not irradiated", "no spinal RT" deny the spinal field, not radiation elsewhere.
      const fieldOnly = status === 'not_given' && spinal && spinal !== m && dist(spinal, m) <= 12
        && !/[,;]/.test(doc.norm.slice(Math.min(spinal.end, m.end), Math.max(spinal.start, m.start)));
      if (!fieldOnly) {
        out.push(ctx.finding({ field: 'note.radiation', value: VALUE_OF[status], start: m.start, end: m.end, assertion }));
      }
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
