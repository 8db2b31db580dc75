// Verification benchmark on an embedded PostgreSQL (127.0.0.1 only, bounded): review-queue API p50/p99 for an edition of
// ~2,000 submitted agencies × ~150 answers, and the time to record a decision (p50/p99) under 20 concurrent reviewers
// over real HTTP. Run: npx tsx bench/review.ts [--n 2000] [--reviewers 20] [--seconds 20] [--queue 60]
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../src/db/schema.js';
import type { FastifyBaseLogger } from 'fastify';
import { migrateToLatest } from '../src/db/database.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { bootstrap } from '../src/server/services/bootstrap.js';
import { createEdition, setPopulation, transitionEdition } from '../src/server/services/editions.js';
import { autoAssign } from '../src/server/services/review.js';
import { hashPassword } from '../src/server/services/passwords.js';
import { randomIds, systemClock } from '../src/server/clock.js';
import type { SessionUser } from '../src/server/auth/policy.js';
import type { AppContext } from '../src/server/app.js';
import { createRng } from '../src/engine/random.js';
import { defaultFramework } from '../src/engine/framework/default/index.js';
import { frameworkItems } from '../src/engine/questionnaire/items.js';
import { generateAnswers } from '../test/helpers/results-data.js';
import { freePort, numberArg, percentile, treeCpuSeconds } from './support.js';

const arg = numberArg;
const N = arg('n', 2000);
const REVIEWERS = arg('reviewers', 20);
const SECONDS = arg('seconds', 20);
const QUEUE_REQUESTS = arg('queue', 60);
const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

