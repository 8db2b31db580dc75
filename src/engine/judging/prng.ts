// Seeded pseudo-random numbers for reproducible judge assignment (the engine never uses Math.random).
import { createRng } from '../random.js';

/** A generator of numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32, the engine's one seeded generator (random.ts); the same seed always gives the same sequence. */
export function mulberry32(seed: number): Rng {
  return createRng(seed).next;
}

/** A 32-bit seed from a string (FNV-1a), e.g. from the contest id and the assignment round. */
export function seedFromString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
