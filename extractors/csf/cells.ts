import type { Finding } from '../../src/schema/evidence.js';
import { convert, roundValue } from '../../src/units/convert.js';
import { readUnitAt } from '../../src/units/read-unit.js';
import { readValueAfter, scaleReference } from '../common/values.js';
import { defineExtractor } from '../define.js';
import { nextOtherLabel } from '../lab/value-field.js';
import { csfZones, inZones, otherSpecimenAt } from './zone.js';

/**
 * csf.cells_per_ul: the white-cell count after a cytosis / cell-count / WBC label (never
 * red cells), per microlitre. A count over a chamber volume ("20/3", Fuchs-Rosenthal: cells
 * in 3 uL) is divided; /mm3 and 10^6/l are per uL already; 10^9/l is a thousand per uL.
 * A bare number is taken per uL with a warning; percentages are a differential, not a count.
 */
export const csfCells = defineExtractor({
  meta: {
    id: 'csf/cells',
    fields: ['csf.cells_per_ul'],
    reportTypes: ['csf', 'lab'],
    lexicons: ['csf/analytes', 'csf/specimen', 'csf/other-specimen', 'units/units'],
    description: 'CSF white-cell count per microlitre.',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    const zones = csfZones(doc, ctx);
    const labels = ctx.mentions('csf/analytes');
    // A second label inside the first one's reading ("B12 (cobalamin) 300") is the same value.
    let readUntil = 0;
    for (const m of labels) {
      if (m.value !== 'cells' || !inZones(zones, m.start) || m.start < readUntil || otherSpecimenAt(doc, ctx, m.start)) continue;
      const reading = readValueAfter(doc.norm, m.end, nextOtherLabel(labels, m, doc.norm.length), doc.lex, 30);
      if (!reading) {
        // The count before its label and a per-volume unit after it: "2 WBC/uL", "12 cells/mm3".
        const before = /(?<![\d.,/-])(\d+(?:[.,]\d+)?)\s*$/u.exec(doc.norm.slice(Math.max(0, m.start - 12), m.start));
        const generic = /^cells?$/iu.test(doc.norm.slice(m.start, m.end)); // "RBC 120 cells/uL" is no white count
        if (before && !generic && readUnitAt(doc.norm, m.end, doc.lex)?.unit === 'per_ul') {
          const at = m.start - before[0].length;
          out.push(ctx.finding({ field: 'csf.cells_per_ul', value: Number(before[1]!.replace(',', '.')), start: at, end: m.end, assertion: 'affirmed', unit: 'per_ul' }));
        }
        continue;
      }
      if (reading.unit === 'percent') continue;
      readUntil = reading.stop;
      let value: number;
      let factor = 1;
      let implied = false;
      if (reading.denominator) {
        factor = 1 / reading.denominator;
        value = roundValue(reading.value * factor);
      } else if (reading.unit) {
        const converted = convert(reading.value, reading.unit, 'csf_cells');
        if (!converted.ok) {
          ctx.warn('W_UNIT_MISMATCH', `csf.cells_per_ul: unit ${reading.unit} is not a cell count`, reading.start, reading.stop);
          continue;
        }
        value = converted.value;
        factor = converted.factor;
      } else if (reading.unknownUnit) {
        ctx.warn('W_UNIT_UNKNOWN', 'csf.cells_per_ul: unit not in the unit table', reading.unknownUnit.start, reading.unknownUnit.end);
        continue;
      } else {
        ctx.warn('W_UNIT_INFERRED', 'csf.cells_per_ul: no unit written, per uL assumed', reading.start, reading.end);
        value = reading.value;
        implied = true;
      }
      // The reference of a chamber count is already per uL (readReference divides "15/3").
      const reference = reading.denominator ? reading.reference : scaleReference(reading.reference, factor);
      out.push(ctx.finding({
        field: 'csf.cells_per_ul',
        value,
        start: m.start,
        end: Math.max(reading.end, reading.stop),
        assertion: 'affirmed',
        unit: 'per_ul',
        ...(reference ? { reference } : {}),
        ...(reading.flag ? { flag: reading.flag } : {}),
        ...(implied ? { implied } : {}),
      }));
    }
    return out;
  },
});
