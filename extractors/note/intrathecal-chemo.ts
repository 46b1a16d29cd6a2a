import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor } from '../define.js';
import { treatmentStatus } from './clauses.js';

const VALUE_OF = { given: 'present', not_given: 'absent', uncertain: 'uncertain' } as const;

/**
 * note.intrathecal_chemo: intrathecal / endolumbar chemotherapy (triplet, IT MTX) the note
 * says was given, was not given, or may have been. Planned or deferred injections and
 * intrathecal things that are not a treatment (IgG synthesis) say nothing.
 */
export const intrathecalChemo = defineExtractor({
  meta: {
    id: 'note/intrathecal-chemo',
    fields: ['note.intrathecal_chemo'],
    reportTypes: ['note'],
    lexicons: ['note/intrathecal', 'note/planned', 'note/not-given'],
    description: 'Intrathecal (endolumbar) chemotherapy given: present, absent or uncertain.',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    for (const m of ctx.mentions('note/intrathecal')) {
      if (m.value !== 'given') continue;
      const status = treatmentStatus(doc, ctx, m);
      if (!status) continue;
      out.push(ctx.finding({ field: 'note.intrathecal_chemo', value: VALUE_OF[status], start: m.start, end: m.end, assertion: m.assertion }));
    }
    return out;
  },
});
