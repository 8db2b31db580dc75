// Deciding values of one unit under a criterion, and their Thai/English descriptions for decision reasons.
import type { Criterion, SecondaryCriterion } from './category.js';
import type { AwardItem, AwardUnit, I18nText } from './types.js';

/** Tags of an item for a unit: the unit's own index first, then the edition-wide one. */
export function tagsOf(unit: AwardUnit, code: string, itemTags: Record<string, string[]>): string[] {
  return unit.itemTags?.[code] ?? itemTags[code] ?? [];
}

/** Item codes of the unit selected by tags or codes, sorted. */
export function matchItems(
  unit: AwardUnit,
  sel: { tags?: string[]; codes?: string[] },
  itemTags: Record<string, string[]>,
): string[] {
  const tags = new Set(sel.tags ?? []);
  const codes = new Set(sel.codes ?? []);
  return Object.keys(unit.items)
    .filter((code) => codes.has(code) || tagsOf(unit, code, itemTags).some((t) => tags.has(t)))
    .sort();
}

/** Points that count: 0 when unanswered or when required evidence was not accepted; clamped to 0–1. */
export function effectivePoints(item: AwardItem): number {
  if (!item.answered) return 0;
  if (item.evidenceRequired && !item.evidenceAccepted) return 0;
  return Math.min(1, Math.max(0, Number.isFinite(item.points) ? item.points : 0));
}

/** Mean effective points over the selected items; null when none applies to the unit. */
export function itemSetValue(
  unit: AwardUnit,
  sel: { tags?: string[]; codes?: string[] },
  itemTags: Record<string, string[]>,
): { value: number | null; items: string[] } {
  const items = matchItems(unit, sel, itemTags);
  if (items.length === 0) return { value: null, items };
  const sum = items.reduce((s, c) => s + effectivePoints(unit.items[c]!), 0);
  return { value: sum / items.length, items };
}

/** 1 when every selected yes/no item is yes with evidence accepted where required, 0 otherwise; null when none applies. */
export function yesNoValue(
  unit: AwardUnit,
  c: { tag?: string; code?: string },
  itemTags: Record<string, string[]>,
): { value: number | null; items: string[] } {
  // A tag can also mark related non-yes/no items (e.g. a percentage of services); only the yes/no questions decide.
  const items = matchItems(unit, { tags: c.tag ? [c.tag] : [], codes: c.code ? [c.code] : [] }, itemTags).filter(
    (code) => c.code !== undefined || unit.items[code]!.kind === undefined || unit.items[code]!.kind === 'yes_no',
  );
  if (items.length === 0) return { value: null, items };
  return { value: items.every((code) => effectivePoints(unit.items[code]!) > 0) ? 1 : 0, items };
}

const finite = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Value of a criterion that needs no group context (everything but improvement). */
export function unitValue(
  unit: AwardUnit,
  c: SecondaryCriterion | Exclude<Criterion, { kind: 'improvement' }>,
  itemTags: Record<string, string[]>,
): number | null {
  switch (c.kind) {
    case 'overall':
      return finite(unit.overall);
    case 'dimension':
      return finite(unit.dimensions[c.dimension]);
    case 'items':
      return itemSetValue(unit, c, itemTags).value;
    case 'yes_no':
      return yesNoValue(unit, c, itemTags).value;
    case 'completeness':
      return finite(unit.completeness);
    case 'evidence_share':
      return finite(unit.acceptedEvidenceShare);
  }
}

/** The basis score of an improvement criterion, this edition and the previous one. */
export function improvementBasis(
  unit: AwardUnit,
  basis: 'overall' | { dimension: string },
): { current: number | null; previous: number | null } {
  if (basis === 'overall') return { current: finite(unit.overall), previous: finite(unit.previous?.overall) };
  return {
    current: finite(unit.dimensions[basis.dimension]),
    previous: finite(unit.previous?.dimensions[basis.dimension]),
  };
}

const list = (xs: string[] | undefined): string => (xs ?? []).join(', ');

/** Human description of a criterion, used in every reason. */
export function describeCriterion(c: Criterion | SecondaryCriterion): I18nText {
  switch (c.kind) {
    case 'overall':
      return { th: 'คะแนนความพร้อมภาพรวม', en: 'overall readiness score' };
    case 'dimension':
      return { th: `คะแนนมิติ ${c.dimension}`, en: `score of dimension ${c.dimension}` };
    case 'items': {
      const parts: I18nText[] = [];
      if (c.tags?.length) parts.push({ th: `แท็ก ${list(c.tags)}`, en: `tags ${list(c.tags)}` });
      if (c.codes?.length) parts.push({ th: `ข้อ ${list(c.codes)}`, en: `items ${list(c.codes)}` });
      return {
        th: `คะแนนเฉลี่ยของข้อคำถาม (${parts.map((p) => p.th).join('; ')})`,
        en: `mean item points (${parts.map((p) => p.en).join('; ')})`,
      };
    }
    case 'improvement': {
      const b = c.basis === 'overall' ? { th: 'คะแนนภาพรวม', en: 'overall score' } : { th: `คะแนนมิติ ${c.basis.dimension}`, en: `score of dimension ${c.basis.dimension}` };
      return c.method === 'adjusted'
        ? { th: `พัฒนาการของ${b.th}ที่ปรับตามคะแนนปีก่อน (ส่วนเหลือจากการถดถอย)`, en: `gain in ${b.en} adjusted for the previous score (regression residual)` }
        : { th: `พัฒนาการของ${b.th}เทียบกับปีก่อน`, en: `gain in ${b.en} over the previous edition` };
    }
    case 'yes_no': {
      const ref = c.tag ? `แท็ก ${c.tag}` : `ข้อ ${c.code ?? ''}`;
      const refEn = c.tag ? `tag ${c.tag}` : `item ${c.code ?? ''}`;
      return { th: `ตอบ "ใช่" ในข้อคำถาม ${ref} (พร้อมหลักฐานที่ผ่านการตรวจ)`, en: `answered "yes" to ${refEn} (with accepted evidence where required)` };
    }
    case 'completeness':
      return { th: 'สัดส่วนข้อคำถามที่ตอบ', en: 'share of items answered' };
    case 'evidence_share':
      return { th: 'สัดส่วนหลักฐานที่ผ่านการตรวจ', en: 'share of evidence accepted' };
  }
}

/** Numbers in reasons: at most 3 decimals, no trailing zeros. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return String(Math.round(v * 1000) / 1000);
}
