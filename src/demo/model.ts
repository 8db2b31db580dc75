// The seeded statistical model behind the demo data: latent capability → item answers, calibrated to DGA's published means. Pure.
import { createRng, type Rng } from '../engine/random.js';
import { itemPoints } from '../engine/scoring/items.js';
import type { AnswerValue, Dimension, Framework, Item, UnitInput } from '../engine/framework/types.js';
import type { ParticipantStatus } from '../engine/edition/lifecycle.js';
import { calibratedDimensionWeights, DGA_2019_PROVINCIAL, DIMENSION_CODES, demoFrameworks } from './frameworks.js';

/** The demo's default seed (the opening day of the 2019 survey). */
export const DEMO_SEED = 20190501;

/** One organisation of the population, as the registry describes it. */
export interface DemoOrg {
  code: string;
  level: 'department' | 'provincial_unit' | 'province' | 'lao';
  ministry: string | null;
  province: string | null;
  orgType: string | null;
  servesPublic: boolean;
}

export type DemoLevel = 'department' | 'provincial_unit';

/** Target dimension means (0–100) of submitted units, per level. */
export type DemoTargets = Record<DemoLevel, Record<string, number>>;

export interface DemoEditionSpec {
  yearBe: number;
  framework: Framework;
  /** Position in time: 0 = first demo edition; each step adds the agencies' own change. */
  step: number;
  targets: DemoTargets;
  /** Shares of the population by participant status at the time the demo is loaded; the rest have not started. */
  shares: { submitted: number; completed: number; inProgress: number };
}

export interface DemoResponse {
  code: string;
  status: ParticipantStatus;
  /** Visible items only; text answers included. Empty for not_started. */
  answers: Record<string, AnswerValue>;
  /** Items with an evidence file (every visible evidence-required item answered with a claim). */
  evidence: string[];
}

export interface DemoCalibration {
  level: DemoLevel;
  dimension: string;
  target: number;
  achieved: number;
  shift: number;
}

export interface DemoEditionData {
  yearBe: number;
  framework: Framework;
  responses: DemoResponse[];
  calibration: DemoCalibration[];
}

export interface DemoData {
  seed: number;
  editions: DemoEditionData[];
}

// ---- Deterministic random streams: one per (seed, purpose, key), so adding an organisation moves no other. ----

/** FNV-1a, 32 bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function streamFor(seed: number, ...key: (string | number)[]): Rng {
  return createRng(hash32(`${seed}|${key.join('|')}`));
}

/**
 * The k-th output (k ≥ 0) of the engine's mulberry32 generator started at `seed`, computed directly: the same numbers
 * as `createRng(seed)`, without allocating a generator in the hot loop of calibration.
 */
