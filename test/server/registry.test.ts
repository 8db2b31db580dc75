import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/server/services/bootstrap.js';
import { ADMIN, as, orgIdByCode, seedUser, signIn, silentLog, startHarness, type Harness, type Session } from './support/foundation.js';

describe('registry: reference data, browse, search, edit', () => {
  let h: Harness;
  let admin: Session;
  let reviewer: Session;
  beforeAll(async () => {
    h = await startHarness();
    admin = await signIn(h.app, ADMIN.email, ADMIN.password);
    await seedUser(h.db, { email: 'reviewer@dga.local', role: 'reviewer' });
    reviewer = await signIn(h.app, 'reviewer@dga.local');
  });
  afterAll(async () => h.close());

  it('loads 77 provinces, 25 ministries, 321 departments, 20 surveyed provincial agency types and 1,520 provincial units', async () => {
    const provinces = await as(h.app, admin, { method: 'GET', url: '/api/registry/provinces' });
    expect(provinces.json().items).toHaveLength(77);
    expect(provinces.json().items.find((p: { code: string }) => p.code === '38')).toMatchObject({ nameEn: 'Bueng Kan', isoCode: 'TH-38' });

    const ministries = await as(h.app, admin, { method: 'GET', url: '/api/registry/ministries' });
    expect(ministries.json().items).toHaveLength(25);
    expect(ministries.json().items.reduce((a: number, m: { departmentCount: number }) => a + m.departmentCount, 0)).toBe(321);

    const types = (await as(h.app, admin, { method: 'GET', url: '/api/registry/provincial-agency-types' })).json().items;
    const surveyed = types.filter((t: { surveyed2019: boolean }) => t.surveyed2019);
    expect(surveyed).toHaveLength(20);
    expect(surveyed.map((t: { seq2019: number }) => t.seq2019)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(surveyed[0]).toMatchObject({ nameTh: 'สำนักงานจังหวัด' });

    const summary = (await as(h.app, admin, { method: 'GET', url: '/api/registry/summary' })).json();
    expect(summary.byLevel).toEqual({ department: 321, provincial_unit: 1520, province: 76, lao: 78 });
    expect(summary.laoByType).toEqual({ pao: 76, special: 2 });

    const units = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?level=provincial_unit&limit=1' })).json();
    expect(units.total).toBe(1520);
    const depts = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?level=department&limit=1' })).json();
    expect(depts.total).toBe(321);
  });

  it('links each provincial unit to its parent department, ministry and province', async () => {
    const res = await as(h.app, admin, { method: 'GET', url: `/api/registry/organisations?q=${encodeURIComponent('สำนักงานสถิติจังหวัดเชียงใหม่')}` });
    expect(res.json().total).toBe(1);
    const unit = res.json().items[0];
    expect(unit).toMatchObject({ level: 'provincial_unit', provinceCode: '50', provinceNameEn: 'Chiang Mai', ministryCode: '11000' });
    const detail = (await as(h.app, admin, { method: 'GET', url: `/api/registry/organisations/${unit.id}` })).json();
    expect(detail.parent).toMatchObject({ code: '11005', nameTh: 'สำนักงานสถิติแห่งชาติ' });
    const nso = (await as(h.app, admin, { method: 'GET', url: `/api/registry/organisations/${detail.parent.id}` })).json();
    expect(nso.childCount).toBe(76);
  });

  it('has the special LAOs, one PAO per province outside Bangkok, and a provincial CIO organisation per province', async () => {
    const special = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?level=lao&orgType=special' })).json();
    expect(special.items.map((o: { nameTh: string }) => o.nameTh).sort()).toEqual(['กรุงเทพมหานคร', 'เมืองพัทยา']);
    const pao = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?level=lao&orgType=pao&province=50' })).json();
    expect(pao.items.map((o: { nameTh: string }) => o.nameTh)).toEqual(['องค์การบริหารส่วนจังหวัดเชียงใหม่']);
    const bkkPao = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?level=lao&orgType=pao&province=10' })).json();
    expect(bkkPao.total).toBe(0);
    const prov = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?level=province&province=50' })).json();
    expect(prov.items[0]).toMatchObject({ code: 'PROV-50', nameTh: 'จังหวัดเชียงใหม่' });
  });

  it('searches Thai and English names case-insensitively, with filters and pagination', async () => {
    const th = (await as(h.app, reviewer, { method: 'GET', url: `/api/registry/organisations?q=${encodeURIComponent('กรมการปกครอง')}` })).json();
    expect(th.items.map((o: { code: string }) => o.code)).toContain('15003');
    const en = (await as(h.app, reviewer, { method: 'GET', url: '/api/registry/organisations?q=revenue%20DEPARTMENT' })).json();
    expect(en.items.map((o: { code: string }) => o.code)).toContain('03007');
    const interior = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?level=department&ministry=15000&limit=3&offset=0' })).json();
    expect(interior.items).toHaveLength(3);
    const page2 = (await as(h.app, admin, { method: 'GET', url: `/api/registry/organisations?level=department&ministry=15000&limit=3&offset=3` })).json();
    expect(page2.total).toBe(interior.total);
    expect(page2.items[0].code).not.toBe(interior.items[0].code);
    const serving = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?level=department&servesPublic=true&limit=500' })).json();
    expect(serving.items.map((o: { code: string }) => o.code)).toEqual(expect.arrayContaining(['15003', '03007', '17006']));
    expect(serving.items.map((o: { code: string }) => o.code)).not.toContain('15002');
    const wildcard = (await as(h.app, admin, { method: 'GET', url: '/api/registry/organisations?q=%25' })).json();
    expect(wildcard.total).toBe(0);
  });

  it('edits with an optimistic version check and audits before and after', async () => {
    const id = await orgIdByCode(h.db, '15003');
    const cur = (await as(h.app, admin, { method: 'GET', url: `/api/registry/organisations/${id}` })).json();
    const ok = await as(h.app, admin, { method: 'PATCH', url: `/api/registry/organisations/${id}`, payload: { version: cur.version, servesPublic: false, nameEn: 'Dept. of Provincial Administration' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ servesPublic: false, nameEn: 'Dept. of Provincial Administration', version: cur.version + 1 });

    const stale = await as(h.app, admin, { method: 'PATCH', url: `/api/registry/organisations/${id}`, payload: { version: cur.version, active: false } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');

    const audit = (await as(h.app, admin, { method: 'GET', url: `/api/registry/organisations/${id}/audit` })).json();
    expect(audit.items[0]).toMatchObject({
      action: 'organisation.update',
      actorName: 'DGA Admin',
      before: { servesPublic: true, nameEn: 'Department of Provincial Administration' },
      after: { servesPublic: false, nameEn: 'Dept. of Provincial Administration' },
    });
    // A reviewer reads the registry but cannot edit it.
    const byReviewer = await as(h.app, reviewer, { method: 'PATCH', url: `/api/registry/organisations/${id}`, payload: { version: cur.version + 1, active: false } });
    expect(byReviewer.statusCode).toBe(404);
  });

  it('re-import is idempotent and keeps admin edits', async () => {
    const id = await orgIdByCode(h.db, '21002');
    const cur = (await as(h.app, admin, { method: 'GET', url: `/api/registry/organisations/${id}` })).json();
    await as(h.app, admin, { method: 'PATCH', url: `/api/registry/organisations/${id}`, payload: { version: cur.version, nameTh: 'สำนักงานปลัดกระทรวงสาธารณสุข (แก้ไข)', servesPublic: true } });
    const before = (await as(h.app, admin, { method: 'GET', url: '/api/registry/summary' })).json();
    const again = await bootstrap({ config: h.config, db: h.db, log: silentLog, clock: h.clock, print: () => {} });
    expect(Object.values(again.reference).every((n) => n === 0)).toBe(true);
    expect(again.adminCreated).toBe(false);
    const after = (await as(h.app, admin, { method: 'GET', url: '/api/registry/summary' })).json();
    expect(after).toEqual(before);
    const kept = (await as(h.app, admin, { method: 'GET', url: `/api/registry/organisations/${id}` })).json();
    expect(kept).toMatchObject({ nameTh: 'สำนักงานปลัดกระทรวงสาธารณสุข (แก้ไข)', servesPublic: true, version: cur.version + 1 });
  });
});
