// Entries to discuss before results are confirmed: those whose tier or rank depends on the adjustment, or whose judges disagree.
import type { CalibrationResult, ScoreBasis } from './calibration.js';
import { reason, reasonBilingual, type I18nText, type Reason } from './messages.js';
import type { ContestConfig } from './rubric.js';
import { applyTiers, type RankedEntry } from './tiers.js';

export interface FlagOptions {
  /** The adjusted basis compared with raw (default 'additive'). */
  adjustedBasis?: Exclude<ScoreBasis, 'raw'>;
  /** Flag a rank change of at least this many places (default 1: any change). */
  rankShiftThreshold?: number;
}

export interface Placement {
  score: number;
  rank: number;
  tier: string | null;
}

export interface DiscussionFlag {
  entryId: string;
  /** One per reason: FLAG_TIER_CHANGES, FLAG_RANK_CHANGES, FLAG_RANGE, FLAG_SD, FLAG_FEW_JUDGES, FLAG_TIE_AT_CUTOFF. */
  reasons: Reason[];
  raw: Placement;
  adjusted: Placement;
}

const NO_AWARD: I18nText = { th: 'ไม่ได้รับรางวัล', en: 'no award' };

const fmt = (x: number) => x.toFixed(2);

/**
 * Flags for the committee's discussion, one record per flagged entry (entries without a reason are left out),
 * ordered by the adjusted ranking. Ties across a top-N cut-off are reported under both bases.
 */
export function flagsForDiscussion(
  calibration: CalibrationResult,
  config: Pick<ContestConfig, 'tiers' | 'tieBreakCriteria' | 'disagreement' | 'judgesPerEntry'>,
  options: FlagOptions = {},
): DiscussionFlag[] {
  const adjustedBasis = options.adjustedBasis ?? 'additive';
  const rankShift = options.rankShiftThreshold ?? 1;
  const raw = applyTiers(calibration, config, 'raw');
  const adjusted = applyTiers(calibration, config, adjustedBasis);
  const rawById = new Map(raw.entries.map((e) => [e.entryId, e]));
  const tierName = (code: string | null): I18nText => (code === null ? NO_AWARD : (config.tiers.find((t) => t.code === code)?.name ?? { th: code, en: code }));
  const calById = new Map(calibration.entries.map((e) => [e.entryId, e]));
  const place = (e: RankedEntry): Placement => ({ score: e.score, rank: e.rank, tier: e.tier });

  const out: DiscussionFlag[] = [];
  for (const a of adjusted.entries) {
    const r = rawById.get(a.entryId)!;
    const cal = calById.get(a.entryId)!;
    const reasons: Reason[] = [];
    if (r.tier !== a.tier) {
      const from = tierName(r.tier);
      const to = tierName(a.tier);
      reasons.push(reasonBilingual('FLAG_TIER_CHANGES', { rawTier: from.th, adjustedTier: to.th }, { rawTier: from.en, adjustedTier: to.en }));
    }
    if (Math.abs(r.rank - a.rank) >= rankShift) reasons.push(reason('FLAG_RANK_CHANGES', { rawRank: r.rank, adjustedRank: a.rank }));
    if (cal.judgeCount >= 2 && cal.range > config.disagreement.maxRange) {
      reasons.push(reason('FLAG_RANGE', { range: fmt(cal.range), threshold: fmt(config.disagreement.maxRange) }));
    }
    if (cal.sd !== null && cal.sd > config.disagreement.maxSd) {
      reasons.push(reason('FLAG_SD', { sd: fmt(cal.sd), threshold: fmt(config.disagreement.maxSd) }));
    }
    if (cal.judgeCount < config.judgesPerEntry) {
      reasons.push(reason('FLAG_FEW_JUDGES', { count: cal.judgeCount, required: config.judgesPerEntry }));
    }
    const pending = new Set([r.pendingTier, a.pendingTier].filter((t): t is string => t !== null));
    for (const t of pending) {
      const n = tierName(t);
      reasons.push(reasonBilingual('FLAG_TIE_AT_CUTOFF', { tier: n.th }, { tier: n.en }));
    }
    if (reasons.length > 0) out.push({ entryId: a.entryId, reasons, raw: place(r), adjusted: place(a) });
  }
  return out;
}
