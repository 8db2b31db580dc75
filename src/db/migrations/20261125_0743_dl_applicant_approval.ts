// Digital Local: DGA's approval of self-service LAO applicant accounts (pending → approved / rejected with a reason).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One row per account created through the public sign-up; accounts an admin invited have none and are trusted.
    CREATE TABLE dl_applicant_approval (
      user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      status text NOT NULL CHECK (status IN ('pending','approved','rejected')),
      -- Approved at sign-up because the address is under an official domain (DL_TRUSTED_EMAIL_DOMAINS).
      auto_trusted boolean NOT NULL DEFAULT false,
      reason text,
      requested_at timestamptz NOT NULL,
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      CHECK (status <> 'rejected' OR btrim(coalesce(reason, '')) <> ''),
      CHECK (status = 'pending' OR decided_at IS NOT NULL)
    );
    CREATE INDEX dl_applicant_approval_queue_idx ON dl_applicant_approval (status, requested_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE dl_applicant_approval`.execute(db);
}
