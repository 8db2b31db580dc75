// Rule-based awards: each deciding rule, thresholds, ties at the cut-off, eligibility exclusions and knife-edge flags.
import { describe, expect, it } from 'vitest';
import { computeCategory, type GroupResult } from '../../src/engine/awards/index.js';
import { category, item, unit } from './awards.fixtures.js';

const only = (r: { groups: GroupResult[] }): GroupResult => {
  expect(r.groups).toHaveLength(1);
  return r.groups[0]!;
};
const decisionOf = (g: GroupResult, id: string) => g.decisions.find((d) => d.unitId === id)!;

describe('deciding rules', () => {
  it('overall score: the top N by overall score win, ranked', () => {
    const units = [unit('a', 70), unit('b', 90), unit('c', 80), unit('d', 60), unit('e', 85)];
    const g = only(computeCategory(category({ selection: { topN: 3 } }), units));
    expect(g.winners).toEqual(['b', 'e', 'c']);
    expect(decisionOf(g, 'a')).toMatchObject({ won: false, outcome: 'outside_top_n', rank: 4, value: 70 });
    expect(decisionOf(g, 'a').reason.en).toContain('outside the top 3');
    expect(decisionOf(g, 'b').reason.th).toContain('อันดับ 1');
    expect(g.cutoffValue).toBe(80);
  });

  it('dimension: decided by the named dimension, not the overall score', () => {
    const units = [
      unit('a', 95, { dimensions: { D3: 40 } }),
      unit('b', 50, { dimensions: { D3: 90 } }),
      unit('c', 60, { dimensions: { D3: 70 } }),
      unit('d', 70, { dimensions: {} }),
    ];
    const g = only(computeCategory(category({ criterion: { kind: 'dimension', dimension: 'D3' }, selection: { topN: 1 } }), units));
    expect(g.winners).toEqual(['b']);
    expect(decisionOf(g, 'd')).toMatchObject({ eligible: false, outcome: 'excluded' });
    expect(decisionOf(g, 'd').exclusions[0]!.rule).toBe('no_score');
  });

  it('tag set: mean item points over tagged items; unanswered and unaccepted evidence count 0; untagged items ignored', () => {
    const itemTags = { DG1: ['data_governance'], DG2: ['data_governance'], DG3: ['data_governance', 'open_data'], X: ['cloud'] };
    const units = [
      // (1 + 0.5 + 0) / 3 = 0.5: DG3 needs evidence that was not accepted.
      unit('a', 99, { items: { DG1: item(1), DG2: item(0.5), DG3: item(1, { evidenceRequired: true, evidenceAccepted: false }), X: item(1) } }),
      // (1 + 1 + 1) / 3 = 1 with accepted evidence.
      unit('b', 50, { items: { DG1: item(1), DG2: item(1), DG3: item(1, { evidenceRequired: true, evidenceAccepted: true }) } }),
      // DG2 unanswered: (1 + 0 + 0.8) / 3 = 0.6.
      unit('c', 60, { items: { DG1: item(1), DG2: item(1, { answered: false }), DG3: item(0.8) } }),
      // Only DG1 applies (others hidden): 0.7.
      unit('d', 60, { items: { DG1: item(0.7) } }),
      // None applies: excluded, not zero.
      unit('e', 60, { items: { X: item(1) } }),
    ];
    const g = only(computeCategory(category({ criterion: { kind: 'items', tags: ['data_governance'] }, selection: { topN: 2 } }), units, { itemTags }));
    expect(decisionOf(g, 'a').value).toBeCloseTo(0.5);
    expect(decisionOf(g, 'b').value).toBeCloseTo(1);
    expect(decisionOf(g, 'c').value).toBeCloseTo(0.6);
    expect(decisionOf(g, 'd').value).toBeCloseTo(0.7);
    expect(g.winners).toEqual(['b', 'd']);
    expect(decisionOf(g, 'e').exclusions.map((e) => e.rule)).toEqual(['no_items']);
    expect(decisionOf(g, 'e').reason.en).toContain('none of the deciding items applies');
  });

  it('tag set by explicit item codes', () => {
    const units = [unit('a', 50, { items: { Q1: item(0.2), Q2: item(1) } }), unit('b', 50, { items: { Q1: item(0.9), Q2: item(0) } })];
    const g = only(computeCategory(category({ criterion: { kind: 'items', codes: ['Q1'] }, selection: { topN: 1 } }), units));
    expect(g.winners).toEqual(['b']);
  });

  it('yes/no: every unit answering yes with accepted evidence wins; no, missing evidence and not applicable do not', () => {
    const itemTags = { NC: ['no_copy_policy'] };
    const units = [
      unit('yes', 40, { items: { NC: item(1, { evidenceRequired: true, evidenceAccepted: true }) } }),
      unit('yes2', 90, { items: { NC: item(1) } }),
      unit('no', 95, { items: { NC: item(0) } }),
      unit('noevidence', 95, { items: { NC: item(1, { evidenceRequired: true, evidenceAccepted: false }) } }),
      unit('unanswered', 95, { items: { NC: item(1, { answered: false }) } }),
      unit('na', 95, { items: {} }),
    ];
    const g = only(
      computeCategory(category({ criterion: { kind: 'yes_no', tag: 'no_copy_policy' }, selection: { minValue: 1 } }), units, { itemTags }),
    );
    expect(g.winners.sort()).toEqual(['yes', 'yes2']);
    for (const id of ['no', 'noevidence', 'unanswered']) expect(decisionOf(g, id)).toMatchObject({ value: 0, outcome: 'below_threshold' });
    expect(decisionOf(g, 'na').exclusions[0]!.rule).toBe('no_items');
    expect(g.knifeEdge).toMatchObject({ flagged: false, assessed: false });
  });

  it('yes/no by tag reads only the yes/no items when item kinds are known', () => {
    const itemTags = { S1: ['no_copy_policy'], S2: ['no_copy_policy'], S3: ['no_copy_policy'] };
    const items = (s1: boolean, s3: boolean) => ({
      S1: item(s1 ? 1 : 0, { kind: 'yes_no' }),
      S2: item(0, { kind: 'number' }), // a related percentage at 0 does not block the award
      S3: item(s3 ? 1 : 0, { kind: 'yes_no' }),
    });
    const units = [unit('both', 50, { items: items(true, true) }), unit('one', 50, { items: items(true, false) })];
    const g = only(computeCategory(category({ criterion: { kind: 'yes_no', tag: 'no_copy_policy' }, selection: { minValue: 1 } }), units, { itemTags }));
    expect(g.winners).toEqual(['both']);
    expect(decisionOf(g, 'one').value).toBe(0);
  });

  it('unit tags on the unit take precedence over the edition index', () => {
    const units = [unit('a', 50, { items: { Q: item(1) }, itemTags: { Q: ['open_data'] } })];
    const g = only(computeCategory(category({ criterion: { kind: 'items', tags: ['open_data'] }, selection: { minValue: 0.5 } }), units, { itemTags: { Q: ['cloud'] } }));
    expect(g.winners).toEqual(['a']);
  });
});

