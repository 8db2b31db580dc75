// Scores one edition: item points → missing rule → normalisation → aggregation → stages, ranks, guidance, statistics.
import { compileFramework, type CompiledFramework } from '../framework/compile.js';
import type { Aggregation, Framework, MissingRule, PeerGroupKey, Stage, StageCondition, UnitInput } from '../framework/types.js';
import { fingerprint, type Sha256Factory } from '../fingerprint.js';
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
import { segmentTable } from '../stats/segments.js';
import { aggregateAll, allocAggregated, baseMethods, baseWeights, buildPlan, type Aggregated, type AggregationPlan, type Methods, type Weights } from './aggregate.js';
import { computeItemMatrix, readAnswers, ST, throwIfProblems, type ItemMatrix } from './items.js';
import { ingestUnits } from './ingest.js';
import { applyMissingRule, peerGroupOf } from './missing.js';
import { normaliseMatrix } from './normalise.js';
import { assignStage, reaches, SCORE_TOLERANCE } from './stages.js';

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
  /** SHA-256 for the fingerprint (the engine's pure-JavaScript one by default); any correct one gives the same result. */
  sha256?: Sha256Factory;
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

type GuidanceStep = NextStageGuidance['items'][number];

const STATUS_NAMES: ItemStatus[] = ['answered', 'no_evidence', 'zero', 'hidden', 'imputed', 'zero'];

/** Validates framework and units (throwing AppError) and computes item points, normalisation and aggregation. */
export function prepareEdition(framework: Framework, units: readonly UnitInput[], options: Pick<ScoreOptions, 'missing' | 'sha256'> = {}): PreparedEdition {
  const cf = compileFramework(framework);
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const missingRule: MissingRule = options.missing ?? framework.missing;
  const fpOptions = { missing: missingRule };
  let ingested = ingestUnits(cf, framework, sorted, fpOptions, options.sha256);
  if (!ingested) {
    // Some unit has a problem: the straightforward path lists every problem, in order, and throws.
    const read = readAnswers(cf, sorted);
    throwIfProblems(read.problems);
    ingested = { matrix: computeItemMatrix(cf, sorted, read), fingerprint: fingerprint(framework, sorted, fpOptions, options.sha256) };
  }
  const { matrix } = ingested;
  applyMissingRule(cf, sorted, matrix, missingRule);
  const values = normaliseMatrix(cf, matrix);
  const plan = buildPlan(cf, sorted.length);
  const weights = baseWeights(cf);
  const methods = baseMethods(cf);
  const agg = aggregateAll(plan, values, weights, methods, allocAggregated(plan));
  return { cf, units: sorted, matrix, values, plan, weights, methods, agg, missingRule, fingerprint: ingested.fingerprint };
}

const orNull = (x: number, scale: number): number | null => (x === x ? x * scale : null);

/**
 * Per-edition lookups and work buffers for building unit results. Why a context object and one small function per
 * part of a unit's result: V8 optimises small functions called thousands of times within the first run and keeps
 * them optimised, whereas one large function with every loop inlined was compiled, de-optimised and re-compiled
 * over the first few scoring runs (each compile of it taking hundreds of milliseconds of CPU).
 */
interface UnitContext {
  p: PreparedEdition;
  cf: CompiledFramework;
  n: number;
  m: number;
  D: number;
  G: number;
  scale: number;
  /** Dimension, sub-dimension and item codes, resolved once per edition. */
  dimCodes: string[];
  groupCodes: (string | null)[];
  itemCode: string[];
  itemDim: string[];
  itemWeight: Float64Array;
  ranks: PeerRank[][];
  peers: PeerSums;
  nWeakItems: number;
  nWeakDims: number;
  guidance: boolean;
  guideIdx: GuideIndex;
  itemScores: ((u: number) => ItemScore[]) | null;
  /** Scratch for the weakest items: gap per item, and the top-K item indices (typed: refilled for every unit). */
  gapArr: Float64Array;
  top: Int32Array;
  /** Scratch for the weakest dimensions: gap per dimension, and the kept dimensions in order. */
  dimGap: Float64Array;
  dimTop: Int32Array;
  /** Weak items shared between units: (item, value, gap) → weak item. */
  weakItems: SharedTable<WeakItem>;
  stageIndex: Int32Array;
}

/** Scores an edition. Throws FRAMEWORK_INVALID or VALIDATION_FAILED (AppError) on bad input. */
export function scoreEdition(framework: Framework, units: readonly UnitInput[], options: ScoreOptions = {}): EditionResult {
  const p = prepareEdition(framework, units, options);
  const { cf, values, agg } = p;
  const fw = cf.fw;
  const n = p.units.length;
  // Quality checks first, while the normalised values are still in cache (after the unit results they were not:
  // the checks took about half again as long).
  const quality = qualityReport(cf, n, values, agg.dim);
  const ctx = unitContext(p, options);
  const unitResults: UnitResult[] = new Array<UnitResult>(n);
  for (let u = 0; u < n; u++) unitResults[u] = unitResult(ctx, u);
  return {
    engineVersion: ENGINE_VERSION,
    fingerprint: p.fingerprint,
    framework: { id: fw.id, version: fw.version },
    scale: fw.scale,
    missingRule: p.missingRule,
    units: unitResults,
    segments: segmentTable(fw, unitResults.map((r) => r.attributes), agg.overall, agg.dim, ctx.stageIndex, cf.scaleMax),
    quality,
  };
}

