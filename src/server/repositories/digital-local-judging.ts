// SQL for Digital Local judging: judges' affiliations and declarations, assignments, score sheets, committee overrides.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

// ----- contest settings kept by the judging side

export interface ContestSettingsRow {
  max_entries_per_judge: number | null;
  updated_at: Date;
}

export async function contestSettings(db: Db, year: number): Promise<ContestSettingsRow | undefined> {
  return db.selectFrom('dl_contest_settings').select(['max_entries_per_judge', 'updated_at']).where('year', '=', year).executeTakeFirst();
}

export async function setMaxEntriesPerJudge(db: Db, year: number, max: number | null, by: string, now: Date): Promise<void> {
  await db
    .insertInto('dl_contest_settings')
    .values({ year, max_entries_per_judge: max, updated_by: by, updated_at: now })
    .onConflict((oc) => oc.column('year').doUpdateSet({ max_entries_per_judge: max, updated_by: by, updated_at: now }))
    .execute();
}

// ----- judges

export interface JudgeUserRow {
  id: string;
  email: string;
  display_name: string;
  active: boolean;
}

export async function listJudgeUsers(db: Db, opts: { activeOnly?: boolean; ids?: string[] } = {}): Promise<JudgeUserRow[]> {
  let q = db.selectFrom('app_user').select(['id', 'email', 'display_name', 'active']).where('role', '=', 'judge');
  if (opts.activeOnly) q = q.where('active', '=', true);
  if (opts.ids) {
    if (opts.ids.length === 0) return [];
    q = q.where('id', 'in', opts.ids);
  }
  return q.orderBy('display_name').orderBy('id').execute();
}

export interface AffiliationRow {
  id: string;
  judge_id: string;
  organisation_id: string | null;
  province_code: string | null;
  org_level: string | null;
  org_code: string | null;
  org_name_th: string | null;
  org_name_en: string | null;
  org_type: string | null;
  org_province_code: string | null;
  created_at: Date;
}

export async function affiliationsOf(db: Db, judgeIds?: string[]): Promise<AffiliationRow[]> {
  let q = db
    .selectFrom('dl_judge_affiliation as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.judge_id',
      'a.organisation_id',
      'a.province_code',
      'o.level as org_level',
      'o.code as org_code',
      'o.name_th as org_name_th',
      'o.name_en as org_name_en',
      'o.org_type',
      'o.province_code as org_province_code',
      'a.created_at',
    ]);
  if (judgeIds) {
    if (judgeIds.length === 0) return [];
    q = q.where('a.judge_id', 'in', judgeIds);
  }
  return q.orderBy('a.created_at').orderBy('a.id').execute() as Promise<AffiliationRow[]>;
}

export async function replaceAffiliations(
  db: Db,
  judgeId: string,
  rows: { id: string; organisation_id: string | null; province_code: string | null }[],
  by: string | null,
  now: Date,
): Promise<void> {
  await db.deleteFrom('dl_judge_affiliation').where('judge_id', '=', judgeId).execute();
  if (rows.length > 0) {
    await db
      .insertInto('dl_judge_affiliation')
      .values(rows.map((r) => ({ ...r, judge_id: judgeId, created_by: by, created_at: now })))
      .execute();
  }
}

export interface DeclarationRow {
  id: string;
  judge_id: string;
  kind: 'lao' | 'province' | 'other';
  organisation_id: string | null;
  province_code: string | null;
  note: string | null;
  created_at: Date;
  org_code: string | null;
  org_name_th: string | null;
  org_name_en: string | null;
}

export async function declarationsOf(db: Db, judgeIds?: string[]): Promise<DeclarationRow[]> {
  let q = db
    .selectFrom('dl_judge_declaration as d')
    .leftJoin('organisation as o', 'o.id', 'd.organisation_id')
    .select(['d.id', 'd.judge_id', 'd.kind', 'd.organisation_id', 'd.province_code', 'd.note', 'd.created_at', 'o.code as org_code', 'o.name_th as org_name_th', 'o.name_en as org_name_en']);
  if (judgeIds) {
    if (judgeIds.length === 0) return [];
    q = q.where('d.judge_id', 'in', judgeIds);
  }
  return q.orderBy('d.created_at').orderBy('d.id').execute() as Promise<DeclarationRow[]>;
}

export async function insertDeclaration(db: Db, d: { id: string; judge_id: string; kind: 'lao' | 'province' | 'other'; organisation_id: string | null; province_code: string | null; note: string | null; created_at: Date }): Promise<void> {
  await db.insertInto('dl_judge_declaration').values(d).execute();
}

