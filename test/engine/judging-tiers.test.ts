// Tiers: top-N and thresholds with ties, competition ranks, committee overrides with reasons, and disagreement flags.
import { describe, expect, it } from 'vitest';
import {
  applyTiers,
  calibrate,
  committeeReport,
  defaultDigitalLocalContest,
  defaultDigitalLocalRubric,
  defaultDigitalLocalTiers,
  flagsForDiscussion,
  overrideTier,
  rankAndTier,
  type ScoredEntry,
  type ScoreSheet,
  type TierRule,
} from '../../src/engine/judging/index.js';

const scored = (scores: number[], tieBreak: number[][] = []): ScoredEntry[] =>
  scores.map((score, i) => ({ entryId: `E${String(i + 1).padStart(2, '0')}`, score, tieBreak: tieBreak[i] ?? [] }));

const tiersOf = (r: ReturnType<typeof rankAndTier>) => Object.fromEntries(r.entries.map((e) => [e.entryId, e.tier]));
const withTie = (rule: TierRule['tieAtCutoff']): TierRule[] => defaultDigitalLocalTiers().map((t) => ({ ...t, tieAtCutoff: rule }));

describe('rankAndTier', () => {
  it('gives 3 excellent and 12 outstanding out of 20 (the 2022 shape)', () => {
    const r = rankAndTier(scored(Array.from({ length: 20 }, (_, i) => 5 - i * 0.1)), defaultDigitalLocalTiers(), 'raw');
    expect(r.entries.filter((e) => e.tier === 'excellent').map((e) => e.entryId)).toEqual(['E01', 'E02', 'E03']);
    expect(r.entries.filter((e) => e.tier === 'outstanding')).toHaveLength(12);
    expect(r.entries.filter((e) => e.tier === null)).toHaveLength(5);
    expect(r.entries.map((e) => e.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(r.basis).toBe('raw');
    expect(r.cutoffTies).toEqual([]);
  });

  it('uses competition ranks for ties (1, 2, 2, 4)', () => {
    const r = rankAndTier(scored([4.5, 4.0, 4.0, 3.5]), defaultDigitalLocalTiers(), 'raw');
    expect(r.entries.map((e) => e.rank)).toEqual([1, 2, 2, 4]);
    expect(r.entries[1]!.tiedWith).toEqual(['E03']);
  });

  // E03 and E04 tie at 4.5 across the third "excellent" seat.
  const tiedAtThird = scored([4.8, 4.6, 4.5, 4.5, 4.2, 4.0]);

  it('refer_to_committee: the tied pair does not get the seat, is marked pending, and holds the lower tier provisionally', () => {
    const r = rankAndTier(tiedAtThird, withTie('refer_to_committee'), 'additive');
    expect(tiersOf(r)).toEqual({ E01: 'excellent', E02: 'excellent', E03: 'outstanding', E04: 'outstanding', E05: 'outstanding', E06: 'outstanding' });
    expect(r.entries.filter((e) => e.pendingTier === 'excellent').map((e) => e.entryId)).toEqual(['E03', 'E04']);
    expect(r.cutoffTies).toEqual([{ tier: 'excellent', seats: 1, entryIds: ['E03', 'E04'], rule: 'refer_to_committee' }]);
  });

  it('include_all: both tied entries get the tier (4 excellent)', () => {
    const r = rankAndTier(tiedAtThird, withTie('include_all'), 'raw');
    expect(r.entries.filter((e) => e.tier === 'excellent').map((e) => e.entryId)).toEqual(['E01', 'E02', 'E03', 'E04']);
    expect(r.entries.every((e) => e.pendingTier === null)).toBe(true);
  });

  it('exclude_all: neither gets it (2 excellent); they fall to the next tier', () => {
    const r = rankAndTier(tiedAtThird, withTie('exclude_all'), 'raw');
    expect(r.entries.filter((e) => e.tier === 'excellent').map((e) => e.entryId)).toEqual(['E01', 'E02']);
    expect(tiersOf(r).E03).toBe('outstanding');
  });

  it('tie-break criteria settle a tie on the score', () => {
    const r = rankAndTier(scored([4.8, 4.6, 4.5, 4.5], [[], [], [4, 3], [4, 5]]), withTie('refer_to_committee'), 'raw');
    expect(tiersOf(r)).toMatchObject({ E04: 'excellent', E03: 'outstanding' });
    expect(r.entries.map((e) => [e.entryId, e.rank])).toEqual([['E01', 1], ['E02', 2], ['E04', 3], ['E03', 4]]);
    expect(r.cutoffTies).toEqual([]);
  });

  it('thresholds: only entries reaching minScore qualify (boundary included), combined with top N', () => {
    const tiers: TierRule[] = [
      { code: 'excellent', name: { th: 'ยอดเยี่ยม', en: 'Excellent' }, topN: 3, minScore: 4.5, tieAtCutoff: 'include_all' },
      { code: 'outstanding', name: { th: 'ดีเด่น', en: 'Outstanding' }, minScore: 3.5, tieAtCutoff: 'include_all' },
    ];
    const r = rankAndTier(scored([4.9, 4.5, 4.4999, 4.0, 3.5, 3.49, 2.0]), tiers, 'raw');
    expect(tiersOf(r)).toEqual({ E01: 'excellent', E02: 'excellent', E03: 'outstanding', E04: 'outstanding', E05: 'outstanding', E06: null, E07: null });
  });

  it('a tie at a threshold is no cut-off tie: every entry on the threshold qualifies', () => {
    const tiers: TierRule[] = [{ code: 'outstanding', name: { th: 'ดีเด่น', en: 'Outstanding' }, minScore: 4, tieAtCutoff: 'exclude_all' }];
    const r = rankAndTier(scored([4.5, 4, 4, 3.9]), tiers, 'raw');
    expect(r.entries.filter((e) => e.tier).map((e) => e.entryId)).toEqual(['E01', 'E02', 'E03']);
  });

  it('ties across top N among threshold qualifiers', () => {
    const tiers: TierRule[] = [{ code: 'outstanding', name: { th: 'ดีเด่น', en: 'Outstanding' }, topN: 2, minScore: 3, tieAtCutoff: 'exclude_all' }];
    const r = rankAndTier(scored([4.5, 4, 4, 2]), tiers, 'raw');
    expect(r.entries.filter((e) => e.tier).map((e) => e.entryId)).toEqual(['E01']);
    expect(r.cutoffTies[0]).toMatchObject({ seats: 1, entryIds: ['E02', 'E03'] });
  });
});

describe('overrideTier', () => {
  const tiers = defaultDigitalLocalTiers();
  const result = rankAndTier(scored([4.8, 4.6, 4.5, 4.5, 4.2]), tiers, 'additive');

  it.each(['', '   ', '\n\t'])('refuses a change without a written reason (%j)', (reason) => {
    const r = overrideTier(result, tiers, { entryId: 'E03', tier: 'excellent', reason });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.code)).toEqual(['OVERRIDE_REASON_REQUIRED']);
      expect(r.problems[0]!.th).toContain('เหตุผล');
    }
  });

  it('refuses an unknown entry or tier, and a change that changes nothing', () => {
    const unknown = overrideTier(result, tiers, { entryId: 'E99', tier: 'gold', reason: 'x' });
    expect(unknown.ok || unknown.problems.map((p) => p.code)).toEqual(['UNKNOWN_ENTRY', 'OVERRIDE_UNKNOWN_TIER']);
    const same = overrideTier(result, tiers, { entryId: 'E01', tier: 'excellent', reason: 'x' });
    expect(same.ok || same.problems.map((p) => p.code)).toEqual(['OVERRIDE_NO_CHANGE']);
  });

  it('records the change with its reason, resolves a pending tie, and leaves the input untouched', () => {
    const r = overrideTier(result, tiers, { entryId: 'E03', tier: 'excellent', reason: '  นวัตกรรมขยายผลไปยัง 12 อปท. แล้ว  ' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const e03 = r.result.entries.find((e) => e.entryId === 'E03')!;
    expect(e03).toMatchObject({ tier: 'excellent', pendingTier: null });
    expect(e03.override).toEqual({ entryId: 'E03', from: 'outstanding', to: 'excellent', reason: 'นวัตกรรมขยายผลไปยัง 12 อปท. แล้ว' });
    expect(r.result.overrides).toHaveLength(1);
    expect(r.result.basis).toBe('additive');
    expect(result.entries.find((e) => e.entryId === 'E03')!.tier).toBe('outstanding');
    // The other tied entry keeps its pending mark until the committee confirms it too (keeping its tier is allowed).
    const confirm = overrideTier(r.result, tiers, { entryId: 'E04', tier: 'outstanding', reason: 'E03 chosen for wider adoption' });
    expect(confirm.ok).toBe(true);
    if (confirm.ok) expect(confirm.result.overrides).toHaveLength(2);
    // No award is a tier choice too.
    const none = overrideTier(result, tiers, { entryId: 'E05', tier: null, reason: 'entry withdrawn after plagiarism finding' });
    expect(none.ok && none.result.entries.find((e) => e.entryId === 'E05')!.tier).toBeNull();
  });
});

describe('flags for discussion: judges disagree, too few judges, ties', () => {
  const rubric = defaultDigitalLocalRubric();
  const s = (entryId: string, judgeId: string, score: number): ScoreSheet => ({
    entryId,
    judgeId,
    status: 'submitted',
    ratings: Object.fromEntries(rubric.criteria.map((c) => [c.code, { score, comment: 'ok' }])),
  });
  const sheets = [
    s('A', 'J1', 5), s('A', 'J2', 2), s('A', 'J3', 4), // range 3, SD 1.53: disagree
    s('B', 'J1', 4), s('B', 'J2', 4), s('B', 'J3', 4),
    s('C', 'J1', 3), s('C', 'J2', 3), // only two judges
    s('D', 'J1', 3), s('D', 'J2', 3), s('D', 'J3', 3),
  ];
  const config = { tiers: defaultDigitalLocalTiers(), tieBreakCriteria: [], disagreement: { maxRange: 1.5, maxSd: 0.75 }, judgesPerEntry: 3 };

  it('flags strong disagreement and missing judges, with Thai and English text', () => {
    const cal = calibrate(rubric, sheets);
    const flags = flagsForDiscussion(cal, config, { rankShiftThreshold: 99 });
    const codes = Object.fromEntries(flags.map((f) => [f.entryId, f.reasons.map((r) => r.code).filter((c) => c.startsWith('FLAG_R') || c === 'FLAG_SD' || c === 'FLAG_FEW_JUDGES')]));
    expect(codes.A).toEqual(['FLAG_RANGE', 'FLAG_SD']);
    expect(codes.C).toEqual(['FLAG_FEW_JUDGES']);
    expect(codes.B ?? []).toEqual([]);
    const range = flags.find((f) => f.entryId === 'A')!.reasons.find((r) => r.code === 'FLAG_RANGE')!;
    expect(range.th).toContain('3.00');
    expect(range.en).toContain('above 1.50');
  });

  it('flags ties at a cut-off referred to the committee', () => {
    const cal = calibrate(rubric, [s('A', 'J1', 5), s('A', 'J2', 5), s('B', 'J1', 4), s('B', 'J2', 4), s('C', 'J1', 4), s('C', 'J2', 4)]);
    const oneSeat = [{ code: 'excellent', name: { th: 'ยอดเยี่ยม', en: 'Excellent' }, topN: 2, tieAtCutoff: 'refer_to_committee' as const }];
    const flags = flagsForDiscussion(cal, { ...config, tiers: oneSeat, judgesPerEntry: 2 });
    const tie = flags.filter((f) => f.reasons.some((r) => r.code === 'FLAG_TIE_AT_CUTOFF')).map((f) => f.entryId);
    expect(tie).toEqual(['B', 'C']);
    expect(applyTiers(cal, { tiers: oneSeat, tieBreakCriteria: [] }, 'raw').cutoffTies[0]!.seats).toBe(1);
  });
});

describe('committeeReport', () => {
  it('calibrates, ranks on the chosen basis and flags in one call', () => {
    const config = defaultDigitalLocalContest(2565);
    const rubric = config.rubric;
    const s = (entryId: string, judgeId: string, score: number): ScoreSheet => ({
      entryId,
      judgeId,
      status: 'submitted',
      ratings: Object.fromEntries(rubric.criteria.map((c) => [c.code, { score, comment: 'ok' }])),
    });
    const sheets = ['A', 'B', 'C', 'D'].flatMap((e, i) => ['J1', 'J2', 'J3'].map((j) => s(e, j, 5 - i)));
    const report = committeeReport(config, sheets, 'zscore');
    expect(report.result.basis).toBe('zscore');
    expect(report.result.entries.map((e) => [e.entryId, e.tier])).toEqual([
      ['A', 'excellent'],
      ['B', 'excellent'],
      ['C', 'excellent'],
      ['D', 'outstanding'],
    ]);
    expect(report.calibration.agreement.icc!.icc21).toBeCloseTo(1, 10);
    expect(report.flags).toEqual([]);
  });
});
