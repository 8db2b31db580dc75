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

/** Serialises appenders until the caller's transaction ends, so concurrent writers extend one chain. */
export async function lockAuditChain(trx: Kysely<Database>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('dgr:audit-chain'))`.execute(trx);
}

export async function lastAuditHash(trx: Kysely<Database>): Promise<string | null> {
  const row = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.hash ?? null;
}

export async function insertAuditRows(trx: Kysely<Database>, rows: Omit<AuditRow, 'id'>[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({
      ...r,
      before: r.before === null ? null : JSON.stringify(r.before),
      after: r.after === null ? null : JSON.stringify(r.after),
    }));
    const res = await trx.insertInto('audit_log').values(chunk).returning('id').execute();
    ids.push(...res.map((r) => String(r.id)));
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
