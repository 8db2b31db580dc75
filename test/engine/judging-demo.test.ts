// The demo's shape end to end in the engine: ~50 entries of varied LAO types and provinces, 8 judges, default contest.
import { describe, expect, it } from 'vitest';
import {
  LAO_TYPES,
  assignJudges,
  committeeReport,
  defaultDigitalLocalContest,
  isConflicted,
  mulberry32,
  seedFromString,
  simulateScoreSheets,
  validateScoreSheet,
  type Entry,
  type Judge,
} from '../../src/engine/judging/index.js';

describe('a demo-sized contest', () => {
  const config = defaultDigitalLocalContest(2565);
  const rng = mulberry32(seedFromString('demo-2565'));
  const provinces = ['10', '11', '20', '30', '34', '40', '50', '57', '65', '83', '90', '95'];
  const entries: Entry[] = Array.from({ length: 50 }, (_, i) => ({
    id: `entry-${String(i + 1).padStart(2, '0')}`,
    laoId: `lao-${i + 1}`,
    provinceCode: provinces[i % provinces.length]!,
    laoType: LAO_TYPES[i % LAO_TYPES.length]!,
  }));
  const judges: Judge[] = [
    { id: 'judge-1', affiliations: [{ kind: 'province', provinceCode: '50' }], declaredConflicts: [] },
    { id: 'judge-2', affiliations: [{ kind: 'pao', provinceCode: '40' }], declaredConflicts: [] },
    { id: 'judge-3', affiliations: [{ kind: 'lao', laoId: 'lao-7', provinceCode: '50' }], declaredConflicts: [] },
    { id: 'judge-4', affiliations: [], declaredConflicts: [{ kind: 'province', provinceCode: '90' }] },
    { id: 'judge-5', affiliations: [], declaredConflicts: [{ kind: 'lao', laoId: 'lao-12' }] },
    { id: 'judge-6', affiliations: [], declaredConflicts: [] },
    { id: 'judge-7', affiliations: [], declaredConflicts: [] },
    { id: 'judge-8', affiliations: [], declaredConflicts: [] },
  ];
  const severity = { 'judge-1': -0.6, 'judge-8': 0.6 };
  const quality = Object.fromEntries(entries.map((e) => [e.id, 1.5 + 3 * rng()]));
  const assignment = assignJudges(entries, judges, { judgesPerEntry: config.judgesPerEntry, rng });
  const sheets = simulateScoreSheets({ rubric: config.rubric, assignments: assignment.assignments, quality, severity, noiseSd: 0.5, rng });

  it('assigns 3 conflict-free judges to every entry with balanced loads', () => {
    expect(assignment.shortfalls).toEqual([]);
    expect(assignment.loadSpread).toBeLessThanOrEqual(1);
    for (const a of assignment.assignments) {
      expect(isConflicted(judges.find((j) => j.id === a.judgeId)!, entries.find((e) => e.id === a.entryId)!)).toBe(false);
    }
  });

  it('simulated sheets are valid submissions on the 1–5 scale', () => {
    expect(sheets).toHaveLength(150);
    for (const s of sheets) expect(validateScoreSheet(s, config.rubric, { forSubmission: true })).toEqual([]);
  });

  it('the committee report finds the harsh and the lenient judge and awards the 2022 shape', () => {
    const report = committeeReport(config, sheets, 'additive');
    const sev = Object.fromEntries(report.calibration.judges.map((j) => [j.judgeId, j.severity]));
    const ordered = Object.entries(sev).sort((a, b) => a[1] - b[1]).map(([id]) => id);
    expect(ordered[0]).toBe('judge-1');
    expect(ordered[ordered.length - 1]).toBe('judge-8');
    const count = (tier: string) => report.result.entries.filter((e) => e.tier === tier).length;
    expect(count('excellent') + report.result.entries.filter((e) => e.pendingTier === 'excellent').length).toBeGreaterThanOrEqual(3);
    expect(count('excellent')).toBeLessThanOrEqual(3);
    expect(count('excellent') + count('outstanding')).toBeLessThanOrEqual(15);
    expect(report.calibration.agreement.alphaTotals.alpha).not.toBeNull();
    expect(report.calibration.design).toMatchObject({ entries: 50, judges: 8, ratings: 150, judgesPerEntry: 3, components: 1 });
  });
});
