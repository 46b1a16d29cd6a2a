/**
 * Conduction tables as exports write them: columns separated by pipes, tabs (read from the
 * original text, since normalization turns them into single spaces) or runs of 2+ spaces;
 * one nerve per row with a side column or a side in the row label, or one side per column
 * group under a "Right ... Left" line; units in the header or stuck to the number. A header
 * column named "Norm"/"Норма" holds the reference of the column before it.
 */
import type { ParsedReport } from '../../../src/pipeline/document.js';
import { findCues, findValues, type Unit } from './cues.js';
import type { SideColumns } from './narrative.js';
import { flagOf, isStudy, makeRow, referenceOf, resolveParam, type RowFinding, type Study } from './rows.js';
import { EMPTY_CELL, lines, NUMERIC_CELL, splitCells, type Cell, type Line } from './cells.js';
import { readParamRow } from './param-rows.js';

interface Column extends Cell {
  kind: 'param' | 'side' | 'norm' | 'label';
  cue: string | null;
  study: Study | null;
  unit: Unit | null;
  side: 'right' | 'left' | null;
}

interface Header {
  columns: Column[];
  delimited: boolean;
}

const SIDE_HEADER = /^(?:side|sd|сторона|стор\.?)$/iu;

function firstCue(list: Array<{ start: number; value: string }>, cell: Cell): string | null {
  return list.find((c) => c.start >= cell.start && c.start < cell.end)?.value ?? null;
}

function readHeader(doc: ParsedReport, cells: Cell[], delimited: boolean): Header | null {
  const columns: Column[] = [];
  let params = 0;
  for (const cell of cells) {
    if (NUMERIC_CELL.test(cell.text)) return null;
    const cues = findCues(doc, cell.start, cell.end);
    // "DML 6.8 ms" is a labelled value in a row, not a column heading.
    if (cues.values.some((v) => v.unit)) return null;
    const cue = cues.params[0]?.value ?? null;
    const study = cues.studies[0]?.value ?? null;
    const unitMatch = doc.lex.get('enmg/units').find(doc.norm, cell.start, cell.end)[0];
    const base = { ...cell, cue, study: study && isStudy(study) ? study : null, unit: (unitMatch?.term.value as Unit | undefined) ?? null, side: null };
    if (SIDE_HEADER.test(cell.text)) columns.push({ ...base, kind: 'side', cue: null });
    else if (cue && !(cues.refs.length && cues.refs[0]!.start === cell.start)) {
      params++;
      columns.push({ ...base, kind: 'param' });
    } else if (cues.refs.length && !cue) columns.push({ ...base, kind: 'norm' });
    else columns.push({ ...base, kind: 'label', cue: null });
  }
  const hasSide = columns.some((c) => c.kind === 'side');
  return params >= 2 || (params >= 1 && hasSide) ? { columns, delimited } : null;
}

/** "Right ... Left" above a header: the side of each column group, in order. */
function sideLayout(doc: ParsedReport, cells: Cell[]): Array<'right' | 'left'> | null {
  const sides: Array<'right' | 'left'> = [];
  for (const [i, cell] of cells.entries()) {
    const c = findCues(doc, cell.start, cell.end, { sideLetters: 'RLDS' }).sides[0];
    const whole = c && c.start === cell.start && c.end === cell.end;
    if (whole && (c.value === 'right' || c.value === 'left')) sides.push(c.value);
    // Label columns ("Nerve | Parameter | Right | Left") only before the sides.
    else if (sides.length > 0 || i > 2) return null;
  }
  return sides.length >= 2 ? sides : null;
}

/** The study a heading line above the table names ("MOTOR NCS", "Сенсорные волокна:"). */
function headingStudy(doc: ParsedReport, all: Line[], index: number): Study | null {
  for (let j = index - 1, seen = 0; j >= 0 && seen < 3; j--) {
    const l = all[j]!;
    if (!doc.norm.slice(l.start, l.end).trim()) continue;
    seen++;
    if (findValues(doc, l.start, l.end).some((v) => v.unit)) return null;
    const s = findCues(doc, l.start, l.end).studies[0]?.value;
    if (s && isStudy(s)) return s;
  }
  return null;
}

