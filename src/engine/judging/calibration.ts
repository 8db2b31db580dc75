// Judge calibration: raw means, severity-adjusted totals (per-judge z-scores; additive entry + judge model) and agreement.
import { icc, iccOneWay, krippendorffAlphaInterval, type AlphaResult, type IccResult, type OneWayIccResult } from './agreement.js';
import { reason, type Reason } from './messages.js';
import type { Rubric } from './rubric.js';
import { sheetTotal, type ScoreSheet } from './scoring.js';

/**
 * Which score decides the ranking — the committee's recorded choice:
 * - raw: the mean of the judges' weighted totals;
 * - zscore: each judge's totals standardised over the entries they scored, mapped back to the scale;
 * - additive: totals corrected by each judge's estimated severity (entry effect + judge effect model).
 */
export type ScoreBasis = 'raw' | 'zscore' | 'additive';

export const SCORE_BASES: readonly ScoreBasis[] = ['raw', 'zscore', 'additive'];

export interface JudgeTotal {
  judgeId: string;
  /** The judge's weighted total on the rubric scale. */
  total: number;
  zscoreAdjusted: number;
  additiveAdjusted: number;
}

export interface CalibratedEntry {
  entryId: string;
  judgeCount: number;
  raw: number;
  zscore: number;
  additive: number;
  judgeTotals: JudgeTotal[];
  /** Sample SD and range of the judges' raw totals (null / 0 with a single judge). */
  sd: number | null;
  range: number;
  /** Mean raw score per criterion, used to break ties and shown to the LAO. */
  criterionMeans: Record<string, number>;
}

export interface JudgeCalibration {
  judgeId: string;
  count: number;
  /** Mean and sample SD of the judge's totals over the entries they scored. */
  mean: number;
  sd: number | null;
  /** Additive-model judge effect on the scale: negative = harsh, positive = lenient (after shrinkage). */
  severity: number;
  /** The z-score adjustment only shifted this judge's mean (too few entries, or no spread). */
  zscoreMeanOnly: boolean;
}

export interface CalibrationOptions {
  /** A judge needs at least this many totals with some spread for their SD to be used (default 3). */
  minRatingsForZ?: number;
  /**
   * Shrinkage λ of judge effects in the additive model: b_j = Σ residuals / (n_j + λ). 'auto' (default) estimates
   * λ = σ²_residual / σ²_judge from the data; 0 gives the plain least-squares fit.
   */
  shrinkage?: 'auto' | number;
  maxIterations?: number;
  tolerance?: number;
}

export interface CalibrationResult {
  /** Entries with at least one submitted, complete sheet, sorted by id. */
  entries: CalibratedEntry[];
  judges: JudgeCalibration[];
  grandMean: number;
  /** Pooled within-judge SD of totals: the spread every judge's z-scores are mapped back to. */
  pooledSd: number;
  additive: {
    /** λ used; null when judge effects were set to 0 (not identifiable, or within noise): adjusted = raw. */
    shrinkage: number | null;
    residualSd: number | null;
    judgeEffectSd: number | null;
    iterations: number;
    converged: boolean;
  };
  design: {
    entries: number;
    judges: number;
    ratings: number;
    /** Every judge scored every entry. */
    complete: boolean;
    /** The number of judges per entry when it is the same for every entry, else null. */
    judgesPerEntry: number | null;
    /** Groups of judges linked through shared entries; severities compare only within a group. */
    components: number;
  };
  agreement: {
    /** Krippendorff's alpha (interval) on the weighted totals; handles any design. */
    alphaTotals: AlphaResult;
    alphaByCriterion: Record<string, AlphaResult>;
    /** ICC(2,1)/(2,k) etc. — only for a complete design. */
    icc: IccResult | null;
    /** ICC(1,1)/(1,k) — when every entry has the same number (≥ 2) of judges. */
    iccOneWay: OneWayIccResult | null;
  };
  warnings: Reason[];
  /** Drafts, incomplete or duplicate sheets left out. */
  ignoredSheets: number;
}

