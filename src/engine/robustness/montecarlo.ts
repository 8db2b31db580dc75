// Seeded Monte Carlo uncertainty analysis (JRC/COINr style): perturbs weights, aggregation and normalisation,
// re-aggregating precomputed item values, and reports each unit's rank distribution and non-robust pairs.
import type { AggregationMethod, Framework, MissingRule, NormalisationMethod, PeerGroupKey, UnitInput } from '../framework/types.js';
import type { Sha256Factory } from '../fingerprint.js';
import { createRng } from '../random.js';
import { ENGINE_VERSION } from '../results.js';
import { aggregateAll, allocAggregated, type AggregationPlan, type Methods, type Weights } from '../scoring/aggregate.js';
import { prepareEdition } from '../scoring/edition.js';
import { peerGroupOf } from '../scoring/missing.js';
import { normaliseMatrix } from '../scoring/normalise.js';
import { competitionRanks } from '../scoring/rank.js';
import { quantileSorted } from '../stats/descriptive.js';

export interface RobustnessOptions {
  /** Default 1000. */
  iterations?: number;
  /** Seed of the generator (default 1); the same seed gives the same result. */
  seed?: number;
  /** Each perturbed weight is multiplied by U(1 − noise, 1 + noise); default 0.25. */
  weightNoise?: number;
  /**
   * Which weights are perturbed: 'dimensions' (dimension and sub-dimension weights, the default, as in JRC/COINr
   * practice) or 'all' (item weights too; every iteration then re-aggregates every item, about 10× slower).
   */
  perturb?: 'dimensions' | 'all';
  /** Aggregation alternatives drawn uniformly per iteration, applied at every level; default arithmetic and geometric. */
  aggregations?: AggregationMethod[];
  /** Normalisation alternatives drawn uniformly per iteration; 'configured' = the framework's own. Default configured, minmax, percentile. */
  normalisations?: ('configured' | NormalisationMethod)[];
  /** Rank within this peer group (default 'all'). */
  peerGroup?: PeerGroupKey;
  /** A pair keeps its order robustly when it does so in at least this share of iterations; default 0.9. */
  robustShare?: number;
  missing?: MissingRule;
  /** SHA-256 for the fingerprint, as ScoreOptions.sha256. */
  sha256?: Sha256Factory;
}

export interface UnitRobustness {
  id: string;
  group: string;
  /** Rank under the framework as configured. */
  nominalRank: number;
  medianRank: number;
  /** 5th and 95th percentiles of the simulated ranks (linear interpolation). */
  rankP05: number;
  rankP95: number;
}

/** Two units adjacent in the nominal ranking whose order flips too often. */
export interface UnstablePair {
  group: string;
  higher: string;
  lower: string;
  nominalRanks: [number, number];
  /** Share of iterations where `higher` still ranks at least as high as `lower`. */
  shareKept: number;
}

export interface RobustnessResult {
  engineVersion: string;
  /** Fingerprint of the scored inputs (same as scoreEdition's). */
  fingerprint: string;
  settings: Required<Omit<RobustnessOptions, 'missing' | 'sha256'>>;
  /** Sorted by group, then nominal rank. */
  units: UnitRobustness[];
  unstablePairs: UnstablePair[];
}

const ZSCORE_FREE = (m: string): boolean => m !== 'zscore';

