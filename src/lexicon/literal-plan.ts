/**
 * Plain literal terms ("cord compression", "М-ответ*") matched without a regex: the same
 * match as `literalToPattern` bounded by WORD_END under flags iu, decided character by
 * character over ASCII and basic Cyrillic (where case folding is plain lower-casing). Any
 * other character on the way makes the answer UNSURE and the caller runs the regex.
 */
import { foldBasic } from '../text/chars.js';

export const NO = -1;
export const UNSURE = -2;

interface PlanWord {
  /** Lower case, е for ё; split at hyphens (each joined by an optional hyphen or space). */
  parts: string[];
  stem: boolean;
}
export type LiteralPlan = PlanWord[];

const PLAN_CHARS = /^[\x21-\x7e\u0430-\u045f]+$/;

/** The plan of a literal, or null when it holds characters the plan cannot decide on. */
export function literalPlan(literal: string): LiteralPlan | null {
  // An upper-case Е/Ё is not widened to [её] by literalToPattern: leave those to the regex.
  if (/[ЕЁ]/.test(literal)) return null;
  const words = literal.trim().split(/\s+/);
  const plan: LiteralPlan = [];
  for (const word of words) {
    const stem = word.endsWith('*');
    const body = (stem ? word.slice(0, -1) : word).toLowerCase().replace(/ё/g, 'е');
    const parts = body.split('-');
    if (parts.some((p) => !PLAN_CHARS.test(p))) return null;
    plan.push({ parts, stem });
  }
  return plan.length ? plan : null;
}


/** 1 a letter or digit, 0 not, -1 unknown here. */
function wordKind(c: number): number {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  return c >= 0x400 && c <= 0x45f ? 1 : -1;
}

/** 1 `\s`, 0 not, -1 unknown here. */
function spaceKind(c: number): number {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13) ? 1 : 0;
  return c >= 0x400 && c <= 0x45f ? 0 : -1;
}

/** Length of the term's match at `pos` (a word boundary), NO, or UNSURE. */
export function matchLiteral(plan: LiteralPlan, text: string, pos: number): number {
  const n = text.length;
  let i = pos;
  for (let w = 0; w < plan.length; w++) {
    const word = plan[w]!;
    if (w > 0) {
      const at = i;
      for (; i < n; i++) {
        const k = spaceKind(text.charCodeAt(i));
        if (k < 0) return UNSURE;
        if (k === 0) break;
      }
      if (i === at) return NO;
    }
    for (let p = 0; p < word.parts.length; p++) {
      if (p > 0 && i < n) {
        const c = text.charCodeAt(i);
        const k = c === 45 ? 1 : spaceKind(c);
        if (k < 0) return UNSURE;
        if (k === 1) i++;
      }
      const part = word.parts[p]!;
      for (let j = 0; j < part.length; j++, i++) {
        if (i >= n) return NO;
        const c = foldBasic(text.charCodeAt(i));
        if (c < 0) return UNSURE;
        if (c !== part.charCodeAt(j)) return NO;
      }
    }
    if (word.stem) {
      for (; i < n; i++) {
        const k = wordKind(text.charCodeAt(i));
        if (k < 0) return UNSURE;
        if (k === 0) break;
      }
    }
  }
  if (i < n) {
    const k = wordKind(text.charCodeAt(i));
    if (k < 0) return UNSURE;
    if (k === 1) return NO;
  }
  return i - pos;
}
