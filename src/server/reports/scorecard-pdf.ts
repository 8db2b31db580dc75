// The agency scorecard as a Thai PDF (pdfkit + Sarabun): renders the scorecard model; charts are vector paths.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { ScorecardModel } from '../services/scorecard.js';
import { measure, wrapLines, writeWrapped } from './thai-text.js';
import { useExactToUnicode } from './pdf-unicode.js';

type Doc = InstanceType<typeof PDFDocument>;

const here = path.dirname(fileURLToPath(import.meta.url));
export const FONT_DIR = path.resolve(here, '../../../assets/fonts');

/**
 * The parsed fonts are shared by every document of the process: pdfkit accepts an already-opened fontkit font, and
 * parsing Sarabun's GSUB/GPOS tables per document would cost more than drawing the page. Each document still keeps
 * its own subset of the glyphs it uses.
 */
type FontSource = Parameters<Doc['registerFont']>[1];
let fonts: { regular: FontSource; bold: FontSource } | null = null;
function loadFonts(): { regular: FontSource; bold: FontSource } {
  if (!fonts) {
    const probe = new PDFDocument({ autoFirstPage: false });
    const open = (file: string): FontSource => {
      probe.registerFont(file, fs.readFileSync(path.join(FONT_DIR, file)));
      probe.font(file);
      return (probe as unknown as { _font: { font: FontSource } })._font.font;
    };
    fonts = { regular: open('Sarabun-Regular.ttf'), bold: open('Sarabun-Bold.ttf') };
  }
  return fonts;
}

/** Scores are printed with two decimals, exactly as the model holds them (already rounded once). */
export const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : x.toFixed(2));
const signed = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(x).toFixed(2));

const C = {
  ink: '#1a1b1e',
  dim: '#5c5f66',
  line: '#dee2e6',
  brand: '#1c7ed6',
  peer: '#f08c00',
  bg: '#f1f3f5',
  stage: ['#fa5252', '#fd7e14', '#40c057', '#1c7ed6'],
};

const PAGE = { w: 595.28, h: 841.89, m: 42 };

function ensureSpace(doc: Doc, y: number, need: number): number {
  if (y + need <= PAGE.h - PAGE.m - 24) return y;
  doc.addPage();
  return PAGE.m;
}

function heading(doc: Doc, text: string, y: number): number {
  y = ensureSpace(doc, y, 40);
  doc.font('bold').fontSize(13).fillColor(C.ink);
  y = writeWrapped(doc, text, PAGE.m, y, PAGE.w - 2 * PAGE.m);
  doc.moveTo(PAGE.m, y).lineTo(PAGE.w - PAGE.m, y).lineWidth(0.6).strokeColor(C.line).stroke();
  return y + 6;
}

/** Horizontal bars per dimension (agency score) with a peer-mean tick; all vector paths. */
function dimensionChart(doc: Doc, m: ScorecardModel, y: number): number {
  const x0 = PAGE.m + 190;
  const w = PAGE.w - PAGE.m - x0 - 50;
  const rowH = 22;
  const top = y;
  doc.font('regular').fontSize(8).fillColor(C.dim);
  for (const t of [0, 25, 50, 75, 100]) {
    const x = x0 + (w * t) / m.scaleMax;
    doc.moveTo(x, top).lineTo(x, top + rowH * m.dimensions.length).lineWidth(0.4).strokeColor(C.line).stroke();
    doc.text(String(t), x - 6, top + rowH * m.dimensions.length + 2, { lineBreak: false });
  }
  m.dimensions.forEach((d, i) => {
    const yy = top + i * rowH;
    doc.font('regular').fontSize(9).fillColor(C.ink);
    const lines = wrapLines(doc, d.name.th, 176);
    const label = (lines[0] ?? d.code) + (lines.length > 1 ? '…' : '');
    doc.text(label, PAGE.m, yy + 5, { lineBreak: false });
    const bw = d.score === null ? 0 : (w * d.score) / m.scaleMax;
    doc.rect(x0, yy + 5, Math.max(bw, 0.5), 12).fillColor(C.brand).fill();
    if (d.peerMean !== null) {
      const px = x0 + (w * d.peerMean) / m.scaleMax;
      doc.moveTo(px, yy + 2).lineTo(px, yy + 20).lineWidth(2).strokeColor(C.peer).stroke();
    }
    doc.font('bold').fontSize(9).fillColor(C.ink).text(fmt(d.score), x0 + w + 8, yy + 5, { lineBreak: false });
  });
  y = top + rowH * m.dimensions.length + 16;
  doc.rect(PAGE.m + 190, y + 2, 10, 8).fillColor(C.brand).fill();
  doc.font('regular').fontSize(8.5).fillColor(C.dim).text('คะแนนของหน่วยงาน', PAGE.m + 204, y, { lineBreak: false });
  doc.moveTo(PAGE.m + 300, y + 1).lineTo(PAGE.m + 300, y + 11).lineWidth(2).strokeColor(C.peer).stroke();
  doc.text(`ค่าเฉลี่ยกลุ่มเปรียบเทียบ (${m.peerGroup.label.th})`, PAGE.m + 306, y, { lineBreak: false });
  return y + 18;
}

