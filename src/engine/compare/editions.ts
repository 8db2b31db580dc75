// Year-over-year change: both editions are re-scored on the crosswalk's comparable items only, then differenced.
import { AppError } from '../../shared/errors.js';
import type { Dimension, Framework, Item, UnitInput } from '../framework/types.js';
import { ENGINE_VERSION } from '../results.js';
import { scoreEdition, type ScoreOptions } from '../scoring/edition.js';

export interface ComparedScores {
  overall: number | null;
  /** Comparable dimensions only. */
  dimensions: Record<string, number | null>;
}

export interface UnitChange {
  id: string;
  previous: ComparedScores;
  current: ComparedScores;
  /** current − previous, on the current framework's output scale; null where either side is null. */
  change: ComparedScores;
}

export interface EditionComparison {
  engineVersion: string;
  previous: { id: string; version: string; fingerprint: string };
  current: { id: string; version: string; fingerprint: string };
  /** The comparable item pairs used. */
  items: { current: string; previous: string }[];
  /** Dimension codes present in both restricted frameworks. */
  dimensions: string[];
  /** Units present in both editions, sorted by id. */
  units: UnitChange[];
  onlyPrevious: string[];
  onlyCurrent: string[];
  /** Mean change over units present in both. */
  meanChange: ComparedScores;
}

/**
 * Keeps the comparable items. Items that only gate a comparable item (visibleIf targets) stay with weight 0 so
 * visibility is unchanged; a gate that ends up alone in its group is dropped, and so is the condition on it.
 */
function restrict(fw: Framework, comparable: Set<string>): Framework {
  const all = new Map<string, Item>();
  fw.dimensions.forEach((d) => [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((s) => s.items)].forEach((it) => all.set(it.code, it)));
  const keep = new Set(comparable);
  for (const code of comparable) {
    let t = all.get(code)?.visibleIf?.item;
    while (t && !keep.has(t)) {
      keep.add(t);
      t = all.get(t)?.visibleIf?.item;
    }
  }
  const keepItems = (items: Item[] | undefined): Item[] => {
    const kept = (items ?? []).filter((it) => keep.has(it.code)).map((it) => (comparable.has(it.code) ? it : ({ ...it, weight: 0 } as Item)));
    return kept.some((it) => comparable.has(it.code)) ? kept : [];
  };
  const dims: Dimension[] = [];
  for (const d of fw.dimensions) {
    if (d.subdimensions?.length) {
      const subs = d.subdimensions.map((s) => ({ ...s, items: keepItems(s.items) })).filter((s) => s.items.length > 0);
      if (subs.length) dims.push({ ...d, subdimensions: subs, items: undefined });
    } else {
      const items = keepItems(d.items);
      if (items.length) dims.push({ ...d, items });
    }
  }
  const present = new Set<string>();
  dims.forEach((d) => [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((s) => s.items)].forEach((it) => present.add(it.code)));
  const fix = (items: Item[]): Item[] => items.map((it) => (it.visibleIf && !present.has(it.visibleIf.item) ? ({ ...it, visibleIf: undefined } as Item) : it));
  const fixed = dims.map((d) => (d.subdimensions ? { ...d, subdimensions: d.subdimensions.map((s) => ({ ...s, items: fix(s.items) })) } : { ...d, items: fix(d.items ?? []) }));
  const codes = new Set(fixed.map((d) => d.code));
  return {
    ...fw,
    dimensions: fixed,
    stages: fw.stages.map((s) => ({ ...s, conditions: s.conditions?.filter((c) => codes.has(c.dimension)) })),
    crosswalk: undefined,
  };
}

/** Drops answers and evidence codes for items the restricted framework does not have. */
function keepAnswers(fw: Framework, units: readonly UnitInput[]): UnitInput[] {
  const codes = new Set<string>();
  fw.dimensions.forEach((d) => [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((s) => s.items)].forEach((it) => codes.add(it.code)));
  return units.map((u) => ({
    ...u,
    answers: Object.fromEntries(Object.entries(u.answers ?? {}).filter(([k]) => codes.has(k))),
    evidenceAccepted: u.evidenceAccepted?.filter((c) => codes.has(c)),
  }));
}

/**
 * Compares two editions using only the current framework's crosswalk. Each edition is scored with its own
 * framework restricted to its side of the comparable items (so each keeps its own scoring rules and weights).
 */
