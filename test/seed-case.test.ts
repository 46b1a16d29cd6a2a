import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyPatient } from '../src/classify/index.js';
import { PACKAGE_ROOT } from '../src/lexicon/load.js';
import { processReportSafe } from '../src/pipeline/process.js';
import { isErrorLine, type RecordLine } from '../src/schema/output.js';

// The source article's own case (patient "seed" of the shared dev corpus), end to end:
// reports -> records -> differential, as the last section of spec/differential.md states.
const DEV_EN = join(PACKAGE_ROOT, '../shared/corpus/dev-en/reports.jsonl');
const present = existsSync(DEV_EN);

describe.skipIf(!present)('the article case, end to end (../shared/corpus/dev-en, patient seed)', () => {
  const reports = present
    ? readFileSync(DEV_EN, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { patient?: string }).filter((r) => r.patient === 'seed')
    : [];
  const lines = reports.map((r) => processReportSafe(r));
  const records = lines.filter((l): l is RecordLine => !isErrorLine(l));
  const withLesion = records.find((l) => l.record['mri.cord_lesion'] === 'present');

  it('every report is abstracted', () => {
    expect(reports.length).toBeGreaterThan(5);
    expect(records.length).toBe(reports.length);
  });
  it('the spinal MRI: dorsal cord lesion T10 to L3, 6 segments', () => {
    expect(withLesion?.record).toMatchObject({
      'mri.cord_lesion_upper': 'T10', 'mri.cord_lesion_lower': 'L3', 'mri.cord_lesion_segments': 6, 'mri.cord_lesion_axial': ['dorsal'],
    });
  });
  it('the values: CSF protein 185 mg/l, cells 6.67/uL, B12 1083.6 high, folate 5.2 low', () => {
    const all: Record<string, unknown> = {};
    for (const l of records) for (const [k, v] of Object.entries(l.record)) if (v !== null) all[k] ??= v;
    expect(all['csf.protein_mg_l']).toBe(185);
    expect(all['csf.cells_per_ul']).toBeCloseTo(6.67, 2);
    expect(all['lab.b12_pmol_l']).toBe(1083.6);
    expect(all['lab.folate_nmol_l']).toBe(5.2);
    const flags = records.flatMap((l) => l.findings).filter((f) => f.field === 'lab.b12_pmol_l' || f.field === 'lab.folate_nmol_l');
    expect(new Set(flags.map((f) => `${f.field}:${f.flag}`))).toEqual(new Set(['lab.b12_pmol_l:high', 'lab.folate_nmol_l:low']));
  });
  it('the differential and recommendations of differential.md', () => {
    const patient = classifyPatient(lines, { patient: 'seed' });
    const status = Object.fromEntries(patient.differential.map((d) => [d.etiology, d.status]));
    expect(status).toMatchObject({
      toxic_intrathecal: 'supported', dysmetabolic: 'supported', neuroleukemia: 'possible',
      paraneoplastic: 'unlikely', polyradiculoneuropathy: 'supported',
    });
    expect(patient.recommendations.map((r) => r.code).sort()).toEqual(['check_folate_homocysteine', 'enmg_mep']);
    for (const d of patient.differential.filter((x) => x.status === 'supported')) expect(d.evidence.length).toBeGreaterThan(0);
  });
});
