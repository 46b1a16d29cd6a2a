/**
 * The BullMQ worker: report jobs run the same per-report function as `extract` (in a worker
 * thread, with a hard time limit), patient jobs classify a patient once its reports are done.
 * Every job ends in exactly one ledger record (see store.ts), completed or failed with a reason.
 */
import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueConfig } from './config.js';
import { DETERMINISTIC_CODES, ERROR_CODES, isErrorLine, type ErrorLine, type OutputLine } from './core.js';
import { DecryptError } from './crypto.js';
import { openInputError, openReport, PatientJobData, ReportJobData } from './jobs.js';
import { makeLogger, type Logger } from './log.js';
import { patientsQueueName } from './names.js';
import { patientClient, workerConnection } from './redis.js';
import { Ledger, type FinalStatus, type StoredRecord } from './store.js';
import { TaskError, TaskTimeoutError, ThreadLostError, ThreadPool, type ReportText } from './thread-pool.js';

export interface WorkerOptions {
  logger?: Logger;
  /** Test seam: a module exporting processReportSafe/classifyPatient for the threads. */
  processorModule?: string | undefined;
  /** How long a patient job waits for reports enqueued outside its flow (default 1 h). */
  patientWaitMs?: number;
  /** How often failed jobs are reconciled into the ledger (default 2 x lock duration). */
  reconcileEveryMs?: number;
}

export interface WorkerHandle {
  /** Graceful: stop taking jobs, finish the ones in hand (each bounded by the time limit). */
  close(force?: boolean): Promise<void>;
  readonly stats: { completed: number; failed: number; retried: number; duplicates: number };
}

const codeOf = (reason: string | undefined): string => /^(E_[A-Z_]+)\b/.exec(reason ?? '')?.[1] ?? 'E_INTERNAL';

/** The plain reason BullMQ keeps (and `status` shows): a code and its registry text, never report text. */
export function publicReason(code: string, line?: number): string {
  const text = (ERROR_CODES as Record<string, string>)[code] ?? 'failed';
  return `${code}: ${text}${line !== undefined ? ` (line ${line})` : ''}`;
}

const JOBS_PER_THREAD = 4;

/**
 * The report worker's BullMQ concurrency for a pool of `threads` pipeline threads. Exported so
 * the bench runs its do-nothing BullMQ worker at the same concurrency as this one.
 */
export const reportWorkerConcurrency = (threads: number): number => threads * JOBS_PER_THREAD;

/** An output line already serialized (by a worker thread). */
class LineText {
  constructor(readonly json: string) {}
}