function assignColumns(header: Header, cells: Cell[], delimited: boolean): Array<Column | null> {
  const cols = header.columns;
  if (cells.length === cols.length) return cols;
  if (delimited || header.delimited) return cells.map((_, i) => cols[cols.length - cells.length + i] ?? null);
  return cells.map((cell) => {
    let best: Column | null = null;
    let bestOverlap = 0;
    cols.forEach((col, i) => {
      const next = cols[i + 1];
      const end = Math.max(col.colEnd, next ? next.col - 1 : Infinity);
      const overlap = Math.min(end, cell.colEnd) - Math.max(col.col, cell.col);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = col;
      }
    });
    return best;
  });
}

export interface TableResult {
  rows: RowFinding[];
  /** Norm line ranges the tables took (the narrative reader skips them). */
  consumed: Line[];
  /** Prose lines inside a side-per-column table ("latency 33.8 ms" under "Right"). */
  layouts: SideColumns[];
}

export function readTables(doc: ParsedReport): TableResult {
  const rows: RowFinding[] = [];
  const consumed: Line[] = [];
  const layouts: SideColumns[] = [];
  const all = lines(doc.norm);
  let header: Header | null = null;
  let headStudy: Study | null = null;
  let layout: Array<'right' | 'left'> | null = null;
  let layoutStudy: Study | null = null;
  let lastNerve: string | null = null;
  all.forEach((line, index) => {
    const text = doc.norm.slice(line.start, line.end);
    if (!text.trim()) return;
    const { cells, delimited } = splitCells(doc, line);
    const maybeLayout = cells.length >= 2 ? sideLayout(doc, cells) : null;
    if (maybeLayout) {
      layout = maybeLayout;
      layoutStudy = (findCues(doc, cells[0]!.start, cells[0]!.end).studies[0]?.value as Study | undefined) ?? headingStudy(doc, all, index);
      if (layoutStudy && !isStudy(layoutStudy)) layoutStudy = null;
      header = null;
      lastNerve = null;
      consumed.push(line);
      return;
    }
    // Under a "Right | Left" line with no header: the row label names nerve and parameter.
    if (!header && layout && cells.length > layout.length && cells.length <= layout.length + 3) {
      const nerve = readParamRow(doc, cells, layout, layoutStudy, lastNerve, rows);
      if (nerve !== undefined) {
        lastNerve = nerve;
        consumed.push(line);
        return;
      }
    }
    const h = cells.length >= 2 ? readHeader(doc, cells, delimited) : null;
    if (h) {
      header = h;
      headStudy = headingStudy(doc, all, index);
      const labelStudy = h.columns.find((c) => c.kind === 'label' && c.study)?.study;
      if (labelStudy) headStudy = labelStudy;
      if (h.columns.some((c) => c.kind === 'side')) layout = null;
      applyLayout(h, layout);
      lastNerve = null;
      consumed.push(line);
      return;
    }
    if (header && cells.length >= 2 && cells.every((c) => isUnitCell(doc, c))) {
      // A units line under the header ("ms  mV  m/s") gives each column its unit.
      assignColumns(header, cells, delimited).forEach((col, i) => {
        const u = doc.lex.get('enmg/units').find(doc.norm, cells[i]!.start, cells[i]!.end)[0];
        if (col && u) col.unit = u.term.value as Unit;
      });
      consumed.push(line);
      return;
    }
    const isData = header !== null && cells.length >= 2 && !NUMERIC_CELL.test(cells[0]!.text.replace(/^[|]/, ''))
      ? cells.slice(1).some((c) => NUMERIC_CELL.test(c.text))
        || (!/\d/.test(cells[0]!.text) && cells.slice(1).every((c) => EMPTY_CELL.test(c.text))) : false;
    if (!isData || !header) {
      const bounds = header ? sideBounds(header) : [];
      if (bounds.length) layouts.push({ start: line.start, end: line.end, bounds });
      if (cells.length <= 1 && text.trim().split(/\s+/).length > 8) {
        header = null;
        layout = null;
      }
      return;
    }
    consumed.push(line);
    lastNerve = readRow(doc, header, headStudy, cells, delimited, lastNerve, rows);
  });
  return { rows, consumed, layouts };
}

