/** A fixed pool of worker threads with a hard time limit per task: a task past it kills its thread. */
import { Worker } from 'node:worker_threads';
import type { OutputLine } from './core.js';

export class TaskTimeoutError extends Error {
  override name = 'TaskTimeoutError';
}
/** The thread died (out of memory, a crash) or the pool was closed: worth a retry elsewhere. */
export class ThreadLostError extends Error {
  override name = 'ThreadLostError';
}
/** The task threw inside the thread. `detail` may quote patient text: keep it out of logs. */
export class TaskError extends Error {
  override name = 'TaskError';
  constructor(readonly errorName: string, readonly code: string | null, readonly detail: string) {
    super(`the task threw ${errorName}${code ? ` (${code})` : ''}`);
  }
}

export interface ReportText {
  json: string;
  code: string | null;
}

type Payload = { kind: 'report'; raw: unknown } | { kind: 'patient'; patient: string; lines: OutputLine[] };

interface Pending {
  payload: Payload;
  timeoutMs: number;
  /** Resolve with the result's JSON text (and a report's error code) instead of the parsed value. */
  asText?: boolean;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface InFlight {
  seq: number;
  task: Pending;
  /** Set for the task the thread is running (the first in flight); the others wait in its port. */
  timer: NodeJS.Timeout | null;
}

interface Slot {
  thread: Worker;
  ready: Promise<void>;
  /** Tasks sent to the thread, in the order it runs them. */
  inFlight: InFlight[];
  isReady: boolean;
  everReady: boolean;
}

/**
 * Tasks sent to a thread ahead of the one it runs: the next already waits in the thread's port
 * when a result leaves, so the thread does not idle through the round trip to this thread.
 */
const TASKS_IN_FLIGHT = 2;

export interface PoolOptions {
  size: number;
  /** Module exporting processReportSafe and classifyPatient; default: queue/core.js. */
  processorModule?: string | undefined;
  /** Heap limit per thread, so a runaway text cannot take the whole process down. */
  maxOldGenerationSizeMb?: number | undefined;
}

export class ThreadPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private seq = 0;
  private closed = false;
  private broken = false;
  private startupFailures = 0;
  private readonly entry = new URL('./thread-entry.js', import.meta.url);

  constructor(private readonly opts: PoolOptions) {
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn());
  }

  /** Resolves when every thread has loaded its module (fails if a thread cannot start). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  private spawn(): Slot {
    const thread = new Worker(this.entry, {
      workerData: { processorModule: this.opts.processorModule },
      ...(this.opts.maxOldGenerationSizeMb ? { resourceLimits: { maxOldGenerationSizeMb: this.opts.maxOldGenerationSizeMb } } : {}),
    });
    let markReady!: () => void;
    let failReady!: (e: Error) => void;
    const slot: Slot = {
      thread,
      inFlight: [],
      isReady: false,
      everReady: false,
      ready: new Promise<void>((res, rej) => { markReady = res; failReady = rej; }),
    };
    slot.ready.catch(() => {});
    thread.on('message', (m: { ready?: true; seq?: number; ok?: boolean; json?: string; code?: string | null; error?: { name: string; code: string | null; message: string } }) => {
      if (m.ready) { slot.isReady = true; slot.everReady = true; this.startupFailures = 0; markReady(); this.pump(); return; }
      const b = slot.inFlight[0];
      if (!b || b.seq !== m.seq) return;
      if (b.timer) clearTimeout(b.timer);
      slot.inFlight.shift();
      if (m.ok && b.task.asText) b.task.resolve({ json: m.json ?? 'null', code: m.code ?? null } satisfies ReportText);
      else if (m.ok) b.task.resolve(m.json === undefined ? undefined : JSON.parse(m.json));
      else b.task.reject(new TaskError(m.error?.name ?? 'Error', m.error?.code ?? null, m.error?.message ?? ''));
      this.startHead(slot);
      this.pump();
    });
    const lost = (why: string) => {
      if (!slot.everReady && !this.closed) this.startupFailures++;
      slot.isReady = false;
      failReady(new ThreadLostError(why));
      // The task it ran fails (it may be what killed the thread); those behind it never started: they go back first.
      const [head, ...waiting] = slot.inFlight.splice(0);
      if (head) { if (head.timer) clearTimeout(head.timer); head.task.reject(new ThreadLostError(why)); }
      if (this.closed) for (const w of waiting) w.task.reject(new ThreadLostError('the pool is closed'));
      else this.queue.unshift(...waiting.map((w) => w.task));
      this.replace(slot);
    };
    thread.on('error', (e) => lost(`the worker thread failed: ${e.name}`));
    thread.on('exit', (code) => lost(`the worker thread exited (${code})`));
    return slot;
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    if (this.closed) { this.slots.splice(i, 1); return; }
    if (this.startupFailures >= 3) {
      // the processor module cannot load: fail what waits instead of respawning forever
      this.slots.splice(i, 1);
      for (const t of this.queue.splice(0)) t.reject(new ThreadLostError('the worker threads cannot start'));
      this.broken = true;
      return;
    }
    this.slots[i] = this.spawn();
  }

  run(payload: Payload, timeoutMs: number, asText = false): Promise<unknown> {
    if (this.closed) return Promise.reject(new ThreadLostError('the pool is closed'));
    if (this.broken) return Promise.reject(new ThreadLostError('the worker threads cannot start'));
    return new Promise((resolve, reject) => {
      this.queue.push({ payload, timeoutMs, resolve, reject, asText });
      this.pump();
    });
  }

  runReport(raw: unknown, timeoutMs: number): Promise<OutputLine> {
    return this.run({ kind: 'report', raw }, timeoutMs) as Promise<OutputLine>;
  }

  /** The output line as the thread serialized it, with its error code (null for a record line). */
  runReportText(raw: unknown, timeoutMs: number): Promise<ReportText> {
    return this.run({ kind: 'report', raw }, timeoutMs, true) as Promise<ReportText>;
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (this.queue.length > 0 && slot.isReady && slot.inFlight.length < TASKS_IN_FLIGHT) {
        const task = this.queue.shift()!;
        const seq = ++this.seq;
        slot.inFlight.push({ seq, task, timer: null });
        slot.thread.postMessage({ seq, ...task.payload });
        this.startHead(slot);
      }
      if (this.queue.length === 0) return;
    }
  }

  /**
   * Starts the time limit of the task the thread is now running (the first in flight), once.
   * Its limit starts when the thread took it, as this thread learns of it.
   */
  private startHead(slot: Slot): void {
    const head = slot.inFlight[0];
    if (!head || head.timer) return;
    head.timer = setTimeout(() => {
      if (slot.inFlight[0] !== head) return;
      slot.isReady = false;
      const [, ...waiting] = slot.inFlight.splice(0);
      head.task.reject(new TaskTimeoutError(`the report took longer than ${head.task.timeoutMs} ms`));
      // The tasks behind it never started: another thread takes them. terminate() fires
      // 'exit', which replaces the slot; nothing is in flight on it any more.
      this.queue.unshift(...waiting.map((w) => w.task));
      void slot.thread.terminate();
      this.pump();
    }, head.task.timeoutMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new ThreadLostError('the pool is closed'));
    await Promise.all(this.slots.map((s) => s.thread.terminate()));
    this.slots = [];
  }
}
