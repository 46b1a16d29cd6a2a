import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordLine } from '../../src/schema/output.js';
import type { PatientLine } from '../../src/schema/patient.js';

export const CORPUS = '/work/shared/corpus';

export interface GoldPatient {
  patient: string;
  differential: Record<string, string>;
  recommendations: string[];
  why?: string;
}

const readJsonl = <T>(path: string): T[] => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

/** RecordLines from a gold corpus: gold records joined with reports.jsonl for patient/date; findings []. */
export function goldRecordLines(dir: string): RecordLine[] {
  const reports = new Map(readJsonl<{ id: string; patient?: string; date?: string }>(join(dir, 'reports.jsonl')).map((r) => [r.id, r]));
  return readJsonl<{ id: string; record: RecordLine['record'] }>(join(dir, 'gold.jsonl')).map((g) => {
    const r = reports.get(g.id);
    return { id: g.id, patient: r?.patient ?? null, date: r?.date ?? null, record: g.record, findings: [], warnings: [] };
  });
}

export const goldPatients = (dir: string): GoldPatient[] => readJsonl<GoldPatient>(join(dir, 'patients.gold.jsonl'));

/** Agreement as score.mjs computes it: exact status share over gold etiology calls; micro F1 of recommendation codes. */
export function agreement(gold: readonly GoldPatient[], pred: readonly PatientLine[]) {
  const byPatient = new Map(pred.map((p) => [p.patient, p]));
  let n = 0, exact = 0, tp = 0, fp = 0, fn = 0;
  const errors: string[] = [];
  for (const g of gold) {
    const p = byPatient.get(g.patient);
    const got = new Map((p?.differential ?? []).map((d) => [d.etiology as string, d.status as string]));
    for (const [etiology, status] of Object.entries(g.differential)) {
      n++;
      const s = got.get(etiology) ?? 'insufficient_data';
      if (s === status) exact++; else errors.push(`${g.patient} ${etiology}: gold ${status} got ${s}`);
    }
    const want = new Set(g.recommendations);
    const have = new Set((p?.recommendations ?? []).map((r) => r.code as string));
    for (const c of have) if (want.has(c)) tp++; else { fp++; errors.push(`${g.patient} extra ${c}`); }
    for (const c of want) if (!have.has(c)) { fn++; errors.push(`${g.patient} missing ${c}`); }
  }
  const prec = tp + fp ? tp / (tp + fp) : 1;
  const rec = tp + fn ? tp / (tp + fn) : 1;
  return { n, exact: n ? exact / n : 1, recF1: prec + rec ? (2 * prec * rec) / (prec + rec) : 0, errors };
}
