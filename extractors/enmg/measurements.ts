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
import { readNerveColumns } from './lib/nerve-columns.js';

// A line naming only the limb side examined ("Правая нижняя конечность.", "Right lower limb:"):
// rows after it that name no side of their own are of that side.
const SIDE_LINE = /^[ \t]*(?:(прав|лев)\p{L}*\s+(?:нижн|верхн)\p{L}*\s+конечност\p{L}*|(right|left)\s+(?:lower|upper)\s+(?:limb|extremity|leg|arm)|(справа|слева|right|left)(?:\s+side)?)[ \t]*[.:]?[ \t]*$/gimu;
const SIDE_OF: Record<string, 'left' | 'right'> = { прав: 'right', right: 'right', справа: 'right', лев: 'left', left: 'left', слева: 'left' };

function sideLines(text: string): Array<{ at: number; side: 'left' | 'right' }> {
  const out: Array<{ at: number; side: 'left' | 'right' }> = [];
  for (const m of text.matchAll(SIDE_LINE)) {
    const word = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
    const side = SIDE_OF[word];
    if (side) out.push({ at: m.index ?? 0, side });
  }
  return out;
}

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
    const transposed = readNerveColumns(doc, tables.consumed);
    const taken = [...tables.consumed, ...transposed.consumed];
    const rows = [...tables.rows, ...transposed.rows, ...readNarrative(doc, taken, tables.layouts)];
    const sides = sideLines(doc.norm);
    for (const r of rows) {
      if (r.row.side !== null) continue;
      const line = sides.filter((x) => x.at < r.start).pop();
      if (line) r.row = { ...r.row, side: line.side };
    }
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