describe('thresholds and top N', () => {
  const units = [unit('a', 91), unit('b', 85), unit('c', 79.99), unit('d', 80), unit('e', 60)];

  it('threshold only: every unit at or above the threshold wins, however many', () => {
    const g = only(computeCategory(category({ selection: { minValue: 80 } }), units));
    expect(g.winners).toEqual(['a', 'b', 'd']);
    expect(decisionOf(g, 'c')).toMatchObject({ outcome: 'below_threshold', won: false });
    expect(decisionOf(g, 'c').reason.en).toContain('below the minimum 80');
    expect(decisionOf(g, 'd').reason.en).toContain('meets the minimum 80');
  });

  it('top N and threshold: the threshold can leave fewer than N winners', () => {
    const g = only(computeCategory(category({ selection: { topN: 4, minValue: 84 } }), units));
    expect(g.winners).toEqual(['a', 'b']);
    expect(decisionOf(g, 'd').outcome).toBe('below_threshold');
  });

  it('top N and threshold: top N binds when more units pass the threshold', () => {
    const g = only(computeCategory(category({ selection: { topN: 2, minValue: 70 } }), units));
    expect(g.winners).toEqual(['a', 'b']);
    expect(decisionOf(g, 'd').outcome).toBe('outside_top_n');
    expect(decisionOf(g, 'e').outcome).toBe('below_threshold');
  });

  it('per-group selection: provinces can have their own top N', () => {
    const prov = (id: string, s: number) => unit(id, s, { peer: { level: 'province', servesPublic: false, province: id } });
    const all = [...units, prov('p1', 70), prov('p2', 75), prov('p3', 72)];
    const r = computeCategory(
      category({ eligibility: { peerGroups: ['department_service', 'province'] }, selection: { topN: 3 }, selectionByGroup: { province: { topN: 1 } } }),
      all,
    );
    expect(r.groups.map((g) => [g.key, g.winners])).toEqual([
      ['department_service', ['a', 'b', 'd']],
      ['province', ['p2']],
    ]);
    expect(r.totalWinners).toBe(4);
  });

  it('pooled groups compete together', () => {
    const other = unit('o', 99, { peer: { servesPublic: false } });
    const r = computeCategory(category({ eligibility: { peerGroups: ['department_service', 'department_other'] }, perPeerGroup: false, selection: { topN: 1 } }), [...units, other]);
    expect(only(r)).toMatchObject({ key: 'department_service+department_other', winners: ['o'] });
  });
});

