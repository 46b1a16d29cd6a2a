import type { LexiconSet } from '../lexicon/load.js';
import type { Matcher } from '../lexicon/compile.js';

export interface UnitMatch {
  /** Canonical unit id (the lexicon value). */
  unit: string;
  start: number;
  end: number;
}

const compiled = new WeakMap<Matcher, Array<{ unit: string; re: RegExp }>>();

function unitPatterns(matcher: Matcher): Array<{ unit: string; re: RegExp }> {
  let list = compiled.get(matcher);
  if (!list) {
    // Sticky, no leading word boundary: a unit may touch its number ("5мг/л", "48×10^9/л").
    list = matcher.terms
      .filter((t) => t.value !== undefined)
      .map((t) => ({ unit: String(t.value), re: new RegExp(`(?:${t.source})(?![\\p{L}\\p{N}])`, 'iuy') }));
    compiled.set(matcher, list);
  }
  return list;
}

/** The longest unit spelling starting at `pos` (after optional spaces on the same line). */
export function readUnitAt(text: string, pos: number, lex: LexiconSet): UnitMatch | null {
  const lead = /[ \t|]*/y;
  lead.lastIndex = pos;
  lead.exec(text);
  const at = lead.lastIndex;
  let best: UnitMatch | null = null;
  for (const { unit, re } of unitPatterns(lex.get('units/units'))) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && m[0].trim() && (!best || at + m[0].length > best.end)) best = { unit, start: at, end: at + m[0].length };
  }
  return best;
}

/** Something unit-like that the table does not know: a letter/slash token right after the number. */
export function looksLikeUnit(text: string, pos: number): { start: number; end: number } | null {
  const re = /[ \t]*([\p{L}µμ%][\p{L}\p{N}µμ^*×/.%]*\/[\p{L}\p{N}µμ^]+|[\p{L}µμ]{1,4}\/[\p{L}\p{N}]{1,4})/uy;
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m || !m[1]) return null;
  const start = pos + m[0].length - m[1].length;
  return { start, end: pos + m[0].length };
}
