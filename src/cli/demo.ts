// CLI "demo" (generate the demo editions, print the calibration, write canonical JSON) and "demo-big" (all ~7,850 LAOs for load tests).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { canonicalJson } from '../engine/fingerprint.js';
import { scoreEdition } from '../engine/scoring/edition.js';
import { DEMO_SEED, demoEditionSpecs, demoUnits, generateDemo, streamFor, type DemoOrg } from '../demo/model.js';
import { referencePopulation } from '../demo/population.js';
import { nativeSha256 } from '../server/native-sha256.js';
import { calibratedDimensionWeights } from '../demo/frameworks.js';

interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

const USAGE = `Usage:
  npm run cli -- demo     [--seed S] [--out demo.json]
      Generates the demo editions (2561, 2562, 2563) on the reference population, scores them with the engine and
      prints each level's means against DGA's published figures. --out writes the generated data as canonical JSON
      (same seed → same bytes).
  npm run cli -- demo-big [--seed S] [--out-dir DIR]
      A load-test population: the demo's 1,843 agencies plus all 7,852 local administrative organisations (DLA,
      2020-06-05 counts by type, spread over the 76 provinces). Writes DIR/lao-registry.csv (the registry's LAO
      import format: POST /api/registry/lao-import), DIR/units-2562.json (engine units) and DIR/framework-2562.json,
      for "npm run cli -- score --framework DIR/framework-2562.json --data DIR/units-2562.json" and benchmarks.`;

function args(argv: string[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`Unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    if (eq > 0) o[a.slice(2, eq)] = a.slice(eq + 1);
    else o[a.slice(2)] = argv[++i] ?? '';
  }
  return o;
}

function seedOf(o: Record<string, string>): number {
  const s = o.seed === undefined ? DEMO_SEED : Number(o.seed);
  if (!Number.isInteger(s)) throw new Error(`--seed must be an integer, not "${o.seed}"`);
  return s;
}

const LAO_TYPES: { type: string; th: string; en: string; count: number }[] = [
  { type: 'city_municipality', th: 'เทศบาลนคร', en: 'City Municipality', count: 30 },
  { type: 'town_municipality', th: 'เทศบาลเมือง', en: 'Town Municipality', count: 190 },
  { type: 'subdistrict_municipality', th: 'เทศบาลตำบล', en: 'Subdistrict Municipality', count: 2242 },
  { type: 'sao', th: 'องค์การบริหารส่วนตำบล', en: 'Subdistrict Administrative Organisation', count: 5312 },
];

/** 7,852 LAOs: the 76 PAOs and 2 special LAOs of the registry plus 7,774 generated municipalities and SAOs. */
export function bigLaoPopulation(seed: number, provinces: string[]): { orgs: DemoOrg[]; csv: string } {
  const rows: string[] = ['code,name_th,name_en,lao_type,province'];
  const orgs: DemoOrg[] = [];
  for (const p of provinces) orgs.push({ code: `LAO-PAO-${p}`, level: 'lao', ministry: null, province: p, orgType: 'pao', servesPublic: true });
  for (const t of LAO_TYPES) {
    // No per-province counts were published; spread each type over the provinces with seeded weights.
    const r = streamFor(seed, 'lao-spread', t.type);
    const w = provinces.map(() => 0.5 + r.next());
    const total = w.reduce((a, b) => a + b, 0);
    const n = w.map((x) => Math.floor((x / total) * t.count));
    for (let k = 0; n.reduce((a, b) => a + b, 0) < t.count; k++) n[k % n.length]!++;
    provinces.forEach((p, i) => {
      for (let j = 1; j <= n[i]!; j++) {
        const code = `DEMO-${t.type.toUpperCase().slice(0, 3)}-${p}-${String(j).padStart(3, '0')}`;
        rows.push(`${code},${t.th}ตัวอย่าง ${p}-${j} (สาธิต),Demo ${t.en} ${p}-${j},${t.type},${p}`);
        orgs.push({ code, level: 'lao', ministry: null, province: p, orgType: t.type, servesPublic: true });
      }
    });
  }
  return { orgs, csv: `${rows.join('\n')}\n` };
}

export async function demoCommand(argv: string[], io: Io): Promise<number> {
  let o: Record<string, string>;
  try {
    o = args(argv);
  } catch (e) {
    io.err(`Error: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if ('help' in o) {
    io.out(USAGE);
    return 0;
  }
  let seed: number;
  try {
    seed = seedOf(o);
  } catch (e) {
    io.err(`Error: ${(e as Error).message}`);
    return 2;
  }
  const t0 = Date.now();
  const base = referencePopulation();
  if (argv[0] === 'demo-big') {
    const provinces = [...new Set(base.filter((x) => x.level === 'provincial_unit').map((x) => x.province!))].sort();
    const big = bigLaoPopulation(seed, provinces);
    const orgs = [...base.filter((x) => x.level !== 'lao'), ...big.orgs, ...base.filter((x) => x.level === 'lao')];
    const specs = demoEditionSpecs().filter((s) => s.yearBe === 2562);
    const data = generateDemo(seed, orgs, specs);
    const units = demoUnits(data, orgs, 2562);
    const dir = resolve(io.cwd, o['out-dir'] ?? '.');
    writeFileSync(resolve(dir, 'lao-registry.csv'), big.csv);
    writeFileSync(resolve(dir, 'units-2562.json'), canonicalJson(units));
    writeFileSync(resolve(dir, 'framework-2562.json'), JSON.stringify(specs[0]!.framework, null, 2));
    const laos = orgs.filter((x) => x.level === 'lao').length;
    io.out(`demo-big seed ${seed}: ${orgs.length} organisations (${laos} LAOs), ${units.length} submitted questionnaires, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    io.out(`Wrote ${resolve(dir, 'lao-registry.csv')}, ${resolve(dir, 'units-2562.json')} and ${resolve(dir, 'framework-2562.json')}`);
    io.out(`Score them: npm run cli -- score --framework ${resolve(dir, 'framework-2562.json')} --data ${resolve(dir, 'units-2562.json')} --out results.csv`);
    return 0;
  }
  if (argv[0] !== 'demo') {
    io.err(USAGE);
    return 2;
  }
  const data = generateDemo(seed, base);
  io.out(`Demo data, seed ${seed}: ${base.length} organisations, generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  io.out(`Dimension weights (closest to equal that reproduce DGA's 51.09): ${Object.entries(calibratedDimensionWeights()).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const e of data.editions) {
    const res = scoreEdition(e.framework, demoUnits(data, base, e.yearBe), { itemDetail: false, guidance: false, sha256: nativeSha256 });
    const counts: Record<string, number> = {};
    for (const r of e.responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
    io.out(`\n${e.yearBe} (${e.framework.version}): ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const s of res.segments.filter((x) => x.key === 'level' && x.value !== 'lao')) {
      const dims = Object.entries(s.dimensions).map(([k, v]) => `${k} ${v.mean?.toFixed(2)}`).join('  ');
      const stages = s.stages.map((x) => `${x.code} ${x.percent.toFixed(1)}%`).join(', ');
      io.out(`  ${s.value.padEnd(16)} n ${String(s.n).padStart(4)}  overall ${s.overall.mean?.toFixed(2)} (sd ${s.overall.sd?.toFixed(1)})  ${dims}\n  ${''.padEnd(16)} stages: ${stages}`);
    }
  }
  if (o.out) {
    const file = resolve(io.cwd, o.out);
    writeFileSync(file, canonicalJson(data));
    io.out(`\nWrote ${file}`);
  }
  return 0;
}
