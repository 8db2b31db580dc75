// Result types of the scoring engine: what scoreEdition, runRobustness and compareEditions return to server and CLI.
import type { I18nText, MissingRule, PeerGroupKey, StageCondition } from './framework/types.js';

/** Bumped whenever a change to the engine can change a published number; part of every fingerprint. */
export const ENGINE_VERSION = '1.0.0';

/**
 * How an item's value for a unit came about.
 * answered: points from the answer; no_evidence: answered, but evidence not accepted so 0;
 * imputed: missing, replaced by the peer-group mean; zero: missing, scored 0; hidden: visibleIf false, excluded.
 * A follow-up item whose gate question is unanswered counts as hidden (the gate itself is the missing answer).
 */
export type ItemStatus = 'answered' | 'no_evidence' | 'imputed' | 'zero' | 'hidden';

/** One scored item of one unit. */
export interface ItemScore {
  code: string;
  dimension: string;
  subdimension: string | null;
  status: ItemStatus;
  /** Points 0–1 from the answer (questions) or the raw indicator value; null when hidden. */
  raw: number | null;
  /** The value after normalisation (0–1 for every bounded method) that enters aggregation; null when hidden. */
  value: number | null;
}

/** Rank of a unit within one peer group. */
export interface PeerRank {
  key: PeerGroupKey;
  /** The group the unit belongs to, e.g. the ministry code; "all" for the whole population. */
  group: string;
  /** Units in the group. */
  n: number;
  /** Competition ranking ("1224"): tied units share the best rank, the next rank skips. 1 = best. */
  rank: number;
  /** How many units share this rank (1 = no tie). */
  tiedWith: number;
  /** 0–100: share of the other units in the group scoring strictly lower, ties counting half. 100 when n = 1. */
  percentile: number;
}

/** The unit's position with respect to readiness stages. */
export interface StageResult {
  code: string;
  /** 0-based index into framework.stages. */
  index: number;
  name: I18nText;
  /** The stage the overall score alone would give; differs from `code` when extra conditions failed. */
  byScore: string;
  /** Conditions of higher stages that held the unit back (empty when byScore === code). */
  failedConditions: StageCondition[];
}

/** An item where the unit is below its peers, with the text to show it. */
export interface WeakItem {
  code: string;
  text: I18nText;
  dimension: string;
  /** The unit's normalised value (0–1). */
  value: number;
  /** Mean of the same item over the unit's peer group. */
  peerMean: number;
  /** peerMean − value, > 0. */
  gap: number;
  recommendation: I18nText | null;
}

export interface WeakDimension {
  code: string;
  name: I18nText;
  /** Output scale. */
  score: number;
  peerMean: number;
  gap: number;
  recommendation: I18nText | null;
}

/** What would move a unit to the next stage: fewest items to raise to full marks, largest gains first. */
export interface NextStageGuidance {
  stage: string;
  /** Overall points (output scale) missing to reach the stage's minScore; 0 when only conditions fail. */
  pointsNeeded: number;
  /** Dimension conditions of the next stage the unit does not meet yet, with the points missing. */
  conditionShortfalls: { dimension: string; min: number; score: number; needed: number }[];
  /** Items to raise to full marks, in order; `gain` is the overall increase (output scale) from that step. */
  items: { code: string; text: I18nText; dimension: string; gain: number; recommendation: I18nText | null }[];
  /** false when raising every listed item still does not reach the stage. */
  reachable: boolean;
}

/** Everything the engine computes for one unit. Scores are on the framework's output scale; null = nothing to score. */
export interface UnitResult {
  id: string;
  name?: I18nText;
  attributes: {
    level?: string;
    ministry?: string | null;
    province?: string | null;
    serves_public?: boolean;
    org_type?: string | null;
  };
  overall: number | null;
  /** Dimension code → score. */
  dimensions: Record<string, number | null>;
  /** Sub-dimension code → score (only frameworks with sub-dimensions). */
  subdimensions: Record<string, number | null>;
  stage: StageResult | null;
  /** One entry per framework peer group plus "all". */
  ranks: PeerRank[];
  /** Every scored item (text items are not scored); omitted when options.itemDetail is false. */
  items?: ItemScore[];
  /** Item codes whose missing answer was imputed or scored zero. */
  missingItems: string[];
  weakestItems: WeakItem[];
  weakestDimensions: WeakDimension[];
  /** null at the highest stage. */
  nextStage: NextStageGuidance | null;
}

/** n, mean, median, sample standard deviation (n − 1; 0 when n = 1), min, max. Nulls are left out. */
export interface Summary {
  n: number;
  mean: number | null;
  median: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
}

export interface StageCount {
  code: string;
  count: number;
  /** Share of the segment's units, 0–100. */
  percent: number;
}

/** Statistics of one segment (e.g. ministry = "MOF"). */
export interface SegmentStats {
  key: PeerGroupKey;
  /** The attribute value; units without a value for the key form no segment for it. */
  value: string;
  n: number;
  overall: Summary;
  dimensions: Record<string, Summary>;
  stages: StageCount[];
}

export interface ItemQuality {
  code: string;
  dimension: string;
  /** Units for which the item was visible. */
  n: number;
  mean: number | null;
  sd: number | null;
  /** Mean is exactly 0 or 1 (or no spread): the item does not discriminate. */
  noVariance: boolean;
  /** Pearson correlation of the item with the weighted mean of the other items of its dimension; null if undefined. */
  itemRest: number | null;
  /** itemRest below 0.1 (OECD DGI rule), or undefined. */
  lowItemRest: boolean;
}

export interface DimensionQuality {
  code: string;
  items: number;
  /** Units with every item of the dimension visible (Cronbach's alpha uses complete cases). */
  nComplete: number;
  /** Cronbach's alpha; null with fewer than 2 items or 2 complete units or zero total variance. */
  alpha: number | null;
  /** excellent ≥ .9, good ≥ .8, acceptable ≥ .7, questionable ≥ .6, poor ≥ .5, else unacceptable. */
  alphaBand: 'excellent' | 'good' | 'acceptable' | 'questionable' | 'poor' | 'unacceptable' | null;
}

export interface QualityReport {
  items: ItemQuality[];
  dimensions: DimensionQuality[];
  /** Pearson correlations between dimension scores; order of `dimensions` codes; null where undefined. */
  correlation: { dimensions: string[]; matrix: (number | null)[][] };
}

/** The result of scoring one edition. */
export interface EditionResult {
  engineVersion: string;
  /** "sha256:<hex>" over canonical JSON of framework + units + options + engine version. */
  fingerprint: string;
  framework: { id: string; version: string };
  scale: '0-100' | '0-1';
  /** The missing-answer rule actually applied. */
  missingRule: MissingRule;
  /** Sorted by unit id. */
  units: UnitResult[];
  /** Segments by level, ministry, province and each peer group, plus "all". */
  segments: SegmentStats[];
  quality: QualityReport;
}
