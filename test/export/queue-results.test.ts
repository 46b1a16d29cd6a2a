/** `myelex results --format redcap|fhir|omop` against a real redis-server (skipped without one). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyRecords } from '../../src/classify/index.js';
import { readRedcapBack, redcapDictionary } from '../../src/export/index.js';
import { isErrorLine } from '../../src/schema/output.js';
import { runResultsCommand } from '../../queue/cli-commands.js';
import { Ledger } from '../../queue/store.js';
import { RedisServer } from '../helpers/redis-server.js';
import { fixtureLines } from './helpers.js';

const hasRedis = (() => { try { execFileSync('redis-server', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();

describe.skipIf(!hasRedis)(`myelex results --format redcap|fhir|omop${hasRedis ? '' : ' [skipped: no redis-server on PATH]'}`, () => {
  let server: RedisServer;
  let dir: string;
  const env = { ...process.env };
  const lines = fixtureLines();
  const patients = classifyRecords(lines);

  beforeAll(async () => {
    server = await RedisServer.start();
    dir = mkdtempSync(path.join(os.tmpdir(), 'myelex-export-'));
    process.env.REDIS_URL = server.url;
    process.env.MYELEX_QUEUE = 'export-test';
    delete process.env.MYELEX_ENCRYPTION_KEY;
    const redis = new Redis(server.url);
    const rl = new Ledger(redis, '{myelex}', 'export-test', 'report', undefined);
    const pl = new Ledger(redis, '{myelex}', 'export-test', 'patient', undefined);
    const now = new Date().toISOString();
    for (const l of lines) {
      const id = l.id ?? 'x';
      await rl.record({ id, status: isErrorLine(l) ? 'failed' : 'completed', jobId: `j-${id}`, patient: l.patient ?? null, attempts: 1, finishedAt: now, line: l }, isErrorLine(l) ? l.error.code : null);
    }
    for (const p of patients) await pl.record({ id: p.patient, status: 'completed', jobId: `p-${p.patient}`, patient: p.patient, attempts: 1, finishedAt: now, line: p }, null);
    redis.disconnect();
  }, 30_000);

  afterAll(async () => {
    process.env = env;
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('redcap with --patients reads back through the dictionary', async () => {
    const out = path.join(dir, 'r.csv');
    expect(await runResultsCommand(['--format', 'redcap', '--patients', '--out', out])).toBe(0);
    const back = readRedcapBack(readFileSync(out, 'utf8'), redcapDictionary());
    expect(back.reports.map((r) => r.id).sort()).toEqual(['fx-en-mri', 'fx-en-note', 'fx-ru-csf', 'fx-ru-enmg']);
    expect(back.errors.map((e) => e.code)).toEqual(['E_EMPTY_TEXT']);
    expect(back.patients.find((p) => p.patient === 'fx-p1')?.differential['toxic_intrathecal']).toBe(patients[0]?.differential[0]?.status);
  });

  it('fhir and omop', async () => {
    const f = path.join(dir, 'b.ndjson');
    expect(await runResultsCommand(['--format', 'fhir', '--out', f])).toBe(0);
    expect(readFileSync(f, 'utf8').trim().split('\n')).toHaveLength(2);
    const o = path.join(dir, 'n.csv');
    expect(await runResultsCommand(['--format', 'omop', '--out', o])).toBe(0);
    expect(readFileSync(o, 'utf8').split('\n')[0]).toMatch(/^note_nlp_id,note_id,/);
    expect(await runResultsCommand(['--format', 'xml'])).toBe(2);
  });

  it('--purge removes what it exported', async () => {
    expect(await runResultsCommand(['--format', 'omop', '--purge', '--patients', '--out', path.join(dir, 'p.csv')])).toBe(0);
    const f = path.join(dir, 'after.ndjson');
    expect(await runResultsCommand(['--format', 'fhir', '--out', f])).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe('');
  });
});
