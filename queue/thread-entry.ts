/**
 * Worker-thread entry: runs the CPU-bound per-report function off the main event loop, so the
 * BullMQ worker keeps renewing its locks, and so a report past the time limit can be stopped
 * by terminating this thread. Must be plain JS at runtime (dist/queue/thread-entry.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OutputLine } from './core.js';

interface Api {
  processReportSafe(raw: unknown): OutputLine;
  classifyPatient(patient: string, lines: readonly OutputLine[]): unknown;
}

const wd = (workerData ?? {}) as { processorModule?: string };
// The processor module is the queue's own binding to src/index.ts; tests may substitute a wrapper.
const api = (await import(wd.processorModule ?? new URL('./core.js', import.meta.url).href)) as Api;

export type ThreadTask =
  | { seq: number; kind: 'report'; raw: unknown }
  | { seq: number; kind: 'patient'; patient: string; lines: OutputLine[] };

parentPort!.on('message', (task: ThreadTask) => {
  try {
    const value = task.kind === 'report' ? api.processReportSafe(task.raw) : api.classifyPatient(task.patient, task.lines);
    parentPort!.postMessage({ seq: task.seq, ok: true, value });
  } catch (e) {
    // The message may quote the text: it goes only into the (sealed) result, never into logs.
    const err = e as { name?: string; code?: string; message?: string };
    parentPort!.postMessage({ seq: task.seq, ok: false, error: { name: err?.name ?? 'Error', code: err?.code ?? null, message: String(err?.message ?? e) } });
  }
});
parentPort!.postMessage({ ready: true });
