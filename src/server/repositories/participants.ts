// SQL for an edition's participants: lookup with locks, status changes, monitoring counts and the chase list.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EditionState, ParticipantStatus } from '../../engine/edition/lifecycle.js';

export interface ParticipantRow {
  edition_id: string;
  organisation_id: string;
  status: ParticipantStatus;
  version: number;
  contact_email: string | null;
  first_answer_at: Date | null;
  completed_at: Date | null;
  completed_by: string | null;
  completed_by_name: string | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  reopened_at: Date | null;
  reopened_reason: string | null;
  reminders_sent: number;
  last_reminded_at: Date | null;
}

export async function findParticipant(db: Kysely<Database>, editionId: string, organisationId: string, lock?: 'update' | 'key_share'): Promise<ParticipantRow | undefined> {
  let q = db
    .selectFrom('participant as p')
    .leftJoin('app_user as cu', 'cu.id', 'p.completed_by')
    .leftJoin('app_user as su', 'su.id', 'p.submitted_by')
    .selectAll('p')
    .select(['cu.display_name as completed_by_name', 'su.display_name as submitted_by_name'])
    .where('p.edition_id', '=', editionId)
    .where('p.organisation_id', '=', organisationId);
  if (lock === 'update') q = q.forUpdate('p');
  if (lock === 'key_share') q = q.forKeyShare('p');
  return q.executeTakeFirst() as Promise<ParticipantRow | undefined>;
}

/** The participant's optimistic-lock version, which the questionnaire services require with each transition. */
export async function participantVersion(db: Kysely<Database>, editionId: string, organisationId: string): Promise<number> {
  const p = await db.selectFrom('participant').select('version').where('edition_id', '=', editionId).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
  return p.version;
}

export async function updateParticipant(
  db: Kysely<Database>,
  editionId: string,
  organisationId: string,
  patch: {
    status?: ParticipantStatus;
    first_answer_at?: Date;
    completed_at?: Date | null;
    completed_by?: string | null;
    submitted_at?: Date | null;
    submitted_by?: string | null;
    reopened_at?: Date;
    reopened_reason?: string;
    contact_email?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('participant')
    .set({ ...patch, version: sql`version + 1` })
    .where('edition_id', '=', editionId)
    .where('organisation_id', '=', organisationId)
    .execute();
}

/** not_started → in_progress on the first answer; a no-op otherwise. */
export async function markStarted(db: Kysely<Database>, editionId: string, organisationId: string, now: Date): Promise<void> {
  await db
    .updateTable('participant')
    .set({ status: 'in_progress', first_answer_at: now, version: sql`version + 1` })
    .where('edition_id', '=', editionId)
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'not_started')
    .execute();
}

export interface MonitoringRow {
  organisation_id: string;
  code: string;
  name_th: string;
  name_en: string | null;
  level: string;
  ministry_code: string | null;
  ministry_name_th: string | null;
  province_code: string | null;
  province_name_th: string | null;
  status: ParticipantStatus;
  answered: number;
  first_answer_at: Date | null;
  last_answer_at: Date | null;
  reminders_sent: number;
  last_reminded_at: Date | null;
  contact_email: string | null;
}

/** One row per participant with its answer count; the service aggregates (2,000 rows at most per edition). */
export async function monitoringRows(db: Kysely<Database>, editionId: string): Promise<MonitoringRow[]> {
  const r = await sql<MonitoringRow>`
    SELECT p.organisation_id, o.code, o.name_th, o.name_en, o.level, o.ministry_code, m.name_th AS ministry_name_th,
           o.province_code, pv.name_th AS province_name_th, p.status, p.first_answer_at, p.reminders_sent,
           p.last_reminded_at, p.contact_email,
           coalesce(a.answered, 0)::int AS answered, a.last_answer_at
    FROM participant p
    JOIN organisation o ON o.id = p.organisation_id
    LEFT JOIN ministry m ON m.code = o.ministry_code
    LEFT JOIN province pv ON pv.code = o.province_code
    LEFT JOIN (
      SELECT organisation_id, count(*) FILTER (WHERE value <> 'null'::jsonb) AS answered, max(updated_at) AS last_answer_at
      FROM answer WHERE edition_id = ${editionId} GROUP BY organisation_id
    ) a ON a.organisation_id = p.organisation_id
    WHERE p.edition_id = ${editionId}
    ORDER BY o.code`.execute(db);
  return r.rows;
}

/**
 * One round trip for the autosave path: the edition's state and framework with the participant's status. The edition
 * row is locked FOR KEY SHARE (closing it takes FOR UPDATE and so waits for the write, and vice versa), the participant
 * row FOR NO KEY UPDATE: submitting waits likewise, and answer writes of one organisation take turns (no deadlocks).
 */
export async function lockForAnswering(db: Kysely<Database>, editionId: string, organisationId: string) {
  const r = await sql<{ state: EditionState; framework_id: string; framework_version: string; status: ParticipantStatus }>`
    SELECT e.state, e.framework_id, e.framework_version, p.status
    FROM edition e JOIN participant p ON p.edition_id = e.id
    WHERE e.id = ${editionId} AND p.organisation_id = ${organisationId}
    FOR KEY SHARE OF e FOR NO KEY UPDATE OF p`.execute(db);
  return r.rows[0];
}
