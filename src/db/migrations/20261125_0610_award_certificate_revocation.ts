// Certificate revocation with a written reason, and reissue under a new code (the old one stays, revoked, for the record).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE award_certificate
      ADD COLUMN revoked_at timestamptz,
      ADD COLUMN revoked_by uuid REFERENCES app_user(id),
      ADD COLUMN revoke_reason_th text,
      ADD COLUMN revoke_reason_en text,
      -- The code this certificate was reissued from / the code that replaced it.
      ADD COLUMN reissued_from text REFERENCES award_certificate(code),
      ADD COLUMN replaced_by text REFERENCES award_certificate(code),
      ADD CONSTRAINT award_certificate_revoked_chk CHECK (
        (status = 'valid' AND revoked_at IS NULL AND revoke_reason_th IS NULL)
        OR (status = 'revoked' AND revoked_at IS NOT NULL AND length(btrim(revoke_reason_th)) > 0)
      );
    -- One valid certificate per award; revoked ones are kept beside a reissued one. The old constraint's name was
    -- chosen (and truncated) by PostgreSQL, so it is looked up rather than spelled out.
    DO $$
    DECLARE c text;
    BEGIN
      SELECT conname INTO c FROM pg_constraint WHERE conrelid = 'award_certificate'::regclass AND contype = 'u';
      EXECUTE format('ALTER TABLE award_certificate DROP CONSTRAINT %I', c);
    END $$;
    CREATE UNIQUE INDEX award_certificate_one_valid ON award_certificate (edition_id, category_id, group_key, recipient_key) WHERE status = 'valid';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM award_certificate WHERE status = 'revoked' AND replaced_by IS NOT NULL;
    DROP INDEX award_certificate_one_valid;
    ALTER TABLE award_certificate ADD UNIQUE (edition_id, category_id, group_key, recipient_key);
    ALTER TABLE award_certificate DROP CONSTRAINT award_certificate_revoked_chk,
      DROP COLUMN replaced_by, DROP COLUMN reissued_from, DROP COLUMN revoke_reason_en, DROP COLUMN revoke_reason_th,
      DROP COLUMN revoked_by, DROP COLUMN revoked_at;
  `.execute(db);
}
