// Nominations become editable and withdrawable while nominations are open: a version for stale-edit detection, and
// the withdrawal kept on the row (judges never see it; the record stays for the audit trail).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE award_nomination
      ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD COLUMN updated_at timestamptz,
      ADD COLUMN withdrawn_at timestamptz,
      ADD COLUMN withdrawn_by uuid REFERENCES app_user(id),
      ADD COLUMN withdraw_reason text;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE award_nomination DROP COLUMN withdraw_reason, DROP COLUMN withdrawn_by, DROP COLUMN withdrawn_at,
      DROP COLUMN updated_at, DROP COLUMN version;
  `.execute(db);
}
