// One summary of a set of request times, for every benchmark.

export type Latency = { median: number; p95: number; p99: number; max: number; runs: number };

export function summarise(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { median: at(50), p95: at(95), p99: at(99), max: sorted.at(-1)!, runs: sorted.length };
}