interface Rating {
  e: number;
  j: number;
  y: number;
  sheet: ScoreSheet;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function sampleSd(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Connected components of the entry–judge graph; returns the component of each judge and their count. */
function components(nE: number, nJ: number, ratings: readonly Rating[]): { judgeComp: number[]; count: number } {
  const parent = Array.from({ length: nE + nJ }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const r of ratings) parent[find(r.e)] = find(nE + r.j);
  const ids = new Map<number, number>();
  const judgeComp = Array.from({ length: nJ }, (_, j) => {
    const root = find(nE + j);
    if (!ids.has(root)) ids.set(root, ids.size);
    return ids.get(root)!;
  });
  for (let e = 0; e < nE; e++) {
    const root = find(e);
    if (!ids.has(root)) ids.set(root, ids.size);
  }
  return { judgeComp, count: ids.size };
}

/**
 * Additive model y_ej = a_e + b_j + ε (entry effect + judge effect) fitted by alternating least squares:
 * a_e = mean over e's judges of (y − b_j); b_j = Σ over j's entries of (y − a_e) / (n_j + λ); judge effects are
 * centred (weighted by n_j) within each connected group so that adjusting keeps the grand mean.
 */
function fitAdditive(
  nE: number,
  nJ: number,
  ratings: readonly Rating[],
  judgeComp: readonly number[],
  lambda: number,
  maxIterations: number,
  tolerance: number,
): { a: number[]; b: number[]; iterations: number; converged: boolean } {
  const a = new Array<number>(nE).fill(0);
  const b = new Array<number>(nJ).fill(0);
  const byEntry: Rating[][] = Array.from({ length: nE }, () => []);
  const byJudge: Rating[][] = Array.from({ length: nJ }, () => []);
  for (const r of ratings) {
    byEntry[r.e]!.push(r);
    byJudge[r.j]!.push(r);
  }
  const updateA = () => {
    let delta = 0;
    for (let e = 0; e < nE; e++) {
      const rs = byEntry[e]!;
      if (rs.length === 0) continue;
      const next = rs.reduce((s, r) => s + r.y - b[r.j]!, 0) / rs.length;
      delta = Math.max(delta, Math.abs(next - a[e]!));
      a[e] = next;
    }
    return delta;
  };
  if (!Number.isFinite(lambda)) {
    updateA();
    return { a, b, iterations: 1, converged: true };
  }
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations += 1;
    let delta = updateA();
    for (let j = 0; j < nJ; j++) {
      const rs = byJudge[j]!;
      if (rs.length === 0) continue;
      const next = rs.reduce((s, r) => s + r.y - a[r.e]!, 0) / (rs.length + lambda);
      delta = Math.max(delta, Math.abs(next - b[j]!));
      b[j] = next;
    }
    const sums = new Map<number, { w: number; s: number }>();
    for (let j = 0; j < nJ; j++) {
      const c = sums.get(judgeComp[j]!) ?? { w: 0, s: 0 };
      c.w += byJudge[j]!.length;
      c.s += byJudge[j]!.length * b[j]!;
      sums.set(judgeComp[j]!, c);
    }
    for (let j = 0; j < nJ; j++) {
      const c = sums.get(judgeComp[j]!)!;
      if (c.w > 0) b[j]! -= c.s / c.w;
    }
    if (delta < tolerance) {
      converged = true;
      break;
    }
  }
  updateA();
  return { a, b, iterations, converged };
}

/**
 * Calibrates the submitted score sheets of one contest.
 *
 * Both adjustments work on each judge's weighted total rather than per criterion: criterion scores sit on a
 * coarse 1–5 scale where a judge often gives the same level to every entry (SD 0, z undefined), and the ranking
 * is decided on totals anyway.
 *
 * z-scores: z = (total − judge mean) / judge SD, mapped back as grand mean + pooled within-judge SD × z. This also
 * corrects judges who use a narrow or wide part of the scale, but it assumes every judge saw a comparable mix of
 * entries: with ~3 judges of 6–8 per entry a judge who happened to draw strong entries is wrongly marked down.
 *
 * Additive model (recommended basis for small panels with incomplete designs): severity is estimated from how a
 * judge scores the *same* entries as their co-judges, so the luck of the draw does not leak into it, and it needs
 * only a connected design (every judge linked to the others through shared entries). With few ratings per judge a
 * least-squares judge effect is noisy, so it is shrunk towards 0 by λ = σ²_residual / σ²_judge (an empirical-Bayes
 * / random-effects estimate: judges whose apparent severity is within noise are barely adjusted). When the data
 * show no severity beyond noise, λ = ∞ and adjusted = raw.
 */
export function calibrate(rubric: Rubric, sheets: readonly ScoreSheet[], options: CalibrationOptions = {}): CalibrationResult {
  const minRatingsForZ = options.minRatingsForZ ?? 3;
  const maxIterations = options.maxIterations ?? 10_000;
  const tolerance = options.tolerance ?? 1e-11;
  const warnings: Reason[] = [];

  let ignoredSheets = 0;
  const kept = new Map<string, { sheet: ScoreSheet; y: number }>();
  for (const s of sheets) {
    const y = s.status === 'submitted' ? sheetTotal(s, rubric) : null;
    const key = `${s.entryId}\u0000${s.judgeId}`;
    if (y === null || kept.has(key)) {
      ignoredSheets += 1;
      continue;
    }
    kept.set(key, { sheet: s, y });
  }
  if (ignoredSheets > 0) warnings.push(reason('SHEET_IGNORED', { count: ignoredSheets }));

  const entryIds = [...new Set([...kept.values()].map((k) => k.sheet.entryId))].sort(byString);
  const judgeIds = [...new Set([...kept.values()].map((k) => k.sheet.judgeId))].sort(byString);
  const eIdx = new Map(entryIds.map((id, i) => [id, i]));
  const jIdx = new Map(judgeIds.map((id, i) => [id, i]));
  const ratings: Rating[] = [...kept.values()]
    .map(({ sheet, y }) => ({ e: eIdx.get(sheet.entryId)!, j: jIdx.get(sheet.judgeId)!, y, sheet }))
    .sort((p, q) => p.e - q.e || p.j - q.j);
  const nE = entryIds.length;
  const nJ = judgeIds.length;
  const N = ratings.length;

  const byJudge: Rating[][] = Array.from({ length: nJ }, () => []);
  const byEntry: Rating[][] = Array.from({ length: nE }, () => []);
  for (const r of ratings) {
    byJudge[r.j]!.push(r);
    byEntry[r.e]!.push(r);
  }

  // z-scores
  const grandMean = N > 0 ? mean(ratings.map((r) => r.y)) : 0;
  const judgeMean = byJudge.map((rs) => mean(rs.map((r) => r.y)));
  const judgeSd = byJudge.map((rs) => sampleSd(rs.map((r) => r.y)));
  const within = ratings.reduce((s, r) => s + (r.y - judgeMean[r.j]!) ** 2, 0);
  const pooledSd = N > nJ ? Math.sqrt(within / (N - nJ)) : 0;
  const meanOnly = byJudge.map((rs, j) => rs.length < minRatingsForZ || (judgeSd[j] ?? 0) < 1e-9 || pooledSd < 1e-12);
  meanOnly.forEach((m, j) => {
    if (m) warnings.push(reason('ZSCORE_FALLBACK', { judge: judgeIds[j]!, count: byJudge[j]!.length }));
  });
  const zAdjusted = (r: Rating) =>
    meanOnly[r.j] ? grandMean + (r.y - judgeMean[r.j]!) : grandMean + (pooledSd * (r.y - judgeMean[r.j]!)) / judgeSd[r.j]!;

  // additive model
  const comp = components(nE, nJ, ratings);
  if (comp.count > 1) warnings.push(reason('DESIGN_DISCONNECTED', { components: comp.count }));
  const judgeGroups = new Set(comp.judgeComp).size;
  const df = N - nE - nJ + comp.count;
  let lambda: number;
  let residualSd: number | null = null;
  let judgeEffectSd: number | null = null;
  const firstFit = fitAdditive(nE, nJ, ratings, comp.judgeComp, 0, maxIterations, tolerance);
  if (df <= 0 || nJ - judgeGroups <= 0) {
    lambda = Infinity;
    if (nJ > 1) warnings.push(reason('ADDITIVE_NOT_IDENTIFIABLE'));
  } else {
    const rss = ratings.reduce((s, r) => s + (r.y - firstFit.a[r.e]! - firstFit.b[r.j]!) ** 2, 0);
    const s2e = rss / df;
    residualSd = Math.sqrt(s2e);
    // Moment estimate of the variance of true judge effects: spread of the estimates minus their sampling noise.
    const spread = firstFit.b.reduce((s, b) => s + b * b, 0) / (nJ - judgeGroups);
    const noise = mean(byJudge.map((rs) => s2e / rs.length));
    const s2b = Math.max(0, spread - noise);
    judgeEffectSd = Math.sqrt(s2b);
    if (typeof options.shrinkage === 'number') lambda = Math.max(0, options.shrinkage);
    else if (s2e < 1e-12) lambda = 0;
    else if (s2b < 1e-12) {
      lambda = Infinity;
      warnings.push(reason('SEVERITY_WITHIN_NOISE'));
    } else lambda = s2e / s2b;
  }
  const fit = lambda === 0 ? firstFit : fitAdditive(nE, nJ, ratings, comp.judgeComp, lambda, maxIterations, tolerance);

  const entries: CalibratedEntry[] = entryIds.map((entryId, e) => {
    const rs = byEntry[e]!;
    const totals = rs.map((r) => r.y);
    const criterionMeans: Record<string, number> = {};
    for (const c of rubric.criteria) criterionMeans[c.code] = mean(rs.map((r) => r.sheet.ratings[c.code]!.score!));
    const judgeTotals = rs.map((r) => ({
      judgeId: judgeIds[r.j]!,
      total: r.y,
      zscoreAdjusted: zAdjusted(r),
      additiveAdjusted: r.y - fit.b[r.j]!,
    }));
    return {
      entryId,
      judgeCount: rs.length,
      raw: mean(totals),
      zscore: mean(judgeTotals.map((t) => t.zscoreAdjusted)),
      additive: mean(judgeTotals.map((t) => t.additiveAdjusted)),
      judgeTotals,
      sd: sampleSd(totals),
      range: Math.max(...totals) - Math.min(...totals),
      criterionMeans,
    };
  });

  const judges: JudgeCalibration[] = judgeIds.map((judgeId, j) => ({
    judgeId,
    count: byJudge[j]!.length,
    mean: judgeMean[j]!,
    sd: judgeSd[j]!,
    severity: fit.b[j]!,
    zscoreMeanOnly: meanOnly[j]!,
  }));

  // Agreement
  const alphaTotals = krippendorffAlphaInterval(byEntry.map((rs) => rs.map((r) => r.y)));
  const alphaByCriterion: Record<string, AlphaResult> = {};
  for (const c of rubric.criteria) {
    alphaByCriterion[c.code] = krippendorffAlphaInterval(byEntry.map((rs) => rs.map((r) => r.sheet.ratings[c.code]!.score!)));
  }
  const complete = N > 0 && N === nE * nJ;
  const counts = new Set(byEntry.map((rs) => rs.length));
  const judgesPerEntry = counts.size === 1 ? [...counts][0]! : null;
  const matrix = byEntry.map((rs) => rs.map((r) => r.y)); // rs sorted by judge index, so columns line up when complete

  return {
    entries,
    judges,
    grandMean,
    pooledSd,
    additive: {
      shrinkage: Number.isFinite(lambda) ? lambda : null,
      residualSd,
      judgeEffectSd,
      iterations: fit.iterations,
      converged: fit.converged,
    },
    design: { entries: nE, judges: nJ, ratings: N, complete, judgesPerEntry, components: comp.count },
    agreement: {
      alphaTotals,
      alphaByCriterion,
      icc: complete ? icc(matrix) : null,
      iccOneWay: judgesPerEntry !== null && judgesPerEntry >= 2 ? iccOneWay(matrix) : null,
    },
    warnings,
    ignoredSheets,
  };
}

/** The entry's score under the committee's chosen basis. */
export function scoreOf(entry: CalibratedEntry, basis: ScoreBasis): number {
  return basis === 'raw' ? entry.raw : basis === 'zscore' ? entry.zscore : entry.additive;
}
