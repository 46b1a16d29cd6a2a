import { parentPort } from 'node:worker_threads';
import { processReportSafe } from '../pipeline/process.js';

/**
 * A bulk worker thread: batches of raw reports in, output lines out as JSON text, same order.
 * JSON text, not objects: structured cloning an output line (serialize here, deserialize in
 * the main thread) cost about four times as much as JSON, and the main thread writes JSON
 * lines anyway (see `serializedLine`).
 */
parentPort!.on('message', (msg: { seq: number; raws: unknown[] }) => {
  parentPort!.postMessage({ seq: msg.seq, lines: msg.raws.map((raw) => JSON.stringify(processReportSafe(raw))) });
});