/** Runs the analysis; item points and each normalisation alternative are computed once, iterations only re-aggregate. */
export function runRobustness(framework: Framework, units: readonly UnitInput[], options: RobustnessOptions = {}): RobustnessResult {
  const settings: RobustnessResult['settings'] = {
    iterations: options.iterations ?? 1000,
    seed: options.seed ?? 1,
    weightNoise: options.weightNoise ?? 0.25,
    perturb: options.perturb ?? 'dimensions',
    aggregations: options.aggregations ?? ['arithmetic', 'geometric'],
    normalisations: (options.normalisations ?? ['configured', 'minmax', 'percentile']).filter(ZSCORE_FREE),
    peerGroup: options.peerGroup ?? 'all',
    robustShare: options.robustShare ?? 0.9,
  };
  if (settings.normalisations.length === 0) settings.normalisations = ['configured'];
  if (settings.aggregations.length === 0) settings.aggregations = ['arithmetic'];
  const p = prepareEdition(framework, units, { ...(options.missing ? { missing: options.missing } : {}), ...(options.sha256 ? { sha256: options.sha256 } : {}) });
  const { cf, plan } = p;
  const n = p.units.length;
  const alternatives = settings.normalisations.map((method) => (method === 'configured' ? p.values : normaliseMatrix(cf, p.matrix, method)));
  // Geometric alternatives use the framework's zero rule where it has one, else epsilon 0.01 (zeros must not end a unit).
  const methodsFor = (aggMethod: AggregationMethod): Methods =>
    aggMethod === 'arithmetic'
      ? { dims: p.methods.dims.map(() => ({ method: 'arithmetic' })), overall: { method: 'arithmetic' } }
      : { dims: p.methods.dims.map((a) => ({ method: 'geometric', zeroRule: a.zeroRule, epsilon: a.epsilon })), overall: { ...p.methods.overall, method: 'geometric' } };
  const methodList = settings.aggregations.map(methodsFor);
  // With item weights fixed, items → group is computed once per (normalisation, aggregation) pair.
  // For 'all': item-level logs per (normalisation, geometric method), so iterations never call Math.log per item.
  const itemLogs: (Float64Array | null)[][] =
    settings.perturb !== 'all'
      ? []
      : alternatives.map((values) =>
          methodList.map((mt) => {
            if (mt.overall.method !== 'geometric') return null;
            const lg = new Float64Array(values.length);
            const m = cf.items.length;
            for (let j = 0; j < m; j++) {
              const agg = mt.dims[cf.items[j]!.dim]!;
              const eps = agg.epsilon ?? 0.01;
              for (let u = 0; u < n; u++) {
                const x = values[u * m + j]!;
                lg[u * m + j] = x <= 0 && agg.zeroRule === 'zero' ? -Infinity : Math.log(x < eps ? eps : x);
              }
            }
            return lg;
          }),
        );
  const groupVals: Float64Array[][] =
    settings.perturb === 'all' ? [] : alternatives.map((values) => methodList.map((mt) => aggregateAll(plan, values, p.weights, mt, allocAggregated(plan)).group));
  // Logs of the group values for the geometric alternative (ln of max(x, epsilon); −∞ marks a zero under zeroRule 'zero').
  const groupLogs: (Float64Array | null)[][] = groupVals.map((perMethod) =>
    perMethod.map((gv, mi) => {
      const mt = methodList[mi]!;
      if (mt.overall.method !== 'geometric') return null;
      const lg = new Float64Array(gv.length);
      for (let u = 0; u < n; u++)
        for (let g = 0; g < plan.G; g++) {
          const agg = mt.dims[cf.groups[g]!.dim]!;
          const eps = agg.epsilon ?? 0.01;
          const x = gv[u * plan.G + g]!;
          lg[u * plan.G + g] = x <= 0 && agg.zeroRule === 'zero' ? -Infinity : Math.log(x < eps ? eps : x);
        }
      return lg;
    }),
  );

  // Groups for ranking, and the nominal ranking.
  const groupOf = p.units.map((u) => peerGroupOf(u, settings.peerGroup));
  const groups = new Map<string, number[]>();
  groupOf.forEach((g, i) => {
    if (g === null || p.agg.overall[i] !== p.agg.overall[i]) return;
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(i);
  });
  const nominal = new Int32Array(n);
  const pairs: { group: string; a: number; b: number; kept: number }[] = [];
  for (const [g, members] of groups) {
    const r = competitionRanks(members.map((i) => p.agg.overall[i]!));
    members.forEach((i, k) => (nominal[i] = r[k]!.rank));
    const ordered = [...members].sort((a, b) => nominal[a]! - nominal[b]! || (p.units[a]!.id < p.units[b]!.id ? -1 : 1));
    for (let k = 0; k + 1 < ordered.length; k++) pairs.push({ group: g, a: ordered[k]!, b: ordered[k + 1]!, kept: 0 });
  }

  const rng = createRng(settings.seed);
  const iters = settings.iterations;
  const ranks = new Float64Array(iters * n);
  const w: Weights = { item: new Float64Array(p.weights.item.length), group: new Float64Array(p.weights.group.length), dim: new Float64Array(p.weights.dim.length) };
  const out = allocAggregated(plan);
  const noise = settings.weightNoise;
  const groupList = [...groups.values()].map((members) => Int32Array.from(members));
  const sortBuf = new Float64Array(n);
  const rankNow = new Float64Array(n);
  for (let it = 0; it < iters; it++) {
    for (const key of ['item', 'group', 'dim'] as const) {
      const base = p.weights[key];
      const dst = w[key];
      const perturbed = key !== 'item' || settings.perturb === 'all';
      for (let k = 0; k < base.length; k++) dst[k] = perturbed ? base[k]! * (1 + noise * (2 * rng.next() - 1)) : base[k]!;
    }
    const a = rng.int(alternatives.length);
    const mi = rng.int(methodList.length);
    if (settings.perturb === 'all') aggregateAll(plan, alternatives[a]!, w, methodList[mi]!, out, itemLogs[a]![mi] ?? undefined);
    else overallFromGroups(plan, groupVals[a]![mi]!, groupLogs[a]![mi]!, w, methodList[mi]!, out.overall);
    const sc = out.overall;
    // Competition ranks by binary search in natively sorted scores: rank = 1 + number of strictly higher scores.
    for (const members of groupList) {
      const len = members.length;
      const buf = sortBuf.subarray(0, len);
      for (let k = 0; k < len; k++) buf[k] = sc[members[k]!]!;
      buf.sort();
      for (let k = 0; k < len; k++) {
        const i = members[k]!;
        const x = sc[i]!;
        let lo = 0;
        let hi = len;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (buf[mid]! <= x) lo = mid + 1;
          else hi = mid;
        }
        rankNow[i] = len - lo + 1;
      }
    }
    ranks.set(rankNow, it * n);
    for (const pr of pairs) if (rankNow[pr.a]! <= rankNow[pr.b]!) pr.kept++;
  }

  const col = new Float64Array(iters);
  const unitsOut: UnitRobustness[] = [];
  for (const [g, members] of groups)
    for (const i of members) {
      for (let it = 0; it < iters; it++) col[it] = ranks[it * n + i]!;
      col.sort();
      unitsOut.push({ id: p.units[i]!.id, group: g, nominalRank: nominal[i]!, medianRank: quantileSorted(col, 0.5), rankP05: quantileSorted(col, 0.05), rankP95: quantileSorted(col, 0.95) });
    }
  unitsOut.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.nominalRank - b.nominalRank || (a.id < b.id ? -1 : 1)));
  const unstablePairs = pairs
    .map((pr) => ({ group: pr.group, higher: p.units[pr.a]!.id, lower: p.units[pr.b]!.id, nominalRanks: [nominal[pr.a]!, nominal[pr.b]!] as [number, number], shareKept: iters ? pr.kept / iters : 1 }))
    .filter((pr) => pr.shareKept < settings.robustShare);
  return { engineVersion: ENGINE_VERSION, fingerprint: p.fingerprint, settings, units: unitsOut, unstablePairs };
}

