import { parentPort } from 'node:worker_threads';
import { processReportSafe } from '../pipeline/process.js';
import { isErrorLine } from '../schema/output.js';
import type { ThreadBatch, ThreadTask } from './run-bulk.js';

/**
 * A bulk worker thread: batches of raw reports in, output lines out as JSON text, same order.
 * JSON text, not objects: structured cloning an output line (serialize here, deserialize in
 * the main thread) cost about four times as much as JSON, and the main thread writes JSON
 * lines anyway (see `serializedLine` and `runBulkJson`).
 */
parentPort!.on('message', (msg: ThreadTask) => {
  const lines = msg.raws.map((raw) => processReportSafe(raw));
  // Which lines are errors goes along, so a JSON-lines writer need not parse the texts.
  parentPort!.postMessage({ seq: msg.seq, lines: lines.map((line) => JSON.stringify(line)), errors: lines.map(isErrorLine) } satisfies ThreadBatch);
});
