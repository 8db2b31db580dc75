// SQL for section (dimension) assignments of contributors within one organisation's questionnaire.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function assignmentsFor(db: Kysely<Database>, editionId: string, organisationId: string) {
  return db
    .selectFrom('assignment as a')
    .innerJoin('app_user as u', 'u.id', 'a.user_id')
    .select(['a.dimension_code', 'a.user_id', 'u.display_name as user_name'])
    .where('a.edition_id', '=', editionId)
    .where('a.organisation_id', '=', organisationId)
    .orderBy('a.dimension_code')
    .orderBy('u.display_name')
    .execute();
}

export async function assignedDimensions(db: Kysely<Database>, editionId: string, organisationId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('assignment')
    .select('dimension_code')
    .where('edition_id', '=', editionId)
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.dimension_code);
}

export async function replaceAssignments(
  db: Kysely<Database>,
  editionId: string,
  organisationId: string,
  rows: { dimension_code: string; user_id: string }[],
  by: string,
  now: Date,
): Promise<void> {
  await db.deleteFrom('assignment').where('edition_id', '=', editionId).where('organisation_id', '=', organisationId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('assignment')
    .values(rows.map((r) => ({ ...r, edition_id: editionId, organisation_id: organisationId, assigned_by: by, assigned_at: now })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Active users of the organisation among `userIds`. */
export async function organisationMembers(db: Kysely<Database>, organisationId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.selectFrom('app_user').select(['id', 'role']).where('organisation_id', '=', organisationId).where('active', '=', true).where('id', 'in', userIds).execute();
}

/** Every active agency user of the organisation, for the coordinator's section assignment. */
export async function listOrganisationMembers(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'role'])
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .where('role', 'in', ['coordinator', 'contributor', 'head'])
    .orderBy('display_name')
    .execute();
}
