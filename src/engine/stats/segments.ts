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
 * summarise() of the first `n` values of `xs`, which it sorts in place. Same arithmetic in the same order: the mean
 * and the sum of squares run over the ascending values, as summarise's reduce does.
 */
function summariseInPlace(xs: Float64Array, n: number): Summary {
  if (n === 0) return { n: 0, mean: null, median: null, sd: null, min: null, max: null };
  const s = xs.subarray(0, n).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += s[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (s[i]! - mean) ** 2;
  const mid = n >> 1;
  const median = n % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { n, mean, median, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min: s[0]!, max: s[n - 1]! };
}

/**
 * The same table as segmentStats, from the scoring arrays instead of result objects: `overall` (n) and `dims`
 * (n × D, framework order) on 0–1 with NaN where unscored, and each unit's stage index (−1 for none). Segment
 * members are gathered by a counting sort, and summaries sort plain Float64Arrays natively — the object-based
 * version built and comparator-sorted a fresh array per segment and dimension. Scores are never −0 (every
 * aggregate starts from +0), so the native sort's ordering of ±0 cannot differ from the comparator's.
 */
export function segmentTable(fw: Framework, attributes: readonly UnitResult['attributes'][], overall: Float64Array, dims: Float64Array, stageIndex: Int32Array, scale: number): SegmentStats[] {
  const n = attributes.length;
  const D = fw.dimensions.length;
  const S = fw.stages.length;
  const out: SegmentStats[] = [];
  const groupOf = new Int32Array(n);
  const members = new Int32Array(n);
  const sc: SegmentContext = { fw, D, S, overall, dims, stageIndex, scale, members, scratch: new Float64Array(n) };
  for (const key of segmentKeys(fw)) {
    const { ids, names, start } = groupMembers(attributes, key, groupOf, members);
    for (const value of [...names].sort()) {
      const g = ids.get(value)!;
      out.push(segmentRow(sc, key, value, start[g]!, start[g + 1]! - start[g]!));
    }
  }
  return out;
}

/** What segmentRow reads: the scoring arrays, and the members of every group of the current key, grouped. */
interface SegmentContext {
  fw: Framework;
  D: number;
  S: number;
  overall: Float64Array;
  dims: Float64Array;
  stageIndex: Int32Array;
  scale: number;
  members: Int32Array;
  scratch: Float64Array;
}

/** One segment's row from its `size` members starting at `from` in sc.members (a small function V8 keeps optimised). */
function segmentRow(sc: SegmentContext, key: PeerGroupKey, value: string, from: number, size: number): SegmentStats {
  const { fw, D, S, overall, dims, stageIndex, scale, members, scratch } = sc;
  const dimensions: SegmentStats['dimensions'] = {};
  for (let d = 0; d < D; d++) {
    let k = 0;
    for (let i = 0; i < size; i++) {
      const x = dims[members[from + i]! * D + d]!;
      if (x === x) scratch[k++] = x * scale;
    }
    dimensions[fw.dimensions[d]!.code] = summariseInPlace(scratch, k);
  }
  let k = 0;
  for (let i = 0; i < size; i++) {
    const x = overall[members[from + i]!]!;
    if (x === x) scratch[k++] = x * scale;
  }
  const overallSummary = summariseInPlace(scratch, k);
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
