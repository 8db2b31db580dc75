// Autosave queue: every answer change is kept in local storage until the server confirms it, sent in batches, retried.
//
// Pure and DOM-free (storage, transport and timers are injected) so it can be tested without a browser.
// Ordering rule: one batch is in flight at a time and, after a failure that may or may not have reached the server,
// that same batch (same requestIds) is re-sent before anything newer. The server answers "saved" again for a
// requestId it already applied, so a lost response never turns into a conflict with our own write.

export type AnswerValue = boolean | string | string[] | number | null;

export interface Change {
  item: string;
  value: AnswerValue;
  /** Version of the answer this change was made on; 0 = no answer yet. */
  baseVersion: number;
  requestId: string;
}

export interface ServerAnswer {
  value: AnswerValue;
  version: number;
  updatedAt: string;
  updatedByName?: string | null;
}

export type SaveResult =
  | { item: string; status: 'saved'; version: number; updatedAt: string }
  | { item: string; status: 'conflict'; current: ServerAnswer };

/** What the transport throws: an HTTP status (0 = no answer), a catalogue code and per-change details. */
export interface TransportError {
  status: number;
  code: string;
  message?: string;
  details?: readonly { path: string; th: string; en: string }[];
}

export interface Transport {
  send(changes: Change[]): Promise<SaveResult[]>;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'error' | 'locked';

export interface Conflict {
  item: string;
  /** The value this user wanted to save. */
  mine: AnswerValue;
  /** The answer now on the server (someone else's). */
  server: ServerAnswer;
}

export interface Rejection {
  item: string;
  th: string;
  en: string;
}

export interface AutosaveSnapshot {
  status: SaveStatus;
  /** Changes not yet confirmed by the server (queued, in flight, or held by a conflict). */
  unconfirmed: number;
  conflicts: readonly Conflict[];
  rejections: readonly Rejection[];
  /** The last error when status is 'error' or 'locked'. */
  error: TransportError | null;
  lastSavedAt: string | null;
}

export interface AutosaveOptions {
  storageKey: string;
  storage: KeyValueStore | null;
  transport: Transport;
  timers?: Timers;
  newId?: () => string;
  debounceMs?: number;
  maxBatch?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** 0–1, for jitter on the backoff; injected in tests. */
  random?: () => number;
  /** Called when the server confirms a change (the store records the new version). */
  onSaved?: (item: string, version: number, updatedAt: string) => void;
  /** Called when a conflict is resolved by taking the server's answer (the store shows it). */
  onTakeServer?: (item: string, answer: ServerAnswer) => void;
}

interface Persisted {
  v: 1;
  inflight: Change[];
  pending: Change[];
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

function defaultId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Network failures, server errors and rate limits are worth retrying; the rest are answers. */
export function isRetryable(e: TransportError): boolean {
  return e.status === 0 || e.status >= 500 || e.status === 429 || e.status === 401 || e.code === 'CSRF_INVALID';
}

export function toTransportError(err: unknown): TransportError {
  const e = err as Partial<TransportError> & { messageEn?: string };
  if (e && typeof e.status === 'number' && typeof e.code === 'string') {
    return { status: e.status, code: e.code, message: e.message ?? e.messageEn, details: e.details ?? [] };
  }
  return { status: 0, code: 'NETWORK', message: String((err as Error)?.message ?? err) };
}

/**
 * The item a validation detail is about: the server names a change by its index ("changes/3/value",
 * "/changes/3", "changes[3]") or by the item code.
 */
export function itemOfDetail(path: string, batch: readonly Change[]): string | null {
  const m = /changes\D{0,2}(\d+)/.exec(path);
  if (m) {
    const c = batch[Number(m[1])];
    if (c) return c.item;
  }
  for (const c of batch) if (path === c.item || path.endsWith(`/${c.item}`) || path.includes(`${c.item}`)) return c.item;
  return null;
}

export class AutosaveQueue {
  private readonly opts: Required<Omit<AutosaveOptions, 'onSaved' | 'onTakeServer' | 'storage'>> & Pick<AutosaveOptions, 'onSaved' | 'onTakeServer' | 'storage'>;
  /** Changes waiting to be sent, at most one per item (the latest). */
  private pending = new Map<string, Change>();
  /** The batch being sent (or to be re-sent after a retryable failure). */
  private inflight: Change[] = [];
  private sending = false;
  /** Server versions as last seen; the base of the next change to an item. */
  private known = new Map<string, number>();
  private conflicts = new Map<string, Conflict>();
  private rejections = new Map<string, Rejection>();
  private lastError: TransportError | null = null;
  private locked = false;
  private attempt = 0;
  private timer: unknown = null;
  private timerIsRetry = false;
  private lastSavedAt: string | null = null;
  private listeners = new Set<() => void>();
  private snapshot: AutosaveSnapshot;
  private disposed = false;

