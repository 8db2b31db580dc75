// Frameworks (validated documents), survey editions with their logged transitions, and each edition's participants.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE framework (
      id text NOT NULL,
      version text NOT NULL,
      document jsonb NOT NULL,
      title_th text NOT NULL,
      title_en text NOT NULL,
      item_count integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      PRIMARY KEY (id, version)
    );

    CREATE TABLE edition (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      year_be integer NOT NULL CHECK (year_be BETWEEN 2500 AND 2700),
      title_th text NOT NULL,
      title_en text NOT NULL,
      framework_id text NOT NULL,
      framework_version text NOT NULL,
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','open','closed','verification','scored','published')),
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      opened_at timestamptz,
      reminder_interval_days integer NOT NULL DEFAULT 7 CHECK (reminder_interval_days >= 1),
      reminder_max integer NOT NULL DEFAULT 3 CHECK (reminder_max >= 0),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (framework_id, framework_version) REFERENCES framework(id, version),
      CHECK (closes_at > opens_at)
    );

    CREATE TABLE edition_transition (
      id bigserial PRIMARY KEY,
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      from_state text NOT NULL,
      to_state text NOT NULL,
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES app_user(id),
      reason text
    );
    CREATE INDEX edition_transition_edition_idx ON edition_transition (edition_id, id);

    CREATE TABLE participant (
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','completed','submitted')),
      version integer NOT NULL DEFAULT 1,
      contact_email text,
      first_answer_at timestamptz,
      completed_at timestamptz,
      completed_by uuid REFERENCES app_user(id),
      submitted_at timestamptz,
      submitted_by uuid REFERENCES app_user(id),
      reopened_at timestamptz,
      reopened_reason text,
      reminders_sent integer NOT NULL DEFAULT 0,
      last_reminded_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (edition_id, organisation_id)
    );
    CREATE INDEX participant_org_idx ON participant (organisation_id);
    CREATE INDEX participant_status_idx ON participant (edition_id, status);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE participant; DROP TABLE edition_transition; DROP TABLE edition; DROP TABLE framework;`.execute(db);
}
