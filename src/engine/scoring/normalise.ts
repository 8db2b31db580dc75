// Normalisation of each item over the population being scored (none, min–max, z-score, goalposts, rank, percentile).
import type { CompiledFramework } from '../framework/compile.js';
import type { Normalisation, NormalisationMethod } from '../framework/types.js';
import type { ItemMatrix } from './items.js';

/**
 * Normalises one column of values (NaN = hidden, left NaN). Conventions where the formula is undefined:
 * min–max with no spread gives 1 to everyone (nobody is behind); z-score with sd 0 gives 0; a single unit ranks 1.
 * lowerIsBetter mirrors the values first (1 − x for 'none', −x for population methods, high − x for goalposts).
 * Note: z-score then min–max equals min–max of the raw values (both are affine); it is kept for fidelity to EGDI.
 */
export function normaliseColumn(xs: Float64Array, norm: Normalisation): Float64Array {
  const out = new Float64Array(xs.length);
  const lower = !!norm.lowerIsBetter;
  const idx: number[] = [];
  for (let i = 0; i < xs.length; i++) if (xs[i] === xs[i]) idx.push(i);
  else out[i] = NaN;
  const method: NormalisationMethod = norm.method;
  if (method === 'none') {
    for (const i of idx) out[i] = lower ? 1 - xs[i]! : xs[i]!;
    return out;
  }
  if (method === 'goalposts') {
    const lo = norm.low!;
    const hi = norm.high!;
    for (const i of idx) {
      const v = lower ? (hi - xs[i]!) / (hi - lo) : (xs[i]! - lo) / (hi - lo);
      out[i] = Math.min(1, Math.max(0, v));
    }
    return out;
  }
  const v = (i: number): number => (lower ? -xs[i]! : xs[i]!);
  if (method === 'minmax' || method === 'zscore' || method === 'zscore_minmax') {
    let mean = 0;
    for (const i of idx) mean += v(i);
    mean /= idx.length || 1;
    let ss = 0;
    for (const i of idx) ss += (v(i) - mean) ** 2;
    const sd = idx.length > 1 ? Math.sqrt(ss / (idx.length - 1)) : 0;
    const pre = (i: number): number => (method === 'minmax' ? v(i) : sd > 0 ? (v(i) - mean) / sd : 0);
    if (method === 'zscore') {
      for (const i of idx) out[i] = pre(i);
      return out;
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of idx) {
      const p = pre(i);
      if (p < lo) lo = p;
      if (p > hi) hi = p;
    }
    for (const i of idx) out[i] = hi > lo ? (pre(i) - lo) / (hi - lo) : 1;
    return out;
  }
  // rank / percentile: sort descending by value (best first).
  const sorted = [...idx].sort((a, b) => v(b) - v(a));
  const n = sorted.length;
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && v(sorted[end + 1]!) === v(sorted[start]!)) end++;
    const rank = start + 1; // competition rank of the tie block
    const below = n - 1 - end;
    const tiedOthers = end - start;
    for (let k = start; k <= end; k++) {
      const i = sorted[k]!;
      if (n === 1) out[i] = 1;
      else if (method === 'rank') out[i] = (n - rank) / (n - 1);
      else out[i] = (below + 0.5 * tiedOthers) / (n - 1);
    }
    start = end + 1;
  }
  return out;
}

/**
 * The normalised n × m matrix. `override` replaces every item's method (robustness alternatives keep
 * lowerIsBetter and, for goalposts, the item's goalposts).
 */
export function normaliseMatrix(cf: CompiledFramework, mat: ItemMatrix, override?: NormalisationMethod): Float64Array {
  const { n, m, raw } = mat;
  // 'none' (the usual method) is a copy: the whole matrix is copied at once, and only the other columns are then
  // rewritten. 1 − x ('none', lower is better) and goalposts are done inline over those columns, row by row —
  // normaliseColumn would allocate two arrays per column and walk the matrix column-wise; the rest (population
  // methods, a minority) still go through normaliseColumn.
  const out = new Float64Array(n * m);
  out.set(raw);
  const NONE_LOWER = 1;
  const GOALPOSTS = 2;
  const GOALPOSTS_LOWER = 3;
  // Columns rewritten inline, with their mode and goalposts (low, high).
  const inline: number[] = [];
  const inlineMode: number[] = [];
  const lows: number[] = [];
  const highs: number[] = [];
  const other: number[] = [];
  const norms: Normalisation[] = [];
  for (let j = 0; j < m; j++) {
    const base = cf.items[j]!.norm;
    let norm: Normalisation = base;
    if (override && override !== base.method) {
      norm = override === 'goalposts' && base.method !== 'goalposts' ? { method: 'minmax', lowerIsBetter: base.lowerIsBetter } : { ...base, method: override };
      // Questions already score 0–1 and higher-is-better; only indicators carry direction through.
    }
    norms.push(norm);
    if (norm.method === 'none') {
      if (!norm.lowerIsBetter) continue;
      inline.push(j);
      inlineMode.push(NONE_LOWER);
      lows.push(0);
      highs.push(0);
    } else if (norm.method === 'goalposts') {
      inline.push(j);
      inlineMode.push(norm.lowerIsBetter ? GOALPOSTS_LOWER : GOALPOSTS);
      lows.push(norm.low!);
      highs.push(norm.high!);
    } else other.push(j);
  }
  const cols = Int32Array.from(inline);
  const modes = Uint8Array.from(inlineMode);
  const lo = Float64Array.from(lows);
  const hi = Float64Array.from(highs);
  for (let u = 0; u < n; u++)
    for (let c = 0; c < cols.length; c++) {
      const k = u * m + cols[c]!;
      const x = raw[k]!;
      if (x !== x) continue;
      const md = modes[c]!;
      if (md === NONE_LOWER) out[k] = 1 - x;
      else {
        // normaliseColumn's goalposts arithmetic, operation for operation.
        const v = md === GOALPOSTS_LOWER ? (hi[c]! - x) / (hi[c]! - lo[c]!) : (x - lo[c]!) / (hi[c]! - lo[c]!);
        out[k] = Math.min(1, Math.max(0, v));
      }
    }
  if (other.length === 0) return out;
  const col = new Float64Array(n);
  for (const j of other) {
    for (let u = 0; u < n; u++) col[u] = raw[u * m + j]!;
    const res = normaliseColumn(col, norms[j]!);
    for (let u = 0; u < n; u++) out[u * m + j] = res[u]!;
  }
  return out;
}