  constructor(options: AutosaveOptions) {
    this.opts = {
      timers: defaultTimers,
      newId: defaultId,
      debounceMs: 400,
      maxBatch: 200,
      backoffBaseMs: 1000,
      backoffMaxMs: 30_000,
      random: Math.random,
      ...options,
    };
    this.snapshot = this.computeSnapshot();
  }

  // ---- reading state ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AutosaveSnapshot => this.snapshot;

  /** True while the item has a change the server has not confirmed. */
  isUnconfirmed(item: string): boolean {
    return this.pending.has(item) || this.inflight.some((c) => c.item === item) || this.conflicts.has(item);
  }

  knownVersion(item: string): number {
    return this.known.get(item) ?? 0;
  }

  // ---- set-up ----

  /**
   * Takes the server's answer versions and returns the locally kept changes not yet confirmed, in the order they
   * must be applied over the server's answers. Those changes are queued to be sent again.
   */
  load(serverVersions: Record<string, number>): Change[] {
    for (const [item, v] of Object.entries(serverVersions)) this.known.set(item, v);
    const stored = this.readStorage();
    if (!stored) return [];
    this.inflight = stored.inflight;
    for (const c of stored.pending) this.pending.set(c.item, c);
    this.publish();
    return [...stored.inflight, ...stored.pending];
  }

  /** Starts sending (again): call once mounted; `stop` pauses without losing anything. */
  start(): void {
    this.disposed = false;
    if (this.inflight.length > 0 || this.pending.size > 0) this.schedule(0);
  }

  stop(): void {
    this.disposed = true;
    this.clearTimer();
  }

  /** Forgets every locally kept change (e.g. the questionnaire is now read-only); returns how many there were. */
  discardAll(): number {
    const n = this.pending.size + this.inflight.length + this.conflicts.size;
    this.pending.clear();
    this.inflight = [];
    this.conflicts.clear();
    this.persist();
    this.publish();
    return n;
  }

  // ---- changes ----

  enqueue(item: string, value: AnswerValue): void {
    if (this.disposed) return;
    const conflict = this.conflicts.get(item);
    if (conflict) {
      // Editing again after seeing the other answer means: keep mine, on top of theirs.
      this.conflicts.delete(item);
      this.known.set(item, conflict.server.version);
    }
    this.rejections.delete(item);
    this.pending.set(item, { item, value, baseVersion: this.knownVersion(item), requestId: this.opts.newId() });
    this.persist();
    this.publish();
    // Batch rather than debounce: the first change starts the clock, so steady typing still saves regularly.
    if (this.timer === null) this.schedule(this.opts.debounceMs);
  }

  resolveConflict(item: string, choice: 'mine' | 'theirs'): void {
    const conflict = this.conflicts.get(item);
    if (!conflict) return;
    this.conflicts.delete(item);
    this.known.set(item, conflict.server.version);
    if (choice === 'mine') {
      this.pending.set(item, { item, value: conflict.mine, baseVersion: conflict.server.version, requestId: this.opts.newId() });
      this.schedule(0);
    } else {
      this.pending.delete(item);
      this.opts.onTakeServer?.(item, conflict.server);
    }
    this.persist();
    this.publish();
  }

  /** Sends now (e.g. before the checklist, or when the browser comes back online). */
  flushNow(): Promise<void> {
    this.clearTimer();
    this.attempt = 0;
    return this.flush();
  }

  /** Resolves when nothing is queued or in flight (conflicts and rejections aside), or when saving is impossible. */
  async settle(maxRounds = 50): Promise<void> {
    for (let i = 0; i < maxRounds; i++) {
      const sendable = [...this.pending.keys()].some((k) => !this.conflicts.has(k));
      if (!sendable && this.inflight.length === 0) return;
      await this.flushNow();
      if (this.lastError || this.locked) return;
    }
  }

  dispose(): void {
    this.stop();
    this.listeners.clear();
  }

  // ---- internals ----

