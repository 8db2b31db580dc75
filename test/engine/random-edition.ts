// Seeded random frameworks and units covering every scoring feature, for differential tests of the engine's fast paths.
import { createRng, type Rng } from '../../src/engine/random.js';
import type { Aggregation, Dimension, Framework, Item, NormalisationMethod, PeerGroupKey, Stage, UnitInput } from '../../src/engine/framework/types.js';

const t = (s: string): { th: string; en: string } => ({ th: `ไทย ${s}`, en: s });
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;
const chance = (rng: Rng, p: number): boolean => rng.next() < p;

// Option codes include characters the canonical JSON must escape or UTF-8 encode, and codes that sort unlike
// their option order, so that fingerprints of multi-choice answers exercise sorting and escaping.
const OPTION_CODES = ['a', 'b', 'c', 'Z', 'none', 'x y', 'q"t', 'b\\s', 'ก', 'é', '10', '9', '_u', 'tab\t'];
const NORMS: NormalisationMethod[] = ['none', 'minmax', 'zscore', 'zscore_minmax', 'goalposts', 'rank', 'percentile'];
const PEER_KEYS: PeerGroupKey[] = ['level', 'ministry', 'province', 'serves_public', 'org_type', 'all'];

function aggregation(rng: Rng, geometric: boolean): Aggregation {
  if (!geometric) return { method: 'arithmetic' };
  const a: Aggregation = { method: 'geometric' };
  if (chance(rng, 0.5)) a.zeroRule = pick(rng, ['epsilon', 'zero'] as const);
  if (chance(rng, 0.3)) a.epsilon = pick(rng, [0.001, 0.05, 0.2]);
  return a;
}

function randomItem(rng: Rng, code: string, earlier: Item[], geometric: boolean): Item {
  const base = { code, text: t(`Item ${code}`), recommendation: t(`Improve ${code}`) } as Record<string, unknown>;
  if (chance(rng, 0.3)) base.weight = pick(rng, [0, 0.5, 2, 3.7]);
  if (chance(rng, 0.15)) base.requiresEvidence = true;
  const targets = earlier.filter((i) => i.kind === 'yes_no' || i.kind === 'single_choice' || i.kind === 'multi_choice');
  if (targets.length && chance(rng, 0.25)) {
    const target = pick(rng, targets);
    base.visibleIf = { item: target.code, equals: target.kind === 'yes_no' ? chance(rng, 0.7) : pick(rng, (target as { options: { code: string }[] }).options).code };
  }
  const kinds = ['yes_no', 'single_choice', 'multi_choice', 'number', 'indicator', 'text'] as const;
  const kind = pick(rng, kinds);
  const options = (k: number): { code: string; label: { th: string; en: string }; points: number }[] => {
    const codes = [...OPTION_CODES].sort(() => rng.next() - 0.5).slice(0, k);
    return codes.map((c) => ({ code: c, label: t(c), points: c === 'none' ? 0 : pick(rng, [0, 0.1, 0.25, 0.5, 1]) }));
  };
  switch (kind) {
    case 'yes_no':
      return { ...base, kind, ...(chance(rng, 0.3) ? { points: { yes: pick(rng, [1, 0.8]), no: pick(rng, [0, 0.2]) } } : {}) } as Item;
    case 'single_choice':
      return { ...base, kind, options: options(2 + rng.int(4)) } as Item;
    case 'multi_choice': {
      const opts = options(2 + rng.int(5));
      const countable = opts.filter((o) => o.code !== 'none').length;
      const item = { ...base, kind, options: opts, scoring: pick(rng, ['count', 'weighted'] as const) } as Record<string, unknown>;
      if (countable > 0 && chance(rng, 0.3)) item.countForFull = 1 + rng.int(countable);
      if (chance(rng, 0.3)) item.cap = pick(rng, [0.5, 0.75, 1]);
      return item as unknown as Item;
    }
    case 'number':
      return {
        ...base,
        kind,
        min: -5,
        max: 500,
        ...(chance(rng, 0.3) ? { integer: true } : {}),
        scoring: chance(rng, 0.5)
          ? { type: 'goalposts', low: pick(rng, [-5, 0, 10]), high: pick(rng, [50, 100, 400]) }
          : { type: 'thresholds', thresholds: [{ min: 0, points: 0.2 }, { min: 10, points: 0.5 }, { min: 60.5, points: 1 }] },
      } as Item;
    case 'indicator': {
      const method = pick(rng, NORMS.filter((m) => !(geometric && m === 'zscore')));
      const norm: Record<string, unknown> = { method };
      if (method === 'goalposts') Object.assign(norm, { low: -1, high: pick(rng, [3, 50, 1e6]) });
      if (chance(rng, 0.3)) norm.lowerIsBetter = true;
      return { ...base, kind, normalisation: norm } as unknown as Item;
    }
    case 'text':
      return { code, kind, text: t(`Text ${code}`) } as Item;
  }
}

