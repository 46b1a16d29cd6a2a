import type { Assertion, Trigger } from '../schema/evidence.js';
import type { ContextCategory } from '../schema/lexicon.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { Matcher, TermMatch } from '../lexicon/compile.js';
import type { CompiledTerm } from '../lexicon/term.js';
import { matchLiteral, NO, UNSURE } from '../lexicon/literal-plan.js';
import { isWordUnit } from '../text/chars.js';

/**
 * ConText over one sentence: triggers (negated, uncertain, historical, hypothetical) scope
 * forward or backward to a terminator, the sentence edge or their word limit; pseudo
 * triggers cancel the triggers they overlap (except for a target starting inside the pseudo
 * phrase); the nearest negated/uncertain/hypothetical trigger decides, a historical one only
 * when none of those reaches the target. Built-in scope rules besides the lexicons:
 * ";" and a field's colon end a scope, but "Edema: none" (a value right after the colon)
 * speaks of its label and "Past medical history: A, B" (a trigger as label) covers its
 * field; a trigger inside parentheses does not reach outside them; a postposed trigger does
 * not reach back over a comma unless a list ("A, B and C not seen"; "A, B not seen" when the
 * trigger closes the sentence and the list is bare nouns) or right after it; commas inside a
 * bracket ("(A, B) not seen") do not count. A spaced dash separates clauses like ";" and, as
 * a field separator ("Edema - none"), like a colon; a value after a colon or dash speaks of
 * its label only when it is the whole value ("Edema: none", not "Neuropathy: absent F-waves").
 * Particles of context/adjacent ("не", "non") negate only the word right after them; a "?"
 * after a finding hedges it. A literal written twice with different directions or scopes
 * keeps each ("absent" forward and backward with their own reach).
 */
const TRIGGER_LEXICONS = ['context/negation', 'context/hedging', 'context/history', 'context/hypothetical'] as const;
/** Particles that reach only the word right after them ("не утолщён", "non-enhancing"). */
const ADJACENT_LEXICON = 'context/adjacent';
/** Words a "?" after a finding reaches back over ("инфильтрация костного мозга?"). */
const QUESTION_SCOPE = 3;
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
  /**
   * Triggers a pseudo trigger cancelled, with the pseudo's range: they still apply to a
   * target that starts inside that phrase ("no change in vision" negates "change in vision").
   */
  suppressed?: Array<{ trigger: ContextTrigger; pseudo: { start: number; end: number } }>;
  /** End offset of the sentence (a postposed trigger that closes it may reach back over a list). */
  end?: number;
}

