// The shipped framework is complete, bilingual, internally consistent, and its previous edition and crosswalk line up.
import { describe, expect, it } from 'vitest';
import {
  FRAMEWORK_TAGS,
  NEW_IN_2562,
  defaultFramework,
  dimensionItems,
  frameworkItems,
  previousFramework,
} from '../../src/engine/framework/default/index.js';
import type { AnswerValue, Framework, I18nText, Item, UnitInput } from '../../src/engine/framework/types.js';
import { validateFramework } from '../../src/engine/framework/validate.js';
import { scoreEdition } from '../../src/engine/scoring/edition.js';

const THAI = /[\u0E00-\u0E7F]/;
const LATIN = /[A-Za-z]/;

const items = frameworkItems(defaultFramework);
const scored = items.filter((i) => i.kind !== 'text');

/** Every I18nText reachable from a framework, with a path for the failure message. */
function texts(framework: Framework): [string, I18nText][] {
  const out: [string, I18nText][] = [['title', framework.title]];
  for (const d of framework.dimensions) {
    out.push([`${d.code}.name`, d.name]);
    if (d.description) out.push([`${d.code}.description`, d.description]);
    for (const s of d.subdimensions ?? []) out.push([`${s.code}.name`, s.name]);
    for (const i of dimensionItems(d)) {
      out.push([`${i.code}.text`, i.text]);
      if (i.help) out.push([`${i.code}.help`, i.help]);
      if (i.recommendation) out.push([`${i.code}.recommendation`, i.recommendation]);
      if ((i.kind === 'number' || i.kind === 'indicator') && i.unit) out.push([`${i.code}.unit`, i.unit]);
      if (i.kind === 'single_choice' || i.kind === 'multi_choice')
        for (const o of i.options) out.push([`${i.code}.${o.code}`, o.label]);
    }
  }
  for (const s of framework.stages) {
    out.push([`stage.${s.code}.name`, s.name]);
    if (s.description) out.push([`stage.${s.code}.description`, s.description]);
  }
  return out;
}

function visibleIfProblems(framework: Framework): string[] {
  const all = frameworkItems(framework);
  const byCode = new Map(all.map((i) => [i.code, i]));
  const position = new Map(all.map((i, n) => [i.code, n]));
  const problems: string[] = [];
  for (const item of all) {
    if (!item.visibleIf) continue;
    const parent = byCode.get(item.visibleIf.item);
    if (!parent) {
      problems.push(`${item.code}: unknown parent ${item.visibleIf.item}`);
      continue;
    }
    if ((position.get(parent.code) ?? 0) >= (position.get(item.code) ?? 0)) problems.push(`${item.code}: parent comes after`);
    const eq = item.visibleIf.equals;
    if (parent.kind === 'yes_no' && typeof eq !== 'boolean') problems.push(`${item.code}: yes/no parent needs a boolean`);
    if ((parent.kind === 'single_choice' || parent.kind === 'multi_choice') && !parent.options.some((o) => o.code === eq))
      problems.push(`${item.code}: option ${String(eq)} not in ${parent.code}`);
  }
  return problems;
}

