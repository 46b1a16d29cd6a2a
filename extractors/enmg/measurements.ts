/**
 * enmg.measurements: every numeric conduction value, one row per nerve, side, study and
 * parameter (fields.json). Tables first (lib/table.ts), then the prose around them
 * (lib/narrative.ts); the prose reader skips the lines a table took. Reference values go
 * into the finding's reference and flag, never into a row.
 */
import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor } from '../define.js';
import { readNarrative } from './lib/narrative.js';
import { readTables } from './lib/table.js';

export const measurements = defineExtractor({
  meta: {
    id: 'enmg/measurements',
    fields: ['enmg.measurements'],
    reportTypes: ['enmg'],
    lexicons: ['enmg/nerves', 'enmg/sides', 'enmg/studies', 'enmg/params', 'enmg/units', 'enmg/reference', 'enmg/change'],
    description: 'Conduction values (amplitudes, latencies, velocities, F-waves, H-reflex, CMCT) per nerve, side and study.',
  },
  extract(doc, ctx) {
    const tables = readTables(doc);
    const rows = [...tables.rows, ...readNarrative(doc, tables.consumed, tables.layouts)];
    const seen = new Set<string>();
    const out: Finding[] = [];
    for (const r of rows.sort((a, b) => a.start - b.start)) {
      const key = `${r.start}:${JSON.stringify(r.row)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(ctx.finding({
        field: 'enmg.measurements', value: r.row, start: r.start, end: r.end, assertion: 'affirmed', unit: r.row.unit,
        ...(r.reference ? { reference: r.reference } : {}), ...(r.flag ? { flag: r.flag } : {}),
      }));
    }
    return out;
  },
  // Every row stands: two identical values at different places are two measurements.
  reduce: {
    'enmg.measurements': (findings) => findings.map((f) => f.value),
  },
});
