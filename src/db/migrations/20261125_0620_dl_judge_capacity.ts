// Digital Local: per-contest settings kept apart from the contest configuration, starting with the most entries one judge takes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dl_contest_settings (
      year integer PRIMARY KEY REFERENCES dl_contest(year) ON DELETE CASCADE,
      -- Null: no limit.
      max_entries_per_judge integer CHECK (max_entries_per_judge IS NULL OR max_entries_per_judge BETWEEN 1 AND 10000),
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE dl_contest_settings`.execute(db);
}
