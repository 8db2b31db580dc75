// Digital Local contest (issue 9): contests per year, LAO entries with versioned drafts and attachments, judges'
// affiliations and declarations, assignments, score sheets, committee overrides and the confirmed result.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dl_contest (
      year integer PRIMARY KEY CHECK (year BETWEEN 2400 AND 2800),
      config jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      basis text CHECK (basis IN ('raw','zscore','additive')),
      basis_reason text,
      basis_chosen_by uuid REFERENCES app_user(id),
      basis_chosen_at timestamptz,
      result jsonb,
      confirmed_by uuid REFERENCES app_user(id),
      confirmed_at timestamptz,
      announced_by uuid REFERENCES app_user(id),
      announced_at timestamptz,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE dl_entry (
      id uuid PRIMARY KEY,
      contest_year integer NOT NULL REFERENCES dl_contest(year) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      status text NOT NULL CHECK (status IN ('draft','submitted','withdrawn')),
      title text NOT NULL DEFAULT '',
      summary text NOT NULL DEFAULT '',
      sections jsonb NOT NULL DEFAULT '{}',
      links jsonb NOT NULL DEFAULT '[]',
      version integer NOT NULL DEFAULT 1,
      last_request_id text,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL,
      submitted_by uuid REFERENCES app_user(id),
      submitted_at timestamptz,
      withdrawn_by uuid REFERENCES app_user(id),
      withdrawn_at timestamptz,
      withdraw_reason text,
      -- One entry per LAO per contest.
      UNIQUE (contest_year, organisation_id)
    );
    CREATE INDEX dl_entry_contest_idx ON dl_entry (contest_year, status);

    -- Every saved version of an entry's content; also answers retried saves (same request id) idempotently.
    CREATE TABLE dl_entry_version (
      entry_id uuid NOT NULL REFERENCES dl_entry(id) ON DELETE CASCADE,
      version integer NOT NULL,
      content jsonb NOT NULL,
      request_id text,
      saved_by uuid NOT NULL REFERENCES app_user(id),
      saved_at timestamptz NOT NULL,
      PRIMARY KEY (entry_id, version)
    );
    CREATE UNIQUE INDEX dl_entry_version_request_idx ON dl_entry_version (entry_id, request_id) WHERE request_id IS NOT NULL;

    CREATE TABLE dl_attachment (
      id uuid PRIMARY KEY,
      entry_id uuid NOT NULL REFERENCES dl_entry(id) ON DELETE CASCADE,
      section text,
      sha256 text NOT NULL REFERENCES evidence_blob(sha256),
      filename text NOT NULL,
      size bigint NOT NULL,
      mime_type text NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES app_user(id),
      uploaded_at timestamptz NOT NULL,
      deleted_by uuid REFERENCES app_user(id),
      deleted_at timestamptz
    );
    CREATE INDEX dl_attachment_entry_idx ON dl_attachment (entry_id) WHERE deleted_at IS NULL;

    -- A judge's links to the registry: an organisation (LAO, PAO, provincial unit…) and/or a province.
    CREATE TABLE dl_judge_affiliation (
      id uuid PRIMARY KEY,
      judge_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      organisation_id uuid REFERENCES organisation(id),
      province_code text REFERENCES province(code),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      CHECK (organisation_id IS NOT NULL OR province_code IS NOT NULL)
    );
    CREATE INDEX dl_judge_affiliation_judge_idx ON dl_judge_affiliation (judge_id);

    -- Conflicts the judge declared (an LAO or a whole province).
    CREATE TABLE dl_judge_declaration (
      id uuid PRIMARY KEY,
      judge_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      organisation_id uuid REFERENCES organisation(id),
      province_code text REFERENCES province(code),
      note text,
      created_at timestamptz NOT NULL,
      CHECK ((organisation_id IS NULL) <> (province_code IS NULL))
    );
    CREATE INDEX dl_judge_declaration_judge_idx ON dl_judge_declaration (judge_id);

    CREATE TABLE dl_assignment (
      contest_year integer NOT NULL REFERENCES dl_contest(year) ON DELETE CASCADE,
      entry_id uuid NOT NULL REFERENCES dl_entry(id) ON DELETE CASCADE,
      judge_id uuid NOT NULL REFERENCES app_user(id),
      source text NOT NULL CHECK (source IN ('auto','manual')),
      assigned_by uuid REFERENCES app_user(id),
      assigned_at timestamptz NOT NULL,
      PRIMARY KEY (entry_id, judge_id)
    );
    CREATE INDEX dl_assignment_judge_idx ON dl_assignment (contest_year, judge_id);

    CREATE TABLE dl_score_sheet (
      entry_id uuid NOT NULL REFERENCES dl_entry(id) ON DELETE CASCADE,
      judge_id uuid NOT NULL REFERENCES app_user(id),
      contest_year integer NOT NULL REFERENCES dl_contest(year) ON DELETE CASCADE,
      ratings jsonb NOT NULL DEFAULT '{}',
      overall_comment text,
      status text NOT NULL CHECK (status IN ('draft','submitted')),
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL,
      submitted_at timestamptz,
      PRIMARY KEY (entry_id, judge_id)
    );
    CREATE INDEX dl_score_sheet_contest_idx ON dl_score_sheet (contest_year, status);

    -- The committee's tier changes, each with its written reason, applied in order on the chosen basis.
    CREATE TABLE dl_tier_override (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL,
      contest_year integer NOT NULL REFERENCES dl_contest(year) ON DELETE CASCADE,
      entry_id uuid NOT NULL REFERENCES dl_entry(id) ON DELETE CASCADE,
      from_tier text,
      to_tier text,
      reason text NOT NULL CHECK (btrim(reason) <> ''),
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX dl_tier_override_contest_idx ON dl_tier_override (contest_year, seq);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE dl_tier_override; DROP TABLE dl_score_sheet; DROP TABLE dl_assignment; DROP TABLE dl_judge_declaration;
    DROP TABLE dl_judge_affiliation; DROP TABLE dl_attachment; DROP TABLE dl_entry_version; DROP TABLE dl_entry; DROP TABLE dl_contest;
  `.execute(db);
}
