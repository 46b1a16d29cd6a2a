// Queue mode of `npm run bench`: a private redis-server on a free port (never the shared
// 6379), the same jobs through `myelex enqueue`'s code path and either `myelex worker` (a
// separate process, default concurrency) or a BullMQ Worker that does nothing (also a separate
// process, at the BullMQ concurrency of the myelex report worker, and again at one job per
// pipeline thread as the bench ran it until its thirteenth session); then the latency of
// single reports at low load.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { generateReports } from './bench-corpus.mjs';
import { cpuBetween, threadCpu } from './proc-cpu.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PREFIX = '{myelex}';
// Both workers run queueBench's `warm` jobs (bench --queue-warm) before the measured run, so
// they are measured as a long-running worker on a backlog runs. A fresh worker's pipeline
// threads take about 5,000 reports each to reach full speed (V8 optimizes the hot code as they
// go: 1,000 reports at a time, a thread's first ten took 2.7, 1.3, 0.9, 0.8, 0.8, 0.7, 0.6,
// 0.5, 0.5, 0.5 ms per report here); 500 jobs of warm-up measured a worker still warming (pool
// 1,500 reports/s, 2,900 once warm).

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
    pid: proc.pid,
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
    connection, prefix: PREFIX, concurrency: Number(process.env.BENCH_NOOP_CONCURRENCY),
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

/**
 * Reports per second from the first enqueue to the last completion, the worker already warm;
 * and the CPU each process spent in that time (where /proc exists).
 */
async function oneRun(kind, redis, n, warmJobs, seed, cores, enqueue, loadConfig, noopConcurrency) {
  const { url } = redis;
  const name = kind === 'noop' ? `bench-noop${noopConcurrency}` : `bench-${kind}`;
  const env = { REDIS_URL: url, MYELEX_QUEUE: name, MYELEX_CONCURRENCY: String(cores), MYELEX_LOG_LEVEL: 'warn',
    ...(kind === 'noop' ? { BENCH_NOOP_CONCURRENCY: String(noopConcurrency) } : {}) };
  const cfg = loadConfig({}, { ...process.env, ...env });
  const worker = spawnWorker(kind, env);
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection, prefix: PREFIX });
  const warm = [...generateReports(warmJobs, seed + 100)].map((r) => ({ ...r, id: `warm-${r.id}` }));
  if (kind === 'noop') await worker.ready;
  const w0 = performance.now();
  await enqueue(cfg, items(warm));
  await waitDone(queue);
  const warmSeconds = (performance.now() - w0) / 1000;
  const reports = [...generateReports(n, seed)];
  const pids = [worker.proc.pid, redis.pid];
  const cpu0 = threadCpu(pids);
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  await enqueue(cfg, items(reports));
  const counts = await waitDone(queue);
  const seconds = (performance.now() - t0) / 1000;
  const self = process.cpuUsage(self0);
  const cpu1 = threadCpu(pids);
  const workerCpu = cpuBetween(cpu0, cpu1, worker.proc.pid);
  const redisCpu = cpuBetween(cpu0, cpu1, redis.pid);
  const split = workerCpu && redisCpu
    ? { enqueue: (self.user + self.system) / 1000, main: workerCpu.main, threads: workerCpu.others, redis: redisCpu.main + redisCpu.others }
    : null;
  return { seconds, rate: n / seconds, warmRate: warm.length / warmSeconds, failed: counts.failed, split, worker, queue, connection, cfg };
}

/** CPU per job by process in the measured run, and the rate the machine's cores would allow. */
function printSplit(run, n, cores) {
  if (!run.split) return;
  const { enqueue, main, threads, redis } = run.split;
  const per = (ms) => (ms / n).toFixed(3);
  const total = enqueue + main + threads + redis;
  console.log(`    CPU ms per job: enqueue (this process) ${per(enqueue)}, worker main thread ${per(main)}, its other threads ${per(threads)}, redis-server ${per(redis)}; ` +
    `${per(total)} in all, ${(total / 1000 / run.seconds).toFixed(2)} of ${cores} cores busy (at most ${((cores * 1000 * n) / total).toFixed(0)} reports/s at this cost)`);
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
async function poolOnly(n, warmJobs, seed, cores) {
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
    await run([...generateReports(warmJobs, seed + 100)]);
    const seconds = await run([...generateReports(n, seed)]);
    return n / seconds;
  } finally {
    await pool.close();
  }
}

/** Stops a run's worker process and closes the bench's own connections to its queue. */
async function stopRun(run) {
  await run.worker.stop();
  await run.queue.close();
  run.connection.disconnect();
}

export async function queueBench({ reports, latencySamples, seed, cores, warm: warmJobs }) {
  const { enqueue, jobOptions } = await import('../dist/queue/enqueue.js');
  const { reportWorkerConcurrency } = await import('../dist/queue/worker.js');
  const { loadConfig } = await import('../dist/queue/config.js');
  const { reportJobId, reportJobData } = await import('../dist/queue/jobs.js');
  console.log(`\n== queue mode (private redis-server, ${reports} reports, concurrency ${cores}, workers in separate processes, each warmed with ${warmJobs} jobs)`);
  const redis = await startRedis();
  try {
    // The do-nothing worker at the myelex report worker's own BullMQ concurrency is the ratio's
    // base: the same Worker settings, so the ratio measures what the myelex work costs. At one
    // job per thread (the bench's base until its thirteenth session) it is slower here, as it
    // waits on more round trips; that ratio is printed beside it for comparison with old runs.
    const noopRun = async (concurrency, label) => {
      const run = await oneRun('noop', redis, reports, warmJobs, seed, cores, enqueue, loadConfig, concurrency);
      await stopRun(run);
      console.log(`  BullMQ worker doing nothing, ${concurrency} jobs at once (${label}): ${run.rate.toFixed(0).padStart(6)} reports/s (${run.seconds.toFixed(1)} s, enqueue included)`);
      printSplit(run, reports, cores);
      return run;
    };
    const same = reportWorkerConcurrency(cores);
    const noop = await noopRun(same, 'the same concurrency as myelex');
    const noopLow = await noopRun(cores, 'one job per thread');
    const real = await oneRun('myelex', redis, reports, warmJobs, seed, cores, enqueue, loadConfig);
    console.log(`  myelex worker (${same} jobs at once): ${real.rate.toFixed(0).padStart(6)} reports/s (${real.seconds.toFixed(1)} s, ${real.failed} failed)`);
    printSplit(real, reports, cores);
    console.log(`    (a fresh myelex worker, from its process start to its ${warmJobs}th job of warm-up: ${real.warmRate.toFixed(0)} reports/s)`);
    console.log(`  ratio myelex / do-nothing at the same concurrency: ${(real.rate / noop.rate).toFixed(2)}` +
      ` (against the do-nothing worker at ${cores} jobs at once, the base until the thirteenth session: ${(real.rate / noopLow.rate).toFixed(2)})`);
    const pooled = await poolOnly(reports, warmJobs, seed, cores);
    console.log(`  the same thread pool without Redis: ${pooled.toFixed(0)} reports/s (its pipeline threads with no Redis work beside them: what the worker would do if the queue cost nothing)`);
    const lat = await latency(real, latencySamples, seed + 1, reportJobId, reportJobData, jobOptions);
    console.log(`  latency of one report at low load (${latencySamples} reports, add -> completed): median ${lat.median.toFixed(1)} ms, p99 ${lat.p99.toFixed(1)} ms, max ${lat.max.toFixed(1)} ms`);
    await stopRun(real);
    return { ratio: real.rate / noop.rate };
  } finally {
    await redis.stop();
  }
}
