// Scores one edition: item points → missing rule → normalisation → aggregation → stages, ranks, guidance, statistics.
import { compileFramework, type CompiledFramework } from '../framework/compile.js';
import type { Aggregation, Framework, MissingRule, PeerGroupKey, StageCondition, UnitInput } from '../framework/types.js';
import { fingerprint } from '../fingerprint.js';
import {
  ENGINE_VERSION,
  type EditionResult,
  type ItemScore,
  type ItemStatus,
  type NextStageGuidance,
  type PeerRank,
  type UnitResult,
  type WeakDimension,
  type WeakItem,
} from '../results.js';
import { qualityReport } from '../stats/quality.js';
import { segmentStats } from '../stats/segments.js';
import { aggregateAll, allocAggregated, baseMethods, baseWeights, buildPlan, type Aggregated, type AggregationPlan, type Methods, type Weights } from './aggregate.js';
import { computeItemMatrix, readAnswers, ST, throwIfProblems, type ItemMatrix } from './items.js';
import { applyMissingRule, peerGroupOf } from './missing.js';
import { normaliseMatrix } from './normalise.js';
import { competitionRanks } from './rank.js';
import { assignStage, reaches } from './stages.js';

export interface ScoreOptions {
  /** Overrides the framework's missing-answer rule (the rule applied is recorded on the result). */
  missing?: MissingRule;
  /** Include every item's points on each unit (default true). */
  itemDetail?: boolean;
  /** How many weakest items / dimensions to report per unit (defaults 5 and 2). */
  weakestItems?: number;
  weakestDimensions?: number;
  /** Compute "what would move it to the next stage" (default true). */
  guidance?: boolean;
}

/** The costly, assumption-independent part of scoring, computed once and shared with the robustness analysis. */
export interface PreparedEdition {
  cf: CompiledFramework;
  /** Units sorted by id. */
  units: UnitInput[];
  /** Item points after the missing rule. */
  matrix: ItemMatrix;
  /** Normalised values as configured. */
  values: Float64Array;
  plan: AggregationPlan;
  weights: Weights;
  methods: Methods;
  /** Aggregated as configured, on 0–1. */
  agg: Aggregated;
  missingRule: MissingRule;
  fingerprint: string;
}

const STATUS_NAMES: ItemStatus[] = ['answered', 'no_evidence', 'zero', 'hidden', 'imputed', 'zero'];

/** Validates framework and units (throwing AppError) and computes item points, normalisation and aggregation. */
export function prepareEdition(framework: Framework, units: readonly UnitInput[], options: Pick<ScoreOptions, 'missing'> = {}): PreparedEdition {
  const cf = compileFramework(framework);
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const read = readAnswers(cf, sorted);
  throwIfProblems(read.problems);
  const missingRule: MissingRule = options.missing ?? framework.missing;
  const matrix = computeItemMatrix(cf, sorted, read);
  applyMissingRule(cf, sorted, matrix, missingRule);
  const values = normaliseMatrix(cf, matrix);
  const plan = buildPlan(cf, sorted.length);
  const weights = baseWeights(cf);
  const methods = baseMethods(cf);
  const agg = aggregateAll(plan, values, weights, methods, allocAggregated(plan));
  return { cf, units: sorted, matrix, values, plan, weights, methods, agg, missingRule, fingerprint: fingerprint(framework, sorted, { missing: missingRule }, read) };
}

const orNull = (x: number, scale: number): number | null => (x === x ? x * scale : null);

