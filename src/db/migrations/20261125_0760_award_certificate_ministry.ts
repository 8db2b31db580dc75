// Ministry-level awards: the winner is a ministry (its roll-up of department-level agencies), not an organisation, so a
// certificate names the ministry by code in its own column instead of forcing 'ministry:<code>' into the uuid one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE award_certificate
      ADD COLUMN ministry_code text REFERENCES ministry(code),
      ADD CONSTRAINT award_certificate_one_recipient CHECK (organisation_id IS NULL OR ministry_code IS NULL);
    CREATE INDEX award_certificate_ministry_idx ON award_certificate (ministry_code) WHERE ministry_code IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE award_certificate DROP CONSTRAINT award_certificate_one_recipient, DROP COLUMN ministry_code;`.execute(db);
}
