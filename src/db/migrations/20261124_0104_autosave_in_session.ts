// The autosave's one round trip also authenticates: session, CSRF token, role and organisation checked in the same call.
import { sql, type Kysely } from 'kysely';

// Mirrors loadSession and the auth hook (plugins/auth.ts): a live session of an active user, the CSRF token (compared
// as SHA-256 digests so the comparison reveals nothing about the token), a role the route allows, the user's own
// organisation, and last_seen_at refreshed when older than the caller's threshold. When anything fails it returns no
// rows and writes nothing but the touch; the caller then authenticates the usual way, which explains the refusal.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION autosave_in_session(
      p_session text, p_csrf_sha256 bytea, p_roles text[], p_touch_before timestamptz,
      p_edition uuid, p_org uuid, p_framework_id text, p_framework_version text,
      p_edition_states text[], p_participant_statuses text[], p_dimensions text[],
      p_items text[], p_values jsonb[], p_bases integer[], p_requests text[], p_now timestamptz
    ) RETURNS TABLE (written_item text, written_version integer) LANGUAGE plpgsql AS $fn$
    DECLARE
      uid uuid;
      urole text;
    BEGIN
      SELECT u.id, u.role INTO uid, urole
        FROM session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = p_session AND s.expires_at > p_now AND u.active
          AND u.role = ANY (p_roles) AND u.organisation_id = p_org
          AND sha256(convert_to(s.csrf_token, 'UTF8')) = p_csrf_sha256;
      IF NOT FOUND THEN
        RETURN;
      END IF;
      UPDATE session s SET last_seen_at = p_now WHERE s.id = p_session AND s.last_seen_at < p_touch_before;
      RETURN QUERY SELECT w.written_item, w.written_version FROM answer_batch_write(
        p_edition, p_org, p_framework_id, p_framework_version, p_edition_states, p_participant_statuses, uid,
        CASE WHEN urole = 'contributor' THEN p_dimensions END,
        p_items, p_values, p_bases, p_requests, p_now) AS w;
    END
    $fn$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION autosave_in_session(text, bytea, text[], timestamptz, uuid, uuid, text, text, text[], text[], text[], text[], jsonb[], integer[], text[], timestamptz);`.execute(db);
}
