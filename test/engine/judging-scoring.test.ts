// Score sheets: validation and the rule that other judges' scores stay hidden until one's own sheet is submitted.
import { describe, expect, it } from 'vitest';
import { defaultDigitalLocalRubric, entryFeedback, sheetTotal, validateScoreSheet, visibleScores, type ScoreSheet } from '../../src/engine/judging/index.js';

const rubric = defaultDigitalLocalRubric();
const full = (score: number) => Object.fromEntries(rubric.criteria.map((c) => [c.code, { score, comment: 'เหตุผล' }]));
const sheet = (judgeId: string, status: ScoreSheet['status'], entryId = 'E1'): ScoreSheet => ({ entryId, judgeId, ratings: full(4), status });

describe('visibleScores', () => {
  const sheets = [sheet('A', 'submitted'), sheet('B', 'draft'), sheet('C', 'submitted'), sheet('A', 'submitted', 'E2')];

  it('a judge who has not submitted sees only their own sheet', () => {
    const v = visibleScores('B', 'E1', sheets);
    expect(v.own?.judgeId).toBe('B');
    expect(v.others).toEqual([]);
    expect(v.hiddenCount).toBe(2);
    expect(v.why).toBe('own_not_submitted');
  });

  it('a judge with no sheet yet sees nothing of the others', () => {
    const v = visibleScores('D', 'E1', sheets, ['A', 'B', 'C', 'D']);
    expect(v.own).toBeNull();
    expect(v.others).toEqual([]);
  });

  it('after submitting, a judge sees the others’ submitted sheets but never their drafts', () => {
    const v = visibleScores('A', 'E1', sheets);
    expect(v.others.map((s) => s.judgeId)).toEqual(['C']);
    expect(v.hiddenCount).toBe(1); // B's draft
    expect(v.why).toBe('own_submitted');
  });

  it('a judge not assigned to the entry sees nothing, not even how many have scored', () => {
    const v = visibleScores('A', 'E1', sheets, ['B', 'C']);
    expect(v).toEqual({ own: null, others: [], hiddenCount: 0, why: 'not_assigned' });
  });

  it('only looks at the requested entry', () => {
    expect(visibleScores('C', 'E2', sheets).hiddenCount).toBe(1); // A's sheet on E2 only
    expect(visibleScores('A', 'E2', sheets).others).toEqual([]);
  });
});

describe('validateScoreSheet', () => {
  it('lets a draft be partial but requires every score and comment at submission', () => {
    const draft: ScoreSheet = { entryId: 'E1', judgeId: 'A', status: 'draft', ratings: { problem: { score: 3, comment: '' } } };
    expect(validateScoreSheet(draft, rubric, { forSubmission: false })).toEqual([]);
    const problems = validateScoreSheet(draft, rubric, { forSubmission: true });
    expect(problems.filter((p) => p.code === 'SCORE_MISSING').map((p) => p.path)).toEqual([
      'ratings.policy_plan.score',
      'ratings.work_process.score',
      'ratings.results.score',
    ]);
    expect(problems.filter((p) => p.code === 'COMMENT_MISSING')).toHaveLength(4);
    expect(validateScoreSheet(draft, rubric, { forSubmission: true, requireComments: false }).every((p) => p.code === 'SCORE_MISSING')).toBe(true);
  });

  it('refuses scores off the scale or between steps, and unknown criteria', () => {
    const s: ScoreSheet = {
      entryId: 'E1',
      judgeId: 'A',
      status: 'draft',
      ratings: { ...full(4), problem: { score: 6, comment: 'x' }, results: { score: 3.5, comment: 'x' }, extra: { score: 1, comment: '' } },
    };
    const problems = validateScoreSheet(s, rubric, { forSubmission: false });
    expect(problems.map((p) => p.code).sort()).toEqual(['SCORE_OFF_SCALE', 'SCORE_OFF_SCALE', 'SCORE_UNKNOWN_CRITERION']);
    expect(problems.find((p) => p.path === 'ratings.problem.score')!.th).toContain('1–5');
  });

  it('totals a complete sheet', () => {
    expect(sheetTotal(sheet('A', 'submitted'), rubric)).toBe(4);
  });
});

describe('entryFeedback (what the LAO sees after announcement)', () => {
  it('shows submitted scores and comments with judges anonymised, never drafts', () => {
    const a: ScoreSheet = { ...sheet('judge-anna', 'submitted'), overallComment: ' ดีมาก ' };
    const b: ScoreSheet = { ...sheet('judge-bee', 'submitted'), ratings: { ...full(2), results: { score: 2, comment: '  ' } } };
    const draft = sheet('judge-cat', 'draft');
    const f = entryFeedback('E1', [a, b, draft], rubric);
    expect(f.judgeCount).toBe(2);
    expect(f.meanTotal).toBe(3);
    expect(f.sheets.map((s) => [s.label.th, s.label.en, s.total])).toEqual([
      ['กรรมการคนที่ 1', 'Judge 1', 4],
      ['กรรมการคนที่ 2', 'Judge 2', 2],
    ]);
    expect(JSON.stringify(f)).not.toContain('judge-');
    expect(f.criteria.find((c) => c.code === 'results')).toMatchObject({ meanScore: 3, comments: ['เหตุผล'] });
    expect(f.overallComments).toEqual(['ดีมาก']);
  });
});
