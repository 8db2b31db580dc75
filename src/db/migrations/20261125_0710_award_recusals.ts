// Judges' recusals from committee nominations (a conflict of interest declared by the judge or recorded by an admin):
// a recused judge no longer sees or scores the nomination, and the ranking leaves out any score they gave before.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE award_recusal (
      nomination_id uuid NOT NULL REFERENCES award_nomination(id) ON DELETE CASCADE,
      judge_id uuid NOT NULL REFERENCES app_user(id),
      reason text NOT NULL CHECK (btrim(reason) <> ''),
      declared_by uuid NOT NULL REFERENCES app_user(id),
      declared_at timestamptz NOT NULL,
      PRIMARY KEY (nomination_id, judge_id)
    );
    CREATE INDEX award_recusal_judge_idx ON award_recusal (judge_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE award_recusal;`.execute(db);
}
