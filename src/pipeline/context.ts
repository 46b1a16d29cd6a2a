import type { Assertion, Trigger } from '../schema/evidence.js';
import type { ContextCategory } from '../schema/lexicon.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { TermMatch } from '../lexicon/compile.js';

/**
 * ConText over one sentence: triggers (negated, uncertain, historical, hypothetical) scope
 * forward or backward to a terminator, the sentence edge or their word limit; pseudo
 * triggers cancel the triggers they overlap; the trigger nearest the target decides.
 */
const TRIGGER_LEXICONS = ['context/negation', 'context/hedging', 'context/history', 'context/hypothetical'] as const;
const DEFAULT_FORWARD_SCOPE = 12;
const DEFAULT_BACKWARD_SCOPE = 6;

export interface ContextTrigger {
  start: number;
  end: number;
  text: string;
  category: Exclude<ContextCategory, 'pseudo' | 'terminate' | 'family'>;
  direction: 'forward' | 'backward' | 'bidirectional';
  maxScope: number | undefined;
}

export interface SentenceContext {
  triggers: ContextTrigger[];
  /** Start offsets of terminators. */
  terminators: number[];
}

export interface AssertionResult {
  assertion: Assertion;
  trigger?: { text: string; start: number; end: number; category: string };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Find the context cues of the text range [start, end) (one sentence). */
export function sentenceContext(text: string, start: number, end: number, lex: LexiconSet): SentenceContext {
  const pseudo = lex.get('context/pseudo').find(text, start, end);
  const raw: TermMatch[] = [];
  for (const id of TRIGGER_LEXICONS) if (lex.has(id)) raw.push(...lex.get(id).find(text, start, end));
  // Longest trigger wins where triggers overlap ("cannot be excluded" over "not").
  raw.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TermMatch[] = [];
  for (const m of raw) {
    if (pseudo.some((p) => overlaps(p, m))) continue;
    if (kept.some((k) => overlaps(k, m))) continue;
    kept.push(m);
  }
  const triggers = kept
    .map((m): ContextTrigger => ({
      start: m.start,
      end: m.end,
      text: m.text,
      category: (m.term.category ?? 'negated') as ContextTrigger['category'],
      direction: m.term.direction ?? 'forward',
      maxScope: m.term.maxScope,
    }))
    .sort((a, b) => a.start - b.start);
  const terminators = lex
    .get('context/terminate')
    .find(text, start, end)
    .filter((t) => !triggers.some((k) => overlaps(k, t)))
    .map((t) => t.start);
  return { triggers, terminators };
}

const WORD = /[\p{L}\p{N}]+/gu;
function wordCount(text: string, from: number, to: number): number {
  if (to <= from) return 0;
  return text.slice(from, to).match(WORD)?.length ?? 0;
}

function covers(text: string, ctx: SentenceContext, t: ContextTrigger, start: number, end: number): number | null {
  const forward = t.direction !== 'backward' && t.end <= start;
  const backward = t.direction !== 'forward' && t.start >= end;
  if (forward) {
    if (ctx.terminators.some((p) => p >= t.end && p < start)) return null;
    const words = wordCount(text, t.end, start);
    return words <= (t.maxScope ?? DEFAULT_FORWARD_SCOPE) ? words : null;
  }
  if (backward) {
    if (ctx.terminators.some((p) => p >= end && p < t.start)) return null;
    const words = wordCount(text, end, t.start);
    return words <= (t.maxScope ?? DEFAULT_BACKWARD_SCOPE) ? words : null;
  }
  return null;
}

export interface AssertionOptions {
  /** Consider only triggers of these categories (default: all). */
  categories?: readonly ContextTrigger['category'][];
}

/**
 * The assertion of the target [start, end) within its sentence context. The nearest
 * negated, uncertain or hypothetical trigger in scope decides; a historical trigger
 * decides only when none of those reaches the target ("no history of X" is negated).
 */
export function assertionIn(
  text: string,
  ctx: SentenceContext,
  start: number,
  end: number,
  options: AssertionOptions = {},
): AssertionResult {
  let best: { t: ContextTrigger; distance: number } | null = null;
  const rank = (t: ContextTrigger) => (t.category === 'historical' ? 1 : 0);
  for (const t of ctx.triggers) {
    if (options.categories && !options.categories.includes(t.category)) continue;
    if (overlaps(t, { start, end })) continue;
    const distance = covers(text, ctx, t, start, end);
    if (distance === null) continue;
    if (!best || rank(t) < rank(best.t) || (rank(t) === rank(best.t) && distance < best.distance)) best = { t, distance };
  }
  if (!best) return { assertion: 'affirmed' };
  const { t } = best;
  return { assertion: t.category, trigger: { text: t.text, start: t.start, end: t.end, category: t.category } };
}

export type { Trigger };