/** Scores an edition. Throws FRAMEWORK_INVALID or VALIDATION_FAILED (AppError) on bad input. */
export function scoreEdition(framework: Framework, units: readonly UnitInput[], options: ScoreOptions = {}): EditionResult {
  const p = prepareEdition(framework, units, options);
  const { cf, matrix, values, agg } = p;
  const fw = cf.fw;
  const n = p.units.length;
  const m = cf.items.length;
  const D = cf.dims.length;
  const G = cf.groups.length;
  const scale = cf.scaleMax;
  const peerKeys: PeerGroupKey[] = ['all', ...fw.peerGroups.filter((k) => k !== 'all')];
  const primaryKey: PeerGroupKey = fw.peerGroups[0] ?? 'all';

  // Ranks per peer group.
  const ranks: PeerRank[][] = p.units.map(() => []);
  for (const key of peerKeys) {
    const groups = new Map<string, number[]>();
    p.units.forEach((u, i) => {
      const g = peerGroupOf(u, key);
      if (g === null) return;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(i);
    });
    for (const [g, members] of groups) {
      const r = competitionRanks(members.map((i) => agg.overall[i]!));
      members.forEach((i, k) => {
        const info = r[k];
        if (info) ranks[i]!.push({ key, group: g, n: members.length, ...info });
      });
    }
  }

  // Peer means of items and dimensions in the primary peer group (units without a group compare with everyone).
  const primaryOf = p.units.map((u) => peerGroupOf(u, primaryKey));
  const groupIndex = new Map<string, number>([['all', 0]]);
  for (const g of primaryOf) if (g !== null && !groupIndex.has(g)) groupIndex.set(g, groupIndex.size);
  const PG = groupIndex.size;
  const itemSum = new Float64Array(PG * m);
  const itemCnt = new Float64Array(PG * m);
  const dimSum = new Float64Array(PG * D);
  const dimCnt = new Float64Array(PG * D);
  for (let u = 0; u < n; u++) {
    const gs = primaryOf[u] !== null && primaryOf[u] !== 'all' ? [0, groupIndex.get(primaryOf[u]!)!] : [0];
    for (const g of gs) {
      for (let j = 0; j < m; j++) {
        const x = values[u * m + j]!;
        if (x === x) {
          itemSum[g * m + j] = itemSum[g * m + j]! + x;
          itemCnt[g * m + j] = itemCnt[g * m + j]! + 1;
        }
      }
      for (let d = 0; d < D; d++) {
        const x = agg.dim[u * D + d]!;
        if (x === x) {
          dimSum[g * D + d] = dimSum[g * D + d]! + x;
          dimCnt[g * D + d] = dimCnt[g * D + d]! + 1;
        }
      }
    }
  }

  const wantItems = options.itemDetail ?? true;
  const nWeakItems = options.weakestItems ?? 5;
  const nWeakDims = options.weakestDimensions ?? 2;
  const guidance = options.guidance ?? true;
  const guideIdx = {
    groupCols: cf.groups.map((g) => Int32Array.from(g.cols)),
    dimGroups: cf.dims.map((d) => Int32Array.from(d.groups)),
    dims: Int32Array.from(cf.dims.map((_, i) => i)),
    scratch: guideScratch(m, G, D),
    conds: new Map<number, { c: StageCondition; d: number }[]>(),
  };
  const gapArr = new Float64Array(m);
  const itemWeight = Float64Array.from(cf.items.map((ci) => ci.weight));
  // Item detail of one unit, from the matrices (codes looked up once per item, not once per unit × item).
  const itemCode = cf.items.map((ci) => ci.code);
  const itemDim = cf.items.map((ci) => cf.dims[ci.dim]!.code);
  const itemSub = cf.items.map((ci) => cf.groups[ci.group]!.code);
  const itemScores = (u: number): ItemScore[] => {
    const items: ItemScore[] = new Array<ItemScore>(m);
    for (let j = 0; j < m; j++) {
      const r = matrix.raw[u * m + j]!;
      const v = values[u * m + j]!;
      items[j] = { code: itemCode[j]!, dimension: itemDim[j]!, subdimension: itemSub[j]!, status: STATUS_NAMES[matrix.status[u * m + j]!]!, raw: r === r ? r : null, value: v === v ? v : null };
    }
    return items;
  };
  const unitResults: UnitResult[] = p.units.map((unit, u) => {
    const dims: Record<string, number | null> = {};
    cf.dims.forEach((d, di) => (dims[d.code] = orNull(agg.dim[u * D + di]!, scale)));
    const subdimensions: Record<string, number | null> = {};
    cf.groups.forEach((g, gi) => {
      if (g.code !== null) subdimensions[g.code] = orNull(agg.group[u * G + gi]!, scale);
    });
    const overall = orNull(agg.overall[u]!, scale);
    const stage = assignStage(fw.stages, overall, dims);
    const missingItems: string[] = [];
    for (let j = 0; j < m; j++) {
      const st = matrix.status[u * m + j]!;
      if (st === ST.imputed || st === ST.zero) missingItems.push(cf.items[j]!.code);
    }
    const g = primaryOf[u] !== null && primaryOf[u] !== 'all' ? groupIndex.get(primaryOf[u]!)! : 0;
    // Top-K by gap (ties: higher weight, then framework order), kept in a small sorted buffer instead of sorting all.
    const top: number[] = [];
    const before = (a: number, b: number): boolean => gapArr[a]! > gapArr[b]! || (gapArr[a] === gapArr[b] && (itemWeight[a]! > itemWeight[b]! || (itemWeight[a] === itemWeight[b] && a < b)));
    for (let j = 0; j < m; j++) {
      const x = values[u * m + j]!;
      const cnt = itemCnt[g * m + j]!;
      if (x !== x || cnt === 0) continue;
      const gap = itemSum[g * m + j]! / cnt - x;
      if (!(gap > 1e-12)) continue;
      gapArr[j] = gap;
      if (top.length === nWeakItems && (nWeakItems === 0 || !before(j, top[nWeakItems - 1]!))) continue;
      let k = top.length;
      if (k === nWeakItems) k--;
      while (k > 0 && before(j, top[k - 1]!)) {
        top[k] = top[k - 1]!;
        k--;
      }
      top[k] = j;
    }
    const weakItems: WeakItem[] = top.map((j) => {
      const ci = cf.items[j]!;
      const x = values[u * m + j]!;
      return { code: ci.code, text: ci.item.text, dimension: cf.dims[ci.dim]!.code, value: x, peerMean: x + gapArr[j]!, gap: gapArr[j]!, recommendation: ci.item.recommendation ?? null };
    });
    const weakDims: WeakDimension[] = [];
    cf.dims.forEach((d, di) => {
      const x = agg.dim[u * D + di]!;
      const cnt = dimCnt[g * D + di]!;
      if (x !== x || cnt === 0) return;
      const peerMean = (dimSum[g * D + di]! / cnt) * scale;
      const gap = peerMean - x * scale;
      if (gap > 1e-9) weakDims.push({ code: d.code, name: d.def.name, score: x * scale, peerMean, gap, recommendation: d.def.recommendation ?? null });
    });
    weakDims.sort((a, b) => b.gap - a.gap);
    const nextStage = guidance && stage && stage.index < fw.stages.length - 1 ? nextStageGuidance(p, u, stage.index + 1, guideIdx) : null;
    const res: UnitResult = {
      id: unit.id,
      attributes: unit.attributes ?? {},
      overall,
      dimensions: dims,
      subdimensions,
      stage,
      ranks: ranks[u]!,
      missingItems,
      weakestItems: weakItems,
      weakestDimensions: weakDims.slice(0, nWeakDims),
      nextStage,
    };
    if (unit.name) res.name = unit.name;
    if (wantItems) lazyItems(res, () => itemScores(u));
    return res;
  });

  return {
    engineVersion: ENGINE_VERSION,
    fingerprint: p.fingerprint,
    framework: { id: fw.id, version: fw.version },
    scale: fw.scale,
    missingRule: p.missingRule,
    units: unitResults,
    segments: segmentStats(fw, unitResults),
    quality: qualityReport(cf, n, values, agg.dim),
  };
}

