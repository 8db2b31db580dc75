// Loads the government registry from data/reference/*.csv; idempotent, inserts missing rows only (admin edits survive).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** src/db/reference and dist/db/reference are both three levels below the repository root. */
export const DEFAULT_REFERENCE_DIR = path.resolve(here, '../../../data/reference');

export const BANGKOK = '10';
export const CHON_BURI = '20';

export interface ReferenceCounts {
  ministries: number;
  provinces: number;
  provincialAgencyTypes: number;
  departments: number;
  provinceOrganisations: number;
  provincialUnits: number;
  laos: number;
}

export interface DepartmentRow {
  ministry_code: string;
  ministry_th: string;
  ministry_en: string;
  budget_code: string;
  department_th: string;
  department_en: string;
  org_type: string;
  source: string;
}

interface ProvinceRow {
  dopa_code: string;
  iso_code: string;
  name_th: string;
  name_en: string;
  region: string;
  region_th: string;
  region4: string;
  region4_th: string;
}

interface AgencyTypeRow {
  agency_type_th: string;
  agency_type_en: string;
  parent_budget_code: string;
}

interface AgencyType2019Row extends AgencyTypeRow {
  seq: string;
}

function readCsv<T>(dir: string, file: string): T[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  // Every field stays a string: codes keep their leading zeros.
  const parsed = Papa.parse<T>(text, { header: true, skipEmptyLines: true, dynamicTyping: false });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new Error(`${file}: row ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  return parsed.data;
}

/**
 * Departments without a budget code (the Ministry of Foreign Affairs supplement) get a code derived from the ministry
 * and the Thai name, so it stays the same on every import.
 */
export function departmentCode(row: Pick<DepartmentRow, 'budget_code' | 'ministry_code' | 'department_th'>): string {
  if (row.budget_code.trim()) return row.budget_code.trim();
  const digest = createHash('sha256').update(row.department_th.trim().normalize('NFC')).digest('hex').slice(0, 8);
  return `D-${row.ministry_code}-${digest}`;
}

/** Offices (not named กรม…) whose main mission is nonetheless a service to the public. */
const PUBLIC_SERVICE_OFFICES = new Set([
  '01003', // Office of the Consumer Protection Board
  '17006', // Social Security Office
  '21010', // Food and Drug Administration
  '22007', // Thai Industrial Standards Institute
  '25007', // Royal Thai Police
]);
/** Departments named กรม… whose work is mainly policy or diplomacy rather than a service to the public. */
const NOT_PUBLIC_SERVICE_DEPARTMENTS = /^กรม(ยุโรป|อาเซียน|อเมริกาและแปซิฟิกใต้|เอเชียตะวันออก|เอเชียใต้|องค์การระหว่างประเทศ|เศรษฐกิจระหว่างประเทศ|สนธิสัญญาและกฎหมาย|สารนิเทศ|พิธีการทูต)/;

/**
 * Default for "main mission is serving the public" (the award peer group). DGA never published the list, so: government
 * agencies named กรม… (departments, which run the services people use), minus the Foreign Affairs policy departments,
 * plus a few named public-service offices. Universities, public organisations, legislative, judicial and independent
 * bodies default to false. Admins correct it per agency; re-imports never overwrite it.
 */
export function defaultServesPublic(row: Pick<DepartmentRow, 'budget_code' | 'department_th' | 'org_type'>): boolean {
  if (PUBLIC_SERVICE_OFFICES.has(row.budget_code.trim())) return true;
  if (row.org_type !== 'government_agency') return false;
  const name = row.department_th.trim();
  return name.startsWith('กรม') && !NOT_PUBLIC_SERVICE_DEPARTMENTS.test(name);
}

export function agencyTypeCode(parentBudgetCode: string): string {
  return `PAT-${parentBudgetCode}`;
}

type Org = Database['organisation'];
type NewOrg = Omit<Org, 'id' | 'version' | 'created_at' | 'updated_at' | 'search_text'> & { id?: string };

async function insertMissing<T extends keyof Database>(trx: Transaction<Database>, table: T, key: string, rows: Record<string, unknown>[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const res = await trx
      .insertInto(table)
      .values(chunk as any)
      .onConflict((oc) => oc.column(key as any).doNothing())
      .executeTakeFirst();
    inserted += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/**
 * Loads the reference files into the registry. Runs inside one transaction under an advisory lock so two app processes
 * starting together don't race; returns how many rows of each kind were newly inserted.
 */
export async function importReferenceData(db: Kysely<Database>, dir: string = DEFAULT_REFERENCE_DIR): Promise<ReferenceCounts> {
  const departments = readCsv<DepartmentRow>(dir, 'departments.csv');
  const provinces = readCsv<ProvinceRow>(dir, 'provinces.csv');
  const agencyTypes = readCsv<AgencyTypeRow>(dir, 'provincial_agency_types.csv');
  const surveyed2019 = readCsv<AgencyType2019Row>(dir, 'provincial_agency_types_2019.csv');

  const run = async (trx: Transaction<Database>): Promise<ReferenceCounts> => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('dgr:reference-import'))`.execute(trx);

    const ministryRows = new Map<string, { code: string; name_th: string; name_en: string }>();
    for (const d of departments) {
      if (!ministryRows.has(d.ministry_code)) ministryRows.set(d.ministry_code, { code: d.ministry_code, name_th: d.ministry_th.trim(), name_en: d.ministry_en.trim() });
    }
    const ministries = await insertMissing(trx, 'ministry', 'code', [...ministryRows.values()]);

    const provinceCount = await insertMissing(
      trx,
      'province',
      'code',
      provinces.map((p) => ({
        code: p.dopa_code,
        iso_code: p.iso_code,
        name_th: p.name_th.trim(),
        name_en: p.name_en.trim(),
        region: p.region,
        region_th: p.region_th,
        region4: p.region4,
        region4_th: p.region4_th,
      })),
    );

    // The 2019 names are the ones DGA used; the lookup supplies the other 20 types.
    const typeRows = new Map<string, Database['provincial_agency_type']>();
    for (const s of surveyed2019) {
      typeRows.set(s.parent_budget_code, {
        code: agencyTypeCode(s.parent_budget_code),
        name_th: s.agency_type_th.trim(),
        name_en: s.agency_type_en.trim(),
        parent_budget_code: s.parent_budget_code,
        surveyed_2019: true,
        seq_2019: Number(s.seq),
      });
    }
    for (const t of agencyTypes) {
      if (typeRows.has(t.parent_budget_code)) continue;
      typeRows.set(t.parent_budget_code, {
        code: agencyTypeCode(t.parent_budget_code),
        name_th: t.agency_type_th.trim(),
        name_en: t.agency_type_en.trim(),
        parent_budget_code: t.parent_budget_code || null,
        surveyed_2019: false,
        seq_2019: null,
      });
    }
    const provincialAgencyTypes = await insertMissing(trx, 'provincial_agency_type', 'code', [...typeRows.values()] as any);

    const deptOrgs: NewOrg[] = departments.map((d) => ({
      level: 'department',
      code: departmentCode(d),
      name_th: d.department_th.trim(),
      name_en: d.department_en.trim() || null,
      ministry_code: d.ministry_code,
      province_code: null,
      org_type: d.org_type,
      parent_id: null,
      serves_public: defaultServesPublic(d),
      active: true,
    }));
    const departmentsInserted = await insertMissing(trx, 'organisation', 'code', deptOrgs as any);

    // Bangkok has no provincial administration of its own: the BMA (a special LAO) answers for it.
    const provincesOutsideBangkok = provinces.filter((p) => p.dopa_code !== BANGKOK);
    const provinceOrgs: NewOrg[] = provincesOutsideBangkok.map((p) => ({
      level: 'province',
      code: `PROV-${p.dopa_code}`,
      name_th: `จังหวัด${p.name_th.trim()}`,
      name_en: `${p.name_en.trim()} Province`,
      ministry_code: null,
      province_code: p.dopa_code,
      org_type: 'province',
      parent_id: null,
      serves_public: true,
      active: true,
    }));
    const provinceOrganisations = await insertMissing(trx, 'organisation', 'code', provinceOrgs as any);

    const parentCodes = [...new Set(surveyed2019.map((s) => s.parent_budget_code))];
    const parents = await trx.selectFrom('organisation').select(['id', 'code', 'ministry_code']).where('code', 'in', parentCodes).execute();
    const parentByCode = new Map(parents.map((p) => [p.code, p]));
    const unitOrgs: NewOrg[] = [];
    for (const s of surveyed2019) {
      const parent = parentByCode.get(s.parent_budget_code);
      if (!parent) throw new Error(`provincial_agency_types_2019.csv: parent department ${s.parent_budget_code} is not in departments.csv`);
      const typeCode = agencyTypeCode(s.parent_budget_code);
      for (const p of provincesOutsideBangkok) {
        unitOrgs.push({
          level: 'provincial_unit',
          code: `${typeCode}-${p.dopa_code}`,
          name_th: `${s.agency_type_th.trim()}${p.name_th.trim()}`,
          name_en: `${p.name_en.trim()} ${s.agency_type_en.trim()}`,
          ministry_code: parent.ministry_code,
          province_code: p.dopa_code,
          org_type: typeCode,
          parent_id: parent.id,
          serves_public: true,
          active: true,
        });
      }
    }
    const provincialUnits = await insertMissing(trx, 'organisation', 'code', unitOrgs as any);

    const laoOrgs: NewOrg[] = [
      { level: 'lao', code: 'LAO-SPECIAL-BKK', name_th: 'กรุงเทพมหานคร', name_en: 'Bangkok Metropolitan Administration', ministry_code: null, province_code: BANGKOK, org_type: 'special', parent_id: null, serves_public: true, active: true },
      { level: 'lao', code: 'LAO-SPECIAL-PATTAYA', name_th: 'เมืองพัทยา', name_en: 'Pattaya City', ministry_code: null, province_code: CHON_BURI, org_type: 'special', parent_id: null, serves_public: true, active: true },
      ...provincesOutsideBangkok.map<NewOrg>((p) => ({
        level: 'lao',
        code: `LAO-PAO-${p.dopa_code}`,
        name_th: `องค์การบริหารส่วนจังหวัด${p.name_th.trim()}`,
        name_en: `${p.name_en.trim()} Provincial Administrative Organisation`,
        ministry_code: null,
        province_code: p.dopa_code,
        org_type: 'pao',
        parent_id: null,
        serves_public: true,
        active: true,
      })),
    ];
    // A PAO or special LAO already imported under an official code (LAO import) must not be added a second time.
    const existingOnePerProvince = await trx
      .selectFrom('organisation')
      .select(['province_code', 'org_type'])
      .where('level', '=', 'lao')
      .where('org_type', 'in', ['pao', 'special'])
      .execute();
    const taken = new Set(existingOnePerProvince.map((r) => `${r.org_type}:${r.province_code}`));
    const laos = await insertMissing(
      trx,
      'organisation',
      'code',
      laoOrgs.filter((o) => !taken.has(`${o.org_type}:${o.province_code}`)) as any,
    );

    return { ministries, provinces: provinceCount, provincialAgencyTypes, departments: departmentsInserted, provinceOrganisations, provincialUnits, laos };
  };

  return db.isTransaction ? run(db as Transaction<Database>) : db.transaction().execute(run);
}
