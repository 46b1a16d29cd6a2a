import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/lexicon/load.js';

const SAMPLES = join(PACKAGE_ROOT, 'samples');
let dir: string;
let stderr: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'myelex-fmt-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('registry formats from the CLI', () => {
  it('--format omop: every snippet is the original text at its offset', async () => {
    const out = join(dir, 'nlp.csv');
    expect(await main(['extract', join(SAMPLES, 'mri-cervical-ru.txt'), join(SAMPLES, 'lab-en.txt'), '--format', 'omop', '--out', out, '--quiet'])).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(5);
    const texts = [readFileSync(join(SAMPLES, 'mri-cervical-ru.txt'), 'utf8'), readFileSync(join(SAMPLES, 'lab-en.txt'), 'utf8')];
    for (const r of rows) {
      const text = texts[Number(r['note_id']) - 1]!;
      const offset = Number(r['offset']);
      expect(text.slice(offset, offset + r['snippet']!.length)).toBe(r['snippet']);
    }
  });
  it('--format fhir: one transaction Bundle per patient, with the differential', async () => {
    const out = join(dir, 'bundles.ndjson');
    expect(await main(['extract', join(SAMPLES, 'patient-demo.jsonl'), '--format', 'fhir', '--out', out, '--quiet'])).toBe(0);
    const bundles = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { resourceType: string; type: string; entry: Array<{ resource: { resourceType: string } }> });
    expect(bundles.length).toBe(1);
    expect(bundles[0]).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
    const kinds = new Set(bundles[0]!.entry.map((e) => e.resource.resourceType));
    for (const k of ['DiagnosticReport', 'Observation', 'ClinicalImpression']) expect(kinds.has(k), k).toBe(true);
  });
  it('--format redcap with an error line: the failure is written and counted, not dropped', async () => {
    const out = join(dir, 'redcap.csv');
    expect(await main(['extract', join(SAMPLES, 'lab-en.txt'), join(dir, 'missing.txt'), '--format', 'redcap', '--out', out])).toBe(1);
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^record_id,redcap_repeat_instrument,redcap_repeat_instance/);
    expect(csv).toMatch(/report_error/);
    expect(stderr).toMatch(/1 error_line/);
  });
  it('redcap-dictionary writes the data dictionary', async () => {
    const out = join(dir, 'dict.csv');
    expect(await main(['redcap-dictionary', '--out', out])).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^"?Variable \/ Field Name"?,/);
  });
  it('classify --format fhir writes bundles from records', async () => {
    const recs = join(dir, 'r.jsonl');
    await main(['extract', join(SAMPLES, 'patient-demo.jsonl'), '--out', recs, '--quiet']);
    const out = join(dir, 'b.ndjson');
    expect(await main(['classify', recs, '--format', 'fhir', '--out', out])).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/"ClinicalImpression"/);
  });
});
