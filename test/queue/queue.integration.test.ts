/**
 * The queue service against a real redis-server (started here on a free port, with a temp dir).
 * Every scenario ends with the same count: every accepted report has exactly one final record,
 * completed or failed with a reason; accepted = completed + failed (and nothing pending).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import * as api from '../../src/index.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Queue } from 'bullmq';
import { enqueue } from '../../queue/enqueue.js';
import { exportResults } from '../../queue/results.js';
import { getStatus } from '../../queue/status.js';
import { RedisServer, freePort } from '../helpers/redis-server.js';
import {
  asItems, audit, ensureBuilt, expected, makeReports, runCli, sleep, spawnWorker, testConfig, waitDone, waitUntil, withRedis,
  type Report, type WorkerProc,
} from './helpers.js';
import type { QueueConfig } from '../../queue/config.js';
import { Ledger } from '../../queue/store.js';
import type { LedgerAudit } from '../../queue/status.js';

let redis: RedisServer;
const workers: WorkerProc[] = [];

beforeAll(async () => {
  ensureBuilt();
  redis = await RedisServer.start();
}, 120_000);

afterAll(async () => {
  for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
  await redis?.stop();
});

function start(env: Record<string, string>, args?: string[]): WorkerProc {
  const w = spawnWorker(env, args);
  workers.push(w);
  return w;
}

async function stopAll(ws: WorkerProc[]): Promise<(number | null)[]> {
  for (const w of ws) if (w.proc.exitCode === null) w.proc.kill('SIGTERM');
  return Promise.all(ws.map((w) => w.exited));
}

/** The invariant every scenario ends with. */
function expectCount(a: LedgerAudit, accepted: number): void {
  expect(a.pending).toBe(0);
  expect(a.accepted).toBe(accepted);
  expect(a.completed + a.failed).toBe(a.accepted);
}

