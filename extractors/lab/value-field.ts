import type { Finding } from '../../src/schema/evidence.js';
import type { FieldName } from '../../src/schema/record.js';
import { convert } from '../../src/units/convert.js';
import type { Quantity } from '../../src/units/table.js';
import { convertedValueFinding, readValueAfter } from '../common/values.js';
import { defineExtractor, type Extractor, type Mention } from '../define.js';

export interface LabValueOptions {
  id: string;
  field: FieldName;
  /** The value of lexicon lab/analytes that names this analyte. */
  analyte: string;
  quantity: Quantity;
  description: string;
  /** The unit assumed when none is written: only where one unit is universal. */
  unitWhenMissing?: string;
}

/** The first label after `m` naming another analyte: the value of `m` cannot lie beyond it. */
export function nextOtherLabel(all: readonly Mention[], m: Mention, textEnd: number): number {
  const next = all.find((o) => o.start >= m.end && o.value !== m.value);
  return next ? next.start : textEnd;
}

/**
 * A numeric laboratory field: the value on the same line after the analyte's label,
 * converted to the dictionary's unit with the unit table; the reference range and flag
 * travel on the finding. A value in an unknown or unsuitable unit is a warning, not a number.
 */
export function labValueField(opts: LabValueOptions): Extractor {
  return defineExtractor({
    meta: {
      id: opts.id,
      fields: [opts.field],
      reportTypes: ['lab'],
      lexicons: ['lab/analytes', 'units/units'],
      description: opts.description,
    },
    extract(doc, ctx) {
      const out: Finding[] = [];
      const labels = ctx.mentions('lab/analytes');
      // A second label inside the first one's reading ("B12 (cobalamin) 300") is the same value.
      let readUntil = 0;
      for (const m of labels) {
        if (m.value !== opts.analyte || m.assertion.assertion === 'hypothetical' || m.start < readUntil) continue;
        const reading = readValueAfter(doc.norm, m.end, nextOtherLabel(labels, m, doc.norm.length), doc.lex);
        if (!reading || reading.denominator) continue;
        readUntil = reading.stop;
        let unit = reading.unit;
        if (!unit) {
          if (reading.unknownUnit) {
            ctx.warn('W_UNIT_UNKNOWN', `${opts.field}: unit not in the unit table`, reading.unknownUnit.start, reading.unknownUnit.end);
            continue;
          }
          if (!opts.unitWhenMissing) {
            ctx.warn('W_UNIT_MISSING', `${opts.field}: value without a unit`, reading.start, reading.end);
            continue;
          }
          unit = opts.unitWhenMissing;
        }
        const converted = convert(reading.value, unit, opts.quantity);
        if (!converted.ok) {
          ctx.warn('W_UNIT_MISMATCH', `${opts.field}: unit ${unit} does not measure this analyte`, reading.start, reading.stop);
          continue;
        }
        out.push(convertedValueFinding(ctx, opts.field, m.start, reading, converted));
      }
      return out;
    },
  });
}
