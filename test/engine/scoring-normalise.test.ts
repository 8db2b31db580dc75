// Normalisation over the population: each method, direction, degenerate cases, and hidden units left out.
import { describe, expect, it } from 'vitest';
import { normaliseColumn, scoreEdition, type Normalisation } from '../../src/engine/index.js';
import { indicator, miniFramework, t, yesNo } from './scoring-helpers.js';

const col = (xs: number[], n: Normalisation): number[] => [...normaliseColumn(Float64Array.from(xs), n)];

describe('normaliseColumn', () => {
  const xs = [2, 4, 4, 10];
  it('none keeps the values (1 − x when lower is better)', () => {
    expect(col([0.2, 0.9], { method: 'none' })).toEqual([0.2, 0.9]);
    expect(col([0.2, 0.9], { method: 'none', lowerIsBetter: true })).toEqual([0.8, expect.closeTo(0.1, 12)]);
  });
  it('min–max maps to 0–1, mirrored when lower is better; no spread gives everyone 1', () => {
    expect(col(xs, { method: 'minmax' })).toEqual([0, 0.25, 0.25, 1]);
    expect(col(xs, { method: 'minmax', lowerIsBetter: true })).toEqual([1, 0.75, 0.75, 0]);
    expect(col([3, 3], { method: 'minmax' })).toEqual([1, 1]);
  });
  it('z-score uses the sample standard deviation; z-score then min–max equals min–max', () => {
    const mean = 5;
    const sd = Math.sqrt((9 + 1 + 1 + 25) / 3);
    col(xs, { method: 'zscore' }).forEach((z, i) => expect(z).toBeCloseTo((xs[i]! - mean) / sd, 12));
    col(xs, { method: 'zscore_minmax' }).forEach((z, i) => expect(z).toBeCloseTo([0, 0.25, 0.25, 1][i]!, 12));
    expect(col([3, 3], { method: 'zscore' })).toEqual([0, 0]);
  });
  it('goalposts clamp to 0–1 and can run downwards', () => {
    expect(col([0, 5, 15, 30], { method: 'goalposts', low: 5, high: 25 })).toEqual([0, 0, 0.5, 1]);
    expect(col([0, 5, 15, 30], { method: 'goalposts', low: 5, high: 25, lowerIsBetter: true })).toEqual([1, 1, 0.5, 0]);
  });
  it('rank scales competition ranks to 0–1 (best 1); percentile counts the share below, ties half', () => {
    expect(col(xs, { method: 'rank' })).toEqual([0, 2 / 3, 2 / 3, 1]);
    expect(col(xs, { method: 'percentile' })).toEqual([0, 1.5 / 3, 1.5 / 3, 1]);
    expect(col([7], { method: 'rank' })).toEqual([1]);
    expect(col(xs, { method: 'rank', lowerIsBetter: true })).toEqual([1, 2 / 3, 2 / 3, 0]);
  });
  it('leaves hidden (NaN) cells out of the population', () => {
    expect(col([2, NaN, 10], { method: 'minmax' })).toEqual([0, NaN, 1]);
  });
});

describe('normalisation inside scoring', () => {
  it('normalises indicators per item over the units being scored', () => {
    const fw = miniFramework({
      dimensions: [{ code: 'A', name: t('A'), items: [indicator('X', { normalisation: { method: 'minmax' } }), indicator('Y', { normalisation: { method: 'goalposts', low: 0, high: 50 } })] }],
    });
    const res = scoreEdition(fw, [
      { id: 'a', attributes: {}, answers: { X: 10, Y: 25 } },
      { id: 'b', attributes: {}, answers: { X: 30, Y: 100 } },
    ]);
    expect(res.units.map((u) => u.overall)).toEqual([25, 100]);
    expect(res.units[0]!.items!.map((i) => [i.raw, i.value])).toEqual([
      [10, 0],
      [25, 0.5],
    ]);
  });
  it('min–max over answered questions only counts visible units', () => {
    const fw = miniFramework({
      normalisation: { method: 'minmax' },
      dimensions: [{ code: 'A', name: t('A'), items: [yesNo('G'), yesNo('F', { visibleIf: { item: 'G', equals: true } })] }],
    });
    const res = scoreEdition(fw, [
      { id: 'a', attributes: {}, answers: { G: true, F: true } },
      { id: 'b', attributes: {}, answers: { G: true, F: false } },
      { id: 'c', attributes: {}, answers: { G: false } },
    ]);
    expect(res.units.map((u) => u.overall)).toEqual([100, 50, 0]);
  });
});
