// Streams every answer of an edition as XLSX (wide + codebook + evidence index) or CSV (wide, long, evidence index), Thai intact.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AnswerValue, Framework } from '../../engine/framework/types.js';
import { answerLabel } from '../../engine/questionnaire/answers.js';
import { frameworkItems, isAnswerable } from '../../engine/questionnaire/items.js';
import { AppError } from '../../shared/errors.js';
import { isUuid } from '../presenters.js';
import { findEdition, type EditionRow } from '../repositories/editions.js';
import { evidenceIndexPage } from '../repositories/evidence.js';
import { exportAnswers, exportParticipants, type ExportAnswer, type ExportParticipant } from '../repositories/exports.js';
import { requireFramework } from './frameworks.js';
import { csvCell, safeCell } from '../reports/spreadsheet-safe.js';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'long-csv', 'evidence-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Organisations per answer query: 500 × 150 answers keeps each round trip large and memory small.
const PAGE = 500;

const STATUS_TH: Record<string, string> = { not_started: 'ยังไม่เริ่ม', in_progress: 'กำลังตอบ', completed: 'ตอบครบแล้ว', submitted: 'ส่งแล้ว' };

const FIXED_HEADERS = ['รหัสหน่วยงาน', 'ชื่อหน่วยงาน', 'Organisation', 'ระดับ', 'กระทรวง', 'จังหวัด', 'สถานะ', 'ส่งเมื่อ'];

function fixedCells(p: ExportParticipant): (string | null)[] {
  return [p.code, p.name_th, p.name_en, p.level, p.ministry_name_th, p.province_name_th, STATUS_TH[p.status] ?? p.status, p.submitted_at ? new Date(p.submitted_at).toISOString() : null];
}

export interface PreparedExport {
  edition: EditionRow;
  framework: Framework;
  filename: string;
  contentType: string;
}

export async function prepareExport(db: Kysely<Database>, eid: string, format: ExportFormat): Promise<PreparedExport> {
  if (!isUuid(eid)) throw new AppError('NOT_FOUND');
  const edition = await findEdition(db, eid);
  if (!edition) throw new AppError('NOT_FOUND');
  const framework = await requireFramework(db, edition.framework_id, edition.framework_version);
  const base = `dg-readiness-${edition.year_be}`;
  const name = format === 'xlsx' ? `${base}-answers.xlsx` : format === 'csv' ? `${base}-answers-wide.csv` : format === 'long-csv' ? `${base}-answers-long.csv` : `${base}-evidence.csv`;
  const contentType = format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8';
  return { edition, framework, filename: name, contentType };
}

/** Pages of participants with their answers, so memory stays flat however large the edition. */
async function* answerPages(db: Kysely<Database>, eid: string, detail = false): AsyncGenerator<{ p: ExportParticipant; answers: Map<string, ExportAnswer> }[]> {
  const participants = await exportParticipants(db, eid);
  for (let i = 0; i < participants.length; i += PAGE) {
    const page = participants.slice(i, i + PAGE);
    const rows = await exportAnswers(db, eid, page.map((p) => p.organisation_id), detail);
    const byOrg = new Map<string, Map<string, ExportAnswer>>();
    for (const r of rows) {
      let m = byOrg.get(r.organisation_id);
      if (!m) byOrg.set(r.organisation_id, (m = new Map()));
      m.set(r.item_code, r);
    }
    yield page.map((p) => ({ p, answers: byOrg.get(p.organisation_id) ?? new Map() }));
  }
}

class CsvOut {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable) {}
  async row(cells: unknown[]): Promise<void> {
    const line = `${cells.map(csvCell).join(',')}\r\n`;
    this.buf.push(line);
    this.size += line.length;
    if (this.size > 64 * 1024) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const ok = this.out.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
    if (!ok) await once(this.out, 'drain');
  }
}

