// Quality checks before publishing (OECD DGI practice): items without variance, weak item–rest correlation,
// Cronbach's alpha per dimension and the correlation matrix of dimensions.
import type { CompiledFramework } from '../framework/compile.js';
import type { DimensionQuality, ItemQuality, QualityReport } from '../results.js';
import { pearson } from './descriptive.js';

export const MIN_ITEM_REST = 0.1;

function alphaBand(a: number | null): DimensionQuality['alphaBand'] {
  if (a === null) return null;
  return a >= 0.9 ? 'excellent' : a >= 0.8 ? 'good' : a >= 0.7 ? 'acceptable' : a >= 0.6 ? 'questionable' : a >= 0.5 ? 'poor' : 'unacceptable';
}


/**
 * @param values normalised n × m item values (NaN = hidden)
 * @param dims n × D dimension scores on 0–1
 *
 * Shaped for speed without changing a single operation's order: each dimension's item columns are first copied
 * into one column-major block, so the per-item passes (mean, variance, item–rest, alpha) read contiguous memory
 * instead of striding across the n × m matrix, and every work array is allocated once and reused.
 */
export function qualityReport(cf: CompiledFramework, n: number, values: Float64Array, dims: Float64Array): QualityReport {
  const m = cf.items.length;
  const D = cf.dims.length;
  const items: ItemQuality[] = [];
  const dimensions: DimensionQuality[] = [];
  const wt = Float64Array.from(cf.items.map((ci) => ci.weight));
  const rest = new Float64Array(n);
  const sw = new Float64Array(n);
  const swx = new Float64Array(n);
  const complete = new Uint8Array(n);
  const maxCols = Math.max(0, ...cf.dims.map((d) => d.cols.length));
  const block = new Float64Array(n * maxCols);
  for (const d of cf.dims) {
    const cols = Int32Array.from(d.cols);
    const k = cols.length;
    // Weighted sums over the dimension's visible items, to derive each item's "rest" score by subtraction; the
    // same row pass fills the column-major block and marks complete cases (every item visible) for alpha.
    let nc = 0;
    for (let u = 0; u < n; u++) {
      let a = 0;
      let b = 0;
      let ok = 1;
      for (let c = 0; c < k; c++) {
        const j = cols[c]!;
        const x = values[u * m + j]!;
        block[c * n + u] = x;
        if (x === x) {
          a += wt[j]!;
          b += wt[j]! * x;
        } else ok = 0;
      }
      sw[u] = a;
      swx[u] = b;
      complete[u] = ok;
      nc += ok;
    }
    for (let c = 0; c < k; c++) {
      const ci = cf.items[cols[c]!]!;
      const col = block.subarray(c * n, (c + 1) * n);
      let cnt = 0;
      let sum = 0;
      for (let u = 0; u < n; u++) {
        const x = col[u]!;
        if (x === x) {
          cnt++;
          sum += x;
          const rw = sw[u]! - ci.weight;
          rest[u] = rw > 0 ? (swx[u]! - ci.weight * x) / rw : NaN;
        } else rest[u] = NaN;
      }
      const mean = cnt ? sum / cnt : null;
      let ss = 0;
      for (let u = 0; u < n; u++) if (col[u] === col[u]) ss += (col[u]! - mean!) ** 2;
      const sd = cnt > 1 ? Math.sqrt(ss / (cnt - 1)) : cnt === 1 ? 0 : null;
      const itemRest = k > 1 ? pearson(col, rest) : null;
      items.push({
        code: ci.code,
        dimension: d.code,
        n: cnt,
        mean,
        sd,
        noVariance: mean !== null && (mean === 0 || mean === 1 || sd === 0),
        itemRest,
        lowItemRest: k > 1 && (itemRest === null || itemRest < MIN_ITEM_REST),
      });
    }
    // Cronbach's alpha on complete cases.
    let alpha: number | null = null;
    if (k >= 2 && nc >= 2) {
      let itemVar = 0;
      for (let c = 0; c < k; c++) {
        let s1 = 0;
        let s2 = 0;
        for (let u = 0; u < n; u++)
          if (complete[u]) {
            const x = block[c * n + u]!;
            s1 += x;
            s2 += x * x;
          }
        itemVar += (s2 - (s1 * s1) / nc) / (nc - 1);
      }
      let t1 = 0;
      let t2 = 0;
      for (let u = 0; u < n; u++)
        if (complete[u]) {
          let tot = 0;
          for (let c = 0; c < k; c++) tot += values[u * m + cols[c]!]!;
          t1 += tot;
          t2 += tot * tot;
        }
      const totVar = (t2 - (t1 * t1) / nc) / (nc - 1);
      if (totVar > 1e-12) alpha = (k / (k - 1)) * (1 - itemVar / totVar);
    }
    dimensions.push({ code: d.code, items: k, nComplete: nc, alpha, alphaBand: alphaBand(alpha) });
  }
  const dcols = cf.dims.map((_, d) => {
    const a = new Float64Array(n);
    for (let u = 0; u < n; u++) a[u] = dims[u * D + d]!;
    return a;
  });
  const matrix = dcols.map((a, i) => dcols.map((b, j) => (i === j ? 1 : pearson(a, b))));
  return { items, dimensions, correlation: { dimensions: cf.dims.map((d) => d.code), matrix } };
}
