// Readiness stages: highest stage whose cut-off the overall score reaches (boundary in the upper stage) and whose
// extra dimension conditions hold; otherwise the highest lower stage that is satisfied.
import type { Stage, StageCondition } from '../framework/types.js';
import type { StageResult } from '../results.js';

/** Scores are compared with this tolerance so that 74.99999999999 from floating arithmetic counts as 75. */
export const SCORE_TOLERANCE = 1e-9;

export const reaches = (score: number, min: number): boolean => score >= min - SCORE_TOLERANCE;

export function failedConditions(stage: Stage, dims: Record<string, number | null>): StageCondition[] {
  return (stage.conditions ?? []).filter((c) => {
    const s = dims[c.dimension];
    return s === null || s === undefined || !reaches(s, c.min);
  });
}

export function assignStage(stages: readonly Stage[], overall: number | null, dims: Record<string, number | null>): StageResult | null {
  if (overall === null) return null;
  let byScore = 0;
  for (let i = 0; i < stages.length; i++) if (reaches(overall, stages[i]!.minScore)) byScore = i;
  const failed: StageCondition[] = [];
  let idx = byScore;
  while (idx > 0) {
    const f = failedConditions(stages[idx]!, dims);
    if (f.length === 0) break;
    failed.push(...f);
    idx--;
  }
  const s = stages[idx]!;
  return { code: s.code, index: idx, name: s.name, byScore: stages[byScore]!.code, failedConditions: failed };
}
