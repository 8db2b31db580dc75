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
  /** Per item of the current dimension: Σx and Σx² over the complete cases (alpha's item variances). */
  cs1: Float64Array;
  cs2: Float64Array;
  /**
   * Σ and Σ² of the complete cases' row totals over the current dimension's items (alpha's total variance). A typed
   * pair, not two number fields: a field that starts as the integer 0 and is later given a fraction changes the
   * object's shape, which threw the optimised item passes away (~4 MB of boxed numbers per run while they re-warmed).
   */
  totals: Float64Array;
}

/**
 * @param values normalised n × m item values (NaN = hidden)
 * @param dims n × D dimension scores on 0–1
 *
 * Shaped for speed without changing a single operation's order: each dimension's item columns are first copied
 * into one column-major block, so the per-item passes read contiguous memory instead of striding across the n × m
 * matrix, and every work array is allocated once and reused. Sums that used to take passes of their own ride along
 * passes that visit the same values in the same order (each accumulator still adds its terms unit by unit): the
 * block fill also totals the complete rows for alpha, an item's mean pass also takes the item–rest correlation's
 * and alpha's sums, and its variance pass the correlation's cross products — two passes per item instead of seven.
 * Each pass is its own small function: V8 optimises those within the first report and keeps them, where one large
 * function was compiled and re-compiled over the first few scoring runs.
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
    cs1: new Float64Array(maxCols),
    cs2: new Float64Array(maxCols),
    totals: new Float64Array(2),
  };
  for (const d of cf.dims) {
    const cols = Int32Array.from(d.cols);
    const k = cols.length;
    const nc = fillBlock(w, cols);
    for (let c = 0; c < k; c++) items.push(itemQuality(w, cf.items[cols[c]!]!, d.code, c, k));
    const alpha = k >= 2 && nc >= 2 ? cronbachAlpha(w, k, nc) : null;
    dimensions.push({ code: d.code, items: k, nComplete: nc, alpha, alphaBand: alphaBand(alpha) });
  }
  return { items, dimensions, correlation: { dimensions: cf.dims.map((d) => d.code), matrix: dimensionCorrelations(n, cf.dims.length, dims) } };
}

/**
 * Weighted sums over the dimension's visible items, to derive each item's "rest" score by subtraction; the same
 * row pass fills the column-major block, marks complete cases (every item visible) and sums their row totals for
 * alpha. Returns the number of complete cases.
 */
function fillBlock(w: QualityWork, cols: Int32Array): number {
  const { n, m, values, wt, block, sw, swx, complete, totals } = w;
  const k = cols.length;
  let nc = 0;
  // Summed in place rather than in locals stored after the loop: V8 compiles this function while its first loop
  // runs, and a store it had not yet seen past the loop threw that code away again on every report.
  totals[0] = 0;
  totals[1] = 0;
  for (let u = 0; u < n; u++) {
    let a = 0;
    let b = 0;
    let tot = 0;
    let ok = 1;
    for (let c = 0; c < k; c++) {
      const j = cols[c]!;
      const x = values[u * m + j]!;
      block[c * n + u] = x;
      tot += x;
      if (x === x) {
        a += wt[j]!;
        b += wt[j]! * x;
      } else ok = 0;
    }
    sw[u] = a;
    swx[u] = b;
    complete[u] = ok;
    nc += ok;
    if (ok) {
      totals[0] = totals[0]! + tot;
      totals[1] = totals[1]! + tot * tot;
    }
  }
  return nc;
}

/**
 * Mean, sd and item–rest correlation of the item in column c of the block (k items in its dimension); also leaves
 * the item's complete-case sums for alpha in cs1[c], cs2[c]. The correlation is pearson(col, rest) with its two
 * passes folded into the item's two: the same pairs (x and its rest both present), the same sums in the same order.
 */
function itemQuality(w: QualityWork, ci: CompiledFramework['items'][number], dimension: string, c: number, k: number): ItemQuality {
  const { n, rest, sw, swx, complete } = w;
  const weight = ci.weight;
  const col = w.block.subarray(c * n, (c + 1) * n);
  let cnt = 0;
  let sum = 0;
  let pn = 0;
  let sa = 0;
  let sb = 0;
  let s1 = 0;
  let s2 = 0;
  for (let u = 0; u < n; u++) {
    const x = col[u]!;
    if (x === x) {
      cnt++;
      sum += x;
      const rw = sw[u]! - weight;
      const r = rw > 0 ? (swx[u]! - weight * x) / rw : NaN;
      rest[u] = r;
      if (r === r) {
        pn++;
        sa += x;
        sb += r;
      }
      if (complete[u]) {
        s1 += x;
        s2 += x * x;
      }
    } else rest[u] = NaN;
  }
  w.cs1[c] = s1;
  w.cs2[c] = s2;
  const mean = cnt ? sum / cnt : null;
  const ma = sa / pn;
  const mb = sb / pn;
  let ss = 0;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let u = 0; u < n; u++) {
    const x = col[u]!;
    if (x === x) {
      ss += (x - mean!) ** 2;
      const y = rest[u]!;
      if (y === y) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma) ** 2;
        sbb += (y - mb) ** 2;
      }
    }
  }
  const sd = cnt > 1 ? Math.sqrt(ss / (cnt - 1)) : cnt === 1 ? 0 : null;
  // pearson()'s result from its sums: null with fewer than 2 pairs or no spread.
  const itemRest = k > 1 && pn >= 2 && !(saa <= 1e-24 || sbb <= 1e-24) ? Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb))) : null;
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
function cronbachAlpha(w: QualityWork, k: number, nc: number): number | null {
  const { cs1, cs2, totals } = w;
  const t1 = totals[0]!;
  const t2 = totals[1]!;
  let itemVar = 0;
  for (let c = 0; c < k; c++) itemVar += (cs2[c]! - (cs1[c]! * cs1[c]!) / nc) / (nc - 1);
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
  // pearson(a, b) and pearson(b, a) are bit-identical (the same sums, with operands of commutative operations
  // swapped), so each pair is computed once and mirrored.
  const matrix: (number | null)[][] = dcols.map(() => new Array<number | null>(D).fill(1));
  for (let i = 0; i < D; i++)
    for (let j = i + 1; j < D; j++) {
      const r = pearson(dcols[i]!, dcols[j]!);
      matrix[i]![j] = r;
      matrix[j]![i] = r;
    }
  return matrix;
}
