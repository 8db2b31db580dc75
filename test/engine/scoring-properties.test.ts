// Property tests (fast-check) of the scoring engine: range, monotonicity, order invariance, plain means, fingerprint.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreEdition, type AggregationMethod, type Framework, type NormalisationMethod, type UnitInput } from '../../src/engine/index.js';
import { miniFramework, t } from './scoring-helpers.js';

const opts = (codes: string[], points: number[]) => codes.map((code, i) => ({ code, label: t(code), points: points[i]! }));

/** Two dimensions with every scored question kind; weights and methods vary per property. */
function propFramework(agg: AggregationMethod = 'arithmetic', norm: NormalisationMethod = 'none', weights = [1, 1, 1, 1, 1, 1, 1]): Framework {
  const r = { recommendation: t('r') };
  return miniFramework({
    aggregation: { items: { method: agg }, dimensions: { method: agg } },
    normalisation: { method: norm },
    dimensions: [
      {
        code: 'A',
        name: t('A'),
        weight: weights[5],
        items: [
          { code: 'Y', kind: 'yes_no', text: t('Y'), weight: weights[0], ...r },
          { code: 'S', kind: 'single_choice', text: t('S'), weight: weights[1], options: opts(['lo', 'mid', 'hi'], [0, 0.4, 1]), ...r },
          { code: 'M', kind: 'multi_choice', scoring: 'count', text: t('M'), weight: weights[2], options: opts(['a', 'b', 'c'], [1, 1, 1]), ...r },
        ],
      },
      {
        code: 'B',
        name: t('B'),
        weight: weights[6],
        items: [
          { code: 'N', kind: 'number', text: t('N'), weight: weights[3], min: 0, max: 20, scoring: { type: 'goalposts', low: 0, high: 10 }, ...r },
          { code: 'W', kind: 'multi_choice', scoring: 'weighted', text: t('W'), weight: weights[4], options: opts(['x', 'y'], [0.3, 0.9]), ...r },
        ],
      },
    ],
  });
}

const answersArb = fc.record(
  {
    Y: fc.boolean(),
    S: fc.constantFrom('lo', 'mid', 'hi'),
    M: fc.subarray(['a', 'b', 'c']),
    N: fc.integer({ min: 0, max: 20 }),
    W: fc.subarray(['x', 'y']),
  },
  { requiredKeys: [] },
);
const levelArb = fc.constantFrom('department', 'province');
const unitsArb = fc
  .array(fc.record({ answers: answersArb, level: levelArb }), { minLength: 1, maxLength: 12 })
  .map((xs) => xs.map((x, i): UnitInput => ({ id: `u${String(i).padStart(2, '0')}`, attributes: { level: x.level }, answers: x.answers as UnitInput['answers'] })));
const aggArb = fc.constantFrom<AggregationMethod>('arithmetic', 'geometric');
const boundedNormArb = fc.constantFrom<NormalisationMethod>('none', 'minmax', 'zscore_minmax', 'rank', 'percentile');
const weightsArb = fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: 7, maxLength: 7 });

// Generous timeout: these run hundreds of scorings and the CI machine may be shared.
describe('scoring properties', { timeout: 60_000 }, () => {
  it('keeps every score within the output scale (bounded normalisations, either aggregation, any weights)', () => {
    fc.assert(
      fc.property(unitsArb, aggArb, boundedNormArb, weightsArb, (units, agg, norm, w) => {
        const res = scoreEdition(propFramework(agg, norm, w), units);
        for (const u of res.units) {
          for (const s of [u.overall, ...Object.values(u.dimensions)]) {
            expect(s).not.toBeNull();
            expect(s!).toBeGreaterThanOrEqual(-1e-9);
            expect(s!).toBeLessThanOrEqual(100 + 1e-9);
          }
          for (const r of u.ranks) expect(r.rank).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  // Conditions: normalisation 'none' (population-relative methods may legitimately move other units), missing rule
  // 'zero' (a peer mean would move other units' imputed values), no visibleIf
  // gate on the improved item (revealing a follow-up item can add a new zero), any weights, arithmetic or geometric.
  it("never lowers any of the unit's scores when one answer gets more points, and leaves other units unchanged", () => {
    const better: Record<string, (v: unknown) => unknown> = {
      Y: () => true,
      S: () => 'hi',
      M: (v) => [...new Set([...((v as string[]) ?? []), 'a'])],
      N: (v) => Math.min(20, ((v as number) ?? 0) + 3),
      W: (v) => [...new Set([...((v as string[]) ?? []), 'y'])],
    };
    fc.assert(
      fc.property(unitsArb, aggArb, weightsArb, fc.constantFrom('Y', 'S', 'M', 'N', 'W'), fc.nat(), (units, agg, w, code, pick) => {
        const fw = propFramework(agg, 'none', w);
        const k = pick % units.length;
        const improved = units.map((u, i) => (i === k ? { ...u, answers: { ...u.answers, [code]: better[code]!(u.answers[code]) } as UnitInput['answers'] } : u));
        const before = scoreEdition(fw, units);
        const after = scoreEdition(fw, improved);
        before.units.forEach((b, i) => {
          const a = after.units[i]!;
          if (a.id === units[k]!.id) {
            expect(a.overall!).toBeGreaterThanOrEqual(b.overall! - 1e-9);
            for (const d of Object.keys(b.dimensions)) expect(a.dimensions[d]!).toBeGreaterThanOrEqual(b.dimensions[d]! - 1e-9);
            expect(a.stage!.index).toBeGreaterThanOrEqual(b.stage!.index);
          } else {
            expect(a.overall).toBe(b.overall);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same results whatever the order of the units in the input', () => {
    fc.assert(
      fc.property(unitsArb, aggArb, boundedNormArb, fc.infiniteStream(fc.nat()), (units, agg, norm, stream) => {
        const fw = propFramework(agg, norm);
        const shuffled = [...units];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = stream.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(scoreEdition(fw, shuffled)).toEqual(scoreEdition(fw, units));
      }),
      { numRuns: 100 },
    );
  });

  it('with equal weights and arithmetic aggregation, equals the plain mean of items, then of dimensions', () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const res = scoreEdition(propFramework('arithmetic', 'none'), units);
        for (const u of res.units) {
          const pts = Object.fromEntries(u.items!.map((i) => [i.code, i.value!]));
          const a = ((pts.Y! + pts.S! + pts.M!) / 3) * 100;
          const b = ((pts.N! + pts.W!) / 2) * 100;
          expect(u.dimensions.A!).toBeCloseTo(a, 9);
          expect(u.dimensions.B!).toBeCloseTo(b, 9);
          expect(u.overall!).toBeCloseTo((a + b) / 2, 9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the identical fingerprint when the same inputs are scored again, even rebuilt with other key order', () => {
    fc.assert(
      fc.property(unitsArb, aggArb, (units, agg) => {
        const fw = propFramework(agg);
        const first = scoreEdition(fw, units).fingerprint;
        const rebuilt = JSON.parse(JSON.stringify(units)).map((u: UnitInput) => ({
          answers: Object.fromEntries(Object.entries(u.answers).reverse()),
          attributes: u.attributes,
          id: u.id,
        }));
        expect(scoreEdition(JSON.parse(JSON.stringify(fw)), rebuilt).fingerprint).toBe(first);
        expect(scoreEdition(fw, units).fingerprint).toBe(first);
      }),
      { numRuns: 100 },
    );
  });
});
