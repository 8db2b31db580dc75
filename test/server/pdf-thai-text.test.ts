// The text layer of our Thai PDFs reads back exactly (pdftotext): SARA AM (ำ) once, not as ำา, in scorecards and certificates.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCertificatePdf } from '../../src/server/reports/certificate-pdf.js';
import { renderScorecardPdf } from '../../src/server/reports/scorecard-pdf.js';
import type { ScorecardModel } from '../../src/server/services/scorecard.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-pdf-th-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** pdftotext's plain (reading-order) mode, as copy and paste or a search in a viewer would see the text. */
function extract(pdf: Buffer): string {
  const file = path.join(dir, `${n++}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const t = (th: string, en: string) => ({ th, en });

// SARA AM alone, after a tone mark (น้ำ, ค่ำ: the mark and NIKHAHIT become one glyph) and beside a real SARA AA (งาน).
const ORG = 'สำนักงานคณะกรรมการพัฒนาระบบราชการ';
const DIM = 'ด้านคำแนะนำ การใช้ซ้ำและการจัดการน้ำ';
// Short: the stage is printed large on one line in a third of the page width.
const STAGE = 'ระดับที่ 3 ชำนาญ';

function scorecard(): ScorecardModel {
  return {
    edition: { id: 'e', yearBe: 2568, titleTh: 'การสำรวจ 2568', titleEn: 'Survey 2025' },
    snapshot: { id: 's', seq: 1, fingerprint: 'f'.repeat(64), official: true, createdAt: '2025-12-01T00:00:00.000Z', engineVersion: '1', frameworkId: 'fw', frameworkVersion: '1' },
    organisation: { id: 'o', code: 'X1', nameTh: ORG, nameEn: null, level: 'department', ministryTh: 'สำนักนายกรัฐมนตรี', ministryEn: null, provinceTh: null, provinceEn: null },
    scaleMax: 5,
    overall: 3.21,
    stage: { code: 'S3', index: 2, name: t(STAGE, 'Integration'), byScore: 'S3', heldBack: false },
    stages: [{ code: 'S1', name: t('ระดับเริ่มต้น', 'Initial'), minScore: 0 }, { code: 'S3', name: t(STAGE, 'Integration'), minScore: 3 }],
    peerGroup: { key: 'level' as ScorecardModel['peerGroup']['key'], value: 'department', label: t('กรม', 'Department'), n: 40, small: false, overallMean: 3.0 },
    dimensions: [{ code: 'D1', name: t(DIM, 'Dimension'), score: 3.5, peerMean: 3.1, change: null }],
    lastYear: { available: false, overallChange: null, previousOverall: null, currentOverall: 3.21 },
    rank: null,
    weakestItems: [],
    weakestDimensions: [],
    nextStage: null,
  };
}

describe('Thai text extracted from generated PDFs', () => {
  it('a scorecard reads back สำนักงาน, คำแนะนำ, น้ำ and ซ้ำ exactly, in this and the next document', async () => {
    // Two documents: the fonts are shared by the process, so the second must not inherit the first one's mapping.
    for (let i = 0; i < 2; i++) {
      const text = extract(await renderScorecardPdf(scorecard()));
      for (const word of [ORG, 'สำนักนายกรัฐมนตรี', 'คำแนะนำ', 'การใช้ซ้ำและการจัดการน้ำ', STAGE, 'การสำรวจ']) expect(text, `document ${i + 1}`).toContain(word);
      expect(text).not.toContain('ำา');
      expect(text).not.toMatch(/\u0E4D/);
    }
  });

  it('a certificate reads back its recipient, category and group exactly', async () => {
    const text = extract(
      await renderCertificatePdf({
        code: 'DGA-2568-0001',
        recipient: t('สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)', 'Digital Government Development Agency'),
        category: t('รางวัลคำแนะนำดีเด่นด้านการบริหารจัดการน้ำ', 'Water management'),
        groupName: t('กลุ่มหน่วยงานที่นำข้อมูลไปใช้ซ้ำ', 'Data reuse group'),
        editionLabel: t('ประจำปี 2568', '2025'),
        issuedAt: new Date('2025-12-01T00:00:00Z'),
        verifyUrl: 'https://example.test/verify/DGA-2568-0001',
      }),
    );
    for (const word of ['สำนักงานพัฒนารัฐบาลดิจิทัล', 'รางวัลคำแนะนำดีเด่นด้านการบริหารจัดการน้ำ', 'กลุ่มหน่วยงานที่นำข้อมูลไปใช้ซ้ำ']) expect(text).toContain(word);
    expect(text).not.toContain('ำา');
  });
});
