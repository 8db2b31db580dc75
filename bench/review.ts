// Verification benchmark on an embedded PostgreSQL (127.0.0.1 only, bounded): review-queue API p50/p99 for an edition of
// ~2,000 submitted agencies × ~150 answers, and the time to record a decision (p50/p99) under 20 concurrent reviewers
// over real HTTP. Run: npx tsx bench/review.ts [--n 2000] [--reviewers 20] [--seconds 20] [--queue 60]
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { openDatabase, migrateToLatest } from '../src/db/database.js';
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
import { freePort, numberArg, percentile } from './support.js';

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
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort() });
  const db = openDatabase(pg.url, 10);
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false', ADMIN_PASSWORD: 'bench-admin-password', DATA_DIR: dir, DATABASE_URL: pg.url, LOGIN_RATE_LIMIT: '10000', HOST: '127.0.0.1' });
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

    // 2. Decisions: 20 reviewers at once, each opening their next agency's items and deciding them one by one
    //    (as the keyboard UI does: one POST per item), for a fixed time.
    const assignments = await db.selectFrom('review_assignment').select(['organisation_id', 'reviewer_id']).where('edition_id', '=', ed.id).execute();
    const decisionTimes: number[] = [];
    const itemListTimes: number[] = [];
    let errors = 0;
    const deadline = performance.now() + SECONDS * 1000;
    const decisions = ['accepted', 'accepted', 'accepted', 'accepted', 'insufficient'] as const;
    await Promise.all(
      reviewers.map(async (s, r) => {
        const mine = assignments.filter((a) => a.reviewer_id === s.id).map((a) => a.organisation_id);
        let k = r;
        for (const oid of mine) {
          if (performance.now() > deadline) return;
          const list = await get(s, `/api/review/editions/${ed.id}/organisations/${oid}/items`);
          itemListTimes.push(list.ms);
          const items = (JSON.parse(list.body) as { items: { code: string }[] }).items;
          for (const it of items) {
            if (performance.now() > deadline) return;
            const d = decisions[k++ % decisions.length]!;
            const t = performance.now();
            const res = await fetch(`${base}/api/review/editions/${ed.id}/organisations/${oid}/items/${it.code}/decision`, {
              method: 'POST',
              headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
              body: JSON.stringify(d === 'accepted' ? { decision: d } : { decision: d, reasonCode: 'INCOMPLETE', comment: 'ไม่ครบ', internalNote: 'bench' }),
            });
            await res.arrayBuffer();
            if (!res.ok) errors++;
            else decisionTimes.push(performance.now() - t);
          }
        }
      }),
    );
    console.log(
      `record a decision, ${REVIEWERS} concurrent reviewers for ${SECONDS} s: ${decisionTimes.length} decisions (${(decisionTimes.length / SECONDS).toFixed(0)}/s), p50 ${ms(pct(decisionTimes, 50))}, p99 ${ms(pct(decisionTimes, 99))}, errors ${errors}`,
    );
    console.log(`open an agency's items (question, answer, files, previous answer, history) under the same load: p50 ${ms(pct(itemListTimes, 50))}, p99 ${ms(pct(itemListTimes, 99))} over ${itemListTimes.length}`);
    const after: number[] = [];
    for (let i = 0; i < 20; i++) after.push((await get(adminSession, q)).ms);
    console.log(`review queue after the decisions (${decisionTimes.length} item states): p50 ${ms(pct(after, 50))}, p99 ${ms(pct(after, 99))}`);
    console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; audit entries written: ${(await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n}`);
  } finally {
    if (app) await app.close().catch(() => undefined);
    await db.destroy().catch(() => undefined);
    await pg.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
