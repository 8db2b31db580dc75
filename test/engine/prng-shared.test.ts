// Judging's mulberry32 is the engine's createRng: one generator, with the sequences seeded runs already depend on.
import { describe, expect, it } from 'vitest';
import { mulberry32, seedFromString } from '../../src/engine/judging/prng.js';
import { createRng } from '../../src/engine/random.js';

// Computed with the separate judging implementation before it was merged into random.ts.
const PINNED = [601103752, 448290559, 852465793, 669734041, 174813899];
const PINNED_SEED = 2721454652;

describe('one seeded generator', () => {
  it('gives the same sequence through both entry points, pinned to the values recorded before they were merged', () => {
    const a = mulberry32(42);
    const b = createRng(42);
    const seq = Array.from({ length: 5 }, () => a());
    expect(seq).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(seq.map((x) => Math.round(x * 1e9))).toEqual(PINNED);
    expect(seedFromString('contest-2568:1')).toBe(PINNED_SEED);
  });
});
