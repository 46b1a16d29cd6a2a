/** Helpers for the queue tests: built entry, worker processes, synthetic reports, ledger audits. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import * as api from '../../src/index.js';
import type { InputItem } from '../../queue/core.js';
import { loadConfig, type QueueConfig } from '../../queue/config.js';
import { Ledger } from '../../queue/store.js';
import { auditLedger, type LedgerAudit } from '../../queue/status.js';

export const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
export const MAIN = path.join(ROOT, 'dist/queue/main.js');

/** Builds dist/ (tsc emits even when another folder still has type errors); checks the queue entry is fresh. */
export function ensureBuilt(): void {
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    /* type errors elsewhere in the tree; the emitted JS is checked below */
  }
  if (!existsSync(MAIN) || !existsSync(path.join(ROOT, 'dist/queue/thread-entry.js'))) throw new Error('dist/queue was not built');
  const src = path.join(ROOT, 'queue');
  const newest = Math.max(...readdirSync(src).filter((f) => f.endsWith('.ts')).map((f) => statSync(path.join(src, f)).mtimeMs));
  if (statSync(MAIN).mtimeMs < newest) throw new Error('dist/queue is older than queue/: the build did not emit');
}

type Api = { processReportSafe?: (raw: unknown) => api.OutputLine };
/** Whether the real per-report function has landed in src/index.ts. */
export const REAL = typeof (api as unknown as Api).processReportSafe === 'function';

/** The processor module the worker threads load: the real function (plus a spin trigger) or, until it lands, a stand-in. */
export const PROCESSOR_MODULE = pathToFileURL(path.join(ROOT, 'test/queue/fixtures', REAL ? 'processor.mjs' : 'fake-processor.mjs')).href;

/** What `extract` gives for one report, computed in-process. */
export async function expected(raw: unknown): Promise<api.OutputLine> {
  if (REAL) return (api as unknown as Required<Api>).processReportSafe(raw);
  const fake = (await import(PROCESSOR_MODULE)) as Required<Api>;
  return fake.processReportSafe(raw);
}

const EN = [
  'MRI of the cervical spine, 1.5 T, T1, T2, STIR. T2 hyperintense intramedullary lesion from C3 to C6 in the dorsal columns without enhancement. No cord compression.',
  'MRI thoracic spine with contrast. No intramedullary lesion. Diffuse marrow signal change from T4 to T9 consistent with infiltration. No epidural mass.',
  'CSF: protein 820 mg/L (150-450), cells 12 /uL, no blasts on cytospin.',
  'Labs: vitamin B12 98 pmol/L (low), folate 14 nmol/L, homocysteine 31 umol/L, copper 12 umol/L.',
  'Nerve conduction study: sural sensory amplitude 3 uV, peroneal motor amplitude 1.2 mV, conduction velocity 38 m/s. Axonal sensorimotor polyneuropathy.',
  'Clinical note: intrathecal methotrexate and cytarabine given in March; no spinal radiation. Progressive leg weakness since 2024-04-02.',
];
const RU = [
  'МРТ шейного отдела позвоночника: интрамедуллярный очаг гиперинтенсивный в T2 на уровне C4-C7 в задних столбах, без накопления контраста.',
  'Ликвор: белок 0,95 г/л, цитоз 8 клеток в мкл, бластные клетки не обнаружены.',
  'Витамин B12 110 пмоль/л, фолиевая кислота 9 нмоль/л, гомоцистеин 22 мкмоль/л.',
  'ЭНМГ: снижение амплитуды сенсорных ответов n. suralis с двух сторон, СРВ в норме. Аксональная полинейропатия.',
  'Эндолюмбально вводился метотрексат, облучения позвоночника не было.',
];

export interface Report { id: string; patient: string; date: string; text: string }

/** `n` varied synthetic reports (English and Russian), each text unique. */
export function makeReports(n: number, tag = 'r', patients = Math.max(1, Math.floor(n / 4))): Report[] {
  return Array.from({ length: n }, (_, i) => {
    const pool = i % 3 === 2 ? RU : EN;
    const a = pool[i % pool.length]!;
    const b = pool[(i * 7 + 3) % pool.length]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    return {
      id: `${tag}${String(i).padStart(5, '0')}`,
      patient: `P${String(i % patients).padStart(4, '0')}`,
      date: `2024-0${(i % 9) + 1}-${day}`,
      text: `${a}\n${b}\nReport number ${i} (${tag}).`,
    };
  });
}

export async function* asItems(reports: Report[], extra: InputItem[] = []): AsyncGenerator<InputItem> {
  for (const r of reports) yield { kind: 'report', input: api.ReportInput.parse(r), source: 'test.jsonl' };
  for (const e of extra) yield e;
}

export function testConfig(redisUrl: string, env: Record<string, string> = {}): { cfg: QueueConfig; env: Record<string, string> } {
  const full = {
    REDIS_URL: redisUrl,
    MYELEX_QUEUE_PREFIX: `{t${Math.random().toString(36).slice(2, 8)}}`,
    MYELEX_QUEUE: 'reports',
    MYELEX_LOCK_MS: '2000',
    MYELEX_BACKOFF_MS: '200',
    MYELEX_LOG_LEVEL: 'info',
    MYELEX_PROCESSOR_MODULE: PROCESSOR_MODULE,
    ...env,
  };
  return { cfg: loadConfig({}, full), env: full };
}

export interface WorkerProc { proc: ChildProcess; stderr: () => string; exited: Promise<number | null> }

export function spawnWorker(env: Record<string, string>, args: string[] = ['--concurrency', '2']): WorkerProc {
  const proc = spawn(process.execPath, [MAIN, 'worker', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => { err += d.toString(); });
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, stderr: () => err, exited };
}

export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => { out += d.toString(); });
    p.stderr.on('data', (d) => { err += d.toString(); });
    if (input !== undefined) p.stdin.end(input); else p.stdin.end();
    p.on('exit', (code) => resolve({ code, stdout: out, stderr: err, ms: Date.now() - t0 }));
  });
}

export async function withRedis<T>(cfg: QueueConfig, fn: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis(cfg.redisUrl, { maxRetriesPerRequest: 3 });
  r.on('error', () => {});
  try { return await fn(r); } finally { r.disconnect(); }
}

export function audit(cfg: QueueConfig, kind: 'report' | 'patient' = 'report'): Promise<LedgerAudit> {
  return withRedis(cfg, (r) => auditLedger(r, new Ledger(r, cfg.prefix, cfg.queue, kind, cfg.encryptionKey)));
}

/** Polls until every accepted report has its final record (or the timeout). */
export async function waitDone(cfg: QueueConfig, accepted: number, timeoutMs: number, kind: 'report' | 'patient' = 'report'): Promise<LedgerAudit> {
  const deadline = Date.now() + timeoutMs;
  let a: LedgerAudit | null = null;
  while (Date.now() < deadline) {
    try {
      a = await audit(cfg, kind);
      if (a.accepted >= accepted && a.pending === 0) return a;
    } catch { /* Redis restarting */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not done in ${timeoutMs} ms: ${JSON.stringify(a)}`);
}

export async function waitUntil(pred: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try { if (await pred()) return; } catch { /* retry */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
