// The worker's thread pool (compiled: its threads load dist/queue/thread-entry.js), with the fake
// processor: a text starting "@@spin@@" never finishes. Two tasks are in flight per thread, so a
// task can wait in the port of a thread whose current task runs past its limit.
import { afterEach, describe, expect, test } from 'vitest';
import { TaskTimeoutError, ThreadLostError, ThreadPool } from '../../dist/queue/thread-pool.js';

const fake = new URL('./fixtures/fake-processor.mjs', import.meta.url).href;
const pools: ThreadPool[] = [];
const poolOf = async (size: number) => {
  const pool = new ThreadPool({ size, processorModule: fake });
  pools.push(pool);
  await pool.ready();
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('thread pool', () => {
  test('every task gets its own result, more tasks than threads', async () => {
    const pool = await poolOf(2);
    const ids = Array.from({ length: 60 }, (_, i) => `r${i}`);
    const lines = await Promise.all(ids.map((id) => pool.runReport({ id, text: `text of ${id}` }, 10_000)));
    expect(lines.map((l) => l.id)).toEqual(ids);
  });

  test('a task past its limit fails alone: the tasks sent behind it to the same thread run on its replacement', async () => {
    const pool = await poolOf(1);
    const spin = pool.runReport({ id: 'spin', text: '@@spin@@' }, 400);
    const after = ['a', 'b', 'c'].map((id) => pool.runReport({ id, text: `text ${id}` }, 10_000));
    await expect(spin).rejects.toBeInstanceOf(TaskTimeoutError);
    expect((await Promise.all(after)).map((l) => l.id)).toEqual(['a', 'b', 'c']);
  }, 20_000);

  test('a waiting task gets its full limit once its thread takes it', async () => {
    const pool = await poolOf(1);
    const first = pool.runReport({ id: 'spin1', text: '@@spin@@' }, 500);
    const second = pool.runReport({ id: 'spin2', text: '@@spin@@' }, 500);
    const t0 = Date.now();
    await expect(first).rejects.toBeInstanceOf(TaskTimeoutError);
    await expect(second).rejects.toBeInstanceOf(TaskTimeoutError);
    // the second limit started after the first ended (a new thread had to start, too)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  }, 20_000);

  test('closing fails what is queued or in flight, never leaves a task hanging', async () => {
    const pool = await poolOf(1);
    const tasks = [pool.runReport({ id: 'spin', text: '@@spin@@' }, 60_000), pool.runReport({ id: 'x', text: 'x' }, 60_000), pool.runReport({ id: 'y', text: 'y' }, 60_000)];
    const all = Promise.allSettled(tasks);
    await new Promise((r) => setTimeout(r, 100));
    await pool.close();
    const settled = await all;
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const s of settled) expect((s as PromiseRejectedResult).reason).toBeInstanceOf(ThreadLostError);
  }, 20_000);
});
