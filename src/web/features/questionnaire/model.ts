// The questionnaire's client model: sections from the framework, per-item answer store, visibility and validation.
// Pure (no React, no DOM) so the rules can be tested directly.
import type { Framework, Item, I18nText } from '../../../engine/framework/types.js';
import type { AnswerValue, ServerAnswer } from './autosave.js';

export type AskedItem = Exclude<Item, { kind: 'indicator' }>;

export interface Section {
  /** Dimension or sub-dimension code; the anchor of the section. */
  code: string;
  dimensionCode: string;
  name: I18nText;
  /** Set on a sub-dimension: the dimension's name. */
  parentName?: I18nText;
  description?: I18nText;
  items: AskedItem[];
}

export interface Dimensionview {
  code: string;
  name: I18nText;
  sections: Section[];
}

/** Dimensions with their sections (one per sub-dimension, or one for the dimension's own items). */
export function buildSections(framework: Framework): Dimensionview[] {
  return framework.dimensions.map((d) => {
    const sections: Section[] = [];
    const asked = (items: Item[] | undefined) => (items ?? []).filter((i): i is AskedItem => i.kind !== 'indicator');
    if (d.items && d.items.length > 0) {
      sections.push({ code: d.code, dimensionCode: d.code, name: d.name, description: d.description, items: asked(d.items) });
    }
    for (const s of d.subdimensions ?? []) {
      sections.push({ code: s.code, dimensionCode: d.code, name: s.name, parentName: d.name, items: asked(s.items) });
    }
    return { code: d.code, name: d.name, sections: sections.filter((s) => s.items.length > 0) };
  });
}

/** Scored items must be answered (when visible); free-text items are optional. */
export function isRequired(item: AskedItem): boolean {
  return item.kind !== 'text';
}

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export type Getter = (code: string) => AnswerValue | undefined;

/** Visible when the controlling item is itself visible and its answer matches. */
export function isVisible(item: Item, get: Getter, byCode: ReadonlyMap<string, Item>, depth = 0): boolean {
  const cond = item.visibleIf;
  if (!cond) return true;
  if (depth > 20) return false;
  const parent = byCode.get(cond.item);
  if (parent && !isVisible(parent, get, byCode, depth + 1)) return false;
  const v = get(cond.item);
  if (Array.isArray(v)) return typeof cond.equals === 'string' && v.includes(cond.equals);
  return v === cond.equals;
}

/** The controlling items an item's visibility depends on (the whole chain). */
export function visibilityDeps(item: Item, byCode: ReadonlyMap<string, Item>): string[] {
  const deps: string[] = [];
  let cur: Item | undefined = item;
  while (cur?.visibleIf && deps.length < 20) {
    deps.push(cur.visibleIf.item);
    cur = byCode.get(cur.visibleIf.item);
  }
  return deps;
}

export interface NumberCheck {
  value: number | null;
  error: null | { key: 'number.invalid' | 'number.integer' | 'number.min' | 'number.max'; params?: Record<string, number> };
}

/** Parses what was typed in a number field (Thai users may type thousands separators or Thai digits). */
export function parseNumber(raw: string, item: { min?: number; max?: number; integer?: boolean }): NumberCheck {
  const thaiDigits = '๐๑๒๓๔๕๖๗๘๙';
  const s = raw
    .trim()
    .replace(/[๐-๙]/g, (d) => String(thaiDigits.indexOf(d)))
    .replace(/[,\s]/g, '');
  if (s === '') return { value: null, error: null };
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return { value: null, error: { key: 'number.invalid' } };
  const n = Number(s);
  if (!Number.isFinite(n)) return { value: null, error: { key: 'number.invalid' } };
  if (item.integer && !Number.isInteger(n)) return { value: null, error: { key: 'number.integer' } };
  if (item.min !== undefined && n < item.min) return { value: null, error: { key: 'number.min', params: { min: item.min } } };
  if (item.max !== undefined && n > item.max) return { value: null, error: { key: 'number.max', params: { max: item.max } } };
  return { value: n, error: null };
}

/** Choosing "none" clears the others; choosing another option clears "none". */
export function toggleMulti(current: readonly string[], code: string, checked: boolean): string[] {
  if (!checked) return current.filter((c) => c !== code);
  if (code === 'none') return ['none'];
  return [...current.filter((c) => c !== 'none' && c !== code), code];
}

export interface AnswerMeta {
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

/**
 * The answers of one questionnaire, with a subscription per item so a change re-renders only the items that read
 * it (the item itself and items whose visibility depends on it), plus a global "any answer changed" signal.
 */
export class AnswerStore {
  private values = new Map<string, AnswerValue>();
  private meta = new Map<string, AnswerMeta>();
  private itemListeners = new Map<string, Set<() => void>>();
  private allListeners = new Set<() => void>();
  private revision = 0;

  constructor(answers: Record<string, ServerAnswer & { updatedByName?: string | null }> = {}) {
    for (const [code, a] of Object.entries(answers)) {
      this.values.set(code, a.value);
      this.meta.set(code, { version: a.version, updatedAt: a.updatedAt ?? null, updatedByName: a.updatedByName ?? null });
    }
  }

  get = (code: string): AnswerValue | undefined => this.values.get(code);
  getMeta = (code: string): AnswerMeta | undefined => this.meta.get(code);
  getRevision = (): number => this.revision;

  versions(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, m] of this.meta) out[k] = m.version;
    return out;
  }

  set(code: string, value: AnswerValue): void {
    if (this.values.get(code) === value) return;
    this.values.set(code, value);
    this.emit(code);
  }

  setMeta(code: string, meta: Partial<AnswerMeta>): void {
    const prev = this.meta.get(code) ?? { version: 0, updatedAt: null, updatedByName: null };
    this.meta.set(code, { ...prev, ...meta });
    this.emit(code);
  }

  subscribeItem(code: string, listener: () => void): () => void {
    let set = this.itemListeners.get(code);
    if (!set) this.itemListeners.set(code, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  subscribeAll(listener: () => void): () => void {
    this.allListeners.add(listener);
    return () => this.allListeners.delete(listener);
  }

  private emit(code: string): void {
    this.revision++;
    for (const l of this.itemListeners.get(code) ?? []) l();
    for (const l of this.allListeners) l();
  }
}

/** Answered / required counts of a section, counting only visible items. */
export function sectionProgress(section: Section, get: Getter, byCode: ReadonlyMap<string, Item>): { answered: number; total: number } {
  let answered = 0;
  let total = 0;
  for (const item of section.items) {
    if (!isRequired(item) || !isVisible(item, get, byCode)) continue;
    total++;
    if (isAnswered(get(item.code))) answered++;
  }
  return { answered, total };
}

export function indexItems(framework: Framework): Map<string, Item> {
  const m = new Map<string, Item>();
  for (const d of framework.dimensions) {
    for (const i of d.items ?? []) m.set(i.code, i);
    for (const s of d.subdimensions ?? []) for (const i of s.items) m.set(i.code, i);
  }
  return m;
}

export function dimensionOfItem(framework: Framework): Map<string, string> {
  const m = new Map<string, string>();
  for (const d of framework.dimensions) {
    for (const i of d.items ?? []) m.set(i.code, d.code);
    for (const s of d.subdimensions ?? []) for (const i of s.items) m.set(i.code, d.code);
  }
  return m;
}
