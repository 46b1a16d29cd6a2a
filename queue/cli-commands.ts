/**
 * `myelex worker | enqueue | results | status`. Each returns an exit code: 0 ok, 1 a runtime
 * failure (Redis unreachable, ...), 2 a usage or configuration error. Messages go to stderr,
 * data to stdout.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportOutput, isRegistryFormat, summarizeWarnings, type RegistryFormat } from '../src/export/index.js';
import type { OutputLine } from '../src/schema/output.js';
import type { PatientLine } from '../src/schema/patient.js';
import { ConfigError, hasHashTag, loadConfig, redactUrl, type QueueConfig } from './config.js';
import { readInputs } from './core.js';
import { enqueue } from './enqueue.js';
import { makeLogger } from './log.js';
import { connectFailFast, RedisUnavailableError } from './redis.js';
import { exportTo } from './results.js';
import { formatStatus, getStatus } from './status.js';
import { Ledger } from './store.js';
import { startWorker } from './worker.js';

const ENV_HELP = `
Environment:
  REDIS_URL               redis://[:password@]host:port[/db], or rediss:// for TLS (default redis://127.0.0.1:6379)
  MYELEX_QUEUE_PREFIX     key prefix (default {myelex}: the {hash tag} keeps all keys in one Redis Cluster slot)
  MYELEX_QUEUE            queue name (default reports)
  MYELEX_ENCRYPTION_KEY   32-byte key (64 hex digits or base64): report text is stored AES-256-GCM encrypted
  MYELEX_CONCURRENCY      reports processed in parallel per worker (default: the number of CPUs)
  MYELEX_ATTEMPTS         attempts per job for transient errors (default 5, exponential backoff)
  MYELEX_BACKOFF_MS       first retry delay (default 1000)
  MYELEX_TIMEOUT_MS       hard time limit per report (default 30000)
  MYELEX_LOCK_MS          job lock duration; a dead worker's jobs return to the queue after it (default 30000)
  MYELEX_KEEP_COMPLETED_S / MYELEX_KEEP_FAILED_S   how long finished jobs stay in BullMQ (default 1 h / 7 days);
                          results stay in the ledger until exported
`;

export const WORKER_HELP = `Usage: myelex worker [--concurrency N] [--attempts N] [--timeout-ms N] [--queue NAME]

Runs a BullMQ worker for report jobs (and patient jobs of enqueue --patients) until SIGTERM/SIGINT.
Reports are parsed in worker threads with a hard time limit; on SIGTERM/SIGINT the worker stops taking
jobs and finishes the ones in hand (a second signal stops at once: those jobs return to the queue).
Run as many workers as you like, on as many machines, against the same Redis.
${ENV_HELP}`;

export const ENQUEUE_HELP = `Usage: myelex enqueue INPUT... [--patients] [--queue NAME] [--json]

Reads the same inputs as extract (.txt, .pdf, .jsonl, .json, .csv, directories, - for stdin) and adds one
job per report. The job id derives from the report id and a hash of its text: enqueueing the same input
again adds nothing. A malformed item becomes one job that fails at once with its reason.
  --patients   one flow per patient: its parent job classifies the patient once all its reports are done
  --json       print the summary as JSON on stdout
Fails at once, with exit code 1, when Redis cannot be reached.
${ENV_HELP}`;

export const RESULTS_HELP = `Usage: myelex results [--format jsonl|csv|redcap|fhir|omop] [--out FILE] [--patients] [--purge] [--queue NAME]

Exports the stored results: one line per report (as extract writes it: a record line, or an error line
with its reason), or with --patients one line per patient. In no particular order.
Registry formats (see docs/exports.md) export the report results; --patients adds the patient results:
  redcap   REDCap import CSV (myelex redcap-dictionary writes the data dictionary)
  fhir     FHIR R4: one transaction Bundle per patient per line (NDJSON)
  omop     OMOP NOTE_NLP CSV, one row per finding (the snippet is the finding text: no report text is stored with results)
Error lines are kept (REDCap report_error, FHIR OperationOutcome) or, in OMOP, counted on stderr.
  --out FILE   write to FILE (atomically) instead of stdout
  --purge      delete the exported results from Redis afterwards (the ledger still knows them, so
               enqueueing the same reports again adds nothing)
${ENV_HELP}`;

export const STATUS_HELP = `Usage: myelex status [--json] [--queue NAME]

Shows waiting, active, delayed, completed and failed job counts, the result ledger
(accepted = completed + failed + pending) and the failure reasons.
${ENV_HELP}`;

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];
type Values = Record<string, string | boolean | undefined>;

function parse(argv: string[], options: Options, positionals = false): { values: Values; positionals: string[] } {
  const r = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: positionals, strict: true });
  return { values: r.values as Values, positionals: r.positionals };
}

function fail(e: unknown): number {
  if (e instanceof ConfigError) { process.stderr.write(`myelex: ${e.message}\n`); return 2; }
  if (e instanceof RedisUnavailableError) { process.stderr.write(`myelex: ${e.message}\n`); return 1; }
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof TypeError && /Unknown option|Unexpected argument|argument missing/i.test(msg)) {
    process.stderr.write(`myelex: ${msg}\n`);
    return 2;
  }
  process.stderr.write(`myelex: ${msg}\n`);
  return 1;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export async function runWorkerCommand(argv: string[]): Promise<number> {
  let cfg: QueueConfig;
  try {
    const { values } = parse(argv, {
      concurrency: { type: 'string', short: 'c' }, attempts: { type: 'string' }, 'timeout-ms': { type: 'string' }, queue: { type: 'string' },
    });
    if (values.help) { process.stdout.write(WORKER_HELP); return 0; }
    cfg = loadConfig({ concurrency: str(values.concurrency), attempts: str(values.attempts), timeoutMs: str(values['timeout-ms']), queue: str(values.queue) });
  } catch (e) {
    return fail(e);
  }
  const log = makeLogger();
  if (!hasHashTag(cfg.prefix)) log('warn', 'the key prefix has no {hash tag}: Redis Cluster will reject the queue scripts', { prefix: cfg.prefix });
  log('info', 'connecting', { redis: redactUrl(cfg.redisUrl) });
  let handle: Awaited<ReturnType<typeof startWorker>>;
  try {
    // MYELEX_PROCESSOR_MODULE: a test seam only (a module wrapping processReportSafe).
    handle = await startWorker(cfg, { logger: log, processorModule: process.env.MYELEX_PROCESSOR_MODULE || undefined });
  } catch (e) {
    return fail(e);
  }
  return new Promise<number>((resolve) => {
    let signals = 0;
    const stop = (sig: NodeJS.Signals) => {
      signals++;
      if (signals === 1) {
        log('info', 'shutting down: finishing the jobs in hand', { signal: sig });
        // each job is bounded by the time limit; past it (or on a second signal) stop at once
        const deadline = setTimeout(() => {
          log('warn', 'jobs still in hand after the time limit: stopping now; they return to the queue');
          handle.close(true).then(() => resolve(1), () => resolve(1));
          setTimeout(() => resolve(1), 5000).unref();
        }, cfg.timeoutMs + 10_000);
        deadline.unref();
        handle.close().then(() => resolve(0), () => resolve(1));
      } else {
        log('warn', 'second signal: stopping now; the jobs in hand return to the queue', { signal: sig });
        handle.close(true).then(() => resolve(0), () => resolve(1));
        setTimeout(() => resolve(1), 5000).unref();
      }
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

export async function runEnqueueCommand(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv, { patients: { type: 'boolean' }, queue: { type: 'string' }, json: { type: 'boolean' } }, true);
    if (values.help) { process.stdout.write(ENQUEUE_HELP); return 0; }
    if (positionals.length === 0) { process.stderr.write(`myelex enqueue: no input given\n\n${ENQUEUE_HELP}`); return 2; }
    const cfg = loadConfig({ queue: str(values.queue) });
    const t0 = Date.now();
    // lazy: Redis is checked before any input (or stdin) is read
    const items = { [Symbol.asyncIterator]: () => readInputs(positionals)[Symbol.asyncIterator]() };
    const sum = await enqueue(cfg, items, {
      patients: !!values.patients,
      progress: (m) => process.stderr.write(`myelex enqueue: ${m}\n`),
    });
    for (const r of sum.rejected) process.stderr.write(`myelex enqueue: ${r.source}: ${r.code}: ${r.message} (not enqueued)\n`);
    const ms = Date.now() - t0;
    process.stderr.write(
      `myelex enqueue: read ${sum.read}, added ${sum.added} jobs (${sum.malformed} malformed, failing with their reason), ` +
        `skipped ${sum.skippedDone} already done and ${sum.skippedQueued} already queued` +
        (values.patients ? `; patients: ${sum.patientsAdded} added, ${sum.patientsSkipped} skipped` : '') +
        ` in ${ms} ms\n`,
    );
    if (values.json) process.stdout.write(`${JSON.stringify(sum)}\n`);
    return sum.rejected.length > 0 ? 2 : 0;
  } catch (e) {
    return fail(e);
  }
}

export async function runResultsCommand(argv: string[]): Promise<number> {
  try {
    const { values } = parse(argv, {
      format: { type: 'string', default: 'jsonl' }, out: { type: 'string', short: 'o' }, patients: { type: 'boolean' },
      purge: { type: 'boolean' }, queue: { type: 'string' },
    });
    if (values.help) { process.stdout.write(RESULTS_HELP); return 0; }
    const format = str(values.format) ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'csv' && !isRegistryFormat(format)) {
      process.stderr.write(`myelex results: --format is jsonl, csv, redcap, fhir or omop, not ${format}\n`);
      return 2;
    }
    const cfg = loadConfig({ queue: str(values.queue) });
    if (isRegistryFormat(format)) return await exportRegistry(cfg, format, str(values.out), !!values.patients, !!values.purge);
    const n = await exportTo(cfg, str(values.out), { format, patients: !!values.patients, purge: !!values.purge });
    process.stderr.write(`myelex results: ${n} ${values.patients ? 'patients' : 'reports'} exported${values.purge ? ' and purged from Redis' : ''}\n`);
    return 0;
  } catch (e) {
    return fail(e);
  }
}

/**
 * `results --format redcap|fhir|omop`: reads every stored report result (and, with --patients,
 * every patient result), converts them as extract/classify would, writes atomically, then purges.
 */