function rawValue(v: AnswerValue): string | number | null {
  if (v === null) return null;
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

export async function writeExport(db: Kysely<Database>, prepared: PreparedExport, format: ExportFormat, out: Writable): Promise<void> {
  const { edition, framework } = prepared;
  const items = frameworkItems(framework).filter((l) => isAnswerable(l.item));
  if (format === 'xlsx') return writeXlsx(db, edition, framework, items, out);
  const csv = new CsvOut(out);
  // The BOM makes Excel read the file as UTF-8, so Thai shows correctly.
  out.write('\ufeff');
  if (format === 'csv') {
    await csv.row([...FIXED_HEADERS, ...items.map((l) => l.item.code)]);
    for await (const page of answerPages(db, edition.id)) {
      for (const { p, answers } of page) {
        await csv.row([...fixedCells(p), ...items.map((l) => answerLabel(l.item, answers.get(l.item.code)?.value, 'th'))]);
      }
    }
  } else if (format === 'long-csv') {
    await csv.row(['ปีการสำรวจ', 'รหัสหน่วยงาน', 'ชื่อหน่วยงาน', 'ระดับ', 'สถานะ', 'มิติ', 'รหัสคำถาม', 'คำถาม', 'คำตอบ (รหัส)', 'คำตอบ', 'รุ่น', 'แก้ไขเมื่อ', 'แก้ไขโดย']);
    for await (const page of answerPages(db, edition.id, true)) {
      for (const { p, answers } of page) {
        for (const l of items) {
          const a = answers.get(l.item.code);
          if (!a) continue;
          await csv.row([edition.year_be, p.code, p.name_th, p.level, STATUS_TH[p.status] ?? p.status, l.dimensionCode, l.item.code, l.item.text.th, rawValue(a.value), answerLabel(l.item, a.value, 'th'), a.version, new Date(a.updated_at).toISOString(), a.updated_by_name]);
        }
      }
    }
  } else {
    await csv.row(['รหัสหน่วยงาน', 'ชื่อหน่วยงาน', 'รหัสคำถาม', 'ชื่อไฟล์', 'ขนาด (ไบต์)', 'ชนิดไฟล์', 'SHA-256', 'อัปโหลดเมื่อ', 'อัปโหลดโดย', 'ลิงก์']);
    for await (const f of evidencePages(db, edition.id)) {
      await csv.row([f.org_code, f.org_name_th, f.item_code, f.filename, Number(f.size), f.mime_type, f.sha256, new Date(f.uploaded_at).toISOString(), f.uploaded_by_name, `/api/evidence/${f.id}`]);
    }
  }
  await csv.flush();
  out.end();
}

async function* evidencePages(db: Kysely<Database>, eid: string) {
  let after: string | null = null;
  for (;;) {
    const rows = await evidenceIndexPage(db, eid, after, 1000);
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.id;
  }
}

async function writeXlsx(db: Kysely<Database>, edition: EditionRow, framework: Framework, items: ReturnType<typeof frameworkItems>, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  wb.creator = 'DG Readiness';
  const wide = wb.addWorksheet('คำตอบ', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  wide.addRow([...FIXED_HEADERS, ...items.map((l) => l.item.code)]).commit();
  wide.addRow([...FIXED_HEADERS.map(() => null), ...items.map((l) => l.item.text.th)]).commit();
  for await (const page of answerPages(db, edition.id)) {
    for (const { p, answers } of page) {
      wide.addRow([...fixedCells(p), ...items.map((l) => answerLabel(l.item, answers.get(l.item.code)?.value, 'th'))].map(safeCell)).commit();
    }
  }
  wide.commit();

  const book = wb.addWorksheet('รายการคำถาม');
  book.addRow(['รหัสคำถาม', 'มิติ', 'คำถาม', 'Question', 'ชนิด', 'ตัวเลือก']).commit();
  const dimName = new Map(framework.dimensions.map((d) => [d.code, d.name.th]));
  for (const l of items) {
    const it = l.item;
    const opts = it.kind === 'single_choice' || it.kind === 'multi_choice' ? it.options.map((o) => `${o.code}=${o.label.th}`).join('; ') : it.kind === 'yes_no' ? 'true=ใช่; false=ไม่ใช่' : null;
    book.addRow([it.code, `${l.dimensionCode} ${dimName.get(l.dimensionCode) ?? ''}`.trim(), it.text.th, it.text.en, it.kind, opts].map(safeCell)).commit();
  }
  book.commit();

  const ev = wb.addWorksheet('หลักฐาน');
  ev.addRow(['รหัสหน่วยงาน', 'ชื่อหน่วยงาน', 'รหัสคำถาม', 'ชื่อไฟล์', 'ขนาด (ไบต์)', 'ชนิดไฟล์', 'SHA-256', 'อัปโหลดเมื่อ', 'อัปโหลดโดย', 'ลิงก์']).commit();
  for await (const f of evidencePages(db, edition.id)) {
    ev.addRow([f.org_code, f.org_name_th, f.item_code, f.filename, Number(f.size), f.mime_type, f.sha256, new Date(f.uploaded_at).toISOString(), f.uploaded_by_name, `/api/evidence/${f.id}`].map(safeCell)).commit();
  }
  ev.commit();
  await wb.commit();
}
