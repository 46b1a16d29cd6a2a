/** Export of the ledger: report lines (as `extract` gives them) or patient lines, JSONL or CSV. */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import * as api from '../src/index.js';
import type { QueueConfig } from './config.js';
import { connectFailFast } from './redis.js';
import { Ledger, type StoredRecord } from './store.js';

export interface ExportOptions {
  format: 'jsonl' | 'csv';
  patients?: boolean;
  /** Delete the exported results from Redis once the output is complete (their ledger entries stay). */
  purge?: boolean;
}

const FIELDS: readonly string[] = (api as unknown as { FIELD_NAMES?: readonly string[] }).FIELD_NAMES ?? [];

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(';') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A minimal flat CSV of report lines: one row per report, one column per record field. */
export function reportCsvHeader(): string[] {
  return ['id', 'patient', 'date', 'status', 'error_code', 'error_message', 'warnings', ...FIELDS];
}
export function reportCsvRow(rec: StoredRecord): string[] {
  const line = rec.line as { id?: string; patient?: string | null; date?: string | null; record?: Record<string, unknown>; warnings?: { code: string }[]; error?: { code: string; message: string } };
  return [
    rec.id, line.patient ?? rec.patient ?? '', line.date ?? '', rec.status, line.error?.code ?? '', line.error?.message ?? '',
    (line.warnings ?? []).map((w) => w.code).join(';'),
    ...FIELDS.map((f) => line.record?.[f]),
  ].map(csvCell);
}

/** Patients: one row per patient, one status column per etiology, recommendation codes. */
function patientCsvRows(recs: StoredRecord[], header: string[] | null): { header: string[]; rows: string[][] } {
  type P = { patient?: string; reports?: string[]; differential?: { etiology: string; status: string }[]; recommendations?: { code: string }[]; error?: { code: string; message: string } };
  const first = recs.map((r) => r.line as P).find((l) => l.differential);
  const etiologies = header ? header.slice(5) : (first?.differential ?? []).map((d) => d.etiology);
  const h = header ?? ['patient', 'status', 'reports', 'recommendations', 'error', ...etiologies];
  const rows = recs.map((r) => {
    const l = r.line as P;
    const st = new Map((l.differential ?? []).map((d) => [d.etiology, d.status]));
    return [r.id, r.status, l.reports ?? [], (l.recommendations ?? []).map((x) => x.code), l.error ? `${l.error.code}: ${l.error.message}` : '', ...etiologies.map((e) => st.get(e) ?? '')].map(csvCell);
  });
  return { header: h, rows };
}

async function write(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

/** Streams every stored result to `out`; returns how many were written (and purged, if asked). */
export async function exportResults(cfg: QueueConfig, out: Writable, opts: ExportOptions, onDone?: () => Promise<void>): Promise<number> {
  const redis = await connectFailFast(cfg, 'myelex-results');
  try {
    const ledger = new Ledger(redis, cfg.prefix, cfg.queue, opts.patients ? 'patient' : 'report', cfg.encryptionKey);
    const exported: string[] = [];
    let header: string[] | null = null;
    for await (const batch of ledger.scanResults()) {
      if (opts.format === 'jsonl') {
        await write(out, batch.map((r) => `${JSON.stringify(r.line)}\n`).join(''));
      } else if (opts.patients) {
        const { header: h, rows } = patientCsvRows(batch, header);
        if (!header) { header = h; await write(out, `${h.join(',')}\n`); }
        await write(out, rows.map((r) => `${r.join(',')}\n`).join(''));
      } else {
        if (!header) { header = reportCsvHeader(); await write(out, `${header.join(',')}\n`); }
        await write(out, batch.map((r) => `${reportCsvRow(r).join(',')}\n`).join(''));
      }
      for (const r of batch) exported.push(r.id);
    }
    if (opts.format === 'csv' && !header) await write(out, `${(opts.patients ? ['patient', 'status'] : reportCsvHeader()).join(',')}\n`);
    await onDone?.();
    if (opts.purge) await ledger.purge(exported);
    return exported.length;
  } finally {
    redis.disconnect();
  }
}

/** Exports to a file atomically (a temp file renamed at the end), or to stdout. */
export async function exportTo(cfg: QueueConfig, file: string | undefined, opts: ExportOptions): Promise<number> {
  if (!file || file === '-') return exportResults(cfg, process.stdout, opts);
  const tmp = `${file}.${process.pid}.tmp`;
  const stream = createWriteStream(tmp);
  try {
    return await exportResults(cfg, stream, opts, async () => {
      stream.end();
      await once(stream, 'finish');
      await rename(tmp, file);
    });
  } catch (e) {
    stream.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}
