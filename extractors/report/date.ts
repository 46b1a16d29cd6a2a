import { findDates, type FoundDate } from '../../src/text/dates.js';
import type { ParsedReport } from '../../src/pipeline/document.js';
import { defineExtractor, type ExtractContext } from '../define.js';

const LABEL_REACH = 40;
const PERIOD_JOINER = /^\s*(?:-|–|по|до|to|until|till|through)\s*$/iu;

/**
 * The report date: a date under a report-date label ("Study date:", "Дата исследования:")
 * first, else the first full date of the header lines; never a birth date or another
 * labelled date (admission, discharge).
 */
export const reportDate = defineExtractor({
  meta: {
    id: 'report/date',
    fields: ['report.date'],
    reportTypes: ['mri', 'enmg', 'csf', 'lab', 'note'],
    lexicons: ['report/months', 'report/date-labels'],
    description: 'Date of the study or visit the report documents.',
  },
  extract(doc, ctx) {
    // Computed once per report: note/symptom-onset asks for the report date too.
    const chosen = ctx.memo('report/date', () => chooseReportDate(doc, reportDates(doc, ctx)));
    if (!chosen) return [];
    return [ctx.finding({ field: 'report.date', value: chosen.iso, start: chosen.start, end: chosen.end, assertion: 'affirmed' })];
  },
});

/** Every date of the report (findDates), found once per report whichever extractor asks first. */
export function reportDates(doc: ParsedReport, ctx: ExtractContext): readonly FoundDate[] {
  return ctx.memo('text/dates', () => findDates(doc.norm, doc.lex));
}

function chooseReportDate(doc: ParsedReport, all: readonly FoundDate[]): FoundDate | null {
  const dates = all.filter((d) => d.precision === 'day');
  if (!dates.length) return null;
  const labels = doc.lex.get('report/date-labels').find(doc.norm);
  const labelOf = (d: FoundDate): string | null => {
    const lineStart = doc.norm.lastIndexOf('\n', d.start - 1) + 1;
    const before = labels.filter((l) => l.end <= d.start && l.start >= Math.max(lineStart, d.start - LABEL_REACH));
    const after = labels.find((l) => l.start >= d.end && l.start - d.end <= 3 && l.term.value === 'birth');
    if (after) return 'birth';
    const nearest = before[before.length - 1];
    if (!nearest) return null;
    // Only text that could sit between a label and its value ("Date of study: ", "от ").
    const gap = doc.norm.slice(nearest.end, d.start);
    return /^[\s:.\-–—)(]*(?:[\p{L}]+\s*){0,3}[\s:.\-]*$/u.test(gap) ? String(nearest.term.value) : null;
  };
  const headerEnd = doc.sections.find((s) => s.name !== 'header')?.start ?? doc.norm.length;
  const firstLines = Math.max(headerEnd, nthLineEnd(doc.norm, 8));
  const labelled = dates.find((d) => labelOf(d) === 'report');
  let chosen = labelled ?? dates.find((d) => d.start < firstLines && labelOf(d) === null);
  if (!chosen) return null;
  // A period ("с 02.03 по 18.03", "from ... to ...") is documented at its end (a discharge letter).
  const next = dates.find((d) => d.start > chosen!.end);
  if (next && PERIOD_JOINER.test(doc.norm.slice(chosen.end, next.start))) chosen = next;
  return chosen;
}

function nthLineEnd(text: string, n: number): number {
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return text.length;
    pos = nl + 1;
  }
  return pos;
}