/**
 * Defines `items` as an enumerable property built on first read (then stored as a plain data property, in the same
 * key position). Building 300,000 item objects dominated scoring time, and most callers read few units' items or
 * none; JSON.stringify, spreading and deep equality read the property and see exactly the eager result.
 */
function lazyItems(res: UnitResult, build: () => ItemScore[]): void {
  const settle = (value: ItemScore[]): void => void Object.defineProperty(res, 'items', { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(res, 'items', {
    enumerable: true,
    configurable: true,
    get(): ItemScore[] {
      const value = build();
      settle(value);
      return value;
    },
    set: settle,
  });
}

/**
 * Sorts item indices by key descending, then index ascending — the same order as the comparator
 * `key[b] - key[a] || a - b`, but through a native numeric sort of packed `-key · m + j` values (the comparator
 * sort was the hottest line of scoring). Packing is exact while |key| · m stays below 2^53; otherwise, or with a
 * non-finite key, it falls back to the comparator.
 */
function sortByKeyDesc(cand: number[], key: Float64Array, m: number): void {
  const packed = new Float64Array(cand.length);
  for (let k = 0; k < cand.length; k++) {
    const j = cand[k]!;
    const x = key[j]!;
    if (!(Math.abs(x) * m < 2 ** 52)) {
      cand.sort((a, b) => key[b]! - key[a]! || a - b);
      return;
    }
    packed[k] = -x * m + j;
  }
  packed.sort();
  for (let k = 0; k < cand.length; k++) {
    const v = packed[k]!;
    // v = -key·m + j with 0 ≤ j < m: j is v modulo m.
    const j = ((v % m) + m) % m;
    cand[k] = j;
  }
}

/** Weighted mean over idx (one index may take an override value); same rules as aggregateAll. */
function wm(vals: ArrayLike<number>, ws: ArrayLike<number>, idx: ArrayLike<number>, agg: Aggregation, overIdx: number, overVal: number): number {
  let sw = 0;
  let acc = 0;
  const geo = agg.method === 'geometric';
  const eps = agg.epsilon ?? 0.01;
  let isZero = false;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const x = i === overIdx ? overVal : vals[i]!;
    if (x !== x) continue;
    const w = ws[i]!;
    sw += w;
    if (!geo) acc += w * x;
    else if (w > 0) {
      if (x <= 0 && agg.zeroRule === 'zero') isZero = true;
      else acc += w * Math.log(x < eps ? eps : x);
    }
  }
  if (!(sw > 0)) return NaN;
  return !geo ? acc / sw : isZero ? 0 : Math.exp(acc / sw);
}

/**
 * Fewest items to raise to full marks (normalised value 1) to reach stage `target`: single-item gains are computed
 * once, then items are taken greedily — first within dimensions whose stage condition is unmet, then by gain —
 * updating the item's group, dimension and the overall score after each step. Population-relative
 * normalisations are held fixed (an approximation).
 */
interface GuideScratch {
  row: Float64Array;
  gv: Float64Array;
  dv: Float64Array;
  gain: Float64Array;
  key: Float64Array;
  share: Float64Array;
  gW: Float64Array;
  dW: Float64Array;
  used: Uint8Array;
}

/** Work arrays for nextStageGuidance, allocated once per edition rather than once per unit. */
function guideScratch(m: number, G: number, D: number): GuideScratch {
  return {
    row: new Float64Array(m),
    gv: new Float64Array(G),
    dv: new Float64Array(D),
    gain: new Float64Array(m),
    key: new Float64Array(m),
    share: new Float64Array(m),
    gW: new Float64Array(G),
    dW: new Float64Array(D),
    used: new Uint8Array(m),
  };
}

interface GuideIndex {
  groupCols: Int32Array[];
  dimGroups: Int32Array[];
  dims: Int32Array;
  scratch: GuideScratch;
  /** Conditions of each target stage with their dimension index, resolved once per stage. */
  conds: Map<number, { c: StageCondition; d: number }[]>;
}

function nextStageGuidance(p: PreparedEdition, u: number, target: number, idx: GuideIndex): NextStageGuidance {
  const { cf, weights, methods } = p;
  const m = cf.items.length;
  const D = cf.dims.length;
  const G = cf.groups.length;
  const scale = cf.scaleMax;
  const stage = cf.fw.stages[target]!;
  let conds = idx.conds.get(target);
  if (!conds) idx.conds.set(target, (conds = (stage.conditions ?? []).map((c) => ({ c, d: cf.dims.findIndex((x) => x.code === c.dimension) }))));
  const sc = idx.scratch;
  // Copies of the unit's values (modified as items are raised), in reused buffers; every other buffer is either
  // reset below or written before it is read.
  const row = sc.row;
  row.set(p.values.subarray(u * m, (u + 1) * m));
  const gv = sc.gv;
  gv.set(p.agg.group.subarray(u * G, (u + 1) * G));
  const dv = sc.dv;
  dv.set(p.agg.dim.subarray(u * D, (u + 1) * D));
  let overall = p.agg.overall[u]!;
  const unmetDims = (): number[] => {
    const out: number[] = [];
    for (const { c, d } of conds) if (!(dv[d]! === dv[d]! && reaches(dv[d]! * scale, c.min))) out.push(d);
    return out;
  };
  const done = (): boolean => reaches(overall * scale, stage.minScore) && (conds.length === 0 || unmetDims().length === 0);
  const startOverall = overall * scale;
  const startShort = conds
    .filter(({ c, d }) => !(dv[d]! === dv[d]! && reaches(dv[d]! * scale, c.min)))
    .map(({ c, d }) => {
      const sc = dv[d]! === dv[d]! ? dv[d]! * scale : 0;
      return { dimension: c.dimension, min: c.min, score: sc, needed: Math.max(0, c.min - sc) };
    });

  const gain = sc.gain;
  const cand: number[] = [];
  const arithmetic = methods.overall.method === 'arithmetic' && methods.dims.every((a) => a.method === 'arithmetic');
  // Arithmetic means are linear: an item's gain is (1 − x) times its share of the overall score, where the shares
  // use the unit's visible weights. Geometric means need the item's group, dimension and overall recomputed.
  let share: Float64Array | null = null;
  if (arithmetic) {
    share = sc.share;
    const gW = sc.gW.fill(0);
    for (let j = 0; j < m; j++) if (row[j] === row[j]) gW[cf.items[j]!.group] = gW[cf.items[j]!.group]! + weights.item[j]!;
    const dW = sc.dW.fill(0);
    for (let g = 0; g < G; g++) if (gv[g] === gv[g]) dW[cf.groups[g]!.dim] = dW[cf.groups[g]!.dim]! + weights.group[g]!;
    let oW = 0;
    for (let d = 0; d < D; d++) if (dv[d] === dv[d]) oW += weights.dim[d]!;
    for (let j = 0; j < m; j++) {
      const ci = cf.items[j]!;
      share[j] = ((((weights.item[j]! / gW[ci.group]!) * weights.group[ci.group]!) / dW[ci.dim]!) * weights.dim[ci.dim]!) / oW;
    }
  }
  for (let j = 0; j < m; j++) {
    const x = row[j]!;
    if (x !== x || x >= 1) continue;
    const ci = cf.items[j]!;
    if (share) gain[j] = (1 - x) * share[j]! * scale;
    else {
      const agg = methods.dims[ci.dim]!;
      const ng = wm(row, weights.item, idx.groupCols[ci.group]!, agg, j, 1);
      const nd = wm(gv, weights.group, idx.dimGroups[ci.dim]!, agg, ci.group, ng);
      gain[j] = (wm(dv, weights.dim, idx.dims, methods.overall, ci.dim, nd) - overall) * scale;
    }
    cand.push(j);
  }
  // Gains rounded to 1e-9 so that ties (common with equal weights) fall back to framework order, not to float noise.
  const key = sc.key;
  for (const j of cand) key[j] = Math.round(gain[j]! * 1e9);
  sortByKeyDesc(cand, key, m);
  const used = sc.used.fill(0);
  const chosen: NextStageGuidance['items'] = [];
  let pos = 0;
  while (!done()) {
    const unmet = conds.length ? unmetDims() : [];
    let pick = -1;
    if (unmet.length) for (const j of cand) if (!used[j] && unmet.includes(cf.items[j]!.dim)) { pick = j; break; }
    if (pick < 0) {
      while (pos < cand.length && used[cand[pos]!]) pos++;
      if (pos >= cand.length) break;
      pick = cand[pos]!;
    }
    used[pick] = 1;
    const ci = cf.items[pick]!;
    const agg = methods.dims[ci.dim]!;
    row[pick] = 1;
    gv[ci.group] = wm(row, weights.item, idx.groupCols[ci.group]!, agg, -1, 0);
    dv[ci.dim] = wm(gv, weights.group, idx.dimGroups[ci.dim]!, agg, -1, 0);
    const next = wm(dv, weights.dim, idx.dims, methods.overall, -1, 0);
    chosen.push({ code: ci.code, text: ci.item.text, dimension: cf.dims[ci.dim]!.code, gain: (next - overall) * scale, recommendation: ci.item.recommendation ?? null });
    overall = next;
  }
  return {
    stage: stage.code,
    pointsNeeded: Math.max(0, stage.minScore - startOverall),
    conditionShortfalls: startShort,
    items: chosen,
    reachable: done(),
  };
}
