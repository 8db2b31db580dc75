// SQL for reminder runs: who is due, who to write to, claiming a reminder slot, and the reminder log.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ParticipantStatus } from '../../engine/edition/lifecycle.js';

export async function openEditionsForReminders(db: Kysely<Database>, editionId?: string) {
  let q = db
    .selectFrom('edition')
    .select(['id', 'year_be', 'title_th', 'title_en', 'closes_at', 'opened_at', 'opens_at', 'reminder_interval_days', 'reminder_max'])
    .where('state', '=', 'open');
  if (editionId) q = q.where('id', '=', editionId);
  return q.execute();
}

export interface ReminderCandidate {
  organisation_id: string;
  name_th: string;
  name_en: string | null;
  status: ParticipantStatus;
  reminders_sent: number;
  last_reminded_at: Date | null;
  contact_email: string | null;
  recipients: string[];
}

/** Participants that have not submitted, with the e-mails of their active coordinators and heads. */
export async function reminderCandidates(db: Kysely<Database>, editionId: string, max: number): Promise<ReminderCandidate[]> {
  const r = await sql<ReminderCandidate>`
    SELECT p.organisation_id, o.name_th, o.name_en, p.status, p.reminders_sent, p.last_reminded_at, p.contact_email,
           coalesce(array_agg(u.email ORDER BY u.email) FILTER (WHERE u.id IS NOT NULL), '{}') AS recipients
    FROM participant p
    JOIN organisation o ON o.id = p.organisation_id
    LEFT JOIN app_user u ON u.organisation_id = p.organisation_id AND u.active AND u.role IN ('coordinator', 'head')
    WHERE p.edition_id = ${editionId} AND p.status <> 'submitted' AND p.reminders_sent < ${max}
    GROUP BY p.organisation_id, o.name_th, o.name_en, p.status, p.reminders_sent, p.last_reminded_at, p.contact_email`.execute(db);
  return r.rows;
}

/** Takes the next reminder slot unless another run took it first (compare-and-set on the count). */
export async function claimReminder(db: Kysely<Database>, editionId: string, organisationId: string, seenCount: number, now: Date, counts: boolean): Promise<boolean> {
  const r = await db
    .updateTable('participant')
    .set({ reminders_sent: counts ? seenCount + 1 : seenCount, last_reminded_at: now })
    .where('edition_id', '=', editionId)
    .where('organisation_id', '=', organisationId)
    .where('reminders_sent', '=', seenCount)
    .where('status', '!=', 'submitted')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function logReminder(db: Kysely<Database>, r: { edition_id: string; organisation_id: string; at: Date; sequence: number; recipients: string[]; outcome: 'sent' | 'no_recipient' }): Promise<void> {
  await db.insertInto('reminder_log').values(r).execute();
}

export async function reminderLog(db: Kysely<Database>, editionId: string) {
  return db.selectFrom('reminder_log').selectAll().where('edition_id', '=', editionId).orderBy('id').execute();
}
