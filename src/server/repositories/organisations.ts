// SQL for the registry: organisations with their ministry and province names, reference lists, counts.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { escapeLike } from './users.js';

export interface OrganisationRow {
  id: string;
  level: 'department' | 'provincial_unit' | 'province' | 'lao';
  code: string;
  name_th: string;
  name_en: string | null;
  ministry_code: string | null;
  ministry_name_th: string | null;
  ministry_name_en: string | null;
  province_code: string | null;
  province_name_th: string | null;
  province_name_en: string | null;
  org_type: string | null;
  serves_public: boolean;
  active: boolean;
  version: number;
  parent_id: string | null;
}

export interface OrganisationFilter {
  q?: string;
  level?: string;
  ministry?: string;
  province?: string;
  orgType?: string;
  servesPublic?: boolean;
  /** Restrict to these ids (agency users see only their own). */
  ids?: string[];
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('ministry as m', 'm.code', 'o.ministry_code')
    .leftJoin('province as p', 'p.code', 'o.province_code');
}

const COLUMNS = [
  'o.id',
  'o.level',
  'o.code',
  'o.name_th',
  'o.name_en',
  'o.ministry_code',
  'm.name_th as ministry_name_th',
  'm.name_en as ministry_name_en',
  'o.province_code',
  'p.name_th as province_name_th',
  'p.name_en as province_name_en',
  'o.org_type',
  'o.serves_public',
  'o.active',
  'o.version',
  'o.parent_id',
] as const;

type OrgQuery = ReturnType<typeof baseQuery>;

/** Every filter is on organisation itself, so the count can skip the joins. */
function applyFilters<Q extends OrgQuery | ReturnType<typeof countBase>>(q: Q, f: OrganisationFilter): Q {
  let r = q as OrgQuery;
  if (f.ids) r = f.ids.length === 0 ? r.where(sql<boolean>`false`) : r.where('o.id', 'in', f.ids);
  if (f.q && f.q.trim()) {
    // LIKE '%…%' on the lower-cased search column is what its pg_trgm GIN index serves.
    const like = `%${escapeLike(f.q.trim())}%`;
    r = r.where(sql<boolean>`o.search_text LIKE lower(${like})`);
  }
  if (f.level) r = r.where('o.level', '=', f.level as OrganisationRow['level']);
  if (f.ministry) r = r.where('o.ministry_code', '=', f.ministry);
  if (f.province) r = r.where('o.province_code', '=', f.province);
  if (f.orgType) r = r.where('o.org_type', '=', f.orgType);
  if (f.servesPublic !== undefined) r = r.where('o.serves_public', '=', f.servesPublic);
  return r as Q;
}

function countBase(db: Kysely<Database>) {
  return db.selectFrom('organisation as o');
}

export async function searchOrganisations(db: Kysely<Database>, f: OrganisationFilter, limit: number, offset: number): Promise<{ total: number; rows: OrganisationRow[] }> {
  const [rows, count] = await Promise.all([
    applyFilters(baseQuery(db), f)
      .select(COLUMNS)
      .orderBy(sql`CASE o.level WHEN 'department' THEN 1 WHEN 'province' THEN 2 WHEN 'provincial_unit' THEN 3 ELSE 4 END`)
      .orderBy('o.code')
      .limit(limit)
      .offset(offset)
      .execute(),
    applyFilters(countBase(db), f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows: rows as OrganisationRow[] };
}

/** Fresh statistics after bulk inserts, so the planner uses the trigram indexes straight away. */
export async function analyseOrganisations(db: Kysely<Database>): Promise<void> {
  await sql`ANALYZE organisation`.execute(db);
}

export async function findOrganisation(db: Kysely<Database>, id: string): Promise<OrganisationRow | undefined> {
  return baseQuery(db).select(COLUMNS).where('o.id', '=', id).executeTakeFirst() as Promise<OrganisationRow | undefined>;
}

export async function findOrganisationsByCodes(db: Kysely<Database>, codes: string[]): Promise<OrganisationRow[]> {
  if (codes.length === 0) return [];
  const out: OrganisationRow[] = [];
  for (let i = 0; i < codes.length; i += 1000) {
    out.push(...((await baseQuery(db).select(COLUMNS).where('o.code', 'in', codes.slice(i, i + 1000)).execute()) as OrganisationRow[]));
  }
  return out;
}

export async function findOnePerProvinceLaos(db: Kysely<Database>): Promise<OrganisationRow[]> {
  return baseQuery(db).select(COLUMNS).where('o.level', '=', 'lao').where('o.org_type', 'in', ['pao', 'special']).execute() as Promise<OrganisationRow[]>;
}

export async function countChildren(db: Kysely<Database>, id: string): Promise<number> {
  const r = await db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  return Number(r.n);
}

export type OrganisationChanges = Partial<Pick<Database['organisation'], 'name_th' | 'name_en' | 'serves_public' | 'active' | 'org_type' | 'code' | 'province_code'>>;

/** Optimistic update: changes only when `version` is still current; returns false otherwise. */
export async function updateOrganisation(db: Kysely<Database>, id: string, version: number, changes: OrganisationChanges, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('organisation')
    .set({ ...changes, version: sql`version + 1`, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function lockOrganisation(db: Kysely<Database>, id: string): Promise<OrganisationRow | undefined> {
  await sql`SELECT 1 FROM organisation WHERE id = ${id} FOR UPDATE`.execute(db);
  return findOrganisation(db, id);
}

export async function insertLaos(
  db: Kysely<Database>,
  rows: { id: string; code: string; name_th: string; name_en: string | null; province_code: string; org_type: string; created_at: Date }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('organisation')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, level: 'lao' as const, ministry_code: null, parent_id: null, serves_public: true, active: true, updated_at: r.created_at })))
      .execute();
  }
}

export interface MinistryRow {
  code: string;
  name_th: string;
  name_en: string;
  department_count: number;
}

export async function listMinistries(db: Kysely<Database>): Promise<MinistryRow[]> {
  const rows = await db
    .selectFrom('ministry as m')
    .leftJoin('organisation as o', (j) => j.onRef('o.ministry_code', '=', 'm.code').on('o.level', '=', 'department'))
    .select(['m.code', 'm.name_th', 'm.name_en', (eb) => eb.fn.count<number>('o.id').as('department_count')])
    .groupBy(['m.code', 'm.name_th', 'm.name_en'])
    .orderBy('m.code')
    .execute();
  return rows.map((r) => ({ ...r, department_count: Number(r.department_count) }));
}

export async function listProvinces(db: Kysely<Database>) {
  return db.selectFrom('province').selectAll().orderBy('code').execute();
}

export async function listProvincialAgencyTypes(db: Kysely<Database>) {
  return db
    .selectFrom('provincial_agency_type')
    .selectAll()
    .orderBy(sql`seq_2019 NULLS LAST`)
    .orderBy('code')
    .execute();
}

export async function countsByLevelAndLaoType(db: Kysely<Database>): Promise<{ level: string; org_type: string | null; active: boolean; n: number }[]> {
  const rows = await db
    .selectFrom('organisation')
    .select(['level', sql<string | null>`CASE WHEN level = 'lao' THEN org_type END`.as('org_type'), 'active', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['level', sql`2`, 'active'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