function unitContext(p: PreparedEdition, options: ScoreOptions): UnitContext {
  const { cf, matrix, values, agg } = p;
  const fw = cf.fw;
  const n = p.units.length;
  const m = cf.items.length;
  const peerKeys: PeerGroupKey[] = ['all', ...fw.peerGroups.filter((k) => k !== 'all')];
  const primaryKey: PeerGroupKey = fw.peerGroups[0] ?? 'all';
  return {
    p,
    cf,
    n,
    m,
    D: cf.dims.length,
    G: cf.groups.length,
    scale: cf.scaleMax,
    dimCodes: cf.dims.map((d) => d.code),
    groupCodes: cf.groups.map((g) => g.code),
    itemCode: cf.items.map((ci) => ci.code),
    itemDim: cf.items.map((ci) => cf.dims[ci.dim]!.code),
    itemWeight: Float64Array.from(cf.items.map((ci) => ci.weight)),
    ranks: peerRanks(p.units, agg.overall, peerKeys),
    peers: peerSums(p, primaryKey),
    nWeakItems: options.weakestItems ?? 5,
    nWeakDims: options.weakestDimensions ?? 2,
    guidance: options.guidance ?? true,
    guideIdx: guideIndex(p),
    itemScores: (options.itemDetail ?? true) ? itemDetail(cf, matrix, values) : null,
    gapArr: new Float64Array(m),
    top: new Int32Array(m + 1),
    dimGap: new Float64Array(cf.dims.length),
    dimTop: new Int32Array(cf.dims.length + 1),
    weakItems: new SharedTable<WeakItem>(),
    stageIndex: new Int32Array(n),
  };
}

function unitResult(ctx: UnitContext, u: number): UnitResult {
  const { p, scale } = ctx;
  const unit = p.units[u]!;
  const stages = ctx.cf.fw.stages;
  const dims = dimensionScores(ctx, u);
  const overall = orNull(p.agg.overall[u]!, scale);
  const stage = assignStage(stages, overall, dims);
  ctx.stageIndex[u] = stage ? stage.index : -1;
  const res: UnitResult = {
    id: unit.id,
    attributes: unit.attributes ?? {},
    overall,
    dimensions: dims,
    subdimensions: subdimensionScores(ctx, u),
    stage,
    ranks: ctx.ranks[u]!,
    missingItems: missingItems(ctx, u),
    weakestItems: weakestItems(ctx, u),
    weakestDimensions: weakestDimensions(ctx, u),
    nextStage: ctx.guidance && stage && stage.index < stages.length - 1 ? nextStageGuidance(p, u, stage.index + 1, ctx.guideIdx) : null,
  };
  if (unit.name) res.name = unit.name;
  if (ctx.itemScores) res.items = ctx.itemScores(u);
  return res;
}

function dimensionScores(ctx: UnitContext, u: number): Record<string, number | null> {
  const { D, scale, dimCodes } = ctx;
  const dim = ctx.p.agg.dim;
  const dims: Record<string, number | null> = {};
  for (let di = 0; di < D; di++) dims[dimCodes[di]!] = orNull(dim[u * D + di]!, scale);
  return dims;
}

function subdimensionScores(ctx: UnitContext, u: number): Record<string, number | null> {
  const { G, scale, groupCodes } = ctx;
  const group = ctx.p.agg.group;
  const subdimensions: Record<string, number | null> = {};
  for (let gi = 0; gi < G; gi++) {
    const code = groupCodes[gi]!;
    if (code !== null) subdimensions[code] = orNull(group[u * G + gi]!, scale);
  }
  return subdimensions;
}

/** Codes of the items whose missing answer was imputed or scored zero. */
function missingItems(ctx: UnitContext, u: number): string[] {
  const { m, itemCode } = ctx;
  const status = ctx.p.matrix.status;
  const out: string[] = [];
  for (let j = 0; j < m; j++) {
    const st = status[u * m + j]!;
    if (st === ST.imputed || st === ST.zero) out.push(itemCode[j]!);
  }
  return out;
}

/** Top-K items by gap to the peer mean (ties: higher weight, then framework order), by insertion into a small buffer. */
function weakestItems(ctx: UnitContext, u: number): WeakItem[] {
  const { m, nWeakItems, gapArr, itemWeight, top } = ctx;
  const values = ctx.p.values;
  const { itemSum, itemCnt, row } = ctx.peers;
  const g = row[u]!;
  let len = 0;
  for (let j = 0; j < m; j++) {
    const x = values[u * m + j]!;
    const cnt = itemCnt[g * m + j]!;
    if (x !== x || cnt === 0) continue;
    const gap = itemSum[g * m + j]! / cnt - x;
    if (!(gap > 1e-12)) continue;
    gapArr[j] = gap;
    if (len === nWeakItems && (nWeakItems === 0 || !weakerItem(j, top[nWeakItems - 1]!, gapArr, itemWeight))) continue;
    let k = len;
    if (k === nWeakItems) k--;
    else len++;
    while (k > 0 && weakerItem(j, top[k - 1]!, gapArr, itemWeight)) {
      top[k] = top[k - 1]!;
      k--;
    }
    top[k] = j;
  }
  const out: WeakItem[] = new Array<WeakItem>(len);
  for (let k = 0; k < len; k++) {
    const j = top[k]!;
    const ci = ctx.cf.items[j]!;
    const weak = ctx.weakItems;
    weak.key[0] = values[u * m + j]!;
    weak.key[1] = gapArr[j]!;
    out[k] = weak.find(j) ?? weak.add({ code: ci.code, text: ci.item.text, dimension: ctx.itemDim[j]!, value: weak.key[0]!, peerMean: weak.key[0]! + weak.key[1]!, gap: weak.key[1]!, recommendation: ci.item.recommendation ?? null });
  }
  return out;
}

