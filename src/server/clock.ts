// Time and id sources the server asks for, so tests can fix them.
import { randomUUID } from 'node:crypto';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(d: Date | string): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = new Date(d).getTime();
    },
  };
}

export interface IdSource {
  uuid(): string;
}

export const randomIds: IdSource = { uuid: () => randomUUID() };

/** Predictable UUIDs (…000000000001, …2, …) for tests. */
export function sequentialIds(prefix = '00000000-0000-4000-8000-'): IdSource {
  let n = 0;
  return { uuid: () => `${prefix}${String(++n).padStart(12, '0')}` };
}
