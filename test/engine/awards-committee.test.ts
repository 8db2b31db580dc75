// Committee-judged awards: weighted judge scores, ranking, refused scores, and the recorded decision with reasons.
import { describe, expect, it } from 'vitest';
import {
  committeeAwardsGiven,
  defaultAwardSet,
  rankNominations,
  recordCommitteeDecision,
  type CommitteeCategory,
  type JudgeScore,
  type Nomination,
} from '../../src/engine/awards/index.js';

const leader = defaultAwardSet({ edition: '2566' }).categories.find((c) => c.id === 'digital_leader') as CommitteeCategory;

const nomination = (id: string, unitId?: string): Nomination => ({
  id,
  person: { name: { th: `ผู้นำ ${id}`, en: `Leader ${id}` }, position: { th: 'อธิบดี', en: 'Director-General' } },
  organisation: { unitId, name: { th: `กรม ${id}`, en: `Department ${id}` } },
  statement: 'ขับเคลื่อนการให้บริการดิจิทัลแบบครบวงจร',
  evidenceRefs: [`ev-${id}-1`],
});
const nominations = [nomination('n1', 'u1'), nomination('n2', 'u2'), nomination('n3', 'u3'), nomination('n4')];

/** Every judge gives the nomination the same score on every criterion. */
const flat = (judge: string, nom: string, score: number): JudgeScore[] =>
  leader.criteria.map((c) => ({ judgeId: judge, nominationId: nom, criterion: c.code, score }));

const scores: JudgeScore[] = [
  ...flat('j1', 'n1', 8), ...flat('j2', 'n1', 9), ...flat('j3', 'n1', 7), // mean 80
  ...flat('j1', 'n2', 9), ...flat('j2', 'n2', 9), ...flat('j3', 'n2', 9), // mean 90
  ...flat('j1', 'n3', 6), ...flat('j2', 'n3', 6), // only two judges: unranked (minJudges 3)
  ...flat('j1', 'n4', 5), ...flat('j2', 'n4', 5), ...flat('j3', 'n4', 5).slice(1), // j3 incomplete → unranked
];

describe('committee ranking', () => {
  const r = rankNominations(leader, nominations, scores);

  it('ranks by the mean weighted score of complete judges, 0–100', () => {
    expect(r.ranking.map((x) => [x.nominationId, x.rank])).toEqual([
      ['n2', 1],
      ['n1', 2],
      ['n3', null],
      ['n4', null],
    ]);
    expect(r.ranking[0]!.score).toBeCloseTo(90, 10);
    expect(r.ranking[1]!.score).toBeCloseTo(80, 10);
    expect(r.ranking[1]!.judgeScores).toEqual({ j1: 80, j2: 90, j3: 70 });
    expect(r.ranking[1]!.perCriterion.vision).toBeCloseTo(8, 10);
    expect(r.ranking[3]!.incompleteJudges).toEqual(['j3']);
    expect(r.ranking[2]!.reason.en).toBe('2 judge(s) scored every criterion; at least 3 are needed');
  });

  it('weights criteria', () => {
    // vision (30) full marks, everything else 0 → 30.
    const s = ['j1', 'j2', 'j3'].flatMap((j) => leader.criteria.map((c) => ({ judgeId: j, nominationId: 'n1', criterion: c.code, score: c.code === 'vision' ? 10 : 0 })));
    expect(rankNominations(leader, nominations, s).ranking[0]!.score).toBeCloseTo(30, 10);
  });

  it('refuses bad scores: out of range, unknown, duplicate, recused', () => {
    const bad: JudgeScore[] = [
      { judgeId: 'j1', nominationId: 'n1', criterion: 'vision', score: 11 },
      { judgeId: 'j1', nominationId: 'nX', criterion: 'vision', score: 1 },
      { judgeId: 'j1', nominationId: 'n1', criterion: 'charm', score: 1 },
      { judgeId: 'j2', nominationId: 'n1', criterion: 'vision', score: 1 },
      { judgeId: 'j2', nominationId: 'n1', criterion: 'vision', score: 2 },
      { judgeId: 'j9', nominationId: 'n2', criterion: 'vision', score: 2 },
    ];
    const x = rankNominations(leader, nominations, bad, [{ judgeId: 'j9', nominationId: 'n2' }]);
    expect(x.problems.map((p) => p.code)).toEqual(['SCORE_RANGE', 'NOMINATION_UNKNOWN', 'CRITERION_UNKNOWN', 'SCORE_DUPLICATE', 'JUDGE_RECUSED']);
  });
});

describe('committee decision', () => {
  const ranking = rankNominations(leader, nominations, scores);
  const base = { decidedBy: ['j1', 'j2', 'j3'], at: '2026-11-30T10:00:00Z' };

  it('records the top-ranked nominee with the reason', () => {
    const r = recordCommitteeDecision(leader, ranking, { ...base, winners: ['n2'], reasons: { n2: 'นำการเปลี่ยนผ่านสู่บริการดิจิทัลเต็มรูปแบบ' } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.decision).toMatchObject({ followsRanking: true, deviationReason: null, winners: [{ nominationId: 'n2', rank: 1, reason: 'นำการเปลี่ยนผ่านสู่บริการดิจิทัลเต็มรูปแบบ' }] });
      expect(committeeAwardsGiven(r.decision, nominations)).toEqual([{ categoryId: 'digital_leader', group: 'committee', unitId: 'u2' }]);
    }
  });

  it('refuses a winner without a reason, and an unranked winner', () => {
    const r = recordCommitteeDecision(leader, ranking, { ...base, winners: ['n3'], reasons: { n3: ' ' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(['NOMINATION_UNRANKED', 'DECISION_REASON_REQUIRED']);
  });

  it('passing over a higher-ranked nominee needs a deviation reason', () => {
    const r = recordCommitteeDecision(leader, ranking, { ...base, winners: ['n1'], reasons: { n1: 'ผลงานต่อเนื่อง' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.en).toContain('passed over (n2)');
    const ok = recordCommitteeDecision(leader, ranking, { ...base, winners: ['n1'], reasons: { n1: 'ผลงานต่อเนื่อง' }, deviationReason: 'n2 ได้รับรางวัลนี้ไปแล้วเมื่อปีที่แล้ว' });
    expect(ok.ok && ok.decision.followsRanking).toBe(false);
  });

  it('more awards than the category gives needs a deviation reason', () => {
    const r = recordCommitteeDecision(leader, ranking, { ...base, winners: ['n2', 'n1'], reasons: { n1: 'a', n2: 'b' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.code).toBe('DEVIATION_REASON_REQUIRED');
  });
});
