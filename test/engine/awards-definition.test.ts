// Award set definitions: validation messages, the 2023-shaped defaults, and the defaults run on a synthetic edition.
import { describe, expect, it } from 'vitest';
import {
  computeAwards,
  defaultAwardSet,
  explainUnit,
  DEFAULT_AWARD_TAGS,
  effectivePoints,
  PEER_GROUPS,
  validateAwardSet,
  type AwardSet,
  type AwardUnit,
  type RuleCategory,
} from '../../src/engine/awards/index.js';
import { item, unit } from './awards.fixtures.js';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('award set validation', () => {
  it('the default set is valid, JSON-serialisable and has the 2023 shape', () => {
    const set = defaultAwardSet({ edition: '2566' });
    expect(validateAwardSet(set, { tags: ['data_governance', 'open_data', 'digital_personnel', 'no_copy_policy', 'e_service', 'cybersecurity', 'cloud', 'leadership'], stageCount: 4 })).toEqual([]);
    expect(clone(set)).toEqual(set);
    expect(set.categories.map((c) => c.id)).toEqual(['dg_award', 'data_governance', 'open_data', 'digital_personnel', 'improvement', 'no_copy_policy', 'digital_leader']);
    const dg = set.categories[0] as RuleCategory;
    expect(dg.eligibility.peerGroups).toEqual(['department_service', 'department_other', 'province']);
    expect(dg.perPeerGroup).toBe(true);
    expect(DEFAULT_AWARD_TAGS).toEqual(['data_governance', 'open_data', 'digital_personnel', 'no_copy_policy']);
    expect((defaultAwardSet({ edition: '2566', scale: '0-1' }).categories[0] as RuleCategory).selection.minValue).toBeCloseTo(0.6);
  });

  it('reports every problem with a path and Thai and English messages', () => {
    const set = clone(defaultAwardSet({ edition: '2566' })) as unknown as { categories: Record<string, unknown>[] } & Record<string, unknown>;
    set.edition = '';
    const dg = set.categories[0]!;
    dg.name = { th: '', en: 'x' };
    dg.eligibility = { peerGroups: ['department_service', 'martians'], minCompleteness: 1.5, minStageOrder: 7 };
    dg.selection = {};
    dg.tie = { kind: 'coin_toss' };
    set.categories[1]!.id = 'dg_award';
    set.categories[2]!.criterion = { kind: 'items', tags: [] };
    set.categories[3]!.selection = { topN: 0, minValue: 3 };
    set.categories[4]!.criterion = { kind: 'improvement', basis: { dimension: 'D9' }, method: 'guess', minRegressionUnits: 2 };
    set.categories[5]!.criterion = { kind: 'yes_no', tag: 'no_copy_policy', code: 'Q1' };
    set.categories[6]!.criteria = [{ code: 'a', name: { th: 'ก', en: 'a' }, weight: 0, maxScore: 10 }, { code: 'a', name: { th: 'ก', en: 'a' }, weight: 1, maxScore: 10 }];
    const problems = validateAwardSet(set, { dimensions: ['D1'], stageCount: 4 });
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.code]));
    expect(byPath).toMatchObject({
      edition: 'REQUIRED',
      'categories[0].name': 'NAME_REQUIRED',
      'categories[0].eligibility.peerGroups[1]': 'PEER_GROUP_UNKNOWN',
      'categories[0].eligibility.minCompleteness': 'SHARE_RANGE',
      'categories[0].eligibility.minStageOrder': 'STAGE_UNKNOWN',
      'categories[0].selection': 'SELECTION_EMPTY',
      'categories[0].tie.kind': 'TIE_INVALID',
      'categories[1].id': 'ID_DUPLICATE',
      'categories[2].criterion': 'ITEMS_REF',
      'categories[3].selection.topN': 'TOP_N_INVALID',
      'categories[3].selection.minValue': 'THRESHOLD_RANGE',
      'categories[4].criterion.basis.dimension': 'DIMENSION_UNKNOWN',
      'categories[4].criterion.method': 'METHOD_INVALID',
      'categories[4].criterion.minRegressionUnits': 'NUMBER_INVALID',
      'categories[5].criterion': 'YES_NO_REF',
      'categories[6].criteria[0].weight': 'WEIGHT_INVALID',
      'categories[6].criteria[1].code': 'CODE_DUPLICATE',
    });
    for (const p of problems) {
      expect(p.th.length).toBeGreaterThan(0);
      expect(p.en.length).toBeGreaterThan(0);
    }
    expect(problems.find((p) => p.path === 'categories[3].selection.minValue')!.th).toBe('เกณฑ์ขั้นต่ำต้องอยู่ระหว่าง 0 ถึง 1');
  });

  it('checks references against the framework when given', () => {
    const set = clone(defaultAwardSet({ edition: '2566' }));
    const problems = validateAwardSet(set, { tags: ['open_data'] });
    expect(problems.map((p) => p.code)).toEqual(['TAG_UNKNOWN', 'TAG_UNKNOWN', 'TAG_UNKNOWN']);
    expect(problems[0]!.en).toBe('No item carries the tag data_governance');
  });

  it('refuses per-group selection for a pooled category or an unlisted group', () => {
    const set = clone(defaultAwardSet({ edition: '2566' }));
    (set.categories[1] as RuleCategory).selectionByGroup = { province: { topN: 2 } };
    expect(validateAwardSet(set).map((p) => p.code)).toEqual(['SELECTION_BY_GROUP', 'PEER_GROUP_UNKNOWN']);
  });

  it('refuses what is not an award set at all', () => {
    expect(validateAwardSet(null)[0]!.code).toBe('AWARD_SET_INVALID');
    expect(validateAwardSet({ schemaVersion: 2, edition: 'x', version: 'x', scale: '0-100', categories: [] }).map((p) => p.code)).toEqual(['SCHEMA_VERSION', 'REQUIRED']);
  });
});

