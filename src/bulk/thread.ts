import { parentPort } from 'node:worker_threads';
import { processReportSafe } from '../pipeline/process.js';

/** A bulk worker thread: batches of raw reports in, output lines out, same order. */
parentPort!.on('message', (msg: { seq: number; raws: unknown[] }) => {
  parentPort!.postMessage({ seq: msg.seq, lines: msg.raws.map((raw) => processReportSafe(raw)) });
});
