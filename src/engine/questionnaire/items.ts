// Walks a framework document: every item with the dimension it belongs to, looked up by code.
import type { Framework, Item } from '../framework/types.js';

export interface LocatedItem {
  item: Item;
  dimensionCode: string;
  subdimensionCode: string | null;
  /** Position in questionnaire order, from 0. */
  order: number;
}

export function frameworkItems(fw: Framework): LocatedItem[] {
  const out: LocatedItem[] = [];
  for (const d of fw.dimensions) {
    for (const item of d.items ?? []) out.push({ item, dimensionCode: d.code, subdimensionCode: null, order: out.length });
    for (const s of d.subdimensions ?? []) {
      for (const item of s.items) out.push({ item, dimensionCode: d.code, subdimensionCode: s.code, order: out.length });
    }
  }
  return out;
}

export function itemIndex(fw: Framework): Map<string, LocatedItem> {
  return new Map(frameworkItems(fw).map((l) => [l.item.code, l]));
}

/** Items agencies answer in the questionnaire (indicators are supplied per unit by DGA, not answered). */
export function isAnswerable(item: Item): boolean {
  return item.kind !== 'indicator';
}

/** Items that carry points (text items never do; indicators are not answered by agencies). */
export function isScoredQuestion(item: Item): boolean {
  return item.kind === 'yes_no' || item.kind === 'single_choice' || item.kind === 'multi_choice' || item.kind === 'number';
}
