// Reviewable-item totals per organisation and dimension, computed once per submission so the review queue reads
// 2,000 rows instead of scanning every answer and evidence file of an edition.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE review_total (
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      dimension_code text NOT NULL,
      total integer NOT NULL,
      computed_at timestamptz NOT NULL,
      PRIMARY KEY (edition_id, organisation_id, dimension_code)
    );
    CREATE INDEX review_item_status_idx ON review_item (edition_id, organisation_id, status);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX review_item_status_idx; DROP TABLE review_total;`.execute(db);
}
