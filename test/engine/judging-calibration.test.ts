// Judge calibration: a harsh and a lenient judge in an incomplete design, recovered by the adjustments where raw means fail.
import { describe, expect, it } from 'vitest';
import {
  applyTiers,
  assignJudges,
  calibrate,
  defaultDigitalLocalTiers,
  flagsForDiscussion,
  mulberry32,
  type Rubric,
  type ScoreSheet,
} from '../../src/engine/judging/index.js';

// A 0–10 scale in half points (the scale is configuration) with the four criteria at equal weight.
const rubric: Rubric = {
  scale: { min: 0, max: 10, step: 0.5 },
  criteria: ['problem', 'policy_plan', 'work_process', 'results'].map((code) => ({
    code,
    name: { th: code, en: code },
    weight: 1,
    descriptors: [],
  })),
};

/** A submitted sheet whose weighted total is exactly `total` (criteria spread ±0.5 around it). */
function sheet(entryId: string, judgeId: string, total: number): ScoreSheet {
  const scores = [total + 0.5, total - 0.5, total, total];
  const ratings: ScoreSheet['ratings'] = {};
  rubric.criteria.forEach((c, i) => (ratings[c.code] = { score: scores[i]!, comment: 'ok' }));
  return { entryId, judgeId, ratings, status: 'submitted' };
}

const order = (xs: { entryId: string; score: number }[]) => [...xs].sort((a, b) => b.score - a.score).map((x) => x.entryId);

