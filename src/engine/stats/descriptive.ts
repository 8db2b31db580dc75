// Descriptive statistics: summaries (n, mean, median, sd, min, max), Pearson correlation, quantiles.
import type { Summary } from '../results.js';

export function summarise(values: readonly (number | null)[]): Summary {
  const xs = values.filter((v): v is number => v !== null && v === v).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return { n: 0, mean: null, median: null, sd: null, min: null, max: null };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const ss = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
  const mid = n >> 1;
  const median = n % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return { n, mean, median, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min: xs[0]!, max: xs[n - 1]! };
}

/** Pearson correlation over pairs where both values exist; null with fewer than 2 pairs or no spread. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== x || y !== y) continue;
    n++;
    sa += x;
    sb += y;
  }
  if (n < 2) return null;
  const ma = sa / n;
  const mb = sb / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== x || y !== y) continue;
    sab += (x - ma) * (y - mb);
    saa += (x - ma) ** 2;
    sbb += (y - mb) ** 2;
  }
  if (saa <= 1e-24 || sbb <= 1e-24) return null;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

/** Quantile of sorted values by linear interpolation (R type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
