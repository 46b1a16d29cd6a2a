import { describe, expect, it } from 'vitest';
import { assertConcept, assertConceptDetail, detectLanguage } from '../../src/assert/index.js';
import { MyelexError } from '../../src/errors.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { assertionIn, sentenceContext } from '../../src/pipeline/context.js';

describe('assertConcept', () => {
  it('detects the language by the share of Cyrillic letters', () => {
    expect(detectLanguage('No cord edema.')).toBe('en');
    expect(detectLanguage('Отёк спинного мозга на уровне C5 не выявлен.')).toBe('ru');
  });

  it('finds the concept case-insensitively and returns spans into the sentence as given', () => {
    const sentence = 'Cord  EDEMA:\u00a0none';
    const r = assertConcept({ sentence, concept: 'cord edema' });
    expect(r.assertion).toBe('negated');
    expect(sentence.slice(...r.span)).toBe('Cord  EDEMA');
    expect(sentence.slice(...r.trigger!.span)).toBe('none');
  });

  it('takes a span instead of the concept', () => {
    const r = assertConcept({ sentence: 'Possible syrinx at T6.', span: [9, 15] });
    expect(r).toMatchObject({ assertion: 'uncertain', span: [9, 15] });
  });

  it('keeps the scope within the sentence of the concept', () => {
    expect(assertConcept({ sentence: 'No stenosis. Disc extrusion at L5-S1.', concept: 'disc extrusion' }).assertion).toBe('affirmed');
  });

  it('reports every category that reaches the concept', () => {
    const d = assertConceptDetail({ sentence: 'Spinal irradiation in the past was denied.', concept: 'spinal irradiation' });
    expect(d.assertion).toBe('negated');
    expect(d.categories.historical?.text).toBe('in the past');
  });

  it('rejects invalid input with E_INPUT_LINE_INVALID', () => {
    const bad = [
      { sentence: 'No edema.', concept: 'syrinx' },
      { sentence: '', concept: 'edema' },
      { sentence: 'No edema.' },
      { sentence: 'No edema.', concept: 'edema', span: [3, 8] as [number, number] },
      { sentence: 'No edema.', span: [3, 80] as [number, number] },
      { sentence: 'No edema.', concept: 'edema', lang: 'de' },
    ];
    for (const input of bad) {
      expect(() => assertConcept(input as never)).toThrow(MyelexError);
      try {
        assertConcept(input as never);
      } catch (err) {
        expect((err as MyelexError).code).toBe('E_INPUT_LINE_INVALID');
      }
    }
  });
});

describe('sentenceContext / assertionIn (the API extractors call)', () => {
  it('keeps its shape and takes a category filter', () => {
    const text = 'History of myelitis, no recurrence.';
    const lex = loadLexicons('en');
    const ctx = sentenceContext(text, 0, text.length, lex);
    expect(ctx.triggers.map((t) => t.category)).toEqual(['historical', 'negated']);
    expect(Array.isArray(ctx.terminators)).toBe(true);
    const at = text.indexOf('recurrence');
    expect(assertionIn(text, ctx, at, at + 10).assertion).toBe('negated');
    const my = text.indexOf('myelitis');
    expect(assertionIn(text, ctx, my, my + 8)).toMatchObject({ assertion: 'historical', trigger: { text: 'History of', start: 0, end: 10 } });
    expect(assertionIn(text, ctx, at, at + 10, { categories: ['historical'] }).assertion).toBe('historical');
  });

  it('lets a negation win over a history trigger ("no history of X")', () => {
    const text = 'No history of spinal trauma.';
    const ctx = sentenceContext(text, 0, text.length, loadLexicons('en'));
    expect(assertionIn(text, ctx, 14, 27).assertion).toBe('negated');
  });
});

describe('one literal written twice (different directions or scopes)', () => {
  it('keeps each reading as a trigger of its own', async () => {
    const { compileLexicon } = await import('../../src/lexicon/compile.js');
    const base = loadLexicons('en');
    const negation = compileLexicon('context/negation', {
      concept: 'negation',
      lang: 'en',
      defaults: { category: 'negated' },
      terms: [
        { literal: 'absent', direction: 'forward', maxScope: 6 },
        { literal: 'absent', direction: 'backward', maxScope: 1 },
      ],
    });
    const lex = { ...base, get: (id: string) => (id === 'context/negation' ? negation : base.get(id)), has: (id: string) => id === 'context/negation' || base.has(id) };
    const text = 'Reflexes and plantar responses absent, absent sural responses.';
    const ctx = sentenceContext(text, 0, text.length, lex);
    const at = (w: string) => {
      const s = text.indexOf(w);
      return assertionIn(text, ctx, s, s + w.length).assertion;
    };
    expect(at('sural responses')).toBe('negated');
    expect(at('plantar responses')).toBe('negated');
    expect(at('Reflexes')).toBe('affirmed');
  });
});
