// Small statistics the award rules need: least-squares line, and ranking with a tie tolerance.

/** Ordinary least squares fit of y = intercept + slope · x. */
export interface OlsFit {
  intercept: number;
  slope: number;
  /** Points used. */
  n: number;
  /** Coefficient of determination; null when y has no variance. */
  r2: number | null;
  /** Residual standard error (n − 2 degrees of freedom); null when n ≤ 2. */
  residualSd: number | null;
}

/** Fits y on x; null with fewer than 2 points or when x has no variance (slope undefined). */
export function ols(xs: readonly number[], ys: readonly number[]): OlsFit | null {
  const n = xs.length;
  if (n !== ys.length || n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  // Relative check: x spread of float noise only means "no variance".
  if (sxx <= 1e-12 * Math.max(1, mx * mx) * n) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const e = ys[i]! - (intercept + slope * xs[i]!);
    sse += e * e;
  }
  return {
    intercept,
    slope,
    n,
    r2: syy > 0 ? 1 - sse / syy : null,
    residualSd: n > 2 ? Math.sqrt(sse / (n - 2)) : null,
  };
}

/**
 * Competition ranks ("1224") of values, higher = better; values within `tolerance` of the best value of a rank share
 * it. Returns ranks in input order.
 */
export function competitionRanks(values: readonly number[], tolerance: number): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v || a.i - b.i);
  const ranks = new Array<number>(values.length);
  let rankValue = Number.NaN;
  let rank = 0;
  order.forEach((o, pos) => {
    if (pos === 0 || rankValue - o.v > tolerance) {
      rank = pos + 1;
      rankValue = o.v;
    }
    ranks[o.i] = rank;
  });
  return ranks;
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
