// Versioned answers with an append-only history, section assignments, and evidence files over content-addressed blobs.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE answer (
      edition_id uuid NOT NULL,
      organisation_id uuid NOT NULL,
      item_code text NOT NULL,
      value jsonb NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL,
      last_request_id text,
      PRIMARY KEY (edition_id, organisation_id, item_code),
      FOREIGN KEY (edition_id, organisation_id) REFERENCES participant(edition_id, organisation_id) ON DELETE CASCADE
    );

    -- Append-only: one row per acknowledged write; (…, item_code, request_id) makes a retried change recognisable.
    CREATE TABLE answer_history (
      id bigserial PRIMARY KEY,
      edition_id uuid NOT NULL,
      organisation_id uuid NOT NULL,
      item_code text NOT NULL,
      version integer NOT NULL,
      value jsonb NOT NULL,
      at timestamptz NOT NULL,
      by_user uuid NOT NULL REFERENCES app_user(id),
      request_id text,
      UNIQUE (edition_id, organisation_id, item_code, version)
    );
    CREATE UNIQUE INDEX answer_history_request_idx ON answer_history (edition_id, organisation_id, item_code, request_id) WHERE request_id IS NOT NULL;

    CREATE TABLE assignment (
      edition_id uuid NOT NULL,
      organisation_id uuid NOT NULL,
      dimension_code text NOT NULL,
      user_id uuid NOT NULL REFERENCES app_user(id),
      assigned_by uuid REFERENCES app_user(id),
      assigned_at timestamptz NOT NULL,
      PRIMARY KEY (edition_id, organisation_id, dimension_code, user_id),
      FOREIGN KEY (edition_id, organisation_id) REFERENCES participant(edition_id, organisation_id) ON DELETE CASCADE
    );
    CREATE INDEX assignment_user_idx ON assignment (user_id);

    CREATE TABLE evidence_blob (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint NOT NULL,
      mime_type text NOT NULL,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE evidence_file (
      id uuid PRIMARY KEY,
      edition_id uuid NOT NULL,
      organisation_id uuid NOT NULL,
      item_code text NOT NULL,
      sha256 text NOT NULL REFERENCES evidence_blob(sha256),
      filename text NOT NULL,
      size bigint NOT NULL,
      mime_type text NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES app_user(id),
      uploaded_at timestamptz NOT NULL,
      deleted_at timestamptz,
      deleted_by uuid REFERENCES app_user(id),
      FOREIGN KEY (edition_id, organisation_id) REFERENCES participant(edition_id, organisation_id)
    );
    CREATE INDEX evidence_file_owner_idx ON evidence_file (edition_id, organisation_id, item_code) WHERE deleted_at IS NULL;
    CREATE INDEX evidence_file_sha_idx ON evidence_file (sha256);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE evidence_file; DROP TABLE evidence_blob; DROP TABLE assignment; DROP TABLE answer_history; DROP TABLE answer;`.execute(db);
}
