// Segment statistics and quality checks: summaries, stage distribution, item variance, item–rest correlation, alpha.
import { describe, expect, it } from 'vitest';
import { pearson, scoreEdition, summarise } from '../../src/engine/index.js';
import { miniFramework, t, unit, yesNo } from './scoring-helpers.js';

describe('summarise', () => {
  it('gives n, mean, median, sample sd, min and max, leaving nulls out', () => {
    expect(summarise([4, null, 1, 3, 2])).toEqual({ n: 4, mean: 2.5, median: 2.5, sd: Math.sqrt(5 / 3), min: 1, max: 4 });
    expect(summarise([7])).toEqual({ n: 1, mean: 7, median: 7, sd: 0, min: 7, max: 7 });
    expect(summarise([])).toEqual({ n: 0, mean: null, median: null, sd: null, min: null, max: null });
  });
  it('computes Pearson correlation, null without spread', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});

describe('segments', () => {
  const fw = miniFramework({ peerGroups: ['level', 'serves_public'] });
  const res = scoreEdition(fw, [
    unit('a', { A1: true, A2: true, A3: true, A4: true, B1: true, B2: true }, { level: 'dept', ministry: 'M1', province: 'P1', serves_public: true }),
    unit('b', { A1: true, A2: true, B1: true }, { level: 'dept', ministry: 'M1', serves_public: false }),
    unit('c', { A1: true }, { level: 'prov', ministry: 'M2', province: 'P1', serves_public: true }),
    unit('d', {}, { level: 'prov', ministry: null, province: 'P2', serves_public: true }),
  ]);
  const seg = (key: string, value: string) => res.segments.find((s) => s.key === key && s.value === value)!;
  it('covers all, level, ministry, province and the peer groups; units without a value form no segment', () => {
    expect(res.segments.map((s) => `${s.key}=${s.value}`)).toEqual([
      'all=all',
      'level=dept',
      'level=prov',
      'ministry=M1',
      'ministry=M2',
      'province=P1',
      'province=P2',
      'serves_public=false',
      'serves_public=true',
    ]);
  });
  it('summarises the overall score and each dimension', () => {
    // overall: a 100, b 50, c 12.5, d 0
    expect(seg('all', 'all').overall).toMatchObject({ n: 4, mean: 40.625, median: 31.25, min: 0, max: 100 });
    expect(seg('level', 'dept').dimensions.A).toMatchObject({ n: 2, mean: 75, median: 75, sd: Math.sqrt(1250) });
    expect(seg('province', 'P1').n).toBe(2);
  });
  it('gives the stage distribution in counts and percentages', () => {
    expect(seg('all', 'all').stages).toEqual([
      { code: 'initial', count: 2, percent: 50 },
      { code: 'basic', count: 0, percent: 0 },
      { code: 'intermediate', count: 1, percent: 25 },
      { code: 'advanced', count: 1, percent: 25 },
    ]);
  });
});

describe('quality checks', () => {
  const fw = miniFramework({
    dimensions: [
      { code: 'A', name: t('A'), items: [yesNo('A1'), yesNo('A2'), yesNo('A3'), yesNo('K')] },
      { code: 'B', name: t('B'), items: [yesNo('B1'), yesNo('B2')] },
    ],
  });
  const rows: [boolean, boolean, boolean, boolean, boolean, boolean][] = [
    [true, true, true, true, true, true],
    [true, true, false, true, true, false],
    [false, true, false, true, false, false],
    [false, false, false, true, false, true],
    [true, false, true, true, true, true],
  ];
  const res = scoreEdition(
    fw,
    rows.map((r, i) => unit(`u${i}`, { A1: r[0], A2: r[1], A3: r[2], K: r[3], B1: r[4], B2: r[5] })),
  );
  const item = (code: string) => res.quality.items.find((i) => i.code === code)!;
  it('flags items whose mean is 0 or 1', () => {
    expect(item('K')).toMatchObject({ mean: 1, sd: 0, noVariance: true });
    expect(item('A1')).toMatchObject({ mean: 0.6, noVariance: false });
  });
  it('computes the item–rest correlation and flags those below 0.1', () => {
    // A1 against the mean of A2, A3, K per unit.
    const a1 = rows.map((r) => (r[0] ? 1 : 0));
    const rest = rows.map((r) => ((r[1] ? 1 : 0) + (r[2] ? 1 : 0) + 1) / 3);
    expect(item('A1').itemRest).toBeCloseTo(pearson(a1, rest)!, 12);
    expect(item('K').itemRest).toBeNull();
    expect(item('K').lowItemRest).toBe(true);
    const b2 = rows.map((r) => (r[5] ? 1 : 0));
    const b1 = rows.map((r) => (r[4] ? 1 : 0));
    expect(item('B2').itemRest).toBeCloseTo(pearson(b2, b1)!, 12);
    expect(item('B2').lowItemRest).toBe(pearson(b2, b1)! < 0.1);
  });
  it("computes Cronbach's alpha per dimension by hand", () => {
    // Dimension B: items B1, B2 over five units.
    const b1 = [1, 1, 0, 0, 1];
    const b2 = [1, 0, 0, 1, 1];
    const v = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    };
    const alpha = 2 * (1 - (v(b1) + v(b2)) / v(b1.map((x, i) => x + b2[i]!)));
    const q = res.quality.dimensions.find((d) => d.code === 'B')!;
    expect(q.alpha).toBeCloseTo(alpha, 12);
    expect(q.nComplete).toBe(5);
    expect(res.quality.dimensions.find((d) => d.code === 'A')!.items).toBe(4);
  });
  it('gives the correlation matrix of dimensions', () => {
    const c = res.quality.correlation;
    expect(c.dimensions).toEqual(['A', 'B']);
    const a = res.units.map((u) => u.dimensions.A!);
    const b = res.units.map((u) => u.dimensions.B!);
    expect(c.matrix[0]![1]).toBeCloseTo(pearson(a, b)!, 12);
    expect(c.matrix[1]![0]).toBe(c.matrix[0]![1]);
    expect(c.matrix[0]![0]).toBe(1);
  });
});
