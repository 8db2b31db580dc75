// SQL for editions, their transition log and population selection.
import { sql, type Kysely } from 'kysely';
import type { Database, EditionTable } from '../../db/schema.js';
import type { EditionState } from '../../engine/edition/lifecycle.js';

export interface EditionRow {
  id: string;
  year_be: number;
  title_th: string;
  title_en: string;
  framework_id: string;
  framework_version: string;
  state: EditionState;
  opens_at: Date;
  closes_at: Date;
  opened_at: Date | null;
  reminder_interval_days: number;
  reminder_max: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  participant_count: number;
}

const participantCount = sql<number>`(SELECT count(*)::int FROM participant p WHERE p.edition_id = edition.id)`.as('participant_count');

export async function insertEdition(
  db: Kysely<Database>,
  e: Pick<EditionTable, 'year_be' | 'title_th' | 'title_en' | 'framework_id' | 'framework_version'> & {
    id: string;
    opens_at: Date;
    closes_at: Date;
    reminder_interval_days?: number;
    reminder_max?: number;
    created_at: Date;
  },
): Promise<void> {
  await db.insertInto('edition').values({ ...e, updated_at: e.created_at }).execute();
}

export async function findEdition(db: Kysely<Database>, id: string, opts: { lock?: 'update' | 'key_share' } = {}): Promise<EditionRow | undefined> {
  let q = db.selectFrom('edition').selectAll().select(participantCount).where('id', '=', id);
  if (opts.lock === 'update') q = q.forUpdate();
  if (opts.lock === 'key_share') q = q.forKeyShare();
  return q.executeTakeFirst() as Promise<EditionRow | undefined>;
}

/** Row lock on the edition alone (no participant count), for serialising work per edition inside a transaction. */
export async function lockEditionRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.selectFrom('edition').select('id').where('id', '=', id).forUpdate().execute();
}

export async function findEditionByYear(db: Kysely<Database>, yearBe: number): Promise<{ id: string; state: EditionState } | undefined> {
  return db.selectFrom('edition').select(['id', 'state']).where('year_be', '=', yearBe).executeTakeFirst();
}

export async function listEditions(db: Kysely<Database>, scope: { organisationId: string | null; hideDraft: boolean } | null): Promise<EditionRow[]> {
  let q = db.selectFrom('edition').selectAll().select(participantCount).orderBy('year_be', 'desc').orderBy('created_at', 'desc');
  if (scope) {
    const oid = scope.organisationId;
    if (!oid) return [];
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('participant as pp').select('pp.edition_id').whereRef('pp.edition_id', '=', 'edition.id').where('pp.organisation_id', '=', oid)),
    );
    if (scope.hideDraft) q = q.where('state', '!=', 'draft');
  }
  return q.execute() as Promise<EditionRow[]>;
}