const pct = percentile;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-bench-review-'));
  fs.chmodSync(dir, 0o755);
  const pgServer = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort() });
  // The server's pool (the production default size), with a statement counter for round trips per request.
  const pool = new pg.Pool({ connectionString: pgServer.url, max: 10 });
  pool.on('error', () => {
    /* idle clients are terminated when the database stops at the end */
  });
  let statements = 0;
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: () => void statements++ });
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false', ADMIN_PASSWORD: 'bench-admin-password', DATA_DIR: dir, DATABASE_URL: pgServer.url, LOGIN_RATE_LIMIT: '10000', HOST: '127.0.0.1' });
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    await migrateToLatest(db);
    await bootstrap({ config, db, log, print: () => {} });
    const adminRow = await db.selectFrom('app_user').select(['id', 'email', 'display_name']).where('role', '=', 'admin').executeTakeFirstOrThrow();
    const admin: SessionUser = { id: adminRow.id, email: adminRow.email, displayName: adminRow.display_name, role: 'admin', organisationId: null, organisation: null, locale: 'th' };
    const ctx: AppContext = { config, db, clock: systemClock, ids: randomIds };

    // Edition and population through the services; the bulk answers and evidence rows go straight in (the
    // questionnaire's own benchmark measures writing them; here only their volume matters).
    const t0 = performance.now();
    const fw = defaultFramework;
    const ed = await createEdition(ctx, admin, { yearBe: 2569, titleTh: 'การสำรวจ 2569', titleEn: 'Survey 2026', frameworkId: fw.id, frameworkVersion: fw.version, opensAt: '2026-05-01T00:00:00Z', closesAt: '2026-06-30T00:00:00Z' });
    const levels = ['department', 'provincial_unit', 'province', 'lao'] as const;
    const count = await db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).where('active', '=', true).where('level', 'in', levels as never).executeTakeFirstOrThrow();
    await setPopulation(ctx, admin, ed.id, { levels: [...levels] }, Number(count.n));
    await transitionEdition(ctx, admin, ed.id, 'open', undefined);
    const orgs = (await db.selectFrom('participant').select('organisation_id').where('edition_id', '=', ed.id).orderBy('organisation_id').limit(N).execute()).map((r) => r.organisation_id);
    const evidenceCodes = new Set(frameworkItems(fw).filter((l) => l.item.requiresEvidence).map((l) => l.item.code));
    const rng = createRng(2569);
    const now = new Date();
    await db.insertInto('evidence_blob').values({ sha256: 'e'.repeat(64), size: 77, mime_type: 'application/pdf', created_at: now }).execute();
    let answerRows = 0;
    let fileRows = 0;
    for (let i = 0; i < orgs.length; i += 50) {
      const answers: { edition_id: string; organisation_id: string; item_code: string; value: string; version: number; updated_by: string; updated_at: Date }[] = [];
      const files: { id: string; edition_id: string; organisation_id: string; item_code: string; sha256: string; filename: string; size: number; mime_type: string; uploaded_by: string; uploaded_at: Date }[] = [];
      for (const oid of orgs.slice(i, i + 50)) {
        const a = generateAnswers(fw, 0.2 + rng.next() * 0.7, rng);
        for (const [code, value] of Object.entries(a)) {
          answers.push({ edition_id: ed.id, organisation_id: oid, item_code: code, value: JSON.stringify(value), version: 1, updated_by: admin.id, updated_at: now });
          if (evidenceCodes.has(code)) files.push({ id: randomUUID(), edition_id: ed.id, organisation_id: oid, item_code: code, sha256: 'e'.repeat(64), filename: `${code}.pdf`, size: 77, mime_type: 'application/pdf', uploaded_by: admin.id, uploaded_at: now });
        }
      }
      await db.insertInto('answer').values(answers).execute();
      await db.insertInto('evidence_file').values(files).execute();
      answerRows += answers.length;
      fileRows += files.length;
    }
    await db.updateTable('participant').set({ status: 'submitted', submitted_at: now }).where('edition_id', '=', ed.id).where('organisation_id', 'in', orgs).execute();
    await transitionEdition(ctx, admin, ed.id, 'closed', undefined);
    await transitionEdition(ctx, admin, ed.id, 'verification', undefined);
    const hash = await hashPassword('bench-reviewer-password');
    const reviewerEmails: string[] = [];
    for (let r = 0; r < REVIEWERS; r++) {
      const email = `reviewer${r}@dga.or.th`;
      reviewerEmails.push(email);
      await db.insertInto('app_user').values({ id: randomUUID(), email, display_name: `ผู้ตรวจ ${r + 1}`, password_hash: hash, role: 'reviewer', organisation_id: null, locale: 'th', active: true }).execute();
    }
    const assigned = await autoAssign(ctx, admin, ed.id);
    await sql`ANALYZE`.execute(db);
    console.log(`set-up: ${orgs.length} submitted agencies, ${answerRows} answers (${(answerRows / orgs.length).toFixed(0)} per agency), ${fileRows} evidence files, ${REVIEWERS} reviewers (${assigned.assigned} assigned, balanced) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    app = await buildApp({ config, db, logger: false, webRoot: null });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
    let ipSeq = 0;
    const login = async (email: string, password: string) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${(ipSeq >> 8) & 255}.${ipSeq++ & 255}` }, body: JSON.stringify({ email, password }) });
      if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dgr_session='))!.split(';')[0]!;
      const body = (await res.json()) as { csrfToken: string; user: { id: string } };
      return { cookie, csrf: body.csrfToken, id: body.user.id };
    };
    const adminSession = await login(config.ADMIN_EMAIL, 'bench-admin-password');
    const get = async (s: { cookie: string }, url: string) => {
      const t = performance.now();
      const res = await fetch(`${base}${url}`, { headers: { cookie: s.cookie } });
      const body = await res.text();
      if (!res.ok) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
      return { ms: performance.now() - t, body };
    };

    // 1. Review queue: the admin's whole-edition view (2,000 agencies, counts over every reviewable item), filtered
    //    views, and a reviewer's own queue. Sequential, after two warm-up requests.
    const q = `/api/review/editions/${ed.id}/queue`;
    await get(adminSession, q);
    await get(adminSession, q);
    const adminTimes: number[] = [];
    let size = 0;
    for (let i = 0; i < QUEUE_REQUESTS; i++) {
      const r = await get(adminSession, `${q}?page=${(i % 5) + 1}`);
      adminTimes.push(r.ms);
      size = r.body.length;
    }
    const filtered: number[] = [];
    for (let i = 0; i < QUEUE_REQUESTS / 2; i++) filtered.push((await get(adminSession, `${q}?dimension=${fw.dimensions[i % fw.dimensions.length]!.code}&status=pending&level=provincial_unit`)).ms);
    const reviewers = await Promise.all(reviewerEmails.map((e) => login(e, 'bench-reviewer-password')));
    const reviewerTimes: number[] = [];
    for (let i = 0; i < QUEUE_REQUESTS / 2; i++) reviewerTimes.push((await get(reviewers[i % reviewers.length]!, q)).ms);
    console.log(`review queue, whole edition as admin (${orgs.length} agencies, ${(size / 1024).toFixed(0)} KB per page of 50): p50 ${ms(pct(adminTimes, 50))}, p99 ${ms(pct(adminTimes, 99))} over ${adminTimes.length} requests`);
    console.log(`review queue, filtered by dimension + status + level: p50 ${ms(pct(filtered, 50))}, p99 ${ms(pct(filtered, 99))}`);
    console.log(`review queue, a reviewer's own (~${Math.round(orgs.length / REVIEWERS)} agencies): p50 ${ms(pct(reviewerTimes, 50))}, p99 ${ms(pct(reviewerTimes, 99))}`);

    // 2. Decisions. A decision is one POST per item (as the keyboard UI does).
    const assignments = await db.selectFrom('review_assignment').select(['organisation_id', 'reviewer_id']).where('edition_id', '=', ed.id).orderBy('organisation_id').execute();
    const decisions = ['accepted', 'accepted', 'accepted', 'accepted', 'insufficient'] as const;
    const decide = async (s: { cookie: string; csrf: string }, oid: string, code: string, d: (typeof decisions)[number]) => {
      const res = await fetch(`${base}/api/review/editions/${ed.id}/organisations/${oid}/items/${code}/decision`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify(d === 'accepted' ? { decision: d } : { decision: d, reasonCode: 'INCOMPLETE', comment: 'ไม่ครบ', internalNote: 'bench' }),
      });
      await res.arrayBuffer();
      return res.ok;
    };
    const itemsOf = async (s: { cookie: string }, oid: string) => {
      const list = await get(s, `/api/review/editions/${ed.id}/organisations/${oid}/items`);
      return { ms: list.ms, codes: (JSON.parse(list.body) as { items: { code: string }[] }).items.map((i) => i.code) };
    };
    const used = new Set<string>();

    // 2a. Cost of one decision with nothing else running: SQL statements (round trips, BEGIN/COMMIT not counted) and
    //     CPU of this process (client + server) and of PostgreSQL, per decision.
    {
      const s = reviewers[0]!;
      const oid = assignments.find((a) => a.reviewer_id === s.id)!.organisation_id;
      used.add(oid);
      const { codes } = await itemsOf(s, oid);
      const n = Math.min(40, codes.length);
      const st0 = statements;
      const cpuAll0 = treeCpuSeconds(process.pid);
      const cpuSelf0 = process.cpuUsage();
      const t = performance.now();
      for (let i = 0; i < n; i++) await decide(s, oid, codes[i]!, decisions[i % decisions.length]!);
      const wall = performance.now() - t;
      const self = process.cpuUsage(cpuSelf0);
      const selfMs = (self.user + self.system) / 1000;
      const allMs = (treeCpuSeconds(process.pid) - cpuAll0) * 1000;
      console.log(
        `one decision alone (${n} in a row): ${ms(wall / n)} each, ${((statements - st0) / n).toFixed(1)} SQL statements, CPU ${ms(selfMs / n)} in Node (client + server) + ${ms(Math.max(0, allMs - selfMs) / n)} in PostgreSQL`,
      );
    }

    // 2b. 20 reviewers at once, each opening their next agency's items and deciding them one by one, for a fixed
    //     time, while a separate connection samples what the server's backends wait on (pg_stat_activity).
    const decisionTimes: number[] = [];
    const itemListTimes: number[] = [];
    let errors = 0;
    const sampler = new pg.Client({ connectionString: pgServer.url });
    sampler.on('error', () => undefined);
    await sampler.connect();
    const waits = new Map<string, number>();
    let samples = 0;
    let poolWaiting = 0;
    let sampling = true;
    const sampleLoop = (async () => {
      while (sampling) {
        const r = await sampler.query<{ w: string; n: number }>(
          `SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') || ' (' || state || ')' AS w, count(*)::int AS n
             FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle' GROUP BY 1`,
        );
        for (const row of r.rows) waits.set(row.w, (waits.get(row.w) ?? 0) + row.n);
        poolWaiting += pool.waitingCount;
        samples++;
        await new Promise((res) => setTimeout(res, 20));
      }
    })();
    const cpuAll0 = treeCpuSeconds(process.pid);
    const cpuSelf0 = process.cpuUsage();
    const st0 = statements;
    const t0d = performance.now();
    const deadline = t0d + SECONDS * 1000;
    await Promise.all(
      reviewers.map(async (s, r) => {
        const mine = assignments.filter((a) => a.reviewer_id === s.id && !used.has(a.organisation_id)).map((a) => a.organisation_id);
        let k = r;
        for (const oid of mine) {
          if (performance.now() > deadline) return;
          const list = await itemsOf(s, oid);
          itemListTimes.push(list.ms);
          for (const code of list.codes) {
            if (performance.now() > deadline) return;
            const t = performance.now();
            if (await decide(s, oid, code, decisions[k++ % decisions.length]!)) decisionTimes.push(performance.now() - t);
            else errors++;
          }
        }
      }),
    );
    const wall = (performance.now() - t0d) / 1000;
    sampling = false;
    await sampleLoop;
    await sampler.end();
    const self = process.cpuUsage(cpuSelf0);
    const selfS = (self.user + self.system) / 1e6;
    const allS = treeCpuSeconds(process.pid) - cpuAll0;
    console.log(
      `record a decision, ${REVIEWERS} concurrent reviewers for ${SECONDS} s: ${decisionTimes.length} decisions (${(decisionTimes.length / wall).toFixed(0)}/s), p50 ${ms(pct(decisionTimes, 50))}, p99 ${ms(pct(decisionTimes, 99))}, errors ${errors}`,
    );
    console.log(`open an agency's items (question, answer, files, previous answer, history) under the same load: p50 ${ms(pct(itemListTimes, 50))}, p99 ${ms(pct(itemListTimes, 99))} over ${itemListTimes.length}`);
    console.log(
      `  CPU over the run: Node (client + server) ${selfS.toFixed(1)} s, PostgreSQL ${Math.max(0, allS - selfS).toFixed(1)} s of ${(wall * os.cpus().length).toFixed(0)} core-seconds; ${((statements - st0) / Math.max(1, decisionTimes.length)).toFixed(1)} statements per decision (item lists included); load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`,
    );
    const waitList = [...waits.entries()].sort((a, b) => b[1] - a[1]).map(([w, n]) => `${w} ${(n / samples).toFixed(2)}`);
    console.log(`  busy server backends, mean per sample (${samples} samples): ${waitList.join(', ')}; requests waiting for a pool connection: ${(poolWaiting / samples).toFixed(2)}`);
    const after: number[] = [];
    for (let i = 0; i < 20; i++) after.push((await get(adminSession, q)).ms);
    console.log(`review queue after the decisions (${decisionTimes.length} item states): p50 ${ms(pct(after, 50))}, p99 ${ms(pct(after, 99))}`);
    console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; audit entries written: ${(await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n}`);
  } finally {
    if (app) await app.close().catch(() => undefined);
    await db.destroy().catch(() => undefined);
    await pgServer.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
