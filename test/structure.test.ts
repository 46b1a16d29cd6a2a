import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from '../extractors/index.js';
import { FIELD_NAMES } from '../src/schema/record.js';
import { EXTRACTOR_DIR, loadCorpora } from './helpers/corpus.js';

const corpora = loadCorpora();
const PIPELINE_FIELDS = new Set(['report.type', 'report.language']);

describe('extractor registry', () => {
  it('every record field has an extractor (report.type and language come from the pipeline)', () => {
    const covered = new Set(EXTRACTORS.flatMap((e) => e.meta.fields));
    expect(FIELD_NAMES.filter((f) => !covered.has(f) && !PIPELINE_FIELDS.has(f))).toEqual([]);
  });
  it('extractor ids are unique and name their file', () => {
    const ids = EXTRACTORS.map((e) => e.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(existsSync(join(EXTRACTOR_DIR, `${id}.ts`)), id).toBe(true);
  });
  for (const ex of EXTRACTORS) {
    it(`${ex.meta.id} has its own corpus in both languages`, () => {
      const own = corpora.filter((c) => c.file.extractor === ex.meta.id);
      expect(own.length, `${ex.meta.id}.corpus.yaml`).toBeGreaterThan(0);
      const langs = new Set(own.flatMap((c) => c.file.examples.map((e) => e.lang)));
      expect([...langs].sort()).toEqual(['en', 'ru']);
    });
  }
  const statusExtractors = EXTRACTORS.filter((e) => e.meta.fields.some((f) => /^(mri|enmg|csf|lab|note)\./.test(f)));
  for (const ex of statusExtractors) {
    it(`${ex.meta.id} examples include positive and negated (or none) cases per language`, () => {
      const kinds = corpora.filter((c) => c.file.extractor === ex.meta.id).flatMap((c) => c.file.examples.map((e) => `${e.lang}:${e.kind}`));
      for (const lang of ['en', 'ru']) {
        expect(kinds.some((k) => k === `${lang}:positive` || k === `${lang}:table`), `${lang} positive`).toBe(true);
        expect(kinds.some((k) => k === `${lang}:negated` || k === `${lang}:none`), `${lang} negated/none`).toBe(true);
      }
    });
  }
});
