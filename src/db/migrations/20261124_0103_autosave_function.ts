// The common autosave as one PL/pgSQL function: one round trip per save, and its statements' plans cached per connection.
import { sql, type Kysely } from 'kysely';

// Checks and writes mirror the general path in services/answers.ts (which runs whenever this function writes less than
// everything). The caller passes the answerable edition states and participant statuses from the engine's rules.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION answer_batch_write(
      p_edition uuid, p_org uuid, p_framework_id text, p_framework_version text,
      p_edition_states text[], p_participant_statuses text[], p_user uuid, p_dimensions text[],
      p_items text[], p_values jsonb[], p_bases integer[], p_requests text[], p_now timestamptz
    ) RETURNS TABLE (written_item text, written_version integer) LANGUAGE plpgsql AS $fn$
    DECLARE
      st text;
      k integer;
      v integer;
      wrote boolean := false;
    BEGIN
      -- Closing the edition (FOR UPDATE) waits for this write and vice versa; the participant row lock also makes
      -- the writes of one organisation take turns, so two batches cannot deadlock on answer rows.
      SELECT p.status INTO st
        FROM edition e JOIN participant p ON p.edition_id = e.id
        WHERE e.id = p_edition AND p.organisation_id = p_org
          AND e.framework_id = p_framework_id AND e.framework_version = p_framework_version
          AND e.state = ANY (p_edition_states) AND p.status = ANY (p_participant_statuses)
        FOR KEY SHARE OF e FOR NO KEY UPDATE OF p;
      IF NOT FOUND THEN
        RETURN;
      END IF;
      IF p_dimensions IS NOT NULL AND EXISTS (
        SELECT 1 FROM unnest(p_dimensions) AS d(code)
        WHERE NOT EXISTS (SELECT 1 FROM assignment a
                          WHERE a.edition_id = p_edition AND a.organisation_id = p_org AND a.user_id = p_user AND a.dimension_code = d.code)
      ) THEN
        RETURN;
      END IF;
      FOR k IN 1 .. coalesce(array_length(p_items, 1), 0) LOOP
        v := NULL;
        IF p_bases[k] = 0 THEN
          INSERT INTO answer AS a (edition_id, organisation_id, item_code, value, version, updated_by, updated_at, last_request_id)
            VALUES (p_edition, p_org, p_items[k], p_values[k], 1, p_user, p_now, p_requests[k])
            ON CONFLICT DO NOTHING
            RETURNING a.version INTO v;
        ELSE
          UPDATE answer a
            SET value = p_values[k], version = a.version + 1, updated_by = p_user, updated_at = p_now, last_request_id = p_requests[k]
            WHERE a.edition_id = p_edition AND a.organisation_id = p_org AND a.item_code = p_items[k] AND a.version = p_bases[k]
            RETURNING a.version INTO v;
        END IF;
        IF v IS NOT NULL THEN
          INSERT INTO answer_history (edition_id, organisation_id, item_code, version, value, at, by_user, request_id)
            VALUES (p_edition, p_org, p_items[k], v, p_values[k], p_now, p_user, p_requests[k]);
          wrote := true;
          written_item := p_items[k];
          written_version := v;
          RETURN NEXT;
        END IF;
      END LOOP;
      IF wrote AND st = 'not_started' THEN
        UPDATE participant p SET status = 'in_progress', first_answer_at = p_now, version = p.version + 1
          WHERE p.edition_id = p_edition AND p.organisation_id = p_org AND p.status = 'not_started';
      END IF;
    END
    $fn$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION answer_batch_write(uuid, uuid, text, text, text[], text[], uuid, text[], text[], jsonb[], integer[], text[], timestamptz);`.execute(db);
}