async function exportRegistry(cfg: QueueConfig, format: RegistryFormat, file: string | undefined, withPatients: boolean, purge: boolean): Promise<number> {
  const redis = await connectFailFast(cfg, 'myelex-results');
  try {
    const reports = new Ledger(redis, cfg.prefix, cfg.queue, 'report', cfg.encryptionKey);
    const patientLedger = new Ledger(redis, cfg.prefix, cfg.queue, 'patient', cfg.encryptionKey);
    const lines: OutputLine[] = [];
    const reportIds: string[] = [];
    for await (const batch of reports.scanResults()) for (const r of batch) { lines.push(r.line as OutputLine); reportIds.push(r.id); }
    const patients: PatientLine[] = [];
    const patientIds: string[] = [];
    let failedPatients = 0;
    if (withPatients) {
      for await (const batch of patientLedger.scanResults()) {
        for (const r of batch) {
          const l = r.line as Partial<PatientLine>;
          if (Array.isArray(l.differential)) { patients.push(l as PatientLine); patientIds.push(r.id); } else failedPatients++;
        }
      }
    }
    const byId = (a: { id?: string | null }, b: { id?: string | null }) => String(a.id ?? '').localeCompare(String(b.id ?? ''));
    lines.sort(byId);
    patients.sort((a, b) => a.patient.localeCompare(b.patient));
    const { text, warnings } = exportOutput(format, lines, withPatients ? { patients } : {});
    if (!file || file === '-') process.stdout.write(text);
    else {
      const tmp = `${file}.${process.pid}.tmp`;
      try { await writeFile(tmp, text); await rename(tmp, file); } catch (e) { await rm(tmp, { force: true }); throw e; }
    }
    if (purge) { await reports.purge(reportIds); if (withPatients) await patientLedger.purge(patientIds); }
    const notes = [summarizeWarnings(warnings), failedPatients ? `${failedPatients} failed patients not exported nor purged (see myelex status)` : ''].filter(Boolean).join('; ');
    process.stderr.write(
      `myelex results: ${lines.length} reports${withPatients ? ` and ${patients.length} patients` : ''} exported as ${format}` +
        `${purge ? ' and purged from Redis' : ''}${notes ? ` (${notes})` : ''}\n`,
    );
    return 0;
  } finally {
    redis.disconnect();
  }
}

export async function runStatusCommand(argv: string[]): Promise<number> {
  try {
    const { values } = parse(argv, { json: { type: 'boolean' }, queue: { type: 'string' } });
    if (values.help) { process.stdout.write(STATUS_HELP); return 0; }
    const cfg = loadConfig({ queue: str(values.queue) });
    const s = await getStatus(cfg);
    process.stdout.write(values.json ? `${JSON.stringify(s)}\n` : formatStatus(s));
    return 0;
  } catch (e) {
    return fail(e);
  }
}
