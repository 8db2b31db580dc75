// Property: every winner satisfies its rule, and no eligible non-winner beats the last winner on the deciding value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDecisionAction,
  computeCategory,
  createDecision,
  finalWinners,
  type AwardDecision,
  type DecisionAction,
  type RuleCategory,
  type TieRule,
} from '../../src/engine/awards/index.js';
import { category, item, unit } from './awards.fixtures.js';

// Coarse values (integers 0–20) so ties, also across the cut-off, are frequent.
const unitArb = fc.record({
  score: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null, freq: 10 }),
  tagPoints: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined, freq: 5 }),
  completeness: fc.constantFrom(0.5, 0.9, 1),
  evidence: fc.constantFrom(0.6, 1),
  stage: fc.integer({ min: 0, max: 3 }),
  servesPublic: fc.boolean(),
});

const tieArb: fc.Arbitrary<TieRule> = fc.oneof(
  fc.constant({ kind: 'all_win' } as const),
  fc.constant({ kind: 'none_win' } as const),
  fc.constantFrom('all_win', 'none_win').map((fallback) => ({ kind: 'secondary', criterion: { kind: 'evidence_share' }, fallback }) as TieRule),
);

const catArb = fc.record({
  topN: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  minValue: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
  tie: tieArb,
  criterion: fc.constantFrom('overall', 'items'),
  minCompleteness: fc.option(fc.constant(0.9), { nil: undefined }),
  minStageOrder: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
});

describe('award selection properties', () => {
  it('winners satisfy the rule; no eligible non-winner beats the last winner; counts follow the tie rule', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 0, maxLength: 25 }), catArb, (specs, c) => {
        const selection = c.topN === undefined && c.minValue === undefined ? { topN: 3 } : { topN: c.topN, minValue: c.criterion === 'items' && c.minValue !== undefined ? c.minValue / 20 : c.minValue };
        const cat: RuleCategory = category({
          eligibility: { peerGroups: ['department_service', 'department_other'], minCompleteness: c.minCompleteness, minStageOrder: c.minStageOrder },
          criterion: c.criterion === 'overall' ? { kind: 'overall' } : { kind: 'items', tags: ['t'] },
          selection,
          tie: c.tie,
          perPeerGroup: false,
        });
        const units = specs.map((s, i) =>
          unit(`u${String(i).padStart(2, '0')}`, s.score, {
            completeness: s.completeness,
            acceptedEvidenceShare: s.evidence,
            stage: { code: `S${s.stage}`, order: s.stage },
            peer: { servesPublic: s.servesPublic },
            items: s.tagPoints === undefined ? {} : { Q: item(s.tagPoints / 4) },
          }),
        );
        const g = computeCategory(cat, units, { itemTags: { Q: ['t'] } }).groups[0]!;

        // Independent recomputation of eligibility and value.
        const valueOf = (i: number): number | null => (c.criterion === 'overall' ? specs[i]!.score : specs[i]!.tagPoints === undefined ? null : specs[i]!.tagPoints! / 4);
        const eligible = specs
          .map((s, i) => ({ id: units[i]!.id, v: valueOf(i), ok: (c.minCompleteness === undefined || s.completeness >= c.minCompleteness) && (c.minStageOrder === undefined || s.stage >= c.minStageOrder) }))
          .filter((x) => x.ok && x.v !== null);
        expect(g.eligible).toBe(eligible.length);
        const winners = new Set(g.winners);
        const minV = selection.minValue;
        const qualified = eligible.filter((x) => minV === undefined || x.v! >= minV);
        for (const id of winners) {
          const e = eligible.find((x) => x.id === id);
          expect(e).toBeDefined();
          if (minV !== undefined) expect(e!.v!).toBeGreaterThanOrEqual(minV);
        }
        if (winners.size > 0) {
          const last = Math.min(...eligible.filter((x) => winners.has(x.id)).map((x) => x.v!));
          for (const x of eligible) if (!winners.has(x.id)) expect(x.v!).toBeLessThanOrEqual(last);
        }
        // Counts.
        const N = selection.topN;
        if (N === undefined || qualified.length <= N) expect(winners.size).toBe(qualified.length);
        else {
          const sorted = qualified.map((x) => x.v!).sort((a, b) => b - a);
          const cut = sorted[N - 1]!;
          const above = sorted.filter((v) => v > cut).length;
          const tied = sorted.filter((v) => v === cut).length;
          const crossing = above + tied > N;
          expect(g.tieAtCutoff).toBe(crossing);
          if (!crossing) expect(winners.size).toBe(N);
          else if (c.tie.kind === 'all_win') expect(winners.size).toBe(above + tied);
          else if (c.tie.kind === 'none_win') expect(winners.size).toBe(above);
          else {
            expect(winners.size).toBeGreaterThanOrEqual(above);
            expect(winners.size).toBeLessThanOrEqual(above + tied);
            if (c.tie.fallback === 'none_win') expect(winners.size).toBeLessThanOrEqual(N);
            else expect(winners.size).toBeGreaterThanOrEqual(N);
          }
          expect(g.knifeEdge.flagged).toBe(crossing);
        }
        // Every candidate has exactly one decision, and outcomes agree with `won`.
        expect(g.decisions).toHaveLength(units.length);
        for (const d of g.decisions) expect(d.won).toBe(winners.has(d.unitId));
      }),
      { numRuns: 400, seed: 8 },
    );
  });
});

