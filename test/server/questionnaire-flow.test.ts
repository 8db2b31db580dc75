// The whole agency path through the real server and database: invite → account → answer → upload → assign → conflict → complete → submit → locked → reopen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkItems } from '../../src/engine/questionnaire/items.js';
import { as, sessionCookie, startHarness, type Harness, type Session } from './support/foundation.js';
import { change, createSurvey, expectOk, FILES, multipartEvidence, nextIp, sampleValue, type Survey } from './support/questionnaire.js';

describe('questionnaire: the whole path', () => {
  let h: Harness;
  let s: Survey;
  let dataDir: string;
  let coordinator: Session;
  let contributor: Session;
  let head: Session;
  let contributorId: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-flow-'));
    h = await startHarness({ DATA_DIR: dataDir, UPLOAD_MAX_MB: '1' });
    s = await createSurvey(h, { open: false, seedUsers: false });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function acceptLatestInvitation(email: string, name: string): Promise<Session> {
    const mail = await h.db.selectFrom('outbox').select('body_text').where('to_address', '=', email).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.body_text)![1]!;
    const res = await h.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: name, password: 'a-long-password-123' }, headers: { 'x-forwarded-for': nextIp() } });
    const body = expectOk(res);
    return { cookie: sessionCookie(res), csrf: body.csrfToken, user: body.user };
  }

  it('invites a coordinator per participant through the outbox and the invitation becomes an account', async () => {
    const res = expectOk(
      await as(h.app, s.admin, { method: 'POST', url: `/api/editions/${s.eid}/invite-coordinators`, payload: { contacts: [{ organisationId: s.own, email: 'it@chiangmai.go.th' }] } }),
    );
    expect(res).toEqual({ invited: 1, alreadyHaveCoordinator: 0, missingEmail: [s.other] });
    coordinator = await acceptLatestInvitation('it@chiangmai.go.th', 'สมชาย ผู้ประสานงาน');
    expect(coordinator.user).toMatchObject({ role: 'coordinator', organisationId: s.own });
    // A second call invites nobody twice.
    const again = expectOk(await as(h.app, s.admin, { method: 'POST', url: `/api/editions/${s.eid}/invite-coordinators`, payload: {} }));
    expect(again.invited).toBe(0);
  });

  it('hides the draft edition from the agency, then opens it', async () => {
    expect((await as(h.app, coordinator, { method: 'GET', url: s.url('/questionnaire') })).statusCode).toBe(404);
    expect(expectOk(await as(h.app, coordinator, { method: 'GET', url: '/api/editions' })).items).toEqual([]);
    const opened = expectOk(await as(h.app, s.admin, { method: 'POST', url: `/api/editions/${s.eid}/transition`, payload: { to: 'open' } }));
    expect(opened).toMatchObject({ state: 'open', yearBe: 2569, yearCe: 2026, participantCount: 2 });
    expect(expectOk(await as(h.app, coordinator, { method: 'GET', url: '/api/editions' })).items.map((e: { id: string }) => e.id)).toEqual([s.eid]);
  });

  it('the coordinator brings in a contributor and the head by invitation', async () => {
    for (const [role, email] of [
      ['contributor', 'contrib@chiangmai.go.th'],
      ['head', 'governor@chiangmai.go.th'],
    ] as const) {
      expectOk(await as(h.app, coordinator, { method: 'POST', url: '/api/invitations', payload: { email, role } }), 201);
    }
    contributor = await acceptLatestInvitation('contrib@chiangmai.go.th', 'สมหญิง ผู้ร่วมตอบ');
    head = await acceptLatestInvitation('governor@chiangmai.go.th', 'ผู้ว่าราชการจังหวัด');
    contributorId = contributor.user.id;
  });

  it('answers, and the first answer moves the participant to in progress', async () => {
    const before = expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url('/questionnaire') }));
    expect(before.participant.status).toBe('not_started');
    expect(before.myEditableDimensions).toEqual(['P', 'C', 'S', 'B', 'I', 'T']);
    const items = frameworkItems(s.fw).filter((l) => l.dimensionCode === 'P');
    const res = expectOk(await as(h.app, coordinator, { method: 'PUT', url: s.url('/answers'), payload: { changes: items.map((l) => change(l.item.code, sampleValue(l.item), 0)) } }));
    expect(res.results.map((r: { status: string; version: number }) => [r.status, r.version])).toEqual(items.map(() => ['saved', 1]));
    const after = expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url('/questionnaire') }));
    expect(after.participant.status).toBe('in_progress');
    expect(after.answers[items[0]!.item.code]).toMatchObject({ value: sampleValue(items[0]!.item), version: 1, updatedByName: 'สมชาย ผู้ประสานงาน' });
  });

  let fileId = '';
  it('uploads evidence, stores identical content once, and serves it back with safe headers', async () => {
    const item = frameworkItems(s.fw).find((l) => l.item.requiresEvidence && l.dimensionCode === 'P')!.item.code;
    const up = multipartEvidence(item, 'แผนปฏิบัติการดิจิทัล.pdf', FILES.pdf);
    const file = expectOk(await as(h.app, coordinator, { method: 'POST', url: s.url('/evidence'), payload: up.payload, headers: up.headers }), 201);
    expect(file).toMatchObject({ item, filename: 'แผนปฏิบัติการดิจิทัล.pdf', mimeType: 'application/pdf', size: FILES.pdf.length, uploadedByName: 'สมชาย ผู้ประสานงาน' });
    fileId = file.id;
    const blob = path.join(dataDir, 'evidence', file.sha256.slice(0, 2), file.sha256.slice(2, 4), file.sha256);
    expect(fs.readFileSync(blob)).toEqual(FILES.pdf);
    const second = multipartEvidence(item, 'copy.pdf', FILES.pdf);
    const copy = expectOk(await as(h.app, coordinator, { method: 'POST', url: s.url('/evidence'), payload: second.payload, headers: second.headers }), 201);
    expect(copy.sha256).toBe(file.sha256);
    expect(fs.readdirSync(path.dirname(blob))).toEqual([file.sha256]);

    const dl = await as(h.app, head, { method: 'GET', url: `/api/evidence/${file.id}` });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload).toEqual(FILES.pdf);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('แผนปฏิบัติการดิจิทัล.pdf')}`);
    expect(dl.headers['content-disposition']).toMatch(/^inline/);
    expect((await as(h.app, s.admin, { method: 'GET', url: `/api/evidence/${file.id}` })).statusCode).toBe(200);

    // Deleting the copy leaves the first file (same blob) downloadable.
    expect((await as(h.app, coordinator, { method: 'DELETE', url: `/api/evidence/${copy.id}` })).statusCode).toBe(204);
    expect((await as(h.app, coordinator, { method: 'GET', url: `/api/evidence/${copy.id}` })).statusCode).toBe(404);
    expect((await as(h.app, coordinator, { method: 'GET', url: `/api/evidence/${file.id}` })).rawPayload).toEqual(FILES.pdf);
  });

  it('refuses an executable renamed .pdf, a script, and a file over the size limit', async () => {
    const item = frameworkItems(s.fw)[0]!.item.code;
    for (const [name, content] of [
      ['plan.pdf', FILES.exe],
      ['plan.pdf', FILES.elf],
      ['report.pdf', FILES.script],
    ] as const) {
      const up = multipartEvidence(item, name, content);
      const res = await as(h.app, coordinator, { method: 'POST', url: s.url('/evidence'), payload: up.payload, headers: up.headers });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('FILE_TYPE_REFUSED');
    }
    const big = Buffer.concat([FILES.pdf, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const up = multipartEvidence(item, 'big.pdf', big);
    const res = await as(h.app, coordinator, { method: 'POST', url: s.url('/evidence'), payload: up.payload, headers: up.headers });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
    const rows = await h.db.selectFrom('evidence_file').select('filename').where('deleted_at', 'is', null).execute();
    expect(rows.map((r) => r.filename)).toEqual(['แผนปฏิบัติการดิจิทัล.pdf']);
    expect(fs.readdirSync(path.join(dataDir, 'evidence', 'tmp'))).toEqual([]);
  });

  it('lists the organisation\'s people to its coordinator (to assign sections), not to a contributor', async () => {
    const mine = expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url('/questionnaire') }));
    expect(mine.members).toContainEqual({ id: contributorId, displayName: 'สมหญิง ผู้ร่วมตอบ', role: 'contributor' });
    const theirs = expectOk(await as(h.app, contributor, { method: 'GET', url: s.url('/questionnaire') }));
    expect(theirs.members).toBeUndefined();
  });

  it('assigns a section to the contributor, who may write only there', async () => {
    const res = expectOk(await as(h.app, coordinator, { method: 'PUT', url: s.url('/assignments'), payload: { assignments: [{ dimensionCode: 'C', userId: contributorId }] } }));
    expect(res.assignments).toEqual([{ dimensionCode: 'C', userId: contributorId, userName: 'สมหญิง ผู้ร่วมตอบ' }]);
    const view = expectOk(await as(h.app, contributor, { method: 'GET', url: s.url('/questionnaire') }));
    expect(view.myEditableDimensions).toEqual(['C']);
    const cItem = frameworkItems(s.fw).find((l) => l.dimensionCode === 'C')!.item;
    const pItem = frameworkItems(s.fw).find((l) => l.dimensionCode === 'P' && l.item.kind !== 'text')!.item;
    expectOk(await as(h.app, contributor, { method: 'PUT', url: s.url('/answers'), payload: { changes: [change(cItem.code, sampleValue(cItem), 0)] } }));
    const refused = await as(h.app, contributor, { method: 'PUT', url: s.url('/answers'), payload: { changes: [change(pItem.code, sampleValue(pItem), 1)] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].en).toContain('not assigned to dimension P');
  });

  it('two people editing the same answer: the later one gets a conflict with the current value', async () => {
    const cItem = frameworkItems(s.fw).filter((l) => l.dimensionCode === 'C' && l.item.kind === 'yes_no')[0]?.item ?? frameworkItems(s.fw).find((l) => l.dimensionCode === 'C')!.item;
    const cur = expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url('/questionnaire') })).answers[cItem.code];
    const first = expectOk(await as(h.app, contributor, { method: 'PUT', url: s.url('/answers'), payload: { changes: [change(cItem.code, null, cur.version)] } }));
    expect(first.results[0]).toMatchObject({ status: 'saved', version: cur.version + 1 });
    const second = expectOk(await as(h.app, coordinator, { method: 'PUT', url: s.url('/answers'), payload: { changes: [change(cItem.code, sampleValue(cItem), cur.version)] } }));
    expect(second.results[0]).toMatchObject({ status: 'conflict', current: { value: null, version: cur.version + 1, updatedByName: 'สมหญิง ผู้ร่วมตอบ' } });
    // The coordinator chooses to keep their value, on top of the current version.
    const chosen = expectOk(await as(h.app, coordinator, { method: 'PUT', url: s.url('/answers'), payload: { changes: [change(cItem.code, sampleValue(cItem), cur.version + 1)] } }));
    expect(chosen.results[0]).toMatchObject({ status: 'saved', version: cur.version + 2 });
    const history = expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url(`/answers/${cItem.code}/history`) }));
    expect(history.items.map((x: { version: number }) => x.version)).toEqual([cur.version + 2, cur.version + 1, cur.version]);
  });

  it('complete is refused while the checklist has gaps, then works', async () => {
    const list = expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url('/checklist') }));
    expect(list.complete).toBe(false);
    expect(list.unanswered.length).toBeGreaterThan(0);
    const p = expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url('/questionnaire') }));
    const refused = await as(h.app, coordinator, { method: 'POST', url: s.url('/complete'), payload: { version: p.participant.version } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CHECKLIST_INCOMPLETE');
    // Answer the rest; "no" needs no evidence.
    const changes = frameworkItems(s.fw)
      .filter((l) => l.item.kind !== 'text' && !(l.item.code in p.answers && p.answers[l.item.code].value !== null))
      .map((l) => change(l.item.code, l.item.kind === 'yes_no' ? false : sampleValue(l.item), p.answers[l.item.code]?.version ?? 0));
    expectOk(await as(h.app, coordinator, { method: 'PUT', url: s.url('/answers'), payload: { changes } }));
    let list2 = expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url('/checklist') }));
    expect(list2.unanswered).toEqual([]);
    for (const item of list2.missingEvidence as string[]) {
      const up = multipartEvidence(item, `${item}.png`, FILES.png, 'image/png');
      expectOk(await as(h.app, coordinator, { method: 'POST', url: s.url('/evidence'), payload: up.payload, headers: up.headers }), 201);
    }
    list2 = expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url('/checklist') }));
    expect(list2).toEqual({ unanswered: [], missingEvidence: [], complete: true });
    const version = expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url('/questionnaire') })).participant.version;
    // Only the coordinator completes and only the head submits.
    expect((await as(h.app, head, { method: 'POST', url: s.url('/complete'), payload: { version } })).statusCode).toBe(404);
    const done = expectOk(await as(h.app, coordinator, { method: 'POST', url: s.url('/complete'), payload: { version } }));
    expect(done).toMatchObject({ status: 'completed', completedBy: 'สมชาย ผู้ประสานงาน' });
  });

  it('the head submits; answers and evidence lock', async () => {
    const p = expectOk(await as(h.app, head, { method: 'GET', url: s.url('/questionnaire') }));
    expect((await as(h.app, coordinator, { method: 'POST', url: s.url('/submit'), payload: { version: p.participant.version } })).statusCode).toBe(404);
    const submitted = expectOk(await as(h.app, head, { method: 'POST', url: s.url('/submit'), payload: { version: p.participant.version } }));
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: 'ผู้ว่าราชการจังหวัด' });
    const item = frameworkItems(s.fw)[0]!.item;
    const locked = await as(h.app, coordinator, { method: 'PUT', url: s.url('/answers'), payload: { changes: [change(item.code, sampleValue(item), p.answers[item.code].version)] } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('STATE_FORBIDS');
    expect(locked.json().error.details[0].en).toContain('submitted');
    const up = multipartEvidence(item.code, 'late.pdf', FILES.pdf);
    expect((await as(h.app, coordinator, { method: 'POST', url: s.url('/evidence'), payload: up.payload, headers: up.headers })).statusCode).toBe(409);
    expect((await as(h.app, coordinator, { method: 'DELETE', url: `/api/evidence/${fileId}` })).statusCode).toBe(409);
    expect(expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url('/questionnaire') })).myEditableDimensions).toEqual([]);
  });

  it('an admin reopens with a reason; the agency can write again; every step is in the audit log', async () => {
    expect((await as(h.app, s.admin, { method: 'POST', url: s.url('/reopen'), payload: { reason: '' } })).statusCode).toBe(400);
    const reopened = expectOk(await as(h.app, s.admin, { method: 'POST', url: s.url('/reopen'), payload: { reason: 'แก้ไขข้อ P1.04 ตามที่ผู้ตรวจสอบแจ้ง' } }));
    expect(reopened).toMatchObject({ status: 'in_progress', reopenedReason: 'แก้ไขข้อ P1.04 ตามที่ผู้ตรวจสอบแจ้ง', submittedAt: null });
    const p = expectOk(await as(h.app, coordinator, { method: 'GET', url: s.url('/questionnaire') }));
    const item = frameworkItems(s.fw)[0]!.item;
    const res = expectOk(await as(h.app, coordinator, { method: 'PUT', url: s.url('/answers'), payload: { changes: [change(item.code, sampleValue(item), p.answers[item.code].version)] } }));
    expect(res.results[0].status).toBe('saved');
    const actions = (await h.db.selectFrom('audit_log').select('action').where('organisation_id', '=', s.own).orderBy('id').execute()).map((r) => r.action);
    for (const a of ['questionnaire.assign', 'evidence.upload', 'evidence.delete', 'questionnaire.complete', 'questionnaire.submit', 'questionnaire.reopen']) expect(actions).toContain(a);
  });
});
