// One lower-cased search column (code + Thai + English name) with a trigram index: LIKE on it is several times cheaper
// per row than ILIKE over three columns, which matters for broad Thai queries such as "จังหวัด" matching ~1,700 rows.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE organisation ADD COLUMN search_text text
      GENERATED ALWAYS AS (lower(code || ' ' || name_th || ' ' || coalesce(name_en, ''))) STORED;
    CREATE INDEX organisation_search_text_trgm_idx ON organisation USING gin (search_text gin_trgm_ops);
    DROP INDEX organisation_name_th_trgm_idx;
    DROP INDEX organisation_name_en_trgm_idx;
    DROP INDEX organisation_code_trgm_idx;
    ANALYZE organisation;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX organisation_name_th_trgm_idx ON organisation USING gin (name_th gin_trgm_ops);
    CREATE INDEX organisation_name_en_trgm_idx ON organisation USING gin (name_en gin_trgm_ops);
    CREATE INDEX organisation_code_trgm_idx ON organisation USING gin (code gin_trgm_ops);
    DROP INDEX organisation_search_text_trgm_idx;
    ALTER TABLE organisation DROP COLUMN search_text;
  `.execute(db);
}
