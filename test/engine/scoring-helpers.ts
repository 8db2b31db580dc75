// Small frameworks and units shared by the engine tests.
import type { Framework, Item, UnitInput } from '../../src/engine/index.js';

export const t = (en: string): { th: string; en: string } => ({ th: `ไทย ${en}`, en });

export function yesNo(code: string, extra: Partial<Item> = {}): Item {
  return { code, kind: 'yes_no', text: t(`Question ${code}`), recommendation: t(`Do ${code}`), ...extra } as Item;
}

export function indicator(code: string, extra: Partial<Item> = {}): Item {
  return { code, kind: 'indicator', text: t(`Indicator ${code}`), recommendation: t(`Improve ${code}`), ...extra } as Item;
}

/** Two dimensions of yes/no items, four equal stages on 0–100, peer groups by level. */
export function miniFramework(over: Partial<Framework> = {}): Framework {
  return {
    id: 'mini',
    version: '1',
    title: t('Mini framework'),
    scale: '0-100',
    missing: { rule: 'zero' },
    aggregation: { items: { method: 'arithmetic' }, dimensions: { method: 'arithmetic' } },
    dimensions: [
      { code: 'A', name: t('Dimension A'), recommendation: t('Work on A'), items: [yesNo('A1'), yesNo('A2'), yesNo('A3'), yesNo('A4')] },
      { code: 'B', name: t('Dimension B'), items: [yesNo('B1'), yesNo('B2')] },
    ],
    stages: [
      { code: 'initial', name: t('Initial'), minScore: 0 },
      { code: 'basic', name: t('Basic'), minScore: 25 },
      { code: 'intermediate', name: t('Intermediate'), minScore: 50 },
      { code: 'advanced', name: t('Advanced'), minScore: 75 },
    ],
    peerGroups: ['level'],
    ...over,
  };
}

export function unit(id: string, answers: UnitInput['answers'], attributes: UnitInput['attributes'] = { level: 'department' }, extra: Partial<UnitInput> = {}): UnitInput {
  return { id, attributes, answers, ...extra };
}
