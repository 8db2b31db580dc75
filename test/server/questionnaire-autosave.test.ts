// The fast autosave: round trips per save counted at the driver, and every guarantee of the general path (sign-in checks included) kept by the one-round-trip save, under races too.
import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { frameworkItems } from '../../src/engine/questionnaire/items.js';
import { buildApp, type AppInstance } from '../../src/server/app.js';
import { as, startHarness, type Harness } from './support/foundation.js';
import { change, createSurvey, expectOk, sampleValue, type Survey } from './support/questionnaire.js';

describe('autosave in one round trip', () => {
  let h: Harness;
  let s: Survey;
  let app: AppInstance;
  let pool: pg.Pool;
  let traced: Kysely<Database>;
  const statements: string[] = [];
  // Items of the mini framework by dimension: P and C have yes/no and choice items.
  let P: { code: string; value: unknown }[];
  let C: { code: string; value: unknown }[];

  beforeAll(async () => {
    h = await startHarness();
    s = await createSurvey(h);
    // A second app on a pool whose every client query is recorded: one entry is one round trip to PostgreSQL.
    pool = new pg.Pool({ connectionString: h.tdb.url, max: 3 });
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
        const q = a[0];
        statements.push((typeof q === 'string' ? q : String((q as { text?: string }).text ?? q)).replace(/\s+/g, ' ').trim());
        return query(...a);
      };
    });
    traced = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    app = await buildApp({ config: h.config, db: traced, clock: h.clock, logger: false, webRoot: null });
    const items = frameworkItems(s.fw);
    P = items.filter((l) => l.dimensionCode === 'P').map((l) => ({ code: l.item.code, value: sampleValue(l.item) }));
    C = items.filter((l) => l.dimensionCode === 'C').map((l) => ({ code: l.item.code, value: sampleValue(l.item) }));
  });
  afterAll(async () => {
    await app.close();
    await traced.destroy();
    await h.close();
  });

  const save = (who: keyof Survey['users'], changes: ReturnType<typeof change>[], on: AppInstance = h.app) =>
    as(on, s.users[who].session, { method: 'PUT', url: s.url('/answers', who === 'otherCoordinator' ? s.other : s.own), payload: { changes } });
  const answer = (item: string, oid = s.own) =>
    h.db.selectFrom('answer').select(['value', 'version', 'last_request_id']).where('edition_id', '=', s.eid).where('organisation_id', '=', oid).where('item_code', '=', item).executeTakeFirst();
  const historyOf = async (item: string, oid = s.own) =>
    (await h.db.selectFrom('answer_history').select(['version', 'value']).where('edition_id', '=', s.eid).where('organisation_id', '=', oid).where('item_code', '=', item).orderBy('version').execute()).map((r) => [r.version, r.value]);
  const totalHistory = async () => (await h.db.selectFrom('answer_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  it('a save of one to three changes is one statement, session check included, with no transaction around it', async () => {
    // The first save of an edition in a process takes the general path (it learns the edition's framework there).
    statements.length = 0;
    expectOk(await save('coordinator', [change(P[0]!.code, P[0]!.value, 0)], app));
    expect(statements.length).toBeGreaterThan(4);
    statements.length = 0;
    const one = expectOk(await save('coordinator', [change(P[0]!.code, null, 1)], app));
    expect(one.results).toEqual([{ item: P[0]!.code, status: 'saved', version: 2, updatedAt: '2026-05-01T03:00:00.000Z' }]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/FROM autosave_in_session\(/);

    statements.length = 0;
    const three = expectOk(await save('coordinator', [change(P[1]!.code, P[1]!.value, 0), change(P[0]!.code, P[0]!.value, 2), change(C[0]!.code, C[0]!.value, 0)], app));
    expect(three.results.map((r: { item: string; status: string; version: number }) => [r.item, r.status, r.version])).toEqual([
      [P[1]!.code, 'saved', 1],
      [P[0]!.code, 'saved', 3],
      [C[0]!.code, 'saved', 1],
    ]);
    expect(statements).toHaveLength(1);
    expect(statements.some((q) => /^(begin|commit)$/i.test(q))).toBe(false);
    expect(await historyOf(P[0]!.code)).toEqual([
      [1, P[0]!.value],
      [2, null],
      [3, P[0]!.value],
    ]);
  });

  it('the first answer of another agency marks it in progress in the same statement', async () => {
    const before = await h.db.selectFrom('participant').select(['status', 'version']).where('edition_id', '=', s.eid).where('organisation_id', '=', s.other).executeTakeFirstOrThrow();
    expect(before.status).toBe('not_started');
    statements.length = 0;
    expectOk(await save('otherCoordinator', [change(P[0]!.code, P[0]!.value, 0)], app));
    expect(statements).toHaveLength(1);
    const after = await h.db.selectFrom('participant').select(['status', 'version', 'first_answer_at']).where('edition_id', '=', s.eid).where('organisation_id', '=', s.other).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'in_progress', version: before.version + 1, first_answer_at: new Date('2026-05-01T03:00:00Z') });
  });

  it('a stale version in a batch: the fresh changes are saved, the stale one answers the current value; the retry of the batch changes nothing', async () => {
    const cur = (await answer(P[1]!.code))!;
    const batch = [change(C[1]!.code, C[1]!.value, 0), change(P[1]!.code, null, cur.version - 1)];
    const res = expectOk(await save('coordinator', batch, app));
    expect(res.results).toEqual([
      { item: C[1]!.code, status: 'saved', version: 1, updatedAt: '2026-05-01T03:00:00.000Z' },
      { item: P[1]!.code, status: 'conflict', current: { value: P[1]!.value, version: cur.version, updatedAt: '2026-05-01T03:00:00.000Z', updatedByName: 'coordinator coord' } },
    ]);
    expect(await answer(P[1]!.code)).toMatchObject({ value: P[1]!.value, version: cur.version });
    const rows = await totalHistory();
    // The client never saw the reply and sends the same batch again.
    const again = expectOk(await save('coordinator', batch, app));
    expect(again).toEqual(res);
    expect(await totalHistory()).toBe(rows);
  });

  it('a retried one-change save answers saved with the same version and writes nothing', async () => {
    const cur = (await answer(C[0]!.code))!;
    const c = change(C[0]!.code, null, cur.version);
    const first = expectOk(await save('coordinator', [c], app));
    const rows = await totalHistory();
    const retry = expectOk(await save('coordinator', [c], app));
    expect(retry).toEqual(first);
    expect(first.results[0]).toMatchObject({ status: 'saved', version: cur.version + 1 });
    expect(await totalHistory()).toBe(rows);
  });

  it('a wrong value anywhere in the batch: 400 and nothing changed', async () => {
    const cur = (await answer(P[0]!.code))!;
    const rows = await totalHistory();
    const res = await save('coordinator', [change(P[0]!.code, null, cur.version), change(C[1]!.code, 'not-a-valid-value-for-this-item', 1)], app);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details[0].path).toBe('body/changes/1/value');
    expect(await answer(P[0]!.code)).toEqual(cur);
    expect(await totalHistory()).toBe(rows);
    const unknown = await save('coordinator', [change('NOPE.99', true, 0)], app);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].en).toContain('no question "NOPE.99"');
  });

  it('a contributor writes only the assigned dimension, also inside a batch', async () => {
    expectOk(await as(h.app, s.users.coordinator.session, { method: 'PUT', url: s.url('/assignments'), payload: { assignments: [{ dimensionCode: 'C', userId: s.users.contributor.id }] } }));
    const c = (await answer(C[0]!.code))!;
    const p = (await answer(P[0]!.code))!;
    const rows = await totalHistory();
    const refused = await save('contributor', [change(C[0]!.code, C[0]!.value, c.version), change(P[0]!.code, P[0]!.value, p.version)], app);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ path: 'body/changes/1/item', en: 'You are not assigned to dimension P' })]);
    expect(await totalHistory()).toBe(rows);
    expect(await answer(C[0]!.code)).toEqual(c);
    statements.length = 0;
    const ok = expectOk(await save('contributor', [change(C[0]!.code, C[0]!.value, c.version)], app));
    expect(ok.results[0]).toMatchObject({ status: 'saved', version: c.version + 1 });
    expect(statements).toHaveLength(1);
  });

  it('people of one agency saving the same answers at once: no deadlock, no lost update, one history row per version', async () => {
    const items = [P[0]!, P[1]!, C[0]!, C[1]!];
    const base = new Map<string, number>();
    for (const it of items) base.set(it.code, (await answer(it.code))!.version);
    const who: ('coordinator' | 'head')[] = ['coordinator', 'head'];
    // 24 batches of two to four of the same items in varying order, all on the versions read before: exactly one
    // writer per item can win on each version; the others get conflicts, never an error.
    const batches = Array.from({ length: 24 }, (_, k) => {
      const picked = items.filter((_, j) => (k >> j) % 2 === 0 || j === k % 4);
      const ordered = k % 2 ? picked.reverse() : picked;
      return ordered.map((it) => change(it.code, k % 3 === 0 ? null : it.value, base.get(it.code)!));
    });
    const replies = await Promise.all(batches.map((b, k) => save(who[k % 2]!, b)));
    const saved = new Map<string, number>();
    for (const r of replies) {
      const body = expectOk(r);
      for (const x of body.results as { item: string; status: string; version?: number }[]) if (x.status === 'saved') saved.set(x.item, (saved.get(x.item) ?? 0) + 1);
    }
    for (const it of items) {
      expect(saved.get(it.code)).toBe(1);
      const now = (await answer(it.code))!;
      expect(now.version).toBe(base.get(it.code)! + 1);
      const hist = await historyOf(it.code);
      expect(hist.map(([v]) => v)).toEqual(Array.from({ length: now.version }, (_, i) => i + 1));
      expect(hist.at(-1)![1]).toEqual(now.value);
    }
  });

  /** Runs `lockSql` in a transaction on its own connection, starts the save while that transaction holds the row lock, then commits. */
  async function whileLocked(lockSql: string[], params: unknown[], run: () => Promise<{ statusCode: number; json: () => any }>) {
    const client = new pg.Client({ connectionString: h.tdb.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      for (const q of lockSql) await client.query(q, params);
      const pending = run();
      // The save must be waiting on the row lock before the other transaction commits.
      for (let i = 0; ; i++) {
        const waiting = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (waiting.rows[0].n > 0) break;
        if (i > 200) throw new Error('the save never waited for the lock');
        await new Promise((r) => setTimeout(r, 20));
      }
      await client.query('COMMIT');
      return await pending;
    } finally {
      await client.end();
    }
  }

  it('closing the edition while a save waits: the save is refused with the reason and writes nothing', async () => {
    const cur = (await answer(P[0]!.code))!;
    const rows = await totalHistory();
    // As the edition transition does it: FOR UPDATE first (a plain UPDATE of a non-key column would not wait for KEY SHARE).
    const close = [`SELECT 1 FROM edition WHERE id = $1 FOR UPDATE`, `UPDATE edition SET state = 'closed' WHERE id = $1`];
    const res = await whileLocked(close, [s.eid], () => save('coordinator', [change(P[0]!.code, null, cur.version)], app));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'STATE_FORBIDS', details: [expect.objectContaining({ en: 'The survey edition is closed: answers can no longer be changed' })] });
    expect(await answer(P[0]!.code)).toEqual(cur);
    expect(await totalHistory()).toBe(rows);
    await h.db.updateTable('edition').set({ state: 'open' }).where('id', '=', s.eid).execute();
  });

  it('submitting while a save waits: the save is refused as locked and writes nothing', async () => {
    const cur = (await answer(P[0]!.code))!;
    const rows = await totalHistory();
    const submit = [
      `SELECT 1 FROM participant WHERE edition_id = $1 AND organisation_id = $2 FOR UPDATE`,
      `UPDATE participant SET status = 'submitted', version = version + 1 WHERE edition_id = $1 AND organisation_id = $2`,
    ];
    const res = await whileLocked(submit, [s.eid, s.own], () =>
      save('coordinator', [change(P[0]!.code, null, cur.version)], app),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].en).toBe('The questionnaire has been submitted; answers are locked');
    expect(await answer(P[0]!.code)).toEqual(cur);
    expect(await totalHistory()).toBe(rows);
    await h.db.updateTable('participant').set({ status: 'in_progress' }).where('edition_id', '=', s.eid).where('organisation_id', '=', s.own).execute();
  });

  it('the round trip signs in too: a forged cookie, a wrong or missing CSRF token, an expired session, a deactivated user, a reviewer and another agency are refused as before and write nothing', async () => {
    const cur = (await answer(P[1]!.code))!;
    const rows = await totalHistory();
    const coord = s.users.coordinator.session;
    const payload = { changes: [change(P[1]!.code, null, cur.version)] };
    const put = (headers: Record<string, string>) => app.inject({ method: 'PUT', url: s.url('/answers'), payload, headers });
    const code = (r: { statusCode: number; json: () => any }) => [r.statusCode, r.json().error.code];
    expect(code(await put({ 'x-csrf-token': coord.csrf }))).toEqual([401, 'UNAUTHENTICATED']);
    expect(code(await put({ cookie: 'dgr_session=forged', 'x-csrf-token': coord.csrf }))).toEqual([401, 'UNAUTHENTICATED']);
    expect(code(await put({ cookie: coord.cookie }))).toEqual([403, 'CSRF_INVALID']);
    expect(code(await put({ cookie: coord.cookie, 'x-csrf-token': coord.csrf.slice(0, -2) + 'xx' }))).toEqual([403, 'CSRF_INVALID']);
    // Another agency's coordinator, and a role that does not answer questionnaires: 404 like a missing record.
    const other = s.users.otherCoordinator.session;
    expect(code(await put({ cookie: other.cookie, 'x-csrf-token': other.csrf }))).toEqual([404, 'NOT_FOUND']);
    expect(code(await as(app, s.admin, { method: 'PUT', url: s.url('/answers'), payload }))).toEqual([404, 'NOT_FOUND']);
    const head = s.users.head;
    await h.db.updateTable('app_user').set({ active: false }).where('id', '=', head.id).execute();
    expect(code(await put({ cookie: head.session.cookie, 'x-csrf-token': head.session.csrf }))).toEqual([401, 'UNAUTHENTICATED']);
    await h.db.updateTable('app_user').set({ active: true }).where('id', '=', head.id).execute();
    const sessionId = createHash('sha256').update(coord.cookie.split('=')[1]!).digest('hex');
    const expiresAt = (await h.db.selectFrom('session').select('expires_at').where('id', '=', sessionId).executeTakeFirstOrThrow()).expires_at;
    await h.db.updateTable('session').set({ expires_at: h.clock.now() }).where('id', '=', sessionId).execute();
    expect(code(await put({ cookie: coord.cookie, 'x-csrf-token': coord.csrf }))).toEqual([401, 'UNAUTHENTICATED']);
    await h.db.updateTable('session').set({ expires_at: expiresAt }).where('id', '=', sessionId).execute();
    expect(await answer(P[1]!.code)).toEqual(cur);
    expect(await totalHistory()).toBe(rows);
    // The same request with the right credentials goes through.
    expect(expectOk(await put({ cookie: coord.cookie, 'x-csrf-token': coord.csrf })).results[0]).toMatchObject({ status: 'saved', version: cur.version + 1 });
  });

  it('an invalid body: 401 for a caller without a valid session, 400 with details for a signed-in one', async () => {
    const bad = { changes: [{ item: P[0]!.code, value: true }] };
    const anonymous = await app.inject({ method: 'PUT', url: s.url('/answers'), payload: bad, headers: { cookie: 'dgr_session=forged' } });
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const other = await save('otherCoordinator', bad as never, app);
    expect(other.statusCode).toBe(400);
    const mine = await as(app, s.users.coordinator.session, { method: 'PUT', url: s.url('/answers'), payload: bad });
    expect(mine.statusCode).toBe(400);
    expect(mine.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: expect.arrayContaining([expect.objectContaining({ path: 'body/changes/0/baseVersion' })]) });
  });

  it('refreshes the session\'s last_seen_at once it is five minutes old, as any signed-in request does', async () => {
    const coord = s.users.coordinator.session;
    const sessionId = createHash('sha256').update(coord.cookie.split('=')[1]!).digest('hex');
    const seen = async () => (await h.db.selectFrom('session').select('last_seen_at').where('id', '=', sessionId).executeTakeFirstOrThrow()).last_seen_at;
    const now = h.clock.now().getTime();
    await h.db.updateTable('session').set({ last_seen_at: new Date(now - 4 * 60_000) }).where('id', '=', sessionId).execute();
    const cur = (await answer(P[1]!.code))!;
    statements.length = 0;
    expectOk(await save('coordinator', [change(P[1]!.code, P[1]!.value, cur.version)], app));
    expect(statements).toHaveLength(1);
    expect(await seen()).toEqual(new Date(now - 4 * 60_000));
    await h.db.updateTable('session').set({ last_seen_at: new Date(now - 6 * 60_000) }).where('id', '=', sessionId).execute();
    expectOk(await save('coordinator', [change(P[1]!.code, null, cur.version + 1)], app));
    expect(await seen()).toEqual(new Date(now));
  });
});
