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

type Payload = { kind: 'report'; raw: unknown } | { kind: 'patient'; patient: string; lines: OutputLine[] };

interface Pending {
  payload: Payload;
  timeoutMs: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  thread: Worker;
  ready: Promise<void>;
  busy: { seq: number; task: Pending; timer: NodeJS.Timeout } | null;
  isReady: boolean;
  everReady: boolean;
}

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
      busy: null,
      isReady: false,
      everReady: false,
      ready: new Promise<void>((res, rej) => { markReady = res; failReady = rej; }),
    };
    slot.ready.catch(() => {});
    thread.on('message', (m: { ready?: true; seq?: number; ok?: boolean; json?: string; error?: { name: string; code: string | null; message: string } }) => {
      if (m.ready) { slot.isReady = true; slot.everReady = true; this.startupFailures = 0; markReady(); this.pump(); return; }
      const b = slot.busy;
      if (!b || b.seq !== m.seq) return;
      clearTimeout(b.timer);
      slot.busy = null;
      if (m.ok) b.task.resolve(m.json === undefined ? undefined : JSON.parse(m.json));
      else b.task.reject(new TaskError(m.error?.name ?? 'Error', m.error?.code ?? null, m.error?.message ?? ''));
      this.pump();
    });
    const lost = (why: string) => {
      if (!slot.everReady && !this.closed) this.startupFailures++;
      slot.isReady = false;
      failReady(new ThreadLostError(why));
      const b = slot.busy;
      slot.busy = null;
      if (b) { clearTimeout(b.timer); b.task.reject(new ThreadLostError(why)); }
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

  run(payload: Payload, timeoutMs: number): Promise<unknown> {
    if (this.closed) return Promise.reject(new ThreadLostError('the pool is closed'));
    if (this.broken) return Promise.reject(new ThreadLostError('the worker threads cannot start'));
    return new Promise((resolve, reject) => {
      this.queue.push({ payload, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  runReport(raw: unknown, timeoutMs: number): Promise<OutputLine> {
    return this.run({ kind: 'report', raw }, timeoutMs) as Promise<OutputLine>;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.isReady || slot.busy) continue;
      const task = this.queue.shift()!;
      const seq = ++this.seq;
      const timer = setTimeout(() => {
        if (slot.busy?.seq !== seq) return;
        slot.busy = null;
        slot.isReady = false;
        task.reject(new TaskTimeoutError(`the report took longer than ${task.timeoutMs} ms`));
        // terminate() fires 'exit', which replaces the slot; the busy marker is already cleared
        void slot.thread.terminate();
      }, task.timeoutMs);
      slot.busy = { seq, task, timer };
      slot.thread.postMessage({ seq, ...task.payload });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new ThreadLostError('the pool is closed'));
    await Promise.all(this.slots.map((s) => s.thread.terminate()));
    this.slots = [];
  }
}