describe('synthetic panel: 12 entries, 6 judges, each entry seen by 3 of them; J1 harsh (−1.5), J6 lenient (+1.5)', () => {
  // True quality of E01…E12 (all distinct); each judge's total = quality + their severity.
  const quality = [3.0, 4.0, 5.5, 5.0, 6.5, 7.5, 7.0, 8.0, 2.5, 6.0, 4.5, 3.5];
  const severity = [-1.5, 0, 0, 0, 0, 1.5];
  const entryId = (i: number) => `E${String(i + 1).padStart(2, '0')}`;
  const judgeId = (j: number) => `J${j + 1}`;
  // Cyclic incomplete design: entry i gets judges i, i+1, i+3 (mod 6) — each judge scores 6 entries, the design is connected.
  const design = quality.map((_, i) => [i % 6, (i + 1) % 6, (i + 3) % 6]);
  const sheets = design.flatMap((js, i) => js.map((j) => sheet(entryId(i), judgeId(j), quality[i]! + severity[j]!)));
  const truth = order(quality.map((q, i) => ({ entryId: entryId(i), score: q })));
  const result = calibrate(rubric, sheets);
  const scores = (basis: 'raw' | 'zscore' | 'additive') => result.entries.map((e) => ({ entryId: e.entryId, score: e[basis] }));

  it('the raw means get the order wrong: E05 (quality 6.5, has the lenient judge) overtakes E07 (7.0, has the harsh judge)', () => {
    // E05 is scored by J5, J6, J2 → raw 6.5 + 1.5/3 = 7.0; E07 by J1, J2, J4 → raw 7.0 − 1.5/3 = 6.5.
    const raw = order(scores('raw'));
    expect(raw).not.toEqual(truth);
    expect(raw.indexOf('E05')).toBeLessThan(raw.indexOf('E07'));
    expect(result.entries.find((e) => e.entryId === 'E05')!.raw).toBeCloseTo(7.0, 10);
    expect(result.entries.find((e) => e.entryId === 'E07')!.raw).toBeCloseTo(6.5, 10);
  });

  it('the additive severity model recovers the true order, the true scores and the judges’ severities', () => {
    expect(order(scores('additive'))).toEqual(truth);
    for (const [i, q] of quality.entries()) expect(result.entries.find((e) => e.entryId === entryId(i))!.additive).toBeCloseTo(q, 6);
    const sev = Object.fromEntries(result.judges.map((j) => [j.judgeId, j.severity]));
    expect(sev.J1).toBeCloseTo(-1.5, 6);
    expect(sev.J6).toBeCloseTo(1.5, 6);
    for (const j of ['J2', 'J3', 'J4', 'J5']) expect(sev[j]).toBeCloseTo(0, 6);
    // No residual noise, so no shrinkage.
    expect(result.additive.shrinkage).toBe(0);
    expect(result.additive.converged).toBe(true);
  });

  it('per-judge z-scores also recover the true order', () => {
    expect(order(scores('zscore'))).toEqual(truth);
    expect(result.judges.every((j) => !j.zscoreMeanOnly)).toBe(true);
  });

  it('describes the design and agreement', () => {
    expect(result.design).toEqual({ entries: 12, judges: 6, ratings: 36, complete: false, judgesPerEntry: 3, components: 1 });
    expect(result.agreement.icc).toBeNull(); // ICC(2,·) needs a complete design
    expect(result.agreement.iccOneWay).not.toBeNull();
    expect(result.agreement.alphaTotals.alpha!).toBeGreaterThan(0.7);
    expect(result.agreement.alphaTotals.alpha!).toBeLessThan(1); // severity differences count as disagreement
    expect(result.warnings).toEqual([]);
  });

  it('the "excellent" tier (top 3) differs between raw and adjusted scores, and both entries are flagged', () => {
    const config = { tiers: defaultDigitalLocalTiers(), tieBreakCriteria: [], disagreement: { maxRange: 5, maxSd: 5 }, judgesPerEntry: 3 };
    const excellent = (basis: 'raw' | 'additive') =>
      applyTiers(result, config, basis)
        .entries.filter((e) => e.tier === 'excellent')
        .map((e) => e.entryId);
    expect(excellent('raw')).toEqual(['E08', 'E06', 'E05']);
    expect(excellent('additive')).toEqual(['E08', 'E06', 'E07']);
    const flags = flagsForDiscussion(result, config);
    const tierFlagged = flags.filter((f) => f.reasons.some((r) => r.code === 'FLAG_TIER_CHANGES')).map((f) => f.entryId);
    expect(tierFlagged.sort()).toEqual(['E05', 'E07']);
    const e07 = flags.find((f) => f.entryId === 'E07')!;
    expect(e07.raw).toMatchObject({ tier: 'outstanding', rank: 4 });
    expect(e07.adjusted).toMatchObject({ tier: 'excellent', rank: 3 });
    const text = e07.reasons.find((r) => r.code === 'FLAG_TIER_CHANGES')!;
    expect(text.th).toContain('ดีเด่น → ยอดเยี่ยม');
    expect(text.en).toContain('Outstanding → Excellent');
  });
});