/**
 * Overall scores from precomputed group values, the hot loop of the default analysis. The geometric chain stays in
 * log space (one exp per unit); the same rules as aggregateAll apply (epsilon floor, or zero under zeroRule 'zero').
 */
function overallFromGroups(plan: AggregationPlan, gv: Float64Array, lg: Float64Array | null, w: Weights, methods: Methods, overall: Float64Array): void {
  const { n, G, D, dimGroups, dimStart } = plan;
  const geo = lg !== null;
  const oEps = Math.log(methods.overall.epsilon ?? 0.01);
  const oZeroRule = methods.overall.zeroRule === 'zero';
  const dimZeroRule = methods.dims.map((a) => a.zeroRule === 'zero');
  const dimEps = methods.dims.map((a) => Math.log(a.epsilon ?? 0.01));
  const wg = w.group;
  const wd = w.dim;
  for (let u = 0; u < n; u++) {
    const base = u * G;
    let osw = 0;
    let oacc = 0;
    let oZero = false;
    for (let d = 0; d < D; d++) {
      let dsw = 0;
      let dacc = 0;
      let dZero = false;
      for (let gk = dimStart[d]!; gk < dimStart[d + 1]!; gk++) {
        const g = dimGroups[gk]!;
        const x = gv[base + g]!;
        if (x !== x) continue;
        const wgt = wg[g]!;
        dsw += wgt;
        if (!geo) dacc += wgt * x;
        else if (wgt > 0) {
          const l = lg[base + g]!;
          if (l === -Infinity) dZero = true;
          else dacc += wgt * l;
        }
      }
      if (!(dsw > 0)) continue;
      const wdt = wd[d]!;
      osw += wdt;
      if (!geo) oacc += (wdt * dacc) / dsw;
      else if (wdt > 0) {
        // The dimension's log value, floored at its own epsilon (a dimension mean cannot fall below it anyway).
        let ld = dZero ? -Infinity : dacc / dsw;
        if (dZero && !dimZeroRule[d]) ld = dimEps[d]!;
        if (ld === -Infinity) {
          if (oZeroRule) oZero = true;
          else oacc += wdt * oEps;
        } else oacc += wdt * (ld < oEps ? oEps : ld);
      }
    }
    overall[u] = !(osw > 0) ? NaN : !geo ? oacc / osw : oZero ? 0 : Math.exp(oacc / osw);
  }
}