describe('ties at the cut-off', () => {
  // Top 2: a clearly first, b and c tied at 80 for the second place, d below.
  const units = [
    unit('a', 90),
    unit('b', 80, { acceptedEvidenceShare: 0.9 }),
    unit('c', 80, { acceptedEvidenceShare: 0.95 }),
    unit('d', 70),
  ];

  it('all tied win: more than N winners', () => {
    const g = only(computeCategory(category({ selection: { topN: 2 }, tie: { kind: 'all_win' } }), units));
    expect(g.winners.sort()).toEqual(['a', 'b', 'c']);
    expect(g.tieAtCutoff).toBe(true);
    expect(decisionOf(g, 'b')).toMatchObject({ outcome: 'won_tie', rank: 2 });
    expect(decisionOf(g, 'c').reason.en).toContain('all tied units win');
    expect(g.knifeEdge.flagged).toBe(true);
  });

  it('none of the tied win: fewer than N winners', () => {
    const g = only(computeCategory(category({ selection: { topN: 2 }, tie: { kind: 'none_win' } }), units));
    expect(g.winners).toEqual(['a']);
    expect(decisionOf(g, 'b')).toMatchObject({ outcome: 'tied_none_win', won: false });
    expect(decisionOf(g, 'b').reason.en).toContain('none of the units tied at the cut-off wins');
    expect(g.knifeEdge.flagged).toBe(true);
  });

  it('secondary criterion breaks the tie', () => {
    const g = only(
      computeCategory(category({ selection: { topN: 2 }, tie: { kind: 'secondary', criterion: { kind: 'evidence_share' }, fallback: 'none_win' } }), units),
    );
    expect(g.winners).toEqual(['a', 'c']);
    expect(decisionOf(g, 'c')).toMatchObject({ outcome: 'won_tiebreak', secondaryValue: 0.95 });
    expect(decisionOf(g, 'b')).toMatchObject({ outcome: 'lost_tiebreak', secondaryValue: 0.9 });
    expect(decisionOf(g, 'b').reason.en).toContain('broken by share of evidence accepted');
  });

  it('secondary criterion still tied: the fallback applies', () => {
    const same = units.map((u) => ({ ...u, acceptedEvidenceShare: 1 }));
    const allWin = only(computeCategory(category({ selection: { topN: 2 }, tie: { kind: 'secondary', criterion: { kind: 'evidence_share' }, fallback: 'all_win' } }), same));
    expect(allWin.winners.sort()).toEqual(['a', 'b', 'c']);
    const noneWin = only(computeCategory(category({ selection: { topN: 2 }, tie: { kind: 'secondary', criterion: { kind: 'evidence_share' }, fallback: 'none_win' } }), same));
    expect(noneWin.winners).toEqual(['a']);
    expect(decisionOf(noneWin, 'b').reason.en).toContain('still tied');
  });

  it('a tie entirely inside the top N needs no tie rule', () => {
    const g = only(computeCategory(category({ selection: { topN: 3 }, tie: { kind: 'none_win' } }), units));
    expect(g.winners.sort()).toEqual(['a', 'b', 'c']);
    expect(g.tieAtCutoff).toBe(false);
    expect(decisionOf(g, 'b').outcome).toBe('won');
  });

  it('values within the tie tolerance count as tied', () => {
    const near = [unit('a', 90), unit('b', 80.0000000001), unit('c', 80)];
    const g = only(computeCategory(category({ selection: { topN: 2 }, tie: { kind: 'none_win' } }), near));
    expect(g.winners).toEqual(['a']);
    const coarse = only(computeCategory(category({ selection: { topN: 2 }, tie: { kind: 'none_win' }, tieTolerance: 0.5 }), [unit('a', 90), unit('b', 80.3), unit('c', 80)]));
    expect(coarse.winners).toEqual(['a']);
  });
});

