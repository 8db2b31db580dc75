// Synthetic score sheets with known entry quality and judge severity, for the demo data, benchmarks and tests.
import type { Assignment } from './assignment.js';
import type { Rng } from './prng.js';
import type { Rubric } from './rubric.js';
import type { ScoreSheet } from './scoring.js';

export interface SimulationInput {
  rubric: Rubric;
  assignments: readonly Assignment[];
  /** True quality of each entry on the rubric scale. */
  quality: Readonly<Record<string, number>>;
  /** Judge severity on the scale: negative = harsh, positive = lenient; 0 when absent. */
  severity?: Readonly<Record<string, number>>;
  /** SD of each criterion score's noise (default 0.5 scale points). */
  noiseSd?: number;
  rng: Rng;
}

function gaussian(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log stays finite
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * One submitted sheet per assignment: each criterion scores quality + severity + noise, rounded to the scale's step
 * and clamped to it; the comment is the descriptor nearest to the score (so the demo reads sensibly in both languages).
 */
export function simulateScoreSheets(input: SimulationInput): ScoreSheet[] {
  const { rubric, rng } = input;
  const { min, max, step } = rubric.scale;
  const noise = input.noiseSd ?? 0.5;
  return input.assignments.map(({ entryId, judgeId }) => {
    const base = (input.quality[entryId] ?? (min + max) / 2) + (input.severity?.[judgeId] ?? 0);
    const ratings: ScoreSheet['ratings'] = {};
    for (const c of rubric.criteria) {
      const raw = base + noise * gaussian(rng);
      const score = Math.min(max, Math.max(min, min + Math.round((raw - min) / step) * step));
      const nearest = [...c.descriptors].sort((a, b) => Math.abs(a.score - score) - Math.abs(b.score - score))[0];
      ratings[c.code] = { score: Number(score.toFixed(10)), comment: nearest ? `${nearest.text.th} / ${nearest.text.en}` : '' };
    }
    return { entryId, judgeId, ratings, status: 'submitted' as const };
  });
}
