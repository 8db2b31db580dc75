// Digital Government Awards: versioned award sets, per-category decisions, committee nominations and scores, certificates.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Append-only: every saved version of an edition's award definition; the current one is the highest seq.
    CREATE TABLE award_set_version (
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      seq integer NOT NULL CHECK (seq >= 1),
      definition jsonb NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (edition_id, seq)
    );

    -- One decision per category of an edition: the engine's AwardDecision (rule) or CommitteeDecision (committee).
    CREATE TABLE award_decision (
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      category_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('rule','committee')),
      state text NOT NULL CHECK (state IN ('computed','reviewed','approved','announced')),
      set_seq integer,
      snapshot_id uuid REFERENCES result_snapshot(id),
      previous_snapshot_id uuid REFERENCES result_snapshot(id),
      inputs_fingerprint text,
      record jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      computed_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (edition_id, category_id)
    );

    CREATE TABLE award_nomination (
      id uuid PRIMARY KEY,
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      category_id text NOT NULL,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      person_name_th text NOT NULL,
      person_name_en text,
      position_th text NOT NULL,
      position_en text,
      statement text NOT NULL,
      nominated_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX award_nomination_edition_idx ON award_nomination (edition_id, category_id);
    CREATE INDEX award_nomination_org_idx ON award_nomination (organisation_id);

    CREATE TABLE award_nomination_file (
      id uuid PRIMARY KEY,
      nomination_id uuid NOT NULL REFERENCES award_nomination(id) ON DELETE CASCADE,
      sha256 text NOT NULL REFERENCES evidence_blob(sha256),
      filename text NOT NULL,
      size bigint NOT NULL,
      mime_type text NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES app_user(id),
      uploaded_at timestamptz NOT NULL
    );
    CREATE INDEX award_nomination_file_idx ON award_nomination_file (nomination_id);

    CREATE TABLE award_nomination_judge (
      nomination_id uuid NOT NULL REFERENCES award_nomination(id) ON DELETE CASCADE,
      judge_id uuid NOT NULL REFERENCES app_user(id),
      assigned_by uuid REFERENCES app_user(id),
      assigned_at timestamptz NOT NULL,
      PRIMARY KEY (nomination_id, judge_id)
    );
    CREATE INDEX award_nomination_judge_idx ON award_nomination_judge (judge_id);

    CREATE TABLE award_judge_score (
      nomination_id uuid NOT NULL REFERENCES award_nomination(id) ON DELETE CASCADE,
      judge_id uuid NOT NULL REFERENCES app_user(id),
      criterion text NOT NULL,
      score double precision NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (nomination_id, judge_id, criterion)
    );

    -- Issued when a decision is announced; the code is random (see services/awards-certificates.ts).
    CREATE TABLE award_certificate (
      code text PRIMARY KEY CHECK (code ~ '^[A-Z2-9]{12}$'),
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      category_id text NOT NULL,
      group_key text NOT NULL,
      -- The organisation for rule awards, 'nomination:<id>' for committee awards: one certificate per award.
      recipient_key text NOT NULL,
      organisation_id uuid REFERENCES organisation(id),
      nomination_id uuid REFERENCES award_nomination(id),
      recipient_th text NOT NULL,
      recipient_en text NOT NULL,
      category_th text NOT NULL,
      category_en text NOT NULL,
      group_th text NOT NULL,
      group_en text NOT NULL,
      year_be integer NOT NULL,
      status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid','revoked')),
      issued_at timestamptz NOT NULL,
      UNIQUE (edition_id, category_id, group_key, recipient_key)
    );
    CREATE INDEX award_certificate_edition_idx ON award_certificate (edition_id, category_id);
    CREATE INDEX award_certificate_org_idx ON award_certificate (organisation_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE award_certificate; DROP TABLE award_judge_score; DROP TABLE award_nomination_judge;
    DROP TABLE award_nomination_file; DROP TABLE award_nomination; DROP TABLE award_decision; DROP TABLE award_set_version;
  `.execute(db);
}
