// The default DGA readiness framework (2562 edition), the previous edition derived from it, and the crosswalk between them.
import type { Crosswalk, Dimension, Framework, I18nText, Item } from '../types.js';
import { backoffice } from './backoffice.js';
import { capabilities } from './capabilities.js';
import { bi } from './helpers.js';
import { infrastructure } from './infrastructure.js';
import { policies } from './policies.js';
import { services } from './services.js';
import { defaultStages } from './stages.js';
import { technology } from './technology.js';

export { FRAMEWORK_TAGS, type FrameworkTag } from './helpers.js';
export { ADVANCED_MIN_DIMENSION_SCORE } from './stages.js';

export const DEFAULT_FRAMEWORK_ID = 'dga-readiness';
export const DEFAULT_FRAMEWORK_VERSION = '2562.1';
export const PREVIOUS_FRAMEWORK_VERSION = '2561.1';

const base: Framework = {
  id: DEFAULT_FRAMEWORK_ID,
  version: DEFAULT_FRAMEWORK_VERSION,
  title: bi([
    'เกณฑ์การสำรวจระดับความพร้อมรัฐบาลดิจิทัลของหน่วยงานภาครัฐ ประจำปี พ.ศ. 2562',
    'Digital Government Readiness Survey framework, 2019 (B.E. 2562)',
  ]),
  scale: '0-100',
  missing: { rule: 'zero' },
  aggregation: { items: { method: 'arithmetic' }, dimensions: { method: 'arithmetic' } },
  normalisation: { method: 'none' },
  dimensions: [policies, capabilities, services, backoffice, infrastructure, technology],
  stages: defaultStages,
  peerGroups: ['level', 'ministry', 'province', 'serves_public', 'org_type', 'all'],
};

/** Items of a dimension, whether held directly or in sub-dimensions, in questionnaire order. */
export function dimensionItems(dimension: Dimension): Item[] {
  return [...(dimension.items ?? []), ...(dimension.subdimensions ?? []).flatMap((s) => s.items)];
}

/** Every item of a framework in questionnaire order. */
export function frameworkItems(framework: Framework): Item[] {
  return framework.dimensions.flatMap(dimensionItems);
}

// ---- How the 2561 edition differed (kept small and explicit; everything else carried over unchanged) ----

/** Questions first asked in 2562 (new law, new national programmes, or new DGA guidance). */
export const NEW_IN_2562: readonly string[] = [
  'P2.10', // data governance maturity self-assessment
  'P3.05', // open data plan
  'P4.01', // DPO under the PDPA B.E. 2562
  'P4.03', // record of processing activities (PDPA)
  'S2.05', // single sign-on across services
  'B3.03', // work-from-anywhere guideline
  'I2.02', // NCSA code of practice (Cybersecurity Act B.E. 2562)
  'I2.10', // incident reporting to NCSA / ThaiCERT
  'T2.05', // AI governance
];

/** Re-worded in 2562 without changing what is measured: still comparable. */
const REWORDED_SINCE_2561: Record<string, I18nText> = {
  'I1.04': bi([
    'หน่วยงานใช้บริการคลาวด์ภาครัฐ (G-Cloud) ของ สพร.',
    'The agency uses DGA’s government cloud service (G-Cloud).',
  ]),
  'B1.01': bi([
    'หน่วยงานใช้ระบบสารบรรณอิเล็กทรอนิกส์ในการรับส่งหนังสือราชการ',
    'The agency uses an electronic correspondence system for official letters.',
  ]),
};

