// Benchmark of the scoring engine: 2,000 units × 150 items, and 1,000 Monte Carlo iterations over 2,000 units.
import { resourceUsage } from 'node:process';
import { runRobustness, scoreEdition } from '../src/engine/index.js';
import { syntheticFramework, syntheticUnits } from './synthetic.js';

const fw = syntheticFramework(25, 6);
const units = syntheticUnits(fw, 2000, 42);
const ms = (t0: number): string => `${(performance.now() - t0).toFixed(0)} ms`;

// Warm-up so the JIT has compiled the hot loops, as it would have in a running server.
scoreEdition(fw, units.slice(0, 200));

let t0 = performance.now();
const res = scoreEdition(fw, units);
console.log(`score 2,000 units × 150 items (full result: ranks, guidance, statistics, quality, fingerprint): ${ms(t0)}`);
t0 = performance.now();
scoreEdition(fw, units, { itemDetail: false, guidance: false });
console.log(`score 2,000 units × 150 items without per-item detail and guidance: ${ms(t0)}`);
t0 = performance.now();
const rob = runRobustness(fw, units, { iterations: 1000, seed: 7 });
console.log(`robustness: 1,000 Monte Carlo iterations over 2,000 units: ${ms(t0)}`);
console.log(`  (mean overall ${res.segments[0]!.overall.mean!.toFixed(2)}; ${rob.unstablePairs.length} of 1,999 adjacent pairs not robust)`);
const mu = process.memoryUsage();
console.log(`memory: peak RSS ${(resourceUsage().maxRSS / 1024).toFixed(0)} MiB, heap used now ${(mu.heapUsed / 1048576).toFixed(0)} MiB`);
