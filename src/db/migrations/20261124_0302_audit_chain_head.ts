// The audit chain's head in one row: appenders lock and advance it (the hash computed in the same statement), so a
// decision holds the chain only for its last statement and commit; it also records the newest hash, so removed
// entries at the end of the log are detected.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_chain_head (
      id smallint PRIMARY KEY CHECK (id = 1),
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    INSERT INTO audit_chain_head (id, prev_hash, hash)
    SELECT 1, coalesce(last.prev_hash, repeat('0', 64)), coalesce(last.hash, repeat('0', 64))
      FROM (SELECT 1) one LEFT JOIN (SELECT prev_hash, hash FROM audit_log ORDER BY id DESC LIMIT 1) last ON true;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE audit_chain_head;`.execute(db);
}
