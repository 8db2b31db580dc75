// The audit log: append-only entries chained by SHA-256 so any later edit of a stored row is detectable.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { auditRowsAfter, chainHead, insertAuditRows, lockChainHead, setChainHead, stageAuditRow, type AuditInsertRow } from '../repositories/audit.js';

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

/**
 * canonicalJson(plain(value)) in one pass, for values that already are JSON data (strings, finite numbers, booleans,
 * null, arrays and plain objects; undefined properties are dropped as JSON drops them); null for anything else
 * (Dates, class instances, non-finite numbers...), which the caller round-trips through JSON first. A batch of
 * tens of thousands of review decisions used to encode each entry four times (round trip, hash text, insert text).
 */
function plainCanonical(value: unknown): string | null {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : null;
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const v = value[i] === undefined ? null : plainCanonical(value[i]);
          if (v === null) return null;
          out += (i ? ',' : '') + v;
        }
        return out + ']';
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return null;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const v = plainCanonical(obj[keys[i]!]);
        if (v === null) return null;
        out += (i ? ',' : '') + JSON.stringify(keys[i]) + ':' + v;
      }
      return out + '}';
    }
    default:
      return null;
  }
}

/** Canonical JSON of what jsonb will store for `value` (undefined and null store as SQL null, hashed as null). */
function storedJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  return plainCanonical(value) ?? canonicalJson(plain(value));
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
    const rows: AuditInsertRow[] = [];
    const iso = at.toISOString();
    for (const e of list) {
      // Each before/after is encoded once, canonically: that text is both hashed (inside the entry's body, exactly as
      // auditBody would write it) and stored (jsonb keeps the content; the verifier re-encodes what it reads back).
      const before = storedJson(e.before);
      const after = storedJson(e.after);
      const body =
        `{"action":${JSON.stringify(e.action)},"actorId":${JSON.stringify(e.actorId ?? null)},"after":${after},"at":${JSON.stringify(iso)},"before":${before},` +
        `"entity":${JSON.stringify(e.entity)},"entityId":${JSON.stringify(e.entityId ?? null)},"organisationId":${JSON.stringify(e.organisationId ?? null)}}`;
      const hash = createHash('sha256').update(prev).update(body).digest('hex');
      rows.push({ at, actor_id: e.actorId ?? null, action: e.action, entity: e.entity, entity_id: e.entityId ?? null, organisation_id: e.organisationId ?? null, before: before === 'null' ? null : before, after: after === 'null' ? null : after, prev_hash: prev, hash });
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
