// Roll-ups of award winners by category, ministry and province, and synthetic ministry units for ministry awards.
import { effectivePoints } from './criteria.js';
import { mean } from './stats.js';
import type { AwardItem, AwardUnit, I18nText } from './types.js';

/** One award given: a unit winning a category in a group (e.g. from finalWinners). */
export interface AwardGiven {
  categoryId: string;
  group: string;
  unitId: string;
}

export interface AwardRollup {
  /** Awards given (a unit winning two categories counts twice), e.g. 33 in 2021, 150 in 2023. */
  totalAwards: number;
  /** Distinct units with at least one award. */
  distinctWinners: number;
  byCategory: { categoryId: string; awards: number; units: number }[];
  /**
   * Per ministry: how many of its units took part, how many won at least one award, and how many awards they won
   * (awards to the ministry's roll-up unit, level 'ministry', count as its awards but not as a unit).
   * Sorted by winning units, then awards, then ministry code.
   */
  byMinistry: { ministry: string; units: number; winningUnits: number; awards: number }[];
  byProvince: { province: string; units: number; winningUnits: number; awards: number }[];
  /** Award ids whose unit is not in `units` (a data error the caller should show). */
  unknownUnits: string[];
}

/** Counts awards. `units` is the edition's population (for the "units" denominators). */
export function rollUpAwards(awards: readonly AwardGiven[], units: readonly Pick<AwardUnit, 'id' | 'peer'>[]): AwardRollup {
  const byId = new Map(units.map((u) => [u.id, u]));
  const winners = new Set(awards.map((a) => a.unitId));
  const unknownUnits = [...winners].filter((id) => !byId.has(id)).sort();

  const cats = new Map<string, { awards: number; units: Set<string> }>();
  for (const a of awards) {
    const c = cats.get(a.categoryId) ?? { awards: 0, units: new Set<string>() };
    c.awards++;
    c.units.add(a.unitId);
    cats.set(a.categoryId, c);
  }

  const segment = (key: (u: Pick<AwardUnit, 'id' | 'peer'>) => string | null) => {
    const seg = new Map<string, { units: number; winningUnits: number; awards: number }>();
    for (const u of units) {
      const k = key(u);
      if (k === null) continue;
      const s = seg.get(k) ?? { units: 0, winningUnits: 0, awards: 0 };
      // A ministry roll-up unit is the ministry itself, not one of its agencies: its awards count, it does not.
      if (u.peer.level !== 'ministry') {
        s.units++;
        if (winners.has(u.id)) s.winningUnits++;
      }
      seg.set(k, s);
    }
    for (const a of awards) {
      const u = byId.get(a.unitId);
      const k = u ? key(u) : null;
      if (k !== null) seg.get(k)!.awards++;
    }
    return [...seg.entries()]
      .map(([k, s]) => ({ k, ...s }))
      .sort((a, b) => b.winningUnits - a.winningUnits || b.awards - a.awards || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  };

  return {
    totalAwards: awards.length,
    distinctWinners: winners.size,
    byCategory: [...cats.entries()].map(([categoryId, c]) => ({ categoryId, awards: c.awards, units: c.units.size })),
    byMinistry: segment((u) => u.peer.ministry).map(({ k, ...s }) => ({ ministry: k, ...s })),
    byProvince: segment((u) => u.peer.province).map(({ k, ...s }) => ({ province: k, ...s })),
    unknownUnits,
  };
}

/**
 * Synthetic ministry units for the 'ministry' peer group: the unweighted mean over the ministry's department-level
 * agencies of overall, dimension and item scores (evidence already applied to item points), completeness and
 * evidence share. Stage is null (a mean of agencies has no stage; do not use minStageOrder on ministry awards).
 * Previous scores are given only when every agency was scored in the previous edition too, so a change in
 * membership is not mistaken for improvement.
 */
export function ministryRollupUnits(units: readonly AwardUnit[], names: Record<string, I18nText> = {}): AwardUnit[] {
  const groups = new Map<string, AwardUnit[]>();
  for (const u of units)
    if (u.peer.level === 'department' && u.peer.ministry) groups.set(u.peer.ministry, [...(groups.get(u.peer.ministry) ?? []), u]);
  const meanOf = (xs: (number | null | undefined)[]): number | null => {
    const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
    return v.length === 0 ? null : mean(v);
  };
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ministry, members]) => {
      const dimCodes = [...new Set(members.flatMap((m) => Object.keys(m.dimensions)))].sort();
      const itemCodes = [...new Set(members.flatMap((m) => Object.keys(m.items)))].sort();
      const items: Record<string, AwardItem> = {};
      for (const code of itemCodes) {
        const pts = members.filter((m) => m.items[code]).map((m) => effectivePoints(m.items[code]!));
        items[code] = { points: mean(pts), answered: true, evidenceRequired: false, evidenceAccepted: true };
      }
      const itemTags: Record<string, string[]> = {};
      for (const m of members) for (const [code, tags] of Object.entries(m.itemTags ?? {})) itemTags[code] ??= tags;
      const unit: AwardUnit = {
        id: `ministry:${ministry}`,
        name: names[ministry] ?? { th: ministry, en: ministry },
        peer: { level: 'ministry', servesPublic: false, ministry, province: null, orgType: null },
        overall: meanOf(members.map((m) => m.overall)),
        stage: null,
        dimensions: Object.fromEntries(dimCodes.map((c) => [c, meanOf(members.map((m) => m.dimensions[c]))])),
        items,
        completeness: mean(members.map((m) => m.completeness)),
        acceptedEvidenceShare: mean(members.map((m) => m.acceptedEvidenceShare)),
      };
      if (Object.keys(itemTags).length > 0) unit.itemTags = itemTags;
      if (members.every((m) => m.previous))
        unit.previous = {
          overall: meanOf(members.map((m) => m.previous!.overall)),
          dimensions: Object.fromEntries(dimCodes.map((c) => [c, meanOf(members.map((m) => m.previous!.dimensions[c]))])),
        };
      return unit;
    });
}
