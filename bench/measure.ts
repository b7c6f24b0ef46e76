/** Small timing helpers for the benchmark scripts: medians over repeated runs. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Runs `work` `runs` times and returns each run's milliseconds, after warming up (at least one
 * run, and more until `warmupMs` have passed) so that the JIT has compiled the hot paths.
 */
export function timeRuns(runs: number, work: () => void, warmupMs = 0): number[] {
  const warmupEnd = performance.now() + warmupMs;
  do work();
  while (performance.now() < warmupEnd);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
