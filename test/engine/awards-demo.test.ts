// The default award set on a synthetic edition scored by the real engine (default framework), every winner rechecked.
import { describe, expect, it } from 'vitest';
import {
  awardUnitsFromScoring,
  computeAwards,
  defaultAwardSet,
  groupRobustnessFromScoring,
  PEER_GROUPS,
  type AwardUnit,
  type RuleCategory,
} from '../../src/engine/awards/index.js';
import { defaultFramework, frameworkItems, previousFramework } from '../../src/engine/framework/default/index.js';
import type { AnswerValue, EditionResult, Item, UnitInput, UnitResult } from '../../src/engine/index.js';
import { createRng, runRobustness, scoreEdition } from '../../src/engine/index.js';

const rng = createRng(2566);
const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** An answer whose quality follows the agency's propensity θ (0–1), with some noise. */
function answer(item: Item, theta: number): AnswerValue {
  const q = clamp(theta + (rng.next() - 0.5) * 0.5);
  switch (item.kind) {
    case 'yes_no':
      return rng.next() < theta;
    case 'single_choice': {
      const sorted = [...item.options].sort((a, b) => a.points - b.points);
      return sorted[Math.round(q * (sorted.length - 1))]!.code;
    }
    case 'multi_choice': {
      const chosen = item.options.filter((o) => o.code !== 'none' && rng.next() < theta).map((o) => o.code);
      return chosen.length > 0 ? chosen : item.options.some((o) => o.code === 'none') ? ['none'] : [];
    }
    case 'number': {
      const top = item.scoring.type === 'goalposts' ? item.scoring.high : item.scoring.thresholds[item.scoring.thresholds.length - 1]!.min;
      const low = item.scoring.type === 'goalposts' ? item.scoring.low : 0;
      let v = low + (top - low) * q;
      if (item.max !== undefined) v = Math.min(v, item.max);
      if (item.min !== undefined) v = Math.max(v, item.min);
      return item.integer ? Math.round(v) : v;
    }
    case 'text':
      return '';
    case 'indicator':
      return 100 * q;
  }
}

interface Agency {
  id: string;
  attributes: UnitInput['attributes'];
  theta: number;
  /** Share of items left unanswered. */
  gaps: number;
  evidenceRate: number;
}

function inputs(agencies: Agency[], items: Item[], shift: (a: Agency) => number): UnitInput[] {
  return agencies.map((a) => {
    const theta = clamp(a.theta + shift(a));
    const answers = Object.fromEntries(items.map((i) => [i.code, rng.next() < a.gaps ? null : answer(i, theta)]));
    return {
      id: a.id,
      name: { th: `หน่วยงาน ${a.id}`, en: `Agency ${a.id}` },
      attributes: a.attributes,
      answers,
      evidenceAccepted: items.filter((i) => i.requiresEvidence && rng.next() < a.evidenceRate).map((i) => i.code),
    };
  });
}

const agencies: Agency[] = [];
for (let i = 0; i < 110; i++) {
  const province = i >= 80;
  agencies.push({
    id: `${province ? 'p' : 'd'}${String(i).padStart(3, '0')}`,
    attributes: province
      ? { level: 'province', ministry: 'MOI', province: `TH-${i}`, serves_public: false }
      : { level: 'department', ministry: `M${i % 8}`, serves_public: i % 2 === 0 },
    theta: 0.2 + 0.75 * rng.next(),
    gaps: i % 10 === 0 ? 0.2 : 0.01,
    evidenceRate: i % 7 === 0 ? 0.5 : 0.95,
  });
}
// Previous edition: most agencies were a little lower; some had a bad year; one in ten did not take part.
const gains = new Map(agencies.map((a, i) => [a.id, i % 9 === 0 ? -0.25 : (rng.next() - 0.3) * 0.2]));
const current = inputs(agencies, frameworkItems(defaultFramework), () => 0);
const prevInputs = inputs(
  agencies.filter((_, i) => i % 10 !== 3),
  frameworkItems(previousFramework),
  (a) => -(gains.get(a.id) ?? 0),
);
const result: EditionResult = scoreEdition(defaultFramework, current);
const previous: EditionResult = scoreEdition(previousFramework, prevInputs);
const robust = groupRobustnessFromScoring(runRobustness(defaultFramework, current, { iterations: 150, peerGroup: 'level', seed: 7 }));
const { units, itemTags } = awardUnitsFromScoring({ framework: defaultFramework, inputs: current, result, previous });
const set = defaultAwardSet({ edition: '2566', scale: defaultFramework.scale });
const awards = computeAwards({
  set,
  units,
  itemTags,
  robustness: { overall: { department_service: robust, department_other: robust, province: robust } },
});

