// Bulk writes without PostgreSQL's per-row foreign-key triggers, where the connection may: references are checked set-based instead.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

async function isSuperuser(db: Kysely<Database>): Promise<boolean> {
  const r = await sql<{ su: string }>`SELECT current_setting('is_superuser') AS su`.execute(db);
  return r.rows[0]?.su === 'on';
}

/**
 * Runs `write` inside the caller's transaction with the row triggers off (session_replication_role = replica) when the
 * connection may set that (a superuser, as with the embedded database), and returns true: the caller must then check
 * the written rows' references itself (requireReferenced) before the transaction commits. PostgreSQL checks a foreign
 * key one lookup per written row (three per bulk-loaded answer), a third of the demo load's database time; checked
 * once per distinct key, they cost next to nothing. Returns false when the triggers ran as usual. The setting is
 * reset right after `write`, so no other statement of the transaction (and no deferred trigger, such as the audit
 * chain's) runs without its triggers; only tables whose triggers are all foreign keys may be written this way.
 */
export async function withoutRowTriggers(trx: Kysely<Database>, write: () => Promise<void>): Promise<boolean> {
  if (!trx.isTransaction) throw new Error('withoutRowTriggers needs a transaction');
  if (!(await isSuperuser(trx))) {
    await write();
    return false;
  }
  await sql`SET LOCAL session_replication_role = replica`.execute(trx);
  try {
    await write();
  } finally {
    await sql`SET LOCAL session_replication_role = origin`.execute(trx);
  }
  return true;
}

/** Fails (rolling the transaction back) unless `found` — a count of referenced rows locked FOR KEY SHARE — is `expected`. */
export async function requireReferenced(what: string, expected: number, found: Promise<{ rows: { n: number }[] }>): Promise<void> {
  const n = (await found).rows[0]?.n ?? 0;
  if (n !== expected) throw new Error(`bulk write: ${expected - n} ${what} referenced by the written rows do not exist`);
}

/** The users (distinct ids) exist; locked as a foreign-key check would lock them. */
export async function requireUsers(trx: Kysely<Database>, ids: (string | null)[]): Promise<void> {
  const u = [...new Set(ids.filter((x): x is string => x !== null))];
  if (u.length === 0) return;
  await requireReferenced('users', u.length, sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM app_user WHERE id = ANY(${u}::uuid[]) FOR KEY SHARE) x`.execute(trx));
}
