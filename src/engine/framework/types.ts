// The readiness framework document: dimensions, items, scoring rules, stages — one versioned document per edition.

/** Every user-facing text exists in Thai (primary) and English. */
export interface I18nText {
  th: string;
  en: string;
}

export type NormalisationMethod =
  | 'none' // raw item fraction (0–1) as computed from the answer
  | 'minmax' // (x − min) / (max − min) over the population being scored
  | 'zscore' // (x − mean) / sd over the population
  | 'zscore_minmax' // z-score, then min–max to 0–1 (UN EGDI style)
  | 'goalposts' // (x − low) / (high − low), clamped to 0–1, with fixed goalposts
  | 'rank' // competition rank, scaled to 0–1 (best = 1)
  | 'percentile'; // percentile rank 0–1

export interface Normalisation {
  method: NormalisationMethod;
  /** Only for 'goalposts'. */
  low?: number;
  high?: number;
  /** true when a lower raw value is better (e.g. days to serve a request). */
  lowerIsBetter?: boolean;
}

export type AggregationMethod = 'arithmetic' | 'geometric';

export interface Aggregation {
  method: AggregationMethod;
  /**
   * Geometric means are zero as soon as one part is zero. 'epsilon' replaces zeros by `epsilon` (default 0.01 on
   * the 0–1 scale) before aggregating; 'zero' keeps the mathematical zero.
   */
  zeroRule?: 'epsilon' | 'zero';
  epsilon?: number;
}

export interface ChoiceOption {
  code: string;
  label: I18nText;
  /** Points for choosing this option, as a fraction of the item's full marks (0–1). */
  points: number;
}

/** Show the item only when another item's answer matches. Hidden items are not scored (excluded, not zero). */
export interface VisibleIf {
  item: string;
  /** yes_no: true/false; single_choice: option code; multi_choice: option code contained. */
  equals: boolean | string;
}

interface ItemBase {
  /** Unique across the framework, e.g. "P1.03". Stable across editions when the question is the same. */
  code: string;
  text: I18nText;
  help?: I18nText;
  /** Relative weight within its dimension (or sub-dimension). Default 1. */
  weight?: number;
  /** Points count only when the answer's evidence has been accepted. */
  requiresEvidence?: boolean;
  /** Shown to agencies that score low on this item. Required for scored items. */
  recommendation?: I18nText;
  visibleIf?: VisibleIf;
  /** Tags used by award rules and analysis, e.g. "data_governance", "open_data", "digital_personnel", "no_copy_policy". */
  tags?: string[];
  normalisation?: Normalisation;
}

export interface YesNoItem extends ItemBase {
  kind: 'yes_no';
  /** Fraction of full marks for yes / no; default yes = 1, no = 0. */
  points?: { yes: number; no: number };
}

export interface SingleChoiceItem extends ItemBase {
  kind: 'single_choice';
  options: ChoiceOption[];
}

export interface MultiChoiceItem extends ItemBase {
  kind: 'multi_choice';
  options: ChoiceOption[];
  /**
   * 'count': each chosen option is worth 1/k of full marks (k = `countForFull`, default the number of options);
   * 'weighted': the sum of chosen options' points. Both capped at `cap` (default 1).
   * An option with points 0 and code "none" is the exclusive "none of these" answer.
   */
  scoring: 'count' | 'weighted';
  countForFull?: number;
  cap?: number;
}

export interface NumberItem extends ItemBase {
  kind: 'number';
  unit?: I18nText;
  min?: number;
  max?: number;
  integer?: boolean;
  /**
   * 'goalposts': (x − low)/(high − low) clamped to 0–1.
   * 'thresholds': the points of the highest threshold with x ≥ min (ordered ascending by min); below all = 0.
   */
  scoring:
    | { type: 'goalposts'; low: number; high: number }
    | { type: 'thresholds'; thresholds: { min: number; points: number }[] };
}

export interface TextItem extends ItemBase {
  kind: 'text';
  /** Text items are never scored. */
  multiline?: boolean;
}

/** A value supplied directly per unit (a statistic, not an answer); normalised over the population. */
export interface IndicatorItem extends ItemBase {
  kind: 'indicator';
  unit?: I18nText;
}

export type Item = YesNoItem | SingleChoiceItem | MultiChoiceItem | NumberItem | TextItem | IndicatorItem;
export type ItemKind = Item['kind'];

export interface SubDimension {
  code: string;
  name: I18nText;
  weight?: number;
  items: Item[];
}

export interface Dimension {
  code: string;
  name: I18nText;
  description?: I18nText;
  /** Weight within the overall score. Default 1. */
  weight?: number;
  /** How items (or sub-dimensions) combine into this dimension. Default: the framework's `aggregation.items`. */
  aggregation?: Aggregation;
  /** A dimension holds either items directly or sub-dimensions (each holding items). */
  items?: Item[];
  subdimensions?: SubDimension[];
  recommendation?: I18nText;
}

export interface StageCondition {
  /** The unit's score on this dimension must be at least `min` (on the output scale). */
  dimension: string;
  min: number;
}

export interface Stage {
  code: string;
  name: I18nText;
  /** Lower bound on the overall score (output scale); a score equal to the bound belongs to this stage. */
  minScore: number;
  /** Extra conditions; a unit failing them falls to the highest lower stage it satisfies. */
  conditions?: StageCondition[];
  description?: I18nText;
}

export type PeerGroupKey = 'level' | 'ministry' | 'province' | 'serves_public' | 'org_type' | 'all';

export interface Crosswalk {
  /** Id and version of the previous edition's framework. */
  previous: { id: string; version: string };
  /** Current item code → previous item code, for items that are comparable year over year. */
  items: Record<string, string>;
}

export interface Framework {
  /** Stable id of the framework family, e.g. "dga-readiness". */
  id: string;
  /** Version of this document, e.g. "2562.1". Scoring results record it. */
  version: string;
  title: I18nText;
  /** Output scale of every score. */
  scale: '0-100' | '0-1';
  /** How missing answers to visible scored items count: zero, or the peer-group mean of that item. */
  missing: { rule: 'zero' | 'peer_mean'; peerGroup?: PeerGroupKey };
  aggregation: {
    /** Items (and sub-dimensions) into a dimension. */
    items: Aggregation;
    /** Dimensions into the overall score. */
    dimensions: Aggregation;
  };
  /** Default normalisation for items without their own. Usually 'none' for questionnaires. */
  normalisation?: Normalisation;
  dimensions: Dimension[];
  /** Ordered ascending by minScore; the first must start at 0. */
  stages: Stage[];
  /** Peer groupings the results report ranks for. */
  peerGroups: PeerGroupKey[];
  crosswalk?: Crosswalk;
}

/** Per-unit data the engine scores. */
export interface UnitInput {
  id: string;
  name?: I18nText;
  /** Attributes used for peer groups. */
  attributes: {
    level?: string;
    ministry?: string | null;
    province?: string | null;
    serves_public?: boolean;
    org_type?: string | null;
  };
  /** Answers by item code. yes_no: boolean; single_choice: option code; multi_choice: option codes; number/indicator: number; text: string. */
  answers: Record<string, AnswerValue>;
  /** Item codes whose evidence was accepted. Items with requiresEvidence score 0 unless listed here. */
  evidenceAccepted?: string[];
}

export type AnswerValue = boolean | string | string[] | number | null;

/** The missing-answer rule of a framework (helper alias used by results). */
export type MissingRule = Framework['missing'];
