// Inputs of the awards engine: per-unit facts the rules read, decoupled from the scoring engine's result types.
import type { I18nText } from '../framework/types.js';

export type { I18nText };

/** Organisation levels as in the registry; 'ministry' is a synthetic roll-up unit (see ministryRollupUnits). */
export type UnitLevel = 'department' | 'provincial_unit' | 'province' | 'lao' | 'ministry';

/** Attributes that decide which peer group a unit competes in. */
export interface PeerAttributes {
  level: UnitLevel | string;
  /** true when the agency's main mission is serving the public (กรมที่ให้บริการเป็นหลัก). */
  servesPublic: boolean;
  ministry: string | null;
  province: string | null;
  orgType: string | null;
}

/** One item of one unit, as scored. */
export interface AwardItem {
  /** Points as a fraction of full marks, 0–1 (before the evidence rule below). */
  points: number;
  answered: boolean;
  evidenceRequired: boolean;
  evidenceAccepted: boolean;
  /** The framework item kind ('yes_no', 'single_choice'…). When given, yes/no criteria by tag read only 'yes_no' items. */
  kind?: string;
}

/** The readiness stage a unit reached: `order` is the 0-based index into the edition's ordered stages. */
export interface UnitStage {
  code: string;
  order: number;
}

/** Everything the award rules need about one unit in one edition. Scores are on the framework's output scale. */
export interface AwardUnit {
  id: string;
  name: I18nText;
  peer: PeerAttributes;
  /** Overall score; null when the unit has nothing to score (then it is never eligible). */
  overall: number | null;
  stage: UnitStage | null;
  /** Dimension code → score. */
  dimensions: Record<string, number | null>;
  /** Item code → the unit's item. Items that do not apply to the unit (hidden) are absent. */
  items: Record<string, AwardItem>;
  /** Item code → tags. Optional per unit; AwardInput.itemTags is used when absent. */
  itemTags?: Record<string, string[]>;
  /** Share (0–1) of the unit's scored items that were answered. */
  completeness: number;
  /** Share (0–1) of the unit's evidence-requiring items whose evidence was accepted. */
  acceptedEvidenceShare: number;
  /** The same unit in the previous edition; absent when it did not take part. */
  previous?: { overall: number | null; dimensions: Record<string, number | null> };
}

/** A unit's rank interval from the robustness analysis (Monte Carlo over weights, normalisation, aggregation). */
export interface RankInterval {
  p5: number;
  p50: number;
  p95: number;
}

/** Robustness of ranks within one competition group (rank 1 = best). */
export interface GroupRobustness {
  /** Unit id → 5–95 % rank interval. */
  intervals: Record<string, RankInterval>;
  /**
   * Optional pairwise verdicts from the robustness analysis: `robust` is false when a and b swap order in too many
   * simulations. A pair marked not robust makes the decision knife-edge even when the intervals do not overlap.
   */
  pairs?: { a: string; b: string; robust: boolean }[];
}

/**
 * Robustness results, per competition group key (a peer-group code such as 'department_service', or the pooled key
 * of a category that pools groups, e.g. 'department_service+department_other').
 */
export interface RobustnessInput {
  /** Intervals of the overall score; used by categories that decide on the overall score. */
  overall?: Record<string, GroupRobustness>;
  /** Intervals for one category (category id → group key → robustness); take precedence over `overall`. */
  byCategory?: Record<string, Record<string, GroupRobustness>>;
}

/** A problem found by validation or refused by the workflow; shaped like ErrorDetail so the server can pass it on. */
export interface AwardProblem {
  /** Stable code, e.g. 'OVERRIDE_REASON_REQUIRED'; the server maps these to VALIDATION_FAILED / STATE_FORBIDS. */
  code: string;
  /** Where: 'categories[2].selection.topN', 'action.reason'… */
  path: string;
  th: string;
  en: string;
}

export function problem(code: string, path: string, th: string, en: string): AwardProblem {
  return { code, path, th, en };
}