/**
 * The first `nWeakDims` dimensions below the peer mean, largest gap first, ties in framework order (what the stable
 * sort of all of them by gap, then keeping the first few, gave). Only the kept ones become objects.
 */
function weakestDimensions(ctx: UnitContext, u: number): WeakDimension[] {
  const { D, scale, nWeakDims, dimGap, dimTop } = ctx;
  const dim = ctx.p.agg.dim;
  const { dimSum, dimCnt, row } = ctx.peers;
  const g = row[u]!;
  let len = 0;
  for (let di = 0; di < D; di++) {
    const x = dim[u * D + di]!;
    const cnt = dimCnt[g * D + di]!;
    if (x !== x || cnt === 0) continue;
    const gap = (dimSum[g * D + di]! / cnt) * scale - x * scale;
    if (!(gap > 1e-9)) continue;
    dimGap[di] = gap;
    // Insertion after every kept dimension whose gap is not smaller: the stable order.
    let k = len < nWeakDims ? len++ : nWeakDims;
    if (k === nWeakDims && (k === 0 || !(gap - dimGap[dimTop[k - 1]!]! > 0))) continue;
    if (k === nWeakDims) k--;
    while (k > 0 && gap - dimGap[dimTop[k - 1]!]! > 0) {
      dimTop[k] = dimTop[k - 1]!;
      k--;
    }
    dimTop[k] = di;
  }
  const out = new Array<WeakDimension>(len);
  for (let k = 0; k < len; k++) {
    const di = dimTop[k]!;
    const d = ctx.cf.dims[di]!;
    const peerMean = (dimSum[g * D + di]! / dimCnt[g * D + di]!) * scale;
    out[k] = { code: d.code, name: d.def.name, score: dim[u * D + di]! * scale, peerMean, gap: dimGap[di]!, recommendation: d.def.recommendation ?? null };
  }
  return out;
}

/** Sums and counts of item values and dimension scores per primary peer group (row 0: the whole population). */
interface PeerSums {
  /** Each unit's row: 0 when it has no group (it then compares with everyone). */
  row: Int32Array;
  itemSum: Float64Array;
  itemCnt: Float64Array;
  dimSum: Float64Array;
  dimCnt: Float64Array;
}

/** A unit in a group adds to row 0 and to its group's row, in unit order (the order of every sum is as before). */
function peerSums(p: PreparedEdition, primaryKey: PeerGroupKey): PeerSums {
  const n = p.units.length;
  const m = p.cf.items.length;
  const D = p.cf.dims.length;
  const groupIndex = new Map<string, number>([['all', 0]]);
  const row = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const g = peerGroupOf(p.units[u]!, primaryKey);
    if (g === null || g === 'all') continue;
    let gi = groupIndex.get(g);
    if (gi === undefined) groupIndex.set(g, (gi = groupIndex.size));
    row[u] = gi;
  }
  const PG = groupIndex.size;
  const sums: PeerSums = { row, itemSum: new Float64Array(PG * m), itemCnt: new Float64Array(PG * m), dimSum: new Float64Array(PG * D), dimCnt: new Float64Array(PG * D) };
  for (let u = 0; u < n; u++) {
    addRow(sums.itemSum, sums.itemCnt, 0, p.values, u, m);
    addRow(sums.dimSum, sums.dimCnt, 0, p.agg.dim, u, D);
    const own = row[u]!;
    if (own === 0) continue;
    addRow(sums.itemSum, sums.itemCnt, own, p.values, u, m);
    addRow(sums.dimSum, sums.dimCnt, own, p.agg.dim, u, D);
  }
  return sums;
}

/** Adds row u of the u × w matrix `xs` (skipping NaN) to row g of `sum`, counting into `cnt`. */
function addRow(sum: Float64Array, cnt: Float64Array, g: number, xs: Float64Array, u: number, w: number): void {
  const s = g * w;
  const r = u * w;
  for (let j = 0; j < w; j++) {
    const x = xs[r + j]!;
    if (x === x) {
      sum[s + j] = sum[s + j]! + x;
      cnt[s + j] = cnt[s + j]! + 1;
    }
  }
}

/** Item a ranks before item b among the weakest: larger gap, then higher weight, then framework order. */
function weakerItem(a: number, b: number, gap: Float64Array, weight: Float64Array): boolean {
  return gap[a]! > gap[b]! || (gap[a] === gap[b] && (weight[a]! > weight[b]! || (weight[a] === weight[b] && a < b)));
}

/**
 * Every unit's ranks in each peer-group key, exactly as competitionRanks gives them group by group: one sort of the
 * whole population serves every key, because a group's members read in that order are already sorted (ranks,
 * ties and percentiles depend only on the sorted scores). `n` counts the whole group; unscored units get no rank.
 */
