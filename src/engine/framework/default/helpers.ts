// Compact builders for the default framework's items, so each question reads as one Thai/English block.
import type {
  ChoiceOption,
  I18nText,
  MultiChoiceItem,
  NumberItem,
  SingleChoiceItem,
  TextItem,
  VisibleIf,
  YesNoItem,
} from '../types.js';

/** The tags award rules and analysis look for; kept closed so a typo cannot silently orphan an item. */
export const FRAMEWORK_TAGS = [
  'data_governance',
  'open_data',
  'digital_personnel',
  'no_copy_policy',
  'e_service',
  'cybersecurity',
  'cloud',
  'leadership',
] as const;
export type FrameworkTag = (typeof FRAMEWORK_TAGS)[number];

/** [Thai, English]. */
export type Bi = readonly [th: string, en: string];

/** [code, Thai label, English label, points 0–1]. */
export type Opt = readonly [code: string, th: string, en: string, points: number];

export interface ScoredOpts {
  /** Recommendation shown to agencies scoring low on the item; required on every scored item. */
  rec: Bi;
  help?: Bi;
  /** Item weight; omitted means 1. */
  w?: number;
  /** Points count only once evidence is accepted. */
  ev?: boolean;
  tags?: FrameworkTag[];
  vis?: VisibleIf;
}

export const bi = ([th, en]: Bi): I18nText => ({ th, en });

const options = (opts: readonly Opt[]): ChoiceOption[] =>
  opts.map(([code, th, en, points]) => ({ code, label: { th, en }, points }));

function base(code: string, text: Bi, o: ScoredOpts) {
  return {
    code,
    text: bi(text),
    ...(o.help ? { help: bi(o.help) } : {}),
    ...(o.w !== undefined && o.w !== 1 ? { weight: o.w } : {}),
    ...(o.ev ? { requiresEvidence: true } : {}),
    recommendation: bi(o.rec),
    ...(o.vis ? { visibleIf: o.vis } : {}),
    ...(o.tags && o.tags.length > 0 ? { tags: [...o.tags] } : {}),
  };
}

export const yn = (code: string, text: Bi, o: ScoredOpts): YesNoItem => ({ kind: 'yes_no', ...base(code, text, o) });

export const one = (code: string, text: Bi, opts: readonly Opt[], o: ScoredOpts): SingleChoiceItem => ({
  kind: 'single_choice',
  ...base(code, text, o),
  options: options(opts),
});

/** The exclusive "none of these" answer of a multi-choice item. */
export const NONE: Opt = ['none', 'ไม่มีข้อใดข้างต้น', 'None of the above', 0];

/**
 * Multi-choice. With 'count' scoring and a "none" option, full marks need every option except "none",
 * unless `countForFull` says fewer are enough.
 */
export function many(
  code: string,
  text: Bi,
  opts: readonly Opt[],
  scoring: 'count' | 'weighted',
  o: ScoredOpts & { countForFull?: number; cap?: number },
): MultiChoiceItem {
  const hasNone = opts.some(([c]) => c === 'none');
  const countForFull = scoring === 'count' ? (o.countForFull ?? (hasNone ? opts.length - 1 : undefined)) : undefined;
  return {
    kind: 'multi_choice',
    ...base(code, text, o),
    options: options(opts),
    scoring,
    ...(countForFull !== undefined ? { countForFull } : {}),
    ...(o.cap !== undefined ? { cap: o.cap } : {}),
  };
}

/** Number with thresholds: [[min, points], …] ascending. */
export const numT = (
  code: string,
  text: Bi,
  unit: Bi,
  thresholds: readonly (readonly [number, number])[],
  o: ScoredOpts & { max?: number; integer?: boolean },
): NumberItem => ({
  kind: 'number',
  ...base(code, text, o),
  unit: bi(unit),
  min: 0,
  ...(o.max !== undefined ? { max: o.max } : {}),
  ...(o.integer ? { integer: true } : {}),
  scoring: { type: 'thresholds', thresholds: thresholds.map(([min, points]) => ({ min, points })) },
});

/** Number scored linearly between goalposts (clamped). */
export const numG = (
  code: string,
  text: Bi,
  unit: Bi,
  low: number,
  high: number,
  o: ScoredOpts & { max?: number; integer?: boolean },
): NumberItem => ({
  kind: 'number',
  ...base(code, text, o),
  unit: bi(unit),
  min: 0,
  ...(o.max !== undefined ? { max: o.max } : {}),
  ...(o.integer ? { integer: true } : {}),
  scoring: { type: 'goalposts', low, high },
});

/** Unscored free text ("describe", "specify"). */
export const txt = (code: string, text: Bi, o: { help?: Bi; vis?: VisibleIf; tags?: FrameworkTag[] } = {}): TextItem => ({
  kind: 'text',
  code,
  text: bi(text),
  ...(o.help ? { help: bi(o.help) } : {}),
  ...(o.vis ? { visibleIf: o.vis } : {}),
  ...(o.tags && o.tags.length > 0 ? { tags: [...o.tags] } : {}),
  multiline: true,
});

export const PERCENT: Bi = ['ร้อยละ', 'percent'];
