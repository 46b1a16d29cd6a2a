#!/usr/bin/env node
// npm run bench [-- --quick] [--skip-queue] [--reports N] [--memory N] [--queue-reports N] [--queue-warm N] [--seed N]
// Builds a corpus of realistic reports (every type, both languages; scripts/bench-corpus.mjs,
// from samples/ and variations of them, never ../shared), then prints in one run: embedded
// extract throughput with 1 thread and with all cores, peak memory at 10k and at the end of a
// long run, time per pipeline stage, and queue mode on a private redis-server beside a BullMQ
// worker that does nothing (scripts/bench-queue.mjs). No report text is printed.
import { availableParallelism, cpus } from 'node:os';
import { generateReports } from './bench-corpus.mjs';
import { HEAP_FIRST_MARK, judgeTargets, targetLines } from './bench-targets.mjs';
import { scriptArgs } from './script-args.mjs';

const USAGE = `usage: npm run bench [-- options]

Builds a corpus of generated reports (every type, both languages) and prints embedded
extract throughput (1 thread, all cores), memory over a long run, time per pipeline stage,
and queue mode beside a do-nothing BullMQ worker on a private redis-server.

options:
  --quick                 a short run (2,000 reports, 20,000 for memory, 1,000 queue jobs)
  --skip-queue            leave out queue mode (no redis-server needed)
  --reports N             reports in the throughput runs (default 10000)
  --memory N              reports in the long streamed run (default 100000)
  --queue-reports N       jobs through the queue (default 5000)
  --queue-warm N          jobs through each queue worker before its measured run (default
                          10000, 2000 with --quick: a worker's threads warm for ~5,000 reports each)
  --latency-samples N     single reports timed through the queue (default 200)
  --seed N                corpus seed, a positive whole number (default 7)
  -h, --help              this text

environment: BENCH_CPU_PROF=DIR (CPU profiles of the queue's worker processes go there),
BENCH_NODE_FLAGS (node flags for those processes).`;

const { values } = scriptArgs('bench', USAGE, {
  quick: { type: 'boolean', default: false },
  'skip-queue': { type: 'boolean', default: false },
  reports: { type: 'string' },
  memory: { type: 'string' },
  'queue-reports': { type: 'string' },
  'queue-warm': { type: 'string' },
  'latency-samples': { type: 'string' },
  seed: { type: 'string', default: '7' },
  'noop-worker': { type: 'boolean', default: false },
}, { counts: ['reports', 'memory', 'queue-reports', 'queue-warm', 'latency-samples', 'seed'] });