function peerRanks(units: readonly UnitInput[], overall: Float64Array, keys: readonly PeerGroupKey[]): PeerRank[][] {
  const n = units.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (overall[i] === overall[i]) order.push(i);
  order.sort((a, b) => overall[b]! - overall[a]!);
  const ranks: PeerRank[][] = new Array<PeerRank[]>(n);
  for (let i = 0; i < n; i++) ranks[i] = [];
  const groupOf = new Int32Array(n);
  const sorted = new Int32Array(order.length);
  for (const key of keys) {
    const names: string[] = [];
    const ids = new Map<string, number>();
    const size: number[] = [];
    for (let i = 0; i < n; i++) {
      const g = peerGroupOf(units[i]!, key);
      if (g === null) {
        groupOf[i] = -1;
        continue;
      }
      let id = ids.get(g);
      if (id === undefined) {
        ids.set(g, (id = names.length));
        names.push(g);
        size.push(0);
      }
      groupOf[i] = id;
      size[id]!++;
    }
    // Scored members of each group, contiguous and in descending order (a counting sort that keeps `order`).
    const start = new Int32Array(names.length + 1);
    for (const i of order) if (groupOf[i]! >= 0) start[groupOf[i]! + 1]!++;
    for (let g = 0; g < names.length; g++) start[g + 1]! += start[g]!;
    const fill = start.slice(0, names.length);
    for (const i of order) if (groupOf[i]! >= 0) sorted[fill[groupOf[i]!]!++] = i;
    for (let g = 0; g < names.length; g++) {
      const first = start[g]!;
      const cnt = start[g + 1]! - first;
      let s = 0;
      while (s < cnt) {
        const topScore = overall[sorted[first + s]!]!;
        let e = s;
        while (e + 1 < cnt && Math.abs(overall[sorted[first + e + 1]!]! - topScore) <= SCORE_TOLERANCE * Math.max(1, Math.abs(topScore))) e++;
        const tied = e - s + 1;
        const below = cnt - 1 - e;
        const percentile = cnt === 1 ? 100 : (100 * (below + 0.5 * (tied - 1))) / (cnt - 1);
        for (let k = s; k <= e; k++) ranks[sorted[first + k]!]!.push({ key, group: names[g]!, n: size[g]!, rank: s + 1, tiedWith: tied, percentile });
        s = e + 1;
      }
    }
  }
  return ranks;
}

/**
 * Builds each unit's item detail from shared, frozen ItemScore objects. An item's detail is fixed by its status,
 * points and value, and 2,000 × 150 cells hold only a few thousand distinct combinations (answers take a handful of
 * values), so each combination is created once per scoring run and every unit with it points to the same object:
 * creating and then garbage-collecting 300,000 small objects was the largest single cost of scoring an edition.
 * The JSON, deep equality and type are those of separate objects; freezing makes an attempt to edit one unit's item
 * (which would edit the others) throw instead of silently spreading.
 */
function itemDetail(cf: CompiledFramework, matrix: ItemMatrix, values: Float64Array): (u: number) => ItemScore[] {
  const m = cf.items.length;
  const code = cf.items.map((ci) => ci.code);
  const dim = cf.items.map((ci) => cf.dims[ci.dim]!.code);
  const sub = cf.items.map((ci) => cf.groups[ci.group]!.code);
  const cache = new ColumnCache(m, matrix, values);
  const table = new SharedTable<ItemScore>();
  const create = (j: number, cell: number): ItemScore => {
    const r = matrix.raw[cell]!;
    const v = values[cell]!;
    return Object.freeze({ code: code[j]!, dimension: dim[j]!, subdimension: sub[j]!, status: STATUS_NAMES[matrix.status[cell]!]!, raw: r === r ? r : null, value: v === v ? v : null });
  };
  const inTable = (j: number, cell: number): ItemScore => {
    table.key[0] = matrix.raw[cell]!;
    table.key[1] = values[cell]!;
    return table.find(j * 8 + matrix.status[cell]!) ?? table.add(create(j, cell));
  };
  return (u: number): ItemScore[] => {
    const items = new Array<ItemScore>(m);
    for (let j = 0; j < m; j++) {
      const cell = u * m + j;
      // A column's distinct scores live in its small cache until there are more than it holds (numbers on
      // goalposts); then they all move to the hash table, so each distinct score keeps exactly one object.
      let obj: ItemScore | undefined;
      if (!cache.moved(j)) {
        obj = cache.find(j, cell);
        if (obj === undefined && !cache.full(j)) obj = cache.add(j, cell, create(j, cell));
        if (obj === undefined) cache.moveTo(j, table);
      }
      items[j] = obj ?? inTable(j, cell);
    }
    return items;
  };
}

/** The 32-bit halves of a Float64Array's numbers, to compare numbers by their bits. */
const bitsOf = (xs: Float64Array): Int32Array => new Int32Array(xs.buffer, xs.byteOffset, xs.length * 2);

/**
 * The first COLUMN_CACHE distinct (status, points, value) of each item with their shared ItemScore, searched
 * linearly. Most items take a handful of distinct scores (yes/no, options, missing, hidden), so a short scan of one
 * column's entries replaces hashing two doubles per cell, which was most of the cost of item detail. Numbers are
 * compared by their bits, as the hash table does (−0 is not 0 for deep equality), as integers: comparing doubles
 * needed a division to tell the zeros apart, and most points are 0 or 1.
 */
