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
import { EMPTY_CELL, NUMERIC_CELL } from './param-rows.js';
import { isStudy, makeRow, resolveParam, type RowFinding, type Study } from './rows.js';

interface Span {
  start: number;
  end: number;
}

interface NerveColumn {
  nerve: string;
  side: 'left' | 'right' | null;
}

/** Cells of a line split at pipes, tabs (from the original text) or runs of 2+ spaces. */
function cellsOf(doc: ParsedReport, line: Span): Array<Span & { text: string }> {
  const out: Array<Span & { text: string }> = [];
  let s = line.start;
  const push = (e: number) => {
    const raw = doc.norm.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ start: s + lead, end: s + lead + text.length, text });
  };
  for (let i = line.start; i < line.end; i++) {
    const ch = doc.norm[i];
    const tab = doc.text.original[doc.text.offsets[i] ?? -1] === '\t';
    if (ch === '|' || tab) {
      push(i);
      s = i + 1;
    } else if (ch === ' ' && doc.norm[i + 1] === ' ') {
      push(i);
      while (doc.norm[i + 1] === ' ') i++;
      s = i + 1;
    }
  }
  push(line.end);
  return out;
}

function headerColumns(doc: ParsedReport, cells: Array<Span & { text: string }>): NerveColumn[] | null {
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

export function readNerveColumns(doc: ParsedReport, taken: Span[]): { rows: RowFinding[]; consumed: Span[] } {
  const rows: RowFinding[] = [];
  const consumed: Span[] = [];
  const lines: Span[] = [];
  let pos = 0;
  for (const l of doc.norm.split('\n')) {
    lines.push({ start: pos, end: pos + l.length });
    pos += l.length + 1;
  }
  let header: NerveColumn[] | null = null;
  let study: Study | null = null;
  lines.forEach((line, index) => {
    if (taken.some((t) => t.start === line.start)) {
      header = null;
      return;
    }
    const cells = cellsOf(doc, line);
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
