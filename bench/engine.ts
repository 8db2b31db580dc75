// Benchmark of the scoring engine: 2,000 units × 150 items, and 1,000 Monte Carlo iterations over 2,000 units.
// Prints the median wall-clock and CPU time of several runs (CPU time is the fairer figure on a shared, loaded
// machine), each run's figures for the headline, the load average around each measurement, and peak memory.
// Every timed run scores from the raw inputs: nothing is cached between runs.
import { loadavg } from 'node:os';
import { cpuUsage, memoryUsage, resourceUsage } from 'node:process';
import { prepareEdition, runRobustness, scoreEdition } from '../src/engine/index.js';
import { nativeSha256 } from '../src/server/native-sha256.js';
import { numberArg } from './support.js';
import { syntheticFramework, syntheticUnits } from './synthetic.js';

const fw = syntheticFramework(25, 6);
const units = syntheticUnits(fw, 2000, 42);
const RUNS = numberArg('runs', 9);
// As the server and the command line score: with Node's native SHA-256 for the fingerprint (same digest).
const sha256 = nativeSha256;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function time(label: string, f: () => unknown, runs = RUNS, perRun = false): void {
  const walls: number[] = [];
  const cpus: number[] = [];
  const load0 = loadavg()[0]!;
  for (let i = 0; i < runs; i++) {
    const c0 = cpuUsage();
    const t0 = performance.now();
    f();
    walls.push(performance.now() - t0);
    const c = cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const ms = (x: number): string => `${x.toFixed(0)} ms`;
  console.log(
    `${label}\n    ${runs} runs: median wall ${ms(median(walls))}, median CPU ${ms(median(cpus))} ` +
      `(fastest: wall ${ms(Math.min(...walls))}, CPU ${ms(Math.min(...cpus))}); load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
  );
  if (perRun) console.log(`    each run, wall/CPU ms: ${walls.map((w, i) => `${w.toFixed(0)}/${cpus[i]!.toFixed(0)}`).join(' ')}`);
}

// Warm-up so the JIT has compiled the hot loops, as it would have in a running server.
scoreEdition(fw, units.slice(0, 300), { sha256 });
scoreEdition(fw, units, { sha256 });
runRobustness(fw, units.slice(0, 300), { iterations: 50, sha256 });

console.log(`synthetic data: ${units.length} units × ${fw.dimensions.reduce((s, d) => s + (d.items?.length ?? 0), 0)} items, 6 dimensions, seed 42, answers as the server passes them (every item in framework order, null when unanswered); ${loadavg().map((x) => x.toFixed(1)).join(' ')} load average`);
// The headline: inputs → the complete result object the server stores (every unit's item detail, dimension and
// sub-dimension scores, overall, stage, peer ranks and percentiles, weakest items and dimensions with their
// recommendations, next-stage guidance; segments, quality checks, fingerprint). Reading every unit's items inside the
// timed region keeps it honest should item detail ever become lazy again. Target: median wall below 200 ms.
time(
  'score 2,000 × 150, inputs → complete result (item detail, scores, stage, ranks, percentiles, weakest items, guidance, segments, quality, fingerprint)',
  () => {
    const res = scoreEdition(fw, units, { sha256 });
    for (const u of res.units) if (u.items!.length !== 150) throw new Error('item detail missing');
    return res;
  },
  RUNS,
  true,
);
const sparse = syntheticUnits(fw, 2000, 42, 'sparse');
scoreEdition(fw, sparse, { sha256 });
time('  the same, answers given as sparse records (only answered items, added key by key: hash-table objects)', () => scoreEdition(fw, sparse, { sha256 }));
time('score, without per-item detail and next-stage guidance', () => scoreEdition(fw, units, { itemDetail: false, guidance: false, sha256 }));
time('  of which validation, item points, normalisation, aggregation and fingerprint', () => prepareEdition(fw, units, { sha256 }));
time('robustness, 1,000 iterations (dimension and sub-dimension weights ±25 %, arithmetic/geometric, 3 normalisations)', () => runRobustness(fw, units, { iterations: 1000, seed: 7, sha256 }), 3);
time('robustness, 1,000 iterations, item weights perturbed too (full re-aggregation each iteration)', () => runRobustness(fw, units, { iterations: 1000, seed: 7, perturb: 'all', sha256 }), 1);
const mu = memoryUsage();
console.log(`memory: peak RSS ${(resourceUsage().maxRSS / 1024).toFixed(0)} MiB; heap used at end ${(mu.heapUsed / 1048576).toFixed(0)} MiB`);
