// Imports local administrative organisations from CSV or XLSX: every row is checked first, then all are upserted in one transaction.
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { AppContext } from '../app.js';
import { AppError, type ErrorDetail } from '../../shared/errors.js';
import type { SessionUser } from '../auth/policy.js';
import { assertCan } from '../auth/policy.js';
import { analyseOrganisations, findOnePerProvinceLaos, findOrganisationsByCodes, insertLaos, listProvinces, updateOrganisation, type OrganisationChanges, type OrganisationRow } from '../repositories/organisations.js';
import { lockLaoImport } from '../repositories/locks.js';
import { appendAudit, type AuditEntry } from './audit.js';

export const LAO_TYPES = ['pao', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao', 'special'] as const;
export type LaoType = (typeof LAO_TYPES)[number];
/** Types of which a province has at most one (its PAO; Bangkok and Pattaya for special). */
const ONE_PER_PROVINCE: readonly string[] = ['pao', 'special'];
/** Codes the application gave the PAOs and special LAOs it created from the reference data (LAO-PAO-50, …). */
const APP_MADE_CODE = /^LAO-/;
const REQUIRED = ['code', 'name_th', 'lao_type', 'province'] as const;
const BANGKOK = '10';

export interface RawRow {
  /** Row number as the user sees it in a spreadsheet (the header is row 1). */
  row: number;
  values: Record<string, string>;
}

interface ValidRow {
  row: number;
  code: string;
  nameTh: string;
  nameEn: string | null;
  laoType: LaoType;
  provinceCode: string;
}

function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, '_');
}

export function parseCsv(text: string): { header: string[]; rows: RawRow[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const all = parsed.data;
  const header = (all[0] ?? []).map((h) => normaliseHeader(String(h)));
  const rows: RawRow[] = [];
  for (let i = 1; i < all.length; i++) {
    const cells = all[i]!;
    if (cells.every((c) => String(c ?? '').trim() === '')) continue;
    const values: Record<string, string> = {};
    header.forEach((h, j) => (values[h] = String(cells[j] ?? '').trim()));
    rows.push({ row: i + 1, values });
  }
  return { header, rows };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

export async function parseXlsx(buffer: Buffer): Promise<{ header: string[]; rows: RawRow[] }> {
  // Loaded on first use: exceljs is large and only this import needs it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { header: [], rows: [] };
  let header: string[] = [];
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells: string[] = [];
    r.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = cellText(c.value).trim()));
    if (header.length === 0) {
      header = Array.from(cells, (c) => normaliseHeader(c ?? ''));
      return;
    }
    if (cells.every((c) => !c)) return;
    const values: Record<string, string> = {};
    header.forEach((h, j) => (values[h] = cells[j] ?? ''));
    rows.push({ row: rowNumber, values });
  });
  return { header, rows };
}

export function isXlsx(buffer: Buffer, filename: string): boolean {
  // XLSX is a zip: "PK\x03\x04".
  return filename.toLowerCase().endsWith('.xlsx') || (buffer.length > 4 && buffer.readUInt32BE(0) === 0x504b0304);
}

function simplify(s: string): string {
  return s.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');
}

function problem(column: string, th: string, en: string): { column: string; th: string; en: string } {
  return { column, th, en };
}

