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

export interface BatchWriteInput {
  editionId: string;
  organisationId: string;
  /** The framework the caller validated the values against; the edition must still use it. */
  frameworkId: string;
  frameworkVersion: string;
  /** Edition states and participant statuses in which answers may be written (from the engine's lifecycle rules). */
  editionStates: readonly string[];
  participantStatuses: readonly string[];
  userId: string;
  /** A contributor's dimensions that must all be assigned to them; null for roles that answer everything. */
  dimensions: string[] | null;
  /** Distinct items, sorted. */
  changes: { item: string; value: AnswerValue; baseVersion: number; requestId: string }[];
  now: Date;
}

/**
 * The whole common autosave in one round trip: answer_batch_write (migration 20261124_0103) checks that the edition is
 * still answerable with the same framework, that the participant may answer and, for a contributor, that every
 * dimension is assigned; then compare-and-sets each answer on its version, appends the history rows and marks the
 * participant started. One statement is its own transaction, committed before this returns. The edition row is locked
 * FOR KEY SHARE (closing waits for this write) and the participant row FOR NO KEY UPDATE (submitting waits; the writes
 * of one organisation take turns, so batches cannot deadlock). Returns the items written with their new versions;
 * anything else (a refusal, a stale version, a retry) is left out and the caller takes the general path to explain it.
 */
export async function writeAnswerBatch(db: Kysely<Database>, w: BatchWriteInput): Promise<Map<string, number>> {
  const r = await sql<{ written_item: string; written_version: number }>`
    SELECT written_item, written_version FROM answer_batch_write(
      ${w.editionId}, ${w.organisationId}, ${w.frameworkId}, ${w.frameworkVersion},
      ${w.editionStates}, ${w.participantStatuses}, ${w.userId}, ${w.dimensions},
      ${w.changes.map((c) => c.item)}, ${w.changes.map((c) => JSON.stringify(c.value))}, ${w.changes.map((c) => c.baseVersion)},
      ${w.changes.map((c) => c.requestId)}, ${w.now})`.execute(db);
  return new Map(r.rows.map((x) => [x.written_item, x.written_version]));
}

export interface SessionBatchWriteInput extends Omit<BatchWriteInput, 'userId'> {
  /** The session row's id (SHA-256 of the cookie token) and the SHA-256 of the CSRF token the client sent. */
  sessionId: string;
  csrfSha256: Buffer;
  /** Roles that may write here; the user must also belong to the organisation. */
  roles: readonly string[];
  /** last_seen_at older than this is refreshed. */
  touchBefore: Date;
  /** The dimensions of the changes; checked against the assignments when the user is a contributor. */
  dimensions: string[];
}

/** writeAnswerBatch for the session behind a request, authenticated in the same round trip (migration 20261124_0104). */
export async function writeAnswerBatchInSession(db: Kysely<Database>, w: SessionBatchWriteInput): Promise<Map<string, number>> {
  const r = await sql<{ written_item: string; written_version: number }>`
    SELECT written_item, written_version FROM autosave_in_session(
      ${w.sessionId}, ${w.csrfSha256}, ${w.roles}, ${w.touchBefore},
      ${w.editionId}, ${w.organisationId}, ${w.frameworkId}, ${w.frameworkVersion},
      ${w.editionStates}, ${w.participantStatuses}, ${w.dimensions},
      ${w.changes.map((c) => c.item)}, ${w.changes.map((c) => JSON.stringify(c.value))}, ${w.changes.map((c) => c.baseVersion)},
      ${w.changes.map((c) => c.requestId)}, ${w.now})`.execute(db);
  return new Map(r.rows.map((x) => [x.written_item, x.written_version]));
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