export async function deleteDeclaration(db: Db, judgeId: string, id: string): Promise<DeclarationRow | undefined> {
  const row = (await declarationsOf(db, [judgeId])).find((d) => d.id === id);
  if (!row) return undefined;
  await db.deleteFrom('dl_judge_declaration').where('id', '=', id).where('judge_id', '=', judgeId).execute();
  return row;
}

// ----- assignments

export interface AssignmentRow {
  entry_id: string;
  judge_id: string;
  source: 'auto' | 'manual';
  assigned_at: Date;
}

export async function assignmentsOf(db: Db, year: number): Promise<AssignmentRow[]> {
  return db
    .selectFrom('dl_assignment')
    .select(['entry_id', 'judge_id', 'source', 'assigned_at'])
    .where('contest_year', '=', year)
    .orderBy('entry_id')
    .orderBy('judge_id')
    .execute();
}

export async function assignmentsOfEntry(db: Db, entryId: string): Promise<{ judge_id: string; assigned_at: Date }[]> {
  return db.selectFrom('dl_assignment').select(['judge_id', 'assigned_at']).where('entry_id', '=', entryId).orderBy('assigned_at').orderBy('judge_id').execute();
}

export async function assignedJudgeIds(db: Db, entryId: string): Promise<string[]> {
  const rows = await db.selectFrom('dl_assignment').select('judge_id').where('entry_id', '=', entryId).execute();
  return rows.map((r) => r.judge_id);
}

export async function entryIdsAssignedTo(db: Db, year: number, judgeId: string): Promise<string[]> {
  const rows = await db.selectFrom('dl_assignment').select('entry_id').where('contest_year', '=', year).where('judge_id', '=', judgeId).execute();
  return rows.map((r) => r.entry_id);
}

export async function insertAssignments(db: Db, rows: { contest_year: number; entry_id: string; judge_id: string; source: 'auto' | 'manual'; assigned_by: string | null; assigned_at: Date }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('dl_assignment')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['entry_id', 'judge_id']).doNothing())
      .execute();
  }
}

