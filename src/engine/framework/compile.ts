// Flattens a validated framework into index arrays so scoring loops run over typed arrays, not nested objects.
import type { Aggregation, Dimension, Framework, Item, Normalisation } from './types.js';
import { assertValidFramework } from './validate.js';

export interface CompiledItem {
  item: Item;
  code: string;
  /** Column in the scored-item matrices. */
  col: number;
  dim: number;
  group: number;
  weight: number;
  norm: Normalisation;
  /** Code of the item whose answer decides this item's visibility, or null. */
  visibleIfTarget: string | null;
}

/** A set of items aggregated together: a sub-dimension, or the direct items of a dimension. */
export interface CompiledGroup {
  code: string | null;
  dim: number;
  weight: number;
  cols: number[];
}

export interface CompiledDimension {
  code: string;
  def: Dimension;
  weight: number;
  aggregation: Aggregation;
  groups: number[];
  cols: number[];
  hasSubdimensions: boolean;
}

export interface CompiledFramework {
  fw: Framework;
  /** Scored items (everything but text), in framework order. */
  items: CompiledItem[];
  /** Every item (text items too) by code. */
  allItems: Map<string, Item>;
  byCode: Map<string, CompiledItem>;
  groups: CompiledGroup[];
  dims: CompiledDimension[];
  dimAggregation: Aggregation;
  /** 100 or 1. */
  scaleMax: number;
  /** Item codes (scored or not) in an order where every visibleIf target comes before its dependants. */
  visibilityOrder: string[];
  /** Option code → points, per choice item (fast lookups while scoring thousands of units). */
  optionPoints: Map<string, Map<string, number>>;
}

const w = (x: number | undefined): number => (x === undefined ? 1 : x);

/** Validates (throwing FRAMEWORK_INVALID) and compiles. */
export function compileFramework(fw: Framework): CompiledFramework {
  assertValidFramework(fw);
  const items: CompiledItem[] = [];
  const allItems = new Map<string, Item>();
  const groups: CompiledGroup[] = [];
  const dims: CompiledDimension[] = [];
  const defaultNorm: Normalisation = fw.normalisation ?? { method: 'none' };
  fw.dimensions.forEach((d, di) => {
    const cd: CompiledDimension = {
      code: d.code,
      def: d,
      weight: w(d.weight),
      aggregation: d.aggregation ?? fw.aggregation.items,
      groups: [],
      cols: [],
      hasSubdimensions: !!d.subdimensions?.length,
    };
    const addGroup = (code: string | null, weight: number, list: Item[]): void => {
      const g: CompiledGroup = { code, dim: di, weight, cols: [] };
      const gi = groups.length;
      for (const it of list) {
        allItems.set(it.code, it);
        if (it.kind === 'text') continue;
        const ci: CompiledItem = {
          item: it,
          code: it.code,
          col: items.length,
          dim: di,
          group: gi,
          weight: w(it.weight),
          norm: it.normalisation ?? defaultNorm,
          visibleIfTarget: it.visibleIf?.item ?? null,
        };
        g.cols.push(ci.col);
        cd.cols.push(ci.col);
        items.push(ci);
      }
      if (g.cols.length > 0) {
        groups.push(g);
        cd.groups.push(gi);
      }
    };
    if (d.subdimensions?.length) for (const s of d.subdimensions) addGroup(s.code, w(s.weight), s.items);
    else addGroup(null, 1, d.items ?? []);
    dims.push(cd);
  });
  // Topological order of visibility (validation guarantees no cycles).
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (code: string): void => {
    if (done.has(code)) return;
    done.add(code);
    const t = allItems.get(code)?.visibleIf?.item;
    if (t) visit(t);
    order.push(code);
  };
  for (const code of allItems.keys()) visit(code);
  return {
    fw,
    items,
    allItems,
    byCode: new Map(items.map((i) => [i.code, i])),
    groups,
    dims,
    dimAggregation: fw.aggregation.dimensions,
    scaleMax: fw.scale === '0-1' ? 1 : 100,
    visibilityOrder: order,
    optionPoints: new Map(
      [...allItems.values()]
        .filter((it) => it.kind === 'single_choice' || it.kind === 'multi_choice')
        .map((it) => [it.code, new Map((it as { options: { code: string; points: number }[] }).options.map((o) => [o.code, o.points]))]),
    ),
  };
}