const COLUMN_CACHE = 8;
const MOVED = 255;
class ColumnCache {
  private readonly len: Uint8Array;
  private readonly status: Uint8Array;
  /** Per entry: the four 32-bit halves of points and value. */
  private readonly words: Int32Array;
  private readonly objs: (ItemScore | undefined)[];
  private readonly rawBits: Int32Array;
  private readonly valueBits: Int32Array;

  constructor(
    m: number,
    private readonly matrix: ItemMatrix,
    values: Float64Array,
  ) {
    this.len = new Uint8Array(m);
    this.status = new Uint8Array(m * COLUMN_CACHE);
    this.words = new Int32Array(4 * m * COLUMN_CACHE);
    this.objs = new Array<ItemScore | undefined>(m * COLUMN_CACHE).fill(undefined);
    this.rawBits = bitsOf(matrix.raw);
    this.valueBits = bitsOf(values);
  }

  /** The shared score of column j equal to matrix cell `cell`, if cached. */
  find(j: number, cell: number): ItemScore | undefined {
    const st = this.matrix.status[cell]!;
    const r0 = this.rawBits[2 * cell]!;
    const r1 = this.rawBits[2 * cell + 1]!;
    const v0 = this.valueBits[2 * cell]!;
    const v1 = this.valueBits[2 * cell + 1]!;
    const { words, status } = this;
    const base = j * COLUMN_CACHE;
    const end = base + this.len[j]!;
    for (let e = base; e < end; e++) {
      const w = 4 * e;
      if (status[e] === st && words[w] === r0 && words[w + 1] === r1 && words[w + 2] === v0 && words[w + 3] === v1) return this.objs[e];
    }
    return undefined;
  }

  full(j: number): boolean {
    return this.len[j] === COLUMN_CACHE;
  }

  /** Whether column j's scores are in the hash table instead. */
  moved(j: number): boolean {
    return this.len[j] === MOVED;
  }

  /** Moves column j's scores into the table (which must not hold any of them yet). */
  moveTo(j: number, table: SharedTable<ItemScore>): void {
    const base = j * COLUMN_CACHE;
    const kw = new Int32Array(table.key.buffer);
    for (let e = base; e < base + this.len[j]!; e++) {
      for (let h = 0; h < 4; h++) kw[h] = this.words[4 * e + h]!;
      if (table.find(j * 8 + this.status[e]!) === undefined) table.add(this.objs[e]!);
    }
    this.len[j] = MOVED;
  }

  add(j: number, cell: number, obj: ItemScore): ItemScore {
    const e = j * COLUMN_CACHE + this.len[j]!++;
    const w = 4 * e;
    this.status[e] = this.matrix.status[cell]!;
    this.words[w] = this.rawBits[2 * cell]!;
    this.words[w + 1] = this.rawBits[2 * cell + 1]!;
    this.words[w + 2] = this.valueBits[2 * cell]!;
    this.words[w + 3] = this.valueBits[2 * cell + 1]!;
    this.objs[e] = obj;
    return obj;
  }
}

/**
 * Open-addressing hash table from (tag, two numbers) to one shared, frozen result object: an item's detail for a
 * (status, points, value), a guidance step for a gain, a weak item for a (value, gap). Units repeat these a lot
 * (10,000 weak items per edition hold ~200 distinct, 32,000 guidance steps ~4,000), so each is built once per run.
 * Numbers are compared by their bits, which tells −0 from 0 as deep equality does (a Map would merge them, and box
 * every key it is asked about). The numbers are passed through `key` rather than as arguments: a double passed to a
 * call that is not inlined is boxed, one allocation per lookup.
 */
class SharedTable<T extends object> {
  /** The two numbers of the next lookup. */
  readonly key = new Float64Array(2);
  private readonly bits = new Int32Array(this.key.buffer);
  private size = 0;
  private mask = 1023;
  /** Per slot: tag + 1 (0 = empty), then the four 32-bit halves of the two numbers. */
  private tag = new Int32Array(1024);
  private words = new Int32Array(4 * 1024);
  private objs: (T | undefined)[] = new Array<T | undefined>(1024);
  /** The slot found or to fill, from the last find. */
  private slot = 0;
  private pending = 0;

  /** The object stored for (tag, key[0], key[1]); tag ≥ 0. */
  find(tag: number): T | undefined {
    const b = this.bits;
    const b0 = b[0]!;
    const b1 = b[1]!;
    const b2 = b[2]!;
    const b3 = b[3]!;
    const t1 = tag + 1;
    let i = Math.imul(Math.imul(b0 ^ b1 ^ t1, 0x9e3779b1) ^ b2 ^ b3, 0x85ebca6b) & this.mask;
    for (;;) {
      const t = this.tag[i]!;
      if (t === 0) break;
      const w = 4 * i;
      if (t === t1 && this.words[w] === b0 && this.words[w + 1] === b1 && this.words[w + 2] === b2 && this.words[w + 3] === b3) return this.objs[i];
      i = (i + 1) & this.mask;
    }
    this.slot = i;
    this.pending = t1;
    return undefined;
  }

  /** Stores `obj` (frozen) for the key of the last find, which missed, and returns it. */
  add(obj: T): T {
    const i = this.slot;
    const w = 4 * i;
    this.tag[i] = this.pending;
    this.words[w] = this.bits[0]!;
    this.words[w + 1] = this.bits[1]!;
    this.words[w + 2] = this.bits[2]!;
    this.words[w + 3] = this.bits[3]!;
    this.objs[i] = Object.freeze(obj);
    if (++this.size * 2 > this.mask) this.grow();
    return obj;
  }

