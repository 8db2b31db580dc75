// Results: frozen scoring snapshots (edition level + one row per unit), the official mark, and the results job queue.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE result_snapshot (
      id uuid PRIMARY KEY,
      edition_id uuid NOT NULL REFERENCES edition(id),
      seq integer NOT NULL,
      framework_id text NOT NULL,
      framework_version text NOT NULL,
      engine_version text NOT NULL,
      fingerprint text NOT NULL,
      evidence_rule text NOT NULL,
      options jsonb NOT NULL,
      unit_count integer NOT NULL,
      summary jsonb NOT NULL,
      robustness jsonb NOT NULL,
      comparison jsonb,
      previous_snapshot_id uuid REFERENCES result_snapshot(id),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      UNIQUE (edition_id, seq)
    );
    CREATE INDEX result_snapshot_fp_idx ON result_snapshot (edition_id, fingerprint);

    CREATE TABLE result_unit (
      snapshot_id uuid NOT NULL REFERENCES result_snapshot(id),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      input jsonb NOT NULL,
      result jsonb NOT NULL,
      overall double precision,
      stage text,
      rank_interval jsonb,
      yoy jsonb,
      PRIMARY KEY (snapshot_id, organisation_id)
    );

    -- A snapshot is frozen: its rows can be neither changed nor removed.
    CREATE FUNCTION result_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'result snapshots are immutable (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'raise_exception';
    END $$;
    CREATE TRIGGER result_snapshot_frozen BEFORE UPDATE OR DELETE ON result_snapshot FOR EACH ROW EXECUTE FUNCTION result_frozen();
    CREATE TRIGGER result_unit_frozen BEFORE UPDATE OR DELETE ON result_unit FOR EACH ROW EXECUTE FUNCTION result_frozen();

    CREATE TABLE result_official (
      edition_id uuid PRIMARY KEY REFERENCES edition(id),
      snapshot_id uuid NOT NULL REFERENCES result_snapshot(id),
      marked_by uuid REFERENCES app_user(id),
      marked_at timestamptz NOT NULL
    );

    CREATE TABLE result_job (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('score','pdf_batch')),
      edition_id uuid NOT NULL REFERENCES edition(id),
      params jsonb NOT NULL DEFAULT '{}'::jsonb,
      state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','running','done','failed')),
      progress integer NOT NULL DEFAULT 0,
      total integer NOT NULL DEFAULT 0,
      snapshot_id uuid REFERENCES result_snapshot(id),
      output_path text,
      error text,
      attempts integer NOT NULL DEFAULT 0,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      started_at timestamptz,
      heartbeat_at timestamptz,
      finished_at timestamptz
    );
    CREATE INDEX result_job_queue_idx ON result_job (state, created_at);
    CREATE INDEX result_job_edition_idx ON result_job (edition_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE result_job;
    DROP TABLE result_official;
    DROP TABLE result_unit;
    DROP TABLE result_snapshot;
    DROP FUNCTION result_frozen();
  `.execute(db);
}
