// SQL for the readiness probe: the cheapest round trip that proves the database answers.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
