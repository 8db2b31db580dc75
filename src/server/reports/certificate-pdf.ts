// One award certificate as a Thai PDF (pdfkit + Sarabun, A4 landscape) with its verification code, URL and a vector QR code.
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { FONT_DIR } from './scorecard-pdf.js';
import { writeWrapped } from './thai-text.js';
import { useExactToUnicode } from './pdf-unicode.js';

type Doc = InstanceType<typeof PDFDocument>;

export interface CertificateModel {
  code: string;
  recipient: { th: string; en: string };
  category: { th: string; en: string };
  groupName: { th: string; en: string };
  editionLabel: { th: string; en: string };
  issuedAt: Date;
  verifyUrl: string;
}

/**
 * The font files are read once, but parsed per document: a fontkit font shared between documents keeps the glyph →
 * text mapping of the first document that shaped a glyph, and pdftotext (or a screen reader) then reads some Thai
 * vowels wrongly in later certificates. A certificate has one page, so parsing per document costs little.
 */
let fontBytes: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fontBytes ??= { regular: fs.readFileSync(path.join(FONT_DIR, 'Sarabun-Regular.ttf')), bold: fs.readFileSync(path.join(FONT_DIR, 'Sarabun-Bold.ttf')) };
  return fontBytes;
}

const PAGE = { w: 841.89, h: 595.28, m: 48 };
const C = { ink: '#1a1b1e', dim: '#5c5f66', brand: '#1c7ed6', gold: '#b08d2a' };

const THAI_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];

/** "23 พฤศจิกายน พ.ศ. 2569" in Thailand's time zone. */
export function thaiDate(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000);
  return `${t.getUTCDate()} ${THAI_MONTHS[t.getUTCMonth()]} พ.ศ. ${t.getUTCFullYear() + 543}`;
}

/** Draws the QR code as filled squares (vector: sharp at any print size). */
function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  doc.save().fillColor('#000000');
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell + 0.05, cell + 0.05);
  doc.fill().restore();
}

function centred(doc: Doc, text: string, y: number, font: 'regular' | 'bold', size: number, color: string): number {
  doc.font(font).fontSize(size).fillColor(color);
  return writeWrapped(doc, text, PAGE.m + 20, y, PAGE.w - 2 * (PAGE.m + 20), { align: 'center', lineGap: 2 });
}

export function drawCertificate(doc: Doc, m: CertificateModel): void {
  const f = loadFonts();
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  useExactToUnicode(doc, 'regular');
  doc.rect(PAGE.m / 2, PAGE.m / 2, PAGE.w - PAGE.m, PAGE.h - PAGE.m).lineWidth(3).strokeColor(C.gold).stroke();
  doc.rect(PAGE.m / 2 + 6, PAGE.m / 2 + 6, PAGE.w - PAGE.m - 12, PAGE.h - PAGE.m - 12).lineWidth(0.8).strokeColor(C.gold).stroke();

  let y = PAGE.m + 18;
  y = centred(doc, 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)', y, 'regular', 14, C.dim);
  y = centred(doc, 'เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า', y + 14, 'regular', 16, C.ink);
  y = centred(doc, m.recipient.th, y + 10, 'bold', 28, C.brand);
  if (m.recipient.en && m.recipient.en !== m.recipient.th) y = centred(doc, m.recipient.en, y, 'regular', 13, C.dim);
  y = centred(doc, 'ได้รับ', y + 8, 'regular', 16, C.ink);
  y = centred(doc, m.category.th, y + 4, 'bold', 20, C.ink);
  y = centred(doc, m.groupName.th, y + 2, 'regular', 14, C.dim);
  y = centred(doc, `รางวัลรัฐบาลดิจิทัล ${m.editionLabel.th}`, y + 8, 'regular', 16, C.ink);
  y = centred(doc, `${m.category.en} · Digital Government Awards ${m.editionLabel.en}`, y + 2, 'regular', 11, C.dim);
  centred(doc, `ให้ไว้ ณ วันที่ ${thaiDate(m.issuedAt)}`, y + 10, 'regular', 14, C.ink);

  const qrSize = 84;
  const qx = PAGE.w - PAGE.m - qrSize - 8;
  const qy = PAGE.h - PAGE.m - qrSize - 10;
  drawQr(doc, m.verifyUrl, qx, qy, qrSize);
  doc.font('regular').fontSize(10).fillColor(C.dim);
  const left = PAGE.m + 12;
  doc.text(`รหัสตรวจสอบ (verification code): ${m.code}`, left, qy + qrSize - 40, { lineBreak: false });
  doc.text(`ตรวจสอบความถูกต้องได้ที่ ${m.verifyUrl}`, left, qy + qrSize - 24, { lineBreak: false });
}

/** Renders one certificate; the file's dates are the issue date, so the same certificate renders the same bytes. */
export function renderCertificatePdf(m: CertificateModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: PAGE.m,
      autoFirstPage: true,
      info: { Title: `Certificate ${m.code}`, Author: 'DG Readiness', CreationDate: m.issuedAt, ModDate: m.issuedAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      drawCertificate(doc, m);
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}
