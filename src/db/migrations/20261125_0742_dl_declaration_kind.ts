// Digital Local: a judge's declared conflict has a kind — an LAO, a province, or "other" (an LAO, with the reason written out).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE dl_judge_declaration ADD COLUMN kind text;
    UPDATE dl_judge_declaration SET kind = CASE WHEN organisation_id IS NOT NULL THEN 'lao' ELSE 'province' END;
    ALTER TABLE dl_judge_declaration
      ALTER COLUMN kind SET NOT NULL,
      ADD CONSTRAINT dl_judge_declaration_kind_check CHECK (
        (kind = 'lao' AND organisation_id IS NOT NULL)
        OR (kind = 'province' AND province_code IS NOT NULL)
        -- "Other" is only as good as its reason: it must be written out.
        OR (kind = 'other' AND organisation_id IS NOT NULL AND btrim(coalesce(note, '')) <> '')
      );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM dl_judge_declaration WHERE kind = 'other';
    ALTER TABLE dl_judge_declaration DROP CONSTRAINT dl_judge_declaration_kind_check, DROP COLUMN kind;
  `.execute(db);
}
