// Digital Local contest judging (pure): rubric and tiers, conflict-free assignment, score visibility, calibration, flags, results.
export * from './messages.js';
export * from './rubric.js';
export * from './prng.js';
export * from './conflicts.js';
export * from './assignment.js';
export * from './scoring.js';
export * from './agreement.js';
export * from './calibration.js';
export * from './tiers.js';
export * from './flags.js';
export * from './report.js';
export * from './simulate.js';
