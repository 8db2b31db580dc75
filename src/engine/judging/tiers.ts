// Ranking and award tiers from calibrated scores (top N, thresholds, tie rules), and committee overrides with reasons.
import type { CalibrationResult, ScoreBasis } from './calibration.js';
import { scoreOf } from './calibration.js';
import { problem, type JudgingProblem } from './messages.js';
import type { ContestConfig, TieAtCutoff, TierRule } from './rubric.js';

/** One entry's score to rank: the chosen basis's score, then tie-break values (higher wins), in order. */
export interface ScoredEntry {
  entryId: string;
  score: number;
  tieBreak: number[];
}

export interface TierOverride {
  entryId: string;
  from: string | null;
  to: string | null;
  reason: string;
}

export interface RankedEntry {
  entryId: string;
  score: number;
  tieBreak: number[];
  /** Competition rank ("1224"): entries equal on score and every tie-break share a rank. */
  rank: number;
  /** Tier code, or null for no award. */
  tier: string | null;
  /**
   * Set when the entry is tied across this tier's top-N cut-off under 'refer_to_committee': it did not get that
   * tier automatically (it may hold a lower tier provisionally) and the committee must decide by override.
   */
  pendingTier: string | null;
  /** Other entries with exactly the same score and tie-break values. */
  tiedWith: string[];
  override: TierOverride | null;
}

/** A tie across a top-N cut-off, and how the tier's rule resolved it. */
export interface CutoffTie {
  tier: string;
  /** Seats of the tier left for the tied group. */
  seats: number;
  entryIds: string[];
  rule: TieAtCutoff;
}

export interface TierResult {
  /** The score the ranking used — the committee's recorded choice. */
  basis: ScoreBasis;
  /** Best first. */
  entries: RankedEntry[];
  cutoffTies: CutoffTie[];
  /** Committee overrides in the order made. */
  overrides: TierOverride[];
}

const EPS = 1e-9;

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Negative when a ranks before b on score and tie-breaks (0 = tied). */
function compareScores(a: ScoredEntry, b: ScoredEntry): number {
  if (!close(a.score, b.score)) return b.score - a.score;
  const n = Math.max(a.tieBreak.length, b.tieBreak.length);
  for (let i = 0; i < n; i++) {
    const x = a.tieBreak[i] ?? -Infinity;
    const y = b.tieBreak[i] ?? -Infinity;
    if (x === y || close(x, y)) continue;
    return y - x;
  }
  return 0;
}

/**
 * Ranks entries and applies the tiers, best tier first. For each tier, the candidates are the entries not placed
 * in a higher tier that reach its `minScore`; with `topN`, the best N of them get the tier, and a group tied
 * across the N-th place is handled by the tier's `tieAtCutoff` rule. Entries not given a tier (including a tied
 * group referred to the committee) remain candidates for the tiers below.
 */
export function rankAndTier(scored: readonly ScoredEntry[], tiers: readonly TierRule[], basis: ScoreBasis): TierResult {
  const sorted = [...scored].sort((a, b) => compareScores(a, b) || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
  const entries: RankedEntry[] = sorted.map((s) => ({
    entryId: s.entryId,
    score: s.score,
    tieBreak: [...s.tieBreak],
    rank: 1 + sorted.filter((o) => compareScores(o, s) < 0).length,
    tier: null,
    pendingTier: null,
    tiedWith: sorted.filter((o) => o.entryId !== s.entryId && compareScores(o, s) === 0).map((o) => o.entryId),
    override: null,
  }));
  const cutoffTies: CutoffTie[] = [];
  let remaining = entries;
  for (const tier of tiers) {
    const candidates = remaining.filter((e) => tier.minScore === undefined || e.score >= tier.minScore - EPS * Math.max(1, Math.abs(tier.minScore)));
    let winners: RankedEntry[];
    if (tier.topN === undefined || candidates.length <= tier.topN) {
      winners = candidates;
    } else {
      const last = candidates[tier.topN - 1]!;
      const firstOut = candidates[tier.topN]!;
      if (compareScores(last, firstOut) !== 0) {
        winners = candidates.slice(0, tier.topN);
      } else {
        const start = candidates.findIndex((e) => compareScores(e, last) === 0);
        const group = candidates.filter((e) => compareScores(e, last) === 0);
        const above = candidates.slice(0, start);
        cutoffTies.push({ tier: tier.code, seats: tier.topN - above.length, entryIds: group.map((e) => e.entryId), rule: tier.tieAtCutoff });
        if (tier.tieAtCutoff === 'include_all') winners = [...above, ...group];
        else {
          winners = above;
          if (tier.tieAtCutoff === 'refer_to_committee') for (const e of group) e.pendingTier = tier.code;
        }
      }
    }
    for (const w of winners) w.tier = tier.code;
    const placed = new Set(winners);
    remaining = remaining.filter((e) => !placed.has(e));
  }
  return { basis, entries, cutoffTies, overrides: [] };
}

/**
 * Ranks a calibrated contest on the committee's chosen basis. Ties on the score are broken by the mean raw
 * score of `tieBreakCriteria` in order (raw, because criterion scores are not calibrated individually).
 */
export function applyTiers(
  calibration: CalibrationResult,
  config: Pick<ContestConfig, 'tiers' | 'tieBreakCriteria'>,
  basis: ScoreBasis,
): TierResult {
  const scored = calibration.entries.map((e) => ({
    entryId: e.entryId,
    score: scoreOf(e, basis),
    tieBreak: config.tieBreakCriteria.map((c) => e.criterionMeans[c] ?? -Infinity),
  }));
  return rankAndTier(scored, config.tiers, basis);
}

export interface OverrideRequest {
  entryId: string;
  /** The tier the committee gives the entry; null = no award. */
  tier: string | null;
  /** Required: the written reason, kept with the result. */
  reason: string;
}

export type OverrideResult = { ok: true; result: TierResult } | { ok: false; problems: JudgingProblem[] };

/**
 * A committee change to one entry's tier. Refused without a written (non-blank) reason, for an unknown entry or
 * tier, or when it changes nothing. Other entries are not moved: the committee decides each change explicitly.
 * Returns a new result; the input is not modified.
 */
export function overrideTier(result: TierResult, tiers: readonly TierRule[], request: OverrideRequest): OverrideResult {
  const problems: JudgingProblem[] = [];
  const reasonText = typeof request.reason === 'string' ? request.reason.trim() : '';
  if (reasonText === '') problems.push(problem('reason', 'OVERRIDE_REASON_REQUIRED'));
  const target = result.entries.find((e) => e.entryId === request.entryId);
  if (!target) problems.push(problem('entryId', 'UNKNOWN_ENTRY', { id: request.entryId }));
  if (request.tier !== null && !tiers.some((t) => t.code === request.tier)) {
    problems.push(problem('tier', 'OVERRIDE_UNKNOWN_TIER', { tier: request.tier }));
  }
  if (target && target.tier === request.tier && target.pendingTier === null) problems.push(problem('tier', 'OVERRIDE_NO_CHANGE'));
  if (problems.length > 0 || !target) return { ok: false, problems };

  const override: TierOverride = { entryId: target.entryId, from: target.tier, to: request.tier, reason: reasonText };
  const entries = result.entries.map((e) =>
    e.entryId === target.entryId ? { ...e, tier: request.tier, pendingTier: null, override } : { ...e },
  );
  return { ok: true, result: { ...result, entries, overrides: [...result.overrides, override] } };
}