/** Checks every row; returns the valid rows or one detail per bad row (path "row N", the columns in the message). */
export function validateRows(
  header: string[],
  rows: RawRow[],
  provinces: { code: string; name_th: string; name_en: string }[],
): { valid: ValidRow[]; details: ErrorDetail[] } {
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return {
      valid: [],
      details: [{ path: 'row 1', th: `ไม่มีคอลัมน์ ${missing.join(', ')} ในแถวหัวตาราง`, en: `The header row lacks column(s) ${missing.join(', ')}` }],
    };
  }
  if (rows.length === 0) return { valid: [], details: [{ path: 'row 2', th: 'ไฟล์ไม่มีข้อมูล', en: 'The file has no data rows' }] };

  const byKey = new Map<string, string>();
  for (const p of provinces) {
    byKey.set(p.code, p.code);
    byKey.set(simplify(p.name_th), p.code);
    byKey.set(simplify(`จังหวัด${p.name_th}`), p.code);
    byKey.set(simplify(p.name_en), p.code);
  }
  const provinceName = new Map(provinces.map((p) => [p.code, p.name_th]));
  const seenCode = new Map<string, number>();
  const seenOnePerProvince = new Map<string, number>();
  const valid: ValidRow[] = [];
  const details: ErrorDetail[] = [];

  for (const { row, values } of rows) {
    const problems: { column: string; th: string; en: string }[] = [];
    const code = values['code'] ?? '';
    const nameTh = values['name_th'] ?? '';
    const nameEn = values['name_en'] ?? '';
    const laoType = (values['lao_type'] ?? '').toLowerCase();
    const provinceRaw = values['province'] ?? '';

    if (!code) problems.push(problem('code', 'ไม่มีรหัส', 'code is empty'));
    else if (code.length > 40 || /\s/.test(code)) problems.push(problem('code', `รหัส “${code}” ต้องไม่มีช่องว่างและยาวไม่เกิน 40 ตัวอักษร`, `code “${code}” must have no spaces and at most 40 characters`));
    else if (seenCode.has(code)) problems.push(problem('code', `รหัส “${code}” ซ้ำกับแถว ${seenCode.get(code)}`, `code “${code}” repeats row ${seenCode.get(code)}`));
    if (!nameTh) problems.push(problem('name_th', 'ไม่มีชื่อภาษาไทย', 'name_th is empty'));
    else if (nameTh.length > 300) problems.push(problem('name_th', 'ชื่อภาษาไทยยาวเกิน 300 ตัวอักษร', 'name_th is longer than 300 characters'));
    if (nameEn.length > 300) problems.push(problem('name_en', 'ชื่อภาษาอังกฤษยาวเกิน 300 ตัวอักษร', 'name_en is longer than 300 characters'));
    if (!(LAO_TYPES as readonly string[]).includes(laoType)) {
      problems.push(problem('lao_type', `ประเภท “${laoType}” ไม่ถูกต้อง (ใช้ ${LAO_TYPES.join(', ')})`, `lao_type “${laoType}” is not one of ${LAO_TYPES.join(', ')}`));
    }
    const provinceCode = byKey.get(provinceRaw.trim()) ?? byKey.get(simplify(provinceRaw));
    if (!provinceCode) problems.push(problem('province', `ไม่พบจังหวัด “${provinceRaw}”`, `unknown province “${provinceRaw}”`));
    else if (provinceCode === BANGKOK && laoType && laoType !== 'special') {
      problems.push(problem('lao_type', 'กรุงเทพมหานครไม่มีองค์กรปกครองส่วนท้องถิ่นประเภทอื่นนอกจากรูปแบบพิเศษ', 'Bangkok has no local administration other than the special one (BMA)'));
    }
    if (provinceCode && ONE_PER_PROVINCE.includes(laoType)) {
      const key = `${laoType}:${provinceCode}`;
      if (laoType === 'pao' && seenOnePerProvince.has(key)) {
        problems.push(problem('lao_type', `จังหวัด${provinceName.get(provinceCode)}มี อบจ. แล้วในแถว ${seenOnePerProvince.get(key)}`, `the province already has a PAO in row ${seenOnePerProvince.get(key)}`));
      } else if (!seenOnePerProvince.has(key)) seenOnePerProvince.set(key, row);
    }
    if (code && !seenCode.has(code)) seenCode.set(code, row);

    if (problems.length > 0) {
      details.push({
        path: `row ${row}`,
        th: `แถว ${row}: ${problems.map((p) => `${p.column}: ${p.th}`).join('; ')}`,
        en: `Row ${row}: ${problems.map((p) => `${p.column}: ${p.en}`).join('; ')}`,
      });
    } else {
      valid.push({ row, code, nameTh, nameEn: nameEn || null, laoType: laoType as LaoType, provinceCode: provinceCode! });
    }
  }
  return { valid, details };
}

function changesFor(current: OrganisationRow, r: ValidRow): { changes: OrganisationChanges; before: Record<string, unknown>; after: Record<string, unknown> } {
  const target = { code: r.code, name_th: r.nameTh, name_en: r.nameEn, org_type: r.laoType, province_code: r.provinceCode };
  const api: Record<string, string> = { code: 'code', name_th: 'nameTh', name_en: 'nameEn', org_type: 'orgType', province_code: 'provinceCode' };
  const changes: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [col, v] of Object.entries(target)) {
    // An imported file without English names does not erase the ones already there.
    if (col === 'name_en' && v === null) continue;
    const cur = (current as unknown as Record<string, unknown>)[col];
    if (cur !== v) {
      changes[col] = v;
      before[api[col]!] = cur;
      after[api[col]!] = v;
    }
  }
  return { changes: changes as OrganisationChanges, before, after };
}

