// The targets of the benchmark issue, judged on one run's figures, so that a run says itself
// whether it met them on the machine it ran on (the figures move with the host: BENCHMARKS.md).

/** Reports per second on one warm thread that count as "2,000 per core". */
export const PER_CORE_TARGET = 2000;
/** Where the bench takes its first memory mark: the long run's heap is compared with it. */
export const HEAP_FIRST_MARK = 10_000;
/** The live heap may grow this much from 10,000 reports to the end of the long run and still be flat. */
export const HEAP_GROWTH_ALLOWED = 0.1;
/** The queue's share of the do-nothing worker's rate asked for. */
export const QUEUE_RATIO_TARGET = 0.5;

/**
 * One verdict per target: { target, figure, met } with met null where the run did not measure
 * it (a --skip-queue run, a run without --expose-gc or shorter than 10,000 reports).
 * figures: { perCore, heapAt10k, heapAtEnd, heapEndAt, queueRatio } (numbers or undefined).
 */
export function judgeTargets({ perCore, heapAt10k, heapAtEnd, heapEndAt, queueRatio }) {
  // Rounded down: a figure just short of a threshold never prints as the threshold itself.
  const n = (x) => Math.floor(x).toLocaleString('en-US');
  const heapMeasured = heapAt10k !== undefined && heapAtEnd !== undefined && heapEndAt !== undefined && heapEndAt > HEAP_FIRST_MARK;
  return [
    {
      target: `${n(PER_CORE_TARGET)} reports/s per core (1 thread, warm)`,
      figure: perCore === undefined ? 'not measured' : `${n(perCore)} reports/s`,
      met: perCore === undefined ? null : perCore >= PER_CORE_TARGET,
    },
    {
      target: `live heap flat from ${n(HEAP_FIRST_MARK)} to the end of the long run (grows < ${HEAP_GROWTH_ALLOWED * 100} %)`,
      figure: heapMeasured ? `${(heapAt10k / 1e6).toFixed(1)} -> ${(heapAtEnd / 1e6).toFixed(1)} MB at ${n(heapEndAt)}` : 'not measured',
      met: heapMeasured ? heapAtEnd <= heapAt10k * (1 + HEAP_GROWTH_ALLOWED) : null,
    },
    {
      target: `queue at least ${QUEUE_RATIO_TARGET} of the do-nothing worker (same concurrency)`,
      figure: queueRatio === undefined ? 'not measured' : queueRatio.toFixed(2),
      met: queueRatio === undefined ? null : queueRatio >= QUEUE_RATIO_TARGET,
    },
  ];
}

/** The verdicts as the bench prints them. */
export function targetLines(verdicts) {
  return verdicts.map(({ target, figure, met }) => `  ${(met === null ? '-' : met ? 'met' : 'NOT met').padEnd(8)} ${target}: ${figure}`);
}