describe('default framework', () => {
  it('validates with no problems, as does the previous edition', () => {
    expect(validateFramework(defaultFramework)).toEqual([]);
    expect(validateFramework(previousFramework)).toEqual([]);
  });

  it('has the fixed identity and settings', () => {
    expect(defaultFramework.id).toBe('dga-readiness');
    expect(defaultFramework.version).toBe('2562.1');
    expect(defaultFramework.scale).toBe('0-100');
    expect(defaultFramework.missing).toEqual({ rule: 'zero' });
    expect(defaultFramework.aggregation.items.method).toBe('arithmetic');
    expect(defaultFramework.aggregation.dimensions.method).toBe('arithmetic');
    expect(defaultFramework.normalisation?.method).toBe('none');
    expect(defaultFramework.peerGroups).toEqual(['level', 'ministry', 'province', 'serves_public', 'org_type', 'all']);
  });

  it('has the six DGA dimensions in order, with equal weight, 20–30 items and 2–4 sub-dimensions each', () => {
    expect(defaultFramework.dimensions.map((d) => d.code)).toEqual(['P', 'C', 'S', 'B', 'I', 'T']);
    expect(defaultFramework.dimensions.map((d) => d.name.th)).toEqual([
      'แนวนโยบายและหลักปฏิบัติ',
      'ศักยภาพเจ้าหน้าที่ภาครัฐด้านดิจิทัล',
      'บริการภาครัฐ',
      'การบริหารจัดการรูปแบบดิจิทัล',
      'โครงสร้างพื้นฐานที่มีความมั่นคงปลอดภัยและมีประสิทธิภาพ',
      'เทคโนโลยีดิจิทัลและการนำไปใช้',
    ]);
    for (const d of defaultFramework.dimensions) {
      expect(d.weight ?? 1).toBe(1);
      expect(d.subdimensions?.length).toBeGreaterThanOrEqual(2);
      expect(d.subdimensions?.length).toBeLessThanOrEqual(4);
      const n = dimensionItems(d).length;
      expect(n, d.code).toBeGreaterThanOrEqual(20);
      expect(n, d.code).toBeLessThanOrEqual(30);
    }
    expect(items.length).toBeGreaterThanOrEqual(140);
    expect(items.length).toBeLessThanOrEqual(155);
  });

  it('uses unique codes that follow the dimension / sub-dimension / item pattern', () => {
    const codes = items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of defaultFramework.dimensions)
      for (const s of d.subdimensions ?? []) {
        expect(s.code).toMatch(new RegExp(`^${d.code}\\d$`));
        for (const i of s.items) expect(i.code).toMatch(new RegExp(`^${s.code}\\.\\d{2}$`));
      }
  });

  it('writes every text in Thai and in English', () => {
    const bad = texts(defaultFramework).filter(([, t]) => !THAI.test(t.th) || !LATIN.test(t.en) || THAI.test(t.en));
    expect(bad.map(([path]) => path)).toEqual([]);
  });

  it('mixes every question kind, with unscored text items only as a minority', () => {
    const kinds = new Set(items.map((i) => i.kind));
    for (const k of ['yes_no', 'single_choice', 'multi_choice', 'number', 'text']) expect(kinds.has(k as Item['kind'])).toBe(true);
    const textCount = items.length - scored.length;
    expect(textCount).toBeGreaterThanOrEqual(3);
    expect(textCount).toBeLessThanOrEqual(12);
  });

  it('gives every scored item a recommendation, and never one to a text item', () => {
    expect(scored.filter((i) => !i.recommendation).map((i) => i.code)).toEqual([]);
    expect(items.filter((i) => i.kind === 'text' && (i.recommendation || i.requiresEvidence)).map((i) => i.code)).toEqual([]);
  });

  it('keeps points within 0–1 and scoring rules well formed', () => {
    for (const i of scored) {
      if (i.kind === 'single_choice') {
        expect(i.options.length, i.code).toBeGreaterThanOrEqual(3);
        expect(i.options.length, i.code).toBeLessThanOrEqual(5);
        expect(Math.max(...i.options.map((o) => o.points)), i.code).toBe(1);
      }
      if (i.kind === 'single_choice' || i.kind === 'multi_choice') {
        for (const o of i.options) {
          expect(o.points, `${i.code}.${o.code}`).toBeGreaterThanOrEqual(0);
          expect(o.points, `${i.code}.${o.code}`).toBeLessThanOrEqual(1);
        }
        expect(new Set(i.options.map((o) => o.code)).size, i.code).toBe(i.options.length);
      }
      if (i.kind === 'multi_choice') {
        const none = i.options.find((o) => o.code === 'none');
        if (none) expect(none.points).toBe(0);
        const real = i.options.filter((o) => o.code !== 'none');
        if (i.scoring === 'count') expect(i.countForFull ?? i.options.length, i.code).toBeLessThanOrEqual(real.length);
        // Full marks must be reachable.
        if (i.scoring === 'weighted') expect(real.reduce((s, o) => s + o.points, 0), i.code).toBeGreaterThanOrEqual(i.cap ?? 1);
      }
      if (i.kind === 'number') {
        if (i.scoring.type === 'goalposts') expect(i.scoring.high, i.code).toBeGreaterThan(i.scoring.low);
        else {
          const t = i.scoring.thresholds;
          for (let n = 1; n < t.length; n++) {
            expect(t[n]!.min, i.code).toBeGreaterThan(t[n - 1]!.min);
            expect(t[n]!.points, i.code).toBeGreaterThan(t[n - 1]!.points);
          }
          for (const x of t) expect(x.points).toBeGreaterThanOrEqual(0);
          expect(t[t.length - 1]!.points, i.code).toBe(1);
        }
      }
      if (i.kind === 'yes_no' && i.points) {
        expect(i.points.yes).toBeLessThanOrEqual(1);
        expect(i.points.no).toBeGreaterThanOrEqual(0);
      }
      expect([1, 2], i.code).toContain(i.weight ?? 1);
    }
  });

  it('uses only the known tags, each at least once', () => {
    const used = new Set(items.flatMap((i) => i.tags ?? []));
    expect([...used].filter((t) => !(FRAMEWORK_TAGS as readonly string[]).includes(t))).toEqual([]);
    for (const tag of FRAMEWORK_TAGS) expect(used.has(tag), tag).toBe(true);
  });

  it('has the yes/no no-copy item the policy-support award relies on', () => {
    const noCopy = items.filter((i) => i.kind === 'yes_no' && i.tags?.includes('no_copy_policy'));
    expect(noCopy.some((i) => /copies of official documents/i.test(i.text.en))).toBe(true);
  });

  it('asks for evidence on 25–45 % of scored items', () => {
    const share = scored.filter((i) => i.requiresEvidence).length / scored.length;
    expect(share).toBeGreaterThanOrEqual(0.25);
    expect(share).toBeLessThanOrEqual(0.45);
  });

  it('has a handful of follow-up questions whose parents exist and come first', () => {
    expect(items.filter((i) => i.visibleIf).length).toBeGreaterThanOrEqual(4);
    expect(visibleIfProblems(defaultFramework)).toEqual([]);
  });

  it('weights each yes/no parent at least as much as its scored follow-ups, so answering yes never lowers a score', () => {
    for (const parent of items.filter((i) => i.kind === 'yes_no')) {
      const followers = scored.filter((i) => i.visibleIf?.item === parent.code);
      const followerWeight = followers.reduce((s, i) => s + (i.weight ?? 1), 0);
      expect(parent.weight ?? 1, parent.code).toBeGreaterThanOrEqual(followerWeight);
    }
  });

  it('has four equal stages with the advanced dimension floor', () => {
    expect(defaultFramework.stages.map((s) => [s.code, s.minScore])).toEqual([
      ['initial', 0],
      ['basic', 25],
      ['intermediate', 50],
      ['advanced', 75],
    ]);
    expect(defaultFramework.stages.map((s) => s.name.th)).toEqual(['ขั้นริเริ่ม', 'ขั้นต้น', 'ขั้นกลาง', 'ขั้นสูง']);
    const advanced = defaultFramework.stages[3]!;
    expect(advanced.conditions?.map((c) => c.dimension).sort()).toEqual(['B', 'C', 'I', 'P', 'S', 'T']);
    expect(advanced.conditions?.every((c) => c.min === 40)).toBe(true);
    for (const s of defaultFramework.stages.slice(0, 3)) expect(s.conditions ?? []).toEqual([]);
  });
});