function table(doc: Doc, y: number, cols: { title: string; width: number; align?: 'right' }[], rows: string[][]): number {
  const x = PAGE.m;
  const draw = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(9).fillColor(C.ink);
    const wrapped = cells.map((c, i) => wrapLines(doc, c, cols[i]!.width - 8));
    const lh = doc.currentLineHeight(true) + 3;
    const h = Math.max(...wrapped.map((w) => w.length)) * lh + 6;
    y = ensureSpace(doc, y, h);
    let cx = x;
    wrapped.forEach((lines, i) => {
      const col = cols[i]!;
      lines.forEach((line, k) => {
        const tx = col.align === 'right' ? cx + col.width - 4 - measure(doc, line) : cx + 4;
        doc.text(line, tx, y + 3 + k * lh, { lineBreak: false });
      });
      cx += col.width;
    });
    y += h;
    doc.moveTo(x, y).lineTo(x + cols.reduce((s, c) => s + c.width, 0), y).lineWidth(0.4).strokeColor(C.line).stroke();
  };
  draw(cols.map((c) => c.title), true);
  for (const r of rows) draw(r, false);
  return y + 8;
}

/** Draws the scorecard into a pdfkit document (one agency; may run onto a second page). */
export function drawScorecard(doc: Doc, m: ScorecardModel): void {
  const f = loadFonts();
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  useExactToUnicode(doc, 'regular');
  const W = PAGE.w - 2 * PAGE.m;
  let y = PAGE.m;

  doc.font('regular').fontSize(9).fillColor(C.dim);
  y = writeWrapped(doc, `รายงานผลการสำรวจระดับความพร้อมรัฐบาลดิจิทัลของหน่วยงานภาครัฐ · ${m.edition.titleTh} (พ.ศ. ${m.edition.yearBe})`, PAGE.m, y, W);
  doc.font('bold').fontSize(17).fillColor(C.ink);
  y = writeWrapped(doc, m.organisation.nameTh, PAGE.m, y + 2, W, { lineGap: 4 });
  doc.font('regular').fontSize(10).fillColor(C.dim);
  const sub = [m.organisation.nameEn, m.organisation.ministryTh, m.organisation.provinceTh ? `จังหวัด${m.organisation.provinceTh}` : null, `รหัส ${m.organisation.code}`].filter(Boolean).join(' · ');
  y = writeWrapped(doc, sub, PAGE.m, y, W);
  y += 6;

  // Key figures.
  const boxH = 74;
  const boxW = (W - 16) / 3;
  const stageColour = m.stage ? (C.stage[m.stage.index] ?? C.brand) : C.dim;
  const boxes: [string, string, string][] = [
    ['คะแนนรวม', `${fmt(m.overall)}`, `จาก ${m.scaleMax} · ค่าเฉลี่ยกลุ่ม ${fmt(m.peerGroup.overallMean)}`],
    ['ระดับความพร้อม', m.stage ? m.stage.name.th : '–', m.stage ? `${m.stage.name.en}${m.stage.heldBack ? ' · ยังไม่ผ่านเงื่อนไขรายมิติ' : ''}` : ''],
    [
      'อันดับในกลุ่ม',
      m.rank ? `${m.rank.rank} / ${m.rank.n}` : '–',
      m.rank && m.rank.intervalLow !== null ? `ช่วงอันดับ 90%: ${m.rank.intervalLow}–${m.rank.intervalHigh}` : '',
    ],
  ];
  boxes.forEach(([title, value, note], i) => {
    const bx = PAGE.m + i * (boxW + 8);
    doc.roundedRect(bx, y, boxW, boxH, 6).fillColor(C.bg).fill();
    if (i === 1) doc.rect(bx, y, 4, boxH).fillColor(stageColour).fill();
    doc.font('regular').fontSize(9).fillColor(C.dim).text(title, bx + 10, y + 7, { lineBreak: false });
    doc.font('bold').fontSize(20).fillColor(i === 1 ? stageColour : C.ink).text(value, bx + 10, y + 22, { lineBreak: false });
    doc.font('regular').fontSize(8).fillColor(C.dim);
    writeWrapped(doc, note, bx + 10, y + 50, boxW - 16, { lineGap: 1 });
  });
  y += boxH + 8;
  doc.font('regular').fontSize(9).fillColor(C.dim);
  const peerNote = `กลุ่มเปรียบเทียบ: ${m.peerGroup.label.th} (${m.peerGroup.n} หน่วยงาน)${m.peerGroup.small ? ' · กลุ่มตัวอย่างขนาดเล็ก ควรตีความด้วยความระมัดระวัง' : ''}`;
  y = writeWrapped(doc, peerNote, PAGE.m, y, W);
  if (m.lastYear.available) y = writeWrapped(doc, `เทียบกับปีก่อน (เฉพาะข้อที่เทียบกันได้): คะแนนรวม ${signed(m.lastYear.overallChange)}`, PAGE.m, y, W);
  y += 6;

  y = heading(doc, 'คะแนนรายมิติเทียบกับค่าเฉลี่ยกลุ่ม', y);
  y = dimensionChart(doc, m, y + 4);
  y = table(
    doc,
    y,
    [
      { title: 'มิติ', width: W - 240 },
      { title: 'คะแนน', width: 80, align: 'right' },
      { title: 'ค่าเฉลี่ยกลุ่ม', width: 80, align: 'right' },
      { title: 'เทียบปีก่อน', width: 80, align: 'right' },
    ],
    m.dimensions.map((d) => [`${d.code} ${d.name.th}`, fmt(d.score), fmt(d.peerMean), m.lastYear.available ? signed(d.change) : '–']),
  );

  y = heading(doc, 'ข้อที่ควรพัฒนาเป็นลำดับแรก และข้อเสนอแนะ', y);
  if (m.weakestItems.length === 0) {
    doc.font('regular').fontSize(10).fillColor(C.ink);
    y = writeWrapped(doc, 'หน่วยงานไม่มีข้อที่ต่ำกว่าค่าเฉลี่ยกลุ่ม', PAGE.m, y, W);
  }
  m.weakestItems.forEach((w, i) => {
    y = ensureSpace(doc, y, 60);
    doc.font('bold').fontSize(10).fillColor(C.ink);
    y = writeWrapped(doc, `${i + 1}. [${w.code}] ${w.text.th}`, PAGE.m, y, W);
    doc.font('regular').fontSize(9).fillColor(C.dim);
    y = writeWrapped(doc, `คะแนนข้อนี้ ${fmt(w.score)} · ค่าเฉลี่ยกลุ่ม ${fmt(w.peerMean)} · ต่ำกว่ากลุ่ม ${fmt(w.gap)}`, PAGE.m + 14, y, W - 14);
    if (w.recommendation) {
      doc.font('regular').fontSize(10).fillColor(C.ink);
      y = writeWrapped(doc, `ข้อเสนอแนะ: ${w.recommendation.th}`, PAGE.m + 14, y, W - 14);
    }
    y += 4;
  });

  if (m.nextStage) {
    y = heading(doc, `สิ่งที่จะช่วยให้ก้าวสู่${m.nextStage.name.th}`, y + 4);
    doc.font('regular').fontSize(10).fillColor(C.ink);
    const need = m.nextStage.pointsNeeded > 0 ? `ต้องเพิ่มคะแนนรวมอีก ${fmt(m.nextStage.pointsNeeded)} คะแนน` : 'คะแนนรวมถึงเกณฑ์แล้ว';
    y = writeWrapped(doc, need + (m.nextStage.reachable ? '' : ' (ยกระดับทุกข้อที่แสดงแล้วยังไม่ถึงเกณฑ์)'), PAGE.m, y, W);
    for (const c of m.nextStage.conditionShortfalls) y = writeWrapped(doc, `• มิติ${c.name.th} ต้องได้อย่างน้อย ${fmt(c.min)} (ปัจจุบัน ${fmt(c.score)})`, PAGE.m + 8, y, W - 8);
    m.nextStage.items.forEach((it) => {
      y = ensureSpace(doc, y, 30);
      y = writeWrapped(doc, `• [${it.code}] ${it.text.th} (+${fmt(it.gain)})`, PAGE.m + 8, y, W - 8);
    });
  }

  // Provenance on every page: which frozen snapshot these numbers come from.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('regular').fontSize(7).fillColor(C.dim);
    const foot = `ชุดผลคะแนน #${m.snapshot.seq}${m.snapshot.official ? ' (ฉบับทางการ)' : ' (ยังไม่เป็นฉบับทางการ)'} · ${m.snapshot.frameworkId} ${m.snapshot.frameworkVersion} · engine ${m.snapshot.engineVersion} · ${m.snapshot.fingerprint.slice(0, 23)} · หน้า ${i - range.start + 1}/${range.count}`;
    doc.text(foot, PAGE.m, PAGE.h - PAGE.m + 6, { lineBreak: false });
  }
}

function newDoc(m: ScorecardModel): Doc {
  return new PDFDocument({
    size: 'A4',
    margin: PAGE.m,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `Scorecard ${m.organisation.code} ${m.edition.yearBe}`,
      Author: 'DG Readiness',
      // Fixed to the snapshot's time so the same snapshot renders the same file.
      CreationDate: new Date(m.snapshot.createdAt),
      ModDate: new Date(m.snapshot.createdAt),
    },
  });
}

/** Renders one scorecard to a Buffer. */
export function renderScorecardPdf(m: ScorecardModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = newDoc(m);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      drawScorecard(doc, m);
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}
