// The log of reminder mails sent to participants that have not submitted.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reminder_log (
      id bigserial PRIMARY KEY,
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      at timestamptz NOT NULL,
      sequence integer NOT NULL,
      recipients text[] NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('sent','no_recipient'))
    );
    CREATE INDEX reminder_log_edition_idx ON reminder_log (edition_id, organisation_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE reminder_log;`.execute(db);
}
