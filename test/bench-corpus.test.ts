import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { generateReports, KINDS } from '../scripts/bench-corpus.mjs';
import { processReportSafe } from '../src/pipeline/process.js';

// The benchmark's corpus must be what BENCHMARKS.md says it is, or its figures measure something else.
describe('bench corpus', () => {
  const reports = Array.from(generateReports(200, 3)) as Array<{ id: string; text: string }>;
  it('is deterministic for a seed', () => {
    expect(Array.from(generateReports(20, 3))).toEqual(reports.slice(0, 20));
  });
  it('holds reports of 1 to 3 KB of UTF-8', () => {
    for (const r of reports) {
      const bytes = Buffer.byteLength(r.text);
      expect(bytes, r.id).toBeGreaterThanOrEqual(1024);
      expect(bytes, r.id).toBeLessThanOrEqual(3072);
    }
  });
  it('cycles through every type in both languages, detected as intended, with findings', () => {
    expect(KINDS.length).toBe(10);
    reports.forEach((r, i) => {
      const [type, lang] = (KINDS[i % KINDS.length] as string).split(':');
      const line = processReportSafe(r);
      if ('error' in line) throw new Error(`${r.id}: ${line.error.code}`);
      expect([line.record['report.type'], line.record['report.language']], r.id).toEqual([type, lang]);
      expect(line.findings.length, r.id).toBeGreaterThan(3);
    });
  });
});
