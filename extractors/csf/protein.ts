import type { Finding } from '../../src/schema/evidence.js';
import { convert } from '../../src/units/convert.js';
import { convertedValueFinding, readValueAfter } from '../common/values.js';
import { defineExtractor } from '../define.js';
import { nextOtherLabel } from '../lab/value-field.js';
import { csfZones, inZones } from './zone.js';

// Above this a "protein" is serum total protein (60-80 g/l), not CSF.
const MAX_CSF_PROTEIN_MG_L = 20000;

/**
 * The unit of a bare protein value: the reference range tells it (0.15-0.45 g/l, 15-45 mg/dl,
 * 150-450 mg/l); else a value under 5 is g/l, and a larger one mg/dl in English (the US
 * convention) or mg/l in Russian.
 */
function unitWithoutSpelling(value: number, refHigh: number | null, lang: string): string | null {
  if (refHigh !== null) return refHigh <= 2 ? 'g/l' : refHigh <= 120 ? 'mg/dl' : 'mg/l';
  if (value < 5) return 'g/l';
  if (lang === 'en') return 'mg/dl';
  return value >= 50 ? 'mg/l' : null;
}

/**
 * csf.protein_mg_l: the value after a CSF protein label (not CRP, myelin basic protein or
 * other protein-named markers), converted to mg/l. A bare value gets its unit from the
 * reference range or its size (unitWithoutSpelling), always with a warning.
 */
export const csfProtein = defineExtractor({
  meta: {
    id: 'csf/protein',
    fields: ['csf.protein_mg_l'],
    reportTypes: ['csf', 'lab'],
    lexicons: ['csf/analytes', 'csf/specimen', 'units/units'],
    description: 'CSF total protein in mg/l.',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    const zones = csfZones(doc, ctx);
    const labels = ctx.mentions('csf/analytes');
    // A second label inside the first one's reading ("B12 (cobalamin) 300") is the same value.
    let readUntil = 0;
    for (const m of labels) {
      if (m.value !== 'protein' || !inZones(zones, m.start) || m.start < readUntil) continue;
      const reading = readValueAfter(doc.norm, m.end, nextOtherLabel(labels, m, doc.norm.length), doc.lex, 30);
      if (!reading || reading.denominator) continue;
      readUntil = reading.stop;
      let unit = reading.unit;
      if (!unit) {
        if (reading.unknownUnit) {
          ctx.warn('W_UNIT_UNKNOWN', 'csf.protein_mg_l: unit not in the unit table', reading.unknownUnit.start, reading.unknownUnit.end);
          continue;
        }
        unit = unitWithoutSpelling(reading.value, reading.reference?.high ?? null, doc.lang);
        if (!unit) continue;
        ctx.warn('W_UNIT_INFERRED', `csf.protein_mg_l: no unit written, ${unit} assumed`, reading.start, reading.end);
      }
      const converted = convert(reading.value, unit, 'csf_protein');
      if (!converted.ok) {
        ctx.warn('W_UNIT_MISMATCH', `csf.protein_mg_l: unit ${unit} does not measure protein`, reading.start, reading.stop);
        continue;
      }
      if (converted.value > MAX_CSF_PROTEIN_MG_L) continue;
      out.push(convertedValueFinding(ctx, 'csf.protein_mg_l', m.start, reading, converted));
    }
    return out;
  },
});
