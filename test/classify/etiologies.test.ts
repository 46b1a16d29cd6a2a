import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluateEtiology, ETIOLOGY_DEFS, PatientView } from '../../src/classify/index.js';
import { DIFFERENTIAL_STATUSES, ETIOLOGIES } from '../../src/classify/index.js';
import { RecordLine } from '../../src/schema/output.js';
import { caseLine } from './case-helpers.js';
import type { CaseReport } from './case-helpers.js';

interface CaseFile {
  etiology: string;
  unreachable?: string[];
  cases: { name: string; expect: string; held?: string[]; reports: CaseReport[] }[];
}

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../src/classify/etiologies');
const files = readdirSync(dir).filter((f) => f.endsWith('.cases.yaml')).sort();

it('has a cases file beside each of the nine etiologies', () => {
  const codes = files.map((f) => f.replace('.cases.yaml', '').replaceAll('-', '_')).sort();
  expect(codes).toEqual([...ETIOLOGIES].sort());
  for (const f of files) expect(readdirSync(dir)).toContain(f.replace('.cases.yaml', '.ts'));
});

describe.each(files)('%s', (file) => {
  const data = parse(readFileSync(join(dir, file), 'utf8')) as CaseFile;
  const def = ETIOLOGY_DEFS.find((d) => d.code === data.etiology);

  it('names its etiology and covers every reachable status', () => {
    expect(def).toBeDefined();
    const covered = new Set([...data.cases.map((c) => c.expect), ...(data.unreachable ?? [])]);
    expect([...covered].sort()).toEqual([...DIFFERENTIAL_STATUSES].sort());
  });

  it.each(data.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const lines = c.reports.map((r) => RecordLine.parse(caseLine(r)));
    const result = evaluateEtiology(def!, new PatientView(lines));
    expect(result.status).toBe(c.expect);
    if (c.held) expect([...result.held].sort()).toEqual([...c.held].sort());
    if (c.expect === 'insufficient_data') expect(result.evidence).toEqual([]);
    else expect(result.evidence.length).toBeGreaterThan(0);
  });
});
