// Autosave of one versioned document (an entry, a score sheet): kept in local storage until the server confirms it.
//
// The questionnaire's AutosaveQueue saves item by item with per-item versions; Digital Local documents carry one
// version for the whole document, so this is the small whole-document counterpart with the same visible states.
// Rules: one save in flight at a time; the latest local copy is written to storage on every change and removed
// only when the server has confirmed exactly that copy; a stale version is a conflict the user resolves, except
// when the server already holds what we sent (a retry after a lost answer), which is simply "saved".
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';

export type DraftStatus = 'saved' | 'saving' | 'offline' | 'error' | 'conflict' | 'locked';

export interface Versioned<T> {
  value: T;
  version: number;
  updatedAt?: string | null;
}

export interface DraftOptions<T> {
  /** localStorage key; include the user and the document so two users on one browser never mix. */
  storageKey: string;
  initial: Versioned<T>;
  /** `requestId` is the same when the same copy is sent again, so the server can answer a retry idempotently. */
  save: (value: T, version: number, requestId: string) => Promise<Versioned<T>>;
  /** Fetches the server's current copy (after a conflict). */
  reload: () => Promise<Versioned<T>>;
  /** False when the document cannot be edited any more (submitted, closed): nothing is sent. */
  enabled: boolean;
  debounceMs?: number;
}

export interface Draft<T> {
  value: T;
  version: number;
  status: DraftStatus;
  /** Changes not yet confirmed by the server. */
  dirty: boolean;
  lastSavedAt: string | null;
  error: ApiError | null;
  /** The server's copy when it differs from ours on a stale version. */
  conflict: Versioned<T> | null;
  /** True when unsaved changes from an earlier visit were restored from this browser. */
  restored: boolean;
  set: (update: (v: T) => T) => void;
  /** Saves now; resolves true when everything is confirmed. */
  flush: () => Promise<boolean>;
  /** The server's version of the confirmed copy right now (after a flush, not as of the last render). */
  currentVersion: () => number;
  /** Why the last save failed, as of now. */
  currentError: () => ApiError | null;
  takeServer: () => void;
  keepMine: () => void;
  /** Replaces the confirmed copy (e.g. after submit answered with a new version). */
  reset: (v: Versioned<T>) => void;
}

interface Stored<T> {
  v: 1;
  baseVersion: number;
  value: T;
}

/** JSON with sorted object keys, so copies that differ only in key order compare equal. */
export function stableJson(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function readStored<T>(key: string): Stored<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const s = JSON.parse(raw) as Stored<T>;
    return s && s.v === 1 && typeof s.baseVersion === 'number' ? s : null;
  } catch {
    return null;
  }
}

function writeStored<T>(key: string, s: Stored<T> | null): void {
  try {
    if (s) window.localStorage.setItem(key, JSON.stringify(s));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage blocked or full: the server copy is still the goal.
  }
}

const CONFLICT_CODES = new Set(['CONFLICT']);
/** Answers meaning nothing more can be saved here (closed, submitted, not open): kept locally, not retried. */
const LOCKED_CODES = new Set(['STATE_FORBIDS', 'DL_ENTRIES_CLOSED', 'DL_ENTRIES_NOT_OPEN', 'DL_JUDGING_NOT_OPEN', 'FORBIDDEN', 'NOT_FOUND']);

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'NETWORK', String((err as Error)?.message ?? err), String((err as Error)?.message ?? err));
}

