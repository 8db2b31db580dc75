// Transaction-scoped advisory locks that serialise one-at-a-time operations across server processes.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

// pg_advisory_xact_lock is released at commit or rollback, so the type demands the transaction being guarded
// (on a bare pool connection the lock would end with its own statement).
async function xactLock(trx: Transaction<Database>, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** Two servers starting together on an empty database must not both create the first administrator. */
export async function lockFirstAdminCreation(trx: Transaction<Database>): Promise<void> {
  await xactLock(trx, 'dgr:first-admin');
}

/** Two LAO imports at once would each see the other's new codes as absent and insert them twice. */
export async function lockLaoImport(trx: Transaction<Database>): Promise<void> {
  await xactLock(trx, 'dgr:lao-import');
}