  private schedule(ms: number, retry = false): void {
    if (this.disposed) return;
    this.clearTimer();
    this.timerIsRetry = retry;
    this.timer = this.opts.timers.setTimeout(() => {
      this.timer = null;
      this.timerIsRetry = false;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.opts.timers.clearTimeout(this.timer);
    this.timer = null;
    this.timerIsRetry = false;
  }

  private async flush(): Promise<void> {
    if (this.sending || this.disposed || this.locked) return;
    if (this.inflight.length === 0) {
      const batch: Change[] = [];
      for (const [item, c] of this.pending) {
        if (this.conflicts.has(item)) continue;
        batch.push(c);
        if (batch.length >= this.opts.maxBatch) break;
      }
      if (batch.length === 0) return;
      for (const c of batch) this.pending.delete(c.item);
      this.inflight = batch;
      this.persist();
    }
    this.sending = true;
    this.publish();
    const batch = this.inflight;
    let results: SaveResult[] | null = null;
    let error: TransportError | null = null;
    try {
      results = await this.opts.transport.send(batch);
    } catch (err) {
      error = toTransportError(err);
    }
    this.sending = false;
    if (results) this.applyResults(batch, results);
    else if (error) this.applyError(batch, error);
    this.persist();
    this.publish();
    if (!this.lastError && !this.locked && [...this.pending.keys()].some((k) => !this.conflicts.has(k))) {
      this.schedule(0);
    }
  }

  private applyResults(batch: Change[], results: SaveResult[]): void {
    this.inflight = [];
    this.lastError = null;
    this.attempt = 0;
    const byItem = new Map(results.map((r) => [r.item, r]));
    for (const c of batch) {
      const r = byItem.get(c.item);
      if (!r) {
        // Not answered for: keep it for the next round rather than losing it.
        if (!this.pending.has(c.item)) this.pending.set(c.item, c);
        continue;
      }
      if (r.status === 'saved') {
        this.known.set(c.item, r.version);
        this.lastSavedAt = r.updatedAt;
        const next = this.pending.get(c.item);
        if (next) next.baseVersion = r.version;
        this.opts.onSaved?.(c.item, r.version, r.updatedAt);
      } else {
        const next = this.pending.get(c.item);
        this.known.set(c.item, r.current.version);
        this.conflicts.set(c.item, { item: c.item, mine: next ? next.value : c.value, server: r.current });
        if (next) this.pending.delete(c.item);
      }
    }
  }

  private applyError(batch: Change[], error: TransportError): void {
    if (isRetryable(error)) {
      this.lastError = error;
      const delay = Math.min(this.opts.backoffMaxMs, this.opts.backoffBaseMs * 2 ** this.attempt);
      this.attempt++;
      this.schedule(Math.round(delay * (0.75 + 0.5 * this.opts.random())), true);
      return;
    }
    if (error.code === 'STATE_FORBIDS') {
      // Closed or submitted: nothing can be saved any more. Keep the changes locally so nothing is silently lost.
      this.locked = true;
      this.lastError = error;
      for (const c of batch) if (!this.pending.has(c.item)) this.pending.set(c.item, c);
      this.inflight = [];
      return;
    }
    // A refusal (validation, no access): drop the refused changes and send the rest again.
    this.inflight = [];
    const refused = new Set<string>();
    for (const d of error.details ?? []) {
      const item = itemOfDetail(d.path, batch);
      if (item) {
        refused.add(item);
        this.rejections.set(item, { item, th: d.th, en: d.en });
      }
    }
    if (refused.size === 0) {
      for (const c of batch) {
        refused.add(c.item);
        this.rejections.set(c.item, { item: c.item, th: error.message ?? error.code, en: error.message ?? error.code });
      }
    }
    for (const c of batch) if (!refused.has(c.item) && !this.pending.has(c.item)) this.pending.set(c.item, c);
    this.lastError = null;
  }

  private computeSnapshot(): AutosaveSnapshot {
    const unconfirmed = this.pending.size + this.inflight.length + [...this.conflicts.keys()].filter((k) => !this.pending.has(k)).length;
    let status: SaveStatus;
    if (this.locked) status = 'locked';
    else if (this.lastError && this.lastError.status === 0) status = 'offline';
    else if (this.lastError) status = 'error';
    else if (this.pending.size > 0 || this.inflight.length > 0 || this.sending) status = 'saving';
    else status = 'saved';
    return {
      status,
      unconfirmed,
      conflicts: [...this.conflicts.values()],
      rejections: [...this.rejections.values()],
      error: this.lastError,
      lastSavedAt: this.lastSavedAt,
    };
  }

  private publish(): void {
    this.snapshot = this.computeSnapshot();
    for (const l of this.listeners) l();
  }

  private persist(): void {
    const s = this.opts.storage;
    if (!s) return;
    const pending = [...this.pending.values()];
    // A change held by a conflict is kept too: after a reload it is sent again and the conflict shows again.
    for (const [item, c] of this.conflicts) {
      if (!this.pending.has(item)) pending.push({ item, value: c.mine, baseVersion: 0, requestId: this.opts.newId() });
    }
    try {
      if (pending.length === 0 && this.inflight.length === 0) s.removeItem(this.opts.storageKey);
      else s.setItem(this.opts.storageKey, JSON.stringify({ v: 1, inflight: this.inflight, pending } satisfies Persisted));
    } catch {
      // Storage full or blocked: the server copy is still the goal; nothing more to do here.
    }
  }

  private readStorage(): Persisted | null {
    const s = this.opts.storage;
    if (!s) return null;
    try {
      const raw = s.getItem(this.opts.storageKey);
      if (!raw) return null;
      const p = JSON.parse(raw) as Persisted;
      if (p.v !== 1 || !Array.isArray(p.inflight) || !Array.isArray(p.pending)) return null;
      return p;
    } catch {
      return null;
    }
  }
}