export async function startWorker(cfg: QueueConfig, opts: WorkerOptions = {}): Promise<WorkerHandle> {
  const log = opts.logger ?? makeLogger();
  const key = cfg.encryptionKey;
  const pool = new ThreadPool({ size: cfg.concurrency, processorModule: opts.processorModule });
  await pool.ready();
  const redis: Redis = patientClient(cfg, 'myelex-ledger');
  const reports = new Ledger(redis, cfg.prefix, cfg.queue, 'report', key);
  const patients = new Ledger(redis, cfg.prefix, cfg.queue, 'patient', key);
  const stats = { completed: 0, failed: 0, retried: 0, duplicates: 0 };
  const patientWaitMs = opts.patientWaitMs ?? 3_600_000;

  /** `line` is the output line, or its JSON text as a LineText. */
  const finalRecord = async (ledger: Ledger, job: Job, id: string, status: FinalStatus, line: unknown, patient: string | null, code: string | null) => {
    const rec: Omit<StoredRecord, 'line'> = { id, status, jobId: job.id!, patient, attempts: job.attemptsMade + 1, finishedAt: new Date().toISOString() };
    const outcome = line instanceof LineText ? await ledger.recordJson(rec, line.json, code) : await ledger.record({ ...rec, line }, code);
    if (outcome === 'duplicate') {
      stats.duplicates++;
      log('info', 'job delivered again: its result was already recorded', { job: job.id });
    } else if (outcome === 'superseded') {
      log('info', 'job superseded by a newer version of its report', { job: job.id });
    }
  };
  const isLastAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

  /** Deterministic: record the failure, then fail the job without retry. */
  const failNow = async (ledger: Ledger, job: Job, id: string, err: ErrorLine, patient: string | null): Promise<never> => {
    await finalRecord(ledger, job, id, 'failed', err, patient, err.error.code);
    throw new UnrecoverableError(publicReason(err.error.code, err.error.line));
  };
  /** Transient: retried with backoff; on the last attempt the failure is recorded first. */
  const failTransient = async (ledger: Ledger, job: Job, id: string, err: ErrorLine, patient: string | null): Promise<never> => {
    if (isLastAttempt(job)) await finalRecord(ledger, job, id, 'failed', err, patient, err.error.code);
    throw new Error(publicReason(err.error.code));
  };

  const reportProcessor = async (job: Job): Promise<{ status: FinalStatus }> => {
    const parsed = ReportJobData.safeParse(job.data);
    if (!parsed.success) {
      const id = typeof job.data?.id === 'string' ? job.data.id : `job:${job.id}`;
      return failNow(reports, job, id, { id, error: { code: 'E_INPUT_LINE_INVALID', message: 'the job payload is not a myelex report job' } }, null);
    }
    const data = parsed.data;
    if (data.inputError !== undefined) {
      // malformed at read time: one failed job with its reason, at once
      const line = openInputError(data, job.id!, key);
      return failNow(reports, job, data.id, line, line.patient ?? null);
    }
    let raw: ReturnType<typeof openReport>;
    try {
      raw = openReport(data, job.id!, key);
    } catch (e) {
      const message = e instanceof DecryptError ? e.message : 'the job payload cannot be read';
      // a worker with the wrong key is a configuration fault: retry (another worker may hold the key)
      return failTransient(reports, job, data.id, { id: data.id, error: { code: 'E_INTERNAL', message } }, null);
    }
    let result: ReportText;
    try {
      result = await pool.runReportText(raw, cfg.timeoutMs);
    } catch (e) {
      if (e instanceof TaskTimeoutError) {
        return failNow(reports, job, data.id, { id: data.id, patient: raw.patient, error: { code: 'E_TIMEOUT', message: e.message } }, raw.patient);
      }
      const message = e instanceof TaskError ? e.detail : (e as Error).message;
      return failTransient(reports, job, data.id, { id: data.id, patient: raw.patient, error: { code: 'E_INTERNAL', message } }, raw.patient);
    }
    if (result.code !== null) {
      const line = JSON.parse(result.json) as OutputLine;
      if (isErrorLine(line)) {
        const code = line.error.code as Parameters<typeof DETERMINISTIC_CODES.has>[0];
        if (DETERMINISTIC_CODES.has(code)) return failNow(reports, job, data.id, line, raw.patient);
        return failTransient(reports, job, data.id, line, raw.patient);
      }
    }
    // The line goes into the ledger as the thread wrote it (no parse and serialize again here).
    await finalRecord(reports, job, data.id, 'completed', new LineText(result.json), raw.patient, null);
    return { status: 'completed' };
  };

  const patientProcessor = async (job: Job, token?: string): Promise<{ status: FinalStatus }> => {
    const parsed = PatientJobData.safeParse(job.data);
    if (!parsed.success) {
      const id = typeof job.data?.patient === 'string' ? job.data.patient : `job:${job.id}`;
      return failNow(patients, job, id, { id, error: { code: 'E_INPUT_LINE_INVALID', message: 'the job payload is not a myelex patient job' } }, id);
    }
    const { patient, reports: refs } = parsed.data;
    const ids = refs.map((r) => r.id);
    const metas = await reports.metaOf(ids);
    const pending = refs.filter((r, i) => metas[i]?.jobId !== r.jobId);
    if (pending.length > 0) {
      // reports enqueued outside this flow are not done yet: wait without spending an attempt
      if (Date.now() - job.timestamp < patientWaitMs && token) {
        await job.moveToDelayed(Date.now() + Math.min(5000, Math.max(500, cfg.lockMs / 4)), token);
        throw new DelayedError();
      }
      return failNow(patients, job, patient, { id: patient, patient, error: { code: 'E_INTERNAL', message: `${pending.length} report(s) of this patient never finished` } }, patient);
    }
    const stored = await reports.get(ids);
    const lines: OutputLine[] = stored.map((r, i) =>
      r ? (r.line as OutputLine) : { id: ids[i]!, patient, error: { code: 'E_INTERNAL', message: 'the result was exported and purged before the patient was classified' } },
    );
    let result: unknown;
    try {
      result = await pool.run({ kind: 'patient', patient, lines }, cfg.timeoutMs);
    } catch (e) {
      if (e instanceof TaskTimeoutError) {
        return failNow(patients, job, patient, { id: patient, patient, error: { code: 'E_TIMEOUT', message: e.message } }, patient);
      }
      const message = e instanceof TaskError ? e.detail : (e as Error).message;
      return failTransient(patients, job, patient, { id: patient, patient, error: { code: 'E_INTERNAL', message } }, patient);
    }
    await finalRecord(patients, job, patient, 'completed', result, patient, null);
    return { status: 'completed' };
  };

  const common = {
    concurrency: cfg.concurrency,
    prefix: cfg.prefix,
    lockDuration: cfg.lockMs,
    stalledInterval: cfg.lockMs,
    maxStalledCount: 5,
    removeOnComplete: { age: cfg.keepCompletedS, count: 10_000 },
    removeOnFail: { age: cfg.keepFailedS },
  };
  // More report jobs in hand than threads: while one job's result goes to Redis (ledger record,
  // completion, next fetch) another is already being parsed, so the threads do not wait on I/O.
  // The pool queues them; each one's time limit starts when a thread takes it. Four per thread:
  // each job waits on several Redis round trips, and four gave ~7% more reports/s than two in
  // the bench (three alternating runs each), eight no more than four.
  const reportWorker = new Worker(cfg.queue, reportProcessor, {
    ...common,
    concurrency: reportWorkerConcurrency(cfg.concurrency),
    connection: workerConnection(cfg, 'myelex-worker'),
  });
  const patientWorker = new Worker(patientsQueueName(cfg.queue), patientProcessor, {
    ...common,
    concurrency: Math.max(1, Math.ceil(cfg.concurrency / 2)),
    connection: workerConnection(cfg, 'myelex-worker-patients'),
  });

  for (const [w, kind] of [[reportWorker, 'report'], [patientWorker, 'patient']] as const) {
    w.on('completed', (job) => {
      stats.completed++;
      log('debug', 'job completed', { kind, job: job.id, ms: (job.finishedOn ?? Date.now()) - (job.processedOn ?? Date.now()) });
    });
    w.on('failed', (job, err) => {
      if (!job) return;
      if (err instanceof DelayedError || err.name === 'DelayedError') return;
      const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      if (final) {
        stats.failed++;
        log('warn', 'job failed', { kind, job: job.id, reason: job.failedReason, attempts: job.attemptsMade });
      } else {
        stats.retried++;
        log('info', 'job will be retried', { kind, job: job.id, reason: job.failedReason, attempts: job.attemptsMade });
      }
    });
    w.on('stalled', (jobId) => log('warn', 'job stalled (its worker died or lost Redis): back in the queue', { kind, job: jobId }));
    w.on('error', (e) => log('warn', 'worker error (it retries by itself)', { kind, reason: e.message }));
  }

  // Jobs that end in `failed` without our processor recording it (stalled too often; a worker
  // that died between the two writes) are reconciled from BullMQ's failed set into the ledger.
  const reportQueue = new Queue(cfg.queue, { prefix: cfg.prefix, connection: workerConnection(cfg, 'myelex-reconcile') });
  const patientQueue = new Queue(patientsQueueName(cfg.queue), { prefix: cfg.prefix, connection: workerConnection(cfg, 'myelex-reconcile-p') });
  reportQueue.on('error', () => {});
  patientQueue.on('error', () => {});
  let reconciling = false;
  const reconcileOnce = async () => {
    if (reconciling) return;
    reconciling = true;
    try {
      const n = (await reconcileFailed(reportQueue, reports, 'report', key)) + (await reconcileFailed(patientQueue, patients, 'patient', key));
      if (n > 0) log('info', 'failed jobs reconciled into the ledger', { count: n });
    } catch (e) {
      log('warn', 'reconcile failed (will retry)', { reason: (e as Error).message });
    } finally {
      reconciling = false;
    }
  };
  void reconcileOnce();
  const timer = setInterval(() => void reconcileOnce(), opts.reconcileEveryMs ?? Math.max(5000, cfg.lockMs * 2));
  timer.unref();

  log('info', 'worker started', { queue: cfg.queue, concurrency: cfg.concurrency, timeoutMs: cfg.timeoutMs, encrypted: !!key });

  let closing: Promise<void> | null = null;
  return {
    stats,
    close(force = false) {
      if (closing && !force) return closing;
      clearInterval(timer);
      const run = (async () => {
        await Promise.allSettled([reportWorker.close(force), patientWorker.close(force)]);
        await pool.close();
        await Promise.allSettled([reportQueue.close(), patientQueue.close()]);
        redis.disconnect();
        log('info', 'worker stopped', { completed: stats.completed, failed: stats.failed, duplicates: stats.duplicates });
      })();
      closing = run;
      return run;
    },
  };
}