async function main() {
  const quick = values.quick;
  const N = Number(values.reports ?? (quick ? 2000 : 10_000));
  const MEM = Number(values.memory ?? (quick ? 20_000 : 100_000));
  const seed = Number(values.seed);
  const cores = availableParallelism();
  const { processReportSafe } = await import('../dist/src/pipeline/process.js');
  const { runBulkJson } = await import('../dist/src/bulk/run-bulk.js');

  console.log(`myelex bench: node ${process.version}, ${cores} cores (${cpus()[0]?.model.trim() ?? '?'}), ${quick ? 'quick' : 'full'} run`);
  const corpus = summarize(N, seed);
  console.log(`corpus: ${N} reports (${corpus.kinds} kinds: mri, enmg, csf, lab, note x en, ru), ${(corpus.bytes / N).toFixed(0)} B mean, ${corpus.min}-${corpus.max} B, ${(corpus.bytes / 1e6).toFixed(1)} MB`);

  // Warm-up in this thread: lexicons compiled, code optimized (the 1-thread run measures warm
  // reports, as a backlog of thousands runs). V8 goes on optimizing for the first few thousand
  // reports of a process; that start is measured and printed on its own.
  const WARM = quick ? 1000 : 3000;
  const warmReports = Array.from(generateReports(WARM, seed + 1));
  const warm0 = performance.now();
  for (const r of warmReports) JSON.stringify(processReportSafe(r));
  const warmSeconds = (performance.now() - warm0) / 1000;

  // The throughput runs read JSON lines built beforehand (as extract reads a .jsonl file), so
  // building the corpus is not measured; the long memory run builds its reports as it goes.
  const jsonl = Array.from(generateReports(N, seed), (r) => JSON.stringify(r));
  console.log('\n== embedded extract (runBulkJson over JSON lines: the JSON-lines text extract writes, not kept)');
  console.log(`  cold start: the first ${WARM} reports of this process (lexicons loaded and code optimized on the way) at ${(WARM / warmSeconds).toFixed(0)} reports/s`);
  const one = await throughput(runBulkJson, jsonl, 1);
  print('1 thread', one, N, corpus.bytes);
  const all = await throughput(runBulkJson, jsonl, cores);
  print(`${cores} threads`, all, N, corpus.bytes);
  const perCore = N / one.seconds;
  console.log(`  per core (1 thread): ${perCore.toFixed(0)} reports/s; all cores: ${(N / all.seconds / cores).toFixed(0)} reports/s per core`);

  console.log(`\n== memory over a long run (${MEM} reports, ${cores} threads, streamed)`);
  const mem = await memoryRun(runBulkJson, MEM, seed + 2, cores);
  if (MEM >= HEAP_FIRST_MARK) console.log(`  at ${HEAP_FIRST_MARK} reports: peak RSS ${mb(mem.at10k.rss)} MB, heap ${mb(mem.at10k.heap)} MB`);
  console.log(`  at ${MEM} reports: peak RSS ${mb(mem.end.rss)} MB, heap ${mb(mem.end.heap)} MB (${(MEM / mem.seconds).toFixed(0)} reports/s)`);
  // Peak RSS and heap move with V8's heap sizing (and the threads' heaps are not in heapUsed);
  // what a run keeps alive is the heap after a full collection, measured in this thread.
  let live = [];
  if (typeof globalThis.gc === 'function') {
    live = liveHeap(processReportSafe, MEM, seed + 2);
    console.log(`  live heap after a full GC (1 thread, same ${MEM} reports): ${live.map(([n, h]) => `${(h / 1e6).toFixed(1)} MB at ${n}`).join(', ')}`);
  } else console.log('  (live heap: run node with --expose-gc, as npm run bench does)');

  console.log('\n== time per pipeline stage (1 thread, warm; ms per report)');
  stages(processReportSafe, quick ? 1000 : 3000, seed + 3);

  let queue;
  if (!values['skip-queue']) {
    const { queueBench } = await import('./bench-queue.mjs');
    queue = await queueBench({
      reports: Number(values['queue-reports'] ?? (quick ? 1000 : 5000)),
      latencySamples: Number(values['latency-samples'] ?? (quick ? 50 : 200)),
      seed: seed + 4,
      cores,
      warm: Number(values['queue-warm'] ?? (quick ? 2000 : 10_000)),
    });
  }

  console.log('\n== the speed targets (BENCHMARKS.md), judged on this run and this machine');
  const heapFirst = live.find(([n]) => n === HEAP_FIRST_MARK);
  const heapEnd = live.at(-1);
  for (const line of targetLines(judgeTargets({
    perCore,
    heapAt10k: heapFirst?.[1],
    heapAtEnd: heapEnd?.[1],
    heapEndAt: heapEnd?.[0],
    queueRatio: queue?.ratio,
  }))) console.log(line);
}

function summarize(n, seed) {
  let bytes = 0;
  let min = Infinity;
  let max = 0;
  for (const r of generateReports(n, seed)) {
    const b = Buffer.byteLength(r.text);
    bytes += b;
    min = Math.min(min, b);
    max = Math.max(max, b);
  }
  return { bytes, min, max, kinds: 10 };
}

async function* items(n, seed) {
  for (const input of generateReports(n, seed)) yield { kind: 'report', input, source: 'bench' };
}

async function* parsed(jsonl) {
  for (const line of jsonl) yield { kind: 'report', input: JSON.parse(line), source: 'bench' };
}

class Peak {
  constructor() {
    this.rss = 0;
    this.heap = 0;
  }
  sample() {
    const m = process.memoryUsage();
    this.rss = Math.max(this.rss, m.rss);
    this.heap = Math.max(this.heap, m.heapUsed);
  }
}

