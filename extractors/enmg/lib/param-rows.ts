/**
 * Side-per-column tables whose rows name the parameter: "Peroneal-EDB DML | 4.8ms | 5.1ms"
 * under "Motor NCS | Right | Left", or "n. peroneus | СРВ | 41м/с | 39м/с" under
 * "Нерв | Показатель | Справа | Слева".
 */
import type { ParsedReport } from '../../../src/pipeline/document.js';
import { findCues, findValues } from './cues.js';
import { EMPTY_CELL, NUMERIC_CELL, type Cell } from './cells.js';
import { isStudy, makeRow, resolveParam, type RowFinding, type Study } from './rows.js';

/**
 * "Peroneal-EDB DML | 4.8ms | 5.1ms" under "Motor NCS | Right | Left": one parameter per row,
 * one side per column. Undefined when the line is not such a row.
 */
export function readParamRow(
  doc: ParsedReport, cells: Cell[], layout: Array<'right' | 'left'>, study: Study | null,
  lastNerve: string | null, out: RowFinding[],
): string | null | undefined {
  const labels = cells.slice(0, cells.length - layout.length);
  const data = cells.slice(labels.length);
  if (labels.some((c) => NUMERIC_CELL.test(c.text))) return undefined;
  const label = { ...labels[0]!, end: labels[labels.length - 1]!.end };
  if (!data.every((c) => NUMERIC_CELL.test(c.text) || EMPTY_CELL.test(c.text))) return undefined;
  const cues = findCues(doc, label.start, label.end);
  const cue = cues.params[cues.params.length - 1]?.value;
  if (!cue) return undefined;
  const nerve = cues.nerves[0]?.value ?? lastNerve;
  const rowStudy = (cues.studies[0]?.value as Study | undefined) ?? study;
  data.forEach((cell, i) => {
    if (!NUMERIC_CELL.test(cell.text)) return;
    const values = findValues(doc, cell.start, cell.end);
    const v = values[0];
    if (!v || values.length !== 1 || v.comparator) return;
    const resolved = resolveParam(cue, rowStudy && isStudy(rowStudy) ? rowStudy : null, v.unit, nerve);
    if (!resolved) return;
    out.push({ row: makeRow(nerve, layout[i] ?? null, resolved, v.value, v.valueMax), start: cell.start, end: cell.end });
  });
  return nerve;
}
