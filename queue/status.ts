/** Queue status: BullMQ counts per state, the ledger's counts, and the failure reasons. */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueConfig } from './config.js';
import { patientsQueueName } from './names.js';
import { connectFailFast } from './redis.js';
import { Ledger, parseMeta } from './store.js';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed'] as const;

export interface LedgerAudit {
  accepted: number;
  completed: number;
  failed: number;
  /** accepted ids whose current job has no final record yet */
  pending: number;
  /** second deliveries that found their result already recorded */
  duplicates: number;
  /** failure codes and how often */
  failures: Record<string, number>;
  /** results still stored (not purged by an export) */
  stored: number;
}

export interface Status {
  queue: string;
  prefix: string;
  jobs: { reports: Record<string, number>; patients: Record<string, number> };
  ledger: { reports: LedgerAudit; patients: LedgerAudit };
  recentFailures: { kind: 'report' | 'patient'; job: string; id: string; reason: string }[];
}

/** Walks the ledger: completed/failed counts for the current version of every accepted id. */
export async function auditLedger(redis: Redis, ledger: Ledger): Promise<LedgerAudit> {
  const out: LedgerAudit = { accepted: 0, completed: 0, failed: 0, pending: 0, duplicates: 0, failures: {}, stored: 0 };
  let cursor = '0';
  do {
    const [next, flat] = await redis.hscan(ledger.keys.accepted, cursor, 'COUNT', 1000);
    cursor = next;
    const ids: string[] = [];
    const jobIds: string[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) { ids.push(flat[i]!); jobIds.push(flat[i + 1]!); }
    if (ids.length === 0) continue;
    const metas = (await redis.hmget(ledger.keys.meta, ...ids)).map(parseMeta);
    metas.forEach((m, i) => {
      out.accepted++;
      if (!m || m.jobId !== jobIds[i]) { out.pending++; return; }
      if (m.status === 'completed') out.completed++;
      else {
        out.failed++;
        const c = m.code ?? 'E_INTERNAL';
        out.failures[c] = (out.failures[c] ?? 0) + 1;
      }
    });
  } while (cursor !== '0');
  const c = await ledger.counts();
  out.duplicates = c.duplicates;
  out.stored = c.stored;
  return out;
}

export async function getStatus(cfg: QueueConfig, recent = 10): Promise<Status> {
  const redis = await connectFailFast(cfg, 'myelex-status');
  const rq = new Queue(cfg.queue, { prefix: cfg.prefix, connection: redis, skipMetasUpdate: true });
  const pq = new Queue(patientsQueueName(cfg.queue), { prefix: cfg.prefix, connection: redis, skipMetasUpdate: true });
  rq.on('error', () => {});
  pq.on('error', () => {});
  try {
    const [reports, patients] = await Promise.all([rq.getJobCounts(...STATES), pq.getJobCounts(...STATES)]);
    const rl = new Ledger(redis, cfg.prefix, cfg.queue, 'report', cfg.encryptionKey);
    const pl = new Ledger(redis, cfg.prefix, cfg.queue, 'patient', cfg.encryptionKey);
    const [ra, pa] = [await auditLedger(redis, rl), await auditLedger(redis, pl)];
    const recentFailures: Status['recentFailures'] = [];
    for (const [kind, q] of [['report', rq], ['patient', pq]] as const) {
      const failed = await q.getFailed(0, recent - 1);
      for (const j of failed) {
        const d = j.data as { id?: unknown; patient?: unknown } | undefined;
        const id = kind === 'report' ? d?.id : d?.patient;
        recentFailures.push({ kind, job: String(j.id), id: typeof id === 'string' ? id : '', reason: j.failedReason ?? '' });
      }
    }
    return { queue: cfg.queue, prefix: cfg.prefix, jobs: { reports, patients }, ledger: { reports: ra, patients: pa }, recentFailures };
  } finally {
    await Promise.allSettled([rq.close(), pq.close()]);
    redis.disconnect();
  }
}

export function formatStatus(s: Status): string {
  const jobs = (c: Record<string, number>) => STATES.map((k) => `${k} ${c[k] ?? 0}`).join(', ');
  const led = (a: LedgerAudit) =>
    `accepted ${a.accepted} = completed ${a.completed} + failed ${a.failed} + pending ${a.pending}` +
    (a.duplicates ? ` (second deliveries absorbed: ${a.duplicates})` : '');
  const reasons = (a: LedgerAudit) => Object.entries(a.failures).sort((x, y) => y[1] - x[1]).map(([c, n]) => `${c} ${n}`).join(', ');
  const lines = [
    `queue ${s.queue} (prefix ${s.prefix})`,
    `  report jobs:   ${jobs(s.jobs.reports)}`,
    `  patient jobs:  ${jobs(s.jobs.patients)}`,
    `  reports:       ${led(s.ledger.reports)}`,
    `  patients:      ${led(s.ledger.patients)}`,
  ];
  if (s.ledger.reports.failed) lines.push(`  report failures by reason: ${reasons(s.ledger.reports)}`);
  if (s.ledger.patients.failed) lines.push(`  patient failures by reason: ${reasons(s.ledger.patients)}`);
  if (s.recentFailures.length) {
    lines.push('  failed jobs still kept by BullMQ (newest first):');
    for (const f of s.recentFailures) lines.push(`    ${f.kind} ${f.id || '?'} [${f.job}]: ${f.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