export async function importLaos(ctx: AppContext, user: SessionUser, file: { filename: string; buffer: Buffer }): Promise<{ imported: number; updated: number }> {
  assertCan(user, 'registry.import');
  let parsed: { header: string[]; rows: RawRow[] };
  try {
    parsed = isXlsx(file.buffer, file.filename) ? await parseXlsx(file.buffer) : parseCsv(file.buffer.toString('utf8'));
  } catch {
    throw new AppError('IMPORT_INVALID', { count: 1 }, [{ path: 'row 1', th: 'อ่านไฟล์ไม่ได้ (รองรับ CSV แบบ UTF-8 และ XLSX)', en: 'The file could not be read (CSV in UTF-8 or XLSX)' }]);
  }
  const provinces = await listProvinces(ctx.db);
  const { valid, details } = validateRows(parsed.header, parsed.rows, provinces);

  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    await lockLaoImport(trx);
    const existing = new Map((await findOrganisationsByCodes(trx, valid.map((v) => v.code))).map((o) => [o.code, o]));
    const onePerProvince = new Map((await findOnePerProvinceLaos(trx)).map((o) => [`${o.org_type}:${o.province_code}`, o]));
    /**
     * A PAO (one per province by law) or a special LAO of the same name, still under the app's own code, takes the
     * official code from the file instead of being added a second time.
     */
    const takeoverTarget = (v: ValidRow): OrganisationRow | undefined => {
      if (!ONE_PER_PROVINCE.includes(v.laoType)) return undefined;
      const o = onePerProvince.get(`${v.laoType}:${v.provinceCode}`);
      if (!o || !APP_MADE_CODE.test(o.code)) return undefined;
      if (v.laoType === 'special' && simplify(o.name_th) !== simplify(v.nameTh)) return undefined;
      return o;
    };
    // Checks that need the database, still before anything is written.
    for (const v of valid) {
      const cur = existing.get(v.code);
      if (cur && cur.level !== 'lao') {
        details.push({ path: `row ${v.row}`, th: `แถว ${v.row}: code: รหัส “${v.code}” เป็นของหน่วยงานที่ไม่ใช่ อปท.`, en: `Row ${v.row}: code: “${v.code}” belongs to an organisation that is not an LAO` });
        continue;
      }
      const pao = v.laoType === 'pao' && !cur ? onePerProvince.get(`pao:${v.provinceCode}`) : undefined;
      if (pao && !APP_MADE_CODE.test(pao.code)) {
        details.push({
          path: `row ${v.row}`,
          th: `แถว ${v.row}: lao_type: จังหวัดนี้มี อบจ. แล้ว (รหัส ${pao.code})`,
          en: `Row ${v.row}: lao_type: the province already has a PAO (code ${pao.code})`,
        });
      }
    }
    if (details.length > 0) {
      details.sort((a, b) => Number(a.path.slice(4)) - Number(b.path.slice(4)));
      throw new AppError('IMPORT_INVALID', { count: details.length }, details);
    }

    const inserts: Parameters<typeof insertLaos>[1] = [];
    const audits: AuditEntry[] = [];
    let updated = 0;
    for (const v of valid) {
      const cur = existing.get(v.code) ?? takeoverTarget(v);
      if (!cur) {
        inserts.push({ id: ctx.ids.uuid(), code: v.code, name_th: v.nameTh, name_en: v.nameEn, province_code: v.provinceCode, org_type: v.laoType, created_at: now });
        continue;
      }
      const { changes, before, after } = changesFor(cur, v);
      if (Object.keys(changes).length === 0) continue;
      if (!(await updateOrganisation(trx, cur.id, cur.version, changes, now))) throw new AppError('CONFLICT', { detail: `${cur.code} changed during the import` });
      audits.push({ actorId: user.id, action: 'organisation.update', entity: 'organisation', entityId: cur.id, organisationId: cur.id, before, after: { ...after, via: 'lao-import' } });
      updated++;
    }
    await insertLaos(trx, inserts);
    audits.push({
      actorId: user.id,
      action: 'registry.lao_import',
      entity: 'organisation',
      after: { file: file.filename, rows: valid.length, imported: inserts.length, updated, insertedCodes: inserts.map((i) => i.code) },
    });
    await appendAudit(trx, now, audits);
    return { imported: inserts.length, updated };
  });
  // A first import can add thousands of rows; refresh the planner's statistics for search.
  if (result.imported > 500) await analyseOrganisations(ctx.db);
  return result;
}
