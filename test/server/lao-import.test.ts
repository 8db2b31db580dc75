import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { verifyAuditChain } from '../../src/server/services/audit.js';
import { ADMIN, as, multipartFile, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';

async function laoCount(h: Harness): Promise<number> {
  const r = await h.db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', 'lao').executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('LAO import from CSV and XLSX', () => {
  let h: Harness;
  let admin: Session;
  beforeAll(async () => {
    h = await startHarness();
    admin = await signIn(h.app, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => h.close());

  const upload = (s: Session, filename: string, content: Buffer | string, type?: string) => {
    const mp = multipartFile(filename, content, type);
    return as(h.app, s, { method: 'POST', url: '/api/registry/lao-import', payload: mp.payload, headers: mp.headers });
  };

  it('imports the sample file (province by DOPA code, Thai or English name) and upserts by code on re-import', async () => {
    const sample = fs.readFileSync(path.resolve('data/samples/lao-sample.csv'));
    const first = await upload(admin, 'lao-sample.csv', sample);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ imported: 6, updated: 0 });
    const cm = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?level=lao&province=50&orgType=sao' })).json();
    expect(cm.items[0]).toMatchObject({ code: '5500104', nameTh: 'องค์การบริหารส่วนตำบลออนใต้', provinceNameEn: 'Chiang Mai', orgType: 'sao', version: 1 });

    const changed = sample.toString('utf8').replace('เทศบาลเมืองแม่โจ้', 'เทศบาลเมืองแม่โจ้ (ชื่อใหม่)');
    const second = await upload(admin, 'lao-sample.csv', changed);
    expect(second.json()).toEqual({ imported: 0, updated: 1 });
    const summary = (await as(h.app, admin, { method: 'GET', url: '/api/registry/summary' })).json();
    expect(summary.laoByType).toMatchObject({ pao: 76, special: 2, sao: 2, city_municipality: 2, town_municipality: 1, subdistrict_municipality: 1 });
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('rejects a file with bad rows: one detail per bad row naming row and column, nothing imported', async () => {
    const before = await laoCount(h);
    const csv = [
      'code,name_th,name_en,lao_type,province',
      '9000001,เทศบาลนครสงขลา,Songkhla City Municipality,city_municipality,สงขลา',
      '9000002,เทศบาลเมืองคอหงส์,,town_municipality,Atlantis',
      '9000003,,,sao,90',
      '9000001,เทศบาลซ้ำ,,sao,90',
      '9000004,องค์การบริหารส่วนตำบลทดลอง,,village,90',
      '9000005,เขตบางรัก,,sao,10',
      '01001,ชนกับหน่วยงานระดับกรม,,sao,90',
      '9000006,องค์การบริหารส่วนตำบลถูกต้อง,,sao,Songkhla',
    ].join('\n');
    const res = await upload(admin, 'bad.csv', csv);
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.message_en).toBe('The import file has 6 invalid row(s); nothing was imported');
    expect(err.details.map((d: { path: string }) => d.path)).toEqual(['row 3', 'row 4', 'row 5', 'row 6', 'row 7', 'row 8']);
    const en = err.details.map((d: { en: string }) => d.en);
    expect(en[0]).toContain('province: unknown province “Atlantis”');
    expect(en[1]).toContain('name_th: name_th is empty');
    expect(en[2]).toContain('code: code “9000001” repeats row 2');
    expect(en[3]).toContain('lao_type: lao_type “village” is not one of');
    expect(en[4]).toContain('Bangkok');
    expect(en[5]).toContain('not an LAO');
    expect(err.details[0].th).toContain('ไม่พบจังหวัด');
    expect(await laoCount(h)).toBe(before);
  });

  it('rejects a file without the required columns', async () => {
    const res = await upload(admin, 'cols.csv', 'code,name\n1,x\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'row 1' });
    expect(res.json().error.details[0].en).toContain('name_th, lao_type, province');
  });

  it('imports XLSX, and an official PAO code takes over the app-made PAO of that province', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('อปท.');
    ws.addRow(['code', 'name_th', 'name_en', 'lao_type', 'province']);
    ws.addRow(['6400101', 'เทศบาลนครสุราษฎร์ธานี', 'Surat Thani City Municipality', 'city_municipality', 'Surat Thani']);
    ws.addRow([8400100, 'องค์การบริหารส่วนจังหวัดสุราษฎร์ธานี', null, 'pao', '84']);
    ws.addRow([]);
    ws.addRow(['6400102', { richText: [{ text: 'องค์การบริหารส่วนตำบล' }, { text: 'ขุนทะเล' }] }, null, 'SAO', 'สุราษฎร์ธานี']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(admin, 'lao.xlsx', buf, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2, updated: 1 });
    const pao = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?level=lao&orgType=pao&province=84' })).json();
    expect(pao.total).toBe(1);
    expect(pao.items[0]).toMatchObject({ code: '8400100', nameEn: 'Surat Thani Provincial Administrative Organisation', version: 2 });
    const sao = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?q=ขุนทะเล' })).json();
    expect(sao.items[0]).toMatchObject({ code: '6400102', orgType: 'sao', provinceCode: '84' });
    const audit = (await as(h.app, admin, { method: 'GET', url: `/api/registry/organisations/${pao.items[0].id}/audit` })).json();
    expect(audit.items[0]).toMatchObject({ action: 'organisation.update', before: { code: 'LAO-PAO-84' }, after: { code: '8400100' } });
  });

  it('refuses a second PAO for a province whose PAO already has an official code; a special LAO is taken over only by name', async () => {
    const before = await laoCount(h);
    const second = await upload(admin, 'pao.csv', 'code,name_th,lao_type,province\n8400999,องค์การบริหารส่วนจังหวัดสุราษฎร์ธานี (ซ้ำ),pao,84\n');
    expect(second.statusCode).toBe(400);
    expect(second.json().error.details[0].en).toContain('already has a PAO (code 8400100)');
    expect(await laoCount(h)).toBe(before);

    const pattaya = await upload(admin, 'special.csv', 'code,name_th,name_en,lao_type,province\n2000001,เมืองพัทยา,Pattaya City,special,ชลบุรี\n');
    expect(pattaya.json()).toEqual({ imported: 0, updated: 1 });
    const special = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?level=lao&orgType=special&province=20' })).json();
    expect(special.items.map((o: { code: string }) => o.code)).toEqual(['2000001']);
  });

  it('is for admins only', async () => {
    await seedUser(h.db, { email: 'reviewer@dga.local', role: 'reviewer' });
    const reviewer = await signIn(h.app, 'reviewer@dga.local', undefined, '10.0.0.9');
    const res = await upload(reviewer, 'x.csv', 'code,name_th,lao_type,province\n1,ก,sao,90\n');
    expect(res.statusCode).toBe(404);
  });
});
