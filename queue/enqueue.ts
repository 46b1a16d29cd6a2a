/**
 * Enqueue: one job per report, with an id derived from the report id and a hash of its text.
 * The same input twice adds nothing: a report already recorded in the ledger, or already queued,
 * is skipped (so also after its job was cleaned up). With patients, one BullMQ flow per patient
 * whose parent classifies the patient after all of its report jobs finish.
 */
import { FlowProducer, Queue, type FlowJobNode, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueConfig } from './config.js';
import type { ErrorLine, InputItem, ReportInput } from './core.js';
import { errorItemId, errorJobData, errorJobId, patientJobId, reportJobData, reportJobId, type PatientJobData, type ReportJobData } from './jobs.js';
import { patientsQueueName } from './names.js';
import { connectFailFast } from './redis.js';
import { Ledger } from './store.js';

export interface EnqueueOptions {
  patients?: boolean;
  /** Progress lines (counts only). */
  progress?: (msg: string) => void;
  batchSize?: number;
}

export interface EnqueueSummary {
  read: number;
  added: number;
  /** a result for this exact report (id and text) is already recorded */
  skippedDone: number;
  /** this exact report is already in the queue */
  skippedQueued: number;
  /** malformed items enqueued as jobs that fail at once with their reason */
  malformed: number;
  /** inputs that could not be read at all (missing path, unsupported type): not enqueued */
  rejected: { source: string; code: string; message: string }[];
  patientsAdded: number;
  patientsSkipped: number;
}

/** Codes that concern the input path itself rather than one report in it: reported, not enqueued. */
const PATH_CODES = new Set(['E_INPUT_NOT_FOUND', 'E_INPUT_UNSUPPORTED']);

interface Prepared {
  id: string;
  jobId: string;
  data: ReportJobData;
  patient: string | null;
  malformed: boolean;
}

export function jobOptions(cfg: QueueConfig): JobsOptions {
  return {
    attempts: cfg.attempts,
    backoff: { type: 'exponential', delay: cfg.backoffMs },
    removeOnComplete: { age: cfg.keepCompletedS, count: 10_000 },
    removeOnFail: { age: cfg.keepFailedS },
  };
}

function prepare(item: InputItem, key: Buffer | undefined): Prepared {
  if (item.kind === 'report') {
    const input: ReportInput = item.input;
    const jobId = reportJobId(input.id, input.text, key);
    return { id: input.id, jobId, data: reportJobData(input, jobId, key), patient: input.patient ?? null, malformed: false };
  }
  const line: ErrorLine = item.line;
  const id = errorItemId(item.source, line);
  const jobId = errorJobId(item.source, line);
  return { id, jobId, data: errorJobData(id, line, jobId, key), patient: line.patient ?? null, malformed: true };
}

