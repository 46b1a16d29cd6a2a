import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRecords } from '../../src/classify/index.js';
import { agreement, CORPUS, goldPatients, goldRecordLines } from './gold-helpers.js';

describe.each(['dev-en', 'dev-ru'])('gold agreement on %s', (corpus) => {
  const dir = join(CORPUS, corpus);
  const patients = classifyRecords(goldRecordLines(dir));
  const a = agreement(goldPatients(dir), patients);

  it('agrees on the exact status of at least 90% of etiology calls', () => {
    expect(a.exact).toBeGreaterThanOrEqual(0.9);
  });

  it('reaches a recommendations F1 of at least 0.90', () => {
    expect(a.recF1).toBeGreaterThanOrEqual(0.9);
  });

  it('gives one patient line per patient, all nine etiologies each', () => {
    for (const p of patients) expect(p.differential).toHaveLength(9);
  });
});
