// XLSX of all results of one snapshot (exceljs streaming writer): one row per agency, scores at full precision.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Framework } from '../../engine/framework/types.js';
import type { UnitResult } from '../../engine/results.js';
import type { RankInterval } from '../services/scoring-runs.js';
import type { UnitRow } from '../repositories/results.js';
import { safeCell } from './spreadsheet-safe.js';

export interface XlsxSource {
  framework: Framework;
  snapshot: { seq: number; fingerprint: string; official: boolean; createdAt: string; editionTitleTh: string; yearBe: number };
  /** Pages of unit rows in organisation-code order; an empty page ends. */
  pages: AsyncIterable<(UnitRow & { result: unknown })[]>;
}

/** Streams the workbook to `out`; returns the number of agencies written. */
export async function writeResultsXlsx(out: Writable, src: XlsxSource): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'DG Readiness';
  const fw = src.framework;
  const primary = fw.peerGroups[0] ?? 'all';
  const ws = wb.addWorksheet('ผลคะแนน', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const stageName = new Map(fw.stages.map((s) => [s.code, s.name]));
  ws.columns = [
    { header: 'รหัส / code', key: 'code', width: 14 },
    { header: 'ชื่อหน่วยงาน', key: 'name_th', width: 48 },
    { header: 'name (English)', key: 'name_en', width: 36 },
    { header: 'ระดับ / level', key: 'level', width: 14 },
    { header: 'กระทรวง / ministry', key: 'ministry', width: 28 },
    { header: 'จังหวัด / province', key: 'province', width: 18 },
    ...fw.dimensions.map((d) => ({ header: `${d.code} ${d.name.th}`, key: `dim_${d.code}`, width: 14, style: { numFmt: '0.00' } })),
    { header: 'คะแนนรวม / overall', key: 'overall', width: 14, style: { numFmt: '0.00' } },
    { header: 'ระดับความพร้อม', key: 'stage_th', width: 14 },
    { header: 'stage', key: 'stage', width: 14 },
    { header: `อันดับในกลุ่ม (${primary})`, key: 'rank_peer', width: 12 },
    { header: 'จำนวนในกลุ่ม', key: 'n_peer', width: 10 },
    { header: 'อันดับรวม / rank (all)', key: 'rank_all', width: 12 },
    { header: 'ช่วงอันดับ 5%', key: 'rank_p05', width: 10 },
    { header: 'ช่วงอันดับ 95%', key: 'rank_p95', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let n = 0;
  for await (const page of src.pages) {
    for (const u of page) {
      const r = u.result as UnitResult;
      const peer = r.ranks.find((x) => x.key === primary);
      const all = r.ranks.find((x) => x.key === 'all');
      const iv = u.rank_interval as RankInterval | null;
      const row: Record<string, unknown> = {
        code: u.code,
        name_th: u.name_th,
        name_en: u.name_en ?? '',
        level: u.level,
        ministry: u.ministry_name_th ?? '',
        province: u.province_name_th ?? '',
        overall: r.overall,
        stage_th: r.stage ? (stageName.get(r.stage.code)?.th ?? r.stage.code) : '',
        stage: r.stage?.code ?? '',
        rank_peer: peer?.rank ?? null,
        n_peer: peer?.n ?? null,
        rank_all: all?.rank ?? null,
        rank_p05: iv?.rankP05 ?? null,
        rank_p95: iv?.rankP95 ?? null,
      };
      for (const d of fw.dimensions) row[`dim_${d.code}`] = r.dimensions[d.code] ?? null;
      for (const k of Object.keys(row)) row[k] = safeCell(row[k]);
      ws.addRow(row).commit();
      n++;
    }
  }
  ws.commit();
  const about = wb.addWorksheet('ที่มา');
  about.addRow(['รอบการสำรวจ', `${src.snapshot.editionTitleTh} (${src.snapshot.yearBe})`]).commit();
  about.addRow(['ชุดผลคะแนน', `#${src.snapshot.seq}${src.snapshot.official ? ' (official)' : ''}`]).commit();
  about.addRow(['fingerprint', src.snapshot.fingerprint]).commit();
  about.addRow(['framework', `${fw.id} ${fw.version}`]).commit();
  about.addRow(['created', src.snapshot.createdAt]).commit();
  about.addRow(['หน่วยงาน', n]).commit();
  about.commit();
  await wb.commit();
  return n;
}
