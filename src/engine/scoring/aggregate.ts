// Aggregation items → (sub-dimension) → dimension → overall by weighted arithmetic or geometric means, on 0–1.
import type { CompiledFramework } from '../framework/compile.js';
import type { Aggregation } from '../framework/types.js';

/** Flat arrays describing the hierarchy, built once per framework. */
export interface AggregationPlan {
  n: number;
  m: number;
  G: number;
  D: number;
  /** Columns of each group, concatenated; group g spans groupStart[g]..groupStart[g+1]. */
  groupCols: Int32Array;
  groupStart: Int32Array;
  /** Groups of each dimension, concatenated. */
  dimGroups: Int32Array;
  dimStart: Int32Array;
}

export interface Weights {
  item: Float64Array;
  group: Float64Array;
  dim: Float64Array;
}

/** Methods per dimension (items → group → dimension) and for dimensions → overall. */
export interface Methods {
  dims: Aggregation[];
  overall: Aggregation;
}

export interface Aggregated {
  /** n × G, n × D and n, on 0–1 (unbounded only with z-score); NaN where every part was hidden. */
  group: Float64Array;
  dim: Float64Array;
  overall: Float64Array;
}

export function buildPlan(cf: CompiledFramework, n: number): AggregationPlan {
  const groupStart = new Int32Array(cf.groups.length + 1);
  const cols: number[] = [];
  cf.groups.forEach((g, gi) => {
    groupStart[gi] = cols.length;
    cols.push(...g.cols);
  });
  groupStart[cf.groups.length] = cols.length;
  const dimStart = new Int32Array(cf.dims.length + 1);
  const dg: number[] = [];
  cf.dims.forEach((d, di) => {
    dimStart[di] = dg.length;
    dg.push(...d.groups);
  });
  dimStart[cf.dims.length] = dg.length;
  return { n, m: cf.items.length, G: cf.groups.length, D: cf.dims.length, groupCols: Int32Array.from(cols), groupStart, dimGroups: Int32Array.from(dg), dimStart };
}

export function baseWeights(cf: CompiledFramework): Weights {
  return {
    item: Float64Array.from(cf.items.map((i) => i.weight)),
    group: Float64Array.from(cf.groups.map((g) => g.weight)),
    dim: Float64Array.from(cf.dims.map((d) => d.weight)),
  };
}

export function baseMethods(cf: CompiledFramework): Methods {
  return { dims: cf.dims.map((d) => d.aggregation), overall: cf.dimAggregation };
}

export function allocAggregated(plan: AggregationPlan): Aggregated {
  return { group: new Float64Array(plan.n * plan.G), dim: new Float64Array(plan.n * plan.D), overall: new Float64Array(plan.n) };
}

/**
 * Weighted mean of the parts with a value (NaN parts are excluded and the weights of the rest renormalised).
 * Geometric: exp(Σ w ln x / Σ w); a zero part makes the mean 0 under zeroRule 'zero', and counts as epsilon
 * (default 0.01) under 'epsilon', the default.
 */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>, agg: Aggregation): number {
  let sw = 0;
  let acc = 0;
  const geo = agg.method === 'geometric';
  const eps = agg.epsilon ?? 0.01;
  const zero = agg.zeroRule === 'zero';
  let isZero = false;
  for (let k = 0; k < values.length; k++) {
    const x = values[k]!;
    if (x !== x) continue;
    const w = weights[k]!;
    sw += w;
    if (!geo) acc += w * x;
    else if (w > 0) {
      if (x <= 0 && zero) isZero = true;
      else acc += w * Math.log(x < eps ? eps : x);
    }
  }
  if (!(sw > 0)) return NaN;
  if (!geo) return acc / sw;
  return isZero ? 0 : Math.exp(acc / sw);
}

/**
 * Aggregates every unit; `out` is reused across Monte Carlo iterations to avoid allocation. `logs` (optional, same
 * shape as values) holds precomputed ln(max(x, epsilon)) for geometric items, −∞ for a zero under zeroRule 'zero'.
 */
export function aggregateAll(plan: AggregationPlan, values: Float64Array, w: Weights, methods: Methods, out: Aggregated, logs?: Float64Array): Aggregated {
  const { n, m, G, D, groupCols, groupStart, dimGroups, dimStart } = plan;
  const { group, dim, overall } = out;
  const wItem = w.item;
  const wGroup = w.group;
  const wDim = w.dim;
  const ov = methods.overall;
  const ovGeo = ov.method === 'geometric';
  const ovEps = ov.epsilon ?? 0.01;
  const ovZero = ov.zeroRule === 'zero';
  // Each dimension's method, read once per call rather than once per unit and dimension.
  const geos = Uint8Array.from(methods.dims, (a) => (a.method === 'geometric' ? 1 : 0));
  const epss = Float64Array.from(methods.dims, (a) => a.epsilon ?? 0.01);
  const zeros = Uint8Array.from(methods.dims, (a) => (a.zeroRule === 'zero' ? 1 : 0));
  for (let u = 0; u < n; u++) {
    const row = u * m;
    let osw = 0;
    let oacc = 0;
    let oIsZero = false;
    for (let d = 0; d < D; d++) {
      const geo = geos[d] === 1;
      const eps = epss[d]!;
      const zero = zeros[d] === 1;
      let dsw = 0;
      let dacc = 0;
      let dIsZero = false;
      for (let gk = dimStart[d]!; gk < dimStart[d + 1]!; gk++) {
        const g = dimGroups[gk]!;
        const k1 = groupStart[g + 1]!;
        let sw = 0;
        let acc = 0;
        let isZero = false;
        // The arithmetic mean (the usual method) has a loop of its own, free of the geometric branches; both add
        // the same terms in the same order as one loop would.
        if (!geo)
          for (let k = groupStart[g]!; k < k1; k++) {
            const j = groupCols[k]!;
            const x = values[row + j]!;
            if (x !== x) continue;
            const wj = wItem[j]!;
            sw += wj;
            acc += wj * x;
          }
        else
          for (let k = groupStart[g]!; k < k1; k++) {
            const j = groupCols[k]!;
            const x = values[row + j]!;
            if (x !== x) continue;
            const wj = wItem[j]!;
            sw += wj;
            if (wj > 0) {
              if (logs) {
                const l = logs[row + j]!;
                if (l === -Infinity) isZero = true;
                else acc += wj * l;
              } else if (x <= 0 && zero) isZero = true;
              else acc += wj * Math.log(x < eps ? eps : x);
            }
          }
        const gv = !(sw > 0) ? NaN : !geo ? acc / sw : isZero ? 0 : Math.exp(acc / sw);
        group[u * G + g] = gv;
        if (gv !== gv) continue;
        const wg = wGroup[g]!;
        dsw += wg;
        if (!geo) dacc += wg * gv;
        else if (wg > 0) {
          if (gv <= 0 && zero) dIsZero = true;
          else dacc += wg * Math.log(gv < eps ? eps : gv);
        }
      }
      const dv = !(dsw > 0) ? NaN : !geo ? dacc / dsw : dIsZero ? 0 : Math.exp(dacc / dsw);
      dim[u * D + d] = dv;
      if (dv !== dv) continue;
      const wd = wDim[d]!;
      osw += wd;
      if (!ovGeo) oacc += wd * dv;
      else if (wd > 0) {
        if (dv <= 0 && ovZero) oIsZero = true;
        else oacc += wd * Math.log(dv < ovEps ? ovEps : dv);
      }
    }
    overall[u] = !(osw > 0) ? NaN : !ovGeo ? oacc / osw : oIsZero ? 0 : Math.exp(oacc / osw);
  }
  return out;
}