export function useDraft<T>(opts: DraftOptions<T>): Draft<T> {
  const { storageKey, enabled, debounceMs = 800 } = opts;
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const [init] = useState(() => {
    const stored = enabled ? readStored<T>(storageKey) : null;
    if (!enabled) writeStored(storageKey, null);
    const restored = stored !== null && stableJson(stored.value) !== stableJson(opts.initial.value);
    if (stored && !restored) writeStored(storageKey, null);
    return {
      value: restored ? stored.value : opts.initial.value,
      // A restored copy was made on the version it was based on; if the server moved since, saving it is a conflict.
      base: restored ? stored.baseVersion : opts.initial.version,
      restored,
    };
  });

  const [value, setValue] = useState<T>(init.value);
  const [version, setVersion] = useState(init.base);
  const [status, setStatus] = useState<DraftStatus>(init.restored ? 'saving' : 'saved');
  const [error, setErrorState] = useState<ApiError | null>(null);
  const errorRef = useRef<ApiError | null>(null);
  const setError = (e: ApiError | null) => {
    errorRef.current = e;
    setErrorState(e);
  };
  const [conflict, setConflict] = useState<Versioned<T> | null>(null);
  const [lastSavedAt, setLastSavedAt] = useState<string | null>(opts.initial.updatedAt ?? null);

  // The live state the save loop reads: refs, so a save started before a re-render sees the newest copy.
  const live = useRef({ value: init.value, version: init.base, confirmed: init.restored ? null : stableJson(init.value), sending: false, blocked: false, attempt: 0, requestFor: '', requestId: '' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const waiters = useRef<((ok: boolean) => void)[]>([]);

  const dirtyNow = () => live.current.confirmed !== stableJson(live.current.value);

  const settle = (ok: boolean) => {
    const w = waiters.current;
    waiters.current = [];
    for (const f of w) f(ok);
  };

  const finish = () => {
    writeStored(optsRef.current.storageKey, null);
    setStatus('saved');
    settle(true);
  };

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void send();
    }, ms);
  }, []);

  const send = useCallback(async (): Promise<void> => {
    const l = live.current;
    if (l.sending || l.blocked || !optsRef.current.enabled) return;
    if (!dirtyNow()) {
      setStatus('saved');
      settle(true);
      return;
    }
    l.sending = true;
    setStatus('saving');
    const sent = l.value;
    const sentJson = stableJson(sent);
    if (l.requestFor !== `${l.version}:${sentJson}`) {
      l.requestFor = `${l.version}:${sentJson}`;
      l.requestId = newRequestId();
    }
    try {
      const r = await optsRef.current.save(sent, l.version, l.requestId);
      l.version = r.version;
      l.confirmed = sentJson;
      l.attempt = 0;
      setVersion(r.version);
      setLastSavedAt(r.updatedAt ?? new Date().toISOString());
      setError(null);
    } catch (err) {
      const e = toApiError(err);
      l.sending = false;
      if (CONFLICT_CODES.has(e.code)) {
        // Perhaps our own earlier save whose answer was lost: then the server already holds exactly this copy.
        try {
          const server = await optsRef.current.reload();
          if (stableJson(server.value) === sentJson) {
            l.version = server.version;
            l.confirmed = sentJson;
            setVersion(server.version);
            setLastSavedAt(server.updatedAt ?? null);
            if (dirtyNow()) schedule(0);
            else finish();
            return;
          }
          l.blocked = true;
          setConflict(server);
          setStatus('conflict');
          setError(e);
        } catch (reloadErr) {
          setError(toApiError(reloadErr));
          setStatus('offline');
          schedule(backoff(l.attempt++));
        }
        settle(false);
        return;
      }
      if (e.status === 0 || e.status >= 500 || e.status === 429) {
        setError(e);
        setStatus(e.status === 0 ? 'offline' : 'error');
        schedule(backoff(l.attempt++));
        settle(false);
        return;
      }
      if (LOCKED_CODES.has(e.code) || e.status === 403 || e.status === 404) {
        l.blocked = true;
        setError(e);
        setStatus('locked');
        settle(false);
        return;
      }
      // A refusal (validation): keep the copy locally, show why, and wait for the next change.
      setError(e);
      setStatus('error');
      settle(false);
      return;
    }
    l.sending = false;
    if (dirtyNow()) schedule(0);
    else finish();
  }, []);

  useEffect(() => {
    if (!enabled) return;
    if (init.restored) schedule(0);
    const online = () => {
      live.current.attempt = 0;
      schedule(0);
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [enabled]);

  const set = useCallback(
    (update: (v: T) => T) => {
      const l = live.current;
      const next = update(l.value);
      l.value = next;
      setValue(next);
      writeStored(optsRef.current.storageKey, { v: 1, baseVersion: l.version, value: next });
      if (l.blocked) return;
      setStatus('saving');
      // Batch rather than debounce: steady typing still saves every `debounceMs`.
      if (!timer.current && !l.sending) schedule(debounceMs);
    },
    [debounceMs, schedule],
  );

  const flush = useCallback((): Promise<boolean> => {
    const l = live.current;
    if (!dirtyNow() && !l.sending) return Promise.resolve(true);
    if (l.blocked) return Promise.resolve(false);
    const p = new Promise<boolean>((resolve) => waiters.current.push(resolve));
    if (!l.sending) {
      l.attempt = 0;
      schedule(0);
    }
    return p;
  }, [schedule]);

  const currentVersion = useCallback(() => live.current.version, []);
  const currentError = useCallback(() => errorRef.current, []);

  const takeServer = useCallback(() => {
    const server = conflictRef.current;
    if (!server) return;
    const l = live.current;
    l.value = server.value;
    l.version = server.version;
    l.confirmed = stableJson(server.value);
    l.blocked = false;
    setValue(server.value);
    setVersion(server.version);
    setConflict(null);
    setError(null);
    setStatus('saved');
    writeStored(optsRef.current.storageKey, null);
  }, []);

  const keepMine = useCallback(() => {
    const server = conflictRef.current;
    if (!server) return;
    const l = live.current;
    l.version = server.version;
    l.confirmed = stableJson(server.value);
    l.blocked = false;
    setVersion(server.version);
    setConflict(null);
    setError(null);
    writeStored(optsRef.current.storageKey, { v: 1, baseVersion: server.version, value: l.value });
    schedule(0);
  }, [schedule]);

  const reset = useCallback((v: Versioned<T>) => {
    const l = live.current;
    l.value = v.value;
    l.version = v.version;
    l.confirmed = stableJson(v.value);
    setValue(v.value);
    setVersion(v.version);
    if (v.updatedAt) setLastSavedAt(v.updatedAt);
    setStatus('saved');
    writeStored(optsRef.current.storageKey, null);
  }, []);

  const conflictRef = useRef(conflict);
  conflictRef.current = conflict;

  return {
    value,
    version,
    status,
    dirty: status !== 'saved',
    lastSavedAt,
    error,
    conflict,
    restored: init.restored,
    set,
    flush,
    currentVersion,
    currentError,
    takeServer,
    keepMine,
    reset,
  };
}

function backoff(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** attempt);
}

function newRequestId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
