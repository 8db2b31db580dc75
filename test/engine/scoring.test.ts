// Scoring: item points per kind, evidence gating, visibility, missing rules, aggregation, scale, stages and ranks.
import { describe, expect, it } from 'vitest';
import { scoreEdition, type Framework, type Item } from '../../src/engine/index.js';
import { miniFramework, t, unit, yesNo } from './scoring-helpers.js';

const one = (fw: Framework, answers: Record<string, unknown>, extra = {}) =>
  scoreEdition(fw, [unit('u1', answers as never, { level: 'department' }, extra)]).units[0]!;

function withItems(items: Item[], over: Partial<Framework> = {}): Framework {
  return miniFramework({ dimensions: [{ code: 'A', name: t('A'), items }], ...over });
}

describe('item points', () => {
  it('scores yes/no with default and custom points', () => {
    const fw = withItems([yesNo('Y1'), yesNo('Y2', { points: { yes: 0.8, no: 0.2 } } as Partial<Item>)]);
    const u = one(fw, { Y1: true, Y2: false });
    expect(u.items!.map((i) => i.raw)).toEqual([1, 0.2]);
    expect(u.overall).toBeCloseTo(60, 10);
  });
  it('scores single choice by option points and multi choice by count or weight, capped', () => {
    const opts = [
      { code: 'a', label: t('a'), points: 0.25 },
      { code: 'b', label: t('b'), points: 0.5 },
      { code: 'c', label: t('c'), points: 1 },
      { code: 'none', label: t('none'), points: 0 },
    ];
    const fw = withItems([
      { code: 'S', kind: 'single_choice', text: t('S'), recommendation: t('r'), options: opts },
      { code: 'MC', kind: 'multi_choice', scoring: 'count', countForFull: 2, text: t('M'), recommendation: t('r'), options: opts },
      { code: 'MW', kind: 'multi_choice', scoring: 'weighted', cap: 0.6, text: t('W'), recommendation: t('r'), options: opts },
      { code: 'MN', kind: 'multi_choice', scoring: 'count', text: t('N'), recommendation: t('r'), options: opts },
    ]);
    const u = one(fw, { S: 'b', MC: ['a', 'b', 'c'], MW: ['a', 'b'], MN: ['none'] });
    expect(u.items!.map((i) => i.raw)).toEqual([0.5, 1, 0.6, 0]);
    const v = one(fw, { S: 'c', MC: ['a'], MW: ['a'], MN: ['a', 'b', 'c'] });
    expect(v.items!.map((i) => i.raw)).toEqual([1, 0.5, 0.25, 1]);
  });
  it('scores numbers with goalposts (clamped) and thresholds', () => {
    const fw = withItems([
      { code: 'G', kind: 'number', text: t('G'), recommendation: t('r'), scoring: { type: 'goalposts', low: 10, high: 20 } },
      { code: 'T', kind: 'number', text: t('T'), recommendation: t('r'), scoring: { type: 'thresholds', thresholds: [{ min: 1, points: 0.3 }, { min: 5, points: 0.7 }, { min: 10, points: 1 }] } },
    ]);
    expect(one(fw, { G: 15, T: 0 }).items!.map((i) => i.raw)).toEqual([0.5, 0]);
    expect(one(fw, { G: 25, T: 5 }).items!.map((i) => i.raw)).toEqual([1, 0.7]);
    expect(one(fw, { G: 5, T: 12 }).items!.map((i) => i.raw)).toEqual([0, 1]);
  });
  it('does not score text items', () => {
    const fw = withItems([yesNo('Y'), { code: 'TX', kind: 'text', text: t('Notes') }]);
    const u = one(fw, { Y: true, TX: 'anything' });
    expect(u.items!.map((i) => i.code)).toEqual(['Y']);
    expect(u.overall).toBe(100);
  });
});

