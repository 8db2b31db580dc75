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

/** Work arrays shared by every dimension of one report, allocated once. */
interface QualityWork {
  n: number;
  m: number;
  values: Float64Array;
  wt: Float64Array;
  rest: Float64Array;
  sw: Float64Array;
  swx: Float64Array;
  complete: Uint8Array;
  /** One dimension's item columns, column-major. */
  block: Float64Array;
}

/**
 * @param values normalised n × m item values (NaN = hidden)
 * @param dims n × D dimension scores on 0–1
 *
 * Shaped for speed without changing a single operation's order: each dimension's item columns are first copied
 * into one column-major block, so the per-item passes (mean, variance, item–rest, alpha) read contiguous memory
 * instead of striding across the n × m matrix, and every work array is allocated once and reused. Each pass is
 * its own small function: V8 optimises those within the first report and keeps them, where one large function was
 * compiled and re-compiled over the first few scoring runs.
 */
export function qualityReport(cf: CompiledFramework, n: number, values: Float64Array, dims: Float64Array): QualityReport {
  const items: ItemQuality[] = [];
  const dimensions: DimensionQuality[] = [];
  const maxCols = Math.max(0, ...cf.dims.map((d) => d.cols.length));
  const w: QualityWork = {
    n,
    m: cf.items.length,
    values,
    wt: Float64Array.from(cf.items.map((ci) => ci.weight)),
    rest: new Float64Array(n),
    sw: new Float64Array(n),
    swx: new Float64Array(n),
    complete: new Uint8Array(n),
    block: new Float64Array(n * maxCols),
  };
  for (const d of cf.dims) {
    const cols = Int32Array.from(d.cols);
    const k = cols.length;
    const nc = fillBlock(w, cols);
    for (let c = 0; c < k; c++) items.push(itemQuality(w, cf.items[cols[c]!]!, d.code, c, k));
    const alpha = k >= 2 && nc >= 2 ? cronbachAlpha(w, cols, nc) : null;
    dimensions.push({ code: d.code, items: k, nComplete: nc, alpha, alphaBand: alphaBand(alpha) });
  }
  return { items, dimensions, correlation: { dimensions: cf.dims.map((d) => d.code), matrix: dimensionCorrelations(n, cf.dims.length, dims) } };
}

/**
 * Weighted sums over the dimension's visible items, to derive each item's "rest" score by subtraction; the same
 * row pass fills the column-major block and marks complete cases (every item visible) for alpha. Returns their count.
 */
function fillBlock(w: QualityWork, cols: Int32Array): number {
  const { n, m, values, wt, block, sw, swx, complete } = w;
  const k = cols.length;
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
  return nc;
}

/** Mean, sd and item–rest correlation of the item in column c of the block (k items in its dimension). */
function itemQuality(w: QualityWork, ci: CompiledFramework['items'][number], dimension: string, c: number, k: number): ItemQuality {
  const { n, rest, sw, swx } = w;
  const col = w.block.subarray(c * n, (c + 1) * n);
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
  return {
    code: ci.code,
    dimension,
    n: cnt,
    mean,
    sd,
    noVariance: mean !== null && (mean === 0 || mean === 1 || sd === 0),
    itemRest,
    lowItemRest: k > 1 && (itemRest === null || itemRest < MIN_ITEM_REST),
  };
}

/** Cronbach's alpha on the nc complete cases (at least 2, with at least 2 items); null without total variance. */
function cronbachAlpha(w: QualityWork, cols: Int32Array, nc: number): number | null {
  const { n, m, values, block, complete } = w;
  const k = cols.length;
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
  return totVar > 1e-12 ? (k / (k - 1)) * (1 - itemVar / totVar) : null;
}

/** Pearson correlations between dimension scores (1 on the diagonal). */
function dimensionCorrelations(n: number, D: number, dims: Float64Array): (number | null)[][] {
  const dcols: Float64Array[] = [];
  for (let d = 0; d < D; d++) {
    const a = new Float64Array(n);
    for (let u = 0; u < n; u++) a[u] = dims[u * D + d]!;
    dcols.push(a);
  }
  return dcols.map((a, i) => dcols.map((b, j) => (i === j ? 1 : pearson(a, b))));
}
