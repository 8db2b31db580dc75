// One call for the committee's screen: calibration, the ranked tiers on the chosen basis, and the flags to discuss.
import { calibrate, type CalibrationOptions, type CalibrationResult, type ScoreBasis } from './calibration.js';
import { flagsForDiscussion, type DiscussionFlag, type FlagOptions } from './flags.js';
import type { ContestConfig } from './rubric.js';
import type { ScoreSheet } from './scoring.js';
import { applyTiers, type TierResult } from './tiers.js';

export interface CommitteeReport {
  calibration: CalibrationResult;
  /** Tiers on `basis`, the committee's recorded choice (overrides are applied afterwards with overrideTier). */
  result: TierResult;
  flags: DiscussionFlag[];
}

export function committeeReport(
  config: ContestConfig,
  sheets: readonly ScoreSheet[],
  basis: ScoreBasis,
  options: CalibrationOptions & FlagOptions = {},
): CommitteeReport {
  const calibration = calibrate(config.rubric, sheets, options);
  return {
    calibration,
    result: applyTiers(calibration, config, basis),
    flags: flagsForDiscussion(calibration, config, options),
  };
}
