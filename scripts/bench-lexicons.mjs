#!/usr/bin/env node
// npm run bench:lexicons [-- --reports N] [--rounds N] [--seed N]
// Lexicon matching alone: records every Matcher.find call the pipeline makes over N generated
// reports (scripts/bench-corpus.mjs), then replays those calls, in order, for several rounds,
// and prints the median matching time per report. Text indexes are rebuilt as in the pipeline
// (the replay moves from report to report), so the figure is what matching costs a report,
// without the extractors around it. No report text is printed.
import { generateReports } from './bench-corpus.mjs';
import { scriptArgs } from './script-args.mjs';

const USAGE = `usage: npm run bench:lexicons [-- --reports N] [--rounds N] [--seed N]

Records every lexicon find call the pipeline makes over N generated reports (default 2000),
replays them for several rounds (default 9) and prints the median matching time per report.`;
const { values } = scriptArgs('bench:lexicons', USAGE, {
  reports: { type: 'string', default: '2000' },
  rounds: { type: 'string', default: '9' },
  seed: { type: 'string', default: '7' },
}, { counts: ['reports', 'rounds', 'seed'] });
const N = Number(values.reports);
const ROUNDS = Number(values.rounds);

const { processReportSafe } = await import('../dist/src/pipeline/process.js');
const { loadLexicons } = await import('../dist/src/lexicon/load.js');

const reports = Array.from(generateReports(N, Number(values.seed)));
// Warm-up: every lexicon the pipeline uses is compiled and its code optimized.
for (const r of reports.slice(0, Math.min(N, 500))) processReportSafe(r);

const calls = [];
const restore = [];
for (const lang of ['en', 'ru']) {
  const set = loadLexicons(lang);
  for (const id of set.ids()) {
    const matcher = set.get(id);
    const find = matcher.find;
    matcher.find = (text, from, to) => {
      calls.push([matcher, find, text, from, to]);
      return find(text, from, to);
    };
    restore.push(() => (matcher.find = find));
  }
}
for (const r of reports) processReportSafe(r);
for (const undo of restore) undo();

const times = [];
let matches = 0;
for (let round = 0; round < ROUNDS; round++) {
  matches = 0;
  const t0 = performance.now();
  for (const [, find, text, from, to] of calls) matches += find(text, from, to).length;
  times.push(((performance.now() - t0) * 1000) / N);
}
times.sort((a, b) => a - b);
const median = times[times.length >> 1];
console.log(`lexicon matching: ${N} reports, ${(calls.length / N).toFixed(1)} matcher calls and ${(matches / N).toFixed(1)} matches per report`);
console.log(`  median of ${ROUNDS} rounds: ${median.toFixed(1)} µs per report (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)})`);