function sideBounds(h: Header): SideColumns['bounds'] {
  const out: SideColumns['bounds'] = [];
  for (const c of h.columns) if (c.side && !out.some((b) => b.side === c.side)) out.push({ col: c.col, side: c.side });
  return out;
}

function isUnitCell(doc: ParsedReport, cell: Cell): boolean {
  const u = doc.lex.get('enmg/units').find(doc.norm, cell.start, cell.end)[0];
  return u !== undefined && doc.norm.slice(cell.start, cell.end).replace(/[()\s]/g, '') === u.text.replace(/\s/g, '');
}

function applyLayout(h: Header, layout: Array<'right' | 'left'> | null): void {
  const params = h.columns.filter((c) => c.kind === 'param' || c.kind === 'norm');
  if (!layout || params.length % layout.length !== 0) return;
  const per = params.length / layout.length;
  params.forEach((c, i) => (c.side = layout[Math.floor(i / per)] ?? null));
}

function readRow(
  doc: ParsedReport, header: Header, headStudy: Study | null, cells: Cell[], delimited: boolean,
  lastNerve: string | null, out: RowFinding[],
): string | null {
  const cols = assignColumns(header, cells, delimited);
  const labelCells = cells.filter((_, i) => !cols[i] || cols[i]!.kind === 'label' || cols[i]!.kind === 'side');
  let nerve: string | null = null;
  let side: 'right' | 'left' | null = null;
  let rowStudy: Study | null = null; // "R Ulnar sensory": the row label's study outranks the heading's
  for (const c of labelCells) {
    const cues = findCues(doc, c.start, c.end, { sideLetters: 'RLDS' });
    nerve ??= cues.nerves[0]?.value ?? null;
    if (!rowStudy && isStudy(cues.studies[0]?.value ?? '')) rowStudy = cues.studies[0]!.value as Study;
    const s = cues.sides[0]?.value;
    if (!side && (s === 'right' || s === 'left')) side = s;
  }
  const labelText = labelCells.map((c) => c.text).join(' ');
  if (!nerve && lastNerve && (!labelText.trim() || labelText.trim().length <= 6)) nerve = lastNerve;
  const groupStudy = (group: number): Study | null =>
    header.columns.find((c) => c.group === group && c.kind === 'param' && c.cue && !c.cue.startsWith('*') && !/^f_wave|^mep/.test(c.cue))?.cue?.split(':')[0] as Study | undefined ?? null;
  let previous: RowFinding | null = null;
  cells.forEach((cell, i) => {
    const col = cols[i];
    if (!col || (col.kind !== 'param' && col.kind !== 'norm')) return;
    const values = findValues(doc, cell.start, cell.end);
    const v = values[0];
    if (!v || values.length !== 1 || !NUMERIC_CELL.test(cell.text)) return;
    if (col.kind === 'norm' || v.comparator) {
      if (previous && col.kind === 'norm') {
        previous.reference = referenceOf([v], cell.text);
        previous.flag = flagOf(previous.row.value, previous.reference);
      }
      return;
    }
    const hasGroups = header.columns.some((c) => c.group > 0);
    const study = col.study ?? rowStudy ?? (hasGroups ? groupStudy(col.group) : null) ?? headStudy;
    const resolved = resolveParam(col.cue!, study, v.unit ?? col.unit, nerve);
    if (!resolved) return;
    const finding: RowFinding = { row: makeRow(nerve, col.side ?? side, resolved, v.value, v.valueMax), start: cell.start, end: cell.end };
    out.push(finding);
    previous = finding;
  });
  return nerve;
}
