// The analysis dashboard of one snapshot: means by group, stage distribution, map data, distributions, quality, robustness, year over year.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../app.js';
import type { PeerGroupKey } from '../../engine/framework/types.js';
import type { EditionComparison, UnitChange } from '../../engine/compare/editions.js';
import type { RobustnessResult } from '../../engine/robustness/montecarlo.js';
import { quantileSorted } from '../../engine/stats/descriptive.js';
import { listMinistries, listProvinces } from '../repositories/organisations.js';
import { snapshotUnits } from '../repositories/results.js';
import { requireFramework } from './frameworks.js';
import { LEVEL_LABELS, round2, SMALL_SAMPLE_N } from './scorecard.js';
import { presentSnapshot, resolveSnapshot, type RankInterval, type SnapshotSummary } from './scoring-runs.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const GEOJSON_PATH = path.resolve(here, '../../../data/reference/th-provinces.geojson');
export const MAP_ATTRIBUTION = 'Boundaries: Royal Thai Survey Department via OCHA/HDX (COD-AB Thailand); simplified by mapthai (MIT)';

let geojson: Buffer | null = null;
/** The simplified province boundaries shipped in data/reference (read once; the file never changes at run time). */
export function provincesGeoJson(): Buffer {
  geojson ??= fs.readFileSync(GEOJSON_PATH);
  return geojson;
}

const KEYS: PeerGroupKey[] = ['all', 'level', 'ministry', 'province', 'serves_public', 'org_type'];

function fiveNumbers(values: number[]) {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  return { n: s.length, min: round2(s[0]!), q1: round2(quantileSorted(s, 0.25)), median: round2(quantileSorted(s, 0.5)), q3: round2(quantileSorted(s, 0.75)), max: round2(s[s.length - 1]!) };
}

function histogram(values: number[], lo: number, hi: number, width: number) {
  const bins: { from: number; to: number; count: number }[] = [];
  for (let a = lo; a < hi; a += width) bins.push({ from: round2(a)!, to: round2(a + width)!, count: 0 });
  for (const v of values) {
    let k = Math.floor((v - lo) / width);
    if (k >= bins.length) k = bins.length - 1;
    if (k < 0) k = 0;
    bins[k]!.count++;
  }
  return bins;
}

