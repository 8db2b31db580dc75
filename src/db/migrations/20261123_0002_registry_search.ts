// Trigram indexes for registry name search (ILIKE '%…%'), and indexes the session and rate-limit lookups need.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // pg_trgm is a trusted extension (PG 13+): a database owner may create it without superuser rights.
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX organisation_name_th_trgm_idx ON organisation USING gin (name_th gin_trgm_ops);
    CREATE INDEX organisation_name_en_trgm_idx ON organisation USING gin (name_en gin_trgm_ops);
    CREATE INDEX organisation_code_trgm_idx ON organisation USING gin (code gin_trgm_ops);
    CREATE INDEX session_expires_idx ON session (expires_at);
    CREATE INDEX login_attempt_window_idx ON login_attempt (window_start);
    CREATE INDEX invitation_org_idx ON invitation (organisation_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The extension stays: other objects may have come to depend on it.
  await sql`
    DROP INDEX invitation_org_idx; DROP INDEX login_attempt_window_idx; DROP INDEX session_expires_idx;
    DROP INDEX organisation_code_trgm_idx; DROP INDEX organisation_name_en_trgm_idx; DROP INDEX organisation_name_th_trgm_idx;
  `.execute(db);
}
