import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assertConcept } from '../../src/assert/index.js';

const Case = z.object({
  pattern: z.enum(['negated', 'templated', 'list', 'terminator', 'pseudo', 'uncertain', 'historical', 'hypothetical', 'affirmed']),
  sentence: z.string(),
  concept: z.string(),
  expect: z.enum(['negated', 'uncertain', 'historical', 'hypothetical', 'affirmed']),
  trigger: z.string().optional(),
});
const Cases = z.object({ en: z.array(Case), ru: z.array(Case) });
const cases = Cases.parse(parse(readFileSync(new URL('./assertion.cases.yaml', import.meta.url), 'utf8')));

for (const lang of ['en', 'ru'] as const) {
  describe(`assertion cases (${lang})`, () => {
    it('cover every pattern', () => {
      expect(new Set(cases[lang].map((c) => c.pattern)).size).toBe(Case.shape.pattern.options.length);
    });
    for (const c of cases[lang]) {
      it(`${c.pattern}: "${c.concept}" in "${c.sentence}" is ${c.expect}`, () => {
        const result = assertConcept({ sentence: c.sentence, concept: c.concept });
        expect(result.assertion).toBe(c.expect);
        const [s, e] = result.span;
        expect(c.sentence.slice(s, e).toLowerCase().replace(/ё/g, 'е')).toBe(c.concept.toLowerCase().replace(/ё/g, 'е'));
        if (c.trigger) {
          expect(result.trigger?.text).toBe(c.trigger);
          const [ts, te] = result.trigger!.span;
          expect(c.sentence.slice(ts, te)).toBe(c.trigger);
        }
        if (c.expect === 'affirmed') expect(result.trigger).toBeUndefined();
      });
    }
  });
}
