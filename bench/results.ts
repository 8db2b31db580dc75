// Results benchmark on an embedded PostgreSQL: scoring a ~2,000-agency edition end to end (read answers → engine →
// robustness → snapshot stored), one scorecard PDF, the batch of every PDF (ZIP job), the XLSX, and the dashboard and
// scorecard API response times. Run: npx tsx bench/results.ts [--n 2000] [--batch 2000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { openDatabase, migrateToLatest } from '../src/db/database.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { bootstrap } from '../src/server/services/bootstrap.js';
import { executeScoring, requestScoringRun, resolveSnapshot } from '../src/server/services/scoring-runs.js';
import { runNextResultJob } from '../src/server/services/results-jobs.js';
import { requestBatchPdf, resultsXlsx, scorecardPdf } from '../src/server/services/reports.js';
import { findJob } from '../src/server/repositories/results.js';
import { createResultsData } from '../test/helpers/results-data.js';
import { freePort, numberArg, percentile } from './support.js';

const arg = numberArg;
const N = arg('n', 2000);
const BATCH = arg('batch', N);
const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

const pct = percentile;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const s = (x: number) => `${(x / 1000).toFixed(1)} s`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-bench-results-'));
  // The embedded server runs as the postgres user, which must reach its data directory.
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort() });
  const db = openDatabase(pg.url, 10);
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false', ADMIN_PASSWORD: 'bench-admin-password', DATA_DIR: dir, DATABASE_URL: pg.url });
  try {
    await migrateToLatest(db);
    await bootstrap({ config, db, log, print: () => {} });
    const t0 = performance.now();
    const data = await createResultsData({ db, config }, { n: N, seed: 2569, levels: ['department', 'provincial_unit', 'province', 'lao'], evidence: 'repository', concurrency: 6 });
    const setup = performance.now() - t0;
    const n = data.organisations.length;
    console.log(`set-up through the services: ${n} agencies answered, evidence recorded, completed and submitted in ${s(setup)}`);

    // 1. Scoring end to end, through the job queue (request → worker claims → read answers → engine → snapshot).
    const t1 = performance.now();
    const job = await requestScoringRun(data.ctx, data.admin, data.editionId);
    await runNextResultJob(data.ctx);
    const scoring = performance.now() - t1;
    const done = (await findJob(db, job.id))!;
    if (done.state !== 'done') throw new Error(`scoring failed: ${done.error}`);
    const snapshot = await resolveSnapshot(db, data.editionId, done.snapshot_id!, true);
    const bytes = await db.selectFrom('result_unit').select((eb) => eb.fn.sum<number>(eb.fn('pg_column_size', ['result'])).as('b')).where('snapshot_id', '=', snapshot.id).executeTakeFirstOrThrow();
    console.log(`score ${n} agencies end to end (job): ${s(scoring)} (snapshot ${snapshot.fingerprint.slice(0, 19)}…, unit results ${(Number(bytes.b) / 1e6).toFixed(1)} MB in jsonb)`);
    const t2 = performance.now();
    const again = await executeScoring(data.ctx, data.editionId, data.admin.id);
    console.log(`re-run on unchanged inputs: ${s(performance.now() - t2)}, same fingerprint → snapshot reused: ${again.reused}`);

    // 2. One scorecard PDF (service: read snapshot unit → model → PDF), warm.
    const oid = data.organisations[0]!;
    await scorecardPdf(data.ctx, data.admin, data.editionId, oid);
    const one: number[] = [];
    let size = 0;
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const r = await scorecardPdf(data.ctx, data.admin, data.editionId, data.organisations[(i * 97) % n]!);
      one.push(performance.now() - t);
      size += r.pdf.length;
    }
    console.log(`one scorecard PDF: p50 ${ms(pct(one, 50))}, p95 ${ms(pct(one, 95))} (avg ${(size / 20 / 1024).toFixed(0)} KB)`);

    // 3. XLSX of all results.
    const t3 = performance.now();
    const out = new PassThrough();
    let xbytes = 0;
    out.on('data', (c: Buffer) => (xbytes += c.length));
    const rows = await resultsXlsx(data.ctx, data.editionId, snapshot, out);
    console.log(`XLSX of all results: ${rows} rows, ${(xbytes / 1024).toFixed(0)} KB in ${s(performance.now() - t3)}`);

    // 4. API response times (in-process inject, admin session).
    const app = await buildApp({ config, db, logger: false, webRoot: null });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: config.ADMIN_EMAIL, password: 'bench-admin-password' } });
    const cookie = `dgr_session=${login.cookies.find((c) => c.name === 'dgr_session')!.value}`;
    const time = async (url: string, k: number) => {
      const xs: number[] = [];
      for (let i = 0; i < k; i++) {
        const t = performance.now();
        const r = await app.inject({ method: 'GET', url: url.replace('{i}', data.organisations[(i * 31) % n]!), headers: { cookie } });
        if (r.statusCode !== 200) throw new Error(`${url} → ${r.statusCode} ${r.body.slice(0, 200)}`);
        xs.push(performance.now() - t);
      }
      return { p50: pct(xs, 50), p95: pct(xs, 95), bytes: 0 };
    };
    const dash = await time(`/api/editions/${data.editionId}/results/dashboard`, 20);
    const dashBody = await app.inject({ method: 'GET', url: `/api/editions/${data.editionId}/results/dashboard`, headers: { cookie } });
    console.log(`GET dashboard: p50 ${ms(dash.p50)}, p95 ${ms(dash.p95)} (${(dashBody.body.length / 1024).toFixed(0)} KB JSON)`);
    const sc = await time(`/api/editions/${data.editionId}/organisations/{i}/scorecard`, 50);
    console.log(`GET scorecard: p50 ${ms(sc.p50)}, p95 ${ms(sc.p95)}`);
    const runs = await time(`/api/editions/${data.editionId}/scoring-runs`, 20);
    console.log(`GET scoring-runs: p50 ${ms(runs.p50)}, p95 ${ms(runs.p95)}`);
    const prev = (await db.selectFrom('result_snapshot').select('id').where('edition_id', '=', data.editionId).orderBy('seq').execute())[0]!.id;
    const diff = await time(`/api/editions/${data.editionId}/snapshots/diff?from=${prev}&to=${snapshot.id}`, 10);
    console.log(`GET snapshot diff: p50 ${ms(diff.p50)}, p95 ${ms(diff.p95)}`);
    const geo = await time('/api/results/provinces.geojson', 20);
    console.log(`GET provinces.geojson: p50 ${ms(geo.p50)}`);
    await app.close();

    // 5. The batch of every agency's PDF (job with progress, ZIP).
    if (BATCH > 0) {
      const t5 = performance.now();
      const bj = await requestBatchPdf(data.ctx, data.admin, data.editionId, snapshot.id);
      await runNextResultJob(data.ctx);
      const b = (await findJob(db, bj.id))!;
      if (b.state !== 'done') throw new Error(`batch failed: ${b.error}`);
      const zip = fs.statSync(b.output_path!).size;
      const took = performance.now() - t5;
      console.log(`batch of ${b.total} scorecard PDFs into one ZIP: ${s(took)} (${ms(took / b.total)} per agency, ZIP ${(zip / 1e6).toFixed(1)} MB)`);
    }
  } finally {
    await db.destroy();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
