// Small timing helpers shared by the benchmark scripts.

export interface Timing {
  readonly minMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly runs: number;
}

const percentile = (sorted: ReadonlyArray<number>, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;

/**
 * Runs `work` unmeasured for at least `warmupMs` (and 10 runs), so that every function has reached
 * V8's optimising tier, then `runs` times measured.
 */
export const measure = (work: () => unknown, runs = 30, warmupMs = 3000): Timing => {
  const warmupEnd = performance.now() + warmupMs;
  for (let index = 0; index < 10 || performance.now() < warmupEnd; index++) work();
  const times: Array<number> = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    minMs: times[0] as number,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    runs,
  };
};

export const ms = (value: number): string => `${value.toFixed(2)} ms`;
