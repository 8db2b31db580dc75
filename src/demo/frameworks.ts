// The demo editions' frameworks: the bundled 2561/2562 questionnaires with dimension weights that reproduce DGA's 2019 overall mean.
import type { Framework } from '../engine/framework/types.js';
import { defaultFramework, previousFramework } from '../engine/framework/default/index.js';
import { frameworkItems } from '../engine/framework/default/index.js';

/**
 * DGA's published 2019 (B.E. 2562) provincial results: dimension means and the overall mean. The overall mean (51.09)
 * is not the equal-weight mean of the six dimension means (47.81), so DGA cannot have used equal dimension weights.
 */
export const DGA_2019_PROVINCIAL = {
  overall: 51.09,
  dimensions: { P: 41.07, C: 57.2, S: 53.66, B: 52.57, I: 59.65, T: 22.73 } as Record<string, number>,
};

export const DIMENSION_CODES = ['P', 'C', 'S', 'B', 'I', 'T'] as const;

/**
 * The weights closest to equal (least squares distance to 1, weights summing to 6) under which the weighted mean of
 * DGA's six dimension means equals the published overall mean: w = 1 + λ(m − m̄), λ = 6(overall − m̄)/Σ(m − m̄)².
 * Rounded to two decimals, the sum stays 6 and the weighted mean is 51.07 (within 0.02 of 51.09). With arithmetic
 * aggregation the mean of overall scores is the weighted mean of the dimension means, so this is exact by design.
 */
export function calibratedDimensionWeights(): Record<string, number> {
  const m = DIMENSION_CODES.map((d) => DGA_2019_PROVINCIAL.dimensions[d]!);
  const mean = m.reduce((a, b) => a + b, 0) / m.length;
  const ss = m.reduce((a, b) => a + (b - mean) ** 2, 0);
  const lambda = (m.length * (DGA_2019_PROVINCIAL.overall - mean)) / ss;
  const out: Record<string, number> = {};
  DIMENSION_CODES.forEach((d, i) => (out[d] = Math.round((1 + lambda * (m[i]! - mean)) * 100) / 100));
  return out;
}

export const DEMO_VERSION_SUFFIX = '-demo';
export const DEMO_PREVIOUS_VERSION = `${previousFramework.version}${DEMO_VERSION_SUFFIX}`;
export const DEMO_CURRENT_VERSION = `${defaultFramework.version}${DEMO_VERSION_SUFFIX}`;
export const DEMO_NEXT_VERSION = `2563.1${DEMO_VERSION_SUFFIX}`;

function withWeights(fw: Framework, version: string, th: string, en: string): Framework {
  const w = calibratedDimensionWeights();
  const copy = structuredClone(fw);
  return {
    ...copy,
    version,
    title: { th: `${copy.title.th} (${th})`, en: `${copy.title.en} (${en})` },
    dimensions: copy.dimensions.map((d) => ({ ...d, weight: w[d.code] ?? 1 })),
  };
}

/**
 * Three frameworks, one per demo edition. 2561 and 2562 are the bundled questionnaires with the calibrated weights;
 * 2563 repeats the 2562 questionnaire (every scored item comparable) so its year-over-year runs against 2562.
 */
export function demoFrameworks(): { previous: Framework; current: Framework; next: Framework } {
  const note = ['ค่าน้ำหนักมิติปรับเทียบสำหรับข้อมูลสาธิต', 'demo: calibrated dimension weights'] as const;
  const previous = withWeights(previousFramework, DEMO_PREVIOUS_VERSION, note[0], note[1]);
  const currentBase = withWeights(defaultFramework, DEMO_CURRENT_VERSION, note[0], note[1]);
  const current: Framework = { ...currentBase, crosswalk: { previous: { id: previous.id, version: previous.version }, items: { ...defaultFramework.crosswalk!.items } } };
  const nextBase = withWeights(defaultFramework, DEMO_NEXT_VERSION, note[0], note[1]);
  const identity: Record<string, string> = {};
  for (const item of frameworkItems(defaultFramework)) if (item.kind !== 'text') identity[item.code] = item.code;
  const next: Framework = {
    ...nextBase,
    title: {
      th: `เกณฑ์การสำรวจระดับความพร้อมรัฐบาลดิจิทัลของหน่วยงานภาครัฐ ประจำปี พ.ศ. 2563 (${note[0]})`,
      en: `Digital Government Readiness Survey framework, 2020 (B.E. 2563) (${note[1]})`,
    },
    crosswalk: { previous: { id: current.id, version: current.version }, items: identity },
  };
  return { previous, current, next };
}
