// Framework validation: each kind of mistake is reported with its path and Thai and English messages.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.js';
import { assertValidFramework, scoreEdition, validateFramework, type Framework } from '../../src/engine/index.js';
import { miniFramework, t, yesNo } from './scoring-helpers.js';

/** Applies a mutation to a fresh valid framework and returns the problems as "path CODE". */
function problems(mutate: (fw: Framework & Record<string, any>) => void): string[] {
  const fw = structuredClone(miniFramework()) as Framework & Record<string, any>;
  mutate(fw);
  return validateFramework(fw).map((p) => `${p.path} ${p.code}`);
}

describe('validateFramework', () => {
  it('accepts a valid framework', () => {
    expect(validateFramework(miniFramework())).toEqual([]);
  });
  it('gives every problem a path and both languages', () => {
    const fw = miniFramework({ stages: [] });
    const [p] = validateFramework(fw);
    expect(p).toMatchObject({ path: 'stages', code: 'STAGES_MISSING' });
    expect(p!.th).toMatch(/[\u0E00-\u0E7F]/);
    expect(p!.en).toMatch(/stage/);
  });
  it('reports a stage condition on an unknown dimension', () => {
    expect(problems((fw) => (fw.stages[3]!.conditions = [{ dimension: 'ZZ', min: 50 }]))).toEqual(['stages[3].conditions[0].dimension STAGE_UNKNOWN_DIMENSION']);
  });
  it('reports duplicate dimension, item, option and stage codes', () => {
    expect(problems((fw) => (fw.dimensions[1]!.code = 'A'))).toEqual(['dimensions[1].code DUPLICATE_CODE']);
    expect(problems((fw) => (fw.dimensions[1]!.items![0]!.code = 'A1'))).toEqual(['dimensions[1].items[0].code DUPLICATE_CODE']);
    expect(problems((fw) => (fw.stages[2]!.code = 'basic'))).toEqual(['stages[2].code DUPLICATE_CODE']);
    expect(
      problems((fw) => {
        fw.dimensions[0]!.items![0] = { code: 'A1', kind: 'single_choice', text: t('q'), recommendation: t('r'), options: [{ code: 'x', label: t('x'), points: 1 }, { code: 'x', label: t('x2'), points: 0 }] };
      }),
    ).toEqual(['dimensions[0].items[0].options[1].code DUPLICATE_CODE']);
  });
  it('reports negative weights and weights summing to zero', () => {
    expect(problems((fw) => (fw.dimensions[0]!.weight = -1))).toEqual(['dimensions[0].weight WEIGHT_NEGATIVE']);
    expect(problems((fw) => fw.dimensions.forEach((d) => (d.weight = 0)))).toEqual(['dimensions WEIGHTS_ZERO_SUM']);
    expect(problems((fw) => fw.dimensions[1]!.items!.forEach((i) => (i.weight = 0)))).toEqual(['dimensions[1].items WEIGHTS_ZERO_SUM']);
    expect(problems((fw) => (fw.dimensions[0]!.items![0]!.weight = 'two' as never))).toEqual(['dimensions[0].items[0].weight WEIGHT_INVALID']);
  });
  it('reports options without points or with points outside 0–1', () => {
    const fw = miniFramework();
    fw.dimensions[0]!.items![0] = {
      code: 'A1',
      kind: 'multi_choice',
      scoring: 'weighted',
      text: t('q'),
      recommendation: t('r'),
      options: [{ code: 'a', label: t('a') } as never, { code: 'b', label: t('b'), points: 1.5 }, { code: 'none', label: t('none'), points: 0.2 }],
    };
    expect(validateFramework(fw).map((p) => `${p.path} ${p.code}`)).toEqual([
      'dimensions[0].items[0].options[0].points POINTS_MISSING',
      'dimensions[0].items[0].options[1].points POINTS_OUT_OF_RANGE',
      'dimensions[0].items[0].options NONE_OPTION_POINTS',
    ]);
  });
  it('reports stage cut-offs out of order or not starting at 0', () => {
    expect(problems((fw) => (fw.stages[0]!.minScore = 5))).toEqual(['stages[0].minScore STAGE_NOT_FROM_ZERO']);
    expect(problems((fw) => (fw.stages[2]!.minScore = 20))).toEqual(['stages[2].minScore STAGES_ORDER', 'stages[3].minScore STAGES_ORDER'].slice(0, 1));
    expect(problems((fw) => (fw.stages[3]!.minScore = 150))).toEqual(['stages[3].minScore STAGE_OUT_OF_SCALE']);
  });
  it('reports visibleIf pointing to an unknown item, the wrong value type, and cycles', () => {
    expect(problems((fw) => (fw.dimensions[0]!.items![1]!.visibleIf = { item: 'Q9', equals: true }))).toEqual(['dimensions[0].items[1].visibleIf.item VISIBLE_IF_UNKNOWN_ITEM']);
    expect(problems((fw) => (fw.dimensions[0]!.items![1]!.visibleIf = { item: 'A1', equals: 'yes' }))).toEqual(['dimensions[0].items[1].visibleIf.equals VISIBLE_IF_TYPE']);
    const cyc = problems((fw) => {
      fw.dimensions[0]!.items![0]!.visibleIf = { item: 'A2', equals: true };
      fw.dimensions[0]!.items![1]!.visibleIf = { item: 'A1', equals: true };
    });
    expect(cyc).toEqual(['dimensions[0].items[0].visibleIf VISIBLE_IF_CYCLE', 'dimensions[0].items[1].visibleIf VISIBLE_IF_CYCLE']);
  });
  it('requires a recommendation on every scored item, in both languages', () => {
    expect(problems((fw) => delete fw.dimensions[0]!.items![2]!.recommendation)).toEqual(['dimensions[0].items[2].recommendation RECOMMENDATION_MISSING']);
    expect(problems((fw) => (fw.dimensions[0]!.items![2]!.recommendation = { th: 'ทำ', en: '' }))).toEqual(['dimensions[0].items[2].recommendation.en TEXT_MISSING']);
    // Text items are not scored and need none.
    expect(problems((fw) => fw.dimensions[0]!.items!.push({ code: 'NOTE', kind: 'text', text: t('Notes') }))).toEqual([]);
  });
  it('reports goalposts with low ≥ high, unordered thresholds and unknown methods', () => {
    expect(problems((fw) => (fw.dimensions[0]!.items![0]!.normalisation = { method: 'goalposts', low: 5, high: 5 }))).toEqual(['dimensions[0].items[0].normalisation GOALPOSTS_ORDER']);
    expect(
      problems((fw) => {
        fw.dimensions[0]!.items![0] = { code: 'A1', kind: 'number', text: t('n'), recommendation: t('r'), scoring: { type: 'thresholds', thresholds: [{ min: 5, points: 0.5 }, { min: 2, points: 1 }] } };
      }),
    ).toEqual(['dimensions[0].items[0].scoring.thresholds[1].min THRESHOLDS_ORDER']);
    expect(
      problems((fw) => {
        fw.dimensions[0]!.items![0] = { code: 'A1', kind: 'number', text: t('n'), recommendation: t('r'), scoring: { type: 'goalposts', low: 10, high: 1 } };
      }),
    ).toEqual(['dimensions[0].items[0].scoring GOALPOSTS_ORDER']);
    expect(problems((fw) => (fw.normalisation = { method: 'logit' as never }))).toEqual(['normalisation.method NORMALISATION_UNKNOWN']);
    expect(problems((fw) => (fw.aggregation.dimensions = { method: 'harmonic' as never }))).toEqual(['aggregation.dimensions.method AGGREGATION_UNKNOWN']);
    expect(problems((fw) => (fw.dimensions[0]!.items![0]!.kind = 'slider' as never))).toEqual(['dimensions[0].items[0].kind KIND_UNKNOWN']);
  });
  it('refuses z-scores feeding a geometric mean, empty dimensions and unknown peer groups', () => {
    expect(
      problems((fw) => {
        fw.aggregation.items = { method: 'geometric' };
        fw.normalisation = { method: 'zscore' };
      }),
    ).toEqual(['normalisation ZSCORE_GEOMETRIC']);
    expect(problems((fw) => (fw.dimensions[1]!.items = []))).toEqual(['dimensions[1] DIMENSION_EMPTY']);
    expect(problems((fw) => (fw.peerGroups = ['level', 'region' as never]))).toEqual(['peerGroups[1] PEER_GROUP_UNKNOWN']);
    expect(problems((fw) => (fw.dimensions[1]!.items = [{ code: 'B1', kind: 'text', text: t('x') }]))).toEqual(['dimensions[1] DIMENSION_UNSCORED']);
  });
  it('checks the crosswalk against the framework', () => {
    expect(problems((fw) => (fw.crosswalk = { previous: { id: 'mini', version: '0' }, items: { A1: 'A1', ZZ: 'B1', A2: 'A1' } }))).toEqual([
      'crosswalk.items.ZZ CROSSWALK_UNKNOWN_ITEM',
      'crosswalk.items.A2 CROSSWALK_DUPLICATE',
    ]);
  });
});

describe('assertValidFramework', () => {
  it('throws FRAMEWORK_INVALID with every problem as a detail, and scoring refuses the framework', () => {
    const fw = miniFramework({ stages: [{ code: 's', name: t('s'), minScore: 10 }] });
    let caught: unknown;
    try {
      assertValidFramework(fw);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('FRAMEWORK_INVALID');
    expect((caught as AppError).details[0]).toMatchObject({ path: 'stages[0].minScore' });
    expect(() => scoreEdition(fw, [{ id: 'u', attributes: {}, answers: {} }])).toThrowError(AppError);
  });
  it('refuses answers that do not fit the framework, naming the unit and item', () => {
    const fw = miniFramework({ dimensions: [{ code: 'A', name: t('A'), items: [yesNo('A1')] }] });
    try {
      scoreEdition(fw, [{ id: 'u', attributes: {}, answers: { A1: 'yes', Z9: true } }]);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('VALIDATION_FAILED');
      expect((e as AppError).details.map((d) => d.path)).toEqual(['units[0].answers.A1', 'units[0].answers.Z9']);
    }
  });
});
