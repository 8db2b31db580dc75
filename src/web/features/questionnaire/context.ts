// Shared state of one open questionnaire and the per-item subscription hooks that keep re-renders local.
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Item } from '../../../engine/framework/types';
import type { AnswerValue, AutosaveQueue } from './autosave';
import type { EvidenceFile } from './api';
import { isVisible, visibilityDeps, type AnswerMeta, type AnswerStore } from './model';

export interface Upload {
  id: string;
  name: string;
  progress: number;
}

export interface EvidenceState {
  files: EvidenceFile[];
  uploads: Upload[];
  errors: { id: string; text: string }[];
}

const EMPTY_EVIDENCE: EvidenceState = { files: [], uploads: [], errors: [] };

/** Evidence files and uploads in progress, per item, with per-item subscriptions. */
export class EvidenceStore {
  private state = new Map<string, EvidenceState>();
  private listeners = new Map<string, Set<() => void>>();
  private all = new Set<() => void>();

  constructor(initial: Record<string, EvidenceFile[]>) {
    for (const [item, files] of Object.entries(initial)) this.state.set(item, { files, uploads: [], errors: [] });
  }

  get = (item: string): EvidenceState => this.state.get(item) ?? EMPTY_EVIDENCE;
  hasFiles = (item: string): boolean => this.get(item).files.length > 0;
  uploading = (): boolean => [...this.state.values()].some((s) => s.uploads.length > 0);

  update(item: string, fn: (s: EvidenceState) => EvidenceState): void {
    this.state.set(item, fn(this.get(item)));
    for (const l of this.listeners.get(item) ?? []) l();
    for (const l of this.all) l();
  }

  subscribe(item: string, l: () => void): () => void {
    let set = this.listeners.get(item);
    if (!set) this.listeners.set(item, (set = new Set()));
    set.add(l);
    return () => set.delete(l);
  }

  subscribeAll(l: () => void): () => void {
    this.all.add(l);
    return () => this.all.delete(l);
  }
}

export interface QuestionnaireCtx {
  eid: string;
  oid: string;
  store: AnswerStore;
  queue: AutosaveQueue;
  evidence: EvidenceStore;
  byCode: ReadonlyMap<string, Item>;
  myName: string;
  csrfToken: () => string | null;
  uploadMaxMb: number;
  change: (code: string, value: AnswerValue) => void;
}

export const QContext = createContext<QuestionnaireCtx | null>(null);

export function useQ(): QuestionnaireCtx {
  const c = useContext(QContext);
  if (!c) throw new Error('questionnaire context missing');
  return c;
}

export function useItemValue(code: string): AnswerValue | undefined {
  const { store } = useQ();
  const sub = useCallback((cb: () => void) => store.subscribeItem(code, cb), [store, code]);
  return useSyncExternalStore(sub, () => store.get(code));
}

export function useItemMeta(code: string): AnswerMeta | undefined {
  const { store } = useQ();
  const sub = useCallback((cb: () => void) => store.subscribeItem(code, cb), [store, code]);
  return useSyncExternalStore(sub, () => store.getMeta(code));
}

/** Re-renders only when one of the items this item's visibility depends on changes. */
export function useVisible(item: Item): boolean {
  const { store, byCode } = useQ();
  const sub = useCallback(
    (cb: () => void) => {
      const offs = visibilityDeps(item, byCode).map((d) => store.subscribeItem(d, cb));
      return () => offs.forEach((o) => o());
    },
    [store, byCode, item],
  );
  return useSyncExternalStore(sub, () => isVisible(item, store.get, byCode));
}

export function useUnconfirmed(code: string): boolean {
  const { queue } = useQ();
  return useSyncExternalStore(queue.subscribe, () => queue.isUnconfirmed(code));
}

export function useRejection(code: string): { th: string; en: string } | null {
  const { queue } = useQ();
  const r = useSyncExternalStore(queue.subscribe, () => queue.getSnapshot().rejections.find((x) => x.item === code) ?? null);
  return r;
}

export function useEvidence(item: string): EvidenceState {
  const { evidence } = useQ();
  const sub = useCallback((cb: () => void) => evidence.subscribe(item, cb), [evidence, item]);
  return useSyncExternalStore(sub, () => evidence.get(item));
}

/** A value derived from every answer (progress, counts); must return a primitive or a stable reference. */
export function useDerived<T>(fn: () => T): T {
  const { store } = useQ();
  const sub = useCallback((cb: () => void) => store.subscribeAll(cb), [store]);
  return useSyncExternalStore(sub, fn);
}
