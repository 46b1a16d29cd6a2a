import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { cpuBetween, threadCpu } from '../scripts/proc-cpu.mjs';

// The queue bench's CPU split per job comes from these two; a wrong field or a thread counted
// on the wrong side would print a plausible but false split.
describe('bench: CPU per thread from /proc', () => {
  it('splits a process into its main thread and the rest', () => {
    const before = { 10: { 10: 100, 11: 50, 12: 0 } };
    const after = { 10: { 10: 130, 11: 90, 12: 20, 13: 5 } };
    expect(cpuBetween(before, after, 10)).toEqual({ main: 30, others: 65 });
    expect(cpuBetween(null, after, 10)).toBeNull();
    expect(cpuBetween(before, after, 99)).toBeNull();
  });

  it.runIf(existsSync('/proc/self/task'))('reads this process: busy work shows on its main thread', () => {
    const pid = process.pid;
    const a = threadCpu([pid]);
    const t0 = process.cpuUsage();
    let x = 0;
    while (process.cpuUsage(t0).user < 120_000) x += Math.sqrt(x + 1);
    const b = threadCpu([pid]);
    expect(x).toBeGreaterThan(0);
    const spent = cpuBetween(a, b, pid);
    // 120 ms of user time on this thread, read in 10 ms ticks
    expect(spent.main).toBeGreaterThanOrEqual(90);
    expect(spent.main).toBeLessThan(2000);
  });

  it('returns null for a process that does not exist', () => {
    expect(threadCpu([2 ** 30])).toBeNull();
  });
});