export async function updateEdition(
  db: Kysely<Database>,
  id: string,
  patch: {
    title_th?: string;
    title_en?: string;
    framework_id?: string;
    framework_version?: string;
    reminder_interval_days?: number;
    reminder_max?: number;
    opens_at?: Date;
    closes_at?: Date;
    state?: EditionState;
    opened_at?: Date;
  },
  now: Date,
): Promise<void> {
  await db
    .updateTable('edition')
    .set({ ...patch, updated_at: now, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function insertTransition(
  db: Kysely<Database>,
  t: { edition_id: string; from_state: string; to_state: string; at: Date; actor_id: string | null; reason: string | null },
): Promise<void> {
  await db.insertInto('edition_transition').values(t).execute();
}

export async function listTransitions(db: Kysely<Database>, editionId: string) {
  return db
    .selectFrom('edition_transition as t')
    .leftJoin('app_user as u', 'u.id', 't.actor_id')
    .select(['t.from_state', 't.to_state', 't.at', 't.reason', 'u.display_name as actor_name'])
    .where('t.edition_id', '=', editionId)
    .orderBy('t.id')
    .execute();
}

export interface PopulationFilter {
  levels?: string[];
  ministries?: string[];
  provinces?: string[];
  orgTypes?: string[];
  servesPublic?: boolean;
}

function filtered(db: Kysely<Database>, f: PopulationFilter) {
  let q = db.selectFrom('organisation as o').where('o.active', '=', true);
  if (f.levels?.length) q = q.where('o.level', 'in', f.levels as never[]);
  if (f.ministries?.length) q = q.where('o.ministry_code', 'in', f.ministries);
  if (f.provinces?.length) q = q.where('o.province_code', 'in', f.provinces);
  if (f.orgTypes?.length) q = q.where('o.org_type', 'in', f.orgTypes);
  if (f.servesPublic !== undefined) q = q.where('o.serves_public', '=', f.servesPublic);
  return q;
}

export async function previewPopulation(db: Kysely<Database>, f: PopulationFilter, sampleSize: number) {
  const byLevel = await filtered(db, f).select(['o.level', sql<number>`count(*)::int`.as('count')]).groupBy('o.level').orderBy('o.level').execute();
  const sample = await filtered(db, f)
    .leftJoin('ministry as m', 'm.code', 'o.ministry_code')
    .leftJoin('province as pv', 'pv.code', 'o.province_code')
    .select([
      'o.id',
      'o.level',
      'o.code',
      'o.name_th',
      'o.name_en',
      'o.ministry_code',
      'm.name_th as ministry_name_th',
      'm.name_en as ministry_name_en',
      'o.province_code',
      'pv.name_th as province_name_th',
      'pv.name_en as province_name_en',
      'o.org_type',
      'o.serves_public',
      'o.active',
      'o.version',
      'o.parent_id',
    ])
    .orderBy('o.code')
    .limit(sampleSize)
    .execute();
  return { count: byLevel.reduce((s, r) => s + r.count, 0), byLevel, sample };
}

/** Replaces the population with the filter's organisations; organisations already in it keep their rows. */
export async function replacePopulation(db: Kysely<Database>, editionId: string, f: PopulationFilter): Promise<number> {
  const ids = (await filtered(db, f).select('o.id').execute()).map((r) => r.id);
  if (ids.length === 0) {
    await db.deleteFrom('participant').where('edition_id', '=', editionId).execute();
    return 0;
  }
  await db.deleteFrom('participant').where('edition_id', '=', editionId).where('organisation_id', 'not in', ids).execute();
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .insertInto('participant')
      .values(ids.slice(i, i + 1000).map((organisation_id) => ({ edition_id: editionId, organisation_id, contact_email: null, first_answer_at: null, completed_at: null, completed_by: null, submitted_at: null, submitted_by: null, reopened_at: null, reopened_reason: null, last_reminded_at: null })))
      .onConflict((oc) => oc.columns(['edition_id', 'organisation_id']).doNothing())
      .execute();
  }
  return ids.length;
}

export async function setContactEmail(db: Kysely<Database>, editionId: string, organisationId: string, email: string): Promise<void> {
  await db.updateTable('participant').set({ contact_email: email }).where('edition_id', '=', editionId).where('organisation_id', '=', organisationId).execute();
}

/** Participants with their contact e-mail and whether a coordinator account or a live coordinator invitation exists. */
export async function participantsForInvitation(db: Kysely<Database>, editionId: string, organisationIds: string[] | null, now: Date) {
  let q = db
    .selectFrom('participant as p')
    .select(['p.organisation_id', 'p.contact_email'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('app_user as u').select('u.id').whereRef('u.organisation_id', '=', 'p.organisation_id').where('u.role', '=', 'coordinator').where('u.active', '=', true))
        .as('has_coordinator'),
    )
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('invitation as i')
            .select('i.id')
            .whereRef('i.organisation_id', '=', 'p.organisation_id')
            .where('i.role', '=', 'coordinator')
            .where('i.used_at', 'is', null)
            .where('i.expires_at', '>', now),
        )
        .as('has_invitation'),
    )
    .where('p.edition_id', '=', editionId)
    .orderBy('p.organisation_id');
  if (organisationIds) q = organisationIds.length ? q.where('p.organisation_id', 'in', organisationIds) : q.where(sql<boolean>`false`);
  return q.execute();
}