async function exported(cfg: QueueConfig, patients = false): Promise<Record<string, unknown>[]> {
  const out = new PassThrough();
  let buf = '';
  out.on('data', (d) => { buf += d.toString(); });
  await exportResults(cfg, out, { format: 'jsonl', patients });
  return buf.trim() === '' ? [] : buf.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Each exported line equals what extract gives for its report, and each report appears once. */
async function expectResultsEqualExtract(cfg: QueueConfig, reports: Report[]): Promise<void> {
  const lines = await exported(cfg);
  const byId = new Map(lines.map((l) => [l.id as string, l]));
  expect(byId.size).toBe(lines.length);
  expect(lines.length).toBe(reports.length);
  for (const r of reports) expect(byId.get(r.id)).toEqual(await expected(r));
}

/** No report text in any worker's log. */
function expectNoTextInLogs(ws: WorkerProc[], reports: Report[]): void {
  const logs = ws.map((w) => w.stderr()).join('\n');
  for (const r of reports.slice(0, 50)) expect(logs).not.toContain(r.text.split('\n')[0]!.slice(0, 40));
}

describe('queue service', () => {
  test('a second run of the same job adds no second result (at-least-once delivery)', async () => {
    const { cfg } = testConfig(redis.url);
    await withRedis(cfg, async (r) => {
      const l = new Ledger(r, cfg.prefix, cfg.queue, 'report', undefined);
      const rec = { id: 'R1', status: 'completed' as const, jobId: 'r-a-1', patient: null, attempts: 1, finishedAt: '', line: { id: 'R1' } };
      expect(await l.record(rec, null)).toBe('written');
      expect(await l.record({ ...rec, attempts: 2 }, null)).toBe('duplicate');
      expect(await l.record({ ...rec, status: 'failed' }, 'E_INTERNAL')).toBe('duplicate');
      // a newer version of the report (new text, new job) replaces it; the old job, delivered late, does not
      await l.markAccepted([['R1', 'r-a-2']]);
      expect(await l.record({ ...rec, jobId: 'r-a-1' }, null)).toBe('superseded');
      expect(await l.record({ ...rec, jobId: 'r-a-2', line: { id: 'R1', v: 2 } }, null)).toBe('written');
      expect(await l.counts()).toMatchObject({ accepted: 1, completed: 1, failed: 0, duplicates: 2, superseded: 1, stored: 1 });
      expect((await l.get(['R1']))[0]?.line).toEqual({ id: 'R1', v: 2 });
    });
  });

  test('1,000 reports, two workers: one result each, equal to extract; enqueueing again adds nothing', async () => {
    const { cfg, env } = testConfig(redis.url, { MYELEX_KEEP_COMPLETED_S: '1' });
    const reports = makeReports(1000, 'a');
    const t0 = Date.now();
    const sum = await enqueue(cfg, asItems(reports));
    const tEnq = Date.now() - t0;
    expect(sum.added).toBe(1000);
    const ws = [start(env), start(env)];
    const t1 = Date.now();
    const a = await waitDone(cfg, 1000, 150_000);
    const ms = Date.now() - t1;
    console.log(`1,000 reports: enqueue ${tEnq} ms, processed by 2 workers x 2 threads in ${ms} ms = ${(1000 / (ms / 1000)).toFixed(0)} reports/s`);
    expectCount(a, 1000);
    await expectResultsEqualExtract(cfg, reports);

    // the same input again: no new job, also for reports whose finished job was already cleaned up
    await sleep(1200);
    const again = await enqueue(cfg, asItems(reports));
    expect(again.added).toBe(0);
    expect(again.skippedDone + again.skippedQueued).toBe(1000);
    const q = new Queue(cfg.queue, { prefix: cfg.prefix, connection: { url: cfg.redisUrl } });
    const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    await q.close();
    expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, prioritized: 0 });

    // graceful shutdown: both workers exit 0
    expect(await stopAll(ws)).toEqual([0, 0]);
    expectNoTextInLogs(ws, reports);
    expectCount(await audit(cfg), 1000);
  }, 200_000);

  test('a malformed report: one failed job with its reason, not retried; the rest complete', async () => {
    const { cfg, env } = testConfig(redis.url, { MYELEX_ATTEMPTS: '4' });
    const reports = makeReports(20, 'm');
    const empty: Report = { id: 'm-empty', patient: 'P1', date: '2024-01-01', text: '   ' };
    const sum = await enqueue(cfg, asItems([...reports, empty], [
      { kind: 'error', source: 'in.jsonl', line: { id: null, error: { code: 'E_INPUT_LINE_INVALID', message: 'line 7 is not JSON', line: 7 } } },
    ]));
    expect(sum.added).toBe(22);
    expect(sum.malformed).toBe(1);
    const w = start(env);
    const a = await waitDone(cfg, 22, 60_000);
    expectCount(a, 22);
    expect(a.failed).toBe(2);
    expect(a.failures).toEqual({ E_INPUT_NO_TEXT: 1, E_INPUT_LINE_INVALID: 1 });
    const status = await getStatus(cfg);
    const reasons = status.recentFailures.map((f) => f.reason).sort();
    expect(reasons[0]).toMatch(/^E_INPUT_LINE_INVALID: .*\(line 7\)/);
    expect(reasons[1]).toMatch(/^E_INPUT_NO_TEXT: /);
    // not retried: one attempt each
    const q = new Queue(cfg.queue, { prefix: cfg.prefix, connection: { url: cfg.redisUrl } });
    const failed = await q.getFailed();
    await q.close();
    expect(failed.map((j) => j.attemptsMade)).toEqual([1, 1]);
    const lines = await exported(cfg);
    expect(lines.find((l) => l.id === 'm-empty')).toEqual(await expected(empty));
    expect(lines.find((l) => (l.error as { line?: number } | undefined)?.line === 7)).toMatchObject({ id: null, error: { code: 'E_INPUT_LINE_INVALID' } });
    expect(await stopAll([w])).toEqual([0]);
  }, 90_000);

  test('a worker killed with SIGKILL mid-batch: after a new worker starts, the count holds', async () => {
    const { cfg, env } = testConfig(redis.url);
    const reports = makeReports(600, 'k');
    await enqueue(cfg, asItems(reports));
    const w1 = start(env, ['--concurrency', '1']);
    await waitUntil(async () => (await audit(cfg)).completed >= 40, 60_000, '40 completed');
    w1.proc.kill('SIGKILL');
    await w1.exited;
    const mid = await audit(cfg);
    expect(mid.pending).toBeGreaterThan(0);
    // a second worker takes over; stopped with SIGTERM mid-batch, it finishes its jobs in hand and exits 0
    const w2 = start(env, ['--concurrency', '1']);
    await waitUntil(async () => (await audit(cfg)).completed >= mid.completed + 40, 60_000, '40 more completed');
    expect(await stopAll([w2])).toEqual([0]);
    const w3 = start(env);
    const a = await waitDone(cfg, 600, 120_000);
    expectCount(a, 600);
    expect(a.failed).toBe(0);
    await expectResultsEqualExtract(cfg, reports);
    expect(await stopAll([w3])).toEqual([0]);
  }, 180_000);

  test('Redis killed (-9) and restarted from its append-only file mid-batch: the count holds', async () => {
    const { cfg, env } = testConfig(redis.url);
    const reports = makeReports(600, 'o');
    await enqueue(cfg, asItems(reports));
    const ws = [start(env, ['--concurrency', '1']), start(env, ['--concurrency', '1'])];
    await waitUntil(async () => (await audit(cfg)).completed >= 40, 60_000, '40 completed');
    expect((await audit(cfg)).pending).toBeGreaterThan(0);
    await redis.kill9();
    await sleep(500);
    await redis.restart();
    const a = await waitDone(cfg, 600, 120_000);
    expectCount(a, 600);
    expect(a.failed).toBe(0);
    await expectResultsEqualExtract(cfg, reports);
    expect(ws.every((w) => w.proc.exitCode === null)).toBe(true);
    expect(await stopAll(ws)).toEqual([0, 0]);
  }, 180_000);

  test('Redis down for 10 seconds while workers run: they resume by themselves', async () => {
    const { cfg, env } = testConfig(redis.url);
    const reports = makeReports(600, 'd');
    await enqueue(cfg, asItems(reports));
    const ws = [start(env, ['--concurrency', '1']), start(env, ['--concurrency', '1'])];
    await waitUntil(async () => (await audit(cfg)).completed >= 40, 60_000, '40 completed');
    expect((await audit(cfg)).pending).toBeGreaterThan(0);
    await redis.stopProcess();
    await sleep(10_000);
    expect(ws.every((w) => w.proc.exitCode === null)).toBe(true);
    await redis.restart();
    const a = await waitDone(cfg, 600, 120_000);
    expectCount(a, 600);
    expect(a.failed).toBe(0);
    await expectResultsEqualExtract(cfg, reports);
    expect(await stopAll(ws)).toEqual([0, 0]);
  }, 180_000);

  test('a report past the time limit fails with its reason; the worker goes on', async () => {
    const { cfg, env } = testConfig(redis.url, { MYELEX_TIMEOUT_MS: '1500' });
    const reports = makeReports(10, 't');
    const slow: Report = { id: 't-slow', patient: 'P1', date: '2024-01-01', text: '@@spin@@ a text that never finishes' };
    await enqueue(cfg, asItems([slow, ...reports]));
    const w = start(env, ['--concurrency', '1']);
    const a = await waitDone(cfg, 11, 60_000);
    expectCount(a, 11);
    expect(a.failures).toEqual({ E_TIMEOUT: 1 });
    // the same worker goes on with new work
    const more = makeReports(5, 'u');
    await enqueue(cfg, asItems(more));
    expectCount(await waitDone(cfg, 16, 30_000), 16);
    expect(w.proc.exitCode).toBeNull();
    const status = await getStatus(cfg);
    expect(status.recentFailures[0]?.reason).toMatch(/^E_TIMEOUT: /);
    expect(await stopAll([w])).toEqual([0]);
  }, 90_000);

  test('patients: one flow per patient, classified after all its reports', async () => {
    const { cfg, env } = testConfig(redis.url);
    const reports = makeReports(30, 'p', 10);
    const sum = await enqueue(cfg, asItems(reports), { patients: true });
    expect(sum.patientsAdded).toBe(10);
    expect(sum.added).toBe(30);
    const w = start(env);
    expectCount(await waitDone(cfg, 30, 60_000), 30);
    const pa = await waitDone(cfg, 10, 60_000, 'patient');
    expectCount(pa, 10);
    expect(pa.failed).toBe(0);
    const patients = await exported(cfg, true);
    expect(patients.map((p) => p.patient).sort()).toEqual([...new Set(reports.map((r) => r.patient))].sort());
    for (const p of patients) expect((p.reports as string[]).length).toBe(3);
    const again = await enqueue(cfg, asItems(reports), { patients: true });
    expect(again.added).toBe(0);
    expect(again.patientsSkipped).toBe(10);
    expect(await stopAll([w])).toEqual([0]);
  }, 120_000);

  test('with MYELEX_ENCRYPTION_KEY no report text is readable in Redis; results decrypt to extract output', async () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const { cfg, env } = testConfig(redis.url, { MYELEX_ENCRYPTION_KEY: key });
    const reports = makeReports(20, 'x', 5);
    await enqueue(cfg, asItems(reports), { patients: true });
    // payloads are sealed before any worker runs
    const dump = async () => withRedis(cfg, async (r) => {
      const keys = await r.keys(`${cfg.prefix}*`);
      let all = '';
      for (const k of keys) {
        const t = await r.type(k);
        if (t === 'string') all += await r.get(k);
        else if (t === 'hash') all += JSON.stringify(await r.hgetall(k));
        else if (t === 'list') all += JSON.stringify(await r.lrange(k, 0, -1));
        else if (t === 'zset') all += JSON.stringify(await r.zrange(k, 0, -1));
        else if (t === 'set') all += JSON.stringify(await r.smembers(k));
        else if (t === 'stream') all += JSON.stringify(await r.xrange(k, '-', '+'));
      }
      return all;
    });
    const needles = ['intramedullary', 'Report number', 'интрамедуллярный', 'methotrexate', 'Ликвор', 'dorsal'];
    let before = await dump();
    for (const n of needles) expect(before).not.toContain(n);
    const w = start(env);
    expectCount(await waitDone(cfg, 20, 60_000), 20);
    await waitDone(cfg, 5, 60_000, 'patient');
    const after = await dump();
    expect(after.length).toBeGreaterThan(before.length);
    for (const n of needles) expect(after).not.toContain(n);
    await expectResultsEqualExtract(cfg, reports);
    // without the key the results cannot be read
    const { cfg: noKey } = testConfig(redis.url, { MYELEX_QUEUE_PREFIX: cfg.prefix });
    await expect(exported(noKey)).rejects.toThrow(/MYELEX_ENCRYPTION_KEY/);
    expect(await stopAll([w])).toEqual([0]);
    before = '';
  }, 120_000);

  test('CLI: enqueue fails fast with a clear error when Redis is down; status and results', async () => {
    const port = await freePort();
    const down = await runCli(['enqueue', 'whatever.jsonl'], { REDIS_URL: `redis://:secret@127.0.0.1:${port}` });
    expect(down.code).toBe(1);
    expect(down.ms).toBeLessThan(8000);
    expect(down.stderr).toMatch(/cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+/);
    expect(down.stderr).not.toContain('secret');
    const st = await runCli(['status'], { REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(st.code).toBe(1);

    const { cfg, env } = testConfig(redis.url);
    await enqueue(cfg, asItems(makeReports(5, 'c')));
    const w = start(env);
    await waitDone(cfg, 5, 30_000);
    const s = await runCli(['status'], env);
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/accepted 5 = completed 5 \+ failed 0 \+ pending 0/);
    const csv = await runCli(['results', '--format', 'csv'], env);
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split('\n')).toHaveLength(6);
    expect(csv.stdout.split('\n')[0]).toMatch(/^id,patient,date,status,/);
    const bad = await runCli(['results', '--format', 'xml'], env);
    expect(bad.code).toBe(2);
    const help = await runCli(['worker', '--help'], env);
    expect(help.stdout).toMatch(/Usage: myelex worker/);
    expect(await stopAll([w])).toEqual([0]);
  }, 60_000);

  const hasReaders = typeof (api as Record<string, unknown>).readInputs === 'function';
  test.skipIf(!hasReaders)('CLI enqueue reads the inputs extract reads; the same file twice adds nothing', async () => {
    const { cfg, env } = testConfig(redis.url);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'myelex-enq-'));
    const file = path.join(dir, 'in.jsonl');
    const reports = makeReports(30, 'f');
    writeFileSync(file, [...reports.map((r) => JSON.stringify(r)), '{"id": "broken", ', JSON.stringify({ id: 'f-empty', text: '' })].join('\n') + '\n');
    const first = await runCli(['enqueue', file, '--json'], env);
    expect(first.code).toBe(0);
    const sum1 = JSON.parse(first.stdout) as { added: number; malformed: number };
    expect(sum1.added).toBe(32);
    expect(sum1.malformed).toBeGreaterThanOrEqual(1);
    const w = start(env);
    const a = await waitDone(cfg, 32, 60_000);
    expectCount(a, 32);
    expect(a.failed).toBe(2);
    const second = await runCli(['enqueue', file, '--json'], env);
    expect(JSON.parse(second.stdout)).toMatchObject({ added: 0, read: 32 });
    const missing = await runCli(['enqueue', path.join(dir, 'nope.jsonl')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/E_INPUT_NOT_FOUND/);
    expect(await stopAll([w])).toEqual([0]);
  }, 90_000);
});