describe('eligibility exclusions', () => {
  const el = { peerGroups: ['department_service' as const], minCompleteness: 0.9, minEvidenceShare: 0.8, minStageOrder: 2 };
  const units = [
    unit('ok', 70),
    unit('incomplete', 99, { completeness: 0.85 }),
    unit('evidence', 98, { acceptedEvidenceShare: 0.5 }),
    unit('stage', 97, { stage: { code: 'S1', order: 1 } }),
    unit('nostage', 97, { stage: null }),
    unit('all3', 96, { completeness: 0.1, acceptedEvidenceShare: 0.1, stage: { code: 'S0', order: 0 } }),
    unit('noscore', null),
    unit('other', 99, { peer: { servesPublic: false } }),
    unit('province', 99, { peer: { level: 'province', servesPublic: false } }),
  ];
  const r = computeCategory(category({ eligibility: el, selection: { topN: 1 } }), units);
  const g = only(r);

  it('the best eligible unit wins although ineligible units scored higher', () => {
    expect(g.winners).toEqual(['ok']);
    expect(g.eligible).toBe(1);
  });

  it('each exclusion names the rule, the value, the threshold and a Thai and English reason', () => {
    expect(decisionOf(g, 'incomplete').exclusions).toEqual([
      expect.objectContaining({ rule: 'completeness', value: 0.85, threshold: 0.9 }),
    ]);
    expect(decisionOf(g, 'incomplete').reason.en).toBe('Not eligible: answered 85 % of the items, below the minimum 90 %');
    expect(decisionOf(g, 'incomplete').reason.th).toContain('ต่ำกว่าเกณฑ์ 90 %');
    expect(decisionOf(g, 'evidence').exclusions[0]).toMatchObject({ rule: 'evidence', value: 0.5, threshold: 0.8 });
    expect(decisionOf(g, 'evidence').reason.en).toContain('50 % of the evidence was accepted');
    expect(decisionOf(g, 'stage').exclusions[0]).toMatchObject({ rule: 'stage', value: 'S1', threshold: 2 });
    expect(decisionOf(g, 'stage').reason.en).toContain('readiness stage S1 (stage 2) is below the minimum, stage 3');
    expect(decisionOf(g, 'nostage').reason.en).toContain('no readiness stage');
    expect(decisionOf(g, 'all3').exclusions.map((e) => e.rule)).toEqual(['completeness', 'evidence', 'stage']);
    expect(decisionOf(g, 'noscore').exclusions.map((e) => e.rule)).toEqual(['no_score']);
    for (const d of g.decisions.filter((x) => !x.eligible)) expect(d).toMatchObject({ won: false, rank: null, outcome: 'excluded' });
  });

  it('units outside the peer groups are listed with the reason', () => {
    expect(r.notInPeerGroups.map((x) => x.unitId)).toEqual(['other', 'province']);
    expect(r.notInPeerGroups[0]!.reason.en).toBe('This award is only for Department-level agencies serving the public');
    expect(r.notInPeerGroups[0]!.reason.th).toContain('หน่วยงานระดับกรมที่ให้บริการประชาชนเป็นหลัก');
    expect(g.decisions.map((d) => d.unitId)).not.toContain('other');
  });

  it('decisions list winners, then eligible non-winners, then excluded units', () => {
    expect(g.decisions[0]!.unitId).toBe('ok');
    expect(g.decisions.slice(1).every((d) => !d.eligible)).toBe(true);
  });
});

