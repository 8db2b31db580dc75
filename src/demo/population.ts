// The 2019-style survey population read straight from data/reference (same codes as the registry import), for tests and the CLI.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { agencyTypeCode, BANGKOK, CHON_BURI, DEFAULT_REFERENCE_DIR, defaultServesPublic, departmentCode, type DepartmentRow } from '../db/reference/import.js';
import type { DemoOrg } from './model.js';

function readCsv<T>(dir: string, file: string): T[] {
  return Papa.parse<T>(fs.readFileSync(path.join(dir, file), 'utf8'), { header: true, skipEmptyLines: true, dynamicTyping: false }).data;
}

/** The organisations the demo surveys: 321 department-level agencies, 76 × 20 provincial units, Bangkok and Pattaya. */
export function referencePopulation(dir: string = DEFAULT_REFERENCE_DIR): DemoOrg[] {
  const departments = readCsv<DepartmentRow>(dir, 'departments.csv');
  const provinces = readCsv<{ dopa_code: string }>(dir, 'provinces.csv').filter((p) => p.dopa_code !== BANGKOK);
  const types = readCsv<{ parent_budget_code: string }>(dir, 'provincial_agency_types_2019.csv');
  const ministryOf = new Map(departments.map((d) => [d.budget_code.trim(), d.ministry_code]));
  const out: DemoOrg[] = departments.map((d) => ({
    code: departmentCode(d),
    level: 'department',
    ministry: d.ministry_code,
    province: null,
    orgType: d.org_type,
    servesPublic: defaultServesPublic(d),
  }));
  for (const t of types) {
    for (const p of provinces) {
      out.push({
        code: `${agencyTypeCode(t.parent_budget_code)}-${p.dopa_code}`,
        level: 'provincial_unit',
        ministry: ministryOf.get(t.parent_budget_code) ?? null,
        province: p.dopa_code,
        orgType: agencyTypeCode(t.parent_budget_code),
        servesPublic: true,
      });
    }
  }
  out.push({ code: 'LAO-SPECIAL-BKK', level: 'lao', ministry: null, province: BANGKOK, orgType: 'special', servesPublic: true });
  out.push({ code: 'LAO-SPECIAL-PATTAYA', level: 'lao', ministry: null, province: CHON_BURI, orgType: 'special', servesPublic: true });
  return out;
}
