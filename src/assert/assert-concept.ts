import { z } from 'zod';
import { MyelexError } from '../errors.js';
import { loadLexicons } from '../lexicon/load.js';
import { literalToPattern } from '../lexicon/term.js';
import { assertionIn, sentenceContext, type ContextTrigger } from '../pipeline/context.js';
import { splitSentences } from '../pipeline/split-sentences.js';
import { Assertion, Span } from '../schema/evidence.js';
import { Language } from '../schema/enums.js';
import { normalizeText, toOriginalSpan, type NormalizedText } from '../text/normalize.js';

/** What `assertConcept` takes: a sentence and the concept in it, as text or as a span. */
export const AssertInput = z
  .object({
    sentence: z.string().min(1, 'the sentence is empty'),
    concept: z.string().trim().min(1, 'the concept is empty').optional(),
    span: Span.refine(([s, e]) => e > s, 'span end must be after its start').optional(),
    lang: Language.optional(),
  })
  .refine((v) => (v.concept === undefined) !== (v.span === undefined), 'give exactly one of concept or span');
export type AssertInput = z.input<typeof AssertInput>;

export const AssertTrigger = z.object({ text: z.string(), span: Span, category: z.string() });
export type AssertTrigger = z.infer<typeof AssertTrigger>;

export interface AssertOutput {
  assertion: Assertion;
  trigger?: AssertTrigger;
  /** The concept's span in the sentence as given. */
  span: [number, number];
}

/** Every category whose trigger reaches the concept (a negated finding can also be historical). */
export interface AssertDetail extends AssertOutput {
  lang: Language;
  categories: Partial<Record<ContextTrigger['category'], AssertTrigger>>;
}

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LETTER = /\p{L}/gu;

/** 'ru' when at least a third of the letters are Cyrillic, else 'en'. */
export function detectLanguage(text: string): Language {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return 'en';
  const cyr = text.match(CYRILLIC)?.length ?? 0;
  return cyr / letters >= 1 / 3 ? 'ru' : 'en';
}

/** The first norm offset at or after the original offset `pos`. */
function toNorm(t: NormalizedText, pos: number): number {
  let lo = 0;
  let hi = t.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.offsets[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findConcept(norm: string, concept: string): [number, number] | null {
  const folded = normalizeText(concept).norm;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${literalToPattern(folded)})(?![\\p{L}\\p{N}])`, 'iu');
  const m = re.exec(norm) ?? new RegExp(literalToPattern(folded), 'iu').exec(norm);
  return m ? [m.index, m.index + m[0].length] : null;
}

/** The sentence of `text` holding [start, end): scopes stop at sentence ends. */
function sentenceAround(norm: string, start: number, end: number): [number, number] {
  const sentences = splitSentences(norm, [{ name: 'other', heading: '', start: 0, end: norm.length }]);
  const first = sentences.find((s) => s.end > start) ?? { start: 0 };
  const last = [...sentences].reverse().find((s) => s.start < end) ?? { end: norm.length };
  return [Math.min(first.start, start), Math.max(last.end, end)];
}

function outTrigger(t: NormalizedText, trig: { text: string; start: number; end: number; category: string }): AssertTrigger {
  const span = toOriginalSpan(t, trig.start, trig.end);
  return { text: t.original.slice(span[0], span[1]), span, category: trig.category };
}

/** The assertion and every category that reaches the concept. */
export function assertConceptDetail(input: AssertInput): AssertDetail {
  const parsed = AssertInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new MyelexError('E_INPUT_LINE_INVALID', `${where}${issue?.message ?? 'invalid input'}`);
  }
  const { sentence, concept, span, lang: given } = parsed.data;
  const lang = given ?? detectLanguage(sentence);
  const text = normalizeText(sentence);
  const norm = text.norm;
  let target: [number, number];
  if (span) {
    if (span[1] > sentence.length) throw new MyelexError('E_INPUT_LINE_INVALID', `span [${span[0]}, ${span[1]}] is outside the sentence (length ${sentence.length})`);
    target = [toNorm(text, span[0]), toNorm(text, span[1])];
  } else {
    const hit = findConcept(norm, concept!);
    if (!hit) throw new MyelexError('E_INPUT_LINE_INVALID', `concept "${concept}" not found in the sentence`);
    target = hit;
  }
  const lex = loadLexicons(lang);
  const [s, e] = sentenceAround(norm, target[0], target[1]);
  const ctx = sentenceContext(norm, s, e, lex);
  const result = assertionIn(norm, ctx, target[0], target[1]);
  const categories: AssertDetail['categories'] = {};
  for (const category of ['negated', 'uncertain', 'historical', 'hypothetical'] as const) {
    const r = assertionIn(norm, ctx, target[0], target[1], { categories: [category] });
    if (r.trigger) categories[category] = outTrigger(text, r.trigger);
  }
  return {
    assertion: result.assertion,
    ...(result.trigger ? { trigger: outTrigger(text, result.trigger) } : {}),
    span: toOriginalSpan(text, target[0], target[1]),
    lang,
    categories,
  };
}

/**
 * The assertion the ConText engine gives a concept in a sentence: negated, uncertain,
 * historical, hypothetical or affirmed, with the trigger that decided it.
 */
export function assertConcept(input: AssertInput): AssertOutput {
  const { assertion, trigger, span } = assertConceptDetail(input);
  return { assertion, ...(trigger ? { trigger } : {}), span };
}
