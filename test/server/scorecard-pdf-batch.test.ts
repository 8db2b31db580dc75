// Several scorecards rendered in one process: each document's Thai text layer must read back correctly, not only the first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderScorecardPdf } from '../../src/server/reports/scorecard-pdf.js';
import type { ScorecardModel } from '../../src/server/services/scorecard.js';

const t = (th: string, en: string) => ({ th, en });

function model(nameTh: string, dim: string): ScorecardModel {
  return {
    edition: { id: 'e', yearBe: 2568, titleTh: 'การสำรวจ 2568', titleEn: 'Survey 2025' },
    snapshot: { id: 's', seq: 1, fingerprint: 'f'.repeat(64), official: true, createdAt: '2025-12-01T00:00:00.000Z', engineVersion: '1', frameworkId: 'fw', frameworkVersion: '1' },
    organisation: { id: 'o', code: 'X1', nameTh, nameEn: null, level: 'department', ministryTh: 'กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม', ministryEn: null, provinceTh: null, provinceEn: null },
    scaleMax: 5,
    overall: 3.21,
    stage: { code: 'S3', index: 2, name: t('ระดับที่ 3 การบูรณาการ', 'Integration'), byScore: 'S3', heldBack: false },
    stages: [{ code: 'S1', name: t('ระดับเริ่มต้น', 'Initial'), minScore: 0 }, { code: 'S3', name: t('ระดับที่ 3 การบูรณาการ', 'Integration'), minScore: 3 }],
    peerGroup: { key: 'level' as ScorecardModel['peerGroup']['key'], value: 'department', label: t('กรม', 'Department'), n: 40, small: false, overallMean: 3.0 },
    dimensions: [{ code: 'D1', name: t(dim, 'Dimension'), score: 3.5, peerMean: 3.1, change: null }],
    lastYear: { available: false, overallChange: null, previousOverall: null, currentOverall: 3.21 },
    rank: null,
    weakestItems: [],
    weakestDimensions: [],
    nextStage: null,
  };
}

const text = (pdf: Buffer): string => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-sc-')), 'a.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe('scorecard PDF batch', () => {
  it('every document of a batch, the third too, carries its own Thai text', async () => {
    const names = ['กรมการปกครอง', 'สำนักงานปลัดกระทรวงสาธารณสุข', 'องค์การบริหารส่วนจังหวัดเชียงใหม่'];
    const dims = ['ด้านโครงสร้างพื้นฐาน', 'ด้านบุคลากรดิจิทัล', 'ด้านการให้บริการประชาชน'];
    const pdfs: Buffer[] = [];
    for (let i = 0; i < 3; i++) pdfs.push(await renderScorecardPdf(model(names[i]!, dims[i]!)));
    for (let i = 0; i < 3; i++) {
      const out = text(pdfs[i]!).replace(/\s+/g, '');
      expect(out).toContain(names[i]!);
      expect(out).toContain(dims[i]!);
      expect(out).toContain('กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม');
    }
  });
});
