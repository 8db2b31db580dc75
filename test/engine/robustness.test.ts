// Monte Carlo robustness: seeded and repeatable, rank intervals that contain the truth, unstable pairs flagged.
import { describe, expect, it } from 'vitest';
import { createRng, runRobustness, scoreEdition, type UnitInput } from '../../src/engine/index.js';
import { syntheticFramework, syntheticUnits } from '../../bench/synthetic.js';
import { miniFramework, t, unit, yesNo } from './scoring-helpers.js';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and stays in [0, 1)', () => {
    const a = createRng(123);
    const b = createRng(123);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
    expect(createRng(124).next()).not.toBe(xs[0]);
    const r = createRng(1);
    for (let i = 0; i < 100; i++) expect(r.int(6)).toBeLessThan(6);
  });
});

describe('runRobustness', { timeout: 60_000 }, () => {
  const fw = syntheticFramework(6, 3);
  const units = syntheticUnits(fw, 40, 9);
  it('gives identical results for the same seed and different ones for another', () => {
    const a = runRobustness(fw, units, { iterations: 200, seed: 11 });
    expect(runRobustness(fw, units, { iterations: 200, seed: 11 })).toEqual(a);
    expect(runRobustness(fw, units, { iterations: 200, seed: 12 }).units).not.toEqual(a.units);
    expect(a.fingerprint).toBe(scoreEdition(fw, units).fingerprint);
    expect(a.settings).toMatchObject({ iterations: 200, seed: 11, weightNoise: 0.25, perturb: 'dimensions', aggregations: ['arithmetic', 'geometric'] });
  });
  it('gives every unit a median rank inside its 5–95 % interval, within 1..n', () => {
    const r = runRobustness(fw, units, { iterations: 300, seed: 3, perturb: 'all' });
    expect(r.units).toHaveLength(40);
    for (const u of r.units) {
      expect(u.rankP05).toBeGreaterThanOrEqual(1);
      expect(u.rankP95).toBeLessThanOrEqual(40);
      expect(u.medianRank).toBeGreaterThanOrEqual(u.rankP05);
      expect(u.medianRank).toBeLessThanOrEqual(u.rankP95);
    }
    const nominal = scoreEdition(fw, units).units;
    for (const u of r.units) expect(u.nominalRank).toBe(nominal.find((x) => x.id === u.id)!.ranks.find((k) => k.key === 'all')!.rank);
  });
  it('keeps clearly separated units at their rank and flags a pair that depends on the weights', () => {
    const f = miniFramework({
      dimensions: [
        { code: 'A', name: t('A'), items: [yesNo('A1'), yesNo('A2')] },
        { code: 'B', name: t('B'), items: [yesNo('B1'), yesNo('B2')] },
      ],
    });
    const us: UnitInput[] = [
      unit('top', { A1: true, A2: true, B1: true, B2: true }),
      unit('a-strong', { A1: true, A2: true, B1: true }), // A 100, B 50 → 75
      unit('b-strong', { A1: true, B1: true, B2: true }), // A 50, B 100 → 75, tied; order depends on weights
      unit('bottom', {}),
    ];
    const r = runRobustness(f, us, { iterations: 500, seed: 2, aggregations: ['arithmetic'], normalisations: ['configured'] });
    const byId = Object.fromEntries(r.units.map((u) => [u.id, u]));
    expect(byId.top).toMatchObject({ nominalRank: 1, medianRank: 1, rankP05: 1, rankP95: 1 });
    expect(byId.bottom).toMatchObject({ nominalRank: 4, rankP05: 4, rankP95: 4 });
    expect(byId['a-strong']!.rankP95).toBe(3);
    expect(r.unstablePairs).toHaveLength(1);
    expect(r.unstablePairs[0]).toMatchObject({ higher: 'a-strong', lower: 'b-strong', nominalRanks: [2, 2] });
    expect(r.unstablePairs[0]!.shareKept).toBeGreaterThan(0.3);
    expect(r.unstablePairs[0]!.shareKept).toBeLessThan(0.7);
  });
  it('reproduces the nominal ranking when nothing is perturbed, for either aggregation (checks the fast path)', () => {
    const fwSub = {
      ...fw,
      dimensions: fw.dimensions.map((d, i) =>
        i === 0 ? { code: d.code, name: d.name, subdimensions: [{ code: 'S1', name: t('S1'), weight: 2, items: d.items!.slice(0, 3) }, { code: 'S2', name: t('S2'), items: d.items!.slice(3) }] } : d,
      ),
    };
    for (const method of ['arithmetic', 'geometric'] as const) {
      const f = { ...fwSub, aggregation: { items: { method }, dimensions: { method } } };
      const r = runRobustness(f, units, { iterations: 5, weightNoise: 0, aggregations: [method], normalisations: ['configured'] });
      for (const u of r.units) expect([u.id, u.rankP05, u.rankP95]).toEqual([u.id, u.nominalRank, u.nominalRank]);
      expect(r.unstablePairs.filter((p) => p.nominalRanks[0] !== p.nominalRanks[1])).toEqual([]);
    }
  });
  it('ranks within a peer group when asked', () => {
    const r = runRobustness(fw, units, { iterations: 50, peerGroup: 'level' });
    const groups = new Set(r.units.map((u) => u.group));
    expect(groups).toEqual(new Set(['department', 'province']));
    const prov = r.units.filter((u) => u.group === 'province');
    expect(Math.max(...prov.map((u) => u.rankP95))).toBeLessThanOrEqual(prov.length);
  });
});
