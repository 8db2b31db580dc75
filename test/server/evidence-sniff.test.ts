// Evidence type detection from content: documents and images pass whatever their name; executables, scripts and archives do not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { detectEvidenceType } from '../../src/server/evidence/sniff.js';
import { EvidenceStore } from '../../src/server/evidence/store.js';
import { contentDisposition } from '../../src/server/services/evidence.js';
import { cleanFilename } from '../../src/server/services/upload-staging.js';
import { FILES } from './support/questionnaire.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-sniff-'));
let n = 0;
function file(content: Buffer): string {
  const p = path.join(dir, `f${++n}.pdf`);
  fs.writeFileSync(p, content);
  return p;
}

/** An OLE compound file header followed, far into the file, by a directory entry name. */
function cfb(streamName: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  return Buffer.concat([header, Buffer.alloc(1_500_000), Buffer.from(streamName, 'utf16le'), Buffer.alloc(64)]);
}

describe('evidence type detection', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('accepts PDF, PNG and XLSX by content', async () => {
    expect(await detectEvidenceType(file(FILES.pdf))).toMatchObject({ ok: true, ext: 'pdf', mime: 'application/pdf' });
    expect(await detectEvidenceType(file(FILES.png))).toMatchObject({ ok: true, ext: 'png' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('ข้อมูล').addRow(['ทดสอบ']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await detectEvidenceType(file(xlsx))).toMatchObject({ ok: true, ext: 'xlsx' });
  });

  it('tells legacy Word, Excel and PowerPoint apart by their stream names, even deep in the file', async () => {
    expect(await detectEvidenceType(file(cfb('WordDocument')))).toMatchObject({ ok: true, ext: 'doc', mime: 'application/msword' });
    expect(await detectEvidenceType(file(cfb('Workbook')))).toMatchObject({ ok: true, ext: 'xls' });
    expect(await detectEvidenceType(file(cfb('PowerPoint Document')))).toMatchObject({ ok: true, ext: 'ppt' });
    expect(await detectEvidenceType(file(cfb('SomethingElse')))).toEqual({ ok: false, detected: 'cfb' });
  });

  it('refuses executables, scripts and plain archives whatever their name', async () => {
    expect(await detectEvidenceType(file(FILES.exe))).toEqual({ ok: false, detected: 'exe' });
    expect(await detectEvidenceType(file(FILES.elf))).toEqual({ ok: false, detected: 'elf' });
    expect(await detectEvidenceType(file(FILES.script))).toEqual({ ok: false, detected: 'text/unknown' });
    expect(await detectEvidenceType(file(Buffer.from('<html><script>alert(1)</script></html>')))).toMatchObject({ ok: false });
  });

  it('keeps Thai file names and strips paths and control characters', () => {
    expect(cleanFilename('../../etc/แผน\u0000งาน".pdf', 'pdf')).toBe('แผนงาน.pdf');
    expect(cleanFilename('C:\\Users\\x\\รายงาน.docx', 'docx')).toBe('รายงาน.docx');
    expect(cleanFilename('', 'pdf')).toBe('evidence.pdf');
    expect(contentDisposition('attachment', 'รายงาน.pdf')).toBe(`attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('รายงาน.pdf')}`);
  });

  it('sweeps temp files left by a crashed upload, not ones in progress', async () => {
    const store = new EvidenceStore(path.join(dir, 'data'));
    const tmp = path.join(dir, 'data', 'evidence', 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'old.part'), 'x');
    fs.utimesSync(path.join(tmp, 'old.part'), new Date('2020-01-01'), new Date('2020-01-01'));
    fs.writeFileSync(path.join(tmp, 'new.part'), 'y');
    expect(await store.sweepTemp(3600_000)).toBe(1);
    expect(fs.readdirSync(tmp)).toEqual(['new.part']);
  });
});
