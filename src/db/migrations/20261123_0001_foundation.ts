// Foundation tables: registry, accounts, sessions, invitations, audit log, mail outbox.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ministry (
      code text PRIMARY KEY,
      name_th text NOT NULL,
      name_en text NOT NULL
    );
    CREATE TABLE province (
      code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
      iso_code text NOT NULL UNIQUE,
      name_th text NOT NULL,
      name_en text NOT NULL,
      region text NOT NULL,
      region_th text NOT NULL,
      region4 text NOT NULL,
      region4_th text NOT NULL
    );
    CREATE TABLE provincial_agency_type (
      code text PRIMARY KEY,
      name_th text NOT NULL UNIQUE,
      name_en text NOT NULL,
      parent_budget_code text,
      surveyed_2019 boolean NOT NULL DEFAULT false,
      seq_2019 integer
    );
    CREATE TABLE organisation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      level text NOT NULL CHECK (level IN ('department','provincial_unit','province','lao')),
      code text NOT NULL UNIQUE,
      name_th text NOT NULL,
      name_en text,
      ministry_code text REFERENCES ministry(code),
      province_code text REFERENCES province(code),
      org_type text,
      parent_id uuid REFERENCES organisation(id),
      serves_public boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX organisation_level_idx ON organisation (level);
    CREATE INDEX organisation_ministry_idx ON organisation (ministry_code);
    CREATE INDEX organisation_province_idx ON organisation (province_code);
    CREATE INDEX organisation_parent_idx ON organisation (parent_id);

    CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      display_name text NOT NULL,
      password_hash text,
      role text NOT NULL CHECK (role IN ('admin','reviewer','coordinator','contributor','head','judge','lao_applicant')),
      organisation_id uuid REFERENCES organisation(id),
      locale text NOT NULL DEFAULT 'th' CHECK (locale IN ('th','en')),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_login_at timestamptz,
      CHECK (role IN ('admin','reviewer','judge') OR organisation_id IS NOT NULL)
    );
    CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));
    CREATE INDEX app_user_org_idx ON app_user (organisation_id);

    CREATE TABLE session (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX session_user_idx ON session (user_id);

    CREATE TABLE invitation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL UNIQUE,
      email text NOT NULL,
      role text NOT NULL,
      organisation_id uuid REFERENCES organisation(id),
      invited_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      used_by uuid REFERENCES app_user(id)
    );

    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text,
      organisation_id uuid,
      before jsonb,
      after jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL UNIQUE
    );
    CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
    CREATE INDEX audit_log_org_idx ON audit_log (organisation_id);

    CREATE TABLE login_attempt (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      count integer NOT NULL
    );

    CREATE TABLE outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now(),
      to_address text NOT NULL,
      subject text NOT NULL,
      body_text text NOT NULL,
      kind text NOT NULL,
      sent_at timestamptz,
      error text
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE outbox; DROP TABLE login_attempt; DROP TABLE audit_log; DROP TABLE invitation;
    DROP TABLE session; DROP TABLE app_user; DROP TABLE organisation; DROP TABLE provincial_agency_type;
    DROP TABLE province; DROP TABLE ministry;
  `.execute(db);
}
