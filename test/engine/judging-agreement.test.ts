// Inter-rater agreement statistics checked against hand-computed textbook examples.
import { describe, expect, it } from 'vitest';
import { icc, iccOneWay, krippendorffAlphaInterval } from '../../src/engine/judging/index.js';

describe('ICC on Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges', () => {
  const data = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];
  // By hand: grand total 127, grand mean 127/24. Row means 6, 3, 6.5, 4, 7.5, 4.75; column means 23/3, 5/2, 13/3, 20/3.
  // Σx² = 841, so SST = 841 − 127²/24 = 4055/24 = 168.958.
  // SSR = 4·Σ(row mean − 127/24)² = 1349/24 → MSR = SSR/5 = 11.2417.
  // SSC = 6·Σ(col mean − 127/24)² = 2339/24 → MSC = SSC/3 = 32.4861.
  // SSE = SST − SSR − SSC = 367/24 → MSE = SSE/15 = 1.0194.  MSW = (SST − SSR)/18 = 6.2639.
  // ICC(2,1) = (MSR − MSE) / (MSR + 3·MSE + 4(MSC − MSE)/6) = 10.2222 / 35.2778 = 0.2898   (S&F: .29)
  // ICC(2,4) = (MSR − MSE) / (MSR + (MSC − MSE)/6)          = 10.2222 / 16.4861 = 0.6201   (S&F: .62)
  // ICC(1,1) = (MSR − MSW) / (MSR + 3·MSW) = 4.9778 / 30.0333 = 0.1657 (S&F: .17); ICC(1,4) = 4.9778/11.2417 = 0.4428 (.44)
  // ICC(3,1) = (MSR − MSE) / (MSR + 3·MSE) = 10.2222 / 14.3000 = 0.7148 (S&F: .71); ICC(3,4) = 10.2222/11.2417 = 0.9093 (.91)
  it('gives the published values', () => {
    const r = icc(data)!;
    expect(r.msr).toBeCloseTo(1349 / 120, 10);
    expect(r.msc).toBeCloseTo(2339 / 72, 10);
    expect(r.mse).toBeCloseTo(367 / 360, 10);
    // Exactly: MSR − MSE = 92/9 and MSC − MSE = 11328/360.
    expect(r.icc21).toBeCloseTo(92 / 9 / (1349 / 120 + (3 * 367) / 360 + (4 * 11328) / 360 / 6), 12);
    expect(r.icc2k).toBeCloseTo(92 / 9 / (1349 / 120 + 11328 / 360 / 6), 12);
    expect(r.icc21.toFixed(2)).toBe('0.29');
    expect(r.icc2k.toFixed(2)).toBe('0.62');
    expect(r.icc11).toBeCloseTo(0.1657, 4);
    expect(r.icc1k).toBeCloseTo(0.4428, 4);
    expect(r.icc31).toBeCloseTo(0.7148, 4);
    expect(r.icc3k).toBeCloseTo(0.9093, 4);
    const oneWay = iccOneWay(data)!;
    expect(oneWay.icc11).toBeCloseTo(r.icc11, 12);
    expect(oneWay.icc1k).toBeCloseTo(r.icc1k, 12);
  });

  it('refuses incomplete or degenerate matrices', () => {
    expect(icc([[1, 2]])).toBeNull();
    expect(icc([[1], [2]])).toBeNull();
    expect(icc([[1, 2], [3]])).toBeNull();
    expect(icc([[1, 2], [3, Number.NaN]])).toBeNull();
    expect(iccOneWay([[1, 2], [3, 4, 5]])).toBeNull();
  });

  it('is 1 when judges agree exactly', () => {
    const r = icc([
      [1, 1, 1],
      [3, 3, 3],
      [5, 5, 5],
    ])!;
    expect(r.icc21).toBeCloseTo(1, 12);
    expect(r.icc2k).toBeCloseTo(1, 12);
  });
});

describe("Krippendorff's alpha, interval metric, on Krippendorff (2011) reliability data (4 observers × 12 units)", () => {
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
  const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
  const units = A.map((_, u) => [A[u]!, B[u]!, C[u]!, D[u]!]);
  // By hand. Unit 12 has one value and is not pairable: n = 40 pairable values in 11 units.
  // Per unit Σ_{i≠j}(v_i − v_j)² / (m_u − 1), non-zero only for
  //   unit 2 {2,2,3,2}: 6/3 = 2;  unit 6 {1,2,3,4}: 40/3;  unit 8 {1,1,2,1}: 6/3 = 2   → total 52/3.
  // Do = (52/3) / 40 = 13/30 = 0.43333.
  // All 40 values: Σv = 100, Σv² = 306; Σ_{i≠j}(v_i − v_j)² = 2(40·306 − 100²) = 4480; De = 4480 / (40·39) = 112/39 = 2.87179.
  // α = 1 − Do/De = 1 − (13/30)/(112/39) = 951/1120 = 0.8491   (Krippendorff 2011 reports α_interval = 0.849)
  it('gives 0.849', () => {
    const r = krippendorffAlphaInterval(units);
    expect(r.pairableValues).toBe(40);
    expect(r.unitsUsed).toBe(11);
    expect(r.observed).toBeCloseTo(13 / 30, 12);
    expect(r.expected).toBeCloseTo(112 / 39, 12);
    expect(r.alpha).toBeCloseTo(951 / 1120, 12);
    expect(r.alpha!).toBeCloseTo(0.849, 3);
  });

  it('does not depend on which observer gave which value, only on units', () => {
    const shuffled = units.map((u) => [...u].reverse());
    expect(krippendorffAlphaInterval(shuffled).alpha).toBeCloseTo(951 / 1120, 12);
  });

  it('is undefined when every value is the same, and 1 for perfect agreement', () => {
    expect(krippendorffAlphaInterval([[3, 3], [3, 3, null]]).alpha).toBeNull();
    expect(krippendorffAlphaInterval([[1, 1], [4, 4, 4], [2, 2]]).alpha).toBeCloseTo(1, 12);
    expect(krippendorffAlphaInterval([[1], [2]]).alpha).toBeNull();
  });
});
