/**
 * Transposed conduction tables: one nerve (and side) per column, one parameter per row.
 *
 *                   n.medianus dex  n.medianus sin  n.ulnaris dex
 *   ДЛ, мс          3,6             3,8             2,9
 *   Ампл. М, мВ     7,2             6,8             8,1
 *
 * The header line names a nerve in every column (a leading label cell may name none); each row
 * under it starts with a parameter label (its unit may sit there) and holds one value per column.
 */
import type { ParsedReport } from '../../../src/pipeline/document.js';
import { findCues, findValues, type Unit } from './cues.js';
import { EMPTY_CELL, lines as linesOf, NUMERIC_CELL, splitCells, type Cell, type Line } from './cells.js';
import { isStudy, makeRow, resolveParam, type RowFinding, type Study } from './rows.js';

interface NerveColumn {
  nerve: string;
  side: 'left' | 'right' | null;
}

function headerColumns(doc: ParsedReport, cells: Cell[]): NerveColumn[] | null {
  const named = cells.map((c) => {
    if (NUMERIC_CELL.test(c.text) || c.text.split(/\s+/).length > 4) return null;
    const cues = findCues(doc, c.start, c.end, { sideLetters: 'RLDS' });
    if (cues.params.length || cues.values.length) return null;
    const nerve = cues.nerves[0]?.value;
    const side = cues.sides[0]?.value;
    return nerve ? { nerve, side: side === 'left' || side === 'right' ? side : null } : null;
  });
  const cols = named[0] ? named : named.slice(1);
  if (cols.length < 2 || cols.some((c) => c === null)) return null;
  return cols as NerveColumn[];
}

export function readNerveColumns(doc: ParsedReport, taken: Line[]): { rows: RowFinding[]; consumed: Line[] } {
  const rows: RowFinding[] = [];
  const consumed: Line[] = [];
  const lines = linesOf(doc.norm);
  let header: NerveColumn[] | null = null;
  let study: Study | null = null;
  lines.forEach((line, index) => {
    if (taken.some((t) => t.start === line.start)) {
      header = null;
      return;
    }
    const { cells } = splitCells(doc, line);
    const head = cells.length >= 2 ? headerColumns(doc, cells) : null;
    if (head) {
      header = head;
      const before = lines[Math.max(0, index - 2)]!.start;
      const s = findCues(doc, before, line.end).studies.pop()?.value;
      study = s && isStudy(s) ? s : null;
      consumed.push(line);
      return;
    }
    const cols: NerveColumn[] | null = header;
    if (!cols || cells.length !== cols.length + 1) {
      header = null;
      return;
    }
    const label = cells[0]!;
    const data = cells.slice(1);
    const cue = findCues(doc, label.start, label.end).params.pop()?.value;
    if (!cue || NUMERIC_CELL.test(label.text) || !data.every((c) => NUMERIC_CELL.test(c.text) || EMPTY_CELL.test(c.text))) {
      header = null;
      return;
    }
    const labelUnit = doc.lex.get('enmg/units').find(doc.norm, label.start, label.end)[0]?.term.value as Unit | undefined;
    data.forEach((cell, i) => {
      const v = findValues(doc, cell.start, cell.end);
      if (v.length !== 1 || v[0]!.comparator) return;
      const col = cols[i]!;
      const resolved = resolveParam(cue, study, v[0]!.unit ?? labelUnit ?? null, col.nerve);
      if (resolved) rows.push({ row: makeRow(col.nerve, col.side, resolved, v[0]!.value, v[0]!.valueMax), start: cell.start, end: cell.end });
    });
    consumed.push(line);
  });
  return { rows, consumed };
}