export function compareEditions(
  previous: { framework: Framework; units: readonly UnitInput[] },
  current: { framework: Framework; units: readonly UnitInput[] },
  options: Pick<ScoreOptions, 'missing' | 'sha256'> = {},
): EditionComparison {
  const cw = current.framework.crosswalk;
  const fail = (en: string, th: string): never => {
    throw new AppError('VALIDATION_FAILED', { detail: en }, [{ path: 'crosswalk', th, en }]);
  };
  if (!cw) return fail('The current framework has no crosswalk to the previous edition', 'กรอบการประเมินปีนี้ไม่มีตารางเทียบกับปีก่อน');
  if (cw.previous.id !== previous.framework.id || cw.previous.version !== previous.framework.version)
    fail(
      `The crosswalk points to ${cw.previous.id} ${cw.previous.version}, not ${previous.framework.id} ${previous.framework.version}`,
      `ตารางเทียบอ้างถึง ${cw.previous.id} ${cw.previous.version} ไม่ใช่ ${previous.framework.id} ${previous.framework.version}`,
    );
  const prevCodes = new Set<string>();
  const walk = (fw: Framework, f: (it: Item) => void): void => fw.dimensions.forEach((d) => [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((s) => s.items)].forEach(f));
  walk(previous.framework, (it) => {
    if (it.kind !== 'text') prevCodes.add(it.code);
  });
  const pairs = Object.entries(cw.items).map(([cur, prev]) => ({ current: cur, previous: prev }));
  for (const pr of pairs)
    if (!prevCodes.has(pr.previous))
      fail(`Crosswalk item ${pr.current} maps to ${pr.previous}, which is not a scored item of the previous edition`, `ข้อ ${pr.current} ถูกเทียบกับข้อ ${pr.previous} ซึ่งไม่มีคะแนนในกรอบปีก่อน`);
  if (pairs.length === 0) fail('The crosswalk lists no comparable items', 'ตารางเทียบไม่มีข้อที่เทียบกันได้');

  const curFw = restrict(current.framework, new Set(pairs.map((pr) => pr.current)));
  const prevFw = restrict(previous.framework, new Set(pairs.map((pr) => pr.previous)));
  const curRes = scoreEdition(curFw, keepAnswers(curFw, current.units), { ...options, itemDetail: false, guidance: false });
  const prevRes = scoreEdition(prevFw, keepAnswers(prevFw, previous.units), { ...options, itemDetail: false, guidance: false });
  const prevScale = prevFw.scale === '0-1' ? 1 : 100;
  const curScale = curFw.scale === '0-1' ? 1 : 100;
  const toCur = (x: number | null): number | null => (x === null ? null : (x / prevScale) * curScale);
  const dims = curFw.dimensions.map((d) => d.code).filter((c) => prevFw.dimensions.some((d) => d.code === c));
  const prevById = new Map(prevRes.units.map((u) => [u.id, u]));
  const curIds = new Set(curRes.units.map((u) => u.id));
  const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);
  const unitsOut: UnitChange[] = [];
  for (const cu of curRes.units) {
    const pu = prevById.get(cu.id);
    if (!pu) continue;
    const prev: ComparedScores = { overall: toCur(pu.overall), dimensions: Object.fromEntries(dims.map((d) => [d, toCur(pu.dimensions[d] ?? null)])) };
    const cur: ComparedScores = { overall: cu.overall, dimensions: Object.fromEntries(dims.map((d) => [d, cu.dimensions[d] ?? null])) };
    unitsOut.push({
      id: cu.id,
      previous: prev,
      current: cur,
      change: { overall: diff(cur.overall, prev.overall), dimensions: Object.fromEntries(dims.map((d) => [d, diff(cur.dimensions[d]!, prev.dimensions[d]!)])) },
    });
  }
  const meanOf = (xs: (number | null)[]): number | null => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
  };
  return {
    engineVersion: ENGINE_VERSION,
    previous: { id: previous.framework.id, version: previous.framework.version, fingerprint: prevRes.fingerprint },
    current: { id: current.framework.id, version: current.framework.version, fingerprint: curRes.fingerprint },
    items: pairs,
    dimensions: dims,
    units: unitsOut,
    onlyPrevious: prevRes.units.map((u) => u.id).filter((id) => !curIds.has(id)),
    onlyCurrent: curRes.units.map((u) => u.id).filter((id) => !prevById.has(id)),
    meanChange: {
      overall: meanOf(unitsOut.map((u) => u.change.overall)),
      dimensions: Object.fromEntries(dims.map((d) => [d, meanOf(unitsOut.map((u) => u.change.dimensions[d] ?? null))])),
    },
  };
}
