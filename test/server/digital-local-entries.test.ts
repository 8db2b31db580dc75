// Digital Local over HTTP, first half: contest set-up, LAO sign-up, entries (versioned drafts, attachments, submit, late refusal, withdraw).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../src/demo/pdf.js';
import { ADMIN, as, orgIdByCode, PASSWORD, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';
import { addLao, contestConfig, DATES, multipart, SECTIONS, YEAR } from './support/digital-local.js';

describe('Digital Local: contest set-up and entries', () => {
  let h: Harness;
  let admin: Session;
  let applicant: Session;
  let cmPao: string;
  let saoId: string;

  beforeAll(async () => {
    h = await startHarness({ PUBLIC_URL: 'https://readiness.dga.or.th', LOGIN_RATE_LIMIT: '5' });
    cmPao = await orgIdByCode(h.db, 'LAO-PAO-50');
    saoId = await addLao(h.db, { code: '6500101', nameTh: 'องค์การบริหารส่วนตำบลบ้านทดสอบ', nameEn: 'Ban Thotsop SAO', type: 'sao', province: '65' });
    admin = await signIn(h.app, ADMIN.email, ADMIN.password);
    await seedUser(h.db, { email: 'applicant@cmpao.go.th', role: 'lao_applicant', organisationId: cmPao });
    applicant = await signIn(h.app, 'applicant@cmpao.go.th', PASSWORD, '10.0.0.2');
  });
  afterAll(async () => h?.close());

  it('admin saves a contest: every problem reported in Thai and English and nothing saved; then created and edited with a version', async () => {
    const bad = contestConfig({ judgesPerEntry: 0, eligibleLaoTypes: [] });
    bad.rubric.criteria[0]!.weight = -1;
    const refused = await as(h.app, admin, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}`, payload: { config: bad } });
    expect(refused.statusCode).toBe(400);
    const paths = refused.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['judgesPerEntry', 'eligibleLaoTypes', 'rubric.criteria[0].weight']));
    for (const d of refused.json().error.details) {
      expect(d.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(d.en).toMatch(/[A-Za-z]/);
    }
    expect((await as(h.app, admin, { method: 'GET', url: `/api/digital-local/contests/${YEAR}` })).statusCode).toBe(404);

    const noSchedule = contestConfig();
    delete noSchedule.schedule;
    expect((await as(h.app, admin, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}`, payload: { config: noSchedule } })).json().error.details[0].path).toBe('schedule');

    const created = await as(h.app, admin, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}`, payload: { config: contestConfig({ eligibleLaoTypes: ['pao', 'city_municipality', 'town_municipality', 'subdistrict_municipality'] }) } });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ year: YEAR, version: 1, phase: 'entries_open', dates: { entriesClose: '2026-05-31T16:59:59.999Z', announcement: '2026-07-14T17:00:00.000Z' } });

    const stale = await as(h.app, admin, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}`, payload: { config: contestConfig(), version: 7 } });
    expect(stale.statusCode).toBe(409);
    const edited = await as(h.app, admin, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}`, payload: { config: contestConfig({ eligibleLaoTypes: ['pao', 'city_municipality', 'town_municipality', 'subdistrict_municipality'], judgesPerEntry: 2 }), version: 1 } });
    expect(edited.json().version).toBe(2);

    const list = await as(h.app, applicant, { method: 'GET', url: '/api/digital-local/contests' });
    expect(list.json().items.map((c: { year: number }) => c.year)).toEqual([YEAR]);
    const defaults = await as(h.app, admin, { method: 'GET', url: `/api/digital-local/contest-defaults/${YEAR + 1}` });
    expect(defaults.json().config.rubric.criteria.map((c: { code: string }) => c.code)).toEqual(['problem', 'policy_plan', 'work_process', 'results']);
    expect((await as(h.app, applicant, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}`, payload: { config: contestConfig(), version: 2 } })).statusCode).toBe(404);
  });

  it('an LAO signs up from the registry by province and type: a single-use link by mail, then an applicant account', async () => {
    const types = await h.app.inject({ method: 'GET', url: '/api/public/digital-local/lao-types' });
    expect(types.json().items.map((t: { code: string }) => t.code)).toContain('sao');
    const laos = await h.app.inject({ method: 'GET', url: '/api/public/digital-local/laos?province=65&type=sao' });
    expect(laos.json().items).toEqual([expect.objectContaining({ id: saoId, laoType: 'sao', provinceCode: '65', nameTh: 'องค์การบริหารส่วนตำบลบ้านทดสอบ' })]);
    const bma = await h.app.inject({ method: 'GET', url: '/api/public/digital-local/laos?type=bma' });
    expect(bma.json().items.map((o: { nameEn: string }) => o.nameEn)).toEqual(['Bangkok Metropolitan Administration']);

    const res = await h.app.inject({ method: 'POST', url: '/api/public/digital-local/signup', payload: { email: 'it@bantotsop.go.th', organisationId: saoId }, headers: { 'x-forwarded-for': '10.1.0.1' } });
    expect(res.statusCode).toBe(202);
    const mail = await h.db.selectFrom('outbox').selectAll().where('to_address', '=', 'it@bantotsop.go.th').executeTakeFirstOrThrow();
    expect(mail.kind).toBe('dl-signup');
    const link = /https:\/\/readiness\.dga\.or\.th\/invite\/[A-Za-z0-9_-]+/.exec(mail.body_text)![0];
    expect(mail.body_text).toContain('องค์การบริหารส่วนตำบลบ้านทดสอบ');
    const token = link.split('/invite/')[1]!;
    const view = await h.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(view.json()).toMatchObject({ role: 'lao_applicant', organisation: { id: saoId } });
    const accepted = await h.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: 'นักวิชาการคอมพิวเตอร์', password: 'a-long-enough-password' } });
    expect(accepted.json().user).toMatchObject({ role: 'lao_applicant', organisationId: saoId });
    expect((await h.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: 'x', password: 'a-long-enough-password' } })).statusCode).toBe(410);

    // The same answer for an address that already has an account; the mail says so instead of carrying a link.
    const again = await h.app.inject({ method: 'POST', url: '/api/public/digital-local/signup', payload: { email: 'it@bantotsop.go.th', organisationId: saoId }, headers: { 'x-forwarded-for': '10.1.0.1' } });
    expect(again.statusCode).toBe(202);
    const second = await h.db.selectFrom('outbox').selectAll().where('to_address', '=', 'it@bantotsop.go.th').orderBy('created_at').execute();
    expect(second).toHaveLength(2);
    expect(second.some((m) => !/\/invite\//.test(m.body_text))).toBe(true);

    const notLao = await h.app.inject({ method: 'POST', url: '/api/public/digital-local/signup', payload: { email: 'x@dol.go.th', organisationId: await orgIdByCode(h.db, '15005') }, headers: { 'x-forwarded-for': '10.1.0.2' } });
    expect(notLao.statusCode).toBe(400);
  });

  it('sign-up requests are rate limited per IP like login', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await h.app.inject({ method: 'POST', url: '/api/public/digital-local/signup', payload: { email: `flood${i}@example.go.th`, organisationId: saoId }, headers: { 'x-forwarded-for': '10.1.0.9' } });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(codes.slice(5)).toEqual([429, 429]);
  });

  let entryId: string;

  it('the applicant starts one entry for their LAO; asking again answers the same entry', async () => {
    const first = await as(h.app, applicant, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/entries`, payload: { title: 'ระบบขออนุญาตก่อสร้างออนไลน์' } });
    expect(first.statusCode).toBe(201);
    entryId = first.json().id;
    expect(first.json()).toMatchObject({ status: 'draft', version: 1, title: 'ระบบขออนุญาตก่อสร้างออนไลน์', organisation: { id: cmPao, laoType: 'pao', provinceCode: '50' } });
    const again = await as(h.app, applicant, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/entries`, payload: {} });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(entryId);
    const mine = await as(h.app, applicant, { method: 'GET', url: `/api/digital-local/contests/${YEAR}/entries` });
    expect(mine.json().items.map((e: { id: string }) => e.id)).toEqual([entryId]);
  });

  it('an LAO of a type the contest does not admit is refused with the reason', async () => {
    await seedUser(h.db, { email: 'sao@example.go.th', role: 'lao_applicant', organisationId: saoId });
    const sao = await signIn(h.app, 'sao@example.go.th', PASSWORD, '10.0.0.3');
    const res = await as(h.app, sao, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/entries`, payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DL_NOT_ELIGIBLE');
    expect(res.json().error.message_th).toContain('องค์การบริหารส่วนตำบล');
    expect(await h.db.selectFrom('dl_entry').select('id').where('organisation_id', '=', saoId).execute()).toHaveLength(0);
  });

  it('draft saves are versioned: a stale version gets 409 with the current value, a retried request is saved once', async () => {
    const save = (payload: object) => as(h.app, applicant, { method: 'PUT', url: `/api/digital-local/entries/${entryId}`, payload });
    const ok = await save({ baseVersion: 1, requestId: 'r1', summary: 'ยื่นขออนุญาตก่อสร้างผ่านโทรศัพท์', sections: { problem: SECTIONS.problem }, links: [{ url: 'https://youtu.be/demo', label: 'วิดีโอ' }] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'saved', version: 2, entry: { summary: 'ยื่นขออนุญาตก่อสร้างผ่านโทรศัพท์', sections: { problem: SECTIONS.problem } } });
    const retry = await save({ baseVersion: 1, requestId: 'r1', summary: 'ยื่นขออนุญาตก่อสร้างผ่านโทรศัพท์', sections: { problem: SECTIONS.problem } });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'saved', version: 2 });
    const stale = await save({ baseVersion: 1, requestId: 'r2', summary: 'ข้อความเก่า' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect(stale.json().current).toMatchObject({ version: 2, summary: 'ยื่นขออนุญาตก่อสร้างผ่านโทรศัพท์' });
    const versions = await h.db.selectFrom('dl_entry_version').select('version').where('entry_id', '=', entryId).execute();
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);

    const badSection = await save({ baseVersion: 2, requestId: 'r3', sections: { nonsense: 'x' } });
    expect(badSection.statusCode).toBe(400);
    const badLink = await save({ baseVersion: 2, requestId: 'r4', links: [{ url: 'javascript:alert(1)' }] });
    expect(badLink.statusCode).toBe(400);
  });

  it('attachments: type from content, size limit, listed on the entry, downloadable by its readers', async () => {
    const pdf = tinyPdf('Evidence', ['Digital Local attachment']);
    const up = await as(h.app, applicant, { method: 'POST', url: `/api/digital-local/entries/${entryId}/attachments`, ...multipart({ section: 'results' }, { filename: 'ผลลัพธ์.pdf', content: pdf }) });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ section: 'results', filename: 'ผลลัพธ์.pdf', mimeType: 'application/pdf', kind: 'document' });
    const exe = await as(h.app, applicant, { method: 'POST', url: `/api/digital-local/entries/${entryId}/attachments`, ...multipart({}, { filename: 'photo.jpg', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]) }) });
    expect(exe.statusCode).toBe(415);
    const entry = (await as(h.app, applicant, { method: 'GET', url: `/api/digital-local/entries/${entryId}` })).json();
    expect(entry.attachments.map((a: { id: string }) => a.id)).toEqual([up.json().id]);
    const dl = await as(h.app, applicant, { method: 'GET', url: `/api/digital-local/attachments/${up.json().id}` });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    const extra = await as(h.app, applicant, { method: 'POST', url: `/api/digital-local/entries/${entryId}/attachments`, ...multipart({}, { filename: 'x.pdf', content: pdf }) });
    expect((await as(h.app, applicant, { method: 'DELETE', url: `/api/digital-local/attachments/${extra.json().id}` })).statusCode).toBe(204);
    expect((await as(h.app, applicant, { method: 'GET', url: `/api/digital-local/attachments/${extra.json().id}` })).statusCode).toBe(404);
  });

  it('submission needs every section; the complete entry is submitted and then locked', async () => {
    const incomplete = await as(h.app, applicant, { method: 'POST', url: `/api/digital-local/entries/${entryId}/submit`, payload: {} });
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().error.code).toBe('DL_ENTRY_INCOMPLETE');
    expect(incomplete.json().error.details.map((d: { path: string }) => d.path)).toEqual(['sections/policy_plan', 'sections/work_process', 'sections/results']);
    const cur = (await as(h.app, applicant, { method: 'GET', url: `/api/digital-local/entries/${entryId}` })).json();
    await as(h.app, applicant, { method: 'PUT', url: `/api/digital-local/entries/${entryId}`, payload: { baseVersion: cur.version, requestId: 'r5', sections: SECTIONS } });
    const done = await as(h.app, applicant, { method: 'POST', url: `/api/digital-local/entries/${entryId}/submit`, payload: {} });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'submitted', submittedAt: DATES.entriesOpen.replace('Z', '.000Z') });
    const retry = await as(h.app, applicant, { method: 'POST', url: `/api/digital-local/entries/${entryId}/submit`, payload: {} });
    expect(retry.json().status).toBe('submitted');
    const edit = await as(h.app, applicant, { method: 'PUT', url: `/api/digital-local/entries/${entryId}`, payload: { baseVersion: done.json().version, requestId: 'r6', title: 'x' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('STATE_FORBIDS');
  });

  it('after the close a draft can be neither saved nor submitted: a clear Thai/English refusal, nothing changed', async () => {
    const pao = await addLao(h.db, { code: '5000301', nameTh: 'เทศบาลเมืองทดสอบ', type: 'town_municipality', province: '50' });
    await seedUser(h.db, { email: 'late@town.go.th', role: 'lao_applicant', organisationId: pao });
    h.clock.set(DATES.lastMinute);
    let late = await signIn(h.app, 'late@town.go.th', PASSWORD, '10.0.0.4');
    const draft = (await as(h.app, late, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/entries`, payload: { title: 'ระบบแจ้งเหตุ' } })).json();
    await as(h.app, late, { method: 'PUT', url: `/api/digital-local/entries/${draft.id}`, payload: { baseVersion: 1, requestId: 'l1', summary: 'สรุป', sections: SECTIONS } });
    h.clock.set(DATES.afterClose);
    // Sessions last hours; the clock moved a month.
    late = await signIn(h.app, 'late@town.go.th', PASSWORD, '10.0.0.4');
    const applicantNow = await signIn(h.app, 'applicant@cmpao.go.th', PASSWORD, '10.0.0.2');
    try {
      const res = await as(h.app, late, { method: 'POST', url: `/api/digital-local/entries/${draft.id}/submit`, payload: {} });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('DL_ENTRIES_CLOSED');
      expect(res.json().error.message_th).toContain('หมดเขตรับใบสมัครแล้วเมื่อ 31 พฤษภาคม 2569');
      expect(res.json().error.message_en).toContain('Entries closed on 31 May 2026 at 23:59');
      const save = await as(h.app, late, { method: 'PUT', url: `/api/digital-local/entries/${draft.id}`, payload: { baseVersion: 2, requestId: 'l2', title: 'late edit' } });
      expect(save.json().error.code).toBe('DL_ENTRIES_CLOSED');
      const after = (await as(h.app, late, { method: 'GET', url: `/api/digital-local/entries/${draft.id}` })).json();
      expect(after).toMatchObject({ status: 'draft', version: 2, title: 'ระบบแจ้งเหตุ' });
      const create = await as(h.app, applicantNow, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/entries`, payload: {} });
      expect(create.statusCode).toBe(200); // the existing entry; nothing new
      // Withdrawal stays possible until the results are confirmed.
      const w = await as(h.app, late, { method: 'POST', url: `/api/digital-local/entries/${draft.id}/withdraw`, payload: { reason: 'ส่งไม่ทัน' } });
      expect(w.json()).toMatchObject({ status: 'withdrawn', withdrawReason: 'ส่งไม่ทัน' });
    } finally {
      h.clock.set(DATES.entriesOpen);
    }
  });

  it('before the entries open, starting an entry is refused with the opening date', async () => {
    h.clock.set(DATES.beforeOpen);
    try {
      const town = await addLao(h.db, { code: '5000302', nameTh: 'เทศบาลตำบลก่อนเปิด', type: 'subdistrict_municipality', province: '50' });
      await seedUser(h.db, { email: 'early@sub.go.th', role: 'lao_applicant', organisationId: town });
      const early = await signIn(h.app, 'early@sub.go.th', PASSWORD, '10.0.0.5');
      const res = await as(h.app, early, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/entries`, payload: {} });
      expect(res.json().error.code).toBe('DL_ENTRIES_NOT_OPEN');
      expect(res.json().error.message_en).toContain('1 April 2026');
    } finally {
      h.clock.set(DATES.entriesOpen);
    }
  });
});