async function throughput(runBulkJson, jsonl, threads) {
  const peak = new Peak();
  let out = 0;
  let errors = 0;
  const t0 = performance.now();
  let i = 0;
  const cpu0 = process.cpuUsage();
  for await (const line of runBulkJson(parsed(jsonl), { threads })) {
    // As extract writes a jsonl line: a thread's JSON text as it came, neither parsed nor serialized again.
    out += line.json.length + 1;
    if (line.error) errors++;
    if (++i % 500 === 0) peak.sample();
  }
  peak.sample();
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, out, errors, peak };
}

function print(label, r, n, bytes) {
  console.log(
    `  ${label.padEnd(10)} ${(n / r.seconds).toFixed(0).padStart(6)} reports/s  ${(bytes / 1e6 / r.seconds).toFixed(2).padStart(6)} MB/s in` +
      `  (${n} in ${r.seconds.toFixed(1)} s, ${r.errors} errors, peak RSS ${mb(r.peak.rss)} MB, heap ${mb(r.peak.heap)} MB)`,
  );
  // CPU time of the whole process (all threads, thread start-up included): what a core does
  // per second of its own time, whatever else the machine is running.
  console.log(`  ${''.padEnd(10)} ${(n / r.cpuSeconds).toFixed(0).padStart(6)} reports per CPU-second  (${r.cpuSeconds.toFixed(1)} CPU-s, ${((r.cpuSeconds / r.seconds) * 100).toFixed(0)}% of a core on average)`);
}

async function memoryRun(runBulkJson, n, seed, threads) {
  const peak = new Peak();
  let at10k = null;
  const timer = setInterval(() => peak.sample(), 200);
  const t0 = performance.now();
  let i = 0;
  // The lines are dropped as they come, as extract writes and forgets them.
  for await (const _line of runBulkJson(items(n, seed), { threads })) {
    if (++i % 1000 === 0) peak.sample();
    if (i === HEAP_FIRST_MARK) at10k = { rss: peak.rss, heap: peak.heap };
  }
  clearInterval(timer);
  peak.sample();
  return { at10k: at10k ?? { rss: peak.rss, heap: peak.heap }, end: { rss: peak.rss, heap: peak.heap }, seconds: (performance.now() - t0) / 1000 };
}

function liveHeap(processReportSafe, n, seed) {
  const marks = [];
  let i = 0;
  for (const r of generateReports(n, seed)) {
    JSON.stringify(processReportSafe(r));
    if (++i === HEAP_FIRST_MARK || i === n) {
      globalThis.gc();
      marks.push([i, process.memoryUsage().heapUsed]);
    }
  }
  return marks;
}

function stages(processReportSafe, n, seed) {
  const timings = {};
  const t0 = performance.now();
  for (const r of generateReports(n, seed)) processReportSafe(r, { timings });
  const wall = performance.now() - t0;
  const measured = Object.values(timings).reduce((a, b) => a + b, 0);
  const order = ['normalize', 'detect', 'sections', 'context'];
  const keys = [...order.filter((k) => k in timings), ...Object.keys(timings).filter((k) => !order.includes(k)).sort((a, b) => timings[b] - timings[a])];
  const names = { normalize: 'normalize', detect: 'language + type detection', sections: 'sections + sentences', context: 'assertion (ConText)', assemble: 'assemble record' };
  for (const k of keys) {
    const label = names[k] ?? `extractors ${k.slice('extract:'.length)}`;
    console.log(`  ${label.padEnd(28)} ${(timings[k] / n).toFixed(3).padStart(7)} ms  ${((timings[k] / measured) * 100).toFixed(1).padStart(5)}%`);
  }
  console.log(`  ${'total (wall, with the hook)'.padEnd(28)} ${(wall / n).toFixed(3).padStart(7)} ms  (input validation and the rest: ${((wall - measured) / n).toFixed(3)} ms)`);
}

const mb = (b) => (b / 1e6).toFixed(0);

if (values['noop-worker']) {
  const { runNoopWorker } = await import('./bench-queue.mjs');
  await runNoopWorker();
} else {
  await main();
}
