import { describe, expect, it } from 'vitest';
import { processReport } from '../src/pipeline/process.js';
import { loadCorpora, sameValue } from './helpers/corpus.js';

// Every extractor's own examples, run through the whole pipeline with the corpus's report type.
for (const { rel, file } of loadCorpora()) {
  describe(rel, () => {
    file.examples.forEach((ex, i) => {
      it(`${ex.lang} ${ex.kind} #${i + 1}`, () => {
        const line = processReport({ id: `ex-${i}`, text: ex.text }, { type: ex.reportType ?? file.reportType, lang: ex.lang });
        const got: Record<string, unknown> = {};
        for (const key of Object.keys(ex.expect)) got[key] = line.record[key as keyof typeof line.record] ?? null;
        const ok = Object.entries(ex.expect).every(([k, v]) => sameValue(got[k], v));
        expect(ok ? ex.expect : got, ex.text).toEqual(ex.expect);
      });
    });
  });
}