describe('improvement adjustment properties', () => {
  it('adjusted gains are OLS residuals: they sum to zero and are uncorrelated with the previous score', () => {
    const pair = fc.record({ prev: fc.integer({ min: 0, max: 100 }), cur: fc.integer({ min: 0, max: 100 }) });
    fc.assert(
      fc.property(fc.array(pair, { minLength: 5, maxLength: 30 }), (pairs) => {
        fc.pre(new Set(pairs.map((p) => p.prev)).size > 1);
        const units = pairs.map((p, i) => unit(`u${i}`, p.cur, { previous: { overall: p.prev, dimensions: {} } }));
        const cat = category({ criterion: { kind: 'improvement', basis: 'overall', method: 'adjusted', minRawGain: -Infinity }, selection: { topN: 3 } });
        const g = computeCategory(cat, units).groups[0]!;
        const res = g.decisions.map((d) => d.improvement!.adjustedGain!);
        const prev = g.decisions.map((d) => d.improvement!.previous);
        const mp = prev.reduce((a, b) => a + b) / prev.length;
        expect(Math.abs(res.reduce((a, b) => a + b))).toBeLessThan(1e-6);
        expect(Math.abs(res.reduce((s, r, i) => s + r * (prev[i]! - mp), 0))).toBeLessThan(1e-5);
        // Every candidate shows both figures, consistently.
        for (const d of g.decisions) expect(d.improvement!.rawGain).toBe(d.improvement!.current - d.improvement!.previous);
      }),
      { numRuns: 200, seed: 8 },
    );
  });
});

describe('decision workflow properties', () => {
  const units = [unit('a', 90), unit('b', 80), unit('c', 80), unit('d', 70), unit('e', 60)];
  const actionArb: fc.Arbitrary<DecisionAction> = fc.oneof(
    fc.record({ type: fc.constant('review' as const), by: fc.constant('chair'), at: fc.constant('t') }),
    fc.record({
      type: fc.constant('override' as const),
      by: fc.constant('chair'),
      at: fc.constant('t'),
      change: fc.constantFrom('add' as const, 'remove' as const),
      unitId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'zz'),
      group: fc.constant('department_service'),
      reason: fc.constantFrom('', '  ', 'evidence re-checked'),
    }),
    fc.record({ type: fc.constant('approve' as const), by: fc.constant('chair'), at: fc.constant('t'), acknowledgeKnifeEdge: fc.constantFrom<string[] | undefined>(undefined, ['department_service']) }),
    fc.record({ type: fc.constant('reopen' as const), by: fc.constant('chair'), at: fc.constant('t'), reason: fc.constantFrom('', 'recheck') }),
    fc.record({ type: fc.constant('announce' as const), by: fc.constant('dga'), at: fc.constant('t') }),
  ).map((a) => a as DecisionAction);

  it('only allowed transitions happen; every override has a reason; announced is final', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 25 }), (actions) => {
        let d: AwardDecision = createDecision(computeCategory(category({ selection: { topN: 2 }, tie: { kind: 'none_win' } }), units), '2566');
        for (const a of actions) {
          const before = d;
          const r = applyDecisionAction(d, a);
          if (!r.ok) {
            expect(r.problems.length).toBeGreaterThan(0);
            continue;
          }
          d = r.decision;
          expect(before.state).not.toBe('announced');
          expect(`${before.state}>${d.state}`).toMatch(/^(computed>reviewed|reviewed>reviewed|reviewed>approved|approved>reviewed|approved>announced)$/);
          if (d.state === 'approved') expect(d.acknowledgedKnifeEdge).toContain('department_service');
        }
        expect(d.overrides.every((o) => o.reason.trim().length > 0)).toBe(true);
        const winners = finalWinners(d).map((w) => w.unitId);
        expect(new Set(winners).size).toBe(winners.length);
        expect(winners.every((id) => units.some((u) => u.id === id))).toBe(true);
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});
