// Queue mode of `npm run bench`: a private redis-server on a free port (never the shared
// 6379), the same jobs through `myelex enqueue`'s code path and either `myelex worker` (a
// separate process, default concurrency) or a BullMQ Worker that does nothing (also a separate
// process, same concurrency); then the latency of single reports at low load.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { generateReports } from './bench-corpus.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PREFIX = '{myelex}';
// Jobs through each worker before the measured run, so both are measured warm (a long-running
// worker's steady state); BENCH_WARM=N overrides.
const WARM_JOBS = Number(process.env.BENCH_WARM ?? 500);

function freePort() {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function startRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'myelex-bench-redis-'));
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no',
    '--maxmemory-policy', 'noeviction', '--protected-mode', 'no', '--daemonize', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const c = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    c.on('error', () => {});
    try {
      await c.connect();
      await c.ping();
      c.disconnect();
      break;
    } catch {
      c.disconnect();
      if (Date.now() > deadline || proc.exitCode !== null) throw new Error('bench: redis-server did not start (is it on the PATH?)');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    stop: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The hidden `--noop-worker` mode of bench.mjs: a BullMQ Worker whose processor does nothing. */
export async function runNoopWorker() {
  const connection = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: null });
  const worker = new Worker(process.env.MYELEX_QUEUE, async () => ({ status: 'completed' }), {
    connection, prefix: PREFIX, concurrency: Number(process.env.MYELEX_CONCURRENCY),
  });
  await worker.waitUntilReady();
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => worker.close().then(() => process.exit(0)));
}

function spawnWorker(kind, env) {
  const args = kind === 'noop' ? [join(root, 'scripts/bench.mjs'), '--noop-worker'] : [join(root, 'bin/myelex.js'), 'worker'];
  // BENCH_CPU_PROF=DIR: CPU profiles of the worker processes (and their threads) go there.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const flags = process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(' ') : [];
  const proc = spawn(process.execPath, [...flags, ...prof, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise((res) => proc.stdout.on('data', (d) => { if (String(d).includes('ready')) res(); }));
  return { proc, ready, stop: () => new Promise((r) => { proc.once('exit', r); proc.kill('SIGTERM'); }) };
}

async function* items(reports) {
  for (const input of reports) yield { kind: 'report', input, source: 'bench' };
}

/**
 * Waits until every job enqueued so far has finished. Called after `enqueue` has returned, so
 * nothing left waiting, active or delayed (a retry) means done. Counting the completed set
 * would not do: BullMQ keeps only the last 10,000 completed jobs (removeOnComplete), so a run
 * with more jobs than that, warm-up included, would wait forever. Returns the counts (failed among them).
 */
async function waitDone(queue) {
  for (;;) {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused', 'failed');
    if (c.waiting + c.active + c.delayed + c.prioritized + c.paused === 0) return c;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Reports per second from the first enqueue to the last completion, the worker already warm. */
async function oneRun(kind, url, n, seed, cores, enqueue, loadConfig) {
  const name = `bench-${kind}`;
  const env = { REDIS_URL: url, MYELEX_QUEUE: name, MYELEX_CONCURRENCY: String(cores), MYELEX_LOG_LEVEL: 'warn' };
  const cfg = loadConfig({}, { ...process.env, ...env });
  const worker = spawnWorker(kind, env);
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection, prefix: PREFIX });
  const warm = [...generateReports(WARM_JOBS, seed + 100)].map((r) => ({ ...r, id: `warm-${r.id}` }));
  if (kind === 'noop') await worker.ready;
  await enqueue(cfg, items(warm));
  await waitDone(queue);
  const reports = [...generateReports(n, seed)];
  const t0 = performance.now();
  await enqueue(cfg, items(reports));
  const counts = await waitDone(queue);
  const seconds = (performance.now() - t0) / 1000;
  const out = { seconds, rate: n / seconds, failed: counts.failed, worker, queue, connection, cfg };
  return out;
}

async function latency(run, samples, seed, reportJobId, reportJobData, jobOptions) {
  const events = new QueueEvents(run.cfg.queue, { connection: { url: run.cfg.redisUrl }, prefix: PREFIX });
  await events.waitUntilReady();
  const times = [];
  const opts = jobOptions(run.cfg);
  for (const r of generateReports(samples, seed)) {
    const input = { ...r, id: `lat-${r.id}` };
    const jobId = reportJobId(input.id, input.text);
    const done = new Promise((res) => {
      const on = ({ jobId: id }) => { if (id === jobId) { events.off('completed', on); res(); } };
      events.on('completed', on);
    });
    const t0 = performance.now();
    await run.queue.add('report', reportJobData(input, jobId), { ...opts, jobId });
    await done;
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5));
  }
  await events.close();
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
  return { median: q(0.5), p99: q(0.99), max: times[times.length - 1] };
}

/**
 * The worker's thread pool fed directly (no Redis, no BullMQ), as many reports in hand per
 * thread as the worker keeps: how fast the queue could go if Redis cost nothing.
 */
async function poolOnly(n, seed, cores) {
  const { ThreadPool } = await import('../dist/queue/thread-pool.js');
  const pool = new ThreadPool({ size: cores });
  await pool.ready();
  const run = async (items) => {
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: cores * 2 }, async () => {
      while (next < items.length) await pool.runReport(items[next++], 60_000);
    }));
    return (performance.now() - t0) / 1000;
  };
  try {
    await run([...generateReports(WARM_JOBS, seed + 100)]);
    const seconds = await run([...generateReports(n, seed)]);
    return n / seconds;
  } finally {
    await pool.close();
  }
}

export async function queueBench({ reports, latencySamples, seed, cores }) {
  const { enqueue, jobOptions } = await import('../dist/queue/enqueue.js');
  const { loadConfig } = await import('../dist/queue/config.js');
  const { reportJobId, reportJobData } = await import('../dist/queue/jobs.js');
  console.log(`\n== queue mode (private redis-server, ${reports} reports, concurrency ${cores}, workers in separate processes)`);
  const redis = await startRedis();
  try {
    const noop = await oneRun('noop', redis.url, reports, seed, cores, enqueue, loadConfig);
    await noop.worker.stop();
    await noop.queue.close();
    noop.connection.disconnect();
    console.log(`  BullMQ worker doing nothing: ${noop.rate.toFixed(0).padStart(6)} reports/s (${noop.seconds.toFixed(1)} s, enqueue included)`);
    const real = await oneRun('myelex', redis.url, reports, seed, cores, enqueue, loadConfig);
    console.log(`  myelex worker:               ${real.rate.toFixed(0).padStart(6)} reports/s (${real.seconds.toFixed(1)} s, ${real.failed} failed)`);
    console.log(`  ratio myelex / do-nothing:   ${(real.rate / noop.rate).toFixed(2)}`);
    const pooled = await poolOnly(reports, seed, cores);
    console.log(`  the same thread pool without Redis: ${pooled.toFixed(0)} reports/s (the ceiling of the worker on this machine)`);
    const lat = await latency(real, latencySamples, seed + 1, reportJobId, reportJobData, jobOptions);
    console.log(`  latency of one report at low load (${latencySamples} reports, add -> completed): median ${lat.median.toFixed(1)} ms, p99 ${lat.p99.toFixed(1)} ms, max ${lat.max.toFixed(1)} ms`);
    await real.worker.stop();
    await real.queue.close();
    real.connection.disconnect();
  } finally {
    await redis.stop();
  }
}