  private grow(): void {
    const { tag, words, objs } = this;
    const cap = 2 * (this.mask + 1);
    this.mask = cap - 1;
    this.tag = new Int32Array(cap);
    this.words = new Int32Array(4 * cap);
    this.objs = new Array<T | undefined>(cap);
    for (let k = 0; k < tag.length; k++) {
      const t = tag[k]!;
      if (t === 0) continue;
      const w = 4 * k;
      let i = Math.imul(Math.imul(words[w]! ^ words[w + 1]! ^ t, 0x9e3779b1) ^ words[w + 2]! ^ words[w + 3]!, 0x85ebca6b) & this.mask;
      while (this.tag[i] !== 0) i = (i + 1) & this.mask;
      this.tag[i] = t;
      // Four copies rather than set(subarray(…)): a view per entry was ~1 MB of garbage per run.
      this.words[4 * i] = words[w]!;
      this.words[4 * i + 1] = words[w + 1]!;
      this.words[4 * i + 2] = words[w + 2]!;
      this.words[4 * i + 3] = words[w + 3]!;
      this.objs[i] = objs[k];
    }
  }
}

/**
 * Candidate items in the order `key[b] - key[a] || a - b` (gain descending, then framework order), produced lazily:
 * guidance usually takes about 17 of some 120 candidates, so sorting them all (the hottest part of scoring, once)
 * was mostly wasted. With finite keys that comparator is a total order, and a binary heap popped on demand yields
 * exactly the sorted sequence. A non-finite key (possible only with zero weights) makes the comparator
 * inconsistent, so then the candidates are sorted with it, as before, to reproduce its order exactly.
 */
export class CandidateOrder {
  private heap: Int32Array;
  private heapLen = 0;
  /** The first `len` candidates in order. */
  private order: Int32Array;
  private len = 0;
  private key: Float64Array = new Float64Array(0);

  constructor(m: number) {
    this.heap = new Int32Array(m);
    this.order = new Int32Array(m);
  }

