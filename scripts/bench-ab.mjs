#!/usr/bin/env node
// npm run bench:ab -- BUILD_A BUILD_B [--rounds N] [--reports N] [--seed N]
// Two builds of the pipeline side by side: each BUILD is a directory holding a compiled
// dist/ (a checkout or `git worktree` after `npx tsc -p tsconfig.build.json`). Each build runs
// in a worker thread of its own, so each has its own heap and collector (in one heap, one
// build's garbage is collected on the other's time), and the two take turns, round by round,
// in both orders, so a slow spell of the host falls on both. Prints the median time per warm
// report of each and the geometric mean of the paired ratios B/A. No report text is printed.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { generateReports } from './bench-corpus.mjs';

const USAGE = `usage: npm run bench:ab -- BUILD_A BUILD_B [--rounds N] [--reports N] [--seed N]

BUILD_A, BUILD_B: directories with a compiled dist/ (npx tsc -p tsconfig.build.json).
  --rounds N    alternating rounds (default 41)
  --reports N   generated reports per round (default 1000)
  --seed N      corpus seed (default 5)`;

if (isMainThread) {
  const { scriptArgs } = await import('./script-args.mjs');
  const { values, positionals } = scriptArgs('bench:ab', USAGE, {
    rounds: { type: 'string', default: '41' },
    reports: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '5' },
  }, { counts: ['rounds', 'reports', 'seed'], positionals: true });
  const [rounds, reports, seed] = [values.rounds, values.reports, values.seed].map(Number);
  const builds = positionals.map((p) => resolve(p));
  const missing = builds.find((b) => !existsSync(resolve(b, 'dist/src/pipeline/process.js')));
  if (builds.length !== 2 || missing) {
    console.error(`bench:ab: ${missing ? `no compiled pipeline in ${missing}/dist` : 'two builds are needed'}\n\n${USAGE}`);
    process.exit(2);
  }
  const start = (build) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { build, reports, seed } });
    w.on('error', (err) => {
      console.error(`bench:ab: ${build}: ${err.message}`);
      process.exit(1);
    });
    return w;
  };
  const threads = builds.map(start);
  const next = (w) => new Promise((res) => w.once('message', res));
  await Promise.all(threads.map(next)); // loaded and warm
  const round = (w) => { const p = next(w); w.postMessage('round'); return p; };
  const times = [[], []];
  for (let i = 0; i < rounds; i++) {
    for (const k of i % 2 ? [0, 1] : [1, 0]) times[k].push(await round(threads[k]));
  }
  await Promise.all(threads.map((w) => w.terminate()));
  const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
  const perReport = (ms) => ((ms * 1000) / reports).toFixed(1);
  const logRatio = times[0].reduce((s, a, i) => s + Math.log(times[1][i] / a), 0) / rounds;
  console.log(`A ${builds[0]}: ${perReport(median(times[0]))} µs per warm report (median of ${rounds} rounds of ${reports})`);
  console.log(`B ${builds[1]}: ${perReport(median(times[1]))} µs`);
  console.log(`B/A: ${Math.exp(logRatio).toFixed(3)} (geometric mean of the paired rounds)`);
} else {
  const { build, reports, seed } = workerData;
  const { processReportSafe } = await import(resolve(build, 'dist/src/pipeline/process.js'));
  const corpus = Array.from(generateReports(reports, seed));
  const run = () => {
    const t0 = performance.now();
    for (const r of corpus) JSON.stringify(processReportSafe(r));
    return performance.now() - t0;
  };
  for (let i = 0; i < 4; i++) run();
  parentPort.on('message', () => parentPort.postMessage(run()));
  parentPort.postMessage('ready');
}