function gaussian(rng: () => number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function spearman(a: readonly number[], b: readonly number[]): number {
  const ranks = (xs: readonly number[]) => {
    const idx = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(xs.length);
    idx.forEach(([, i], k) => (r[i] = k));
    return r;
  };
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const d2 = ra.reduce((s, x, i) => s + (x - rb[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('noisy panels like the demo: 40 entries, 8 judges, 3 per entry, assigned by assignJudges', { timeout: 60_000 }, () => {
  const severity = [-1.2, -0.4, 0, 0, 0, 0, 0.4, 1.2];
  function panel(seed: number) {
    const rng = mulberry32(seed);
    const entries = Array.from({ length: 40 }, (_, i) => ({ id: `E${i}`, laoId: `L${i}`, provinceCode: '10', laoType: 'sao' }));
    const judges = severity.map((_, j) => ({ id: `J${j}`, affiliations: [], declaredConflicts: [] }));
    const quality = entries.map(() => 2 + 6 * rng());
    const { assignments } = assignJudges(entries, judges, { judgesPerEntry: 3, rng });
    const sheets: ScoreSheet[] = assignments.map(({ entryId, judgeId }) => {
      const q = quality[Number(entryId.slice(1))]!;
      const b = severity[Number(judgeId.slice(1))]!;
      const ratings: ScoreSheet['ratings'] = {};
      for (const c of rubric.criteria) {
        const x = Math.round(2 * (q + b + 0.4 * gaussian(rng))) / 2; // judges score in half points
        ratings[c.code] = { score: Math.min(10, Math.max(0, x)), comment: 'ok' };
      }
      return { entryId, judgeId, ratings, status: 'submitted' };
    });
    const result = calibrate(rubric, sheets);
    const q = result.entries.map((e) => quality[Number(e.entryId.slice(1))]!);
    return { result, q };
  }

  it('the additive adjustment ranks closer to the truth than raw means in at least 9 of 10 panels', () => {
    let wins = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const { result, q } = panel(seed);
      const raw = spearman(result.entries.map((e) => e.raw), q);
      const adj = spearman(result.entries.map((e) => e.additive), q);
      if (adj > raw) wins += 1;
    }
    expect(wins).toBeGreaterThanOrEqual(9);
  });

  it('estimates the harsh and lenient judges’ severity with the right sign and size', () => {
    const { result } = panel(7);
    const sev = Object.fromEntries(result.judges.map((j) => [j.judgeId, j.severity]));
    expect(sev.J0!).toBeLessThan(-0.7);
    expect(sev.J7!).toBeGreaterThan(0.7);
    expect(Math.abs(sev.J3!)).toBeLessThan(0.4);
    expect(result.additive.shrinkage).toBeGreaterThan(0);
    expect(result.design.components).toBe(1);
  });
});

describe('calibration edge cases', () => {
  it('leaves scores unadjusted when judges differ only by noise', () => {
    // Two judges scoring the same entries, with opposite small deviations: no systematic severity.
    const sheets = [
      sheet('A', 'J1', 5), sheet('A', 'J2', 5.5),
      sheet('B', 'J1', 7.5), sheet('B', 'J2', 7),
      sheet('C', 'J1', 3), sheet('C', 'J2', 3.5),
      sheet('D', 'J1', 6.5), sheet('D', 'J2', 6),
    ];
    const r = calibrate(rubric, sheets);
    expect(r.additive.shrinkage).toBeNull();
    expect(r.warnings.map((w) => w.code)).toContain('SEVERITY_WITHIN_NOISE');
    for (const e of r.entries) expect(e.additive).toBeCloseTo(e.raw, 10);
    // Complete design: ICC(2,·) is reported.
    expect(r.design.complete).toBe(true);
    expect(r.agreement.icc!.icc21).toBeGreaterThan(0.9);
  });

  it('ignores drafts and incomplete sheets, and warns about a disconnected design', () => {
    const draft: ScoreSheet = { ...sheet('A', 'J3', 9), status: 'draft' };
    const incomplete: ScoreSheet = { ...sheet('B', 'J3', 9), ratings: { ...sheet('B', 'J3', 9).ratings, results: { score: null, comment: '' } } };
    const sheets = [sheet('A', 'J1', 5), sheet('A', 'J2', 6), sheet('B', 'J3', 4), sheet('B', 'J4', 5), draft, incomplete];
    const r = calibrate(rubric, sheets);
    expect(r.ignoredSheets).toBe(2);
    expect(r.design.components).toBe(2);
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toContain('SHEET_IGNORED');
    expect(codes).toContain('DESIGN_DISCONNECTED');
    expect(r.warnings.find((w) => w.code === 'DESIGN_DISCONNECTED')!.th).toMatch(/2 กลุ่ม/);
  });

  it('cannot estimate severity when each entry has one judge, and says so', () => {
    const r = calibrate(rubric, [sheet('A', 'J1', 5), sheet('B', 'J2', 6), sheet('C', 'J2', 7)]);
    expect(r.warnings.map((w) => w.code)).toContain('ADDITIVE_NOT_IDENTIFIABLE');
    for (const e of r.entries) expect(e.additive).toBe(e.raw);
  });
});
