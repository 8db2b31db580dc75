// Runs the benchmark scripts one after another (all, or those named) and prints their figures: npm run bench [-- engine results …]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Benchmarks in the order a reader meets the product; each is also runnable alone with `npx tsx bench/<name>.ts`. */
const BENCHMARKS: Record<string, string> = {
  engine: 'scoring engine: 2,000 units × 150 items, 1,000 Monte Carlo iterations, peak memory',
  foundation: 'cold start to /health, authenticated registry search under 50 clients',
  questionnaire: 'autosave p50/p99 at 200 clients, export of 2,000 submissions to XLSX',
  'questionnaire-ui': '150-question form interactive in Chromium, time per click',
  review: 'review queue p99, decision latency under 20 reviewers',
  results: 'scoring a 2,000-agency edition end to end, scorecard PDFs, dashboard API',
  'demo-load': 'demo load time per phase',
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !(a in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
const names = asked.length > 0 ? asked : Object.keys(BENCHMARKS);
let failed = 0;
for (const name of names) {
  console.log(`\n=== ${name}: ${BENCHMARKS[name]}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, `${name}.ts`)], { stdio: 'inherit' });
  console.log(`=== ${name}: ${r.status === 0 ? 'done' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
