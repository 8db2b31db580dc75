// Competition ranking ("1224") with explicit ties, and percentile ranks, within groups.
import { SCORE_TOLERANCE } from './stages.js';

export interface RankInfo {
  rank: number;
  tiedWith: number;
  /** 0–100, share of the others scoring strictly lower, ties counting half; 100 for a group of one. */
  percentile: number;
}

/**
 * Ranks the given scores, best (highest) first. Scores within SCORE_TOLERANCE of the first score of a tie block are
 * tied. NaN scores get no rank (null).
 */
export function competitionRanks(scores: readonly number[]): (RankInfo | null)[] {
  const idx: number[] = [];
  scores.forEach((s, i) => {
    if (s === s) idx.push(i);
  });
  idx.sort((a, b) => scores[b]! - scores[a]!);
  const out: (RankInfo | null)[] = scores.map(() => null);
  const n = idx.length;
  let start = 0;
  while (start < n) {
    const top = scores[idx[start]!]!;
    let end = start;
    while (end + 1 < n && Math.abs(scores[idx[end + 1]!]! - top) <= SCORE_TOLERANCE * Math.max(1, Math.abs(top))) end++;
    const tied = end - start + 1;
    const below = n - 1 - end;
    const percentile = n === 1 ? 100 : (100 * (below + 0.5 * (tied - 1))) / (n - 1);
    for (let k = start; k <= end; k++) out[idx[k]!] = { rank: start + 1, tiedWith: tied, percentile };
    start = end + 1;
  }
  return out;
}