export interface AssertionResult {
  assertion: Assertion;
  trigger?: { text: string; start: number; end: number; category: string };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * The terms a match stands for, tested in place: a term whose pattern has a lookahead
 * ("no" at a line's end) only counts where its context holds, not on the bare text. The
 * longest source wins; terms of equal source (one literal written twice, with different
 * directions or scopes) all count, each as a trigger of its own.
 */
function inPlace(matcher: Matcher, hay: string, m: TermMatch): TermMatch[] {
  let best: CompiledTerm[] = [];
  const atBoundary = m.start === 0 || !isWordUnit(hay.charCodeAt(m.start - 1));
  for (const term of matcher.terms) {
    // A plain literal is decided without its regexes where the plan can tell.
    const len = term.plan && atBoundary ? matchLiteral(term.plan, hay, m.start) : UNSURE;
    if (len === NO || (len !== UNSURE && len !== m.end - m.start)) continue;
    if (len === UNSURE) {
      if (!term.exact.test(m.text)) continue;
      const re = term.sticky;
      re.lastIndex = m.start;
      const hit = re.exec(hay);
      if (!hit || hit[0].length !== m.end - m.start) continue;
    }
    const top = best[0];
    if (!top || term.source.length > top.source.length) best = [term];
    else if (term.source === top.source) best.push(term);
  }
  if (!best.length) return [m];
  return best.map((term) => (term === m.term ? m : { ...m, term }));
}

function findAll(lex: LexiconSet, id: string, text: string, start: number, end: number): TermMatch[] {
  const matcher = lex.get(id);
  const found = matcher.find(text, start, end);
  if (!found.length) return found;
  const hay = end < text.length ? text.slice(0, end) : text;
  return found.flatMap((m) => inPlace(matcher, hay, m));
}

/** Find the context cues of the text range [start, end) (one sentence). */
export function sentenceContext(text: string, start: number, end: number, lex: LexiconSet): SentenceContext {
  const pseudo = lex.get('context/pseudo').find(text, start, end);
  const raw: TermMatch[] = [];
  for (const id of TRIGGER_LEXICONS) if (lex.has(id)) raw.push(...findAll(lex, id, text, start, end));
  const adjacent = new Set<TermMatch>();
  if (lex.has(ADJACENT_LEXICON)) {
    for (const m of findAll(lex, ADJACENT_LEXICON, text, start, end)) {
      adjacent.add(m);
      raw.push(m);
    }
  }
  // Longest trigger wins where triggers overlap ("cannot be excluded" over "not"); one
  // literal written twice (same span) keeps both readings.
  raw.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TermMatch[] = [];
  const suppressed: NonNullable<SentenceContext['suppressed']> = [];
  const toTrig = (m: TermMatch) => (adjacent.has(m) ? { ...toTrigger(m), direction: 'forward' as const, maxScope: 0 } : toTrigger(m));
  for (const m of raw) {
    if (kept.some((k) => overlaps(k, m) && !(k.start === m.start && k.end === m.end && !adjacent.has(k) && !adjacent.has(m)))) continue;
    const p = pseudo.find((q) => overlaps(q, m));
    if (p) suppressed.push({ trigger: toTrig(m), pseudo: { start: p.start, end: p.end } });
    else kept.push(m);
  }
  const triggers = kept.map(toTrig);
  // "инфильтрация?": a question mark after a finding hedges it.
  const hay = text.slice(0, end);
  for (QUESTION.lastIndex = start; ; ) {
    const q = QUESTION.exec(hay);
    if (!q) break;
    triggers.push({ start: q.index, end: q.index + 1, text: '?', category: 'uncertain', direction: 'backward', maxScope: QUESTION_SCOPE });
  }
  triggers.sort((a, b) => a.start - b.start);
  const terminators = lex
    .get('context/terminate')
    .find(text, start, end)
    .filter((t) => !triggers.some((k) => overlaps(k, t)))
    .map((t) => t.start);
  // Punctuation that closes a clause or opens a labelled field ("Edema: none. Cord: ...").
  for (CLAUSE_PUNCT.lastIndex = start; ; ) {
    const m = CLAUSE_PUNCT.exec(hay);
    if (!m) break;
    terminators.push(m.index);
  }
  terminators.sort((a, b) => a - b);
  return { triggers, terminators, suppressed, end };
}

function toTrigger(m: TermMatch): ContextTrigger {
  return {
    start: m.start,
    end: m.end,
    text: m.text,
    category: (m.term.category ?? 'negated') as ContextTrigger['category'],
    direction: m.term.direction ?? 'forward',
    maxScope: m.term.maxScope,
  };
}

/**
 * ";", a field colon (not "12:30", "1:2") and a spaced dash between words ("absent F-waves
 * - axonal loss", "Отёк - нет"; not a level range "C5 - C6").
 */
// The lookbehinds come after the character they look back from (":(?<!\d:)", not "(?<!\d):"):
// the same matches, but V8 no longer tests a lookbehind at every position of the sentence.
const CLAUSE_PUNCT = /;|:(?!\d)|:(?<!\d:)|[-–—](?<=[^\d\s] [-–—])(?= (?!\d|[CTLSDcС]h?\d))/gu;
/** A question mark after a word or bracket ("инфильтрация?", "(L4)?"). */
const QUESTION = /\?(?<=[\p{L}\p{N})\]]\s*\?)/gu;
const FIELD_SEPARATOR = /[:\-–—]/;

/** A parenthesis the trigger is inside and the target outside of ("(slides not sent) X"). */
function leavesParens(between: string, forward: boolean): boolean {
  let depth = 0;
  if (forward) {
    for (const ch of between) {
      if (ch === '(' || ch === '[') depth++;
      else if ((ch === ')' || ch === ']') && --depth < 0) return true;
    }
    return false;
  }
  for (let i = between.length - 1; i >= 0; i--) {
    const ch = between[i];
    if (ch === ')' || ch === ']') depth++;
    else if ((ch === '(' || ch === '[') && --depth < 0) return true;
  }
  return false;
}

