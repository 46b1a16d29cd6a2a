/**
 * The lines and cells of conduction tables, shared by the table readers (table.ts,
 * param-rows.ts, nerve-columns.ts): cells split at pipes, tabs (read from the original text,
 * since normalization turns them into single spaces) or runs of 2+ spaces.
 */
import type { ParsedReport } from '../../../src/pipeline/document.js';
import { isSpaceUnit, TAB, SPACE, PIPE } from '../../../src/text/chars.js';

export interface Line {
  start: number;
  end: number;
}

export interface Cell {
  start: number;
  end: number;
  /** Column position within the line (for aligned tables). */
  col: number;
  colEnd: number;
  group: number;
  text: string;
}

export const NUMERIC_CELL = /^(?:[≤≥<>⩽⩾]=?\s*)?\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?\s*(?:[\p{L}/%µμ]+)?$/u;
export const EMPTY_CELL = /^(?:-|—|nr|n\/r|no response|absent|не регистр\p{L}*|нет ответа|отсутств\p{L}*|н\/р|не вызыва\p{L}*)$/iu;

/** The lines of a text as ranges (without their line breaks). */
export function lines(norm: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const l of norm.split('\n')) {
    out.push({ start: pos, end: pos + l.length });
    pos += l.length + 1;
  }
  return out;
}

/** Cells of one line; tabs come from the original text through the offset map. */
export function splitCells(doc: ParsedReport, line: Line): { cells: Cell[]; delimited: boolean } {
  const { norm } = doc;
  const orig = doc.text.original;
  const raw: Array<{ s: number; e: number; chunk: number }> = [];
  let chunk = 0;
  let cellStart = line.start;
  let delimited = false;
  const close = (end: number) => {
    if (end > cellStart) raw.push({ s: cellStart, e: end, chunk });
  };
  // Char codes: on a two-byte text `norm[i]` is a new one-character string per unit.
  for (let i = line.start; i < line.end; i++) {
    const c = norm.charCodeAt(i);
    const isTab = orig.charCodeAt(doc.text.offsets[i] ?? -1) === TAB;
    if (c === PIPE || isTab) {
      delimited = true;
      close(i);
      if (c === PIPE) chunk++;
      cellStart = i + 1;
    } else if (c === SPACE && norm.charCodeAt(i + 1) === SPACE) {
      close(i);
      while (i + 1 < line.end && norm.charCodeAt(i + 1) === SPACE) i++;
      cellStart = i + 1;
    }
  }
  close(line.end);
  const cells: Cell[] = [];
  for (const r of raw) {
    let s = r.s;
    let e = r.e;
    while (s < e && isSpaceUnit(norm.charCodeAt(s))) s++;
    while (e > s && isSpaceUnit(norm.charCodeAt(e - 1))) e--;
    if (e > s) cells.push({ start: s, end: e, col: s - line.start, colEnd: e - line.start, group: r.chunk, text: norm.slice(s, e) });
  }
  // Pipe chunks are column groups only when a chunk holds several aligned cells.
  const chunks = new Map<number, number>();
  for (const c of cells) chunks.set(c.group, (chunks.get(c.group) ?? 0) + 1);
  if (![...chunks.values()].some((n) => n > 1)) for (const c of cells) c.group = 0;
  return { cells, delimited };
}