/** The best (or worst) possible answer to each item, so the scale's ends can be checked through the real engine. */
function answer(item: Item, best: boolean): AnswerValue {
  switch (item.kind) {
    case 'yes_no':
      return best;
    case 'single_choice': {
      const sorted = [...item.options].sort((a, b) => a.points - b.points);
      return (best ? sorted[sorted.length - 1]! : sorted[0]!).code;
    }
    case 'multi_choice':
      return best ? item.options.filter((o) => o.code !== 'none').map((o) => o.code) : item.options.some((o) => o.code === 'none') ? ['none'] : [];
    case 'number': {
      if (!best) return 0;
      const top = item.scoring.type === 'goalposts' ? item.scoring.high : item.scoring.thresholds[item.scoring.thresholds.length - 1]!.min;
      return item.max !== undefined ? Math.min(top, item.max) : top;
    }
    case 'text':
      return best ? 'ตัวอย่าง' : '';
    case 'indicator':
      return 0;
  }
}

function unit(id: string, best: boolean, evidence: boolean): UnitInput {
  return {
    id,
    attributes: { level: 'department', serves_public: true },
    answers: Object.fromEntries(items.map((i) => [i.code, answer(i, best)])),
    evidenceAccepted: evidence ? items.filter((i) => i.requiresEvidence).map((i) => i.code) : [],
  };
}

