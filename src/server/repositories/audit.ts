// SQL for the hash-chained audit log.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  organisation_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/**
 * Locks the chain head until the caller's transaction ends and returns its hash. Under READ COMMITTED a writer that
 * waited gets the head as the previous holder committed it, so concurrent writers extend one chain.
 */
export async function lockChainHead(trx: Kysely<Database>): Promise<string> {
  const r = await sql<{ hash: string }>`SELECT hash FROM audit_chain_head WHERE id = 1 FOR UPDATE`.execute(trx);
  if (!r.rows[0]) throw new Error('audit_chain_head is missing (migrations not applied?)');
  return r.rows[0].hash;
}

export async function setChainHead(trx: Kysely<Database>, prevHash: string, hash: string): Promise<void> {
  await sql`UPDATE audit_chain_head SET prev_hash = ${prevHash}, hash = ${hash} WHERE id = 1`.execute(trx);
}

export async function chainHead(db: Kysely<Database>): Promise<string | null> {
  const r = await sql<{ hash: string }>`SELECT hash FROM audit_chain_head WHERE id = 1`.execute(db);
  return r.rows[0]?.hash ?? null;
}

/**
 * Stages one entry: at the commit of the caller's transaction (or at once without one) a deferred trigger advances the
 * chain head with sha256(previous hash ‖ body), computed by PostgreSQL, and writes the audit row with both hashes.
 * `body` is the entry's canonical JSON, the same text the verifier hashes. The head is locked only during the commit.
 */
export async function stageAuditRow(db: Kysely<Database>, row: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>, body: string): Promise<void> {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  await sql`
    INSERT INTO audit_pending (at, actor_id, action, entity, entity_id, organisation_id, before, after, body)
    VALUES (${row.at}::timestamptz, ${row.actor_id}::uuid, ${row.action}, ${row.entity}, ${row.entity_id}, ${row.organisation_id}::uuid,
            ${json(row.before)}::jsonb, ${json(row.after)}::jsonb, ${body})`.execute(db);
}

/** A row to insert: `before` and `after` as JSON text (already encoded by the caller, which hashed that text), or null. */
export type AuditInsertRow = Omit<AuditRow, 'id' | 'before' | 'after'> & { before: string | null; after: string | null };

/** Inserts rows in the given order (ids ascend with it), a few thousand per statement. */
export async function insertAuditRows(trx: Kysely<Database>, rows: AuditInsertRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const col = <K extends keyof AuditInsertRow>(k: K) => chunk.map((r) => r[k]);
    const json = (k: 'before' | 'after') => col(k);
    const res = await sql<{ id: string }>`
      INSERT INTO audit_log (at, actor_id, action, entity, entity_id, organisation_id, before, after, prev_hash, hash)
      SELECT t.at, t.actor_id, t.action, t.entity, t.entity_id, t.organisation_id, t.before, t.after, t.prev_hash, t.hash
        FROM unnest(${col('at')}::timestamptz[], ${col('actor_id')}::uuid[], ${col('action')}::text[], ${col('entity')}::text[], ${col('entity_id')}::text[],
                           ${col('organisation_id')}::uuid[], ${json('before')}::jsonb[], ${json('after')}::jsonb[], ${col('prev_hash')}::text[], ${col('hash')}::text[])
         WITH ORDINALITY AS t(at, actor_id, action, entity, entity_id, organisation_id, before, after, prev_hash, hash, n)
       ORDER BY n
      RETURNING id`.execute(trx);
    ids.push(...res.rows.map((r) => String(r.id)));
  }
  return ids;
}

/** Rows in chain order, `limit` at a time after `afterId` (keyset paging keeps memory flat on long logs). */
export async function auditRowsAfter(db: Kysely<Database>, afterId: string | null, limit: number): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'asc').limit(limit);
  if (afterId !== null) q = q.where('id', '>', afterId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, id: String(r.id) })) as AuditRow[];
}

export interface AuditListRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}

export async function auditForOrganisation(db: Kysely<Database>, organisationId: string, limit = 500): Promise<AuditListRow[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.actor_id', 'u.display_name as actor_name', 'a.action', 'a.entity', 'a.entity_id', 'a.before', 'a.after'])
    .where((eb) => eb.or([eb('a.organisation_id', '=', organisationId), eb.and([eb('a.entity', '=', 'organisation'), eb('a.entity_id', '=', organisationId)])]))
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/** One entity's entries in chain order (the history of a record, e.g. every save of a score sheet). */
export async function auditForEntity(db: Kysely<Database>, entity: string, entityId: string, actions?: string[]): Promise<AuditListRow[]> {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.actor_id', 'u.display_name as actor_name', 'a.action', 'a.entity', 'a.entity_id', 'a.before', 'a.after'])
    .where('a.entity', '=', entity)
    .where('a.entity_id', '=', entityId);
  if (actions) q = q.where('a.action', 'in', actions);
  const rows = await q.orderBy('a.id', 'asc').execute();
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}
