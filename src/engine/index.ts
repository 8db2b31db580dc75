// Public API of the pure scoring engine: framework validation, scoring, statistics, robustness, comparison.
export * from './framework/types.js';
export * from './results.js';
export { validateFramework, assertValidFramework, PEER_GROUP_KEYS, type FrameworkProblem } from './framework/validate.js';
export { compileFramework, type CompiledFramework } from './framework/compile.js';
export { scoreEdition, prepareEdition, type ScoreOptions, type PreparedEdition } from './scoring/edition.js';
export { checkUnits, answerProblem, itemPoints } from './scoring/items.js';
export { answerRecord, answerCodes } from './scoring/answer-record.js';
export { normaliseColumn } from './scoring/normalise.js';
export { weightedMean } from './scoring/aggregate.js';
export { competitionRanks, type RankInfo } from './scoring/rank.js';
export { assignStage } from './scoring/stages.js';
export { summarise, pearson } from './stats/descriptive.js';
export { fingerprint, canonicalJson, jsSha256, type Sha256, type Sha256Factory } from './fingerprint.js';
export { createRng, type Rng } from './random.js';
export { runRobustness, type RobustnessOptions, type RobustnessResult, type UnitRobustness, type UnstablePair } from './robustness/montecarlo.js';
export { compareEditions, type EditionComparison, type UnitChange, type ComparedScores } from './compare/editions.js';
export { segmentStats } from './stats/segments.js';
export { qualityReport } from './stats/quality.js';
