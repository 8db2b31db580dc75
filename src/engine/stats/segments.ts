// Statistics per segment (level, ministry, province, each peer group, all): summaries and stage distribution.
import type { Framework, PeerGroupKey } from '../framework/types.js';
import type { SegmentStats, UnitResult } from '../results.js';
import { summarise } from './descriptive.js';

function groupValue(u: UnitResult, key: PeerGroupKey): string | null {
  if (key === 'all') return 'all';
  const v = u.attributes[key];
  return v === undefined || v === null || v === '' ? null : String(v);
}

/** Segments in a fixed order: all, level, ministry, province, then the framework's other peer groups; values sorted. */
export function segmentStats(fw: Framework, units: readonly UnitResult[]): SegmentStats[] {
  const keys: PeerGroupKey[] = [];
  for (const k of ['all', 'level', 'ministry', 'province', ...fw.peerGroups] as PeerGroupKey[]) if (!keys.includes(k)) keys.push(k);
  const out: SegmentStats[] = [];
  for (const key of keys) {
    const groups = new Map<string, UnitResult[]>();
    for (const u of units) {
      const g = groupValue(u, key);
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