describe('evidence, visibility and missing answers', () => {
  it('gives 0 to an item requiring evidence unless its evidence was accepted', () => {
    const fw = withItems([yesNo('E', { requiresEvidence: true }), yesNo('F')]);
    const rejected = one(fw, { E: true, F: true });
    expect(rejected.items![0]).toMatchObject({ status: 'no_evidence', raw: 0 });
    expect(rejected.overall).toBe(50);
    expect(one(fw, { E: true, F: true }, { evidenceAccepted: ['E'] }).overall).toBe(100);
  });
  it('excludes hidden items instead of scoring them zero', () => {
    const fw = withItems([yesNo('Q'), yesNo('R', { visibleIf: { item: 'Q', equals: true } }), yesNo('S')]);
    const hidden = one(fw, { Q: false, S: true });
    expect(hidden.items![1]).toMatchObject({ status: 'hidden', value: null });
    expect(hidden.overall).toBe(50); // (0 + 1) / 2, R left out
    const shown = one(fw, { Q: true, S: true });
    expect(shown.items![1]!.status).toBe('zero');
    expect(shown.overall).toBeCloseTo(200 / 3, 10);
  });
  it('scores missing answers zero, or imputes the peer-group mean and records the rule', () => {
    const fw = withItems([yesNo('A1'), yesNo('A2')]);
    const units = [
      unit('a', { A1: true, A2: true }, { level: 'dept' }),
      unit('b', { A1: false, A2: true }, { level: 'dept' }),
      unit('c', { A1: true }, { level: 'dept' }),
      unit('d', { A1: true, A2: false }, { level: 'prov' }),
      unit('e', { A1: true }, { level: 'prov' }),
    ];
    const zero = scoreEdition(fw, units);
    expect(zero.missingRule).toEqual({ rule: 'zero' });
    expect(zero.units.find((u) => u.id === 'c')!.overall).toBe(50);
    const peer = scoreEdition(fw, units, { missing: { rule: 'peer_mean', peerGroup: 'level' } });
    expect(peer.missingRule).toEqual({ rule: 'peer_mean', peerGroup: 'level' });
    const c = peer.units.find((u) => u.id === 'c')!;
    expect(c.items![1]).toMatchObject({ status: 'imputed', raw: 1 });
    expect(c.missingItems).toEqual(['A2']);
    expect(peer.units.find((u) => u.id === 'e')!.items![1]).toMatchObject({ status: 'imputed', raw: 0 });
    expect(peer.fingerprint).not.toBe(zero.fingerprint);
  });
});

describe('aggregation, scale and sub-dimensions', () => {
  const fw = (agg: 'arithmetic' | 'geometric', over: Partial<Framework> = {}) =>
    miniFramework({
      aggregation: { items: { method: agg }, dimensions: { method: agg } },
      dimensions: [
        { code: 'A', name: t('A'), weight: 3, items: [yesNo('A1', { weight: 1 }), yesNo('A2', { weight: 3 })] },
        { code: 'B', name: t('B'), weight: 1, items: [yesNo('B1')] },
      ],
      ...over,
    });
  it('uses weighted arithmetic means at each level', () => {
    const u = one(fw('arithmetic'), { A1: true, A2: false, B1: true });
    expect(u.dimensions).toEqual({ A: 25, B: 100 });
    expect(u.overall).toBeCloseTo((3 * 25 + 100) / 4, 10);
  });
  it('uses weighted geometric means with the epsilon zero rule by default, and zero when asked', () => {
    const u = one(fw('geometric'), { A1: true, A2: false, B1: true });
    expect(u.dimensions.A!).toBeCloseTo(100 * Math.exp((Math.log(1) + 3 * Math.log(0.01)) / 4), 8);
    const z = one(fw('geometric', { aggregation: { items: { method: 'geometric', zeroRule: 'zero' }, dimensions: { method: 'geometric', zeroRule: 'zero' } } }), { A1: true, A2: false, B1: true });
    expect(z.dimensions.A).toBe(0);
    expect(z.overall).toBe(0);
  });
  it('reports on a 0–1 scale when asked', () => {
    const u = one(fw('arithmetic', { scale: '0-1', stages: [{ code: 's0', name: t('s0'), minScore: 0 }, { code: 's1', name: t('s1'), minScore: 0.5 }] }), { A1: true, A2: true, B1: false });
    expect(u.overall).toBeCloseTo(0.75, 12);
    expect(u.stage!.code).toBe('s1');
  });
  it('aggregates items into sub-dimensions, then the dimension', () => {
    const f = miniFramework({
      dimensions: [
        { code: 'A', name: t('A'), subdimensions: [
          { code: 'A.x', name: t('x'), weight: 1, items: [yesNo('X1'), yesNo('X2')] },
          { code: 'A.y', name: t('y'), weight: 3, items: [yesNo('Y1')] },
        ] },
      ],
    });
    const u = one(f, { X1: true, X2: false, Y1: true });
    expect(u.subdimensions).toEqual({ 'A.x': 50, 'A.y': 100 });
    expect(u.dimensions.A).toBeCloseTo(87.5, 10);
  });
});

