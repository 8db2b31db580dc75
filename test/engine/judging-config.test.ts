// Contest configuration: the default Digital Local rubric and tiers, validation messages, eligibility, weighted totals.
import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  defaultDigitalLocalContest,
  defaultDigitalLocalRubric,
  defaultDigitalLocalTiers,
  scaleLevels,
  totalAsPercent,
  validateContestConfig,
  validateRubric,
  validateTiers,
  weightedTotal,
  type ContestConfig,
} from '../../src/engine/judging/index.js';

describe('defaults', () => {
  it('the rubric has the four Digital Local criteria with Thai names, equal weights and a descriptor for every level', () => {
    const r = defaultDigitalLocalRubric();
    expect(r.criteria.map((c) => c.name.th)).toEqual(['ปัญหา', 'นโยบายและแผน', 'กระบวนการทำงาน', 'ผลลัพธ์ที่เป็นรูปธรรมและการต่อยอด']);
    expect(r.criteria.map((c) => c.name.en)).toEqual(['Problem', 'Policy and plan', 'Work process', 'Concrete results and further development']);
    expect(new Set(r.criteria.map((c) => c.weight)).size).toBe(1);
    for (const c of r.criteria) expect(c.descriptors.map((d) => d.score)).toEqual(scaleLevels(r.scale));
    expect(validateRubric(r)).toEqual([]);
  });

  it('the tiers reproduce the 2022 shape: 3 excellent then 12 outstanding', () => {
    const t = defaultDigitalLocalTiers();
    expect(t.map((x) => [x.code, x.name.th, x.topN])).toEqual([
      ['excellent', 'ยอดเยี่ยม', 3],
      ['outstanding', 'ดีเด่น', 12],
    ]);
  });

  it('a whole default contest validates', () => {
    const c = defaultDigitalLocalContest(2565);
    expect(validateContestConfig(c)).toEqual([]);
    expect(c.name.en).toContain('2022');
    expect(c.eligibleLaoTypes).toContain('sao');
  });
});

describe('validation', () => {
  it('reports every problem with a path, a code and Thai and English text', () => {
    const c: ContestConfig = defaultDigitalLocalContest(2565);
    const bad: ContestConfig = {
      ...c,
      year: 2022, // not Buddhist Era
      rubric: {
        scale: { min: 1, max: 5, step: 1 },
        criteria: [
          { ...c.rubric.criteria[0]!, weight: 0 },
          { ...c.rubric.criteria[1]!, code: 'problem', descriptors: [{ score: 7, text: { th: 'x', en: 'x' } }] },
        ],
      },
      tiers: [
        { code: 'excellent', name: { th: 'ยอดเยี่ยม', en: 'Excellent' }, minScore: 4, tieAtCutoff: 'include_all' },
        { code: 'outstanding', name: { th: 'ดีเด่น', en: '' }, minScore: 4.5, topN: 0, tieAtCutoff: 'include_all' },
      ],
      tieBreakCriteria: ['nope'],
      eligibleLaoTypes: ['sao', 'district' as never],
      judgesPerEntry: 0,
      disagreement: { maxRange: -1, maxSd: 1 },
      schedule: { entriesOpen: '2022-09-01', entriesClose: '2022-08-01', judgingStart: '2022-11-01', judgingEnd: '2022-11-30', announcement: 'soon' },
    };
    const problems = validateContestConfig(bad);
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.code]));
    expect(byPath).toMatchObject({
      year: 'YEAR_INVALID',
      'rubric.criteria[0].weight': 'WEIGHT_INVALID',
      'rubric.criteria[1].code': 'CRITERION_CODE_DUPLICATE',
      'rubric.criteria[1].descriptors[0].score': 'DESCRIPTOR_OFF_SCALE',
      'tiers[1].name': 'TEXT_MISSING',
      'tiers[1].topN': 'TIER_TOPN_INVALID',
      'tiers[1].minScore': 'TIER_THRESHOLD_ORDER',
      'tieBreakCriteria[0]': 'TIE_BREAK_UNKNOWN_CRITERION',
      'eligibleLaoTypes[1]': 'LAO_TYPE_UNKNOWN',
      judgesPerEntry: 'JUDGES_PER_ENTRY_INVALID',
      'disagreement.maxRange': 'THRESHOLD_INVALID',
      'schedule.entriesClose': 'SCHEDULE_ORDER',
      'schedule.announcement': 'DATE_INVALID',
    });
    for (const p of problems) {
      expect(p.th.trim()).not.toBe('');
      expect(p.en.trim()).not.toBe('');
    }
    expect(problems.find((p) => p.code === 'CRITERION_CODE_DUPLICATE')!.th).toContain('problem');
  });

  it('refuses a bad scale and a tier with no rule', () => {
    expect(validateRubric({ scale: { min: 0, max: 10, step: 3 }, criteria: defaultDigitalLocalRubric().criteria }).map((p) => p.code)).toContain('SCALE_INVALID');
    expect(validateRubric({ scale: { min: 5, max: 1, step: 1 }, criteria: [] }).map((p) => p.code)).toEqual(['SCALE_INVALID', 'RUBRIC_NO_CRITERIA']);
    expect(validateTiers([{ code: 'x', name: { th: 'x', en: 'x' }, tieAtCutoff: 'include_all' }], { min: 1, max: 5, step: 1 }).map((p) => p.code)).toEqual([
      'TIER_NO_RULE',
    ]);
    expect(validateTiers([], { min: 1, max: 5, step: 1 }).map((p) => p.code)).toEqual(['TIERS_MISSING']);
  });

  it('accepts a 0–10 scale in half points', () => {
    const r = { ...defaultDigitalLocalRubric(), scale: { min: 0, max: 10, step: 0.5 } };
    expect(validateRubric(r)).toEqual([]);
    expect(scaleLevels(r.scale)).toHaveLength(21);
  });
});

describe('eligibility by LAO type', () => {
  const config = { eligibleLaoTypes: ['sao' as const, 'subdistrict_municipality' as const] };
  it('accepts eligible types and names the refused type in Thai and English', () => {
    expect(checkEligibility('sao', config)).toBeNull();
    const p = checkEligibility('pao', config)!;
    expect(p.code).toBe('NOT_ELIGIBLE');
    expect(p.th).toContain('องค์การบริหารส่วนจังหวัด');
    expect(p.en).toContain('Provincial Administrative Organisation');
  });
});

describe('weighted totals', () => {
  const rubric = defaultDigitalLocalRubric();
  it('is the weighted mean on the rubric scale, null while a criterion is unscored', () => {
    expect(weightedTotal(rubric, { problem: 5, policy_plan: 4, work_process: 3, results: 4 })).toBe(4);
    const weighted = { ...rubric, criteria: rubric.criteria.map((c, i) => ({ ...c, weight: i === 3 ? 40 : 20 })) };
    expect(weightedTotal(weighted, { problem: 5, policy_plan: 5, work_process: 5, results: 0 })).toBeCloseTo(3, 12);
    expect(weightedTotal(rubric, { problem: 5, policy_plan: 4, work_process: 3, results: null })).toBeNull();
    expect(totalAsPercent(4, rubric.scale)).toBe(75);
  });
});
