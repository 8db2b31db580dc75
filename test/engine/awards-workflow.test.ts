// Decision workflow (computed → reviewed → approved → announced), overrides with reasons, and roll-ups.
import { describe, expect, it } from 'vitest';
import {
  applyDecisionAction,
  awardsGiven,
  certificatesToIssue,
  computeCategory,
  createDecision,
  finalWinners,
  ministryRollupUnits,
  rollUpAwards,
  type AwardDecision,
  type DecisionAction,
} from '../../src/engine/awards/index.js';
import { category, item, unit } from './awards.fixtures.js';

const at = '2026-12-06T09:00:00Z';
const units = [unit('a', 90), unit('b', 85), unit('c', 80), unit('d', 70)];
const fresh = (): AwardDecision => createDecision(computeCategory(category({ selection: { topN: 2 } }), units), '2566');

function run(d: AwardDecision, ...actions: DecisionAction[]): AwardDecision {
  for (const a of actions) {
    const r = applyDecisionAction(d, a);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    d = r.decision;
  }
  return d;
}

describe('decision workflow', () => {
  it('goes computed → reviewed → approved → announced and keeps the history', () => {
    const d = run(fresh(), { type: 'review', by: 'chair', at }, { type: 'approve', by: 'chair', at }, { type: 'announce', by: 'dga', at });
    expect(d.state).toBe('announced');
    expect(d.history.map((h) => `${h.from}>${h.to}`)).toEqual(['computed>reviewed', 'reviewed>approved', 'approved>announced']);
    expect(finalWinners(d).map((w) => w.unitId)).toEqual(['a', 'b']);
  });

  it('refuses transitions the state does not allow, with the reason in Thai and English', () => {
    const approveEarly = applyDecisionAction(fresh(), { type: 'approve', by: 'chair', at });
    expect(approveEarly.ok).toBe(false);
    if (!approveEarly.ok) {
      expect(approveEarly.problems[0]!.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(approveEarly.problems[0]!.en).toContain('the committee must review it first');
      expect(approveEarly.problems[0]!.th).toContain('คณะกรรมการ');
    }
    const announced = run(fresh(), { type: 'review', by: 'c', at }, { type: 'approve', by: 'c', at }, { type: 'announce', by: 'c', at });
    for (const a of [{ type: 'reopen', by: 'c', at, reason: 'x' }, { type: 'override', by: 'c', at, change: 'add', unitId: 'c', group: 'department_service', reason: 'x' }] as DecisionAction[]) {
      const r = applyDecisionAction(announced, a);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]!.en).toContain('announced decisions are final');
    }
    const announceEarly = applyDecisionAction(run(fresh(), { type: 'review', by: 'c', at }), { type: 'announce', by: 'c', at });
    expect(announceEarly.ok).toBe(false);
  });

  it('refuses an override without a written reason, and an action without an actor', () => {
    const reviewed = run(fresh(), { type: 'review', by: 'chair', at });
    for (const reason of ['', '   ']) {
      const r = applyDecisionAction(reviewed, { type: 'override', by: 'chair', at, change: 'add', unitId: 'c', group: 'department_service', reason });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(['OVERRIDE_REASON_REQUIRED']);
    }
    const noActor = applyDecisionAction(reviewed, { type: 'approve', by: '', at });
    expect(noActor.ok).toBe(false);
    expect(reviewed.overrides).toEqual([]);
  });

  it('applies overrides with reasons: remove a winner, add a non-winner, both logged', () => {
    const d = run(
      fresh(),
      { type: 'review', by: 'chair', at },
      { type: 'override', by: 'chair', at, change: 'remove', unitId: 'b', group: 'department_service', reason: 'หลักฐานข้อ P2.03 ไม่ตรงกับการใช้งานจริง' },
      { type: 'override', by: 'chair', at, change: 'add', unitId: 'c', group: 'department_service', reason: 'Next in rank after the removal' },
    );
    const w = finalWinners(d);
    expect(w.map((x) => [x.unitId, x.source])).toEqual([
      ['a', 'rule'],
      ['c', 'committee'],
    ]);
    expect(w[1]!.reason.en).toBe('Added by the committee: Next in rank after the removal');
    expect(d.overrides.map((o) => o.reason)).toEqual(['หลักฐานข้อ P2.03 ไม่ตรงกับการใช้งานจริง', 'Next in rank after the removal']);
    expect(d.history.filter((h) => h.action === 'override')).toHaveLength(2);
    // The computed result itself is untouched.
    expect(d.result.groups[0]!.winners).toEqual(['a', 'b']);
  });

  it('refuses overrides that make no sense', () => {
    const reviewed = run(fresh(), { type: 'review', by: 'chair', at });
    const o = (change: 'add' | 'remove', unitId: string, group = 'department_service') =>
      applyDecisionAction(reviewed, { type: 'override', by: 'chair', at, change, unitId, group, reason: 'r' });
    const codes = (r: ReturnType<typeof o>) => (r.ok ? [] : r.problems.map((p) => p.code));
    expect(codes(o('add', 'a'))).toEqual(['ALREADY_WINNER']);
    expect(codes(o('remove', 'd'))).toEqual(['NOT_A_WINNER']);
    expect(codes(o('add', 'zzz'))).toEqual(['UNIT_NOT_CANDIDATE']);
    expect(codes(o('add', 'c', 'province'))).toEqual(['GROUP_UNKNOWN']);
  });

  it('requires the committee to acknowledge a knife-edge group before approving', () => {
    const tied = [unit('a', 90), unit('b', 80), unit('c', 80)];
    const d0 = createDecision(computeCategory(category({ selection: { topN: 2 }, tie: { kind: 'none_win' } }), tied), '2566');
    const reviewed = run(d0, { type: 'review', by: 'chair', at });
    const refused = applyDecisionAction(reviewed, { type: 'approve', by: 'chair', at });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.problems[0]!.code).toBe('KNIFE_EDGE_UNACKNOWLEDGED');
      expect(refused.problems[0]!.en).toContain('department_service');
    }
    const approved = run(reviewed, { type: 'approve', by: 'chair', at, acknowledgeKnifeEdge: ['department_service'] });
    expect(approved.state).toBe('approved');
  });

  it('reopening an approved decision needs a reason and returns it to review', () => {
    const approved = run(fresh(), { type: 'review', by: 'c', at }, { type: 'approve', by: 'c', at });
    expect(applyDecisionAction(approved, { type: 'reopen', by: 'c', at, reason: '' }).ok).toBe(false);
    const reopened = run(approved, { type: 'reopen', by: 'c', at, reason: 'New evidence check' });
    expect(reopened.state).toBe('reviewed');
    expect(reopened.history.at(-1)!.note).toBe('New evidence check');
  });

  it('final winners of several decisions feed the roll-up', () => {
    const d1 = run(fresh(), { type: 'review', by: 'c', at }, { type: 'override', by: 'c', at, change: 'add', unitId: 'c', group: 'department_service', reason: 'r' });
    const d2 = createDecision(computeCategory(category({ id: 'other', selection: { topN: 1 } }), units), '2566');
    const r = rollUpAwards(awardsGiven([d1, d2]), units);
    expect(r.totalAwards).toBe(4);
    expect(r.byCategory).toEqual([
      { categoryId: 'test_award', awards: 3, units: 3 },
      { categoryId: 'other', awards: 1, units: 1 },
    ]);
    expect(r.byMinistry).toEqual([{ ministry: 'M1', units: 4, winningUnits: 3, awards: 4 }]);
  });

  it('decisions are JSON round-trippable', () => {
    const d = run(fresh(), { type: 'review', by: 'chair', at });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

describe('roll-ups', () => {
  const pop = [
    unit('m1a', 90, { peer: { ministry: 'MOF' } }),
    unit('m1b', 80, { peer: { ministry: 'MOF' } }),
    unit('m1c', 70, { peer: { ministry: 'MOF' } }),
    unit('m2a', 95, { peer: { ministry: 'MOI' } }),
    unit('p1', 60, { peer: { level: 'province', servesPublic: false, ministry: 'MOI', province: 'TH-50' } }),
    unit('p2', 65, { peer: { level: 'province', servesPublic: false, ministry: 'MOI', province: 'TH-10' } }),
  ];
  const awards = [
    { categoryId: 'dg_award', group: 'department_service', unitId: 'm1a' },
    { categoryId: 'dg_award', group: 'department_service', unitId: 'm2a' },
    { categoryId: 'open_data', group: 'department_all', unitId: 'm1a' },
    { categoryId: 'open_data', group: 'department_all', unitId: 'm1b' },
    { categoryId: 'dg_award', group: 'province', unitId: 'p1' },
  ];
  const r = rollUpAwards(awards, pop);

  it('totals awards and distinct winners, per category', () => {
    expect(r.totalAwards).toBe(5);
    expect(r.distinctWinners).toBe(4);
    expect(r.byCategory).toEqual([
      { categoryId: 'dg_award', awards: 3, units: 3 },
      { categoryId: 'open_data', awards: 2, units: 2 },
    ]);
  });

  it('per ministry: how many of its agencies won, and how many awards', () => {
    expect(r.byMinistry).toEqual([
      { ministry: 'MOF', units: 3, winningUnits: 2, awards: 3 },
      { ministry: 'MOI', units: 3, winningUnits: 2, awards: 2 },
    ]);
  });

  it('per province', () => {
    expect(r.byProvince).toEqual([
      { province: 'TH-50', units: 1, winningUnits: 1, awards: 1 },
      { province: 'TH-10', units: 1, winningUnits: 0, awards: 0 },
    ]);
    expect(r.unknownUnits).toEqual([]);
    expect(rollUpAwards([{ categoryId: 'x', group: 'g', unitId: 'ghost' }], pop).unknownUnits).toEqual(['ghost']);
  });

  it('counts an award to a ministry roll-up unit as the ministry\'s award, not as one of its agencies', () => {
    const ministry = { id: 'ministry:MOF', peer: { level: 'ministry', servesPublic: false, ministry: 'MOF', province: null, orgType: null } };
    const r2 = rollUpAwards([...awards, { categoryId: 'ministry_award', group: 'ministry', unitId: 'ministry:MOF' }], [...pop, ministry]);
    expect(r2.byMinistry.find((m) => m.ministry === 'MOF')).toEqual({ ministry: 'MOF', units: 3, winningUnits: 2, awards: 4 });
    expect(r2.totalAwards).toBe(6);
    expect(r2.unknownUnits).toEqual([]);
  });

  it('builds ministry roll-up units that can compete in the ministry peer group', () => {
    const deps = [
      unit('a', 80, { peer: { ministry: 'MOF' }, dimensions: { D1: 60 }, items: { Q: item(1, { evidenceRequired: true, evidenceAccepted: false }) }, previous: { overall: 70, dimensions: {} } }),
      unit('b', 60, { peer: { ministry: 'MOF', servesPublic: false }, dimensions: { D1: 40 }, items: { Q: item(1) }, previous: { overall: 50, dimensions: {} } }),
      unit('c', 90, { peer: { ministry: 'MOI' }, items: {} }),
    ];
    const ms = ministryRollupUnits(deps, { MOF: { th: 'กระทรวงการคลัง', en: 'Ministry of Finance' } });
    expect(ms.map((m) => m.id)).toEqual(['ministry:MOF', 'ministry:MOI']);
    expect(ms[0]).toMatchObject({ overall: 70, dimensions: { D1: 50 }, stage: null, previous: { overall: 60 }, name: { en: 'Ministry of Finance' } });
    expect(ms[0]!.items.Q!.points).toBe(0.5);
    expect(ms[1]!.previous).toBeUndefined();
    const g = computeCategory(category({ eligibility: { peerGroups: ['ministry'] }, selection: { topN: 1 } }), [...deps, ...ms]).groups[0]!;
    expect(g.winners).toEqual(['ministry:MOI']);
    expect(g.candidates).toBe(2);
  });
});

describe('certificates', () => {
  it('one per final winner of announced decisions only, with the Thai edition label', () => {
    const announced = run(
      fresh(),
      { type: 'review', by: 'c', at },
      { type: 'override', by: 'c', at, change: 'add', unitId: 'c', group: 'department_service', reason: 'r' },
      { type: 'approve', by: 'c', at },
      { type: 'announce', by: 'c', at },
    );
    const pending = createDecision(computeCategory(category({ id: 'pending', selection: { topN: 1 } }), units), '2566');
    const { certificates, problems } = certificatesToIssue([announced, pending], units);
    expect(certificates.map((c) => [c.unitId, c.source])).toEqual([
      ['a', 'rule'],
      ['b', 'rule'],
      ['c', 'committee'],
    ]);
    expect(certificates[0]).toMatchObject({
      edition: '2566',
      category: { th: 'รางวัลทดสอบ' },
      groupName: { th: 'หน่วยงานระดับกรมที่ให้บริการประชาชนเป็นหลัก' },
      recipient: { th: 'หน่วยงาน a' },
      editionLabel: { th: 'ประจำปี พ.ศ. 2566', en: '2023 (B.E. 2566)' },
    });
    expect(problems.map((p) => p.code)).toEqual(['NOT_ANNOUNCED']);
  });
});