export async function deleteAssignment(db: Db, entryId: string, judgeId: string): Promise<boolean> {
  const r = await db.deleteFrom('dl_assignment').where('entry_id', '=', entryId).where('judge_id', '=', judgeId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Drops the assignments of an entry whose judge has not submitted a sheet (a withdrawn entry). */
export async function deleteUnscoredAssignments(db: Db, entryId: string): Promise<number> {
  const r = await db
    .deleteFrom('dl_assignment as a')
    .where('a.entry_id', '=', entryId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('dl_score_sheet as s').select('s.entry_id').whereRef('s.entry_id', '=', 'a.entry_id').whereRef('s.judge_id', '=', 'a.judge_id').where('s.status', '=', 'submitted'))),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ----- score sheets

export interface SheetRow {
  entry_id: string;
  judge_id: string;
  contest_year: number;
  ratings: Record<string, { score: number | null; comment: string }>;
  overall_comment: string | null;
  status: 'draft' | 'submitted';
  version: number;
  updated_at: Date;
  submitted_at: Date | null;
}

export async function findSheet(db: Db, entryId: string, judgeId: string, lock = false): Promise<SheetRow | undefined> {
  let q = db.selectFrom('dl_score_sheet').selectAll().where('entry_id', '=', entryId).where('judge_id', '=', judgeId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst() as Promise<SheetRow | undefined>;
}

export async function sheetsOfEntries(db: Db, entryIds: string[]): Promise<SheetRow[]> {
  if (entryIds.length === 0) return [];
  return db.selectFrom('dl_score_sheet').selectAll().where('entry_id', 'in', entryIds).orderBy('entry_id').orderBy('judge_id').execute() as Promise<SheetRow[]>;
}

export async function sheetsOfContest(db: Db, year: number): Promise<SheetRow[]> {
  return db.selectFrom('dl_score_sheet').selectAll().where('contest_year', '=', year).orderBy('entry_id').orderBy('judge_id').execute() as Promise<SheetRow[]>;
}

export async function countSheets(db: Db, year: number): Promise<number> {
  const r = await db.selectFrom('dl_score_sheet').select((eb) => eb.fn.countAll<string>().as('n')).where('contest_year', '=', year).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts the first version of a sheet; false when a concurrent request created it first. */
export async function insertSheet(db: Db, s: { entry_id: string; judge_id: string; contest_year: number; ratings: SheetRow['ratings']; overall_comment: string | null; now: Date }): Promise<boolean> {
  const r = await db
    .insertInto('dl_score_sheet')
    .values({ entry_id: s.entry_id, judge_id: s.judge_id, contest_year: s.contest_year, ratings: JSON.stringify(s.ratings), overall_comment: s.overall_comment, status: 'draft', updated_at: s.now, submitted_at: null })
    .onConflict((oc) => oc.columns(['entry_id', 'judge_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updateSheet(db: Db, entryId: string, judgeId: string, s: { ratings: SheetRow['ratings']; overall_comment: string | null; now: Date; submit: boolean }): Promise<number> {
  const row = await db
    .updateTable('dl_score_sheet')
    .set((eb) => ({
      ratings: JSON.stringify(s.ratings),
      overall_comment: s.overall_comment,
      version: eb('version', '+', 1),
      updated_at: s.now,
      ...(s.submit ? { status: 'submitted' as const, submitted_at: s.now } : {}),
    }))
    .where('entry_id', '=', entryId)
    .where('judge_id', '=', judgeId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function insertSheetsBulk(
  db: Db,
  rows: { entry_id: string; judge_id: string; contest_year: number; ratings: SheetRow['ratings']; overall_comment: string | null; status: 'draft' | 'submitted'; updated_at: Date; submitted_at: Date | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('dl_score_sheet')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, ratings: JSON.stringify(r.ratings) })))
      .execute();
  }
}

// ----- committee overrides

export interface OverrideRow {
  id: string;
  entry_id: string;
  from_tier: string | null;
  to_tier: string | null;
  reason: string;
  created_by: string;
  created_at: Date;
  created_by_name: string | null;
}

export async function overridesOf(db: Db, year: number): Promise<OverrideRow[]> {
  return db
    .selectFrom('dl_tier_override as t')
    .leftJoin('app_user as u', 'u.id', 't.created_by')
    .select(['t.id', 't.entry_id', 't.from_tier', 't.to_tier', 't.reason', 't.created_by', 't.created_at', 'u.display_name as created_by_name'])
    .where('t.contest_year', '=', year)
    .orderBy('t.seq')
    .execute() as Promise<OverrideRow[]>;
}

export async function insertOverride(db: Db, o: { id: string; contest_year: number; entry_id: string; from_tier: string | null; to_tier: string | null; reason: string; created_by: string; created_at: Date }): Promise<void> {
  await db.insertInto('dl_tier_override').values(o).execute();
}

export async function deleteOverride(db: Db, year: number, id: string): Promise<boolean> {
  const r = await db.deleteFrom('dl_tier_override').where('contest_year', '=', year).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

// ----- voided score sheets (a judge's conflict declared after scoring)

/**
 * Moves the judge's sheet for the entry (draft or submitted) into dl_score_sheet_void, so it leaves every result but
 * stays for audit. Answers the voided sheet, or undefined when the judge had none.
 */
export async function voidSheet(
  db: Db,
  v: { id: string; entry_id: string; judge_id: string; voided_at: Date; voided_by: string; reason_codes: string[]; declaration_id: string | null },
): Promise<SheetRow | undefined> {
  const sheet = await findSheet(db, v.entry_id, v.judge_id, true);
  if (!sheet) return undefined;
  await db
    .insertInto('dl_score_sheet_void')
    .values({
      id: v.id,
      entry_id: sheet.entry_id,
      judge_id: sheet.judge_id,
      contest_year: sheet.contest_year,
      ratings: JSON.stringify(sheet.ratings),
      overall_comment: sheet.overall_comment,
      status: sheet.status,
      version: sheet.version,
      updated_at: sheet.updated_at,
      submitted_at: sheet.submitted_at,
      voided_at: v.voided_at,
      voided_by: v.voided_by,
      reason_codes: v.reason_codes,
      declaration_id: v.declaration_id,
    })
    .execute();
  await db.deleteFrom('dl_score_sheet').where('entry_id', '=', v.entry_id).where('judge_id', '=', v.judge_id).execute();
  return sheet;
}

export interface VoidSheetRow extends SheetRow {
  id: string;
  voided_at: Date;
  voided_by: string;
  reason_codes: string[];
  declaration_id: string | null;
}

export async function voidedSheetsOf(db: Db, year: number): Promise<VoidSheetRow[]> {
  return db.selectFrom('dl_score_sheet_void').selectAll().where('contest_year', '=', year).orderBy('voided_at').orderBy('id').execute() as Promise<VoidSheetRow[]>;
}

/** Active admins' addresses, for notices that need someone to act (a judge withdrawn from an entry). */
export async function adminEmails(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('app_user').select('email').where('role', '=', 'admin').where('active', '=', true).orderBy('email').execute();
  return rows.map((r) => r.email);
}
