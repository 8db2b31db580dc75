// Public API of the awards engine: category definitions, defaults, computation, decision workflow, roll-ups, committee awards.
export type {
  AwardItem,
  AwardProblem,
  AwardUnit,
  GroupRobustness,
  I18nText,
  PeerAttributes,
  RankInterval,
  RobustnessInput,
  UnitLevel,
  UnitStage,
} from './types.js';
export type {
  AwardCategory,
  AwardSet,
  AwardSetContext,
  CommitteeCategory,
  Criterion,
  Eligibility,
  JudgingCriterion,
  PeerGroupCode,
  RuleCategory,
  SecondaryCriterion,
  Selection,
  TieRule,
} from './category.js';
export { AWARD_SCHEMA_VERSION, PEER_GROUPS, PEER_GROUP_CODES, validateAwardSet } from './category.js';
export type { DefaultAwardOptions } from './defaults.js';
export { DEFAULT_AWARD_TAGS, defaultAwardSet } from './defaults.js';
export { describeCriterion, effectivePoints, itemSetValue, matchItems, yesNoValue } from './criteria.js';
export type {
  AwardInput,
  AwardResults,
  CategoryResult,
  Exclusion,
  ExclusionRule,
  GroupResult,
  ImprovementFigures,
  KnifeEdge,
  Outcome,
  UnitDecision,
  UnitExplanation,
} from './compute.js';
export { computeAwards, computeCategory, explainUnit } from './compute.js';
export type { OlsFit } from './stats.js';
export { ols } from './stats.js';
export type { AwardDecision, DecisionAction, DecisionState, FinalWinner, HistoryEntry, OverrideRecord, TransitionResult } from './workflow.js';
export { ALLOWED_ACTIONS, applyDecisionAction, awardsGiven, createDecision, finalWinners, knifeEdgeGroups } from './workflow.js';
export type { AwardGiven, AwardRollup } from './rollup.js';
export { ministryRollupUnits, rollUpAwards } from './rollup.js';
export type {
  CommitteeDecision,
  CommitteeDecisionInput,
  CommitteeRanking,
  JudgeScore,
  Nomination,
  NominationRanking,
  Recusal,
} from './committee.js';
export { committeeAwardsGiven, rankNominations, recordCommitteeDecision } from './committee.js';
export type { ScoringSource } from './from-scoring.js';
export { awardUnitsFromScoring, groupRobustnessFromScoring } from './from-scoring.js';
export type { CertificateSpec } from './certificates.js';
export { certificatesToIssue, editionLabel } from './certificates.js';