/** A valid framework: 1–4 dimensions, sub-dimensions or direct items, every item kind, visibility chains, stages with conditions. */
export function randomFramework(seed: number): Framework {
  const rng = createRng(seed);
  const geometric = chance(rng, 0.35);
  const all: Item[] = [];
  const nDims = 1 + rng.int(4);
  const dims: Dimension[] = [];
  const items = (prefix: string, k: number): Item[] => {
    const out: Item[] = [];
    for (let i = 0; i < k; i++) out.push(randomItem(rng, `${prefix}.${i + 1}`, all, geometric));
    // Every group scores at least one item with positive weight, as validation requires.
    out.push({ code: `${prefix}.s`, kind: 'yes_no', text: t(`Sure ${prefix}`), recommendation: t(`Do ${prefix}`) } as Item);
    all.push(...out);
    return out;
  };
  for (let d = 0; d < nDims; d++) {
    const code = `D${d + 1}`;
    const dim: Dimension = { code, name: t(`Dimension ${code}`), recommendation: chance(rng, 0.5) ? t(`Work on ${code}`) : undefined } as Dimension;
    if (chance(rng, 0.4)) dim.weight = pick(rng, [0.5, 2, 3]);
    if (chance(rng, 0.3)) dim.aggregation = aggregation(rng, geometric && chance(rng, 0.7));
    if (chance(rng, 0.4))
      dim.subdimensions = Array.from({ length: 1 + rng.int(3) }, (_, s) => ({
        code: `${code}S${s + 1}`,
        name: t(`Sub ${code}S${s + 1}`),
        ...(chance(rng, 0.5) ? { weight: pick(rng, [0.5, 1.5, 4]) } : {}),
        items: items(`${code}S${s + 1}`, rng.int(6)),
      }));
    else dim.items = items(code, rng.int(9));
    dims.push(dim);
  }
  const scale = chance(rng, 0.3) ? '0-1' : '0-100';
  const max = scale === '0-1' ? 1 : 100;
  const stages: Stage[] = [{ code: 'initial', name: t('Initial'), minScore: 0 }];
  const nStages = 1 + rng.int(4);
  for (let s = 1; s < nStages; s++) {
    const stage: Stage = { code: `s${s}`, name: t(`Stage ${s}`), minScore: (max * s) / nStages };
    if (chance(rng, 0.5)) stage.conditions = [{ dimension: pick(rng, dims).code, min: (max * rng.int(4)) / 5 }];
    stages.push(stage);
  }
  const peerGroups = PEER_KEYS.filter(() => chance(rng, 0.4));
  const fw: Framework = {
    id: `random-${seed}`,
    version: '1',
    title: t('Random framework'),
    scale,
    missing: chance(rng, 0.5) ? { rule: 'zero' } : { rule: 'peer_mean', ...(chance(rng, 0.6) ? { peerGroup: pick(rng, PEER_KEYS) } : {}) },
    aggregation: { items: aggregation(rng, geometric), dimensions: aggregation(rng, geometric && chance(rng, 0.7)) },
    dimensions: dims,
    stages,
    peerGroups,
  };
  if (chance(rng, 0.4)) fw.normalisation = { method: pick(rng, NORMS.filter((m) => m !== 'goalposts' && !(geometric && m === 'zscore'))) };
  return fw;
}

function answerFor(rng: Rng, item: Item): unknown {
  switch (item.kind) {
    case 'yes_no':
      return chance(rng, 0.5);
    case 'single_choice':
      return pick(rng, item.options).code;
    case 'multi_choice': {
      const codes = item.options.map((o) => o.code).filter((c) => c !== 'none');
      const chosen = codes.filter(() => chance(rng, 0.5)).sort(() => rng.next() - 0.5);
      return chosen.length === 0 && item.options.some((o) => o.code === 'none') && chance(rng, 0.5) ? ['none'] : chosen;
    }
    case 'number':
      return item.integer ? rng.int(120) : pick(rng, [0, -0, 3.25, 17, 60.5, 99.999, 250, 1 / 3]);
    case 'indicator':
      return pick(rng, [0, 1, 2.5, -3, 1e-7, 12345.678, 0.1 + 0.2, 7, 7, 42]);
    case 'text':
      return pick(rng, ['plain', 'ข้อความภาษาไทย', 'quote " and \\ backslash', 'line\nbreak', '😀 emoji']);
  }
}

const ATTR_VALUES = { level: ['department', 'province', 'lao', ''], ministry: ['M1', 'M2', 'กระทรวง', null], province: ['P1', 'P2', 'P3'], org_type: ['agency', 'state_enterprise', null] };

/** n units answering `fw` (in random order), with gaps, nulls, unanswered follow-ups, evidence, odd ids and attributes. */
export function randomUnits(fw: Framework, n: number, seed: number): UnitInput[] {
  const rng = createRng(seed);
  const items = fw.dimensions.flatMap((d) => [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((s) => s.items)]);
  const idStyles = [(i: number) => `U${String(i).padStart(4, '0')}`, (i: number) => `หน่วย-${i}`, (i: number) => `u"${i}\\`, (i: number) => `${i}`];
  // Ability per unit makes scores spread; repeated identical answer sets make exact ties in ranks.
  const ties = chance(rng, 0.5);
  const units: UnitInput[] = [];
  for (let i = 0; i < n; i++) {
    const answers: Record<string, unknown> = {};
    const evidence: string[] = [];
    const r = ties && i % 3 === 1 ? createRng(seed * 31 + 7) : rng;
    for (const it of items) {
      const roll = r.next();
      if (roll < 0.08) continue;
      if (roll < 0.1) answers[it.code] = null;
      else answers[it.code] = answerFor(r, it);
      if (it.requiresEvidence && r.next() < 0.6) evidence.push(it.code, ...(r.next() < 0.2 ? [it.code] : []));
    }
    const attributes: Record<string, unknown> = {};
    for (const [k, vs] of Object.entries(ATTR_VALUES)) if (chance(rng, 0.85)) attributes[k] = pick(rng, vs);
    if (chance(rng, 0.7)) attributes.serves_public = chance(rng, 0.5);
    const unit = { id: pick(rng, idStyles)(i), answers: answers as UnitInput['answers'] } as UnitInput;
    if (chance(rng, 0.95)) unit.attributes = attributes as UnitInput['attributes'];
    if (evidence.length || chance(rng, 0.3)) unit.evidenceAccepted = evidence;
    if (chance(rng, 0.3)) unit.name = t(`Unit ${i}`);
    units.push(unit);
  }
  return units.sort(() => rng.next() - 0.5);
}
