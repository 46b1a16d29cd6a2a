// CPU time of other processes, per thread, from Linux's /proc (utime + stime of each task).
// The queue bench uses it to show where a job's CPU goes: the enqueueing process, the worker's
// main thread, its other threads, redis-server. Elsewhere (no /proc) it returns null and the
// bench prints no split.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on every Linux that Node supports

/** Thread CPU of each pid: { pid: { tid: ms } }, or null without /proc. */
export function threadCpu(pids) {
  try {
    return Object.fromEntries(pids.map((pid) => [pid, Object.fromEntries(readdirSync(`/proc/${pid}/task`).map((tid) => {
      // fields after the command name (which may hold spaces), counted from the state field
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ').pop().split(' ');
      return [tid, (Number(fields[11]) + Number(fields[12])) * TICK_MS];
    }))]));
  } catch {
    return null;
  }
}

/**
 * CPU ms between two snapshots of one process: its main thread (tid = pid) and all its other
 * threads together (worker threads, GC and compiler helpers, libuv's pool).
 */
export function cpuBetween(before, after, pid) {
  const a = before?.[pid];
  const b = after?.[pid];
  if (!a || !b) return null;
  let main = 0;
  let others = 0;
  for (const [tid, ms] of Object.entries(b)) {
    const spent = ms - (a[tid] ?? 0);
    if (tid === String(pid)) main += spent;
    else others += spent;
  }
  return { main, others };
}
