/**
 * mri.field_strength_t: a number with a tesla unit ("1.5 T", "3.0T", "1,5 Тл", "3 Tesla").
 * The scanner line comes first: a conclusion advising "1.5 T or more" speaks of another study,
 * so the impression counts last. The unit spellings are lexicons/mri/field-strength.*.
 */
import { sectionAt } from '../../src/pipeline/document.js';
import { parseNumber } from '../../src/text/numbers.js';
import { defineExtractor } from '../define.js';

const MIN_T = 0.1;
const MAX_T = 12;
const SECTION_ORDER: Record<string, number> = { header: 0, technique: 1, other: 2, findings: 3, clinical: 4, impression: 5 };

/** Unit sources are lexicon regex sources; longest first. The unit may stick to the number ("3.0T"). */
function unitPattern(units: readonly string[]): RegExp {
  const alt = [...units].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}.,])(\\d{1,2}(?:[.,]\\d{1,2})?)\\s?-?\\s?(?:${alt})(?![\\p{L}\\p{N}])`, 'gu');
}

export const fieldStrength = defineExtractor({
  meta: {
    id: 'mri/field-strength',
    fields: ['mri.field_strength_t'],
    reportTypes: ['mri'],
    lexicons: ['mri/field-strength'],
    description: 'Magnet field strength in tesla.',
  },
  extract(doc, ctx) {
    const units = doc.lex.get('mri/field-strength').terms.map((t) => t.source);
    const found: Array<{ value: number; start: number; end: number; rank: number }> = [];
    for (const m of doc.norm.matchAll(unitPattern(units))) {
      const value = parseNumber(m[1]!);
      if (value === null || value < MIN_T || value > MAX_T) continue;
      found.push({ value, start: m.index, end: m.index + m[0].length, rank: SECTION_ORDER[sectionAt(doc, m.index)] ?? 9 });
    }
    found.sort((a, b) => a.rank - b.rank || a.start - b.start);
    const best = found[0];
    if (!best) return [];
    return [ctx.finding({ field: 'mri.field_strength_t', value: best.value, start: best.start, end: best.end, assertion: 'affirmed' })];
  },
});
