// The audit log: append-only entries chained by SHA-256 so any later edit of a stored row is detectable.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { auditRowsAfter, chainHead, insertAuditRows, lockChainHead, setChainHead, stageAuditRow, type AuditRow } from '../repositories/audit.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What happened; `before`/`after` are the changed fields (or whole records), JSON-serialisable. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted at every level, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Round-trips through JSON so what is hashed is exactly what jsonb stores and gives back. */
function plain(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

interface HashedFields {
  at: Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  organisation_id: string | null;
  before: unknown;
  after: unknown;
}

/** The text hashed after the previous hash: the entry's fields as canonical JSON. */
function auditBody(row: HashedFields): string {
  return canonicalJson({
    at: row.at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    organisationId: row.organisation_id,
    before: row.before ?? null,
    after: row.after ?? null,
  });
}

export function auditHash(prevHash: string, row: HashedFields): string {
  return createHash('sha256').update(prevHash).update(auditBody(row)).digest('hex');
}

/**
 * Appends entries in order. Inside a caller's transaction the entries commit or roll back with its change. One entry
 * is staged and chained by PostgreSQL while the transaction commits (the chain head is locked only inside the commit);
 * a batch locks the head to the end of the transaction, is hashed here and inserted set-based, so append batches last.
 */
export async function appendAudit(db: Kysely<Database>, at: Date, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const fieldsOf = (e: AuditEntry): HashedFields => ({
    at,
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId ?? null,
    organisation_id: e.organisationId ?? null,
    before: plain(e.before),
    after: plain(e.after),
  });
  if (list.length === 1) {
    const fields = fieldsOf(list[0]!);
    await stageAuditRow(db, fields, auditBody(fields));
    return;
  }
  const run = async (trx: Kysely<Database>) => {
    const head = await lockChainHead(trx);
    let prev = head;
    const rows: Omit<AuditRow, 'id'>[] = [];
    for (const e of list) {
      const fields = fieldsOf(e);
      const hash = auditHash(prev, fields);
      rows.push({ ...fields, prev_hash: prev, hash });
      prev = hash;
    }
    await insertAuditRows(trx, rows);
    await setChainHead(trx, rows[rows.length - 1]!.prev_hash, prev);
  };
  await (db.isTransaction ? run(db) : db.transaction().execute((trx: Transaction<Database>) => run(trx)));
}

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  /**
   * The first row whose link or content does not match, with the reason; or "head" when the newest hash recorded by
   * the chain head (read before the walk) is on no row: entries at the end of the log were removed.
   */
  firstBroken: { id: string; reason: 'prev_hash' | 'hash' | 'head' } | null;
}

/** Walks the whole chain in id order, recomputes every hash, and checks that the chain reaches its recorded head. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditChainReport> {
  // Read first: entries appended during the walk come after it, so the walk must pass it.
  const head = (await chainHead(db)) ?? GENESIS_HASH;
  let reachedHead = head === GENESIS_HASH;
  let lastId = '0';
  let prev = GENESIS_HASH;
  let after: string | null = null;
  let checked = 0;
  for (;;) {
    const rows = await auditRowsAfter(db, after, 1000);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prev_hash !== prev) return { ok: false, checked, firstBroken: { id: r.id, reason: 'prev_hash' } };
      if (auditHash(prev, r) !== r.hash) return { ok: false, checked, firstBroken: { id: r.id, reason: 'hash' } };
      prev = r.hash;
      if (r.hash === head) reachedHead = true;
      lastId = r.id;
      checked++;
    }
    after = rows[rows.length - 1]!.id;
  }
  if (!reachedHead) return { ok: false, checked, firstBroken: { id: lastId, reason: 'head' } };
  return { ok: true, checked, firstBroken: null };
}
