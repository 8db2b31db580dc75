// Property: every winner satisfies its rule, and no eligible non-winner beats the last winner on the deciding value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCategory, type RuleCategory, type TieRule } from '../../src/engine/awards/index.js';
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
