/**
 * Plain literal terms ("cord compression", "М-ответ*") matched without a regex: the same
 * match as `literalToPattern` bounded by WORD_END under flags iu, decided character by
 * character over ASCII and basic Cyrillic (where case folding is plain lower-casing). Any
 * other character on the way makes the answer UNSURE and the caller runs the regex.
 */
import { foldBasic } from '../text/chars.js';

export const NO = -1;
export const UNSURE = -2;

/**
 * A literal as one string: its letters (lower case, е for ё) with a marker code between
 * words, between hyphen-joined parts and after a stem. One flat string rather than arrays
 * of words and parts: a matcher tries hundreds of plans per report, and following nested
 * objects scattered over the heap cost more than comparing the letters.
 */
export type LiteralPlan = string;

/** `\s+`: one or more spaces between words. */
const WORD_GAP = 1;
/** `[-\s]?`: an optional hyphen or space between the parts of a hyphenated word. */
const PART_GAP = 2;
/** `[\p{L}\p{N}]*`: the rest of a stem's word. */
const STEM_REST = 3;

const PLAN_CHARS = /^[\x21-\x7e\u0430-\u045f]+$/;

/** The plan of a literal, or null when it holds characters the plan cannot decide on. */
export function literalPlan(literal: string): LiteralPlan | null {
  // An upper-case Е/Ё is not widened to [её] by literalToPattern: leave those to the regex.
  if (/[ЕЁ]/.test(literal)) return null;
  const words = literal.trim().split(/\s+/);
  // Char codes, made one string at the end: a string built by += is a rope (a cons string)
  // to V8, and every charCodeAt of the hot loop would go through its indirection.
  const codes: number[] = [];
  const push = (s: string): void => {
    for (let i = 0; i < s.length; i++) codes.push(s.charCodeAt(i));
  };
  for (const word of words) {
    const stem = word.endsWith('*');
    const body = (stem ? word.slice(0, -1) : word).toLowerCase().replace(/ё/g, 'е');
    const parts = body.split('-');
    if (parts.some((p) => !PLAN_CHARS.test(p))) return null;
    if (codes.length) codes.push(WORD_GAP);
    parts.forEach((p, k) => {
      if (k) codes.push(PART_GAP);
      push(p);
    });
    if (stem) codes.push(STEM_REST);
  }
  return codes.length ? String.fromCharCode(...codes) : null;
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

/**
 * Length of the term's match at `pos` (a word boundary), NO, or UNSURE. The first `known`
 * units of the plan are taken as matched, unread: the caller has compared them already (the
 * index key a candidate was found by holds the plan's first letters).
 */
export function matchLiteral(plan: LiteralPlan, text: string, pos: number, known = 0): number {
  const n = text.length;
  let i = pos + known;
  for (let j = known; j < plan.length; j++) {
    const e = plan.charCodeAt(j);
    if (e === WORD_GAP) {
      const at = i;
      for (; i < n; i++) {
        const k = spaceKind(text.charCodeAt(i));
        if (k < 0) return UNSURE;
        if (k === 0) break;
      }
      if (i === at) return NO;
    } else if (e === PART_GAP) {
      if (i < n) {
        const c = text.charCodeAt(i);
        const k = c === 45 ? 1 : spaceKind(c);
        if (k < 0) return UNSURE;
        if (k === 1) i++;
      }
    } else if (e === STEM_REST) {
      for (; i < n; i++) {
        const k = wordKind(text.charCodeAt(i));
        if (k < 0) return UNSURE;
        if (k === 0) break;
      }
    } else {
      if (i >= n) return NO;
      const c = foldBasic(text.charCodeAt(i));
      if (c < 0) return UNSURE;
      if (c !== e) return NO;
      i++;
    }
  }
  if (i < n) {
    const k = wordKind(text.charCodeAt(i));
    if (k < 0) return UNSURE;
    if (k === 1) return NO;
  }
  return i - pos;
}