const LIST_CONJUNCTION = /(?<![\p{L}\p{N}])(?:and|or|nor|и|или|ни)(?![\p{L}\p{N}])/iu;

const WORD = /[\p{L}\p{N}]+/gu;
function wordCount(text: string, from: number, to: number): number {
  if (to <= from) return 0;
  return text.slice(from, to).match(WORD)?.length ?? 0;
}

function covers(text: string, ctx: SentenceContext, t: ContextTrigger, start: number, end: number): number | null {
  const forward = t.direction !== 'backward' && t.end <= start;
  const backward = t.direction !== 'forward' && t.start >= end;
  if (forward) {
    // A trigger written as a field's label ("Past medical history: A, B, C") covers its field.
    const label = /^\s*:/.exec(text.slice(t.end, t.end + 4));
    const colon = label ? t.end + label[0].length - 1 : -1;
    if (ctx.terminators.some((p) => p >= t.end && p < start && p !== colon)) return null;
    if (leavesParens(text.slice(t.end, start), true)) return null;
    const words = wordCount(text, t.end, start);
    return label || words <= (t.maxScope ?? DEFAULT_FORWARD_SCOPE) ? words : null;
  }
  if (backward) {
    // "Edema: none", "Отёк - нет": a value right after a field's colon or dash speaks of the
    // label before it, when it is the whole value ("Neuropathy: absent F-waves" is not).
    const rest = text.slice(t.end, ctx.end ?? text.length);
    const wholeValue = /^[ \t]*(?:$|[.,;)\n])/.test(rest);
    const closesSentence = /^[\s.)]*$/.test(rest);
    const blocks = (p: number) =>
      !(wholeValue && FIELD_SEPARATOR.test(text[p]!) && /^[\s\-–—]*$/.test(text.slice(p + 1, t.start)));
    if (ctx.terminators.some((p) => p >= end && p < t.start && blocks(p))) return null;
    if (leavesParens(text.slice(end, t.start), false)) return null;
    // "Protrusion at L4-L5, no stenosis seen": a postposed trigger does not reach back over a
    // comma unless the comma is part of a list closed by a conjunction ("A, B and C not seen"),
    // a bare list the trigger closes the sentence with ("Объемных образований, признаков
    // кровоизлияния не выявлено"), or the trigger follows the comma directly ("X, resolved").
    // Commas inside brackets belong to the bracket ("(A, B) not seen").
    const between = outsideBrackets(text.slice(end, t.start));
    const comma = between.indexOf(',');
    const after = between.slice(between.lastIndexOf(',') + 1);
    if (
      comma >= 0 && /[\p{L}\p{N}]/u.test(after) && !LIST_CONJUNCTION.test(between.slice(comma)) &&
      !(t.category === 'negated' && closesSentence && BARE_LIST.test(between))
    ) return null;
    const words = wordCount(text, end, t.start);
    return words <= (t.maxScope ?? DEFAULT_BACKWARD_SCOPE) ? words : null;
  }
  return null;
}

/**
 * The text with what sits inside brackets blanked out, including a bracket the text
 * starts inside of ("гемосидерин, кровоизлияние) " from a target inside the bracket).
 */
function outsideBrackets(between: string): string {
  let out = '';
  let depth = 0;
  for (const ch of between) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') {
      if (depth === 0) out = out.replace(/[^\s]/g, ' ');
      else depth--;
      out += ' ';
      continue;
    }
    out += depth > 0 ? ' ' : ch;
  }
  return out;
}

/** A list of bare noun phrases: no digits (levels, sizes), no preposition opening a new phrase. */
const BARE_LIST = /^(?![\s\S]*(?:\d|(?<![\p{L}])(?:с|со|at|with|from|to|in|on|of)(?![\p{L}])))[\s\S]*$/iu;

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
  const revived = (ctx.suppressed ?? [])
    .filter(({ pseudo }) => pseudo.start <= start && start < pseudo.end)
    .map(({ trigger }) => trigger);
  for (const t of [...ctx.triggers, ...revived]) {
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