/** Records every job of `queue`'s failed set that the ledger lacks. Returns how many were added. */
export async function reconcileFailed(queue: Queue, ledger: Ledger, kind: 'report' | 'patient', key: Buffer | undefined): Promise<number> {
  let added = 0;
  const page = 500;
  for (let start = 0; ; start += page) {
    const jobs = (await queue.getFailed(start, start + page - 1)) as unknown as Job[];
    if (jobs.length === 0) break;
    const withIds = jobs
      .map((j) => ({ j, id: kind === 'report' ? (j.data?.id as unknown) : (j.data?.patient as unknown) }))
      .filter((x): x is { j: Job; id: string } => typeof x.id === 'string' && !!x.j.id);
    const metas = await ledger.metaOf(withIds.map((x) => x.id));
    for (const [i, { j, id }] of withIds.entries()) {
      if (metas[i]?.jobId === j.id) continue;
      const code = codeOf(j.failedReason);
      let patient: string | null = kind === 'patient' ? id : null;
      if (kind === 'report') {
        try { patient = openReport(j.data as ReportJobData, j.id!, key).patient; } catch { /* unknown */ }
      }
      const line: ErrorLine = { id, patient, error: { code, message: j.failedReason || 'failed' } };
      const outcome = await ledger.record(
        { id, status: 'failed', jobId: j.id!, patient, attempts: j.attemptsMade, finishedAt: new Date(j.finishedOn ?? Date.now()).toISOString(), line },
        code,
      );
      if (outcome === 'written') added++;
    }
    if (jobs.length < page) break;
  }
  return added;
}