  /** Orders the first `count` entries of `cand` (all of them by default) by `key`. */
  reset(cand: ArrayLike<number>, key: Float64Array, count = cand.length): void {
    this.key = key;
    this.len = 0;
    this.heapLen = 0;
    let finite = true;
    for (let k = 0; k < count; k++) if (!Number.isFinite(key[cand[k]!]!)) finite = false;
    if (!finite) {
      const sorted = Array.from({ length: count }, (_, k) => cand[k]!).sort((a, b) => key[b]! - key[a]! || a - b);
      this.order.set(sorted);
      this.len = sorted.length;
      return;
    }
    for (let k = 0; k < count; k++) this.heap[k] = cand[k]!;
    this.heapLen = count;
    for (let i = (this.heapLen >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** The candidate at position `pos` of the order, or −1 past the end. */
  at(pos: number): number {
    while (this.len <= pos && this.heapLen > 0) {
      const top = this.heap[0]!;
      this.heap[0] = this.heap[--this.heapLen]!;
      this.siftDown(0);
      this.order[this.len++] = top;
    }
    return pos < this.len ? this.order[pos]! : -1;
  }

  private before(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    return ka > kb || (ka === kb && a < b);
  }

  private siftDown(i: number): void {
    const h = this.heap;
    const n = this.heapLen;
    const x = h[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.before(h[c + 1]!, h[c]!)) c++;
      if (!this.before(h[c]!, x)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = x;
  }
}

/**
 * Weighted mean of vals over idx, stored into out[at]; same rules as aggregateAll. The result is stored, not
 * returned: guidance calls this three times per item it raises (~100,000 times per edition), and a double returned
 * from a call is boxed, which allocated ~7 MB per scoring run. (An optional "override one value" parameter, tried
 * for the geometric gains, made every value read here a boxed number: ~12 MB per run.)
 */
function wmInto(out: Float64Array, at: number, vals: Float64Array, ws: Float64Array, idx: Int32Array, agg: Aggregation): void {
  let sw = 0;
  let acc = 0;
  const geo = agg.method === 'geometric';
  const eps = agg.epsilon ?? 0.01;
  let isZero = false;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const x = vals[i]!;
    if (x !== x) continue;
    const w = ws[i]!;
    sw += w;
    if (!geo) acc += w * x;
    else if (w > 0) {
      if (x <= 0 && agg.zeroRule === 'zero') isZero = true;
      else acc += w * Math.log(x < eps ? eps : x);
    }
  }
  out[at] = !(sw > 0) ? NaN : !geo ? acc / sw : isZero ? 0 : Math.exp(acc / sw);
}

/** Work arrays and per-edition lookups for nextStageGuidance, built once per edition rather than once per unit. */
interface GuideIndex {
  groupCols: Int32Array[];
  dimGroups: Int32Array[];
  dims: Int32Array;
  itemGroup: Int32Array;
  itemDim: Int32Array;
  groupDim: Int32Array;
  /** Every aggregation arithmetic: gains are linear in the item values. */
  arithmetic: boolean;
  /** Conditions of each target stage with their dimension index, resolved once per stage. */
  conds: Map<number, StageConds>;
  row: Float64Array;
  gv: Float64Array;
  dv: Float64Array;
  key: Float64Array;
  order: CandidateOrder;
  gW: Float64Array;
  dW: Float64Array;
  used: Uint8Array;
  unmet: Uint8Array;
  /** The overall score after raising an item (wmInto's target). */
  next: Float64Array;
  /** Guidance steps shared between units: (item, gain) → step. */
  steps: SharedTable<GuidanceStep>;
  /** One unit's steps, in order (at most one per item). */
  chosen: GuidanceStep[];
  /** Candidate items (not hidden, below full marks), in framework order; a typed buffer so that refilling it per
   *  unit allocates nothing (emptying a plain array by `length = 0` frees its storage, and refilling regrows it). */
  cand: Int32Array;
}

function guideIndex(p: PreparedEdition): GuideIndex {
  const { cf, methods } = p;
  const m = cf.items.length;
  const G = cf.groups.length;
  const D = cf.dims.length;
  return {
    groupCols: cf.groups.map((g) => Int32Array.from(g.cols)),
    dimGroups: cf.dims.map((d) => Int32Array.from(d.groups)),
    dims: Int32Array.from(cf.dims.map((_, i) => i)),
    itemGroup: Int32Array.from(cf.items, (ci) => ci.group),
    itemDim: Int32Array.from(cf.items, (ci) => ci.dim),
    groupDim: Int32Array.from(cf.groups, (g) => g.dim),
    arithmetic: methods.overall.method === 'arithmetic' && methods.dims.every((a) => a.method === 'arithmetic'),
    conds: new Map(),
    row: new Float64Array(m),
    gv: new Float64Array(G),
    dv: new Float64Array(D),
    key: new Float64Array(m),
    order: new CandidateOrder(m),
    gW: new Float64Array(G),
    dW: new Float64Array(D),
    used: new Uint8Array(m),
    unmet: new Uint8Array(D),
    next: new Float64Array(1),
    steps: new SharedTable<GuidanceStep>(),
    chosen: [],
    cand: new Int32Array(m),
  };
}

/**
 * A target stage's extra conditions with each one's dimension index, in typed arrays: one shape whether a stage has
 * conditions or none (arrays of objects, empty or not, differed in kind and de-optimised the code reading them).
 */
interface StageConds {
  list: readonly StageCondition[];
  dim: Int32Array;
  min: Float64Array;
}

function stageConds(cf: CompiledFramework, stage: Stage): StageConds {
  const list = stage.conditions ?? [];
  return { list, dim: Int32Array.from(list, (c) => cf.dims.findIndex((x) => x.code === c.dimension)), min: Float64Array.from(list, (c) => c.min) };
}

/** Whether every condition holds for the dimension scores `dv` (0–1); marks the dimensions that fail in `unmet`. */
function conditionsHold(conds: StageConds, dv: Float64Array, scale: number, unmet: Uint8Array): boolean {
  unmet.fill(0);
  let ok = true;
  for (let k = 0; k < conds.dim.length; k++) {
    const d = conds.dim[k]!;
    if (!(dv[d]! === dv[d]! && reaches(dv[d]! * scale, conds.min[k]!))) {
      unmet[d] = 1;
      ok = false;
    }
  }
  return ok;
}

/** Whether the overall score reaches `minScore` and every condition holds (a plain function, not a per-unit closure). */
function stageReached(overall: number, minScore: number, conds: StageConds, dv: Float64Array, scale: number, unmet: Uint8Array): boolean {
  return reaches(overall * scale, minScore) && (conds.dim.length === 0 || conditionsHold(conds, dv, scale, unmet));
}

/**
 * Fewest items to raise to full marks (normalised value 1) to reach stage `target`: single-item gains are computed
 * once, then items are taken greedily — first within dimensions whose stage condition is unmet, then by gain —
 * updating the item's group, dimension and the overall score after each step. Population-relative
 * normalisations are held fixed (an approximation).
 */
function nextStageGuidance(p: PreparedEdition, u: number, target: number, idx: GuideIndex): NextStageGuidance {
  const { cf, weights, methods } = p;
  const m = cf.items.length;
  const D = cf.dims.length;
  const G = cf.groups.length;
  const scale = cf.scaleMax;
  const stage = cf.fw.stages[target]!;
  let conds = idx.conds.get(target);
  if (!conds) idx.conds.set(target, (conds = stageConds(cf, stage)));
  const { itemDim, unmet } = idx;
  // Copies of the unit's values (modified as items are raised), in reused buffers; every other buffer is either
  // reset below or written before it is read.
  const row = copyRow(idx.row, p.values, u, m);
  const gv = copyRow(idx.gv, p.agg.group, u, G);
  const dv = copyRow(idx.dv, p.agg.dim, u, D);
  let overall = p.agg.overall[u]!;
  const startOverall = overall * scale;
  const startShort: NextStageGuidance['conditionShortfalls'] = [];
  for (let k = 0; k < conds.dim.length; k++) {
    const c = conds.list[k]!;
    const d = conds.dim[k]!;
    if (!(dv[d]! === dv[d]! && reaches(dv[d]! * scale, c.min))) {
      const sc = dv[d]! === dv[d]! ? dv[d]! * scale : 0;
      startShort.push({ dimension: c.dimension, min: c.min, score: sc, needed: Math.max(0, c.min - sc) });
    }
  }

  const cand = idx.cand;
  const nCand = idx.arithmetic ? arithmeticGains(p, idx, scale) : geometricGains(p, idx, overall, scale);
  const order = idx.order;
  order.reset(cand, idx.key, nCand);
  const used = idx.used.fill(0);
  // Steps go into a reused buffer and are copied out at their final length (pushing grew a new array per unit).
  const chosen = idx.chosen;
  let nChosen = 0;
  let pos = 0;
  while (!stageReached(overall, stage.minScore, conds, dv, scale, unmet)) {
    let pick = -1;
    if (conds.dim.length && !conditionsHold(conds, dv, scale, unmet))
      for (let k = 0; ; k++) {
        const j = order.at(k);
        if (j < 0) break;
        if (!used[j] && unmet[itemDim[j]!]) {
          pick = j;
          break;
        }
      }
    if (pick < 0) {
      while (order.at(pos) >= 0 && used[order.at(pos)]) pos++;
      pick = order.at(pos);
      if (pick < 0) break;
    }
    used[pick] = 1;
    const ci = cf.items[pick]!;
    const agg = methods.dims[ci.dim]!;
    row[pick] = 1;
    wmInto(gv, ci.group, row, weights.item, idx.groupCols[ci.group]!, agg);
    wmInto(dv, ci.dim, gv, weights.group, idx.dimGroups[ci.dim]!, agg);
    wmInto(idx.next, 0, dv, weights.dim, idx.dims, methods.overall);
    const next = idx.next[0]!;
    const steps = idx.steps;
    steps.key[0] = (next - overall) * scale;
    steps.key[1] = 0;
    chosen[nChosen++] = steps.find(pick) ?? steps.add({ code: ci.code, text: ci.item.text, dimension: cf.dims[ci.dim]!.code, gain: steps.key[0]!, recommendation: ci.item.recommendation ?? null });
    overall = next;
  }
  return {
    stage: stage.code,
    pointsNeeded: Math.max(0, stage.minScore - startOverall),
    conditionShortfalls: startShort,
    items: chosen.slice(0, nChosen),
    reachable: stageReached(overall, stage.minScore, conds, dv, scale, unmet),
  };
}

/** Copies row u of the u × w matrix `xs` into `to` (a loop: a subarray view per copy was a per-unit allocation). */
function copyRow(to: Float64Array, xs: Float64Array, u: number, w: number): Float64Array {
  for (let j = 0; j < w; j++) to[j] = xs[u * w + j]!;
  return to;
}

/**
 * Single-item gains when every aggregation is arithmetic; fills idx.gain, idx.key (gains rounded to 1e-9, so that
 * ties, common with equal weights, fall back to framework order rather than float noise) and idx.cand; returns the
 * candidates' count.
 */
function arithmeticGains(p: PreparedEdition, idx: GuideIndex, scale: number): number {
  const { weights } = p;
  const m = p.cf.items.length;
  const G = p.cf.groups.length;
  const D = p.cf.dims.length;
  const { row, gv, dv, key, cand, itemGroup, itemDim } = idx;
  let nCand = 0;
  // Arithmetic means are linear: an item's gain is (1 − x) times its share of the overall score, where the shares
  // use the unit's visible weights. (Same expression, operation for operation, as computed for every item before.)
  const gW = idx.gW.fill(0);
  for (let j = 0; j < m; j++) if (row[j] === row[j]) gW[itemGroup[j]!] = gW[itemGroup[j]!]! + weights.item[j]!;
  const dW = idx.dW.fill(0);
  for (let g = 0; g < G; g++) if (gv[g] === gv[g]) dW[idx.groupDim[g]!] = dW[idx.groupDim[g]!]! + weights.group[g]!;
  let oW = 0;
  for (let d = 0; d < D; d++) if (dv[d] === dv[d]) oW += weights.dim[d]!;
  for (let j = 0; j < m; j++) {
    const x = row[j]!;
    if (x !== x || x >= 1) continue;
    const grp = itemGroup[j]!;
    const dim = itemDim[j]!;
    const share = ((((weights.item[j]! / gW[grp]!) * weights.group[grp]!) / dW[dim]!) * weights.dim[dim]!) / oW;
    key[j] = Math.round((1 - x) * share * scale * 1e9);
    cand[nCand++] = j;
  }
  return nCand;
}

/** Single-item gains with geometric means somewhere; fills idx.gain, idx.key and idx.cand as arithmeticGains. */
function geometricGains(p: PreparedEdition, idx: GuideIndex, overall: number, scale: number): number {
  const { weights, methods } = p;
  const m = p.cf.items.length;
  const { row, gv, dv, key, cand, itemGroup, itemDim } = idx;
  let nCand = 0;
  // Geometric means: the item's group, dimension and the overall score are recomputed with the item at 1.
  for (let j = 0; j < m; j++) {
    const x = row[j]!;
    if (x !== x || x >= 1) continue;
    const grp = itemGroup[j]!;
    const dim = itemDim[j]!;
    const agg = methods.dims[dim]!;
    // The item at 1, its group and its dimension recomputed in place, then every value put back.
    const g0 = gv[grp]!;
    const d0 = dv[dim]!;
    row[j] = 1;
    wmInto(gv, grp, row, weights.item, idx.groupCols[grp]!, agg);
    wmInto(dv, dim, gv, weights.group, idx.dimGroups[dim]!, agg);
    wmInto(idx.next, 0, dv, weights.dim, idx.dims, methods.overall);
    row[j] = x;
    gv[grp] = g0;
    dv[dim] = d0;
    key[j] = Math.round((idx.next[0]! - overall) * scale * 1e9);
    cand[nCand++] = j;
  }
  return nCand;
}