export async function dashboardFor(ctx: AppContext, eid: string, snapshotId: string | undefined, minN = SMALL_SAMPLE_N) {
  const snapshot = await resolveSnapshot(ctx.db, eid, snapshotId, true);
  const [fw, units, ministries, provinces] = await Promise.all([
    requireFramework(ctx.db, snapshot.framework_id, snapshot.framework_version),
    snapshotUnits(ctx.db, snapshot.id),
    listMinistries(ctx.db),
    listProvinces(ctx.db),
  ]);
  const summary = snapshot.summary as SnapshotSummary;
  const scaleMax = summary.scale === '0-1' ? 1 : 100;
  const ministryName = new Map(ministries.map((m) => [m.code, { th: m.name_th, en: m.name_en }]));
  const provinceName = new Map(provinces.map((p) => [p.code, { th: p.name_th, en: p.name_en, iso: p.iso_code }]));
  const label = (key: PeerGroupKey, value: string) => {
    if (key === 'all') return { th: 'ทุกหน่วยงาน', en: 'All agencies' };
    if (key === 'level') return LEVEL_LABELS[value] ?? { th: value, en: value };
    if (key === 'ministry') return ministryName.get(value) ?? { th: value, en: value };
    if (key === 'province') return provinceName.get(value) ?? { th: value, en: value };
    if (key === 'serves_public') return value === 'true' ? { th: 'ให้บริการประชาชนโดยตรง', en: 'Serves the public' } : { th: 'ไม่ได้ให้บริการประชาชนโดยตรง', en: 'Does not serve the public directly' };
    return { th: value, en: value };
  };
  const segments = Object.fromEntries(
    KEYS.map((key) => [
      key,
      summary.segments
        .filter((s) => s.key === key)
        .map((s) => ({
          value: s.value,
          label: label(key, s.value),
          n: s.n,
          small: s.n < minN,
          mean: round2(s.overall.mean),
          median: round2(s.overall.median),
          sd: round2(s.overall.sd),
          min: round2(s.overall.min),
          max: round2(s.overall.max),
          dimensions: Object.fromEntries(Object.entries(s.dimensions).map(([d, v]) => [d, round2(v.mean)])),
          stages: s.stages.map((st) => ({ code: st.code, count: st.count, percent: round2(st.percent) })),
        })),
    ]),
  );
  const overall = units.map((u) => u.overall).filter((x): x is number => x !== null);
  const byLevel = new Map<string, number[]>();
  for (const u of units) if (u.overall !== null) (byLevel.get(u.level) ?? byLevel.set(u.level, []).get(u.level)!).push(u.overall);

  const robustness = snapshot.robustness as Omit<RobustnessResult, 'units'>;
  const intervals = units
    .filter((u) => u.rank_interval)
    .map((u) => {
      const iv = u.rank_interval as RankInterval;
      return { organisationId: u.organisation_id, code: u.code, nameTh: u.name_th, nameEn: u.name_en, group: iv.group, overall: round2(u.overall), nominalRank: iv.nominalRank, medianRank: iv.medianRank, rankP05: iv.rankP05, rankP95: iv.rankP95 };
    })
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.nominalRank - b.nominalRank));

  const comparison = snapshot.comparison as (Omit<EditionComparison, 'units'> & { unitCount: number }) | null;
  const changes = units.map((u) => (u.yoy as UnitChange | null)?.change.overall).filter((x): x is number => typeof x === 'number');

  return {
    snapshot: presentSnapshot(snapshot),
    scaleMax,
    minN,
    dimensions: fw.dimensions.map((d) => ({ code: d.code, name: d.name })),
    stages: fw.stages.map((s) => ({ code: s.code, name: s.name, minScore: s.minScore })),
    segments,
    provinces: (segments['province'] ?? []).map((s) => ({ code: s.value, iso: provinceName.get(s.value)?.iso ?? null, nameTh: s.label.th, nameEn: s.label.en, n: s.n, mean: s.mean, small: s.small })),
    mapAttribution: MAP_ATTRIBUTION,
    distribution: {
      histogram: histogram(overall, 0, scaleMax, scaleMax / 20),
      box: [...byLevel.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([level, v]) => ({ level, label: label('level', level), ...fiveNumbers(v)! })),
    },
    quality: {
      dimensions: summary.quality.dimensions.map((d) => ({ ...d, alpha: d.alpha === null ? null : Math.round(d.alpha * 1000) / 1000 })),
      weakItems: summary.quality.items
        .filter((i) => i.noVariance || i.lowItemRest)
        .map((i) => ({ code: i.code, dimension: i.dimension, n: i.n, mean: i.mean === null ? null : Math.round(i.mean * 1000) / 1000, itemRest: i.itemRest === null ? null : Math.round(i.itemRest * 1000) / 1000, noVariance: i.noVariance, lowItemRest: i.lowItemRest })),
      itemCount: summary.quality.items.length,
    },
    robustness: { settings: robustness.settings, unstablePairs: robustness.unstablePairs.length, intervals },
    yearOverYear: comparison
      ? {
          available: true,
          previous: comparison.previous,
          comparableItems: comparison.items.length,
          units: comparison.unitCount,
          meanChange: { overall: round2(comparison.meanChange.overall), dimensions: Object.fromEntries(Object.entries(comparison.meanChange.dimensions).map(([k, v]) => [k, round2(v)])) },
          histogram: changes.length ? histogram(changes, -50, 50, 5) : [],
        }
      : { available: false },
  };
}
