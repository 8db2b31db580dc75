// Statistics per segment (level, ministry, province, each peer group, all): summaries and stage distribution.
import type { Framework, PeerGroupKey } from '../framework/types.js';
import type { SegmentStats, StageCount, Summary, UnitResult } from '../results.js';
import { summarise } from './descriptive.js';

function groupValue(attributes: UnitResult['attributes'], key: PeerGroupKey): string | null {
  if (key === 'all') return 'all';
  const v = attributes[key];
  return v === undefined || v === null || v === '' ? null : String(v);
}

/** The segment keys in their fixed order: all, level, ministry, province, then the framework's other peer groups. */
function segmentKeys(fw: Framework): PeerGroupKey[] {
  const keys: PeerGroupKey[] = [];
  for (const k of ['all', 'level', 'ministry', 'province', ...fw.peerGroups] as PeerGroupKey[]) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/** Segments in a fixed order: all, level, ministry, province, then the framework's other peer groups; values sorted. */
export function segmentStats(fw: Framework, units: readonly UnitResult[]): SegmentStats[] {
  const out: SegmentStats[] = [];
  for (const key of segmentKeys(fw)) {
    const groups = new Map<string, UnitResult[]>();
    for (const u of units) {
      const g = groupValue(u.attributes, key);
      if (g === null) continue;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(u);
    }
    for (const value of [...groups.keys()].sort()) {
      const members = groups.get(value)!;
      const dimensions: SegmentStats['dimensions'] = {};
      for (const d of fw.dimensions) dimensions[d.code] = summarise(members.map((u) => u.dimensions[d.code] ?? null));
      const n = members.length;
      out.push({
        key,
        value,
        n,
        overall: summarise(members.map((u) => u.overall)),
        dimensions,
        stages: fw.stages.map((s) => {
          const count = members.filter((u) => u.stage?.code === s.code).length;
          return { code: s.code, count, percent: n ? (100 * count) / n : 0 };
        }),
      });
    }
  }
  return out;
}

/**
 * summarise() of the k ascending values xs[from … from + k − 1]. Same arithmetic in the same order: the mean and
 * the sum of squares run over the ascending values, as summarise's reduce does.
 */
function summariseSorted(xs: Float64Array, from: number, k: number): Summary {
  if (k === 0) return { n: 0, mean: null, median: null, sd: null, min: null, max: null };
  const end = from + k;
  let sum = 0;
  for (let i = from; i < end; i++) sum += xs[i]!;
  const mean = sum / k;
  let ss = 0;
  for (let i = from; i < end; i++) ss += (xs[i]! - mean) ** 2;
  const mid = from + (k >> 1);
  const median = k % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return { n: k, mean, median, sd: k > 1 ? Math.sqrt(ss / (k - 1)) : 0, min: xs[from]!, max: xs[end - 1]! };
}

/**
 * The same table as segmentStats, from the scoring arrays instead of result objects: `overall` (n) and `dims`
 * (n × D, framework order) on 0–1 with NaN where unscored, and each unit's stage index (−1 for none).
 *
 * Every summary needs its segment's values in ascending order. Rather than sort each segment's values (about 700
 * sorts per edition, 4 × 7 × n values), each score column is ordered once (`ascendingOrder`); a key's groups then
 * take their values by one stable pass over that order, which leaves every group's values ascending and packed
 * by group. Ties are equal values and scores are never −0 (every aggregate starts from +0), so the sequences, and
 * hence every sum, are the ones a sort of each segment gave.
 */
export function segmentTable(fw: Framework, attributes: readonly UnitResult['attributes'][], overall: Float64Array, dims: Float64Array, stageIndex: Int32Array, scale: number): SegmentStats[] {
  const n = attributes.length;
  const D = fw.dimensions.length;
  const S = fw.stages.length;
  // Score columns, scaled: the dimensions in framework order, then overall (column D).
  const C = D + 1;
  const scores = new Float64Array(C * n);
  for (let u = 0; u < n; u++) {
    for (let d = 0; d < D; d++) scores[d * n + u] = dims[u * D + d]! * scale;
    scores[D * n + u] = overall[u]! * scale;
  }
  const order = new Int32Array(C * n);
  const scored = new Int32Array(C);
  const work = { sorted: new Float64Array(n), next: new Int32Array(n) };
  for (let c = 0; c < C; c++) scored[c] = ascendingOrder(scores.subarray(c * n, (c + 1) * n), order.subarray(c * n, (c + 1) * n), work.sorted, work.next);
  const out: SegmentStats[] = [];
  const groupOf = new Int32Array(n);
  const members = new Int32Array(n);
  const sc: SegmentContext = { fw, D, S, stageIndex, members, grouped: new Float64Array(C * n), ends: new Int32Array(0) };
  for (const key of segmentKeys(fw)) {
    const { ids, names, start } = groupMembers(attributes, key, groupOf, members);
    sc.ends = groupScores(C, n, scores, order, scored, groupOf, start, sc.grouped);
    for (const value of [...names].sort()) {
      const g = ids.get(value)!;
      out.push(segmentRow(sc, key, value, g, names.length, start[g]!, start[g + 1]! - start[g]!));
    }
  }
  return out;
}

/**
 * Writes into `order` the indices of v's non-NaN values in ascending order of value and returns their count: the
 * values are sorted natively (a plain Float64Array sort), and each index goes to the next free place of its value's
 * run of ties, found by binary search — an index sort without a comparator function.
 */
function ascendingOrder(v: Float64Array, order: Int32Array, sorted: Float64Array, next: Int32Array): number {
  const n = v.length;
  let k = 0;
  for (let u = 0; u < n; u++) if (v[u] === v[u]) sorted[k++] = v[u]!;
  const s = sorted.subarray(0, k).sort();
  for (let r = 0; r < k; r++) next[r] = r;
  for (let u = 0; u < n; u++) {
    const x = v[u]!;
    if (x !== x) continue;
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    order[next[lo]!++] = u;
  }
  return k;
}

/**
 * For every score column c, the scored values of each group of the current key, ascending and packed by group:
 * group g's run starts at grouped[c·n + start[g]] and ends before the returned ends[c·G + g].
 */
function groupScores(C: number, n: number, scores: Float64Array, order: Int32Array, scored: Int32Array, groupOf: Int32Array, start: Int32Array, grouped: Float64Array): Int32Array {
  const G = start.length - 1;
  const ends = new Int32Array(C * G);
  for (let c = 0; c < C; c++) {
    const base = c * n;
    const fill = ends.subarray(c * G, (c + 1) * G);
    fill.set(start.subarray(0, G));
    for (let i = 0; i < scored[c]!; i++) {
      const u = order[base + i]!;
      const g = groupOf[u]!;
      if (g >= 0) grouped[base + fill[g]!++] = scores[base + u]!;
    }
  }
  return ends;
}

/** What segmentRow reads: the current key's members and scores grouped (see groupMembers and groupScores). */
interface SegmentContext {
  fw: Framework;
  D: number;
  S: number;
  stageIndex: Int32Array;
  members: Int32Array;
  grouped: Float64Array;
  ends: Int32Array;
}

/** Group g's row (of G), its `size` members starting at `from` in sc.members (a small function V8 keeps optimised). */
function segmentRow(sc: SegmentContext, key: PeerGroupKey, value: string, g: number, G: number, from: number, size: number): SegmentStats {
  const { fw, D, S, stageIndex, members, grouped, ends } = sc;
  const n = members.length;
  const dimensions: SegmentStats['dimensions'] = {};
  for (let d = 0; d < D; d++) dimensions[fw.dimensions[d]!.code] = summariseSorted(grouped, d * n + from, ends[d * G + g]! - from);
  const overallSummary = summariseSorted(grouped, D * n + from, ends[D * G + g]! - from);
  const counts = new Int32Array(S);
  for (let i = 0; i < size; i++) {
    const st = stageIndex[members[from + i]!]!;
    if (st >= 0) counts[st]!++;
  }
  const stages: StageCount[] = fw.stages.map((s, i) => ({ code: s.code, count: counts[i]!, percent: size ? (100 * counts[i]!) / size : 0 }));
  return { key, value, n: size, overall: overallSummary, dimensions, stages };
}

/**
 * The groups of `key` in order of first appearance, with their members contiguous in `members` (a counting sort that
 * keeps unit order): group g holds members[start[g]] … members[start[g + 1] − 1]. A function of its own so that
 * segmentTable, a thin loop over keys and segments, is not compiled on the stack around these loops over units.
 */
function groupMembers(attributes: readonly UnitResult['attributes'][], key: PeerGroupKey, groupOf: Int32Array, members: Int32Array): { ids: Map<string, number>; names: string[]; start: Int32Array } {
  const n = attributes.length;
  const ids = new Map<string, number>();
  const names: string[] = [];
  for (let u = 0; u < n; u++) {
    const g = groupValue(attributes[u]!, key);
    if (g === null) {
      groupOf[u] = -1;
      continue;
    }
    let id = ids.get(g);
    if (id === undefined) {
      ids.set(g, (id = names.length));
      names.push(g);
    }
    groupOf[u] = id;
  }
  const start = new Int32Array(names.length + 1);
  for (let u = 0; u < n; u++) if (groupOf[u]! >= 0) start[groupOf[u]! + 1]!++;
  for (let g = 0; g < names.length; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, names.length);
  for (let u = 0; u < n; u++) if (groupOf[u]! >= 0) members[fill[groupOf[u]!]!++] = u;
  return { ids, names, start };
}
