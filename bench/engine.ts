// Benchmark of the scoring engine: 2,000 units × 150 items, and 1,000 Monte Carlo iterations over 2,000 units.
// Prints wall-clock and CPU time (CPU time is the fairer figure on a shared, loaded machine) and peak memory.
import { cpuUsage, memoryUsage, resourceUsage } from 'node:process';
import { prepareEdition, runRobustness, scoreEdition } from '../src/engine/index.js';
import { syntheticFramework, syntheticUnits } from './synthetic.js';

const fw = syntheticFramework(25, 6);
const units = syntheticUnits(fw, 2000, 42);

function time(label: string, f: () => unknown, runs = 3): void {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuUsage();
    const t0 = performance.now();
    f();
    walls.push(performance.now() - t0);
    const c = cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const best = (xs: number[]): string => `${Math.min(...xs).toFixed(0)} ms`;
  console.log(`${label}: best of ${runs}: wall ${best(walls)}, CPU ${best(cpus)}`);
}

// Warm-up so the JIT has compiled the hot loops, as it would have in a running server.
scoreEdition(fw, units.slice(0, 300));
runRobustness(fw, units.slice(0, 300), { iterations: 50 });

console.log(`synthetic data: ${units.length} units × ${fw.dimensions.reduce((s, d) => s + (d.items?.length ?? 0), 0)} items, 6 dimensions, seed 42`);
time('score, full result (item detail, ranks, weakest items, next-stage guidance, segments, quality, fingerprint)', () => scoreEdition(fw, units));
time('score, without per-item detail and next-stage guidance', () => scoreEdition(fw, units, { itemDetail: false, guidance: false }));
time('  of which validation, item points, normalisation, aggregation and fingerprint', () => prepareEdition(fw, units));
time('robustness, 1,000 iterations (dimension and sub-dimension weights ±25 %, arithmetic/geometric, 3 normalisations)', () => runRobustness(fw, units, { iterations: 1000, seed: 7 }), 2);
time('robustness, 1,000 iterations, item weights perturbed too (full re-aggregation each iteration)', () => runRobustness(fw, units, { iterations: 1000, seed: 7, perturb: 'all' }), 1);
const mu = memoryUsage();
console.log(`memory: peak RSS ${(resourceUsage().maxRSS / 1024).toFixed(0)} MiB; heap used at end ${(mu.heapUsed / 1048576).toFixed(0)} MiB`);
