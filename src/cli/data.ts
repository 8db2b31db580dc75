// Reads unit data (CSV, XLSX or JSON, wide format) into engine units, naming the row and column of every problem.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { answerProblem, type AnswerValue, type CompiledFramework, type UnitInput } from '../engine/index.js';
import type { ErrorDetail } from '../shared/errors.js';

/** Columns that are not item codes. Every other column must be an item code of the framework. */
export const ATTRIBUTE_COLUMNS = ['unit_id', 'name_th', 'name_en', 'level', 'ministry', 'province', 'serves_public', 'org_type', 'evidence_accepted'] as const;

type Cell = string | number | boolean | null | undefined | string[];
export type RawRow = Record<string, Cell>;

export interface ReadResult {
  units: UnitInput[];
  problems: ErrorDetail[];
}

const YES = new Set(['yes', 'y', 'true', '1', 'ใช่', 'มี']);
const NO = new Set(['no', 'n', 'false', '0', 'ไม่ใช่', 'ไม่มี']);
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

const isEmpty = (v: Cell): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function parseBool(v: Cell): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  return YES.has(s) ? true : NO.has(s) ? false : null;
}

function parseList(v: Cell): string[] {
  if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter(Boolean);
  return String(v)
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Converts one cell to an answer of the item's kind, or a problem. */
function parseAnswer(cf: CompiledFramework, code: string, v: Cell): { value: AnswerValue } | { th: string; en: string } {
  const item = cf.allItems.get(code)!;
  let value: AnswerValue;
  switch (item.kind) {
    case 'yes_no': {
      const b = parseBool(v);
      if (b === null) return { th: `ต้องเป็น yes/no (ใช่/ไม่ใช่) ได้ "${String(v)}"`, en: `Must be yes or no (also true/false, 1/0); got "${String(v)}"` };
      value = b;
      break;
    }
    case 'single_choice':
      value = String(v).trim();
      break;
    case 'multi_choice':
      value = parseList(v);
      break;
    case 'number':
    case 'indicator': {
      if (typeof v === 'number') value = v;
      else if (typeof v === 'string' && NUMBER.test(v.trim())) value = Number(v.trim());
      else return { th: `ต้องเป็นตัวเลข ได้ "${String(v)}"`, en: `Must be a number; got "${String(v)}"` };
      break;
    }
    case 'text':
      value = String(v);
      break;
  }
  const prob = answerProblem(item, value);
  return prob ?? { value };
}

/** Wide rows (one per unit) → units. `rowLabel(i)` names a row in messages ("row 3" for files with a header row). */
export function rowsToUnits(cf: CompiledFramework, columns: string[], rows: RawRow[], rowLabel: (i: number) => string): ReadResult {
  const problems: ErrorDetail[] = [];
  const attrs = new Set<string>(ATTRIBUTE_COLUMNS);
  const idCol = columns.includes('unit_id') ? 'unit_id' : columns.includes('id') ? 'id' : null;
  if (!idCol) {
    problems.push({ path: 'header', th: 'ไม่มีคอลัมน์ unit_id', en: 'The unit_id column is missing' });
    return { units: [], problems };
  }
  const seenCols = new Set<string>();
  for (const c of columns) {
    if (seenCols.has(c)) problems.push({ path: `header, column ${c}`, th: `คอลัมน์ ${c} ซ้ำ`, en: `Column ${c} appears twice` });
    seenCols.add(c);
    if (c !== idCol && !attrs.has(c) && !cf.allItems.has(c))
      problems.push({ path: `header, column ${c}`, th: `ไม่มีข้อ "${c}" ในกรอบการประเมิน`, en: `Unknown item "${c}": not an item code of the framework nor an attribute column (${ATTRIBUTE_COLUMNS.join(', ')})` });
  }
  if (problems.length) return { units: [], problems };
  const ids = new Map<string, string>();
  const units: UnitInput[] = [];
  rows.forEach((row, i) => {
    const where = (col: string): string => `${rowLabel(i)}, column ${col}`;
    const idRaw = row[idCol];
    const id = isEmpty(idRaw) ? '' : String(idRaw).trim();
    if (!id) {
      problems.push({ path: where(idCol), th: 'ไม่มีรหัสหน่วยงาน', en: 'The unit id is empty' });
      return;
    }
    if (ids.has(id)) problems.push({ path: where(idCol), th: `รหัสหน่วยงาน "${id}" ซ้ำกับ ${ids.get(id)}`, en: `Unit id "${id}" already appears in ${ids.get(id)}` });
    else ids.set(id, rowLabel(i));
    const unit: UnitInput = { id, attributes: {}, answers: {} };
    const str = (c: string): string | undefined => (isEmpty(row[c]) ? undefined : String(row[c]).trim());
    if (str('name_th') || str('name_en')) unit.name = { th: str('name_th') ?? str('name_en')!, en: str('name_en') ?? str('name_th')! };
    for (const key of ['level', 'ministry', 'province', 'org_type'] as const) {
      const v = str(key);
      if (v !== undefined) unit.attributes[key] = v;
    }
    if (!isEmpty(row.serves_public)) {
      const b = parseBool(row.serves_public);
      if (b === null) problems.push({ path: where('serves_public'), th: 'ต้องเป็น yes/no', en: `Must be yes or no; got "${String(row.serves_public)}"` });
      else unit.attributes.serves_public = b;
    }
    if (!isEmpty(row.evidence_accepted)) {
      const codes = parseList(row.evidence_accepted);
      for (const c of codes)
        if (!cf.allItems.has(c)) problems.push({ path: where('evidence_accepted'), th: `ไม่มีข้อ "${c}" ในกรอบการประเมิน`, en: `Unknown item "${c}"` });
      unit.evidenceAccepted = codes;
    }
    for (const c of columns) {
      if (c === idCol || attrs.has(c)) continue;
      const v = row[c];
      if (isEmpty(v)) continue;
      const res = parseAnswer(cf, c, v);
      if ('value' in res) unit.answers[c] = res.value;
      else problems.push({ path: where(c), th: res.th, en: res.en });
    }
    units.push(unit);
  });
  return { units, problems };
}

export function readCsv(cf: CompiledFramework, text: string): ReadResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const problems: ErrorDetail[] = parsed.errors.map((e) => ({
    path: e.row !== undefined ? `row ${e.row + 1}` : 'file',
    th: `ไฟล์ CSV ไม่ถูกต้อง: ${e.message}`,
    en: `Malformed CSV: ${e.message}`,
  }));
  if (problems.length) return { units: [], problems };
  const [header, ...body] = parsed.data;
  if (!header || header.length === 0) return { units: [], problems: [{ path: 'file', th: 'ไฟล์ว่าง', en: 'The file is empty' }] };
  const columns = header.map((h) => h.trim());
  const rows: RawRow[] = [];
  for (let i = 0; i < body.length; i++) {
    const cells = body[i]!;
    if (cells.length !== columns.length) {
      problems.push({ path: `row ${i + 2}`, th: `มี ${cells.length} ช่อง แต่หัวตารางมี ${columns.length} คอลัมน์`, en: `Has ${cells.length} fields but the header has ${columns.length} columns` });
      continue;
    }
    rows.push(Object.fromEntries(columns.map((c, k) => [c, cells[k]])));
  }
  if (problems.length) return { units: [], problems };
  return rowsToUnits(cf, columns, rows, (i) => `row ${i + 2}`);
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return `#${String(v.error)}`;
  }
  return String(v);
}

