// SQL for the Digital Local contest: contests, entries and their versions, attachments, LAO look-ups, sign-up invitations.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;
type Lock = 'update' | 'share' | undefined;

// ----- contests

export interface ContestRow {
  year: number;
  config: unknown;
  version: number;
  basis: 'raw' | 'zscore' | 'additive' | null;
  basis_reason: string | null;
  basis_chosen_by: string | null;
  basis_chosen_at: Date | null;
  result: unknown;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  announced_by: string | null;
  announced_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export async function findContest(db: Db, year: number, lock?: Lock): Promise<ContestRow | undefined> {
  let q = db.selectFrom('dl_contest').selectAll().where('year', '=', year);
  if (lock === 'update') q = q.forUpdate();
  if (lock === 'share') q = q.forShare();
  return q.executeTakeFirst() as Promise<ContestRow | undefined>;
}

export async function listContests(db: Db): Promise<ContestRow[]> {
  return db.selectFrom('dl_contest').selectAll().orderBy('year', 'desc').execute() as Promise<ContestRow[]>;
}

export async function entryCounts(db: Db, years: number[]): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  if (years.length === 0) return out;
  const rows = await db
    .selectFrom('dl_entry')
    .select(['contest_year', 'status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('contest_year', 'in', years)
    .groupBy(['contest_year', 'status'])
    .execute();
  for (const r of rows) {
    const m = out.get(r.contest_year) ?? {};
    m[r.status] = Number(r.n);
    out.set(r.contest_year, m);
  }
  return out;
}

export async function insertContest(db: Db, c: { year: number; config: unknown; created_by: string | null; now: Date }): Promise<boolean> {
  const r = await db
    .insertInto('dl_contest')
    .values({ year: c.year, config: JSON.stringify(c.config), created_by: c.created_by, created_at: c.now, updated_at: c.now, basis: null, basis_reason: null, basis_chosen_by: null, basis_chosen_at: null, result: null, confirmed_by: null, confirmed_at: null, announced_by: null, announced_at: null })
    .onConflict((oc) => oc.column('year').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Compare-and-set on the version; false when someone else changed the contest first. */
export async function updateContestConfig(db: Db, year: number, baseVersion: number, config: unknown, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('dl_contest')
    .set((eb) => ({ config: JSON.stringify(config), version: eb('version', '+', 1), updated_at: now }))
    .where('year', '=', year)
    .where('version', '=', baseVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setContestBasis(db: Db, year: number, basis: 'raw' | 'zscore' | 'additive', reason: string | null, by: string, now: Date): Promise<void> {
  await db
    .updateTable('dl_contest')
    .set((eb) => ({ basis, basis_reason: reason, basis_chosen_by: by, basis_chosen_at: now, version: eb('version', '+', 1), updated_at: now }))
    .where('year', '=', year)
    .execute();
}

export async function setContestConfirmed(db: Db, year: number, result: unknown, by: string, now: Date): Promise<void> {
  await db
    .updateTable('dl_contest')
    .set((eb) => ({ result: JSON.stringify(result), confirmed_by: by, confirmed_at: now, version: eb('version', '+', 1), updated_at: now }))
    .where('year', '=', year)
    .execute();
}

export async function setContestAnnounced(db: Db, year: number, by: string, now: Date): Promise<void> {
  await db
    .updateTable('dl_contest')
    .set((eb) => ({ announced_by: by, announced_at: now, version: eb('version', '+', 1), updated_at: now }))
    .where('year', '=', year)
    .execute();
}

// ----- LAOs from the registry

export interface LaoRow {
  id: string;
  code: string;
  name_th: string;
  name_en: string | null;
  org_type: string | null;
  province_code: string | null;
  province_name_th: string | null;
  province_name_en: string | null;
  active: boolean;
}

const laoColumns = ['o.id', 'o.code', 'o.name_th', 'o.name_en', 'o.org_type', 'o.province_code', 'p.name_th as province_name_th', 'p.name_en as province_name_en', 'o.active'] as const;

export async function findLao(db: Db, id: string): Promise<LaoRow | undefined> {
  return db
    .selectFrom('organisation as o')
    .leftJoin('province as p', 'p.code', 'o.province_code')
    .select(laoColumns)
    .where('o.id', '=', id)
    .where('o.level', '=', 'lao')
    .executeTakeFirst() as Promise<LaoRow | undefined>;
}

export async function searchLaos(db: Db, f: { provinceCode?: string; orgTypes?: string[]; q?: string; limit: number }): Promise<LaoRow[]> {
  let q = db
    .selectFrom('organisation as o')
    .leftJoin('province as p', 'p.code', 'o.province_code')
    .select(laoColumns)
    .where('o.level', '=', 'lao')
    .where('o.active', '=', true);
  if (f.provinceCode) q = q.where('o.province_code', '=', f.provinceCode);
  if (f.orgTypes && f.orgTypes.length > 0) q = q.where('o.org_type', 'in', f.orgTypes);
  if (f.q) q = q.where('o.search_text', 'like', `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q.orderBy('o.province_code').orderBy('o.name_th').limit(f.limit).execute() as Promise<LaoRow[]>;
}

/** Organisations (any level) with their province, for judges' affiliations. */
export async function findOrganisationsBrief(db: Db, ids: string[]): Promise<{ id: string; level: string; code: string; name_th: string; name_en: string | null; org_type: string | null; province_code: string | null }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organisation').select(['id', 'level', 'code', 'name_th', 'name_en', 'org_type', 'province_code']).where('id', 'in', ids).execute();
}

export async function provinceExists(db: Db, code: string): Promise<boolean> {
  return Boolean(await db.selectFrom('province').select('code').where('code', '=', code).executeTakeFirst());
}

export async function listProvincesBrief(db: Db): Promise<{ code: string; name_th: string; name_en: string }[]> {
  return db.selectFrom('province').select(['code', 'name_th', 'name_en']).orderBy('name_th').execute();
}

// ----- self-service sign-up: an invitation row like any other, without an inviting user

export async function insertSignupInvitation(db: Db, i: { id: string; token_hash: string; email: string; organisation_id: string; created_at: Date; expires_at: Date }): Promise<void> {
  await db
    .insertInto('invitation')
    .values({ ...i, role: 'lao_applicant', invited_by: null, used_at: null, used_by: null })
    .execute();
}

// ----- entries

/** The applicant LAO's columns that entry and applicant-approval rows carry beside their own. */
export interface ApplicantOrgColumns {
  org_code: string;
  org_name_th: string;
  org_name_en: string | null;
  org_type: string | null;
  province_code: string | null;
  province_name_th: string | null;
  province_name_en: string | null;
}

export interface EntryRow extends ApplicantOrgColumns {
  id: string;
  contest_year: number;
  organisation_id: string;
  status: 'draft' | 'submitted' | 'withdrawn';
  title: string;
  summary: string;
  sections: Record<string, string>;
  links: { url: string; label: string }[];
  version: number;
  last_request_id: string | null;
  created_by: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
  submitted_by: string | null;
  submitted_at: Date | null;
  withdrawn_by: string | null;
  withdrawn_at: Date | null;
  withdraw_reason: string | null;
  updated_by_name: string | null;
}

function entrySelect(db: Db) {
  return db
    .selectFrom('dl_entry as e')
    .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
    .leftJoin('province as p', 'p.code', 'o.province_code')
    .leftJoin('app_user as u', 'u.id', 'e.updated_by')
    .selectAll('e')
    .select([
      'o.code as org_code',
      'o.name_th as org_name_th',
      'o.name_en as org_name_en',
      'o.org_type',
      'o.province_code',
      'p.name_th as province_name_th',
      'p.name_en as province_name_en',
      'u.display_name as updated_by_name',
    ]);
}

export async function findEntry(db: Db, id: string, lock?: Lock): Promise<EntryRow | undefined> {
  let q = entrySelect(db).where('e.id', '=', id);
  if (lock === 'update') q = q.forUpdate('e');
  if (lock === 'share') q = q.forShare('e');
  return q.executeTakeFirst() as Promise<EntryRow | undefined>;
}

export async function findEntryOf(db: Db, year: number, organisationId: string): Promise<EntryRow | undefined> {
  return entrySelect(db).where('e.contest_year', '=', year).where('e.organisation_id', '=', organisationId).executeTakeFirst() as Promise<EntryRow | undefined>;
}

export async function listEntries(
  db: Db,
  year: number,
  f: { organisationId?: string; statuses?: string[]; ids?: string[]; provinceCode?: string; orgTypes?: string[] } = {},
): Promise<EntryRow[]> {
  let q = entrySelect(db).where('e.contest_year', '=', year);
  if (f.organisationId) q = q.where('e.organisation_id', '=', f.organisationId);
  if (f.statuses) q = q.where('e.status', 'in', f.statuses as EntryRow['status'][]);
  if (f.ids) {
    if (f.ids.length === 0) return [];
    q = q.where('e.id', 'in', f.ids);
  }
  if (f.provinceCode) q = q.where('o.province_code', '=', f.provinceCode);
  if (f.orgTypes && f.orgTypes.length > 0) q = q.where('o.org_type', 'in', f.orgTypes);
  return q.orderBy('p.name_th').orderBy('o.name_th').execute() as Promise<EntryRow[]>;
}

export interface EntryContent {
  title: string;
  summary: string;
  sections: Record<string, string>;
  links: { url: string; label: string }[];
}

/** Inserts the entry (version 1) unless the LAO already has one in this contest; false then. */
export async function insertEntry(db: Db, e: { id: string; contest_year: number; organisation_id: string; content: EntryContent; by: string; now: Date }): Promise<boolean> {
  const r = await db
    .insertInto('dl_entry')
    .values({
      id: e.id,
      contest_year: e.contest_year,
      organisation_id: e.organisation_id,
      status: 'draft',
      title: e.content.title,
      summary: e.content.summary,
      sections: JSON.stringify(e.content.sections),
      links: JSON.stringify(e.content.links),
      last_request_id: null,
      created_by: e.by,
      created_at: e.now,
      updated_by: e.by,
      updated_at: e.now,
      submitted_by: null,
      submitted_at: null,
      withdrawn_by: null,
      withdrawn_at: null,
      withdraw_reason: null,
    })
    .onConflict((oc) => oc.columns(['contest_year', 'organisation_id']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  await db.insertInto('dl_entry_version').values({ entry_id: e.id, version: 1, content: JSON.stringify(e.content), request_id: null, saved_by: e.by, saved_at: e.now }).execute();
  return true;
}

/** Compare-and-set write of a draft's content; the new version, or null when `baseVersion` is stale. */
export async function writeEntryContent(db: Db, w: { id: string; baseVersion: number; content: EntryContent; requestId: string; by: string; now: Date }): Promise<number | null> {
  const row = await db
    .updateTable('dl_entry')
    .set((eb) => ({
      title: w.content.title,
      summary: w.content.summary,
      sections: JSON.stringify(w.content.sections),
      links: JSON.stringify(w.content.links),
      version: eb('version', '+', 1),
      last_request_id: w.requestId,
      updated_by: w.by,
      updated_at: w.now,
    }))
    .where('id', '=', w.id)
    .where('version', '=', w.baseVersion)
    .where('status', '=', 'draft')
    .returning('version')
    .executeTakeFirst();
  if (!row) return null;
  await db.insertInto('dl_entry_version').values({ entry_id: w.id, version: row.version, content: JSON.stringify(w.content), request_id: w.requestId, saved_by: w.by, saved_at: w.now }).execute();
  return row.version;
}

export async function findEntryVersionByRequest(db: Db, entryId: string, requestId: string): Promise<{ version: number; saved_at: Date } | undefined> {
  return db.selectFrom('dl_entry_version').select(['version', 'saved_at']).where('entry_id', '=', entryId).where('request_id', '=', requestId).executeTakeFirst();
}

export async function setEntrySubmitted(db: Db, id: string, by: string, now: Date): Promise<void> {
  await db
    .updateTable('dl_entry')
    .set((eb) => ({ status: 'submitted', submitted_by: by, submitted_at: now, version: eb('version', '+', 1), updated_by: by, updated_at: now }))
    .where('id', '=', id)
    .execute();
}

export async function setEntryWithdrawn(db: Db, id: string, by: string, reason: string | null, now: Date): Promise<void> {
  await db
    .updateTable('dl_entry')
    .set((eb) => ({ status: 'withdrawn', withdrawn_by: by, withdrawn_at: now, withdraw_reason: reason, version: eb('version', '+', 1), updated_by: by, updated_at: now }))
    .where('id', '=', id)
    .execute();
}

// ----- attachments

export interface AttachmentRow {
  id: string;
  entry_id: string;
  section: string | null;
  sha256: string;
  filename: string;
  size: number | string;
  mime_type: string;
  uploaded_by: string;
  uploaded_at: Date;
  deleted_at: Date | null;
}

export async function insertAttachment(db: Db, a: { id: string; entry_id: string; section: string | null; sha256: string; filename: string; size: number; mime_type: string; uploaded_by: string; uploaded_at: Date }): Promise<void> {
  await db.insertInto('dl_attachment').values({ ...a, deleted_at: null, deleted_by: null }).execute();
}

export async function findAttachment(db: Db, id: string): Promise<AttachmentRow | undefined> {
  return db
    .selectFrom('dl_attachment')
    .select(['id', 'entry_id', 'section', 'sha256', 'filename', 'size', 'mime_type', 'uploaded_by', 'uploaded_at', 'deleted_at'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst() as Promise<AttachmentRow | undefined>;
}

export async function attachmentsOf(db: Db, entryIds: string[]): Promise<AttachmentRow[]> {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom('dl_attachment')
    .select(['id', 'entry_id', 'section', 'sha256', 'filename', 'size', 'mime_type', 'uploaded_by', 'uploaded_at', 'deleted_at'])
    .where('entry_id', 'in', entryIds)
    .where('deleted_at', 'is', null)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute() as Promise<AttachmentRow[]>;
}

export async function softDeleteAttachment(db: Db, id: string, by: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('dl_attachment').set({ deleted_at: now, deleted_by: by }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ----- bulk (demo)

export async function insertEntriesBulk(
  db: Db,
  rows: { id: string; contest_year: number; organisation_id: string; status: 'draft' | 'submitted'; content: EntryContent; by: string; created_at: Date; submitted_at: Date | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db
      .insertInto('dl_entry')
      .values(
        chunk.map((r) => ({
          id: r.id,
          contest_year: r.contest_year,
          organisation_id: r.organisation_id,
          status: r.status,
          title: r.content.title,
          summary: r.content.summary,
          sections: JSON.stringify(r.content.sections),
          links: JSON.stringify(r.content.links),
          version: r.status === 'submitted' ? 2 : 1,
          last_request_id: null,
          created_by: r.by,
          created_at: r.created_at,
          updated_by: r.by,
          updated_at: r.submitted_at ?? r.created_at,
          submitted_by: r.status === 'submitted' ? r.by : null,
          submitted_at: r.submitted_at,
          withdrawn_by: null,
          withdrawn_at: null,
          withdraw_reason: null,
        })),
      )
      .execute();
    await db
      .insertInto('dl_entry_version')
      .values(chunk.map((r) => ({ entry_id: r.id, version: 1, content: JSON.stringify(r.content), request_id: null, saved_by: r.by, saved_at: r.created_at })))
      .execute();
  }
}

export async function insertAttachmentsBulk(db: Db, rows: { id: string; entry_id: string; section: string | null; sha256: string; filename: string; size: number; mime_type: string; uploaded_by: string; uploaded_at: Date }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('dl_attachment')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, deleted_at: null, deleted_by: null })))
      .execute();
  }
}


// ----- the entries of a contest in brief (a judge's conflict picker)

export interface EntryBriefRow extends Omit<LaoRow, 'active'> {
  entry_id: string;
  status: EntryRow['status'];
}

/** Only the applicant LAO of each entry: no title or content, which a judge may read only once assigned. */
export async function entryBriefs(db: Db, year: number, statuses: EntryRow['status'][]): Promise<EntryBriefRow[]> {
  if (statuses.length === 0) return [];
  return db
    .selectFrom('dl_entry as e')
    .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
    .leftJoin('province as p', 'p.code', 'o.province_code')
    .select(['e.id as entry_id', 'e.status', 'o.id', 'o.code', 'o.name_th', 'o.name_en', 'o.org_type', 'o.province_code', 'p.name_th as province_name_th', 'p.name_en as province_name_en'])
    .where('e.contest_year', '=', year)
    .where('e.status', 'in', statuses)
    .execute() as Promise<EntryBriefRow[]>;
}
