// The agency scorecard: one presenter builds the model from a frozen snapshot; the web JSON and the PDF both render it.
import type { AppContext } from '../app.js';
import { AppError } from '../../shared/errors.js';
import type { Framework, I18nText, PeerGroupKey } from '../../engine/framework/types.js';
import type { UnitResult } from '../../engine/results.js';
import type { UnitChange } from '../../engine/compare/editions.js';
import { canSeeOrganisation, type SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import { findEdition, type EditionRow } from '../repositories/editions.js';
import { findSnapshotUnit, type SnapshotRow, type UnitRow } from '../repositories/results.js';
import { requireFramework } from './frameworks.js';
import { resolveSnapshot, type RankInterval, type SnapshotSummary } from './scoring-runs.js';

/** Roles that may open a scorecard; agency roles only for their own organisation. */
export const SCORECARD_ROLES = ['admin', 'reviewer', 'head', 'coordinator'] as const;

/** Groups with fewer units than this are flagged as small samples (dashboard and scorecard peer group). */
export const SMALL_SAMPLE_N = 5;

/** Scores are shown and compared with two decimals everywhere (web, PDF, XLSX); rounding happens once, here. */
export function round2(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  return Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;
}

export const LEVEL_LABELS: Record<string, I18nText> = {
  department: { th: 'หน่วยงานระดับกรม', en: 'Department-level agencies' },
  provincial_unit: { th: 'หน่วยงานส่วนภูมิภาค', en: 'Provincial units' },
  province: { th: 'จังหวัด', en: 'Provinces' },
  lao: { th: 'องค์กรปกครองส่วนท้องถิ่น', en: 'Local administrative organisations' },
};

export interface ScorecardModel {
  edition: { id: string; yearBe: number; titleTh: string; titleEn: string };
  snapshot: { id: string; seq: number; fingerprint: string; official: boolean; createdAt: string; engineVersion: string; frameworkId: string; frameworkVersion: string };
  organisation: { id: string; code: string; nameTh: string; nameEn: string | null; level: string; ministryTh: string | null; ministryEn: string | null; provinceTh: string | null; provinceEn: string | null };
  scaleMax: number;
  overall: number | null;
  stage: { code: string; index: number; name: I18nText; byScore: string; heldBack: boolean } | null;
  stages: { code: string; name: I18nText; minScore: number }[];
  peerGroup: { key: PeerGroupKey; value: string; label: I18nText; n: number; small: boolean; overallMean: number | null };
  dimensions: { code: string; name: I18nText; score: number | null; peerMean: number | null; change: number | null }[];
  lastYear: { available: boolean; overallChange: number | null; previousOverall: number | null; currentOverall: number | null } ;
  rank: { rank: number; n: number; tiedWith: number; percentile: number; intervalLow: number | null; intervalHigh: number | null } | null;
  weakestItems: { code: string; dimension: string; text: I18nText; score: number; peerMean: number; gap: number; recommendation: I18nText | null }[];
  weakestDimensions: { code: string; name: I18nText; score: number; peerMean: number; gap: number; recommendation: I18nText | null }[];
  nextStage: {
    stage: string;
    name: I18nText;
    pointsNeeded: number;
    reachable: boolean;
    conditionShortfalls: { dimension: string; name: I18nText; min: number; score: number; needed: number }[];
    items: { code: string; dimension: string; text: I18nText; gain: number; recommendation: I18nText | null }[];
  } | null;
}

/** Builds the model from a snapshot's stored rows only: no recomputation, so every reader sees the same numbers. */
export function buildScorecard(edition: EditionRow, snapshot: SnapshotRow, fw: Framework, unit: UnitRow & { result: unknown }): ScorecardModel {
  const r = unit.result as UnitResult;
  const summary = snapshot.summary as SnapshotSummary;
  const scaleMax = summary.scale === '0-1' ? 1 : 100;
  const primary: PeerGroupKey = fw.peerGroups[0] ?? 'all';
  const groupValue = primary === 'all' ? 'all' : r.attributes[primary] == null ? 'all' : String(r.attributes[primary]);
  const seg = summary.segments.find((s) => s.key === (groupValue === 'all' ? 'all' : primary) && s.value === groupValue) ?? summary.segments.find((s) => s.key === 'all')!;
  const dimName = new Map(fw.dimensions.map((d) => [d.code, d.name]));
  const yoy = unit.yoy as UnitChange | null;
  const interval = unit.rank_interval as RankInterval | null;
  const rank = r.ranks.find((x) => x.key === (groupValue === 'all' ? 'all' : primary)) ?? r.ranks.find((x) => x.key === 'all') ?? null;
  const stageByCode = new Map(fw.stages.map((s) => [s.code, s]));
  const label: I18nText =
    primary === 'level' ? (LEVEL_LABELS[groupValue] ?? { th: groupValue, en: groupValue }) : groupValue === 'all' ? { th: 'ทุกหน่วยงาน', en: 'All agencies' } : { th: groupValue, en: groupValue };
  return {
    edition: { id: edition.id, yearBe: edition.year_be, titleTh: edition.title_th, titleEn: edition.title_en },
    snapshot: {
      id: snapshot.id,
      seq: snapshot.seq,
      fingerprint: snapshot.fingerprint,
      official: snapshot.official,
      createdAt: new Date(snapshot.created_at).toISOString(),
      engineVersion: snapshot.engine_version,
      frameworkId: snapshot.framework_id,
      frameworkVersion: snapshot.framework_version,
    },
    organisation: {
      id: unit.organisation_id,
      code: unit.code,
      nameTh: unit.name_th,
      nameEn: unit.name_en,
      level: unit.level,
      ministryTh: unit.ministry_name_th,
      ministryEn: unit.ministry_name_en,
      provinceTh: unit.province_name_th,
      provinceEn: unit.province_name_en,
    },
    scaleMax,
    overall: round2(r.overall),
    stage: r.stage ? { code: r.stage.code, index: r.stage.index, name: r.stage.name, byScore: r.stage.byScore, heldBack: r.stage.byScore !== r.stage.code } : null,
    stages: fw.stages.map((s) => ({ code: s.code, name: s.name, minScore: s.minScore })),
    peerGroup: { key: primary, value: groupValue, label, n: seg.n, small: seg.n < SMALL_SAMPLE_N, overallMean: round2(seg.overall.mean) },
    dimensions: fw.dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      score: round2(r.dimensions[d.code]),
      peerMean: round2(seg.dimensions[d.code]?.mean),
      change: round2(yoy?.change.dimensions[d.code] ?? null),
    })),
    lastYear: { available: Boolean(yoy), overallChange: round2(yoy?.change.overall), previousOverall: round2(yoy?.previous.overall), currentOverall: round2(yoy?.current.overall) },
    rank: rank
      ? { rank: rank.rank, n: rank.n, tiedWith: rank.tiedWith, percentile: round2(rank.percentile)!, intervalLow: interval ? Math.round(interval.rankP05) : null, intervalHigh: interval ? Math.round(interval.rankP95) : null }
      : null,
    weakestItems: r.weakestItems.map((w) => ({
      code: w.code,
      dimension: w.dimension,
      text: w.text,
      score: round2(w.value * scaleMax)!,
      peerMean: round2(w.peerMean * scaleMax)!,
      gap: round2(w.gap * scaleMax)!,
      recommendation: w.recommendation,
    })),
    weakestDimensions: r.weakestDimensions.map((w) => ({ code: w.code, name: w.name, score: round2(w.score)!, peerMean: round2(w.peerMean)!, gap: round2(w.gap)!, recommendation: w.recommendation })),
    nextStage: r.nextStage
      ? {
          stage: r.nextStage.stage,
          name: stageByCode.get(r.nextStage.stage)?.name ?? { th: r.nextStage.stage, en: r.nextStage.stage },
          pointsNeeded: round2(r.nextStage.pointsNeeded)!,
          reachable: r.nextStage.reachable,
          conditionShortfalls: r.nextStage.conditionShortfalls.map((c) => ({ ...c, name: dimName.get(c.dimension) ?? { th: c.dimension, en: c.dimension }, score: round2(c.score)!, needed: round2(c.needed)! })),
          items: r.nextStage.items.slice(0, 8).map((i) => ({ code: i.code, dimension: i.dimension, text: i.text, gain: round2(i.gain)!, recommendation: i.recommendation })),
        }
      : null,
  };
}