export function mulberryAt(seed: number, k: number): number {
  let t = (seed + Math.imul(k + 1, 0x6d2b79f5)) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A stateless draw sequence over one seed (the k-th draw is mulberryAt(seed, k)). */
export class Draws {
  private k = 0;
  constructor(private readonly seed: number) {}
  next(): number {
    return mulberryAt(this.seed, this.k++);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** Standard normal by Box–Muller. */
export function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (u: number) => Math.log(Math.max(u, 1e-9) / Math.max(1 - u, 1e-9));

// ---- Targets ----

/** Adds one constant to a dimension pattern so that its weighted mean equals `overall`. */
export function shiftToOverall(pattern: Record<string, number>, weights: Record<string, number>, overall: number): Record<string, number> {
  let sw = 0;
  let swm = 0;
  for (const d of DIMENSION_CODES) {
    sw += weights[d] ?? 1;
    swm += (weights[d] ?? 1) * pattern[d]!;
  }
  const k = overall - swm / sw;
  return Object.fromEntries(DIMENSION_CODES.map((d) => [d, Math.min(95, Math.max(5, pattern[d]! + k))]));
}

const add = (a: Record<string, number>, b: Record<string, number>, sign = 1) => Object.fromEntries(DIMENSION_CODES.map((d) => [d, a[d]! + sign * (b[d] ?? 0)]));

/** Department-level agencies against provincial units: further ahead on plans, data and technology. */
const DEPARTMENT_LEAD = { P: 13, C: 7, S: 9, B: 9, I: 8, T: 13 };
/** Year-on-year growth pattern by dimension (rescaled by the overall targets). */
const GROWTH = { P: 6, C: 4, S: 6, B: 5, I: 4, T: 5 };

/** Published or chosen overall means: 2018 (2561) department 60.28 and provincial 45.67 are DGA's; 2019 provincial 51.09 is DGA's. */
export const OVERALL_TARGETS = {
  2561: { department: 60.28, provincial_unit: 45.67 },
  2562: { department: 61.5, provincial_unit: DGA_2019_PROVINCIAL.overall },
  2563: { department: 63.5, provincial_unit: 54.0 },
} as const;

/** The three demo editions: 2561 and 2562 closed and published, 2563 open. */
export function demoEditionSpecs(): DemoEditionSpec[] {
  const w = calibratedDimensionWeights();
  const fws = demoFrameworks();
  const prov2562 = { ...DGA_2019_PROVINCIAL.dimensions };
  const dept2562 = shiftToOverall(add(prov2562, DEPARTMENT_LEAD), w, OVERALL_TARGETS[2562].department);
  return [
    {
      yearBe: 2561,
      framework: fws.previous,
      step: 0,
      targets: {
        provincial_unit: shiftToOverall(add(prov2562, GROWTH, -1), w, OVERALL_TARGETS[2561].provincial_unit),
        department: shiftToOverall(add(dept2562, GROWTH, -0.4), w, OVERALL_TARGETS[2561].department),
      },
      shares: { submitted: 0.9605, completed: 0, inProgress: 0.02 },
    },
    {
      yearBe: 2562,
      framework: fws.current,
      step: 1,
      targets: { provincial_unit: prov2562, department: dept2562 },
      shares: { submitted: 0.9605, completed: 0, inProgress: 0.015 },
    },
    {
      yearBe: 2563,
      framework: fws.next,
      step: 2,
      targets: {
        provincial_unit: shiftToOverall(add(prov2562, GROWTH), w, OVERALL_TARGETS[2563].provincial_unit),
        department: shiftToOverall(add(dept2562, GROWTH, 0.5), w, OVERALL_TARGETS[2563].department),
      },
      shares: { submitted: 0.74, completed: 0.06, inProgress: 0.13 },
    },
  ];
}

// ---- Latent structure ----

/** Agency-level latent values (edition-independent parts). */
interface Latent {
  /** General digital capability. */
  g: number;
  /** Dimension-specific deviations (correlated through g; a few agencies are specialists). */
  dims: Record<string, number>;
  /** Cumulative own change by step (0 at step 0): most improve a little, a few a lot, a few fall back. */
  trend: number[];
  /** Dimension-specific change per step. */
  dimTrend: Record<string, number>[];
  /** Order of response: low values answer first (tie to capability: the weakest respond last). */
  responseKey: number[];
}

const ORG_TYPE_SIZE: Record<string, number> = {
  government_agency: 0.45,
  public_organization: 0.2,
  state_agency: 0.05,
  university: -0.15,
  legislative_agency: 0.3,
  judicial_agency: 0.35,
  independent_agency: 0.25,
  special: 1.0,
};

/** Spread of general capability by level (scaled so department results are widely spread, as DGA's stage shares imply). */
const LEVEL_SPREAD: Record<string, number> = { department: 1.0, provincial_unit: 0.95, lao: 1.0, province: 1.0 };

function latentFor(seed: number, org: DemoOrg, steps: number): Latent {
  const r = streamFor(seed, 'latent', org.code);
  let size: number;
  if (org.level === 'provincial_unit') {
    const typeEffect = 0.35 * normal(streamFor(seed, 'type', org.orgType ?? ''));
    const provinceEffect = 0.3 * normal(streamFor(seed, 'province', org.province ?? ''));
    size = typeEffect + provinceEffect + 0.6 * normal(r);
  } else {
    size = (ORG_TYPE_SIZE[org.orgType ?? ''] ?? 0) + 0.8 * normal(r);
    if (org.code === 'LAO-SPECIAL-BKK') size += 0.8;
  }
  // Bigger and service-providing agencies tend to score higher.
  const g = LEVEL_SPREAD[org.level]! * (0.35 * size + (org.servesPublic ? 0.2 : -0.15) + 0.85 * normal(r));
  const dims: Record<string, number> = {};
  for (const d of DIMENSION_CODES) dims[d] = 0.6 * normal(r);
  if (r.next() < 0.15) {
    // A specialist: strong in one dimension, weak in another.
    const strong = DIMENSION_CODES[r.int(6)]!;
    const weak = DIMENSION_CODES.filter((d) => d !== strong)[r.int(5)]!;
    dims[strong]! += 1.1;
    dims[weak]! -= 1.1;
  }
  const trend = [0];
  const dimTrend: Record<string, number>[] = [Object.fromEntries(DIMENSION_CODES.map((d) => [d, 0]))];
  for (let s = 1; s < steps; s++) {
    const u = r.next();
    const change = u < 0.1 ? -0.45 + 0.15 * normal(r) : u < 0.9 ? 0.05 * normal(r) : 0.9 + 0.25 * normal(r);
    trend.push(trend[s - 1]! + change);
    const prev = dimTrend[s - 1]!;
    dimTrend.push(Object.fromEntries(DIMENSION_CODES.map((d) => [d, prev[d]! + 0.2 * normal(r)])));
  }
  const responseKey = Array.from({ length: steps }, () => r.next() - 0.12 * g);
  return { g, dims, trend, dimTrend, responseKey };
}

// ---- Items → answers ----

interface ItemPlan {
  item: Item;
  prepared: PreparedItem;
  dimension: string;
  /** Difficulty: higher = fewer agencies reach full marks. */
  delta: number;
}

function itemPlans(seed: number, fw: Framework): ItemPlan[] {
  const out: ItemPlan[] = [];
  for (const d of fw.dimensions) {
    for (const item of dimensionItemList(d)) {
      const r = streamFor(seed, 'item', item.code);
      out.push({ item, prepared: prepareItem(item), dimension: d.code, delta: 0.7 * normal(r) });
    }
  }
  return out;
}

function dimensionItemList(d: Dimension): Item[] {
  return [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((s) => s.items)];
}

const DEMO_TEXT: [string, string][] = [
  ['พัฒนาระบบบริการออนไลน์ครบวงจรและเชื่อมโยงข้อมูลกับหน่วยงานที่เกี่ยวข้อง', 'end-to-end online service with data links'],
  ['ยกระดับระบบสารบรรณอิเล็กทรอนิกส์และลายมือชื่อดิจิทัล', 'e-correspondence and digital signatures'],
  ['จัดทำบัญชีข้อมูลและเปิดเผยข้อมูลบน data.go.th', 'data catalogue and open data'],
  ['ย้ายระบบงานหลักขึ้นคลาวด์ภาครัฐ', 'move core systems to the government cloud'],
];

/** Per-item data that does not depend on the agency: option ladders and the like, computed once. */
export interface PreparedItem {
  item: Item;
  /** single_choice: options by points ascending; equal points keep the first (e.g. "not published" before "never updated"). */
  ladder?: string[];
  /** multi_choice: the options other than "none", and whether "none" exists. */
  opts?: string[];
  hasNone?: boolean;
  /** Whether answering draws secondary random numbers (multi-choice options, number values, texts). */
  needsRng: boolean;
}

export function prepareItem(item: Item): PreparedItem {
  if (item.kind === 'single_choice') {
    const seen = new Set<number>();
    const ladder = [...item.options]
      .sort((a, b) => a.points - b.points)
      .filter((o) => (seen.has(o.points) ? false : (seen.add(o.points), true)))
      .map((o) => o.code);
    return { item, ladder, needsRng: false };
  }
  if (item.kind === 'multi_choice') {
    return { item, opts: item.options.filter((o) => o.code !== 'none').map((o) => o.code), hasNone: item.options.some((o) => o.code === 'none'), needsRng: true };
  }
  return { item, needsRng: item.kind !== 'yes_no' };
}

/** The answer an agency with propensity `y` gives to an item (monotone in y); `r` draws the secondary choices. */
export function answerFor(p: PreparedItem, y: number, r: Draws | null): AnswerValue {
  const item = p.item;
  switch (item.kind) {
    case 'yes_no': {
      const yes = item.points?.yes ?? 1;
      const no = item.points?.no ?? 0;
      return y > 0 ? yes >= no : no > yes;
    }
    case 'single_choice': {
      const ladder = p.ladder!;
      const k = Math.min(ladder.length - 1, Math.floor(ladder.length * sigmoid(1.1 * y)));
      return ladder[k]!;
    }
    case 'multi_choice': {
      const opts = p.opts!;
      const chosen: string[] = [];
      const mid = (opts.length - 1) / 2;
      for (let j = 0; j < opts.length; j++) if (y + 1.1 * logit(r!.next()) - 0.35 * (j - mid) > 0) chosen.push(opts[j]!);
      if (chosen.length > 0) return chosen;
      return p.hasNone ? ['none'] : [opts[0]!];
    }
    case 'number': {
      const lo = item.min ?? 0;
      const hi = item.max ?? Number.POSITIVE_INFINITY;
      const f = sigmoid(1.1 * y);
      let x: number;
      const s = item.scoring;
      if (s.type === 'goalposts') {
        const a = Math.max(lo, s.low - 0.15 * (s.high - s.low));
        x = a + f * (s.high + 0.1 * (s.high - s.low) - a);
      } else {
        const t = s.thresholds;
        const k = Math.min(t.length, Math.floor((t.length + 1) * f));
        const from = k === 0 ? Math.max(lo, t[0]!.min - Math.max(1, t[0]!.min * 0.1)) : t[k - 1]!.min;
        const to = k === t.length ? t[t.length - 1]!.min * 1.4 + 1 : t[k]!.min;
        x = from + r!.next() * (to - from);
        if (k < t.length && x >= t[k]!.min) x = t[k]!.min - (item.integer ? 1 : 0.1);
      }
      x = Math.min(hi, Math.max(lo, x));
      // Rounding down never crosses a threshold upwards.
      return item.integer ? Math.floor(x) : Math.floor(x * 10) / 10;
    }
    case 'text': {
      const [th, en] = DEMO_TEXT[r!.int(DEMO_TEXT.length)]!;
      return `${th} (ข้อมูลสาธิต · demo: ${en})`;
    }
    case 'indicator':
      return Math.round(100 * sigmoid(y));
  }
}

/** An answer that claims something (not "no" / "none"), as the questionnaire checklist reads it. */
function claims(v: AnswerValue): boolean {
  if (v === false || v === null) return false;
  if (Array.isArray(v)) return v.length > 0 && !(v.length === 1 && v[0] === 'none');
  return true;
}

function isVisible(item: Item, answers: Record<string, AnswerValue>, visible: Set<string>): boolean {
  const c = item.visibleIf;
  if (!c) return true;
  if (!visible.has(c.item)) return false;
  const a = answers[c.item];
  return Array.isArray(a) ? typeof c.equals === 'string' && a.includes(c.equals) : a === c.equals;
}

interface UnitState {
  org: DemoOrg;
  latent: Latent;
  /** Per item: the base uniform of its noise and the seed of its secondary draws. */
  noise: Float64Array;
  fresh: Float64Array;
  itemSeeds: Uint32Array;
  /** Per item: this edition's noise term of the propensity, computed once (calibration answers each unit ~13 times). */
  itemNoise: Float64Array;
}

/** Answers of one unit to the items of one dimension given the calibration shift. */
function answerDimension(seed: number, u: UnitState, plans: ItemPlan[], idx: number[], dimension: string, shift: number, step: number): Record<string, AnswerValue> {
  const lat = u.latent;
  const z = lat.g + lat.dims[dimension]! + lat.trend[step]! + lat.dimTrend[step]![dimension]!;
  const answers: Record<string, AnswerValue> = {};
  const visible = new Set<string>();
  for (const i of idx) {
    const p = plans[i]!;
    if (!isVisible(p.item, answers, visible)) continue;
    visible.add(p.item.code);
    const y = z + shift - p.delta + u.itemNoise[i]!;
    answers[p.item.code] = answerFor(p.prepared, y, p.prepared.needsRng ? new Draws(u.itemSeeds[i]!) : null);
  }
  // A consistent questionnaire: no open data published means "not published" for the update question.
  if (answers['P3.01'] === false && 'P3.04' in answers) answers['P3.04'] = 'unpublished';
  return answers;
}

/** Option code → points of a choice item (the first option of a code, as itemPoints' own lookup), built once per item. */
const optionPoints = new WeakMap<Item, Map<string, number>>();
function pointsOf(item: Item, v: AnswerValue): number {
  if (item.kind !== 'single_choice' && item.kind !== 'multi_choice') return itemPoints(item, v);
  let m = optionPoints.get(item);
  if (!m) {
    m = new Map();
    for (const o of item.options) if (!m.has(o.code)) m.set(o.code, o.points);
    optionPoints.set(item, m);
  }
  return itemPoints(item, v, m);
}

/** Dimension score (0–100) of one unit from its answers, as the engine computes it (arithmetic, visible items). */
export function dimensionScore(d: Dimension, answers: Record<string, AnswerValue>): number {
  const scoreItems = (items: Item[]) => {
    let sw = 0;
    let s = 0;
    for (const item of items) {
      if (item.kind === 'text') continue;
      const v = answers[item.code];
      if (v === undefined) {
        if (item.visibleIf) continue; // hidden
        sw += item.weight ?? 1; // missing counts zero
        continue;
      }
      sw += item.weight ?? 1;
      s += (item.weight ?? 1) * pointsOf(item, v);
    }
    return sw > 0 ? s / sw : NaN;
  };
  if (d.subdimensions?.length) {
    let sw = 0;
    let s = 0;
    for (const sd of d.subdimensions) {
      const v = scoreItems(sd.items);
      if (Number.isNaN(v)) continue;
      sw += sd.weight ?? 1;
      s += (sd.weight ?? 1) * v;
    }
    return (100 * s) / sw;
  }
  return 100 * scoreItems(d.items ?? []);
}

/** Which units are submitted / completed / in progress / not started in an edition, by response order. */
function statuses(units: UnitState[], spec: DemoEditionSpec, stepIndex: number): ParticipantStatus[] {
  const order = units.map((u, i) => ({ i, key: u.latent.responseKey[stepIndex]! })).sort((a, b) => a.key - b.key || (units[a.i]!.org.code < units[b.i]!.org.code ? -1 : 1));
  const n = units.length;
  const nSub = Math.round(n * spec.shares.submitted);
  const nComp = Math.round(n * spec.shares.completed);
  const nProg = Math.round(n * spec.shares.inProgress);
  const out: ParticipantStatus[] = new Array(n);
  order.forEach((o, rank) => {
    out[o.i] = rank < nSub ? 'submitted' : rank < nSub + nComp ? 'completed' : rank < nSub + nComp + nProg ? 'in_progress' : 'not_started';
  });
  return out;
}

/** Calibration group: department-level agencies and the special LAOs (Bangkok, Pattaya); everything local or provincial. */
const LEVEL_OF = (org: DemoOrg): DemoLevel => (org.level === 'department' || org.orgType === 'special' ? 'department' : 'provincial_unit');

/**
 * Generates every edition's responses. Calibration: for each edition, level and dimension, one shift of the latent
 * scale is found by bisection so that the mean dimension score of that level's submitted units equals its target
 * (common random numbers: the same draws for every trial shift, so the mean is a monotone step function of it).
 */
export function generateDemo(
  seed: number,
  orgs: readonly DemoOrg[],
  specs: readonly DemoEditionSpec[] = demoEditionSpecs(),
  options: { forced?: Record<string, Record<number, ParticipantStatus>> } = {},
): DemoData {
  const sorted = [...orgs].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const steps = Math.max(...specs.map((s) => s.step)) + 1;
  const editions: DemoEditionData[] = [];
  const units: UnitState[] = sorted.map((org) => ({ org, latent: latentFor(seed, org, steps), noise: new Float64Array(0), fresh: new Float64Array(0), itemSeeds: new Uint32Array(0), itemNoise: new Float64Array(0) }));

  specs.forEach((spec, specIndex) => {
    const plans = itemPlans(seed, spec.framework);
    for (const u of units) {
      u.noise = new Float64Array(plans.length);
      u.fresh = new Float64Array(plans.length);
      u.itemSeeds = new Uint32Array(plans.length);
      u.itemNoise = new Float64Array(plans.length);
      plans.forEach((p, i) => {
        const h = hash32(`${seed}|${u.org.code}|${p.item.code}`);
        u.noise[i] = mulberryAt(h, 0);
        u.itemSeeds[i] = (h ^ 0x5bd1e995) >>> 0;
        u.fresh[i] = mulberryAt(h, 1 + spec.step);
        // Most of an answer's noise persists from year to year; about one answer in six is re-drawn.
        const uN = u.fresh[i]! < 1 / 6 ? (u.noise[i]! * 7.31 + spec.step * 0.618) % 1 : u.noise[i]!;
        u.itemNoise[i] = 0.9 * logit(uN);
      });
    }
    const status = statuses(units, spec, spec.step);
    // Named demo agencies (the ones with demo accounts) get a fixed status, so the README can promise what they see.
    units.forEach((u, i) => {
      const f = options.forced?.[u.org.code]?.[spec.yearBe];
      if (f) status[i] = f;
    });
    const dimIdx = new Map<string, number[]>();
    plans.forEach((p, i) => dimIdx.set(p.dimension, [...(dimIdx.get(p.dimension) ?? []), i]));
    const shifts = new Map<string, number>();
    const calibration: DemoCalibration[] = [];
    for (const level of ['department', 'provincial_unit'] as const) {
      const members = units.filter((u, i) => LEVEL_OF(u.org) === level && status[i] === 'submitted');
      for (const d of spec.framework.dimensions) {
        const target = spec.targets[level][d.code]!;
        const idx = dimIdx.get(d.code)!;
        // The last value is kept: the calibration record asks again for the shift the search ended on.
        let last: { shift: number; mean: number } | null = null;
        const mean = (shift: number) => {
          if (last?.shift === shift) return last.mean;
          const m = members.reduce((s, u) => s + dimensionScore(d, answerDimension(seed, u, plans, idx, d.code, shift, spec.step)), 0) / Math.max(1, members.length);
          last = { shift, mean: m };
          return m;
        };
        // Illinois (regula falsi) on a bracket that holds every shift seen in practice; bisection steps if it stalls.
        let a = -5;
        let b = 5;
        let fa = mean(a) - target;
        let fb = mean(b) - target;
        let shift = 0;
        let side = 0;
        for (let it = 0; it < 40; it++) {
          shift = fa === fb ? (a + b) / 2 : b - (fb * (b - a)) / (fb - fa);
          if (!(shift > a && shift < b)) shift = (a + b) / 2;
          const f = mean(shift) - target;
          if (Math.abs(f) < 0.002 || b - a < 1e-6) break;
          if (f * fb > 0) {
            b = shift;
            fb = f;
            if (side === 1) fa /= 2;
            side = 1;
          } else {
            a = shift;
            fa = f;
            if (side === -1) fb /= 2;
            side = -1;
          }
        }
        shifts.set(`${level}|${d.code}`, shift);
        calibration.push({ level, dimension: d.code, target, achieved: mean(shift), shift });
      }
    }

    const responses: DemoResponse[] = units.map((u, i) => {
      const st = status[i]!;
      if (st === 'not_started') return { code: u.org.code, status: st, answers: {}, evidence: [] };
      const level = LEVEL_OF(u.org);
      let answers: Record<string, AnswerValue> = {};
      for (const d of spec.framework.dimensions) Object.assign(answers, answerDimension(seed, u, plans, dimIdx.get(d.code)!, d.code, shifts.get(`${level}|${d.code}`)!, spec.step));
      if (st === 'in_progress') {
        // Part-way through: the first dimensions answered, the rest not yet.
        const r = streamFor(seed, 'progress', u.org.code, spec.yearBe);
        const keep = new Set(spec.framework.dimensions.slice(0, 1 + r.int(5)).flatMap((d) => dimensionItemList(d).map((it) => it.code)));
        answers = Object.fromEntries(Object.entries(answers).filter(([k]) => keep.has(k)));
      }
      const evidence = plans.filter((p) => p.item.requiresEvidence && p.item.code in answers && claims(answers[p.item.code]!)).map((p) => p.item.code);
      return { code: u.org.code, status: st, answers, evidence };
    });
    editions.push({ yearBe: spec.yearBe, framework: spec.framework, responses, calibration });
    void specIndex;
  });
  return { seed, editions };
}

/** Engine units of one generated edition (submitted questionnaires; uploaded evidence counts as accepted). */
export function demoUnits(data: DemoData, orgs: readonly DemoOrg[], yearBe: number): UnitInput[] {
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const e = data.editions.find((x) => x.yearBe === yearBe)!;
  return e.responses
    .filter((r) => r.status === 'submitted')
    .map((r) => {
      const o = byCode.get(r.code)!;
      return { id: r.code, attributes: { level: o.level, ministry: o.ministry, province: o.province, serves_public: o.servesPublic, org_type: o.orgType }, answers: r.answers, evidenceAccepted: r.evidence };
    });
}
