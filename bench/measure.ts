/**
 * Side-by-side timing for a shared, noisy machine: the tasks run in interleaved rounds (A, B,
 * C, A, B, C, …) so that a burst of load elsewhere hits every task alike, and each ratio is
 * the median of the per-round ratios. Written here rather than taken from tinybench because
 * tinybench times each task in one block, one after the other, and on a shared 2-core machine
 * that lets the noise land on one side of a ratio only.
 */
import { performance } from 'node:perf_hooks';

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Per-task throughput (median over rounds) and the per-round samples. */
export interface Interleaved {
  /** Median operations per second of each task. */
  opsPerSec: Record<string, number>;
  /** Operations per second of each task in each round. */
  rounds: Record<string, number[]>;
  /** The median over rounds of `task / baseline` within the same round. */
  ratio(task: string, baseline: string): number;
}

/**
 * Times each task in `rounds` interleaved rounds of about `roundMs` each, after a warm-up.
 */
export function interleaved(tasks: Record<string, () => unknown>, options: { rounds?: number; roundMs?: number } = {}): Interleaved {
  const rounds = options.rounds ?? 21;
  const roundMs = options.roundMs ?? 60;
  const names = Object.keys(tasks);
  const batch: Record<string, number> = {};
  for (const name of names) {
    const fn = tasks[name] as () => unknown;
    let n = 1;
    for (;;) {
      const start = performance.now();
      for (let i = 0; i < n; i++) fn();
      const took = performance.now() - start;
      if (took >= roundMs / 4) {
        batch[name] = Math.max(1, Math.round((n * roundMs) / took));
        break;
      }
      n *= 2;
    }
  }
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const fn = tasks[name] as () => unknown;
      const n = batch[name] as number;
      const start = performance.now();
      for (let i = 0; i < n; i++) fn();
      (samples[name] as number[]).push((n * 1000) / (performance.now() - start));
    }
  }
  return {
    opsPerSec: Object.fromEntries(names.map((n) => [n, median(samples[n] as number[])])),
    rounds: samples,
    ratio: (task, baseline) =>
      median((samples[task] as number[]).map((value, i) => value / ((samples[baseline] as number[])[i] as number))),
  };
}
