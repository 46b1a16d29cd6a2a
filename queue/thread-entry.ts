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
    // As JSON text: structured cloning an output line cost several times as much (both ends).
    // A report's error code rides beside it, so the worker can decide without parsing the line.
    const line = value as { error?: { code?: unknown } } | null;
    const code = task.kind === 'report' && line !== null && typeof line === 'object' && 'error' in line ? String(line.error?.code ?? 'E_INTERNAL') : null;
    parentPort!.postMessage({ seq: task.seq, ok: true, json: JSON.stringify(value), code });
  } catch (e) {
    // The message may quote the text: it goes only into the (sealed) result, never into logs.
    const err = e as { name?: string; code?: string; message?: string };
    parentPort!.postMessage({ seq: task.seq, ok: false, error: { name: err?.name ?? 'Error', code: err?.code ?? null, message: String(err?.message ?? e) } });
  }
});
// Warm up before taking tasks: a report's time limit then measures the report, not the first
// loading of lexicons and code (slow on a busy machine; a replacement thread pays it again).
// Synthetic texts of each report type in both languages; nothing is kept or logged.
const WARM_UP = [
  'MRI THORACIC SPINE\nFindings: T2 hyperintense signal in the dorsal columns from T9 to T12. No cord compression.\nImpression: myelopathy.',
  'NERVE CONDUCTION STUDIES\nPeroneal nerve (right): CMAP amplitude 2.1 mV, conduction velocity 44 m/s.\nConclusion: no polyneuropathy.',
  'CEREBROSPINAL FLUID ANALYSIS\nProtein: 0.62 g/L (0.15-0.45)\nCell count: 4 cells/uL\nCytology: no blast cells seen.',
  'LABORATORY REPORT\nVitamin B12: 148 pmol/L (180-900)\nHomocysteine: 31 umol/L (5-15)',
  'HAEMATOLOGY CLINIC NOTE\nB-ALL in remission. Intrathecal methotrexate in January 2024. No spinal radiotherapy.',
  'МРТ грудного отдела позвоночника\nОписание: гиперинтенсивный сигнал в задних канатиках на уровне Th2-Th6. Компрессии нет.\nЗаключение: миелопатия.',
  'Электронейромиография\nN. peroneus справа: амплитуда М-ответа 2,1 мВ, СРВ 44 м/с.\nЗаключение: данных за полинейропатию нет.',
  'Исследование ликвора\nБелок: 0,62 г/л (норма 0,15-0,45)\nЦитоз: 4 клетки в 1 мкл\nБластные клетки не обнаружены.',
  'Биохимическое исследование крови\nВитамин B12: 148 пмоль/л (норма 180-900)\nГомоцистеин: 31 мкмоль/л (норма 5-15)',
  'Консультация невролога\nОстрый лимфобластный лейкоз. Эндолюмбальные введения метотрексата. Лучевая терапия не проводилась.',
];
// Rounds until the code is compiled and optimized (about a second on an idle core): the first
// few hundred reports of a cold thread otherwise run two to three times slower.
const WARM_UP_ROUNDS = 30;
const WARM_UP_MS = 1500;
const warmStart = performance.now();
for (let round = 0; round < WARM_UP_ROUNDS && performance.now() - warmStart < WARM_UP_MS; round++) {
  for (const [i, text] of WARM_UP.entries()) {
    try {
      api.processReportSafe({ id: `warm-up-${i}`, text });
    } catch {
      // a warm-up failure only means the first real report loads what it needs itself
    }
  }
}
parentPort!.postMessage({ ready: true });