describe('the default award set on a synthetic edition', () => {
  // 60 departments (half serving the public), 20 provinces; deterministic but varied scores, tags and histories.
  const itemTags: Record<string, string[]> = {
    DG1: ['data_governance'], DG2: ['data_governance'], OD1: ['open_data'], OD2: ['open_data'], PE1: ['digital_personnel'], NC: ['no_copy_policy'], ES: ['e_service'],
  };
  const units: AwardUnit[] = [];
  for (let i = 0; i < 80; i++) {
    const k = (i * 37) % 80;
    const province = i >= 60;
    const overall = 40 + ((k * 7) % 55) + (i % 3) * 0.25;
    const pts = (j: number) => ((k + j * 11) % 5) / 4;
    units.push(
      unit(`x${String(i).padStart(2, '0')}`, overall, {
        peer: province ? { level: 'province', servesPublic: false, ministry: 'MOI', province: `TH-${i}` } : { servesPublic: i % 2 === 0, ministry: `M${i % 7}` },
        stage: { code: `S${Math.min(3, Math.floor((overall - 40) / 14))}`, order: Math.min(3, Math.floor((overall - 40) / 14)) },
        completeness: i % 11 === 0 ? 0.8 : 1,
        acceptedEvidenceShare: i % 13 === 0 ? 0.7 : 0.9 + (i % 4) * 0.025,
        items: {
          DG1: item(pts(1)), DG2: item(pts(2), { evidenceRequired: true, evidenceAccepted: i % 5 !== 0 }), OD1: item(pts(3)), OD2: item(pts(4)),
          PE1: item(pts(5)), NC: item(i % 3 === 0 ? 1 : 0, { evidenceRequired: true, evidenceAccepted: i % 4 !== 0 }), ES: item(1),
        },
        previous: i % 9 === 0 ? undefined : { overall: overall - 10 + ((k * 13) % 21), dimensions: {} },
      }),
    );
  }
  const set: AwardSet = defaultAwardSet({ edition: '2566' });
  const results = computeAwards({ set, units, itemTags });

  it('computes every rule category and leaves committee categories out', () => {
    expect(results.categories.map((c) => c.categoryId)).toEqual(['dg_award', 'data_governance', 'open_data', 'digital_personnel', 'improvement', 'no_copy_policy']);
    expect(results.categories.every((c) => c.totalWinners > 0)).toBe(true);
  });

  it('every winner meets its rule, independently recomputed', () => {
    for (const cat of results.categories) {
      const rule = cat.rule;
      for (const g of cat.groups) {
        const sel = g.selection;
        for (const id of g.winners) {
          const u = units.find((x) => x.id === id)!;
          expect(g.peerGroups.some((p) => PEER_GROUPS[p].test(u.peer))).toBe(true);
          if (rule.eligibility.minCompleteness !== undefined) expect(u.completeness).toBeGreaterThanOrEqual(rule.eligibility.minCompleteness);
          if (rule.eligibility.minEvidenceShare !== undefined) expect(u.acceptedEvidenceShare).toBeGreaterThanOrEqual(rule.eligibility.minEvidenceShare);
          if (rule.eligibility.minStageOrder !== undefined) expect(u.stage!.order).toBeGreaterThanOrEqual(rule.eligibility.minStageOrder);
          let v: number;
          const c = rule.criterion;
          if (c.kind === 'overall') v = u.overall!;
          else if (c.kind === 'items') {
            const codes = Object.keys(u.items).filter((q) => itemTags[q]!.some((t) => c.tags!.includes(t)));
            v = codes.reduce((s, q) => s + effectivePoints(u.items[q]!), 0) / codes.length;
          } else if (c.kind === 'yes_no') {
            const nc = u.items.NC!;
            v = nc.points > 0 && nc.evidenceAccepted ? 1 : 0;
          } else if (c.kind === 'improvement') {
            const reg = g.regression!;
            const prev = u.previous!.overall!;
            expect(u.overall! - prev).toBeGreaterThan(c.minRawGain!);
            v = u.overall! - (reg.intercept + reg.slope * prev);
          } else throw new Error('unexpected criterion');
          const d = g.decisions.find((x) => x.unitId === id)!;
          expect(d.value!).toBeCloseTo(v, 9);
          if (sel.minValue !== undefined) expect(v).toBeGreaterThanOrEqual(sel.minValue - 1e-9);
          // Nobody eligible and not winning scores higher.
          for (const o of g.decisions.filter((x) => x.eligible && !x.won)) expect(o.value!).toBeLessThanOrEqual(v + 1e-9);
          if (sel.topN !== undefined && rule.tie.kind !== 'all_win' && !(rule.tie.kind === 'secondary' && rule.tie.fallback === 'all_win'))
            expect(g.winners.length).toBeLessThanOrEqual(sel.topN);
        }
      }
    }
  });

  it('the Digital Government Award gives top 10 per department group and top 5 among provinces', () => {
    const dg = results.categories[0]!;
    expect(dg.groups.map((g) => [g.key, g.selection.topN])).toEqual([
      ['department_service', 10],
      ['department_other', 10],
      ['province', 5],
    ]);
    for (const g of dg.groups) {
      expect(g.winners.length).toBeGreaterThan(0);
      if (!g.tieAtCutoff) expect(g.winners.length).toBeLessThanOrEqual(g.selection.topN!);
    }
  });

  it('explains one unit across every category', () => {
    const province = units.find((u) => u.peer.level === 'province')!;
    const ex = explainUnit(results, province.id);
    expect(ex.map((e) => e.categoryId)).toEqual(results.categories.map((c) => c.categoryId));
    const dataGov = ex.find((e) => e.categoryId === 'data_governance')!;
    expect(dataGov.decisions).toEqual([]);
    expect(dataGov.notInPeerGroups!.en).toBe('This award is only for All department-level agencies');
    const dg = ex.find((e) => e.categoryId === 'dg_award')!;
    expect(dg.decisions).toHaveLength(1);
    expect(dg.decisions[0]!.group).toBe('province');
    expect(dg.decisions[0]!.reason.en.length).toBeGreaterThan(0);
  });

  it('refuses an invalid set or repeated unit ids with a VALIDATION_FAILED error listing the problems', () => {
    expect(() => computeAwards({ set, units: [...units, units[0]!] })).toThrowError(/Unit x00 appears twice/);
    const bad = clone(set);
    (bad.categories[0] as RuleCategory).selection = {};
    try {
      computeAwards({ set: bad, units });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'categories[0].selection' })] });
    }
  });
});