export async function enqueue(cfg: QueueConfig, items: AsyncIterable<InputItem>, opts: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const redis = await connectFailFast(cfg, 'myelex-enqueue');
  const queue = new Queue(cfg.queue, { prefix: cfg.prefix, connection: redis });
  const flows = opts.patients ? new FlowProducer({ prefix: cfg.prefix, connection: redis }) : null;
  let lastError: Error | undefined;
  queue.on('error', (e) => { lastError = e; });
  flows?.on('error', (e) => { lastError = e; });
  const reports = new Ledger(redis, cfg.prefix, cfg.queue, 'report', cfg.encryptionKey);
  const patientLedger = new Ledger(redis, cfg.prefix, cfg.queue, 'patient', cfg.encryptionKey);
  const sum: EnqueueSummary = { read: 0, added: 0, skippedDone: 0, skippedQueued: 0, malformed: 0, rejected: [], patientsAdded: 0, patientsSkipped: 0 };
  const baseOpts = jobOptions(cfg);
  const batchSize = opts.batchSize ?? 500;

  /** Which of `batch` are neither recorded nor queued; counts the rest as skipped. */
  const fresh = async (batch: Prepared[]): Promise<{ todo: Prepared[]; state: Map<string, 'done' | 'queued' | 'new'> }> => {
    const ids = batch.map((p) => p.id);
    const [metas, accepted] = await Promise.all([reports.metaOf(ids), reports.acceptedOf(ids)]);
    const pipe = redis.pipeline();
    for (const p of batch) pipe.exists(queue.toKey(p.jobId));
    const exists = ((await pipe.exec()) ?? []).map(([err, v]) => {
      if (err) throw err;
      return v === 1;
    });
    const todo: Prepared[] = [];
    const state = new Map<string, 'done' | 'queued' | 'new'>();
    batch.forEach((p, i) => {
      if (metas[i]?.jobId === p.jobId) { sum.skippedDone++; state.set(p.jobId, 'done'); }
      else if (accepted[i] === p.jobId && exists[i]) { sum.skippedQueued++; state.set(p.jobId, 'queued'); }
      else { todo.push(p); state.set(p.jobId, 'new'); }
    });
    return { todo, state };
  };

  const addPlain = async (batch: Prepared[]) => {
    const { todo } = await fresh(batch);
    if (todo.length === 0) return;
    await queue.addBulk(todo.map((p) => ({
      name: p.malformed ? 'malformed' : 'report',
      data: p.data,
      opts: { ...baseOpts, jobId: p.jobId, ...(p.malformed ? { attempts: 1 } : {}) },
    })));
    // accepted only after the job exists: a crash in between leaves a job the worker records anyway
    await reports.markAccepted(todo.map((p) => [p.id, p.jobId]));
    sum.added += todo.length;
    sum.malformed += todo.filter((p) => p.malformed).length;
  };

  const addPatients = async (group: [string, Prepared[]][]) => {
    const all = group.flatMap(([, ps]) => ps);
    const { state } = await fresh(all);
    const pq = patientsQueueName(cfg.queue);
    const parents = group.map(([patient, ps]) => ({ patient, ps, jobId: patientJobId(patient, ps.map((p) => p.jobId)) }));
    const [pMetas, pAccepted] = await Promise.all([patientLedger.metaOf(parents.map((p) => p.patient)), patientLedger.acceptedOf(parents.map((p) => p.patient))]);
    const pipe = redis.pipeline();
    for (const p of parents) pipe.exists(`${cfg.prefix}:${pq}:${p.jobId}`);
    const pExists = ((await pipe.exec()) ?? []).map(([err, v]) => {
      if (err) throw err;
      return v === 1;
    });
    const todoFlows = parents.filter((p, i) => {
      const skip = pMetas[i]?.jobId === p.jobId || (pAccepted[i] === p.jobId && pExists[i]);
      if (skip) sum.patientsSkipped++;
      return !skip;
    });
    const newChildren: Prepared[] = [];
    const flowsToAdd = todoFlows.map(({ patient, ps, jobId }) => {
      const children: FlowJobNode[] = ps
        .filter((p) => state.get(p.jobId) === 'new')
        .map((p) => {
          newChildren.push(p);
          return {
            name: 'report',
            queueName: cfg.queue,
            data: p.data,
            opts: { ...baseOpts, jobId: p.jobId, ignoreDependencyOnFailure: true },
          };
        });
      const data: PatientJobData = { v: 1, patient, reports: ps.map((p) => ({ id: p.id, jobId: p.jobId })) };
      return { name: 'patient', queueName: pq, data, opts: { ...baseOpts, jobId }, children };
    });
    if (flowsToAdd.length > 0) await flows!.addBulk(flowsToAdd);
    await reports.markAccepted(newChildren.map((p) => [p.id, p.jobId]));
    await patientLedger.markAccepted(todoFlows.map((p) => [p.patient, p.jobId]));
    sum.added += newChildren.length;
    sum.patientsAdded += todoFlows.length;
    // reports of this input already queued without a flow are awaited by the parent itself
    const leftovers = parents.flatMap((p) => p.ps).filter((p) => state.get(p.jobId) === 'new' && !newChildren.includes(p));
    if (leftovers.length) await addPlain(leftovers);
  };

  try {
    let batch: Prepared[] = [];
    const byPatient = new Map<string, Prepared[]>();
    for await (const item of items) {
      if (item.kind === 'error' && PATH_CODES.has(item.line.error.code)) {
        sum.rejected.push({ source: item.source, code: item.line.error.code, message: item.line.error.message });
        continue;
      }
      sum.read++;
      const p = prepare(item, cfg.encryptionKey);
      if (flows && p.patient !== null && !p.malformed) {
        const list = byPatient.get(p.patient) ?? [];
        // the same report twice in one input: keep the last version
        const at = list.findIndex((q) => q.id === p.id);
        if (at >= 0) list.splice(at, 1);
        list.push(p);
        byPatient.set(p.patient, list);
        continue;
      }
      batch.push(p);
      if (batch.length >= batchSize) {
        await addPlain(dedupe(batch));
        batch = [];
        opts.progress?.(`read ${sum.read}, added ${sum.added}`);
      }
    }
    if (batch.length) await addPlain(dedupe(batch));
    const groups = [...byPatient.entries()];
    for (let i = 0; i < groups.length; i += 100) await addPatients(groups.slice(i, i + 100));
  } catch (e) {
    throw new Error(`enqueue stopped: ${(e as Error).message}${lastError && lastError !== e ? ` (${lastError.message})` : ''}`);
  } finally {
    await flows?.close().catch(() => {});
    await queue.close().catch(() => {});
    redis.disconnect();
  }
  return sum;
}

/** Within one batch, one entry per report id (the last version). */
function dedupe(batch: Prepared[]): Prepared[] {
  const m = new Map<string, Prepared>();
  for (const p of batch) { m.delete(p.id); m.set(p.id, p); }
  return [...m.values()];
}

export type { Redis };
