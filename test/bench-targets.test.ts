import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { judgeTargets, targetLines } from '../scripts/bench-targets.mjs';

interface Verdict { target: string; figure: string; met: boolean | null }
const metOf = (figures: object) => (judgeTargets(figures) as Verdict[]).map((v) => v.met);

// The bench ends by saying which targets its run met; a wrong comparison would print "met" for
// a figure that is not, so each threshold is checked on both sides of it.
describe('bench: the targets judged on a run', () => {
  const full = { perCore: 2000, heapAt10k: 45e6, heapAtEnd: 45e6, heapEndAt: 100_000, queueRatio: 0.5 };

  it('meets each target at its threshold and not below it', () => {
    expect(metOf(full)).toEqual([true, true, true]);
    expect(metOf({ ...full, perCore: 1999.6 })).toEqual([false, true, true]);
    // just short of the threshold, it does not print as the threshold
    expect((judgeTargets({ perCore: 1999.6 }) as Verdict[])[0]!.figure).toBe('1,999 reports/s');
    expect(metOf({ ...full, heapAtEnd: 45e6 * 1.1 })).toEqual([true, true, true]);
    expect(metOf({ ...full, heapAtEnd: 45e6 * 1.11 })).toEqual([true, false, true]);
    expect(metOf({ ...full, queueRatio: 0.27 })).toEqual([true, true, false]);
  });

  it('says "not measured" where the run left a figure out', () => {
    const v = judgeTargets({ perCore: 1311 }) as Verdict[];
    expect(v.map((x) => x.met)).toEqual([false, null, null]);
    expect(v[1]!.figure).toBe('not measured');
    expect(v[2]!.figure).toBe('not measured');
    // a long run of 10,000 reports or fewer has no second heap mark to compare
    expect(metOf({ ...full, heapEndAt: 10_000 })[1]).toBeNull();
  });

  it('prints one line per target with its figure', () => {
    const lines = targetLines(judgeTargets({ ...full, perCore: 1311.2, heapAtEnd: 44.8e6, queueRatio: 0.271 })) as string[];
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ {2}NOT met +2,000 reports\/s per core .*: 1,311 reports\/s$/);
    expect(lines[1]).toMatch(/^ {2}met +live heap flat .*: 45\.0 -> 44\.8 MB at 100,000$/);
    expect(lines[2]).toMatch(/^ {2}NOT met +queue at least 0\.5 .*: 0\.27$/);
  });
});
