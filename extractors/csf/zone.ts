import type { ParsedReport } from '../../src/pipeline/document.js';
import type { ExtractContext } from '../define.js';
import { segmentAround } from '../common/segments.js';

export type Zone = readonly [number, number];

const lineStartOf = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
const lineEndOf = (text: string, pos: number) => {
  const e = text.indexOf('\n', pos);
  return e < 0 ? text.length : e;
};

/** A block heading: a short line in capitals, or a label line ending with a colon and no value. */
function isHeading(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 80) return false;
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 4 && letters === letters.toUpperCase() && !/\d[.,]?\d*\s*[\p{L}%]/u.test(t)) return true;
  return /^[^\d]{2,60}:$/.test(t);
}

/**
 * Where CSF values may be read. A CSF report is CSF throughout. In a laboratory report
 * only the block under a CSF heading (to the next heading or blank line) or the line
 * that names CSF inline, so blood counts and serum protein never become CSF values.
 */
export function csfZones(doc: ParsedReport, ctx: ExtractContext): Zone[] {
  return ctx.memo('csf/zones', () => {
    if (doc.type !== 'lab') return [[0, doc.norm.length] as const];
    const text = doc.norm;
    const zones: Zone[] = [];
    for (const m of ctx.mentions('csf/specimen')) {
      const start = lineStartOf(text, m.start);
      const end = lineEndOf(text, m.start);
      const line = text.slice(start, end);
      const atLineStart = !/[\p{L}\p{N}]/u.test(text.slice(start, m.start)) || isHeading(line);
      if (!atLineStart || !isHeading(line.replace(/\(.*\)/, '').replace(/[:\s]+$/, ':'))) {
        zones.push([start, end]);
        continue;
      }
      // A heading: the block runs to the next blank line or heading.
      let pos = end;
      while (pos < text.length) {
        const next = lineEndOf(text, pos + 1);
        const body = text.slice(pos + 1, next);
        if (!body.trim() || (isHeading(body) && !ctx.mentions('csf/specimen').some((s) => s.start > pos && s.start < next))) break;
        pos = next;
      }
      zones.push([start, pos]);
    }
    return zones;
  });
}

export const inZones = (zones: readonly Zone[], pos: number) => zones.some(([s, e]) => pos >= s && pos < e);

/**
 * Whether the line segment around `pos` (up to ';' or a line end) names another specimen
 * (blood, marrow, serum) and not CSF: its blasts or counts are not CSF values.
 */
export function otherSpecimenAt(doc: ParsedReport, ctx: ExtractContext, pos: number): boolean {
  const { start, end } = segmentAround(doc.norm, pos, pos, 0, doc.norm.length);
  const inside = (m: { start: number }) => m.start >= start && m.start < end;
  return ctx.mentions('csf/other-specimen').some(inside) && !ctx.mentions('csf/specimen').some(inside);
}
