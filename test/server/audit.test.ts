import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { appendAudit, verifyAuditChain, GENESIS_HASH } from '../../src/server/services/audit.js';
import { ADMIN, as, orgIdByCode, signIn, startHarness, type Harness } from './support/foundation.js';

describe('audit log hash chain', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('chains entries from 64 zeros and keeps one chain under concurrent writers', async () => {
    const first = await h.db.selectFrom('audit_log').select(['prev_hash']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    expect(first.prev_hash).toBe(GENESIS_HASH);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(h.db, new Date('2026-05-01T03:00:00Z'), { actorId: null, action: 'test.concurrent', entity: 'test', entityId: String(i), after: { i, nested: { b: 2, a: [1, 'ก'] } } }),
      ),
    );
    const report = await verifyAuditChain(h.db);
    expect(report).toMatchObject({ ok: true, firstBroken: null });
    expect(report.checked).toBeGreaterThanOrEqual(22);
  });

  it('single entries (chained by PostgreSQL at commit) and batches (hashed here) interleave in one chain, even inside transactions', async () => {
    const at = new Date('2026-05-01T04:00:00Z');
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        i % 3 === 0
          ? appendAudit(h.db, at, [0, 1, 2].map((k) => ({ actorId: null, action: 'test.batch', entity: 'test', entityId: `${i}.${k}`, after: { thai: 'ผ่านการตรวจ', k } })))
          : i % 3 === 1
            ? appendAudit(h.db, at, { actorId: null, action: 'test.single', entity: 'test', entityId: String(i), organisationId: null, before: { q: 'a "quoted" \\ value' }, after: { thai: 'หลักฐานครบ' } })
            : h.db.transaction().execute(async (trx) => {
                await appendAudit(trx, at, { actorId: null, action: 'test.in_transaction', entity: 'test', entityId: String(i) });
              }),
      ),
    );
    const rows = await h.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'test').where('at', '=', at).execute();
    expect(rows).toHaveLength(8 * 3 + 8 + 8);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, firstBroken: null });
    // Inside a transaction a single entry is chained while the transaction commits: not in the log before, then in it.
    await h.db.transaction().execute(async (trx) => {
      await appendAudit(trx, at, { actorId: null, action: 'test.at_commit', entity: 'test' });
      expect(await trx.selectFrom('audit_log').select('id').where('action', '=', 'test.at_commit').execute()).toHaveLength(0);
    });
    expect(await h.db.selectFrom('audit_log').select('id').where('action', '=', 'test.at_commit').execute()).toHaveLength(1);
    expect(await h.db.selectFrom('audit_pending').select('id').execute()).toHaveLength(0);
    // A transaction that rolls back leaves neither its entry nor a moved head behind.
    await h.db
      .transaction()
      .execute(async (trx) => {
        await appendAudit(trx, at, { actorId: null, action: 'test.rolled_back', entity: 'test' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('a batch stores and hashes each value as JSON would give it back: Dates, undefined, odd numbers, escapes, class instances', async () => {
    class Money {
      constructor(readonly baht: number) {}
      toJSON() {
        return { baht: this.baht, currency: 'THB' };
      }
    }
    const values: unknown[] = [
      { z: 1, a: { y: [3, 'ข', null], x: undefined }, n: -0, big: 1e21, small: 0.1, e: 5e-7 },
      [1, undefined, { q: 'a "quoted" \\ value\n', t: 'ทดสอบ \u2028' }],
      { when: new Date('2026-05-01T03:00:00Z'), money: new Money(12.5), nan: Number.NaN, inf: Infinity },
      'just text',
      42,
      false,
      {},
      [],
      Object.assign(Object.create(null), { b: 2, a: 1 }),
      undefined,
      null,
    ];
    await appendAudit(h.db, new Date('2026-05-01T04:30:00Z'), values.map((v, i) => ({ actorId: null, action: 'test.encoding', entity: 'test', entityId: `enc.${i}`, before: v, after: { i, v } })));
    const rows = await h.db.selectFrom('audit_log').select(['entity_id', 'before', 'after']).where('action', '=', 'test.encoding').orderBy('id').execute();
    expect(rows.map((r) => r.entity_id)).toEqual(values.map((_, i) => `enc.${i}`));
    rows.forEach((r, i) => {
      const jsonOf = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));
      expect(r.before).toEqual(jsonOf(values[i]));
      expect(r.after).toEqual(jsonOf({ i, v: values[i] }));
    });
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('detects entries removed from the end of the log (the chain head still names the newest hash)', async () => {
    await appendAudit(h.db, new Date('2026-05-01T05:00:00Z'), { actorId: null, action: 'test.tail', entity: 'test', entityId: 'tail' });
    const [last, before] = await h.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(2).execute();
    await sql`DELETE FROM audit_log WHERE id = ${last!.id}`.execute(h.db);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, firstBroken: { id: String(before!.id), reason: 'head' } });
    // Putting the very same row back restores the chain.
    await h.db.insertInto('audit_log').values({ ...last!, before: JSON.stringify(last!.before), after: JSON.stringify(last!.after) }).execute();
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('detects a row altered directly in the database and names the first broken row', async () => {
    const admin = await signIn(h.app, ADMIN.email, ADMIN.password);
    const id = await orgIdByCode(h.db, '07011');
    await as(h.app, admin, { method: 'PATCH', url: `/api/registry/organisations/${id}`, payload: { version: 1, servesPublic: false } });
    await as(h.app, admin, { method: 'PATCH', url: `/api/registry/organisations/${id}`, payload: { version: 2, servesPublic: true } });
    expect((await verifyAuditChain(h.db)).ok).toBe(true);

    const target = await h.db.selectFrom('audit_log').select('id').where('entity_id', '=', id).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await sql`UPDATE audit_log SET after = '{"servesPublic": true}'::jsonb WHERE id = ${target.id}`.execute(h.db);
    const report = await verifyAuditChain(h.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ id: String(target.id), reason: 'hash' });

    // Re-hashing the altered row to hide the edit breaks the link from the next row instead.
    const next = await h.db.selectFrom('audit_log').select('id').where('id', '>', String(target.id)).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await sql`UPDATE audit_log SET hash = repeat('a', 64) WHERE id = ${target.id}`.execute(h.db);
    const again = await verifyAuditChain(h.db);
    expect(again.firstBroken?.id).toBe(String(target.id));
    await sql`DELETE FROM audit_log WHERE id = ${target.id}`.execute(h.db);
    expect((await verifyAuditChain(h.db)).firstBroken).toEqual({ id: String(next.id), reason: 'prev_hash' });
  });
});