describe('robust decisions', () => {
  const units = [unit('a', 90), unit('b', 85), unit('c', 84), unit('d', 83), unit('e', 70)];
  const cat = category({ selection: { topN: 2 }, nearMisses: 2 });

  it('attaches rank intervals to winners and near misses only', () => {
    const intervals = { a: { p5: 1, p50: 1, p95: 1 }, b: { p5: 2, p50: 2, p95: 2 }, c: { p5: 3, p50: 3, p95: 4 }, d: { p5: 3, p50: 4, p95: 4 }, e: { p5: 5, p50: 5, p95: 5 } };
    const g = only(computeCategory(cat, units, { robustness: { overall: { department_service: { intervals } } } }));
    expect(g.nearMisses).toEqual(['c', 'd']);
    expect(decisionOf(g, 'b').rankInterval).toEqual(intervals.b);
    expect(decisionOf(g, 'd')).toMatchObject({ nearMiss: true, rankInterval: intervals.d });
    expect(decisionOf(g, 'e').rankInterval).toBeUndefined();
    expect(g.knifeEdge).toMatchObject({ flagged: false, assessed: true, lastWinner: 'b', firstNonWinner: 'c' });
  });

  it('flags knife-edge when the last winner and the first non-winner have overlapping 5–95 % intervals', () => {
    const intervals = { b: { p5: 2, p50: 2, p95: 4 }, c: { p5: 2, p50: 3, p95: 5 } };
    const r = computeCategory(cat, units, { robustness: { overall: { department_service: { intervals } } } });
    const g = only(r);
    expect(r.knifeEdgeGroups).toEqual(['department_service']);
    expect(g.knifeEdge).toMatchObject({ flagged: true, assessed: true, lastWinner: 'b', firstNonWinner: 'c' });
    expect(g.knifeEdge.reason.en).toContain('overlap');
  });

  it('flags knife-edge from a pairwise verdict even when the intervals do not overlap', () => {
    const intervals = { b: { p5: 2, p50: 2, p95: 2 }, c: { p5: 3, p50: 3, p95: 3 } };
    const g = only(computeCategory(cat, units, { robustness: { overall: { department_service: { intervals, pairs: [{ a: 'c', b: 'b', robust: false }] } } } }));
    expect(g.knifeEdge.flagged).toBe(true);
    expect(g.knifeEdge.reason.en).toContain('not robust');
  });

  it('uses category-specific intervals before the overall ones, and says when none were given', () => {
    const none = only(computeCategory(cat, units));
    expect(none.knifeEdge).toMatchObject({ flagged: false, assessed: false });
    expect(none.knifeEdge.reason.en).toBe('No rank intervals from the robustness analysis');
    const intervals = { b: { p5: 2, p50: 2, p95: 3 }, c: { p5: 3, p50: 3, p95: 4 } };
    const g = only(
      computeCategory(cat, units, {
        robustness: { overall: { department_service: { intervals: {} } }, byCategory: { test_award: { department_service: { intervals } } } },
      }),
    );
    expect(g.knifeEdge.flagged).toBe(true);
  });

  it('dimension categories do not borrow overall-score intervals', () => {
    const dimUnits = units.map((u) => ({ ...u, dimensions: { D1: u.overall } }));
    const intervals = { b: { p5: 2, p50: 2, p95: 4 }, c: { p5: 2, p50: 3, p95: 5 } };
    const g = only(computeCategory(category({ criterion: { kind: 'dimension', dimension: 'D1' }, selection: { topN: 2 } }), dimUnits, { robustness: { overall: { department_service: { intervals } } } }));
    expect(g.knifeEdge.assessed).toBe(false);
  });
});