describe('default framework through the scoring engine', () => {
  const result = scoreEdition(defaultFramework, [unit('best', true, true), unit('best-no-evidence', true, false), unit('worst', false, true)]);
  const byId = new Map(result.units.map((u) => [u.id, u]));

  it('gives full marks and the advanced stage to an agency with the best answer everywhere', () => {
    const best = byId.get('best')!;
    expect(best.overall).toBeCloseTo(100, 6);
    for (const d of defaultFramework.dimensions) expect(best.dimensions[d.code], d.code).toBeCloseTo(100, 6);
    expect(best.stage?.code).toBe('advanced');
  });

  it('gives zero and the initial stage to an agency with the worst answer everywhere', () => {
    const worst = byId.get('worst')!;
    expect(worst.overall).toBeCloseTo(0, 6);
    expect(worst.stage?.code).toBe('initial');
  });

  it('costs points in every dimension when no evidence is accepted', () => {
    const noEvidence = byId.get('best-no-evidence')!;
    for (const d of defaultFramework.dimensions) expect(noEvidence.dimensions[d.code]!, d.code).toBeLessThan(95);
    expect(noEvidence.overall!).toBeGreaterThan(40);
    expect(noEvidence.overall!).toBeLessThan(80);
  });
});

describe('previous edition and crosswalk', () => {
  const previousItems = frameworkItems(previousFramework);
  const previousCodes = new Set(previousItems.map((i) => i.code));
  const crosswalk = defaultFramework.crosswalk!;

  it('shares no objects with the current edition', () => {
    const current = new Set<object>(items);
    expect(previousItems.filter((i) => current.has(i)).map((i) => i.code)).toEqual([]);
  });

  it('is the 2561 edition of the same family, without a crosswalk of its own', () => {
    expect(previousFramework.id).toBe('dga-readiness');
    expect(previousFramework.version).toBe('2561.1');
    expect(previousFramework.crosswalk).toBeUndefined();
    expect(crosswalk.previous).toEqual({ id: 'dga-readiness', version: '2561.1' });
  });

  it('lacks the items that were new in 2562 and keeps codes unique and follow-ups valid', () => {
    expect(NEW_IN_2562.length).toBeGreaterThanOrEqual(8);
    expect(NEW_IN_2562.length).toBeLessThanOrEqual(10);
    for (const code of NEW_IN_2562) expect(previousCodes.has(code), code).toBe(false);
    expect(previousCodes.size).toBe(previousItems.length);
    expect(visibleIfProblems(previousFramework)).toEqual([]);
    expect(texts(previousFramework).filter(([, t]) => !THAI.test(t.th) || !LATIN.test(t.en)).map(([p]) => p)).toEqual([]);
  });

  it('maps comparable current items to existing previous items only', () => {
    const currentCodes = new Set(items.map((i) => i.code));
    const entries = Object.entries(crosswalk.items);
    expect(entries.length).toBeGreaterThan(120);
    for (const [now, before] of entries) {
      expect(currentCodes.has(now), now).toBe(true);
      expect(previousCodes.has(before), before).toBe(true);
    }
    for (const code of NEW_IN_2562) expect(crosswalk.items[code]).toBeUndefined();
    // Items asked on another scale in 2561 are not comparable.
    const byPrevious = new Map(previousItems.map((i) => [i.code, i]));
    for (const [now, before] of entries) {
      const a = items.find((i) => i.code === now)!;
      const b = byPrevious.get(before)!;
      expect(b.kind, now).toBe(a.kind);
      if (a.kind === 'single_choice' && b.kind === 'single_choice') expect(b.options, now).toEqual(a.options);
      if (a.kind === 'number' && b.kind === 'number') expect(b.scoring, now).toEqual(a.scoring);
    }
    // Re-worded and moved items are mapped; changed ones are not.
    expect(crosswalk.items['I1.04']).toBe('I1.04');
    expect(crosswalk.items['T3.01']).toBe('P1.08');
    expect(crosswalk.items['S1.02']).toBeUndefined();
    expect(crosswalk.items['C1.03']).toBeUndefined();
    expect(byPrevious.get('I1.04')!.text.th).not.toBe(items.find((i) => i.code === 'I1.04')!.text.th);
  });
});
