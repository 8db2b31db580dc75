// Outstanding improvement: gain adjusted for the starting score, so recovering from a bad year is not "improvement".
import { describe, expect, it } from 'vitest';
import { computeCategory, ols, type AwardUnit, type GroupResult, type RuleCategory } from '../../src/engine/awards/index.js';
import { category, unit } from './awards.fixtures.js';

/** mulberry32 + Box–Muller: a seeded normal generator local to the test. */
function normals(seed: number): () => number {
  let s = seed >>> 0;
  const u = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

const improvement = (o: Partial<Extract<RuleCategory['criterion'], { kind: 'improvement' }>> = {}, c: Partial<RuleCategory> = {}) =>
  category({
    id: 'improvement',
    criterion: { kind: 'improvement', basis: 'overall', method: 'adjusted', minRegressionUnits: 5, ...o },
    selection: { topN: 1 },
    ...c,
  });

const withPrev = (id: string, prev: number | null, cur: number, o: Parameters<typeof unit>[2] = {}): AwardUnit =>
  unit(id, cur, { previous: prev === null ? undefined : { overall: prev, dimensions: {} }, ...o });

const decisionOf = (g: GroupResult, id: string) => g.decisions.find((d) => d.unitId === id)!;

describe('outstanding improvement adjusted for the starting score', () => {
  // The world the data come from. Each agency has a true readiness level; each edition measures it with noise of
  // the same size as the spread of true levels within the peer group (reliability ≈ 0.5), so the year-on-year slope
  // is well below 1 and extreme years are followed by ordinary ones.
  const rnd = normals(20231206);
  const truth: Record<string, { before: number; after: number }> = {};
  const units: AwardUnit[] = [];
  for (let i = 0; i < 40; i++) {
    const level = 65 + 6 * rnd();
    truth[`u${i}`] = { before: level, after: level };
    units.push(withPrev(`u${i}`, level + 6 * rnd(), level + 6 * rnd()));
  }
  // R did not change at all (true level 70 both years); last year it had a very bad year (45), this year an ordinary one.
  truth.R = { before: 70, after: 70 };
  units.push(withPrev('R', 45, 70));
  // T truly improved: its true level rose from 60 to 82, measured without luck either way.
  truth.T = { before: 60, after: 82 };
  units.push(withPrev('T', 60, 82));

  const raw = computeCategory(improvement({ method: 'raw' }), units).groups[0]!;
  const adjusted = computeCategory(improvement(), units).groups[0]!;

  it('the constructed truth: T improved, R only recovered', () => {
    expect(truth.T!.after - truth.T!.before).toBe(22);
    expect(truth.R!.after - truth.R!.before).toBe(0);
  });

  it('raw gain rewards the recovery: R (gain 25) beats T (gain 22)', () => {
    expect(raw.winners).toEqual(['R']);
    expect(decisionOf(raw, 'R').improvement!.rawGain).toBe(25);
    expect(decisionOf(raw, 'T').improvement!.rawGain).toBe(22);
  });

  it('the adjusted gain picks the agency that truly improved', () => {
    expect(adjusted.winners).toEqual(['T']);
    const r = decisionOf(adjusted, 'R').improvement!;
    const t = decisionOf(adjusted, 'T').improvement!;
    expect(t.adjustedGain!).toBeGreaterThan(r.adjustedGain!);
    // R was expected to bounce back most of the way from a bad year; T was expected to stay near 60.
    expect(r.expected!).toBeGreaterThan(55);
    expect(t.expected!).toBeLessThan(67);
  });

  it('reports the regression (slope well below 1) and matches an independent least-squares fit', () => {
    const reg = adjusted.regression!;
    const xs = units.map((u) => u.previous!.overall!);
    const ys = units.map((u) => u.overall!);
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    expect(reg.n).toBe(42);
    expect(reg.slope).toBeCloseTo(slope, 10);
    expect(reg.intercept).toBeCloseTo(my - slope * mx, 10);
    expect(reg.slope).toBeGreaterThan(0.2);
    expect(reg.slope).toBeLessThan(0.8);
  });

  it('shows raw and adjusted gains for every candidate, with the reason naming the adjusted rule', () => {
    for (const d of adjusted.decisions) {
      const imp = d.improvement!;
      expect(imp.rawGain).toBeCloseTo(imp.current - imp.previous, 12);
      expect(imp.adjustedGain!).toBeCloseTo(imp.current - (adjusted.regression!.intercept + adjusted.regression!.slope * imp.previous), 9);
      if (d.eligible) expect(d.value).toBe(imp.adjustedGain);
    }
    expect(decisionOf(adjusted, 'T').reason.en).toContain('adjusted for the previous score');
    expect(decisionOf(adjusted, 'R').reason.en).toContain('score 45 → 70, raw gain 25; expected from the previous score');
    expect(decisionOf(adjusted, 'R').reason.th).toContain('เพิ่มขึ้น 25');
  });
});

describe('improvement eligibility', () => {
  const base = [
    withPrev('a', 50, 60),
    withPrev('b', 60, 66),
    withPrev('c', 70, 72),
    withPrev('d', 55, 58),
    withPrev('e', 65, 70),
  ];

  it('requires presence in both editions', () => {
    const g = computeCategory(improvement(), [...base, withPrev('new', null, 95)]).groups[0]!;
    expect(decisionOf(g, 'new').exclusions.map((e) => e.rule)).toEqual(['not_in_previous']);
    expect(decisionOf(g, 'new').reason.en).toContain('not scored in the previous edition');
    expect(g.regression!.n).toBe(5);
  });

  it('requires a minimum current stage, while the regression still uses every unit of the group', () => {
    const low = withPrev('low', 20, 45, { stage: { code: 'S0', order: 0 } });
    const g = computeCategory(improvement({}, { eligibility: { peerGroups: ['department_service'], minStageOrder: 1 } }), [...base, low]).groups[0]!;
    expect(decisionOf(g, 'low').exclusions.map((e) => e.rule)).toEqual(['stage']);
    expect(decisionOf(g, 'low').improvement).toBeDefined();
    expect(g.regression!.n).toBe(6);
  });

  it('does not reward a decline, however well it beats expectations', () => {
    // 'top' fell from 90 to 88 where units starting at 90 are expected to fall further: positive residual, negative raw gain.
    const units = [withPrev('a', 40, 55), withPrev('b', 50, 60), withPrev('c', 60, 65), withPrev('d', 70, 70), withPrev('e', 80, 75), withPrev('top', 90, 88)];
    const g = computeCategory(improvement({ minRawGain: 0 }, { selection: { topN: 6 } }), units).groups[0]!;
    const top = decisionOf(g, 'top');
    expect(top.improvement!.adjustedGain!).toBeGreaterThan(0);
    expect(top.exclusions.map((e) => e.rule)).toEqual(['no_gain']);
    expect(decisionOf(g, 'd').exclusions.map((e) => e.rule)).toEqual(['no_gain']);
    expect(g.winners).not.toContain('top');
  });

  it('with too few units in both editions nobody wins, and the note says why', () => {
    const g = computeCategory(improvement({ minRegressionUnits: 10 }), base).groups[0]!;
    expect(g.winners).toEqual([]);
    expect(g.regression).toBeNull();
    expect(g.notes[0]!.en).toContain('5 units were scored in both editions');
    expect(decisionOf(g, 'a').exclusions.map((e) => e.rule)).toEqual(['regression_unavailable']);
    expect(decisionOf(g, 'a').improvement).toMatchObject({ rawGain: 10, adjustedGain: null });
  });

  it('can measure improvement on one dimension', () => {
    const dims = (id: string, p: number, c: number) => unit(id, 50, { dimensions: { D2: c }, previous: { overall: 50, dimensions: { D2: p } } });
    const units = [dims('a', 10, 30), dims('b', 20, 25), dims('c', 30, 31), dims('d', 40, 42), dims('e', 50, 60)];
    const g = computeCategory(improvement({ basis: { dimension: 'D2' } }), units).groups[0]!;
    const fit = ols([10, 20, 30, 40, 50], [30, 25, 31, 42, 60])!;
    expect(g.regression!.slope).toBeCloseTo(fit.slope, 12);
    const best = units
      .map((u) => ({ id: u.id, res: u.dimensions.D2! - (fit.intercept + fit.slope * u.previous!.dimensions.D2!) }))
      .sort((x, y) => y.res - x.res)[0]!;
    expect(g.winners).toEqual([best.id]);
  });
});
