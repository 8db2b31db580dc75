// Reference: qualityReport as written before its column-major fast path, kept to test that path against.
import type { CompiledFramework } from '../../../src/engine/framework/compile.js';
import type { DimensionQuality, ItemQuality, QualityReport } from '../../../src/engine/results.js';
import { pearson } from '../../../src/engine/stats/descriptive.js';

const MIN_ITEM_REST = 0.1;

function alphaBand(a: number | null): DimensionQuality['alphaBand'] {
  if (a === null) return null;
  return a >= 0.9 ? 'excellent' : a >= 0.8 ? 'good' : a >= 0.7 ? 'acceptable' : a >= 0.6 ? 'questionable' : a >= 0.5 ? 'poor' : 'unacceptable';
}


/**
 * @param values normalised n × m item values (NaN = hidden)
 * @param dims n × D dimension scores on 0–1
 */
export function referenceQualityReport(cf: CompiledFramework, n: number, values: Float64Array, dims: Float64Array): QualityReport {
  const m = cf.items.length;
  const D = cf.dims.length;
  const items: ItemQuality[] = [];
  const dimensions: DimensionQuality[] = [];
  const col = new Float64Array(n);
  const wt = Float64Array.from(cf.items.map((ci) => ci.weight));
  const rest = new Float64Array(n);
  for (const d of cf.dims) {
    // Weighted sums over the dimension's visible items, to derive each item's "rest" score by subtraction.
    const sw = new Float64Array(n);
    const swx = new Float64Array(n);
    for (let u = 0; u < n; u++) {
      let a = 0;
      let b = 0;
      for (const j of d.cols) {
        const x = values[u * m + j]!;
        if (x === x) {
          a += wt[j]!;
          b += wt[j]! * x;
        }
      }
      sw[u] = a;
      swx[u] = b;
    }
    for (const j of d.cols) {
      const ci = cf.items[j]!;
      let cnt = 0;
      let sum = 0;
      for (let u = 0; u < n; u++) {
        const x = values[u * m + j]!;
        col[u] = x;
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
      const itemRest = d.cols.length > 1 ? pearson(col, rest) : null;
      items.push({
        code: ci.code,
        dimension: d.code,
        n: cnt,
        mean,
        sd,
        noVariance: mean !== null && (mean === 0 || mean === 1 || sd === 0),
        itemRest,
        lowItemRest: d.cols.length > 1 && (itemRest === null || itemRest < MIN_ITEM_REST),
      });
    }
    // Cronbach's alpha on complete cases.
    const k = d.cols.length;
    const complete = new Uint8Array(n);
    let nc = 0;
    for (let u = 0; u < n; u++) {
      let ok = 1;
      for (const j of d.cols) if (values[u * m + j] !== values[u * m + j]) { ok = 0; break; }
      complete[u] = ok;
      nc += ok;
    }
    let alpha: number | null = null;
    if (k >= 2 && nc >= 2) {
      let itemVar = 0;
      for (const j of d.cols) {
        let s1 = 0;
        let s2 = 0;
        for (let u = 0; u < n; u++) if (complete[u]) { const x = values[u * m + j]!; s1 += x; s2 += x * x; }
        itemVar += (s2 - (s1 * s1) / nc) / (nc - 1);
      }
      let t1 = 0;
      let t2 = 0;
      for (let u = 0; u < n; u++) if (complete[u]) {
        let tot = 0;
        for (const j of d.cols) tot += values[u * m + j]!;
        t1 += tot;
        t2 += tot * tot;
      }
      const totVar = (t2 - (t1 * t1) / nc) / (nc - 1);
      if (totVar > 1e-12) alpha = (k / (k - 1)) * (1 - itemVar / totVar);
    }
    const rowsLength = nc;
    dimensions.push({ code: d.code, items: k, nComplete: rowsLength, alpha, alphaBand: alphaBand(alpha) });
  }
  const dcols = cf.dims.map((_, d) => {
    const a = new Float64Array(n);
    for (let u = 0; u < n; u++) a[u] = dims[u * D + d]!;
    return a;
  });
  const matrix = dcols.map((a, i) => dcols.map((b, j) => (i === j ? 1 : pearson(a, b))));
  return { items, dimensions, correlation: { dimensions: cf.dims.map((d) => d.code), matrix } };
}
