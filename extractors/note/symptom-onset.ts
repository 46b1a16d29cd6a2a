import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor, type Mention } from '../define.js';
import { reportDate, reportDates } from '../report/date.js';
import { clauseAround } from './clauses.js';
import { relativeDates, type DatedSpan } from './relative-dates.js';

// A date this close after an investigation's name is the investigation's ("MRI 03.11.2020").
const INVESTIGATION_REACH = 25;
const SYMPTOM_REACH = 120;

/**
 * note.symptom_onset_date: the earliest date bound to an affirmed neurological symptom
 * (numbness, weakness, unsteadiness...; pain alone is not one) in the same clause: absolute
 * dates, month-year ("since January 2023" gives the 1st), and relative ones ("since June",
 * "3 weeks ago") resolved against the report date. Dates of investigations, of the
 * leukaemia's course or of treatment have no symptom beside them and are passed over.
 */
export const symptomOnset = defineExtractor({
  meta: {
    id: 'note/symptom-onset',
    fields: ['note.symptom_onset_date'],
    reportTypes: ['note'],
    lexicons: ['note/neuro-symptoms', 'note/investigations', 'report/months'],
    description: 'Date the neurological symptoms began.',
  },
  extract(doc, ctx) {
    const symptoms = ctx.mentions('note/neuro-symptoms').filter((s) => s.assertion.assertion !== 'negated' && s.sentence.section !== 'impression');
    if (!symptoms.length) return [];
    const reportIso = (reportDate.extract(doc, ctx)[0]?.value as string | undefined) ?? doc.input.date ?? null;
    const investigations = ctx.mentions('note/investigations');
    const relative = relativeDates(doc.norm, reportIso, doc.lex);
    const candidates: DatedSpan[] = [
      ...reportDates(doc, ctx).map((d) => ({ start: d.start, end: d.end, iso: d.precision === 'month' ? `${d.iso}-01` : d.iso })),
      ...monthYearNumeric(doc.norm),
      ...relative,
    ];
    let best: { iso: string; start: number; end: number; symptom: Mention } | undefined;
    // "since Sept 20, 2021": the full date, not the month read inside it as a relative date.
    const absolute = candidates.slice(0, candidates.length - relative.length);
    const covered = (d: DatedSpan) => relative.includes(d) && absolute.some((o) => o.start < d.end && d.start < o.end);
    for (const d of candidates) {
      if (covered(d)) continue;
      if (reportIso && d.iso > reportIso) continue;
      if (investigations.some((i) => i.end <= d.start && d.start - i.end <= INVESTIGATION_REACH && !/[;\n]/.test(doc.norm.slice(i.end, d.start)))) continue;
      const symptom = symptoms.find((s) => {
        const clause = clauseAround(doc, s);
        return d.start >= clause.start && d.end <= clause.end && Math.abs(d.start - s.start) <= SYMPTOM_REACH;
      });
      if (!symptom) continue;
      if (!best || d.iso < best.iso) best = { ...d, symptom };
    }
    if (!best) return [];
    const start = Math.min(best.start, best.symptom.start);
    const end = Math.max(best.end, best.symptom.end);
    return [ctx.finding({ field: 'note.symptom_onset_date', value: best.iso, start, end, assertion: 'affirmed' }) as Finding];
  },
});

/** "11/2014", "05.2019": month and year in figures (findDates needs a day). */
function monthYearNumeric(text: string): DatedSpan[] {
  const out: DatedSpan[] = [];
  for (const m of text.matchAll(/(?<![\d./])(0?[1-9]|1[0-2])[./](\d{4})(?![\d/]|\.\d)/g)) {
    out.push({ start: m.index, end: m.index + m[0].length, iso: `${m[2]}-${m[1]!.padStart(2, '0')}-01` });
  }
  return out;
}
