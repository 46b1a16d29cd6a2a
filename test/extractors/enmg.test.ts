import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processReport } from '../../src/pipeline/process.js';

// The source article's ENMG passage (issue 3's acceptance rows), read from the shared seeds.
const SEEDS = join(import.meta.dirname, '../../../shared/seeds');
function articlePassage(): string | null {
  try {
    const file = readdirSync(SEEDS).find((f) => f.endsWith('.txt'));
    if (!file) return null;
    const text = readFileSync(join(SEEDS, file), 'utf8');
    const start = text.indexOf('Stimulative electroneuromyography');
    const end = text.indexOf('Control pre-transplant MRI');
    return start >= 0 && end > start ? text.slice(start, end) : null;
  } catch {
    return null;
  }
}

describe('enmg: the article passage', () => {
  const passage = articlePassage();
  it.skipIf(passage === null)('gives the peroneal, residual latency and F-wave rows and the conclusions', () => {
    const line = processReport({ id: 'article', text: passage! }, { type: 'enmg', lang: 'en' });
    const rows = line.record['enmg.measurements'] as Array<Record<string, unknown>>;
    expect(rows).toEqual(expect.arrayContaining([
      expect.objectContaining({ nerve: 'peroneal', side: 'right', study: 'motor', param: 'amplitude_change_pct', value: -51, unit: '%' }),
      expect.objectContaining({ nerve: 'peroneal', side: 'left', study: 'motor', param: 'amplitude_change_pct', value: -85, unit: '%' }),
      expect.objectContaining({ study: 'motor', param: 'residual_latency', value: 7, value_max: null, unit: 'ms' }),
      expect.objectContaining({ study: 'f_wave', param: 'min_latency', value: 49, value_max: 50, unit: 'ms' }),
      expect.objectContaining({ study: 'motor', param: 'residual_latency', value: 5, value_max: 7, unit: 'ms' }),
    ]));
    expect(line.record['enmg.radiculopathy']).toBe('present');
    expect([...(line.record['enmg.radiculopathy_levels'] as string[])].sort()).toEqual(['L5', 'S1']);
    expect(line.record['enmg.radiculopathy_side']).toBe('bilateral');
    expect(line.record['enmg.demyelinating']).toBe('present');
    expect(line.record['enmg.polyneuropathy']).toBe('present');
    expect(line.record['enmg.sensory_normal']).toBe(true);
  });
});

describe('enmg: references never become rows', () => {
  it('keeps "(N > 3.5 mV)" as the reference and flag of the value before it', () => {
    const line = processReport({ id: 'ref', text: 'Peroneal CMAP amplitude 2.1 mV on the left (N > 3.5 mV).' }, { type: 'enmg', lang: 'en' });
    expect(line.record['enmg.measurements']).toHaveLength(1);
    const f = line.findings.find((x) => x.field === 'enmg.measurements');
    expect(f?.reference).toMatchObject({ low: 3.5, high: null });
    expect(f?.flag).toBe('low');
  });
  it('reads "норма 4,0" as a reference in Russian', () => {
    const line = processReport({ id: 'ref-ru', text: 'Амплитуда М-ответа n. tibialis справа 3,2 мВ, норма 4,0 мВ.' }, { type: 'enmg', lang: 'ru' });
    expect(line.record['enmg.measurements']).toEqual([
      { nerve: 'tibial', side: 'right', study: 'motor', param: 'amplitude', value: 3.2, value_max: null, unit: 'mV' },
    ]);
  });
});
