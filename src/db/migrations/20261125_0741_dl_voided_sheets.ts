// Digital Local: score sheets voided when their judge declares a conflict with the entry, kept apart for audit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A voided sheet moves here whole (scores, comments, versions) so that it leaves every result, and the pair's
    -- primary key in dl_score_sheet is free if the judge is ever assigned the entry again.
    CREATE TABLE dl_score_sheet_void (
      id uuid PRIMARY KEY,
      entry_id uuid NOT NULL REFERENCES dl_entry(id) ON DELETE CASCADE,
      judge_id uuid NOT NULL REFERENCES app_user(id),
      contest_year integer NOT NULL REFERENCES dl_contest(year) ON DELETE CASCADE,
      ratings jsonb NOT NULL,
      overall_comment text,
      status text NOT NULL CHECK (status IN ('draft','submitted')),
      version integer NOT NULL,
      updated_at timestamptz NOT NULL,
      submitted_at timestamptz,
      voided_at timestamptz NOT NULL,
      voided_by uuid NOT NULL REFERENCES app_user(id),
      -- The engine's conflict codes that voided it, e.g. {CONFLICT_DECLARED_LAO}.
      reason_codes text[] NOT NULL,
      declaration_id uuid
    );
    CREATE INDEX dl_score_sheet_void_contest_idx ON dl_score_sheet_void (contest_year, entry_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE dl_score_sheet_void`.execute(db);
}