// Independent recomputation straight from the scoring result.
const byId = new Map(result.units.map((u) => [u.id, u]));
const prevById = new Map(previous.units.map((u) => [u.id, u]));
const defs = new Map(frameworkItems(defaultFramework).map((i) => [i.code, i]));
const visible = (u: UnitResult) => u.items!.filter((s) => s.status !== 'hidden');
const answered = (s: { status: string }) => s.status === 'answered' || s.status === 'no_evidence';
const completeness = (u: UnitResult) => visible(u).filter(answered).length / visible(u).length;
function evidenceShare(u: UnitResult): number {
  const need = visible(u).filter((s) => answered(s) && defs.get(s.code)!.requiresEvidence);
  const input = current.find((c) => c.id === u.id)!;
  return need.length === 0 ? 1 : need.filter((s) => input.evidenceAccepted!.includes(s.code)).length / need.length;
}
const tagged = (u: UnitResult, tag: string) => visible(u).filter((s) => defs.get(s.code)!.tags?.includes(tag));
const credited = (s: { status: string; raw: number | null }) => (s.status === 'answered' ? s.raw! : 0);

describe('default award set on a scored demo edition', () => {
  it('maps every scored unit and gives every rule category winners', () => {
    expect(units).toHaveLength(110);
    expect(units.filter((u) => u.previous)).toHaveLength(99);
    expect(awards.categories.map((c) => [c.categoryId, c.totalWinners > 0])).toEqual(
      ['dg_award', 'data_governance', 'open_data', 'digital_personnel', 'improvement', 'no_copy_policy'].map((id) => [id, true]),
    );
  });

  it('every winner meets its rule, recomputed independently from the scoring result', () => {
    let checked = 0;
    for (const cat of awards.categories) {
      const rule: RuleCategory = cat.rule;
      for (const g of cat.groups) {
        const members = result.units.filter((u) => g.peerGroups.some((p) => PEER_GROUPS[p].test(units.find((x) => x.id === u.id)!.peer)));
        const eligibleBase = (u: UnitResult) =>
          completeness(u) >= (rule.eligibility.minCompleteness ?? 0) &&
          evidenceShare(u) >= (rule.eligibility.minEvidenceShare ?? 0) &&
          (u.stage?.index ?? -1) >= (rule.eligibility.minStageOrder ?? -1);
        let value: (u: UnitResult) => number | null;
        const c = rule.criterion;
        if (c.kind === 'overall') value = (u) => u.overall;
        else if (c.kind === 'items') value = (u) => {
          const its = tagged(u, c.tags![0]!);
          return its.length === 0 ? null : its.reduce((s, x) => s + credited(x), 0) / its.length;
        };
        else if (c.kind === 'yes_no') value = (u) => {
          const its = tagged(u, c.tag!).filter((s) => defs.get(s.code)!.kind === 'yes_no');
          return its.length === 0 ? null : its.every((s) => s.status === 'answered' && s.raw! > 0) ? 1 : 0;
        };
        else if (c.kind === 'improvement') {
          const both = members.filter((u) => u.overall !== null && prevById.get(u.id)?.overall != null);
          const xs = both.map((u) => prevById.get(u.id)!.overall!);
          const ys = both.map((u) => u.overall!);
          const mx = xs.reduce((a, b) => a + b) / xs.length;
          const my = ys.reduce((a, b) => a + b) / ys.length;
          const b = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
          value = (u) => {
            const p = prevById.get(u.id)?.overall;
            if (p == null || u.overall === null || !(u.overall - p > c.minRawGain!)) return null;
            return u.overall - (my - b * mx + b * p);
          };
        } else throw new Error('unexpected');
        const eligible = members.filter((u) => eligibleBase(u) && value(u) !== null);
        expect(g.eligible).toBe(eligible.length);
        for (const id of g.winners) {
          const u = byId.get(id)!;
          expect(eligibleBase(u)).toBe(true);
          const v = value(u)!;
          expect(g.decisions.find((d) => d.unitId === id)!.value!).toBeCloseTo(v, 8);
          if (g.selection.minValue !== undefined) expect(v).toBeGreaterThanOrEqual(g.selection.minValue - 1e-9);
          if (g.selection.topN !== undefined) {
            const better = eligible.filter((o) => value(o)! > v + 1e-9).length;
            expect(better).toBeLessThan(g.selection.topN);
          }
          checked++;
        }
        // Nobody eligible and left out beats the last winner.
        if (g.winners.length > 0) {
          const last = Math.min(...g.winners.map((id) => value(byId.get(id)!)!));
          for (const o of eligible) if (!g.winners.includes(o.id)) expect(value(o)!).toBeLessThanOrEqual(last + 1e-9);
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('attaches rank intervals from the robustness run and assesses the rank cut-offs', () => {
    const dg = awards.categories.find((c) => c.categoryId === 'dg_award')!;
    for (const g of dg.groups) {
      expect(g.knifeEdge.assessed).toBe(true);
      for (const d of g.decisions.filter((x) => x.won || x.nearMiss)) expect(d.rankInterval).toBeDefined();
    }
  });

  it('improvement candidates carry raw and adjusted gains; the regression slope is below 1', () => {
    const imp = awards.categories.find((c) => c.categoryId === 'improvement')!;
    for (const g of imp.groups) {
      expect(g.regression!.slope).toBeLessThan(1);
      const withPrev = g.decisions.filter((d) => d.improvement);
      expect(withPrev.length).toBeGreaterThan(0);
      for (const d of withPrev) expect(d.improvement!.adjustedGain).not.toBeNull();
    }
  });

  it('units are plain data (storable as JSON)', () => {
    const u: AwardUnit = units[0]!;
    expect(JSON.parse(JSON.stringify(u))).toEqual(u);
  });
});