/** Who may open the scorecard: DGA roles any; head and coordinator only their own organisation. Others: NOT_FOUND. */
export function assertScorecardAccess(user: SessionUser, oid: string): void {
  if (!(SCORECARD_ROLES as readonly string[]).includes(user.role) || !canSeeOrganisation(user, oid)) throw new AppError('NOT_FOUND');
}

/** The scorecard of one organisation: agencies see the official snapshot of a published edition only; DGA roles may ask for any. */
export async function scorecardFor(ctx: AppContext, user: SessionUser, eid: string, oid: string, snapshotId?: string): Promise<ScorecardModel> {
  if (!isUuid(eid) || !isUuid(oid)) throw new AppError('NOT_FOUND');
  assertScorecardAccess(user, oid);
  const dga = user.role === 'admin' || user.role === 'reviewer';
  const edition = await findEdition(ctx.db, eid);
  // Agencies read their results once DGA has published the edition (and only its official snapshot).
  if (!edition || (!dga && edition.state !== 'published')) throw new AppError('NOT_FOUND');
  const snapshot = await resolveSnapshot(ctx.db, eid, snapshotId, dga, 'summary');
  const unit = await findSnapshotUnit(ctx.db, snapshot.id, oid);
  if (!unit) throw new AppError('NOT_FOUND');
  const fw = await requireFramework(ctx.db, snapshot.framework_id, snapshot.framework_version);
  return buildScorecard(edition, snapshot, fw, unit);
}