/** Asked differently in 2561 (other scale or other quantity): not comparable, so left out of the crosswalk. */
const CHANGED_SINCE_2561: Record<string, (item: Item) => Item> = {
  // 2561 had no end-to-end level: four levels, the top one being online application with payment.
  'S1.02': (item) =>
    item.kind === 'single_choice'
      ? {
          ...item,
          text: bi([
            'ระดับการให้บริการทางอิเล็กทรอนิกส์ของงานบริการหลักของหน่วยงาน',
            'Electronic service level of the agency’s main service',
          ]),
          options: item.options
            .filter((o) => o.code !== 'end_to_end')
            .map((o) => ({ ...o, points: { counter: 0, inform: 0.33, apply: 0.67, transact: 1 }[o.code] ?? o.points })),
        }
      : item,
  // 2561 counted trained staff as a head count, not as a share of all staff.
  'C1.03': (item) =>
    item.kind === 'number'
      ? {
          ...withoutMax(item),
          text: bi([
            'จำนวนบุคลากรที่ได้รับการอบรมด้านดิจิทัลในปีงบประมาณที่ผ่านมา',
            'Number of staff trained in digital skills in the last fiscal year',
          ]),
          unit: bi(['คน', 'people']),
          integer: true,
          scoring: {
            type: 'thresholds',
            thresholds: [
              { min: 10, points: 0.25 },
              { min: 30, points: 0.5 },
              { min: 60, points: 0.75 },
              { min: 100, points: 1 },
            ],
          },
        }
      : item,
};

function withoutMax<T extends { max?: number }>(item: T): Omit<T, 'max'> {
  const { max: _max, ...rest } = item;
  return rest;
}

/** Items that sat elsewhere in 2561: current code → where it was. */
const MOVED_SINCE_2561: Record<string, { code: string; subdimension: string }> = {
  'T3.01': { code: 'P1.08', subdimension: 'P1' }, // enterprise architecture was part of the digital plan block
};

function derivePrevious(source: Framework): Framework {
  // A deep copy, so the two editions never share objects a caller could mutate.
  const current = structuredClone(source);
  const removed = new Set([...NEW_IN_2562, ...Object.keys(MOVED_SINCE_2561)]);
  const moved = new Map<string, Item[]>();
  for (const item of frameworkItems(current)) {
    const to = MOVED_SINCE_2561[item.code];
    if (to) moved.set(to.subdimension, [...(moved.get(to.subdimension) ?? []), { ...item, code: to.code }]);
  }
  const carry = (item: Item): Item => {
    const changed = CHANGED_SINCE_2561[item.code]?.(item) ?? item;
    const text = REWORDED_SINCE_2561[item.code];
    return text ? { ...changed, text } : changed;
  };
  const keep = (items: Item[]) => items.filter((i) => !removed.has(i.code)).map(carry);
  const { crosswalk: _crosswalk, ...rest } = current;
  return {
    ...rest,
    version: PREVIOUS_FRAMEWORK_VERSION,
    title: bi([
      'เกณฑ์การสำรวจระดับความพร้อมรัฐบาลดิจิทัลของหน่วยงานภาครัฐ ประจำปี พ.ศ. 2561',
      'Digital Government Readiness Survey framework, 2018 (B.E. 2561)',
    ]),
    dimensions: current.dimensions.map((d) => ({
      ...d,
      ...(d.items ? { items: keep(d.items) } : {}),
      ...(d.subdimensions
        ? { subdimensions: d.subdimensions.map((s) => ({ ...s, items: [...keep(s.items), ...(moved.get(s.code) ?? [])] })) }
        : {}),
    })),
  };
}

function buildCrosswalk(current: Framework, previous: Framework): Crosswalk {
  const previousCodes = new Set(frameworkItems(previous).map((i) => i.code));
  const items: Record<string, string> = {};
  for (const item of frameworkItems(current)) {
    if (item.kind === 'text' || NEW_IN_2562.includes(item.code) || item.code in CHANGED_SINCE_2561) continue;
    const previousCode = MOVED_SINCE_2561[item.code]?.code ?? item.code;
    if (previousCodes.has(previousCode)) items[item.code] = previousCode;
  }
  return { previous: { id: previous.id, version: previous.version }, items };
}

/** The 2561 edition, for year-over-year comparison. */
export const previousFramework: Framework = derivePrevious(base);

/** The framework that ships with the product (DGA's six dimensions, 2019–2021 shape). */
export const defaultFramework: Framework = { ...base, crosswalk: buildCrosswalk(base, previousFramework) };