export async function readXlsx(cf: CompiledFramework, data: Uint8Array): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    return { units: [], problems: [{ path: 'file', th: 'อ่านไฟล์ XLSX ไม่ได้', en: `Not a readable XLSX file (${(e as Error).message})` }] };
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount === 0) return { units: [], problems: [{ path: 'file', th: 'ไฟล์ว่าง', en: 'The workbook has no data in its first sheet' }] };
  const width = ws.getRow(1).cellCount;
  const columns: string[] = [];
  for (let c = 1; c <= width; c++) columns.push(String(cellValue(ws.getRow(1).getCell(c).value) ?? '').trim());
  while (columns.length && columns[columns.length - 1] === '') columns.pop();
  const rows: RawRow[] = [];
  const rowNumbers: number[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = columns.map((_, k) => cellValue(row.getCell(k + 1).value));
    if (cells.every((c) => isEmpty(c))) continue;
    rows.push(Object.fromEntries(columns.map((c, k) => [c, cells[k]])));
    rowNumbers.push(r);
  }
  return rowsToUnits(cf, columns, rows, (i) => `row ${rowNumbers[i]}`);
}

/**
 * JSON: an array (or { units: [...] }) of either engine units ({ id, attributes, answers, evidenceAccepted }) or
 * flat rows keyed like the CSV columns.
 */
export function readJson(cf: CompiledFramework, text: string): ReadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { units: [], problems: [{ path: 'file', th: 'ไฟล์ JSON ไม่ถูกต้อง', en: `Malformed JSON: ${(e as Error).message}` }] };
  }
  const list = Array.isArray(doc) ? doc : doc && typeof doc === 'object' && Array.isArray((doc as { units?: unknown }).units) ? (doc as { units: unknown[] }).units : null;
  if (!list) return { units: [], problems: [{ path: 'file', th: 'ต้องเป็นรายการของหน่วยงาน', en: 'Expected an array of units (or { "units": [...] })' }] };
  if (list.some((r) => !r || typeof r !== 'object' || Array.isArray(r)))
    return { units: [], problems: [{ path: 'file', th: 'ทุกรายการต้องเป็นออบเจกต์', en: 'Every entry must be an object' }] };
  const records = list as Record<string, unknown>[];
  if (records.every((r) => 'answers' in r)) {
    // Engine units: convert to flat rows so every value goes through the same checks with record/field names.
    const columns = new Set<string>(['unit_id']);
    const rows: RawRow[] = records.map((r) => {
      const attributes = (r.attributes ?? {}) as Record<string, Cell>;
      const name = r.name as { th?: string; en?: string } | undefined;
      const row: RawRow = { unit_id: r.id as Cell, name_th: name?.th, name_en: name?.en, ...attributes };
      for (const k of Object.keys(attributes)) columns.add(k);
      if (name) columns.add('name_th').add('name_en');
      if (Array.isArray(r.evidenceAccepted)) {
        row.evidence_accepted = r.evidenceAccepted as string[];
        columns.add('evidence_accepted');
      }
      for (const [k, v] of Object.entries((r.answers ?? {}) as Record<string, Cell>)) {
        row[k] = v;
        columns.add(k);
      }
      return row;
    });
    return rowsToUnits(cf, [...columns], rows, (i) => `record ${i + 1}`);
  }
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return rowsToUnits(cf, columns, records as RawRow[], (i) => `record ${i + 1}`);
}
