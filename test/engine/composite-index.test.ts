// The framework format reproduces published composite indices from their component values (UN EGDI, OECD DGI style).
import { describe, expect, it } from 'vitest';
import { scoreEdition, type Framework, type UnitInput } from '../../src/engine/index.js';
import { indicator, t } from './scoring-helpers.js';

/**
 * EGDI method (UN E-Government Survey annex): each of OSI, HCI and TII is z-score standardised, then min–max
 * normalised to 0–1 over all countries; EGDI is their equal-weight mean; groups by fixed thresholds on 0–1.
 */
const egdi: Framework = {
  id: 'egdi-style',
  version: 'test',
  title: t('EGDI-style index'),
  scale: '0-1',
  missing: { rule: 'zero' },
  aggregation: { items: { method: 'arithmetic' }, dimensions: { method: 'arithmetic' } },
  normalisation: { method: 'zscore_minmax' },
  dimensions: [{ code: 'EGDI', name: t('E-Government Development Index'), items: [indicator('OSI'), indicator('HCI'), indicator('TII')] }],
  stages: [
    { code: 'low', name: t('Low'), minScore: 0 },
    { code: 'middle', name: t('Middle'), minScore: 0.25 },
    { code: 'high', name: t('High'), minScore: 0.5 },
    { code: 'very_high', name: t('Very high'), minScore: 0.75 },
  ],
  peerGroups: [],
};

const country = (id: string, OSI: number, HCI: number, TII: number): UnitInput => ({ id, attributes: {}, answers: { OSI, HCI, TII } });

describe('EGDI-style composite', () => {
  // Component values (OSI, HCI, TII) for five fictitious countries.
  const units = [country('AAA', 0.9, 0.8, 0.7), country('BBB', 0.5, 0.6, 0.4), country('CCC', 0.2, 0.4, 0.1), country('DDD', 0.7, 0.9, 0.5), country('EEE', 0.6, 0.7, 0.45)];
  // By hand: z-score then min–max equals (x − min)/(max − min) per component:
  //   OSI over [0.2, 0.9]: 1, 3/7, 0, 5/7, 4/7;  HCI over [0.4, 0.9]: 0.8, 0.4, 0, 1, 0.6;  TII over [0.1, 0.7]: 1, 0.5, 0, 2/3, 7/12.
  const expected: Record<string, [number, string]> = {
    AAA: [(1 + 0.8 + 1) / 3, 'very_high'], // 0.933333
    BBB: [(3 / 7 + 0.4 + 0.5) / 3, 'middle'], // 0.442857
    CCC: [0, 'low'],
    DDD: [(5 / 7 + 1 + 2 / 3) / 3, 'very_high'], // 0.793651
    EEE: [(4 / 7 + 0.6 + 7 / 12) / 3, 'high'], // 0.584921
  };
  const res = scoreEdition(egdi, units);

  it('computes each country’s index as hand-computed', () => {
    expect(res.units.map((u) => u.id)).toEqual(Object.keys(expected));
    for (const u of res.units) {
      expect(u.overall!, u.id).toBeCloseTo(expected[u.id]![0], 12);
      expect(u.stage!.code, u.id).toBe(expected[u.id]![1]);
    }
    expect(res.units.find((u) => u.id === 'AAA')!.overall).toBeCloseTo(0.933333, 6);
    expect(res.units.find((u) => u.id === 'EEE')!.overall).toBeCloseTo(0.584921, 6);
  });
  it('ranks countries and reports the normalised component values', () => {
    const rank = Object.fromEntries(res.units.map((u) => [u.id, u.ranks.find((r) => r.key === 'all')!.rank]));
    expect(rank).toEqual({ AAA: 1, DDD: 2, EEE: 3, BBB: 4, CCC: 5 });
    const bbb = res.units.find((u) => u.id === 'BBB')!;
    expect(bbb.items!.map((i) => i.value)).toEqual([expect.closeTo(3 / 7, 12), expect.closeTo(0.4, 12), expect.closeTo(0.5, 12)]);
    expect(bbb.items!.map((i) => i.raw)).toEqual([0.5, 0.6, 0.4]);
  });
  it('puts a country exactly on a group threshold in the upper group', () => {
    // Published components are already on 0–1: with normalisation 'none' EGDI is their plain mean.
    const published = { ...egdi, normalisation: { method: 'none' as const } };
    const r = scoreEdition(published, [country('ON', 0.75, 0.75, 0.75), country('BELOW', 0.7499, 0.75, 0.75)]);
    expect(r.units.map((u) => [u.id, u.stage!.code])).toEqual([
      ['BELOW', 'high'],
      ['ON', 'very_high'],
    ]);
  });
});

describe('equal-weight mean of six dimension scores (OECD DGI style)', () => {
  const dims = ['DBD', 'DDP', 'GAP', 'OBD', 'UD', 'PRO'];
  const dgi: Framework = {
    ...egdi,
    id: 'dgi-style',
    normalisation: { method: 'none' },
    dimensions: dims.map((d) => ({ code: d, name: t(d), items: [indicator(`${d}.score`)] })),
  };
  it('gives the composite as the plain mean of the six dimension scores', () => {
    const values = [
      [0.74, 0.71, 0.8, 0.65, 0.59, 0.62],
      [0.45, 0.5, 0.38, 0.61, 0.4, 0.3],
    ];
    const units = values.map((v, i): UnitInput => ({ id: `C${i + 1}`, attributes: {}, answers: Object.fromEntries(dims.map((d, k) => [`${d}.score`, v[k]!])) }));
    const res = scoreEdition(dgi, units);
    expect(res.units[0]!.overall).toBeCloseTo(4.11 / 6, 12); // 0.685
    expect(res.units[1]!.overall).toBeCloseTo(2.64 / 6, 12); // 0.44
    expect(res.units[0]!.dimensions).toEqual(Object.fromEntries(dims.map((d, k) => [d, values[0]![k]])));
    expect(res.units[0]!.stage!.code).toBe('high');
    expect(res.units[1]!.stage!.code).toBe('middle');
  });
});
