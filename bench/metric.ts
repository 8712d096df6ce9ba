/** A bench figure and the arithmetic of repeated runs. */

export interface Metric {
  name: string;
  value: number;
  unit: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Three significant decimals: enough to compare runs, few enough to read. */
export const round = (n: number) => Math.round(n * 1000) / 1000;

export function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
