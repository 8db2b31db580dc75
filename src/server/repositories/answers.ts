// SQL for versioned answers: conditional writes (compare-and-set on version), history, and the idempotency lookups.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AnswerValue } from '../../engine/framework/types.js';

export interface AnswerRow {
  item_code: string;
  value: AnswerValue;
  version: number;
  updated_at: Date;
  updated_by: string;
  updated_by_name: string | null;
  last_request_id: string | null;
}

export async function answersFor(db: Kysely<Database>, editionId: string, organisationId: string): Promise<AnswerRow[]> {
  return db
    .selectFrom('answer as a')
    .leftJoin('app_user as u', 'u.id', 'a.updated_by')
    .select(['a.item_code', 'a.value', 'a.version', 'a.updated_at', 'a.updated_by', 'u.display_name as updated_by_name', 'a.last_request_id'])
    .where('a.edition_id', '=', editionId)
    .where('a.organisation_id', '=', organisationId)
    .execute() as Promise<AnswerRow[]>;
}

export async function findAnswer(db: Kysely<Database>, editionId: string, organisationId: string, item: string): Promise<AnswerRow | undefined> {
  return db
    .selectFrom('answer as a')
    .leftJoin('app_user as u', 'u.id', 'a.updated_by')
    .select(['a.item_code', 'a.value', 'a.version', 'a.updated_at', 'a.updated_by', 'u.display_name as updated_by_name', 'a.last_request_id'])
    .where('a.edition_id', '=', editionId)
    .where('a.organisation_id', '=', organisationId)
    .where('a.item_code', '=', item)
    .executeTakeFirst() as Promise<AnswerRow | undefined>;
}

export interface WriteInput {
  editionId: string;
  organisationId: string;
  item: string;
  value: AnswerValue;
  baseVersion: number;
  userId: string;
  requestId: string;
  now: Date;
}

/**
 * Compare-and-set: writes only when the stored version equals `baseVersion` (0 = no row yet) and records the
 * history row in the same statement. Returns the new version, or null when the base was stale.
 */
export async function writeAnswer(db: Kysely<Database>, w: WriteInput): Promise<{ version: number; updated_at: Date } | null> {
  const value = JSON.stringify(w.value);
  const r =
    w.baseVersion === 0
      ? await sql<{ version: number; updated_at: Date }>`
          WITH w AS (
            INSERT INTO answer (edition_id, organisation_id, item_code, value, version, updated_by, updated_at, last_request_id)
            VALUES (${w.editionId}, ${w.organisationId}, ${w.item}, ${value}::jsonb, 1, ${w.userId}, ${w.now}, ${w.requestId})
            ON CONFLICT DO NOTHING
            RETURNING version, updated_at, value
          ), h AS (
            INSERT INTO answer_history (edition_id, organisation_id, item_code, version, value, at, by_user, request_id)
            SELECT ${w.editionId}, ${w.organisationId}, ${w.item}, version, value, updated_at, ${w.userId}, ${w.requestId} FROM w
          )
          SELECT version, updated_at FROM w`.execute(db)
      : await sql<{ version: number; updated_at: Date }>`
          WITH w AS (
            UPDATE answer SET value = ${value}::jsonb, version = version + 1, updated_by = ${w.userId}, updated_at = ${w.now}, last_request_id = ${w.requestId}
            WHERE edition_id = ${w.editionId} AND organisation_id = ${w.organisationId} AND item_code = ${w.item} AND version = ${w.baseVersion}
            RETURNING version, updated_at, value
          ), h AS (
            INSERT INTO answer_history (edition_id, organisation_id, item_code, version, value, at, by_user, request_id)
            SELECT ${w.editionId}, ${w.organisationId}, ${w.item}, version, value, updated_at, ${w.userId}, ${w.requestId} FROM w
          )
          SELECT version, updated_at FROM w`.execute(db);
  return r.rows[0] ?? null;
}

/** The history row a request produced, if it was applied before (a retry). */
export async function findAppliedRequest(db: Kysely<Database>, editionId: string, organisationId: string, item: string, requestId: string) {
  return db
    .selectFrom('answer_history')
    .select(['version', 'at'])
    .where('edition_id', '=', editionId)
    .where('organisation_id', '=', organisationId)
    .where('item_code', '=', item)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export async function answerHistory(db: Kysely<Database>, editionId: string, organisationId: string, item: string) {
  return db
    .selectFrom('answer_history as h')
    .leftJoin('app_user as u', 'u.id', 'h.by_user')
    .select(['h.value', 'h.version', 'h.at', 'u.display_name as by_name'])
    .where('h.edition_id', '=', editionId)
    .where('h.organisation_id', '=', organisationId)
    .where('h.item_code', '=', item)
    .orderBy('h.version', 'desc')
    .execute();
}

export async function hasAnyAnswer(db: Kysely<Database>, editionId: string, organisationId: string): Promise<boolean> {
  const r = await db.selectFrom('answer').select('item_code').where('edition_id', '=', editionId).where('organisation_id', '=', organisationId).limit(1).executeTakeFirst();
  return Boolean(r);
}
