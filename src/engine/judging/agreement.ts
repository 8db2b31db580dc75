// Inter-rater agreement: intraclass correlations (Shrout & Fleiss 1979) and Krippendorff's alpha (interval metric).

export interface IccResult {
  /** Targets (entries) and raters (judges). */
  n: number;
  k: number;
  /** Mean squares of the two-way ANOVA: between targets, between raters, residual; and within targets (one-way). */
  msr: number;
  msc: number;
  mse: number;
  msw: number;
  /** One-way random: each target rated by its own k raters (Shrout & Fleiss case 1). */
  icc11: number;
  icc1k: number;
  /** Two-way random, absolute agreement: the same k raters rate every target and stand for a larger panel (case 2). */
  icc21: number;
  icc2k: number;
  /** Two-way mixed, consistency: these k raters only (case 3). */
  icc31: number;
  icc3k: number;
}

/**
 * Intraclass correlations of a complete targets × raters matrix (rows = entries, columns = judges; no missing
 * cells). Returns null when there are fewer than 2 targets or 2 raters, a row is ragged, or a value is not finite.
 * ICC(2,1) is the reliability of one judge's score and ICC(2,k) that of the mean of k judges, counting judges'
 * severity differences as disagreement (absolute agreement) — the right reading when totals are compared across
 * entries.
 */
export function icc(matrix: readonly (readonly number[])[]): IccResult | null {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  if (n < 2 || k < 2) return null;
  if (matrix.some((row) => row.length !== k || row.some((x) => !Number.isFinite(x)))) return null;
  let total = 0;
  for (const row of matrix) for (const x of row) total += x;
  const grand = total / (n * k);
  const rowMeans = matrix.map((row) => row.reduce((a, b) => a + b, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => matrix.reduce((a, row) => a + row[j]!, 0) / n);
  let sst = 0;
  for (const row of matrix) for (const x of row) sst += (x - grand) ** 2;
  const ssr = k * rowMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssc = n * colMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const sse = sst - ssr - ssc;
  const msr = ssr / (n - 1);
  const msc = ssc / (k - 1);
  const mse = sse / ((n - 1) * (k - 1));
  const msw = (sst - ssr) / (n * (k - 1));
  return {
    n,
    k,
    msr,
    msc,
    mse,
    msw,
    icc11: (msr - msw) / (msr + (k - 1) * msw),
    icc1k: (msr - msw) / msr,
    icc21: (msr - mse) / (msr + (k - 1) * mse + (k * (msc - mse)) / n),
    icc2k: (msr - mse) / (msr + (msc - mse) / n),
    icc31: (msr - mse) / (msr + (k - 1) * mse),
    icc3k: (msr - mse) / msr,
  };
}

export interface OneWayIccResult {
  n: number;
  k: number;
  msr: number;
  msw: number;
  icc11: number;
  icc1k: number;
}

/**
 * One-way random ICC(1,1) and ICC(1,k) for designs where every entry has k ratings from its own set of judges
 * (the usual contest design: k of J judges per entry). Rows need the same length ≥ 2; judges' identities are
 * ignored, so severity differences count as noise. Null when the rows are ragged or too few.
 */
export function iccOneWay(rows: readonly (readonly number[])[]): OneWayIccResult | null {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (n < 2 || k < 2 || rows.some((r) => r.length !== k || r.some((x) => !Number.isFinite(x)))) return null;
  let total = 0;
  for (const r of rows) for (const x of r) total += x;
  const grand = total / (n * k);
  let ssr = 0;
  let ssw = 0;
  for (const r of rows) {
    const m = r.reduce((a, b) => a + b, 0) / k;
    ssr += k * (m - grand) ** 2;
    for (const x of r) ssw += (x - m) ** 2;
  }
  const msr = ssr / (n - 1);
  const msw = ssw / (n * (k - 1));
  return { n, k, msr, msw, icc11: (msr - msw) / (msr + (k - 1) * msw), icc1k: (msr - msw) / msr };
}

export interface AlphaResult {
  /** 1 − Do/De; null when De = 0 (every pairable value is the same, so agreement is undefined). */
  alpha: number | null;
  /** Observed and expected disagreement (mean squared differences). */
  observed: number;
  expected: number;
  /** Pairable values (in units with ≥ 2 values) and units used. */
  pairableValues: number;
  unitsUsed: number;
}

/**
 * Krippendorff's alpha with the interval metric δ² = (a − b)², for any number of raters and missing values.
 * `units[u]` holds unit u's values by rater, null/undefined where a rater gave none; units with fewer than 2
 * values cannot be paired and are left out (Krippendorff 2011, "Computing Krippendorff's alpha-reliability").
 *   Do = (1/n) Σ_u Σ_{i≠j in u} (v_i − v_j)² / (m_u − 1),   De = Σ_{i≠j over all n values} (v_i − v_j)² / (n(n − 1)).
 */
export function krippendorffAlphaInterval(units: readonly (readonly (number | null | undefined)[])[]): AlphaResult {
  // Σ over ordered pairs i≠j of (v_i − v_j)² = 2(m Σv² − (Σv)²).
  const pairSum = (m: number, s: number, s2: number) => 2 * (m * s2 - s * s);
  let n = 0;
  let unitsUsed = 0;
  let doSum = 0;
  let s = 0;
  let s2 = 0;
  for (const unit of units) {
    const values = unit.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const m = values.length;
    if (m < 2) continue;
    unitsUsed += 1;
    n += m;
    const us = values.reduce((a, b) => a + b, 0);
    const us2 = values.reduce((a, b) => a + b * b, 0);
    doSum += pairSum(m, us, us2) / (m - 1);
    s += us;
    s2 += us2;
  }
  if (n < 2) return { alpha: null, observed: 0, expected: 0, pairableValues: n, unitsUsed };
  const observed = doSum / n;
  const expected = pairSum(n, s, s2) / (n * (n - 1));
  return {
    alpha: expected > 1e-12 ? 1 - observed / expected : null,
    observed,
    expected,
    pairableValues: n,
    unitsUsed,
  };
}