describe('stages and ranks', () => {
  it('puts a score equal to a cut-off in the upper stage', () => {
    const fw = miniFramework({ dimensions: [{ code: 'A', name: t('A'), items: [yesNo('A1'), yesNo('A2'), yesNo('A3'), yesNo('A4')] }] });
    expect(one(fw, { A1: true }).stage!.code).toBe('basic');
    expect(one(fw, { A1: true, A2: true, A3: true }).stage!.code).toBe('advanced');
    expect(one(fw, {}).stage!.code).toBe('initial');
  });
  it('drops to the highest stage whose conditions hold', () => {
    const fw = miniFramework({
      stages: [
        { code: 'initial', name: t('Initial'), minScore: 0 },
        { code: 'basic', name: t('Basic'), minScore: 25 },
        { code: 'intermediate', name: t('Intermediate'), minScore: 50, conditions: [{ dimension: 'B', min: 50 }] },
        { code: 'advanced', name: t('Advanced'), minScore: 75, conditions: [{ dimension: 'B', min: 100 }] },
      ],
    });
    const u = one(fw, { A1: true, A2: true, A3: true, A4: true, B1: false, B2: false }); // A 100, B 0 → 50
    expect(u.overall).toBe(50);
    expect(u.stage).toMatchObject({ code: 'basic', byScore: 'intermediate', failedConditions: [{ dimension: 'B', min: 50 }] });
    expect(u.nextStage!.pointsNeeded).toBe(0);
    expect(u.nextStage!.conditionShortfalls).toEqual([{ dimension: 'B', min: 50, score: 0, needed: 50 }]);
    expect(u.nextStage!.items[0]!.dimension).toBe('B');
    expect(u.nextStage!.reachable).toBe(true);
  });
  it('ranks with competition ranking within each peer group, ties explicit', () => {
    const fw = miniFramework();
    const units = [
      unit('a', { A1: true, B1: true }, { level: 'dept' }),
      unit('b', { A1: true, A2: true, B1: true, B2: true }, { level: 'dept' }),
      unit('c', { A1: true, B1: true }, { level: 'dept' }),
      unit('d', {}, { level: 'dept' }),
      unit('e', { A1: true }, { level: 'prov' }),
    ];
    const r = scoreEdition(fw, units);
    const rank = (id: string, key: string) => r.units.find((u) => u.id === id)!.ranks.find((x) => x.key === key)!;
    expect(['b', 'a', 'c', 'd'].map((id) => rank(id, 'level').rank)).toEqual([1, 2, 2, 4]);
    expect(rank('a', 'level')).toMatchObject({ group: 'dept', n: 4, tiedWith: 2 });
    expect(rank('a', 'level').percentile).toBeCloseTo((100 * (1 + 0.5)) / 3, 10);
    expect(rank('e', 'level')).toMatchObject({ rank: 1, n: 1, percentile: 100 });
    expect(rank('e', 'all')).toMatchObject({ n: 5 });
  });
  it('lists the weakest items and dimensions against the peer group with recommendations, and the next-stage path', () => {
    const fw = miniFramework();
    const units = [
      unit('a', { A1: true, A2: true, A3: true, A4: true, B1: true, B2: true }),
      unit('b', { A1: true, A2: true, A3: true, A4: true, B1: true, B2: true }),
      unit('c', { A1: true, A2: false, A3: true, A4: true, B1: false, B2: false }),
    ];
    const c = scoreEdition(fw, units).units.find((u) => u.id === 'c')!;
    // Equal gaps (2/3): equal weights, so framework order decides.
    expect(c.weakestItems.map((w) => w.code)).toEqual(['A2', 'B1', 'B2']);
    expect(c.weakestItems[1]).toMatchObject({ value: 0, peerMean: 2 / 3, recommendation: t('Do B1') });
    expect(c.weakestDimensions[0]).toMatchObject({ code: 'B', recommendation: null });
    expect(c.weakestDimensions[1]).toMatchObject({ code: 'A', recommendation: t('Work on A') });
    // A 75, B 0 → overall 37.5 (basic); one B item lifts B to 50 and the overall score by 25.
    expect(c.stage!.code).toBe('basic');
    expect(c.nextStage).toMatchObject({ stage: 'intermediate', pointsNeeded: 12.5, reachable: true });
    expect(c.nextStage!.items.map((i) => [i.code, i.gain])).toEqual([['B1', 25]]);
  });
});
