// Missing answers to visible scored items: scored zero, or imputed by the mean of the unit's peer group.
import type { CompiledFramework } from '../framework/compile.js';
import type { MissingRule, PeerGroupKey, UnitInput } from '../framework/types.js';
import { ST, type ItemMatrix } from './items.js';

/** The group a unit belongs to for a peer-group key, or null when the attribute is not set. */
export function peerGroupOf(unit: UnitInput, key: PeerGroupKey): string | null {
  if (key === 'all') return 'all';
  const v = unit.attributes?.[key];
  if (v === undefined || v === null || v === '') return null;
  return String(v);
}

/**
 * Fills missing cells in place. peer_mean: mean of the item's points over the units of the same group that
 * answered it (evidence-gated zeros count as answers); a unit without a group, or a group where nobody answered,
 * falls back to the whole population's mean, and to zero when nobody answered at all (status "zero").
 */
export function applyMissingRule(_cf: CompiledFramework, units: readonly UnitInput[], mat: ItemMatrix, rule: MissingRule): void {
  const { n, m, raw, status } = mat;
  if (rule.rule === 'zero') {
    // Constants and bound in locals: this loop visits every cell, and reading ST's properties each time cost more
    // than the work itself.
    const MISSING = ST.missing;
    const ZERO = ST.zero;
    const cells = n * m;
    for (let k = 0; k < cells; k++)
      if (status[k] === MISSING) {
        raw[k] = 0;
        status[k] = ZERO;
      }
    return;
  }
  const key = rule.peerGroup ?? 'all';
  const groupIds = new Map<string, number>();
  const groupOf = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const g = peerGroupOf(units[u]!, key);
    if (g === null) groupOf[u] = -1;
    else {
      if (!groupIds.has(g)) groupIds.set(g, groupIds.size);
      groupOf[u] = groupIds.get(g)!;
    }
  }
  const G = groupIds.size;
  for (let j = 0; j < m; j++) {
    const sum = new Float64Array(G);
    const cnt = new Float64Array(G);
    let tSum = 0;
    let tCnt = 0;
    let anyMissing = false;
    for (let u = 0; u < n; u++) {
      const k = u * m + j;
      const s = status[k];
      if (s === ST.answered || s === ST.noEvidence) {
        const g = groupOf[u]!;
        if (g >= 0) {
          sum[g] = sum[g]! + raw[k]!;
          cnt[g] = cnt[g]! + 1;
        }
        tSum += raw[k]!;
        tCnt++;
      } else if (s === ST.missing) anyMissing = true;
    }
    if (!anyMissing) continue;
    for (let u = 0; u < n; u++) {
      const k = u * m + j;
      if (status[k] !== ST.missing) continue;
      const g = groupOf[u]!;
      if (g >= 0 && cnt[g]! > 0) {
        raw[k] = sum[g]! / cnt[g]!;
        status[k] = ST.imputed;
      } else if (tCnt > 0) {
        raw[k] = tSum / tCnt;
        status[k] = ST.imputed;
      } else {
        raw[k] = 0;
        status[k] = ST.zero;
      }
    }
  }
}
